"""Reporters, in-process: SARIF against the official 2.1.0 schema, GitHub
workflow commands, JSON, text, masking and counts per code.

``tests/schemas/sarif-schema-2.1.0.json`` is the OASIS SARIF 2.1.0 schema
(oasis-tcs/sarif-spec, Documents/CommitteeSpecifications/2.1.0), unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from deid.cli import Format
from deid.config import FORMATS
from deid.findings import Positions
from deid.reporters import REPORTERS, Options, mask, masking_wanted, render
from deid.reporters.github import to_github
from deid.reporters.sarif import to_sarif
from deid.suppress import Baseline

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
EMAIL = "kayla.m@example.com"
CRLF_DRAFT = "Bonjour \U0001F44B caf\u00e9\r\nSeeking EMDR for a 34F client.\r\nMail " + EMAIL + " \u2192 thanks\r\n"
MARKED = "Seeking EMDR for a 34F client. <!-- deid: ignore[AGE] -->\nNothing here. <!-- deid: ignore -->\n"


@pytest.fixture(scope="module")
def checked(linter, draft_texts, tmp_path_factory):
    """Drafts covering every kind of entry: findings, none, empty, accepted, stale, odd paths."""
    folder = tmp_path_factory.mktemp("reporters")
    baseline = Baseline(folder / "b.json")
    over = linter.lint(draft_texts.overshared)
    baseline.record("in baseline.txt", [f for f in over.findings if f.category == "NAME"])
    texts = {
        "overshared.txt": draft_texts.overshared,
        "notes/referral [draft], v2.md": CRLF_DRAFT,
        "clean.txt": draft_texts.clean,
        "empty.txt": "",
        "marked.md": MARKED,
        "<stdin>": draft_texts.warning_only,
        str(folder / "absolute.txt"): draft_texts.warning_only,
    }
    pairs = list(zip(texts, linter.lint_many(texts.values())))
    pairs.append(("in baseline.txt", baseline.apply("in baseline.txt", over)))
    return pairs


def validate(log: dict) -> None:
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_formats_agree_everywhere():
    assert set(REPORTERS) == set(FORMATS) == {f.value for f in Format}


@pytest.mark.parametrize("show_text", [False, True])
def test_sarif_validates_against_the_2_1_0_schema(checked, linter, show_text):
    log = to_sarif(checked, Options(show_text=show_text, statistics=True, rules=linter.rules))
    validate(log)
    assert log["version"] == "2.1.0"


def test_sarif_rules_come_from_rules_dir(checked, linter):
    (run,) = to_sarif(checked, Options(rules=linter.rules))["runs"]
    descriptors = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    documented = [r for r in linter.rules.rules.values() if r.category in linter.rules.categories]
    assert set(descriptors) == {r.code for r in documented}
    for rule in documented:
        d = descriptors[rule.code]
        category = linter.rules.categories[rule.category]
        assert d["name"] == rule.title
        assert rule.title in d["shortDescription"]["text"]
        assert d["fullDescription"]["text"] == rule.why
        assert rule.fix in d["help"]["text"] and rule.example in d["help"]["markdown"]
        assert "164.514(b)(2)(i)" in d["help"]["markdown"]
        assert d["properties"]["category"] == rule.category
        assert d["properties"]["severity"] == rule.severity
        assert d["properties"]["safe_harbor"] == category.safe_harbor
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_regions_point_at_the_identifier(checked, linter):
    (run,) = to_sarif(checked, Options(show_text=True, rules=linter.rules))["runs"]
    by_uri = {}
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        by_uri.setdefault(location["artifactLocation"]["uri"], []).append(location["region"])
    crlf = by_uri["notes/referral%20%5Bdraft%5D%2C%20v2.md"]
    positions = Positions(CRLF_DRAFT)
    for region in crlf:
        start, length = region["charOffset"], region["charLength"]
        assert (region["startLine"], region["startColumn"]) == positions(start)
        assert (region["endLine"], region["endColumn"]) == positions(start + length)
    assert any(CRLF_DRAFT[r["charOffset"]:r["charOffset"] + r["charLength"]] == EMAIL for r in crlf)
    assert "%3Cstdin%3E" in by_uri
    assert any(uri.startswith("file:///") for uri in by_uri)
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_marks_accepted_findings_and_reports_stale_ones(checked, linter):
    (run,) = to_sarif(checked, Options(rules=linter.rules))["runs"]
    kinds = {s["kind"] for r in run["results"] for s in r.get("suppressions", [])}
    assert kinds == {"inSource", "external"}
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any("no longer matches" in n["message"]["text"] for n in notes)


def test_github_annotations(checked, linter):
    lines = to_github(checked, Options(rules=linter.rules)).splitlines()
    email_line = next(line for line in lines if "C103" in line and "overshared.txt" in line)
    assert email_line.startswith("::error file=overshared.txt,line=2,col=")
    assert ",endLine=2,endColumn=" in email_line and ",title=deid C103 CONTACT::" in email_line
    assert EMAIL not in email_line and "'k******************'" in email_line
    odd = next(line for line in lines if "referral" in line)
    assert "file=notes/referral [draft]%2C v2.md," in odd  # ',' escaped inside a property
    assert any(line.startswith("::warning ") for line in lines)
    assert any(line.startswith("::notice ") and "no longer matches" in line for line in lines)
    assert all(line.startswith("::") for line in lines)


def test_github_escapes_newlines_and_percent():
    from deid.reporters.github import _command

    assert _command("error", "50%\nnext", file="a,b:c.txt", line=1) == "::error file=a%2Cb%3Ac.txt,line=1::50%25%0Anext"


def test_json_masks_unless_shown(checked, linter):
    masked = json.loads(render("json", checked, Options(rules=linter.rules)))
    shown = json.loads(render("json", checked, Options(show_text=True, statistics=True, rules=linter.rules)))
    assert masked["masked"] is True and shown["masked"] is False
    for m, s in zip(masked["files"], shown["files"]):
        assert [f["text"] for f in m["findings"]] == [mask(f["text"]) for f in s["findings"]]
    assert shown["statistics"]["C103"] >= 1
    marked = next(f for f in shown["files"] if f["path"] == "marked.md")
    assert marked["suppressed"] == 1 and marked["notes"][0]["line"] == 2


def test_text_shows_the_draft_only_when_text_may_be_shown(checked, linter, draft_texts):
    masked = render("text", checked, Options(rules=linter.rules))
    shown = render("text", checked, Options(show_text=True, rules=linter.rules))
    assert EMAIL in shown and draft_texts.overshared.splitlines()[0] in shown
    assert EMAIL not in masked and draft_texts.overshared.splitlines()[0] not in masked
    assert "'k******************'" in masked and "--show-text" in masked
    assert "This draft is empty" in masked
    assert "accepted on purpose" in masked and "no longer matches" in masked


def test_statistics_count_per_code(checked, linter):
    text = render("text", checked, Options(statistics=True, rules=linter.rules))
    n = sum(1 for _, report in checked for f in report.findings if f.code == "C103")
    assert f"{n:>5}  C103  {linter.rules.rules['C103'].title}" in text


@pytest.mark.parametrize("text, masked", [
    ("Mark Jensen", "M*** J*****"),
    ("34F", "***"),
    ("6", "*"),
    ("J.D.", "J***"),
    (EMAIL, "k" + "*" * (len(EMAIL) - 1)),
    ("541-555-0188", "*" * 12),
    ("Lincoln\nHigh", "L******\nH***"),
])
def test_mask_keeps_only_the_shape(text, masked):
    assert mask(text) == masked


@pytest.mark.parametrize("terminal, ci, wanted", [
    (True, None, False), (False, None, True), (True, "true", True), (True, "1", True),
    (True, "false", False), (True, "", False),
])
def test_masking_when_not_a_terminal_or_in_ci(terminal, ci, wanted):
    environ = {} if ci is None else {"CI": ci}
    assert masking_wanted(terminal, environ) is wanted
