"""Shared pieces of deid's code recognizers."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import tldextract
from presidio_analyzer import EntityRecognizer, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import EmailRecognizer
from spacy.tokens import Doc

from deid.rules import Rule, RuleSet


@lru_cache(maxsize=1)
def _offline_extractor() -> tldextract.TLDExtract:
    # No URLs to fetch, no cache directory to write: the bundled snapshot only.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def has_public_suffix(address: str) -> bool:
    """Whether a web or email address ends in a known public suffix (".com",
    ".co.uk"), by tldextract's bundled list: no network."""
    return _offline_extractor()(address).fqdn != ""


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's email recognizer, validating domains without the network."""

    def validate_result(self, pattern_text: str) -> bool:
        """Accept an address whose domain has a known public suffix."""
        return has_public_suffix(pattern_text)


class PublicSuffixRecognizer(PatternRecognizer):
    """A pattern rule (``check: public_suffix``) whose matches are web addresses.

    A match counts only when its host ends in a known public suffix. The
    patterns can then say "any ending of letters" where Presidio's own URL
    recognizer spells out some 700 endings: a regex that took a quarter of a
    second to compile on every start.
    """

    def validate_result(self, pattern_text: str) -> bool | None:
        """Keep the pattern's score for a real address; drop the rest."""
        return None if has_public_suffix(pattern_text) else False


class RuleRecognizer(EntityRecognizer):
    """A recognizer that runs one deid rule over a spaCy ``Doc``."""

    def __init__(self, rule: Rule, rules: RuleSet, score: float = 0.85, **options: Any):
        self.rule = rule
        self.rules = rules
        self.score = score
        self.options = options
        super().__init__(supported_entities=[rule.code], name=rule.code, supported_language="en")

    def load(self) -> None:
        """Nothing to load: data comes from the rule set."""

    def terms(self, refs: list[str] | None) -> frozenset[str]:
        """Lower-cased union of the lexicons (``@name``) and words in ``refs``."""
        out: set[str] = set()
        for ref in refs or []:
            if ref.startswith("@"):
                out |= self.rules.lexicon_sets.get(ref[1:], frozenset())
            else:
                out.add(ref.lower())
        return frozenset(out)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts) -> list[RecognizerResult]:
        """Run the rule over the artifacts' ``Doc``."""
        return [
            RecognizerResult(self.rule.code, start, end, score)
            for start, end, score in self.spans(nlp_artifacts.tokens)
        ]

    def spans(self, doc: Doc) -> list[tuple[int, int, float]]:
        """Return ``(start, end, score)`` character spans found in ``doc``."""
        raise NotImplementedError
