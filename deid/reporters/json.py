"""Machine-readable output: one entry per draft, offsets into its text."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import Console

from deid.reporters.base import Checked, Options, statistics, write_plain

FINDING_FIELDS = ("code", "category", "severity", "start", "end", "line", "column", "text",
                  "message", "fix", "safe_harbor")


def to_json(checked: Sequence[Checked], options: Options) -> str:
    """``{"files": [{"path", "findings", "suppressed", "notes", "score", "band",
    "reasons", ["k", "crowd"]}], "masked", ["statistics"]}``.

    ``text`` (and the place in ``crowd``) is masked unless
    ``options.show_text``; ``suppressed`` counts findings accepted on
    purpose; ``k`` and ``crowd`` say how many people the draft describes,
    when it narrows the crowd at all.
    """
    files = []
    for path, report in checked:
        entry = {
            "path": path,
            "findings": [
                {k: options.shown(f) if k == "text" else getattr(f, k) for k in FINDING_FIELDS}
                for f in report.findings
            ],
            "suppressed": len(report.suppressed),
            "notes": [{"line": n.line, "message": n.message} for n in report.notes],
            "score": report.score,
            "band": report.band,
            "reasons": [{"code": r.code, "points": r.points, "explanation": r.explanation} for r in report.reasons],
        }
        if report.risk.crowd:
            entry["k"] = report.k
            entry["crowd"] = report.risk.crowd.describe(options.show)
        files.append(entry)
    data: dict = {"files": files, "masked": not options.show_text}
    if options.statistics:
        data["statistics"] = statistics(checked)
    return json.dumps(data, ensure_ascii=False, indent=2)


def render(console: Console, checked: Sequence[Checked], options: Options) -> None:
    """Print the JSON document."""
    write_plain(console, to_json(checked, options))


def render_outputs(outputs: Sequence[tuple[str, str]], key: str) -> str:
    """``{"files": [{"path": ..., key: text}]}`` for templates and redactions."""
    return json.dumps({"files": [{"path": path, key: text} for path, text in outputs]}, ensure_ascii=False, indent=2)
