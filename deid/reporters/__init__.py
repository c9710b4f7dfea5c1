"""Reporters turn reports into output, chosen by name from :data:`REPORTERS`.

* ``text``: for people (the default);
* ``json``: for scripts;
* ``sarif``: SARIF 2.1.0 for code-scanning tools;
* ``github``: GitHub Actions annotations.

Every reporter masks identifier text unless ``Options.show_text``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from rich.console import Console

from deid.reporters import github, json, sarif, text
from deid.reporters.base import Checked, Options, mask, masking_wanted

Reporter = Callable[[Console, Sequence[Checked], Options], None]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json.render,
    "sarif": sarif.render,
    "github": github.render,
}


def render(format: str, checked: Sequence[Checked], options: Options | None = None) -> str:
    """Render reports as a string (plain text, no colour)."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, no_color=True, highlight=False, soft_wrap=True)
    REPORTERS[format](console, checked, options or Options())
    return buffer.getvalue()


__all__ = ["REPORTERS", "Checked", "Options", "Reporter", "mask", "masking_wanted", "render"]
