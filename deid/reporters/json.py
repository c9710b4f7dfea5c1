"""Machine-readable output."""

from __future__ import annotations

import json
from collections.abc import Iterable

from deid.linter import Report

FINDING_FIELDS = ("code", "category", "severity", "start", "end", "line", "column", "text",
                  "message", "fix", "safe_harbor")


def render_json(reports: Iterable[tuple[str, Report]]) -> str:
    """``{"files": [{"path": ..., "findings": [...], "score": ..., "band": ...,
    "reasons": [...], "k": ...}]}`` with string offsets; ``k`` only when the
    draft narrows the crowd at all."""
    files = []
    for path, report in reports:
        entry = {
            "path": path,
            "findings": [{k: getattr(f, k) for k in FINDING_FIELDS} for f in report.findings],
            "score": report.score,
            "band": report.band,
            "reasons": [{"code": r.code, "points": r.points, "explanation": r.explanation} for r in report.reasons],
        }
        if report.k is not None:
            entry["k"] = report.k
        files.append(entry)
    return json.dumps({"files": files}, ensure_ascii=False, indent=2)


def render_outputs(outputs: Iterable[tuple[str, str]], key: str) -> str:
    """``{"files": [{"path": ..., key: text}]}`` for templates and redactions."""
    return json.dumps({"files": [{"path": path, key: text} for path, text in outputs]}, ensure_ascii=False, indent=2)
