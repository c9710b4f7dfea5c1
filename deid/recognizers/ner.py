"""Named entities from the spaCy pipeline, filtered by a rule's options.

Options (all data, in the rule's ``options``):

``labels``
    spaCy entity labels this rule takes (``PERSON``, ``GPE``...).
``require`` / ``reject``
    regexes: keep an entity only if its text matches ``require`` and does
    not match ``reject`` (searched, case-insensitive).
``reject_terms``
    words and ``@lexicons``; an entity whose text, or every word of it, is
    one of them (or a stop word) is dropped: insurers, modalities, states.
``reject_acronyms``
    drop entities that are a single all-capitals word (EMDR, LCSW).
``reject_any_terms``
    words and ``@lexicons``; an entity with any one of these words is dropped.
``require_name``
    keep only entities with a known first name or two capitalised words.
``require_first_name``
    keep only entities whose first word is a known first name (a person's
    name the model read as an organisation: "Dominic Abruzzese").
``trim_terms``
    words and ``@lexicons`` cut from either edge of an entity (greetings,
    sign-offs) before the filters run.

Entities written as hashtags or handles (``#OCDawareness``) are skipped.
"""

from __future__ import annotations

from typing import Any

import regex
from spacy.tokens import Doc, Span, Token

from deid.recognizers.base import RuleRecognizer
from deid.recognizers.names import first_names

_FLAGS = regex.IGNORECASE | regex.UNICODE


#: Capitalised ordinals that open a congregation's or a street's name ("First Methodist").
_ORDINALS = frozenset({"First", "Second", "Third", "Fourth", "Fifth"})
#: Tokens an entity is split at (besides line breaks).
_BREAKS = frozenset({":", ",", "(", ")", "[", "]", "›", "»", ">", "|", "·", "•"})


def _after_sign(ent: Span) -> bool:
    """Whether an entity is written right after "#" or "@" (a hashtag or a handle)."""
    if not ent.start:
        return False
    before = ent.doc[ent.start - 1]
    return not before.whitespace_ and before.text[-1] in "#@"


def _form_label(span: Span) -> bool:
    """Whether a span opening a line or a form's column is a form's field label ("Student ID: ...",
    "Referred by: ...", "Parent/guardian: ...")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    if before is not None and not (before.is_space or "\n" in before.whitespace_):
        return False
    for tok in doc[span.end - 1 : span.end + 3]:
        if tok.i >= span.end and tok.text == ":":
            return True
        if "\n" in tok.whitespace_ or not (tok.is_alpha or tok.text == "/"):
            return False
    return False


class NerRecognizer(RuleRecognizer):
    """A spaCy entity label mapped to a deid category, with filters."""

    def __init__(self, labels: list[str], require: str | None = None, reject: str | None = None,
                 reject_terms: list[str] | None = None, reject_acronyms: bool = False,
                 reject_any_terms: list[str] | None = None, require_name: bool = False,
                 require_first_name: bool = False, trim_terms: list[str] | None = None, **kw: Any):
        super().__init__(**kw)
        self.labels = frozenset(labels)
        self.require = regex.compile(require, _FLAGS) if require else None
        self.reject = regex.compile(reject, _FLAGS) if reject else None
        self.reject_terms = self.terms(reject_terms)
        self.reject_acronyms = reject_acronyms
        self.reject_any_terms = self.terms(reject_any_terms)
        self.require_name = require_name
        self.require_first_name = require_first_name
        self.trim_terms = self.terms(trim_terms)

    def spans(self, doc: Doc) -> list[tuple[int, int, float]]:
        """Entities of the rule's labels that pass its filters."""
        out = []
        for ent in doc.ents:
            if ent.label_ not in self.labels or _after_sign(ent):
                continue
            kept = False
            for piece in self._pieces(ent):
                if ent.label_ == "ORG" and _form_label(piece):
                    continue
                # an acronym in brackets after a kept piece spells it out: "the Lab (LANL)"
                short = kept and piece.doc[piece.start - 1].text == "("
                if self._keep(piece.text, [t for t in piece if t.is_alpha], short):
                    out.append((piece.start_char, piece.end_char, self.score))
                    kept = True
        return out

    def _pieces(self, ent: Span) -> list[Span]:
        """The entity split at line breaks, runs of spaces, commas, brackets, separators
        ("Forum › Off Topic › Parent") and a form's colons, without trimmed words at either edge.

        The small pipeline runs entities across lines ("Western Mass\nHello"),
        into greetings and sign-offs ("Partnership. Thanks"), over lists
        ("Hmong, Home visits") and over a form's label ("School: MICDS": the
        label is dropped) and into a bracketed age ("Ava (10").
        """
        pieces, start = [], ent.start
        for tok in ent:
            if tok.is_space or tok.text in _BREAKS:  # a line break or a run of spaces (a form's columns)
                if tok.text != ":":
                    pieces.append(ent.doc[start : tok.i])
                start = tok.i + 1
        pieces.append(ent.doc[start : ent.end])
        return [p for p in map(self._strip, pieces) if len(p)]

    def _strip(self, span: Span) -> Span:
        def edge(tok: Token) -> bool:
            stop = tok.is_stop and not (tok.text in _ORDINALS and tok.i + 1 < span.end)  # "First Baptist"
            return (tok.is_punct or tok.is_space or stop or tok.lower_ in self.trim_terms
                    or not any(c.isalnum() for c in tok.text))  # an emoji run into the entity

        start, end = span.start, span.end
        while start < end and edge(span.doc[start]):
            start += 1
        while end > start and edge(span.doc[end - 1]):
            end -= 1
        return span.doc[start:end]

    def _keep(self, text: str, words: list[Any], short: bool = False) -> bool:
        if not words:
            return False
        if self.require and not self.require.search(text):
            return False
        if self.reject and self.reject.search(text):
            return False
        if text.lower() in self.reject_terms:
            return False
        if all(w.lower_ in self.reject_terms or w.is_stop for w in words):
            return False
        if any(w.lower_ in self.reject_any_terms for w in words):
            return False
        if self.require_first_name and words[0].lower_ not in first_names():
            return False
        if self.require_name and not (
            any(w.lower_ in first_names() for w in words) or sum(w.text[:1].isupper() for w in words) >= 2
        ):
            return False
        return short or not (self.reject_acronyms and len(words) == 1 and words[0].text.isupper() and len(words[0]) > 2)
