"""Long drafts: split into stretches for spaCy, reported as one draft.

:func:`deid.engine.split_text` is tested directly with small limits; the
linter is then run with a small stretch size on a few thousand characters
and must report exactly what it reports on the draft in one piece.
"""

from __future__ import annotations

import json
from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import line_and_column
from deid.engine import split_text

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "dev.jsonl"
WHITESPACE = regex.compile(r"\s")

texts = st.text(alphabet=st.sampled_from(list("ab \n\r\t.") + ["\u0301", "\u200d", "\U0001F469", "\u00a0"]))


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(2, 40), st.integers(0, 20))
def test_stretches_cover_the_text_within_the_limit(text, limit, context):
    stretches = split_text(text, limit, context)
    assert stretches[0][0] == 0 and stretches[-1][1] == len(text)
    for (start, end, stop), following in zip(stretches, stretches[1:] + [None]):
        assert start < end or text == ""
        assert end - start <= limit
        assert end <= stop <= min(len(text), end + context)
        if following:
            assert following[0] == end
            assert text[end - 1:end + 1] != "\r\n", "a cut between CR and LF"
            window = text[start + 1:start + limit]
            if WHITESPACE.search(window):  # a cut after whitespace when there is some
                assert WHITESPACE.match(text, end - 1) or text[end:end + 2] == "\r\n"
        else:
            assert stop == len(text)


def test_short_text_is_one_stretch():
    assert split_text("", 10) == [(0, 0, 0)]
    assert split_text("hello", 5, 3) == [(0, 5, 5)]


def pieces(text: str, limit: int) -> list[str]:
    return [text[start:end] for start, end, _ in split_text(text, limit)]


def test_cuts_prefer_paragraphs_then_lines_then_spaces():
    assert pieces("one two three\n\nfour\nfive six", 22) == ["one two three\n\n", "four\nfive six"]
    assert pieces("one two three four\nfive six seven eight", 25) == ["one two three four\n", "five six seven eight"]
    assert pieces("one two three four five", 10) == ["one two ", "three ", "four five"]


def test_hard_cuts_keep_combining_marks_and_joined_emoji_together():
    text = "e\u0301" * 20 + "\U0001F469\u200d\U0001F467" * 5
    for start, end, _ in split_text(text, 7):
        assert not regex.match(r"[\p{M}\u200d]", text[end:end + 1]) and text[end - 1:end] != "\u200d"


def test_stretched_lint_reports_what_one_piece_does(linter, monkeypatch):
    drafts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()[:40]]
    text = "\r\n\r\n".join(d.replace("\n", "\r\n") for d in drafts)
    assert len(text) > 8_000
    whole = linter.lint(text)
    monkeypatch.setattr(linter.engine, "max_chars", 1_000)
    monkeypatch.setattr(linter.engine, "context_chars", 300)
    stretched = linter.lint(text)
    assert len(split_text(text, 1_000, 300)) > 8
    assert stretched.text == text
    assert stretched.findings == whole.findings
    assert stretched.findings
    for f in stretched.findings:
        assert text[f.start:f.end] == f.text
        assert (f.line, f.column) == line_and_column(text, f.start)
