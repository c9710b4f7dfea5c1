"""The rule reference, generated from ``rules/`` (never written twice)."""

from __future__ import annotations

from deid.rules import Rule, RuleSet


def rule_markdown(rule: Rule, rules: RuleSet) -> str:
    """One rule's documentation page, in Markdown."""
    cat = rules.categories[rule.category]
    return "\n".join([
        f"## {rule.code}: {rule.title}",
        "",
        f"**Category** {cat.name} ({cat.title}) · **severity** {rule.severity} · "
        f"**HIPAA safe harbor** 45 CFR 164.514(b)(2)(i)({cat.safe_harbor})",
        "",
        f"**What it catches.** {rule.title}. {cat.message}",
        "",
        f"**Why it matters.** {rule.why}",
        "",
        f"**Example.** \"{rule.example}\"",
        "",
        f"**How to fix.** {rule.fix}",
        "",
    ])


def reference_markdown(rules: RuleSet) -> str:
    """The whole rule reference (docs/rules.md)."""
    parts = [
        "# Rule reference",
        "",
        "Generated from `rules/` by `python -m deid.docs`; do not edit by hand.",
        "",
        "| code | category | severity | rule |",
        "|---|---|---|---|",
    ]
    documented = [r for r in rules.rules.values() if r.category in rules.categories]
    parts += [f"| [{r.code}](#{r.code.lower()}-{_anchor(r.title)}) | {r.category} | {r.severity} | {r.title} |"
              for r in documented]
    parts.append("")
    parts += [rule_markdown(r, rules) for r in documented]
    return "\n".join(parts)


def _anchor(title: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-").replace("--", "-")


if __name__ == "__main__":
    import sys
    from pathlib import Path

    from deid.rules import load_rules

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/rules.md")
    target.write_text(reference_markdown(load_rules()), encoding="utf-8")
    print(f"wrote {target}")
