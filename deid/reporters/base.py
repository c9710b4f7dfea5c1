"""What every reporter shares: output options, masking, counts per code."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from deid.findings import Finding

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console

    from deid.linter import Report
    from deid.rules import RuleSet

#: One checked draft: its path (as given) and its report.
Checked = tuple[str, "Report"]

_WORD = regex.compile(r"\S+")


def write_plain(console: Console, text: str) -> None:
    """Print a machine-readable document as it is.

    Rich would lay a large document out line by line first, in memory:
    twice the linter's own memory for a few thousand drafts.
    """
    console.file.write(text + "\n")
    console.file.flush()


def mask(text: str) -> str:
    """Hide an identifier but keep its shape: ``"Mark Jensen"`` -> ``"M*** J*****"``.

    Each word keeps its first character when that is a letter and the word
    is longer than one character; every other character becomes ``*``
    (so digits never show: ``"34F"`` -> ``"***"``).
    """

    def one(m: regex.Match[str]) -> str:
        word = m.group()
        keep = 1 if len(word) > 1 and word[0].isalpha() else 0
        return word[:keep] + "*" * (len(word) - keep)

    return _WORD.sub(one, text)


def masking_wanted(is_terminal: bool, environ: Mapping[str, str] = os.environ) -> bool:
    """Mask unless output goes to a terminal outside CI (``CI`` set to anything but ``""``, ``0``, ``false``)."""
    ci = environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}
    return ci or not is_terminal


@dataclass(frozen=True)
class Options:
    """How to report: masked or not, counts per code, the failing threshold, the rules shown."""

    show_text: bool = False
    statistics: bool = False
    fail_on: str = "warning"
    rules: RuleSet | None = None

    def shown(self, finding: Finding) -> str:
        """The finding's text as it may be printed."""
        return self.show(finding.text)

    def show(self, text: str) -> str:
        """Draft text as it may be printed (masked unless ``show_text``)."""
        return text if self.show_text else mask(text)

    def ruleset(self) -> RuleSet:
        """The rules to describe (the shipped ones unless given)."""
        from deid.rules import load_rules

        return self.rules or load_rules()


def statistics(checked: Sequence[Checked]) -> dict[str, int]:
    """Findings per rule code across all drafts, most frequent first."""
    counts = Counter(f.code for _, report in checked for f in report.findings)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def failing(checked: Sequence[Checked], threshold: str) -> int:
    """How many drafts have a finding at or above ``threshold``."""
    return sum(report.fails(threshold) for _, report in checked)
