"""Shared pieces of deid's code recognizers."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex
import tldextract
from presidio_analyzer import EntityRecognizer, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import EmailRecognizer, PhoneRecognizer
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


#: Six digits, each at most four characters from the next on one line: the least any phone number has.
_SIX_DIGITS = regex.compile(r"\d(?:[^\d\r\n]{0,4}\d){5}")


class DigitGatedPhoneRecognizer(PhoneRecognizer):
    """Presidio's phone recognizer, skipped on text with no run of six digits.

    Its matcher (libphonenumber's) is about a millisecond a draft in Python;
    no number it accepts has fewer than six digits, and most drafts have none.
    """

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """Presidio's phone numbers in ``text``, when it has digits enough for one."""
        if not _SIX_DIGITS.search(text):
            return []
        return super().analyze(text, entities, nlp_artifacts)


class RulePatternRecognizer(PatternRecognizer):
    """Presidio's pattern recognizer with a leaner matching loop, same results.

    Presidio's loop clocks and logs every pattern on every text, and matches
    under the regex module's timeout, which checks the clock as it goes:
    with some 180 rule patterns, that was two fifths of their matching time.
    A rule's regex is refused when it loads if it backtracks badly (see
    :mod:`deid.regexcheck`), and drafts are analysed in bounded stretches,
    so there is nothing here for the timeout to stop.
    """

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        """Every pattern's matches in ``text``, as Presidio's ``analyze`` returns them."""
        if regex_flags is not None and regex_flags != self.global_regex_flags:
            return super().analyze(text, entities, nlp_artifacts, regex_flags)
        results = []
        metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        for pattern in self.patterns:
            for match in pattern.compiled_regex.finditer(text):
                start, end = match.span()
                if start == end:
                    continue
                matched = text[start:end]
                valid = self.validate_result(matched)
                score = pattern.score if valid is None else self.MAX_SCORE if valid else self.MIN_SCORE
                if self.invalidate_result(matched):
                    score = self.MIN_SCORE
                if score <= self.MIN_SCORE:
                    continue
                explanation = self.build_regex_explanation(
                    self.name, pattern.name, pattern.regex, pattern.score, valid, self.global_regex_flags)
                explanation.score = score
                results.append(RecognizerResult(
                    entity_type=self.supported_entities[0], start=start, end=end, score=score,
                    analysis_explanation=explanation, recognition_metadata=dict(metadata),
                ))
        return self.remove_duplicates(results)


class PublicSuffixRecognizer(RulePatternRecognizer):
    """A pattern rule (``check: public_suffix``) whose matches are web addresses.

    A match counts only when its host ends in a known public suffix. The
    patterns can then say "any ending of letters" where Presidio's own URL
    recognizer spells out some 700 endings: a regex that took a quarter of a
    second to compile on every start.
    """

    def validate_result(self, pattern_text: str) -> bool | None:
        """Keep the pattern's score for a real address; drop the rest."""
        return None if has_public_suffix(pattern_text) else False


def inside_word(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is written against the tokens on both sides of it, as a
    hyphen inside a name is ("Okoro-Bennett"), not a dash set between words ("pain - Boise")."""
    return 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


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
