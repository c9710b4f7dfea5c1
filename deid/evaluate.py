"""Token-level evaluation against annotated drafts (ANNOTATION.md format).

A token is a ``\\w+`` run. A gold token (inside a gold span) is caught when
any finding overlaps it; a predicted token (inside a finding) is correct when
it lies in any gold span, whatever the label (a detected identifier protects
the client under any category). Recall is reported per gold category,
precision per predicted category. Tokens in spans labelled ``OTHER`` (other
projects' honorifics and groups) count neither way.
"""

from __future__ import annotations

import difflib
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
        lines += _listing(f"{name} ({len(items)} tokens)", items, show, " ")
    return "\n".join(lines)


def _listing(heading: str, items: list[Miss], show: int, joiner: str) -> list[str]:
    """Up to ``show`` lines of items grouped by draft and label."""
    if not (show and items):
        return []
    grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in items:
        grouped[(m.record, m.label)].append(m.text)
    return [f"\n{heading}:"] + [f"  {rec:<10} {label:<11} {joiner.join(toks)}"
                                for (rec, label), toks in list(grouped.items())[:show]]


# -- risk bands, the template and redaction ----------------------------------

BANDS = ("low", "medium", "high")


@dataclass
class OutputScores:
    """How the score, the template and redaction do against annotated drafts.

    Identifier words are the ``\\w+`` tokens of gold spans, less English stop
    words ("the" in "survived the Camp Fire" identifies nobody). A template
    leaks a word when it appears in the template but neither in the
    template's own wording nor anywhere in the draft outside identifiers (a
    client named Faith, a "faith-based" counsellor wanted); redaction leaks a
    word when the redacted text still has it where the draft had it (the two
    texts aligned with difflib), counted apart for spans detection found
    (partly covered) and spans it missed. A keep span is retained when the
    template carries its text, or the state's name for a state code (the
    template writes "New Jersey" for "NJ").
    """

    drafts: int = 0
    confusion: Counter = field(default_factory=Counter)
    keep_total: int = 0
    keep_kept: int = 0
    keep_missed: list[Miss] = field(default_factory=list)
    template_leaks: list[Miss] = field(default_factory=list)
    redaction_leaks_detected: list[Miss] = field(default_factory=list)
    redaction_leaks_undetected: list[Miss] = field(default_factory=list)
    identifier_words: int = 0
    relint_redacted: list[Miss] = field(default_factory=list)
    relint_template: list[Miss] = field(default_factory=list)

    @property
    def band_agreement(self) -> float:
        """Share of drafts whose band matches the annotated risk."""
        agree = sum(n for (gold, got), n in self.confusion.items() if gold == got)
        return agree / self.drafts if self.drafts else 1.0

    @property
    def keep_retention(self) -> float:
        """Share of keep spans whose text the template carries."""
        return self.keep_kept / self.keep_total if self.keep_total else 1.0


def _identifier_words(record: dict) -> Iterator[tuple[int, int, str, dict]]:
    from spacy.lang.en.stop_words import STOP_WORDS

    for span in record.get("spans", []):
        if span["label"] == IGNORED:
            continue
        for tok in _TOKEN.finditer(record["text"], span["start"], span["end"]):
            if len(tok.group()) > 1 and tok.group().lower() not in STOP_WORDS:
                yield tok.start(), tok.end(), tok.group(), span


def _still_there(original: str, redacted: str) -> Callable[[int, int], bool]:
    """Whether a word of ``original`` (by offsets) is still a word of
    ``redacted`` where the two texts line up (so "40" is gone from "40s")."""
    blocks = [m for m in difflib.SequenceMatcher(None, original, redacted, autojunk=False).get_matching_blocks() if m.size]

    def check(start: int, end: int) -> bool:
        for a, b, size in blocks:
            if a <= start and end <= a + size:
                at, n = b + start - a, end - start
                before = redacted[at - 1] if at else " "
                after = redacted[at + n] if at + n < len(redacted) else " "
                return not (before.isalnum() or after.isalnum())
        return False

    return check


