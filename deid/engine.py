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

import spacy
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, PatternRecognizer, RecognizerRegistry
from presidio_analyzer import predefined_recognizers as presidio_predefined
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.language import Language

from deid.recognizers import CODE_RECOGNIZERS, OfflineEmailRecognizer
from deid.rules import Rule, RuleSet
from deid.settings import ModelNotFound, Settings

LANGUAGE = "en"
#: Pipeline components detection does not use (Presidio needs tokens, tags,
#: lemmas and entities, not the dependency parse).
UNUSED_COMPONENTS = ("parser", "senter")
#: Texts per ``nlp.pipe`` batch: bounded so memory does not grow with input.
BATCH_SIZE = 64


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


def load_pipeline(name: str) -> Language:
    """Load an installed spaCy pipeline package without unused components."""
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError:
        raise ModelNotFound(
            f"The spaCy pipeline {name!r} is not installed. Install it, or set "
            "model = \"auto\" to use the one that comes with deid."
        ) from None
    nlp.max_length = max(nlp.max_length, 1_000_000)
    return nlp


class Engine:
    """spaCy pipeline + Presidio analyzer + deid's rules, built once."""

    def __init__(self, rules: RuleSet, settings: Settings):
        self.rules = rules
        self.settings = settings
        self.model_name = settings.resolve_model()
        self.nlp = load_pipeline(self.model_name)
        self.nlp_engine = _LoadedSpacyEngine(self.nlp)
        built = (self._build(rule) for rule in rules.rules.values() if self._enabled(rule))
        recognizers = [r for r in built if r is not None]
        registry = RecognizerRegistry(recognizers=recognizers, supported_languages=[LANGUAGE])
        self.analyzer = AnalyzerEngine(
            registry=registry, nlp_engine=self.nlp_engine, supported_languages=[LANGUAGE],
            default_score_threshold=settings.min_score,
        )

    def _enabled(self, rule: Rule) -> bool:
        return rule.code not in self.settings.disabled and rule.category not in self.settings.disabled

    def _build(self, rule: Rule) -> EntityRecognizer | None:
        config: dict[str, Any] = dict(rule.recognizer)
        options = config.pop("options", {})
        if rule.kind == "deny":
            terms = self.settings.deny_terms(rule.category)
            return PatternRecognizer(
                supported_entity=rule.code, name=rule.code, deny_list=terms, supported_language=LANGUAGE,
            ) if terms else None
        if rule.kind == "pattern":
            return PatternRecognizer.from_dict({**config, "name": rule.code})
        if rule.kind == "predefined":
            cls_name = options.pop("class")
            cls = OfflineEmailRecognizer if cls_name == "EmailRecognizer" else getattr(presidio_predefined, cls_name)
            return cls(name=rule.code, **options)
        return CODE_RECOGNIZERS[rule.kind](rule=rule, rules=self.rules, **options)

    def artifacts(self, texts: Iterable[str]) -> Iterator[tuple[str, NlpArtifacts]]:
        """Run spaCy once per text, batched through ``nlp.pipe``."""
        yield from self.nlp_engine.process_batch(texts, LANGUAGE, batch_size=BATCH_SIZE)

    def analyze(self, text: str, artifacts: NlpArtifacts) -> list:
        """Run every recognizer on one text, reusing its spaCy artifacts."""
        return self.analyzer.analyze(text=text, language=LANGUAGE, nlp_artifacts=artifacts)
