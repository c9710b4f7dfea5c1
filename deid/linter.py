"""The library's front door: a loaded linter and the report it returns."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from deid.findings import Finding, Span, build_findings
from deid.rules import SEVERITIES, RuleSet, load_rules
from deid.settings import Settings


@dataclass(frozen=True)
class Report:
    """What deid found in one draft."""

    text: str
    findings: list[Finding]
    keep: list[Span] = field(default_factory=list)
    poster: list[Span] = field(default_factory=list)

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
        from deid.engine import Engine  # spaCy and Presidio load here, not on `import deid`

        self.engine = Engine(self.rules, self.settings)
        self._allow = frozenset(a.lower() for a in self.settings.allow)

    def lint(self, text: str) -> Report:
        """Lint one draft."""
        return next(self.lint_many([text]))

    def lint_many(self, texts: Iterable[str]) -> Iterator[Report]:
        """Lint drafts in order, running spaCy over them in batches."""
        for text, artifacts in self.engine.artifacts(texts):
            results = self.engine.analyze(text, artifacts)
            findings, keep, poster = build_findings(text, results, self.rules, self._allow)
            yield Report(text=text, findings=findings, keep=keep, poster=poster)
