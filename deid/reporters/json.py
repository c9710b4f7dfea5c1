"""Machine-readable output."""

from __future__ import annotations

import json
from collections.abc import Iterable

from deid.linter import Report

FINDING_FIELDS = ("code", "category", "severity", "start", "end", "line", "column", "text",
                  "message", "fix", "safe_harbor")


def render_json(reports: Iterable[tuple[str, Report]]) -> str:
    """``{"files": [{"path": ..., "findings": [...]}]}`` with string offsets."""
    files = [
        {"path": path, "findings": [{k: getattr(f, k) for k in FINDING_FIELDS} for f in report.findings]}
        for path, report in reports
    ]
    return json.dumps({"files": files}, ensure_ascii=False, indent=2)
