"""Build spaCy and Presidio once, explicitly and offline.

Presidio's ``AnalyzerEngine()`` default constructor would download a model,
and its email recognizer makes tldextract fetch the public suffix list on
first use. Here every piece is built by hand: the spaCy pipeline is loaded
by name from an installed package, the NLP engine is handed that pipeline,
and the email recognizer checks domains against tldextract's bundled
snapshot with no cache and no network.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import regex
import spacy
from presidio_analyzer import (
    AnalyzerEngine, EntityRecognizer, Pattern, RecognizerRegistry, RecognizerResult,
)
from presidio_analyzer import predefined_recognizers as presidio_predefined
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc

from deid.recognizers import CHECKED_PATTERNS, CODE_RECOGNIZERS, PREDEFINED_REPLACEMENTS, RulePatternRecognizer
from deid.recognizers.learned import add_learned_tagger
from deid.rules import REGEX_FLAGS, Rule, RuleError, RuleSet, compile_regex, trie_regex
from deid.settings import ModelNotFound, Settings

LANGUAGE = "en"
#: Pipeline components detection does not use. deid's recognizers need tokens
#: and entities; the English pipelines' NER has its own tok2vec (a trf
#: pipeline's "transformer" is kept). Tagging, parsing and lemmatizing would
#: take two thirds of the pipeline's time.
UNUSED_COMPONENTS = ("tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer")
#: Texts per ``nlp.pipe`` batch, and characters: spaCy's memory grows with
#: the tokens in a batch (about 8 KB each), not with the input as a whole.
BATCH_SIZE = 64
BATCH_CHARS = 32_000


@Language.component("deid_lower_lemmas")
def lower_lemmas(doc: Doc) -> Doc:
    """Use each word's lower-cased form as its lemma.

    Presidio's context words ("phone", "zip") are looked for as substrings of
    the lemmas around a match; the lower-cased word contains the lemma for
    regular inflections ("calls", "called"), without a tagger and lemmatizer.
    """
    doc.from_array([LEMMA], doc.to_array([LOWER]))
    return doc


class _Analyzer(AnalyzerEngine):
    """Presidio's analyzer with a cheaper context step and the same results.

    For each draft Presidio offers every recognizer all results to rescore
    (a no-op unless a recognizer overrides ``enhance_using_context``), then
    deep-copies every result for its context-word enhancer, although only
    results of recognizers with context words can change. Here the enhancer
    gets just those, and the others stay as they are, in the same order.
    """

    def _enhance_using_context(self, text: str, raw_results: list[RecognizerResult], nlp_artifacts: NlpArtifacts,
                               recognizers: list[EntityRecognizer], context: list[str] | None = None,
                               ) -> list[RecognizerResult]:
        if any(type(r).enhance_using_context is not EntityRecognizer.enhance_using_context for r in recognizers):
            return super()._enhance_using_context(text, raw_results, nlp_artifacts, recognizers, context)
        with_context = {r.id for r in recognizers if r.context}

        def has_context(result: RecognizerResult) -> bool:
            return result.recognition_metadata.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY) in with_context

        enhanced = iter(self.context_aware_enhancer.enhance_using_context(
            text=text, raw_results=[r for r in raw_results if has_context(r)], nlp_artifacts=nlp_artifacts,
            recognizers=recognizers, context=context,
        ))
        return [next(enhanced) if has_context(r) else r for r in raw_results]
#: Longest stretch of a draft analysed at once; longer drafts are split (see
#: :func:`split_text`): spaCy's memory grows with a stretch's length, and
#: Presidio's context search with its square.
CHUNK_CHARS = 20_000
#: Text after each stretch analysed with it as context, so that its last
#: lines are not mistaken for the end of the draft (a signature block).
CONTEXT_CHARS = 2_000
#: Where a long draft is cut, best first: after a blank line, a line break,
#: any whitespace (each searched backwards from the end of the window).
_BREAKS = tuple(regex.compile(p, regex.REVERSE) for p in (
    r"(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n)", r"\r\n|\r|\n", r"\s+",
))
#: Characters joined to the one before them (or, for ZWJ, after): never cut there.
_GLUE = regex.compile(r"[\p{M}\u200d\ufe00-\ufe0f\U0001F3FB-\U0001F3FF]")


def split_text(text: str, limit: int, context: int = 0) -> list[tuple[int, int, int]]:
    """Split ``text`` into stretches of at most ``limit`` characters.

    Returns ``(start, end, stop)`` triples: the stretches ``text[start:end]``
    follow each other and cover ``text``; ``text[start:stop]`` adds up to
    ``context`` characters after the stretch. A cut falls after a blank line
    or a line break in the second half of the window, else after any
    whitespace, else between two characters that are not joined (a combining
    mark, an emoji sequence). A text that fits is one stretch, even when empty.
    """
    stretches = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        stop = _cut(text, end, end + context) if len(text) - end > context else len(text)
        stretches.append((start, end, stop))
        start = end
    stretches.append((start, len(text), len(text)))
    return stretches


def _cut(text: str, start: int, end: int) -> int:
    """Where to cut ``text`` at or before ``end`` (and after ``start``)."""
    half = (start + end + 1) // 2
    for pattern, lowest in zip(_BREAKS, (half, half, start + 1)):
        found = pattern.search(text, lowest, end)
        if found and found.end() > start:
            cut = found.end()
            # never between the two characters of a CRLF cut by the window
            return cut - 1 if text[cut - 1] == "\r" and text[cut:cut + 1] == "\n" and cut - 1 > start else cut
    cut = end
    while cut - 1 > start and (_GLUE.match(text, cut) or text[cut - 1] == "\u200d"):
        cut -= 1
    return cut


class _LoadedSpacyEngine(SpacyNlpEngine):
    """Presidio's spaCy engine around a pipeline we loaded ourselves.

    Its own ``load()`` downloads a missing model; this one never loads.
    """

    def __init__(self, nlp: Language):
        labels = nlp.pipe_labels.get("ner", [])
        super().__init__(
            models=[{"lang_code": LANGUAGE, "model_name": nlp.meta.get("name", "custom")}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping={label: label for label in labels},
            ),
        )
        self.nlp = {LANGUAGE: nlp}

    def load(self) -> None:  # pragma: no cover - never called: already loaded
        """Nothing to load: the pipeline was handed over."""


def load_pipeline(name: str, learned: bool = True) -> Language:
    """Load an installed spaCy pipeline package with only what detection uses,
    and deid's learned tagger when ``learned``."""
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError:
        raise ModelNotFound(
            f"The spaCy pipeline {name!r} is not installed. Install it, or set "
            "model = \"auto\" to use the one that comes with deid."
        ) from None
    if learned:
        add_learned_tagger(nlp)
    nlp.add_pipe("deid_lower_lemmas")
    nlp.max_length = max(nlp.max_length, 1_000_000)
    return nlp


