"""Token-level evaluation against annotated drafts (ANNOTATION.md format).

A token is a ``\\w+`` run. A gold token (inside a gold span) is caught when
any finding overlaps it; a predicted token (inside a finding) is correct when
it lies in any gold span, whatever the label (a detected identifier protects
the client under any category). Recall is reported per gold category,
precision per predicted category. Tokens in spans labelled ``OTHER`` (other
projects' honorifics and groups) count neither way.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import regex

_TOKEN = regex.compile(r"\w+")
IGNORED = "OTHER"

#: A detector maps texts to, per text, a list of (start, end, category).
Detector = Callable[[list[str]], Iterable[list[tuple[int, int, str]]]]


@dataclass
class Miss:
    """A gold token no finding covered, or a finding token outside every gold span."""

    record: str
    label: str
    text: str


@dataclass
class Scores:
    """Token counts per category and the misses behind them."""

    gold: Counter = field(default_factory=Counter)
    caught: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    correct: Counter = field(default_factory=Counter)
    misses: list[Miss] = field(default_factory=list)
    false_alarms: list[Miss] = field(default_factory=list)
    drafts: int = 0

    def recall(self, label: str | None = None) -> float:
        """Share of gold tokens caught (all categories when ``label`` is None)."""
        gold = self.gold[label] if label else sum(self.gold.values())
        caught = self.caught[label] if label else sum(self.caught.values())
        return caught / gold if gold else 1.0

    def precision(self, label: str | None = None) -> float:
        """Share of predicted tokens inside a gold span."""
        pred = self.predicted[label] if label else sum(self.predicted.values())
        good = self.correct[label] if label else sum(self.correct.values())
        return good / pred if pred else 1.0


def read_jsonl(path: str | Path) -> list[dict]:
    """Read annotated records, one JSON object per line."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score(records: list[dict], predictions: Iterable[list[tuple[int, int, str]]]) -> Scores:
    """Compare predictions with each record's gold ``spans``."""
    out = Scores()
    for record, found in zip(records, predictions, strict=True):
        out.drafts += 1
        text = record["text"]
        gold = [(s["start"], s["end"], s["label"]) for s in record.get("spans", [])]
        for tok in _TOKEN.finditer(text):
            a, b = tok.span()
            gold_label = next((lab for s, e, lab in gold if s < b and a < e), None)
            pred_label = next((lab for s, e, lab in found if s < b and a < e), None)
            if gold_label == IGNORED:
                continue
            if gold_label:
                out.gold[gold_label] += 1
                if pred_label:
                    out.caught[gold_label] += 1
                else:
                    out.misses.append(Miss(record.get("id", "?"), gold_label, tok.group()))
            if pred_label:
                out.predicted[pred_label] += 1
                if gold_label:
                    out.correct[pred_label] += 1
                else:
                    out.false_alarms.append(Miss(record.get("id", "?"), pred_label, tok.group()))
    return out


def deid_detector(linter: "deid.Linter") -> Detector:  # noqa: F821
    """Findings of a deid ``Linter`` as a detector."""

    def detect(texts: list[str]) -> Iterator[list[tuple[int, int, str]]]:
        for report in linter.lint_many(texts):
            yield [(f.start, f.end, f.category) for f in report.findings]

    return detect


def vanilla_presidio(nlp: "spacy.language.Language", model_name: str) -> "presidio_analyzer.AnalyzerEngine":  # noqa: F821
    """Presidio's default recognizers on the spaCy pipeline ``nlp``.

    The only change is the email recognizer, swapped for the same one without
    network access so that comparisons stay offline.
    """
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    from deid.recognizers import OfflineEmailRecognizer

    nlp_engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": model_name}])
    nlp_engine.nlp = {"en": nlp}
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    registry.remove_recognizer("EmailRecognizer")
    registry.add_recognizer(OfflineEmailRecognizer())
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])


def presidio_detector(linter: "deid.Linter") -> Detector:  # noqa: F821
    """Vanilla Presidio (:func:`vanilla_presidio`) on the linter's pipeline."""
    analyzer = vanilla_presidio(linter.engine.nlp, linter.engine.model_name)

    def detect(texts: list[str]) -> Iterator[list[tuple[int, int, str]]]:
        for text, artifacts in analyzer.nlp_engine.process_batch(texts, "en", batch_size=64):
            results = analyzer.analyze(text=text, language="en", nlp_artifacts=artifacts)
            yield [(r.start, r.end, r.entity_type) for r in results]

    return detect


def evaluate(records: list[dict], detector: Detector) -> Scores:
    """Run ``detector`` over the records and score it."""
    return score(records, detector([r["text"] for r in records]))


def render(scores: Scores, title: str, show: int = 20) -> str:
    """A plain-text table of per-category recall and precision, then misses."""
    labels = sorted(set(scores.gold) | set(scores.predicted))
    lines = [f"{title}: {scores.drafts} drafts", f"{'category':<12} {'gold':>6} {'recall':>7} {'pred':>6} {'precision':>9}"]
    for label in labels:
        lines.append(f"{label:<12} {scores.gold[label]:>6} {scores.recall(label):>7.3f} "
                     f"{scores.predicted[label]:>6} {scores.precision(label):>9.3f}")
    lines.append(f"{'ALL':<12} {sum(scores.gold.values()):>6} {scores.recall():>7.3f} "
                 f"{sum(scores.predicted.values()):>6} {scores.precision():>9.3f}")
    for name, items in (("misses", scores.misses), ("false alarms", scores.false_alarms)):
        if show and items:
            grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
            for m in items:
                grouped[(m.record, m.label)].append(m.text)
            lines.append(f"\n{name} ({len(items)} tokens):")
            for (rec, label), toks in list(grouped.items())[:show]:
                lines.append(f"  {rec:<10} {label:<11} {' '.join(toks)}")
    return "\n".join(lines)
