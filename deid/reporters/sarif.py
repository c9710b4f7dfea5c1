"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE viewers).

Rule metadata comes from rules/: ``id`` is the rule code, descriptions and
help come from the rule's documentation, and ``properties`` carry the
category, severity and HIPAA safe-harbor clause. Each finding is a result
with a region given in lines and columns (Unicode code points) and in
character offsets. Accepted findings are results with a ``suppressions``
entry (``inSource`` for markers, ``external`` for the baseline); stale
suppressions are tool notifications.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath
from urllib.parse import quote

from rich.console import Console

import deid
from deid.docs import rule_markdown
from deid.findings import Finding, Positions
from deid.reporters.base import Checked, Options, statistics, write_plain
from deid.rules import Rule, RuleSet

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SUPPRESSION_KINDS = {"inline": "inSource", "baseline": "external"}


def uri(path: str) -> str:
    """A draft path as a SARIF artifact URI (relative paths stay relative)."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix())


def rule_descriptor(rule: Rule, rules: RuleSet) -> dict:
    """A rule as a SARIF ``reportingDescriptor``."""
    cat = rules.categories[rule.category]
    return {
        "id": rule.code,
        "name": rule.title,
        "shortDescription": {"text": f"{rule.title}: {cat.message}"},
        "fullDescription": {"text": rule.why},
        "help": {
            "text": f"{rule.fix} (HIPAA safe harbor 45 CFR 164.514(b)(2)(i)({cat.safe_harbor}).)",
            "markdown": rule_markdown(rule, rules),
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "category": rule.category,
            "severity": rule.severity,
            "safe_harbor": cat.safe_harbor,
            "tags": ["privacy", rule.category.lower()],
        },
    }


def _result(path: str, f: Finding, where: Positions, index: dict[str, int], options: Options,
            suppressed_by: str | None = None) -> dict:
    end_line, end_column = where(f.end)
    result = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": LEVELS[f.severity],
        "message": {"text": f"{f.title} {options.shown(f)!r}: {f.message} Fix: {f.fix}"},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": uri(path)},
                "region": {
                    "startLine": f.line, "startColumn": f.column,
                    "endLine": end_line, "endColumn": end_column,
                    "charOffset": f.start, "charLength": f.end - f.start,
                },
            },
        }],
        "properties": {"category": f.category},
    }
    if suppressed_by:
        result["suppressions"] = [{"kind": SUPPRESSION_KINDS[suppressed_by]}]
    return result


def to_sarif(checked: Sequence[Checked], options: Options) -> dict:
    """The SARIF log for all drafts, as a dict."""
    rules = options.ruleset()
    documented = [r for r in rules.rules.values() if r.category in rules.categories]
    index = {r.code: i for i, r in enumerate(documented)}
    results, notifications = [], []
    for path, report in checked:
        where = Positions(report.text)
        results += [_result(path, f, where, index, options) for f in report.findings]
        results += [_result(path, s.finding, where, index, options, s.by) for s in report.suppressed]
        for note in report.notes:
            location = {"artifactLocation": {"uri": uri(path)}}
            if note.line:
                location["region"] = {"startLine": note.line}
            notifications.append({"level": "note", "message": {"text": note.message},
                                  "locations": [{"physicalLocation": location}]})
    run: dict = {
        "tool": {"driver": {
            "name": "deid", "version": deid.__version__, "semanticVersion": deid.__version__,
            "rules": [rule_descriptor(r, rules) for r in documented],
        }},
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"masked": not options.show_text},
    }
    if options.statistics:
        run["properties"]["statistics"] = statistics(checked)
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(console: Console, checked: Sequence[Checked], options: Options) -> None:
    """Print the SARIF log."""
    write_plain(console, json.dumps(to_sarif(checked, options), ensure_ascii=False, indent=2))