class _CompiledPattern(Pattern):
    """A Presidio pattern holding the regex the rule loader compiled and checked.

    Presidio's own ``Pattern`` compiles a regex to check it, and its recognizer
    again with its flags: with the regex module's slow parser and a few
    hundred rule patterns, that doubled the start-up time.
    """

    def __init__(self, name: str, regex: str, score: float, shipped: bool = False):  # noqa: D107 - no second check
        self.name, self.regex, self.score = name, regex, score
        self.compiled_regex = compile_regex(regex, shipped)
        self.compiled_with_flags = REGEX_FLAGS


def _deny_list_pattern(terms: list[str], score: float, shipped: bool) -> _CompiledPattern:
    """A deny list as one pattern, with the boundaries Presidio's
    ``PatternRecognizer`` puts around it, compiled once (Presidio compiles it
    to check it, then again). The terms are written as a trie, so that each
    position of a text tries the few terms that start with its letters, not
    every term in turn; the longest term that ends at a word boundary wins,
    as it does in Presidio's longest-first alternation."""
    return _CompiledPattern("deny_list", rf"(?:^|(?<=\W))({trie_regex(terms, shipped=shipped)})(?:(?=\W)|$)", score, shipped)


class Engine:
    """spaCy pipeline + Presidio analyzer + deid's rules, built once."""

    def __init__(self, rules: RuleSet, settings: Settings):
        self.rules = rules
        self.settings = settings
        self.model_name = settings.resolve_model()
        self.nlp = load_pipeline(self.model_name, learned=any(
            rule.kind == "learned" and self._enabled(rule) for rule in rules.rules.values()))
        #: Longest stretch analysed at once, and context after it (see :func:`split_text`).
        self.max_chars = min(self.nlp.max_length - CONTEXT_CHARS, CHUNK_CHARS)
        self.context_chars = CONTEXT_CHARS
        self.nlp_engine = _LoadedSpacyEngine(self.nlp)
        built = (self._build(rule) for rule in rules.rules.values() if self._enabled(rule))
        recognizers = [r for r in built if r is not None]
        registry = RecognizerRegistry(recognizers=recognizers, supported_languages=[LANGUAGE])
        self.analyzer = _Analyzer(
            registry=registry, nlp_engine=self.nlp_engine, supported_languages=[LANGUAGE],
            default_score_threshold=settings.min_score,
        )

    def _enabled(self, rule: Rule) -> bool:
        return rule.code not in self.settings.disabled and rule.category not in self.settings.disabled

    def _build(self, rule: Rule) -> EntityRecognizer | None:
        config: dict[str, Any] = dict(rule.recognizer)
        options = dict(config.pop("options", {}))  # popped from below: the rule set stays reusable
        if rule.kind == "deny":
            terms = self.settings.deny_terms(rule.category)
            return RulePatternRecognizer(
                supported_entity=rule.code, name=rule.code, patterns=[_deny_list_pattern(terms, 1.0, shipped=False)],
                supported_language=LANGUAGE,
            ) if terms else None
        if rule.kind == "pattern":
            patterns = [_CompiledPattern(**pattern, shipped=rule.shipped) for pattern in config.pop("patterns", [])]
            if "deny_list" in config:
                patterns.append(_deny_list_pattern(
                    config.pop("deny_list"), config.pop("deny_list_score", 1.0), shipped=rule.shipped))
            check = options.get("check")
            if check is not None and check not in CHECKED_PATTERNS:
                raise RuleError(f"{rule.source}: rule {rule.code}: unknown check {check!r} "
                                f"(one of {', '.join(CHECKED_PATTERNS)})")
            return CHECKED_PATTERNS.get(check, RulePatternRecognizer)(**config, patterns=patterns, name=rule.code)
        if rule.kind == "predefined":
            cls_name = options.pop("class")
            cls = PREDEFINED_REPLACEMENTS.get(cls_name) or getattr(presidio_predefined, cls_name)
            return cls(name=rule.code, **options)
        return CODE_RECOGNIZERS[rule.kind](rule=rule, rules=self.rules, **options)

    def artifacts(self, texts: Iterable[str]) -> Iterator[tuple[str, NlpArtifacts]]:
        """Run spaCy once per text, batched through ``nlp.pipe``."""
        for batch in _batches(texts):
            yield from self.nlp_engine.process_batch(batch, LANGUAGE, batch_size=len(batch))

    def analyze(self, text: str, artifacts: NlpArtifacts) -> list:
        """Run every recognizer on one text, reusing its spaCy artifacts."""
        return self.analyzer.analyze(text=text, language=LANGUAGE, nlp_artifacts=artifacts)


def _batches(texts: Iterable[str]) -> Iterator[list[str]]:
    """Consecutive texts, at most ``BATCH_SIZE`` and (unless one alone) ``BATCH_CHARS`` long."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) == BATCH_SIZE or size + len(text) > BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch
