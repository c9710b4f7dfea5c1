"""The library's front door: a loaded linter and the report it returns."""

from __future__ import annotations

import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from deid import buildcache
from deid.findings import Finding, Positions, Span, build_findings, repeated
from deid.rules import SEVERITIES, RuleSet, load_rules
from deid.score import Reason, Risk, RiskModel
from deid.settings import Settings, SettingsError
from deid.suppress import Note, Suppressed, apply_markers, blank_markers

#: Code points spaCy cannot encode; replaced one for one, so offsets hold.
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Report:
    """What deid found in one draft.

    ``findings`` are what still needs attention; ``suppressed`` were accepted
    on purpose (inline markers, a baseline); ``notes`` say which of those
    acceptances are stale. ``risk`` scores the findings (see deid.score).
    """

    text: str
    findings: list[Finding]
    keep: list[Span] = field(default_factory=list)
    poster: list[Span] = field(default_factory=list)
    suppressed: list[Suppressed] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    risk: Risk = field(default_factory=Risk)
    #: The linter that checked the draft (its rules word the template and
    #: redaction; redaction re-checks its own output with it).
    linter: Linter | None = field(default=None, repr=False, compare=False)

    @property
    def score(self) -> int:
        """Risk score, 0 (nothing identifying) to 100."""
        return self.risk.score

    @property
    def band(self) -> str:
        """Risk band: low, medium or high."""
        return self.risk.band

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """The contributions behind the score."""
        return self.risk.reasons

    @property
    def k(self) -> int | None:
        """About how many people fit what the draft says (None when it narrows nothing)."""
        return self.risk.k

    @property
    def template(self) -> str:
        """A minimal, ready-to-post referral request built from the draft."""
        from deid.template import build_template

        return build_template(self)

    @property
    def redacted(self) -> str:
        """The draft with every finding replaced or generalised (until it lints clean)."""
        from deid.redact import redact_until_clean

        return redact_until_clean(self)

    @property
    def worst(self) -> str | None:
        """The highest severity among the findings, or None when clean."""
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=SEVERITIES.index)

    def fails(self, threshold: str) -> bool:
        """Whether any finding reaches ``threshold`` (info/warning/error)."""
        worst = self.worst
        return worst is not None and SEVERITIES.index(worst) >= SEVERITIES.index(threshold)


class Linter:
    """Holds the loaded pipeline and rules; reuse one for many drafts.

    One linter can be shared by several threads: they take turns (a stretch
    of text at a time) and get the same reports as when linting one after
    another. spaCy makes no promise about concurrent use of a pipeline, and
    threads would not run it faster; for parallel speed, use one linter per
    process.
    """

    def __init__(self, settings: Settings | None = None, rules: RuleSet | None = None):
        self.settings = settings or Settings()
        self.rules = rules or load_rules(self.settings.rules_dir)
        unknown = self.settings.disabled - set(self.rules.rules) - set(self.rules.categories)
        if unknown:
            raise SettingsError(
                f"Cannot disable {', '.join(sorted(unknown))}: no such rule code or category. "
                "'deid rules' lists the codes."
            )
        from deid.engine import Engine  # spaCy and Presidio load here, not on `import deid`

        self.engine = Engine(self.rules, self.settings)
        self.risk_model = RiskModel(self.rules)
        #: Whether what the first draft built (word sets read on first use) was kept for the next start.
        self._kept_built = False
        self._allow = frozenset(a.lower() for a in self.settings.allow)
        self._turn = threading.RLock()

    def lint(self, text: str) -> Report:
        """Lint one draft."""
        return next(self.lint_many([text]))

    def lint_many(self, texts: Iterable[str]) -> Iterator[Report]:
        """Lint drafts in order, running spaCy over them in batches.

        A draft longer than ``engine.max_chars`` is linted in stretches cut
        at paragraph, line or word boundaries, each with some text after it
        as context; the report covers the whole draft. Inline ``deid: ignore``
        markers are blanked out before detection and then applied to the
        findings. Lone surrogates (from undecodable bytes) are read as
        U+FFFD. Offsets always point into the draft as given.
        """
        from deid.engine import split_text

        queued: deque[tuple[str, str, list[tuple[int, int, int]]]] = deque()

        def pieces() -> Iterator[str]:
            for text in texts:
                clean = blank_markers(text)
                stretches = split_text(clean, self.engine.max_chars, self.engine.context_chars)
                queued.append((text, clean, stretches))
                yield from (_SURROGATE.sub("\ufffd", clean[start:stop]) for start, _, stop in stretches)

        steps = self.engine.artifacts(pieces())
        parts: list[Report] = []
        while True:
            with self._turn:  # one thread at a time in spaCy and Presidio (not across a yield)
                step = next(steps, None)
                if step is None:
                    return
                analysed, artifacts = step
                text, clean, stretches = queued[0]
                start, _, stop = stretches[len(parts)]
                piece = clean[start:stop]
                results = self.engine.analyze(analysed, artifacts)
            findings, keep, poster = build_findings(piece, results, self.rules, self._allow)
            parts.append(Report(text=piece, findings=findings, keep=keep, poster=poster))
            if len(parts) == len(stretches):
                queued.popleft()
                whole = parts[0] if len(parts) == 1 else _join(clean, stretches, parts)
                strong = repeated(clean, whole.findings, [*whole.poster, *whole.keep],
                                  lambda f: not self.rules.rules[f.code].weak)
                findings, suppressed, notes = apply_markers(text, strong)
                risk = self.risk_model.assess(text, findings, whole.keep, whole.poster)
                if not self._kept_built:
                    buildcache.save()  # what was built from deid's own data, for the next start
                    self._kept_built = True
                yield Report(text=text, findings=findings, keep=whole.keep, poster=whole.poster,
                             suppressed=suppressed, notes=notes, risk=risk, linter=self)
                parts = []


def _join(text: str, stretches: list[tuple[int, int, int]], parts: list[Report]) -> Report:
    """One report for a draft from its stretches' reports, offsets into the draft.

    A stretch keeps what starts inside it (not in its trailing context); a
    finding that overlaps the one before it (across a cut) keeps the longer.
    """
    where = Positions(text)
    findings: list[Finding] = []
    keep: list[Span] = []
    poster: list[Span] = []
    for (start, end, _), part in zip(stretches, parts):
        for f in part.findings:
            if f.start + start >= end:
                continue
            line, column = where(f.start + start)
            shifted = replace(f, start=f.start + start, end=f.end + start, line=line, column=column)
            if findings and shifted.start < findings[-1].end:
                if shifted.end - shifted.start <= findings[-1].end - findings[-1].start:
                    continue
                findings.pop()
            findings.append(shifted)
        keep += [replace(s, start=s.start + start, end=s.end + start) for s in part.keep if s.start + start < end]
        poster += [replace(s, start=s.start + start, end=s.end + start) for s in part.poster if s.start + start < end]
    return Report(text=text, findings=findings, keep=keep, poster=poster)