def evaluate_outputs(records: list[dict], linter: "deid.Linter") -> OutputScores:  # noqa: F821
    """Score bands, templates and redactions of ``records`` (each needs ``risk`` and ``keep``)."""
    from deid.data import read_data
    from deid.gazetteer import load_gazetteer

    style = read_data(linter.rules.root, "template.yaml")
    gazetteer = load_gazetteer(linter.rules.root)
    scaffolding = {w.lower() for w in _TOKEN.findall(json.dumps(style))}
    out = OutputScores()
    reports = list(linter.lint_many([r["text"] for r in records]))
    templates = [report.template for report in reports]
    redactions = [report.redacted for report in reports]
    for record, report, template, redaction in zip(records, reports, templates, redactions):
        rid, text = record.get("id", "?"), record["text"]
        out.drafts += 1
        out.confusion[(record.get("risk"), report.band)] += 1
        flat = " ".join(template.lower().split())
        for span in record.get("keep", []):
            out.keep_total += 1
            piece = " ".join(text[span["start"]:span["end"]].split())
            state = gazetteer.spelled_out(piece)
            if piece.lower() in flat or state and state.lower() in flat:  # "NJ" as "New Jersey"
                out.keep_kept += 1
            else:
                out.keep_missed.append(Miss(rid, span["label"], piece))
        identifier_chars = {i for s in record.get("spans", []) for i in range(s["start"], s["end"])}
        elsewhere = {t.group().lower() for t in _TOKEN.finditer(text) if t.start() not in identifier_chars}
        words = set(_TOKEN.findall(template.lower())) - scaffolding - elsewhere
        still_there = _still_there(text, redaction)
        for start, end, word, span in _identifier_words(record):
            out.identifier_words += 1
            if word.lower() in words:
                out.template_leaks.append(Miss(rid, span["label"], word))
            if still_there(start, end):
                detected = any(f.overlaps(span["start"], span["end"]) for f in report.findings)
                leaks = out.redaction_leaks_detected if detected else out.redaction_leaks_undetected
                leaks.append(Miss(rid, span["label"], word))
    for texts, bucket in ((redactions, out.relint_redacted), (templates, out.relint_template)):
        for record, again in zip(records, linter.lint_many(texts)):
            for f in again.findings:
                if f.severity in ("warning", "error"):
                    bucket.append(Miss(record.get("id", "?"), f.category, f.text))
    return out


def render_outputs(scores: OutputScores, show: int = 20) -> str:
    """Plain-text figures for bands, templates and redaction."""
    lines = [f"risk bands: agreement {scores.band_agreement:.3f} on {scores.drafts} drafts "
             f"({scores.confusion[('high', 'low')]} high drafts banded low)",
             "  " + f"{'gold/got':<12}" + "".join(f"{b:>8}" for b in BANDS)]
    for gold in BANDS:
        lines.append(f"  {gold:<12}" + "".join(f"{scores.confusion[(gold, got)]:>8}" for got in BANDS))
    lines += [
        f"template: keeps {scores.keep_kept}/{scores.keep_total} keep spans ({scores.keep_retention:.3f}); "
        f"leaks {len(scores.template_leaks)} of {scores.identifier_words} identifier words",
        f"redaction: leaks {len(scores.redaction_leaks_detected) + len(scores.redaction_leaks_undetected)} "
        f"of {scores.identifier_words} identifier words ({len(scores.redaction_leaks_detected)} from detected "
        f"spans, {len(scores.redaction_leaks_undetected)} from spans detection missed)",
        f"re-lint: {len(scores.relint_redacted)} warnings/errors in redacted drafts, "
        f"{len(scores.relint_template)} in templates",
    ]
    for name, items in (("template misses", scores.keep_missed), ("template leaks", scores.template_leaks),
                        ("redaction leaks (detected spans)", scores.redaction_leaks_detected),
                        ("redaction leaks (missed spans)", scores.redaction_leaks_undetected),
                        ("re-lint of redacted drafts", scores.relint_redacted),
                        ("re-lint of templates", scores.relint_template)):
        lines += _listing(f"{name} ({len(items)})", items, show, " | ")
    return "\n".join(lines)
