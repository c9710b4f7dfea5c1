"""The rule reference in docs/ is generated from rules/ and must not go stale."""

from __future__ import annotations

from pathlib import Path

from deid.docs import reference_markdown
from deid.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent


def test_rule_reference_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == reference_markdown(load_rules(ROOT / "rules")), (
        "docs/rules.md is out of date: run `python -m deid.docs docs/rules.md`"
    )


def test_every_identifier_rule_is_documented() -> None:
    rules = load_rules(ROOT / "rules")
    page = reference_markdown(rules)
    for rule in rules.rules.values():
        if rule.category in rules.categories:
            assert f"## {rule.code}: {rule.title}" in page


def test_every_rule_entry_cites_its_hipaa_clause() -> None:
    rules = load_rules(ROOT / "rules")
    page = reference_markdown(rules)
    for rule in rules.rules.values():
        if rule.category in rules.categories:
            entry = page.split(f"## {rule.code}: ", 1)[1].split("\n## ", 1)[0]
            clause = rules.categories[rule.category].safe_harbor
            assert f"45 CFR 164.514(b)(2)(i)({clause})" in entry, rule.code
