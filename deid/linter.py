"""The library's front door: a loaded linter and the report it returns."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from deid.engine import Engine
from deid.findings import Finding, Span, build_findings
from deid.rules import SEVERITIES, RuleSet, load_rules
from deid.score import Reason, Risk, RiskModel
from deid.settings import Settings, SettingsError
from deid.suppress import Note, Suppressed, apply_markers, blank_markers


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
    """Holds the loaded pipeline and rules; reuse one for many drafts."""

    def __init__(self, settings: Settings | None = None, rules: RuleSet | None = None):
        self.settings = settings or Settings()
        self.rules = rules or load_rules(self.settings.rules_dir)
        unknown = self.settings.disabled - set(self.rules.rules) - set(self.rules.categories)
        if unknown:
            raise SettingsError(
                f"Cannot disable {', '.join(sorted(unknown))}: no such rule code or category. "
                "'deid rules' lists the codes."
            )
        self.engine = Engine(self.rules, self.settings)
        self.risk_model = RiskModel(self.rules)
        self._allow = frozenset(a.lower() for a in self.settings.allow)

    def lint(self, text: str) -> Report:
        """Lint one draft."""
        return next(self.lint_many([text]))

    def lint_many(self, texts: Iterable[str]) -> Iterator[Report]:
        """Lint drafts in order, running spaCy over them in batches.

        Inline ``deid: ignore`` markers are blanked out before detection and
        then applied to the findings.
        """
        pending: deque[str] = deque()

        def blanked() -> Iterator[str]:
            for text in texts:
                pending.append(text)
                yield blank_markers(text)

        for clean, artifacts in self.engine.artifacts(blanked()):
            text = pending.popleft()
            results = self.engine.analyze(clean, artifacts)
            findings, keep, poster = build_findings(clean, results, self.rules, self._allow)
            findings, suppressed, notes = apply_markers(text, findings)
            risk = self.risk_model.assess(text, findings, keep, poster)
            yield Report(text=text, findings=findings, keep=keep, poster=poster,
                         suppressed=suppressed, notes=notes, risk=risk, linter=self)
