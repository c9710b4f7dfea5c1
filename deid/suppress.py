"""Accepting findings on purpose: inline markers and a baseline file.

Inline markers sit in the draft itself, in any comment style the draft's
format allows (``<!-- deid: ignore -->`` is invisible in rendered Markdown):

* ``deid: ignore`` accepts every finding on its own line;
* ``deid: ignore-next-line`` accepts every finding on the next line;
* either takes optional codes or categories: ``deid: ignore[N101, AGE]``.

A baseline (``deid baseline``) records the findings accepted in a set of
drafts as salted hashes of path, rule code and normalised text, never the
text, so that ``deid lint --baseline FILE`` fails only on new findings.
Offsets are not hashed: editing elsewhere in a draft keeps its entries.

Markers are blanked out before detection (:func:`blank_markers`), so that
adding one never changes what else is found. Markers and baseline entries
that no longer accept anything are stale and reported as notes, so they can
be removed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from deid.findings import Finding, Positions, trim

if TYPE_CHECKING:  # pragma: no cover
    from deid.linter import Report

#: ``deid: ignore``, ``deid: ignore-next-line``, each with optional ``[codes]``.
MARKER = re.compile(r"deid:\s*ignore(?P<next>-next-line)?(?:\[(?P<codes>[^\]\r\n]*)\])?", re.IGNORECASE)
#: The name a baseline file gets unless told otherwise.
BASELINE_FILE = ".deid-baseline.json"
BASELINE_FORMAT = 1
#: PBKDF2 rounds per hash: slows down guessing what a hash stands for.
ITERATIONS = 10_000


@dataclass(frozen=True)
class Note:
    """Something worth knowing that is not a finding (a stale suppression)."""

    message: str
    line: int | None = None


@dataclass(frozen=True)
class Suppressed:
    """A finding accepted on purpose, and how: ``"inline"`` or ``"baseline"``."""

    finding: Finding
    by: str


@dataclass(frozen=True)
class Marker:
    """One inline marker: where it is and which findings it accepts."""

    line: int
    start: int
    end: int
    target: int
    codes: frozenset[str]

    def accepts(self, finding: Finding) -> bool:
        """Whether this marker accepts ``finding``."""
        return finding.line == self.target and (
            not self.codes or finding.code in self.codes or finding.category in self.codes
        )

    def describe(self) -> str:
        """The marker as written, normalised (``deid: ignore[N101]``)."""
        codes = f"[{','.join(sorted(self.codes))}]" if self.codes else ""
        return f"deid: ignore{'-next-line' if self.target != self.line else ''}{codes}"


def find_markers(text: str) -> list[Marker]:
    """Every inline marker in ``text``, with the line it applies to."""
    where = Positions(text)
    markers = []
    for m in MARKER.finditer(text):
        line, _ = where(m.start())
        codes = frozenset(c.upper() for c in re.split(r"[\s,]+", m.group("codes") or "") if c)
        markers.append(Marker(line, m.start(), m.end(), line + 1 if m.group("next") else line, codes))
    return markers


def blank_markers(text: str) -> str:
    """``text`` with every marker replaced by spaces (offsets unchanged)."""
    return MARKER.sub(lambda m: " " * len(m.group()), text)


def apply_markers(text: str, findings: Sequence[Finding]) -> tuple[list[Finding], list[Suppressed], list[Note]]:
    """Split findings into ``(kept, suppressed, notes on stale markers)``."""
    markers = find_markers(text)
    if not markers:
        return list(findings), [], []
    kept: list[Finding] = []
    suppressed: list[Suppressed] = []
    used: set[Marker] = set()
    where = Positions(text)
    for f in findings:
        f = _outside(text, f, markers, where)
        if f is None:
            continue
        by = next((m for m in markers if m.accepts(f)), None)
        if by is None:
            kept.append(f)
        else:
            used.add(by)
            suppressed.append(Suppressed(f, "inline"))
    notes = [
        Note(f"'{m.describe()}' no longer matches a finding; it can be removed.", m.line)
        for m in markers if m not in used
    ]
    return kept, suppressed, notes


def _outside(text: str, finding: Finding, markers: Sequence[Marker], where: Positions) -> Finding | None:
    """``finding`` cut short of any marker it runs into (detection saw blanks
    there: "Mark <marker> Jensen" may read as one name), or None if nothing is left."""
    start, end = finding.start, finding.end
    for m in markers:
        if start < m.end and m.start < end:
            start, end = trim(text, start, m.start) if start < m.start else trim(text, m.end, end)
    if start >= end or not text[start:end].strip():
        return None
    if (start, end) == (finding.start, finding.end):
        return finding
    line, column = where(start)
    return dataclasses.replace(finding, start=start, end=end, line=line, column=column, text=text[start:end])


class BaselineError(ValueError):
    """A baseline file cannot be used; the message says why."""


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class Baseline:
    """Accepted findings, as salted hashes grouped by (hashed) draft path.

    Paths are taken relative to the baseline file's folder, so a baseline
    works from any current directory. Only files that were linted can have
    stale entries: the others were not looked at.
    """

    path: Path
    salt: bytes = field(default_factory=lambda: secrets.token_bytes(16))
    iterations: int = ITERATIONS
    files: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        """Read a baseline file written by :meth:`save`."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"The baseline {path} does not exist. Create it with: deid baseline [DRAFTS]") from None
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise BaselineError(f"The baseline {path} cannot be read ({exc}). Recreate it with: deid baseline") from None
        try:
            if data.get("deid-baseline") != BASELINE_FORMAT:
                raise ValueError("not a deid baseline")
            return cls(
                path=path, salt=bytes.fromhex(data["salt"]), iterations=int(data["iterations"]),
                files={str(k): set(map(str, v)) for k, v in data["files"].items()},
            )
        except (AttributeError, KeyError, TypeError, ValueError):
            raise BaselineError(f"{path} is not a deid baseline file. Recreate it with: deid baseline") from None

    def _hash(self, *parts: str) -> str:
        message = "\x00".join(parts).encode("utf-8")
        return hashlib.pbkdf2_hmac("sha256", message, self.salt, self.iterations).hex()[:32]

    def _relative(self, draft: str) -> str:
        if draft.startswith("<"):  # <stdin>
            return draft
        target = Path(draft).resolve()
        try:
            return Path(os.path.relpath(target, self.path.resolve().parent)).as_posix()
        except ValueError:  # another drive (Windows)
            return target.as_posix()

    def _key(self, draft: str) -> tuple[str, str]:
        relative = self._relative(draft)
        return relative, self._hash("path", relative)

    def record(self, draft: str, findings: Iterable[Finding]) -> int:
        """Accept ``findings`` of one draft (replacing what it had); return how many entries."""
        relative, key = self._key(draft)
        entries = {self._hash("finding", relative, f.code, _normalise(f.text)) for f in findings}
        if entries:
            self.files[key] = entries
        else:
            self.files.pop(key, None)
        return len(entries)

    def apply(self, draft: str, report: Report) -> Report:
        """The report with baseline findings moved to ``suppressed``, plus a note on stale entries."""
        relative, key = self._key(draft)
        accepted = self.files.get(key)
        if not accepted:
            return report
        kept, suppressed, used = [], list(report.suppressed), set()
        for f in report.findings:
            digest = self._hash("finding", relative, f.code, _normalise(f.text))
            if digest in accepted:
                used.add(digest)
                suppressed.append(Suppressed(f, "baseline"))
            else:
                kept.append(f)
        notes = list(report.notes)
        stale = len(accepted - used)
        if stale:
            notes.append(Note(
                f"{stale} accepted finding{'s' if stale > 1 else ''} in the baseline no longer "
                f"appear{'' if stale > 1 else 's'} in this draft; run 'deid baseline' to refresh it."
            ))
        return dataclasses.replace(report, findings=kept, suppressed=suppressed, notes=notes)

    def save(self) -> None:
        """Write the baseline (hashes only) to :attr:`path`."""
        data = {
            "deid-baseline": BASELINE_FORMAT,
            "about": "Findings accepted on purpose, as salted hashes; no draft text is stored.",
            "salt": self.salt.hex(),
            "iterations": self.iterations,
            "files": {k: sorted(v) for k, v in sorted(self.files.items())},
        }
        self.path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
