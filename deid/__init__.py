"""deid: lint referral drafts for client identifiers before they are posted.

>>> import deid
>>> report = deid.lint("Seeking EMDR for my 3pm Tuesday client, 34F in Bend.")
>>> [(f.category, f.text) for f in report.findings]  # doctest: +SKIP
[('TIMING', '3pm Tuesday'), ('AGE', '34F'), ('LOCATION', 'Bend')]
"""

from __future__ import annotations

from functools import lru_cache

from deid.findings import Finding, Span
from deid.linter import Linter, Report
from deid.settings import Settings

__all__ = ["Finding", "Linter", "Report", "Settings", "Span", "lint"]
__version__ = "0.1.0"


@lru_cache(maxsize=1)
def _default_linter() -> Linter:
    return Linter()


def lint(text: str) -> Report:
    """Lint one draft with the default settings (the pipeline loads once)."""
    return _default_linter().lint(text)
