"""Property-based tests: whatever the text, lint returns a well-formed report.

Inputs are arbitrary Unicode text, text from an alphabet of troublemakers
(line endings, joiners, combining marks, right-to-left marks, lone
surrogates) and corpus drafts mutated by edits, splices and repeats. Each
example is a batch linted with ``lint_many``, as the command does.

Two profiles (Hypothesis settings), chosen by the ``DEID_FUZZ`` variable:

* ``ci`` (default): a short run, part of the test suite;
* ``long``: at least 100,000 drafts; run it with
  ``DEID_FUZZ=long python -m pytest tests/test_fuzz.py -q -s -p no:cacheprovider``
  (hours on a busy machine; it prints how many drafts it has linted as it goes).
"""

from __future__ import annotations

import json
import re
import os
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import line_and_column
from deid.evaluate import _still_there
from deid.findings import Finding
from deid.rules import SEVERITIES

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "dev.jsonl"
DRAFTS = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
#: Characters that break naive text handling, pasted from Word, Gmail and Facebook.
TROUBLE = [
    "\r\n", "\r", "\n", "\u2028", "\u2029", "\x0b", "\x0c", "\t", " ", "\u00a0", "\u3000",
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u2060",
    "\u0301", "\u0308", "\u20e3", "\ufe0f", "\U0001F3FD",
    "\u202e", "\u202c", "\u200f", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627",
    "\U0001F469\u200d\U0001F469\u200d\U0001F467", "\U0001F600", "\U0001F1FA\U0001F1F8",
    "\u2018", "\u2019", "\u201c", "\u201d", "\u2014", "\u2026",
    "@", ".", "-", "#", ":", "/", "(", ")", "'", ",", "0", "7", "34F", "Dr. ", "LCSW",
    "\x00", "\x7f", "\ud800", "\udfff",
    "deid: ignore", "deid:ignore-next-line", "deid: ignore[N102,A101]", "deid: ignore[",
]

PROFILES = {
    # ~30 s on a shared CI machine: batches are small
    "ci": dict(max_examples=25, batch=(1, 8)),
    # >= 100,000 drafts: 2,000 examples of 20 to 40 drafts (about 30) in each of two tests
    "long": dict(max_examples=2_000, batch=(20, 40)),
}
PROFILE = PROFILES[os.environ.get("DEID_FUZZ", "ci")]
settings.register_profile(
    "deid", max_examples=PROFILE["max_examples"], deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
fuzz_settings = settings.get_profile("deid")

# ------------------------------------------------------------------ inputs

troubled_text = st.lists(st.one_of(st.sampled_from(TROUBLE), st.text(max_size=12)), max_size=40).map("".join)
any_text = st.one_of(st.text(), troubled_text)


@st.composite
def mutated_draft(draw) -> str:
    """A corpus draft with a few edits: insertions, deletions, splices, repeats."""
    text = draw(st.sampled_from(DRAFTS))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "splice", "repeat", "case"]))
        if kind == "insert":
            text = text[:at] + draw(st.one_of(st.sampled_from(TROUBLE), st.text(max_size=8))) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)):]
        elif kind == "splice":
            other = draw(st.sampled_from(DRAFTS))
            cut = draw(st.integers(0, len(other)))
            text = text[:at] + other[cut:]
        elif kind == "repeat":
            text = text[:at] + text[at:at + draw(st.integers(1, 40))] * draw(st.integers(2, 5)) + text[at:]
        else:
            text = text[:at] + text[at:].swapcase()
    return text


def batches(texts: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    low, high = PROFILE["batch"]
    return st.lists(texts, min_size=low, max_size=high)


# -------------------------------------------------------------- properties

def check_report(text: str, report, categories) -> None:
    """The report's invariants: bounds, order, no overlap, exact text, positions."""
    assert report.text == text
    previous: Finding | None = None
    for f in report.findings:
        assert 0 <= f.start < f.end <= len(text), f
        assert text[f.start:f.end] == f.text, f
        assert (f.line, f.column) == line_and_column(text, f.start), f
        assert f.severity in SEVERITIES and f.category in categories, f
        if previous is not None:
            assert previous.end <= f.start, (previous, f)
        previous = f
    for span in [*report.keep, *report.poster]:
        assert 0 <= span.start < span.end <= len(text), span


COUNTED = {"drafts": 0, "reported": 0}
STARTED = time.monotonic()


@pytest.fixture(scope="module", autouse=True)
def count_drafts():
    """Say how many drafts the fuzz tests linted (shown with ``-s``)."""
    yield
    print(f"\nfuzz ({os.environ.get('DEID_FUZZ', 'ci')} profile): {COUNTED['drafts']} drafts linted")


def lint_and_check(linter, texts: list[str]) -> None:
    reports = list(linter.lint_many(texts))
    assert len(reports) == len(texts)
    for text, report in zip(texts, reports):
        check_report(text, report, linter.rules.categories)
    COUNTED["drafts"] += len(texts)
    if PROFILE is PROFILES["long"] and COUNTED["drafts"] - COUNTED["reported"] >= 5_000:
        COUNTED["reported"] = COUNTED["drafts"]
        print(f"fuzz: {COUNTED['drafts']} drafts linted in {time.monotonic() - STARTED:.0f} s", file=sys.__stderr__, flush=True)


@fuzz_settings
@given(batches(any_text))
def test_lint_never_fails_on_any_text(linter, texts):
    lint_and_check(linter, texts)


@fuzz_settings
@given(batches(mutated_draft()))
def test_lint_never_fails_on_mutated_drafts(linter, texts):
    lint_and_check(linter, texts)


# ------------------------------------------------- redaction and templates

def _flagged_words(report) -> list[tuple[int, int]]:
    """Where the findings' words are, less English stop words (as in ``deid
    eval``: a generalisation may say "in his 90s" where the draft said
    "Living in Medford"), the words redaction writes itself (a state's name:
    "Kansas" for "Kansas City"; its replacements: "my client" for "my last
    client on Thursdays") and words the draft also has outside any finding
    (the aligner may pair those)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from deid.data import read_data
    from deid.gazetteer import load_gazetteer

    written = [*load_gazetteer().state_names.values(), *read_data(None, "redaction.yaml")["replace"].values()]
    allowed = STOP_WORDS | {w.lower() for text in written for w in re.findall(r"\w+", text)}
    words = []
    for f in report.findings:
        for m in re.finditer(r"\w{2,}", f.text):
            elsewhere = any(not any(g.start <= o.start() < g.end for g in report.findings)
                            for o in re.finditer(rf"\b{re.escape(m.group())}\b", report.text))
            if m.group().lower() not in allowed and not elsewhere:
                words.append((f.start + m.start(), f.start + m.end()))
    return words


def check_redaction(linter, report) -> None:
    """Redaction removes every flagged word (none is still where the draft
    had it), is idempotent and lints clean; so does the template."""
    redacted = report.redacted
    still_there = _still_there(report.text, redacted)
    for start, end in _flagged_words(report):
        assert not still_there(start, end), (report.text[start:end], redacted)
    again = linter.lint(redacted)
    assert not again.fails("warning"), [(f.code, f.text) for f in again.findings]
    assert again.redacted == redacted
    template = linter.lint(report.template)
    assert not template.fails("warning"), [(f.code, f.text) for f in template.findings]


@settings(fuzz_settings, max_examples=max(5, PROFILE["max_examples"] // 5))
@given(st.lists(mutated_draft(), min_size=1, max_size=3))
def test_redaction_and_template_are_clean(linter, texts):
    for report in linter.lint_many(texts):
        check_redaction(linter, report)
    COUNTED["drafts"] += len(texts)
