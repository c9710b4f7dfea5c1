"""deid: lint referral drafts for client identifiers before they are posted.

>>> import deid
>>> report = deid.lint("Seeking EMDR for my 3pm Tuesday client, 34F in Bend.")
>>> [(f.category, f.text) for f in report.findings]  # doctest: +SKIP
[('TIMING', '3pm Tuesday'), ('AGE', '34F'), ('LOCATION', 'Bend')]
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from deid.findings import Finding, Span
from deid.settings import Settings

if TYPE_CHECKING:
    from deid.linter import Linter, Report

__all__ = ["Finding", "Linter", "Report", "Settings", "Span", "lint"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The linter brings in spaCy and Presidio (seconds): imported on first use,
    # so the command starts at once and Ctrl-C meets its own handling.
    if name in ("Linter", "Report"):
        from deid import linter

        return getattr(linter, name)
    raise AttributeError(f"module 'deid' has no attribute {name!r}")


@lru_cache(maxsize=1)
def _default_linter() -> Linter:
    from deid.linter import Linter

    return Linter()


def lint(text: str) -> Report:
    """Lint one draft with the default settings (the pipeline loads once)."""
    return _default_linter().lint(text)
