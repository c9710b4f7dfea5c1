"""Reporters turn reports into output: ``text`` for people, ``json`` for tools."""

from __future__ import annotations

from deid.reporters.json import render_json
from deid.reporters.text import render_text

__all__ = ["render_json", "render_text"]
