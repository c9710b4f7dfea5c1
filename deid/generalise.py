"""Generalising what a draft says about the client: ages to bands, and
which pronoun the draft uses for them. Shared by the score, the template and
redaction; the wording lives in ``rules/redaction.yaml``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

import regex

_NUMBER = regex.compile(r"\d{1,4}")
_FEMALE = regex.compile(r"\d[\s/]?F\b|\bF\d|\d\s?f\b|yof\b|\bfemale\b|\bwoman\b|\bgirl\b", regex.V1)
_MALE = regex.compile(r"\d[\s/]?M\b|\bM\d|\d\s?m\b|yom\b|\bmale\b|\bman\b|\bboy\b", regex.V1)
_PRONOUNS = {"she": "female", "her": "female", "hers": "female", "herself": "female",
             "he": "male", "him": "male", "his": "male", "himself": "male"}
#: Nouns that say who an age belongs to, read only next to the age ("guy (41)").
_GENDERED = {**_PRONOUNS, **dict.fromkeys(("woman", "girl", "lady", "gal", "mom", "mother", "wife", "daughter", "sister"), "female"),
             **dict.fromkeys(("man", "guy", "boy", "dad", "father", "husband", "son", "brother", "gentleman"), "male")}
_WORD = regex.compile(r"[\p{L}']+")
PRONOUN = {"female": "her", "male": "his", None: "their"}


@dataclass(frozen=True)
class Age:
    """An exact age read from an AGE finding."""

    years: int
    sex: str | None = None  # "female", "male" or None

    @property
    def decade(self) -> int:
        """The decade the age falls in (30 for 34; 90 for anything over 89)."""
        return min(self.years // 10 * 10, 90)


def parse_age(text: str, today: datetime.date | None = None) -> Age | None:
    """Read the age in an AGE finding's text ("34F", "92-year-old", "born 1931")."""
    match = _NUMBER.search(text)
    if not match:
        return None
    number = int(match.group())
    if len(match.group()) == 4:  # a birth year
        number = (today or datetime.date.today()).year - number
    if not 0 <= number < 125:
        return None
    sex = "female" if _FEMALE.search(text) else "male" if _MALE.search(text) else None
    return Age(number, sex)


def client_sex(text: str, skip: Iterable[tuple[int, int]] = (), nouns: bool = False) -> str | None:
    """The sex the draft's pronouns (and, with ``nouns``, words like "guy")
    suggest, outside ``skip`` ranges; None when there are none, or as many of each."""
    zones = list(skip)
    words = _GENDERED if nouns else _PRONOUNS
    counts = {"female": 0, "male": 0}
    for m in _WORD.finditer(text):
        sex = words.get(m.group().lower())
        if sex and not any(s <= m.start() < e for s, e in zones):
            counts[sex] += 1
    if counts["female"] == counts["male"]:
        return None
    return max(counts, key=counts.__getitem__)


def age_band(age: Age, bands: list[dict], sex: str | None = None) -> str:
    """The age band phrase for ``age`` ("in her 30s", "90 or older")."""
    pronoun = PRONOUN[age.sex or sex]
    for band in bands:
        if "below" not in band or age.years < band["below"]:
            return str(band["text"]).format(pronoun=pronoun, decade=age.decade)
    raise ValueError("the last age band must have no 'below'")
