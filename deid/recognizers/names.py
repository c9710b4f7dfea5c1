"""Names that spaCy's NER misses in informal text, found by their context.

A cue ("her husband", "son", "client", "named", "Mrs.") followed by a
name-like word: a capitalised word that is not a stop word or a listed
term, an initial ("K.", "J.D.", "JT"), or a lowercase word that is a known
first name. A second capitalised word after it is taken as the surname.
Surname cues after the name ("the Okafor family") work the same way, and so
does an age right after a known first name, in any case ("Rusty Vanderpool,
67", "lexi (14)"), or an initial after a capitalised one ("Grace O.").

Options: ``cues_before`` and ``cues_after`` (words and ``@lexicons``),
``not_names`` (words that never count as names) and ``not_lowercase_names``
(words that are names only when capitalised: "Guy", not "the guy"). First
names come from gender-guesser's multinational name dictionary.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from deid import buildcache
from deid.recognizers.base import RulePatternRecognizer, RuleRecognizer, inside_word

_INITIAL_DOT = regex.compile(r"^\p{Lu}\.$")
#: Entity types that follow "client is" as a description, not a name.
_NOT_AFTER_IS = frozenset({"NORP", "GPE", "LOC", "FAC", "LANGUAGE"})
_WORD = regex.compile(r"\p{L}[\p{L}'’]*\.?")
_AGE = regex.compile(r"^(?:\d{1,2}|1[01]\d)(?:[MFmf]|yo|y/o)?$")
#: Contractions spaCy splits off a word ("wo|n't", "ca|n't").
_NEGATION = frozenset({"n't", "n’t"})
#: Words after a number that make it a count, not an age ("the county line, 6 wk wait").
_NOT_AGE_UNITS = frozenset({"wk", "wks", "week", "weeks", "mo", "mos", "month", "months", "day", "days",
                            "hr", "hrs", "hour", "hours", "min", "mins", "minutes", "sessions", "visits", "%"})
_INITIALS = regex.compile(r"^(?:\p{Lu}\.){1,3}$|^\p{Lu}{1,3}$|^\p{Lu}$")
#: A nam_dict.txt entry: a gender code, then the name (comment lines start "#" or "=").
_NAM_DICT_NAME = re.compile(r"^[^#=\s]\S*[ \t]+(\S+)", re.MULTILINE)  # stdlib re: 5x faster here


def _surname_end(doc: Doc, end: int) -> int:
    """``end`` moved past the hyphened parts of a name that ends just before it
    ("Okoro|-Bennett", "Shanice-|Marie")."""
    while (end < len(doc) and doc[end].text == "-" and inside_word(doc, end)
           and doc[end + 1].is_alpha and doc[end + 1].text[:1].isupper()):
        end += 2
    return end


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lower-cased first names of many origins (gender-guesser's nam_dict).

    The same names as ``gender_guesser.detector.Detector().names``, read
    straight from its data file: the detector's own parser takes ten times
    as long. A "+" in a name stands for "", " " or "-" ("Jean+Luc").
    """
    import gender_guesser

    path = Path(gender_guesser.__file__).with_name("data") / "nam_dict.txt"

    def read() -> frozenset[str]:
        names: set[str] = set()
        for name in _NAM_DICT_NAME.findall(path.read_text(encoding="utf-8")):
            name = name.lower()
            if "+" in name:
                names.update(name.replace("+", sep) for sep in ("", " ", "-"))
            else:
                names.add(name)
        return frozenset(names)

    return buildcache.built(("first_names", buildcache.stamp(path)), read, frozenset)


class FirstNamePatternRecognizer(RulePatternRecognizer):
    """A pattern rule (``check: first_name``) whose matches are names.

    A match counts only when one of its words is a known first name or an
    initial ("Thandeka M."), so a pattern can take any capitalised words in
    name position ("Subject: Referral - Amara Lindqvist - DBT") and still
    pass over "Central Oregon" or "Spanish Speaking".
    """

    #: Towns of at least this many people are not taken for names of two words.
    TOWNS = 1000

    def validate_result(self, pattern_text: str) -> bool | None:
        """Keep the pattern's score for a name; drop the rest (and towns: "Ann Arbor")."""
        from deid.gazetteer import place_names

        words = _WORD.findall(pattern_text)
        named = any(w.rstrip(".").lower() in first_names() or _INITIAL_DOT.match(w) for w in words)
        town = len(words) > 1 and pattern_text in place_names(self.TOWNS)
        return None if named and not town else False


class ContextNameRecognizer(RuleRecognizer):
    """Names after relationship and naming cues, and before family cues."""

    def __init__(self, cues_before: list[str], cues_after: list[str] | None = None,
                 not_names: list[str] | None = None, not_lowercase_names: list[str] | None = None, **kw: Any):
        super().__init__(**kw)
        self.cues_before = sorted(self.terms(cues_before))
        self.cues_after = self.terms(cues_after)
        self.not_names = self.terms(not_names)
        self.not_lowercase_names = self.terms(not_lowercase_names)
        self._matchers: dict[int, PhraseMatcher] = {}

    def _matcher(self, doc: Doc) -> PhraseMatcher:
        key = id(doc.vocab)
        if key not in self._matchers:
            matcher = PhraseMatcher(doc.vocab, attr="LOWER")
            matcher.add("CUE", [Doc(doc.vocab, words=c.split()) for c in self.cues_before])
            self._matchers[key] = matcher
        return self._matchers[key]

    def is_name(self, token: Token, capital_only: bool = False) -> bool:
        """Whether ``token`` reads as a name in name position."""
        text = token.text
        low = token.lower_
        if low in self.not_names or not any(c.isalpha() for c in text):
            return False
        if not token.whitespace_ and token.i + 1 < len(token.doc) and token.nbor().lower_ in _NEGATION:
            return False  # "baby won't": spaCy splits off "n't", leaving "wo"
        if _INITIALS.match(text):
            return not token.is_stop or len(text) > 1
        if text.isupper() and len(text) > 3 and not capital_only:
            # shouted text: "HUSBAND MARK", "CLIENT D'ANDRE", not "CHILD, SCHOOL-AGE"
            return low in first_names() or "'" in text[1:-1]
        if text[0].isupper() and (token.is_alpha or "'" in text[1:-1]):
            return not token.is_stop or low in first_names()
        if capital_only:
            return False
        return token.is_alpha and low in first_names() and not token.is_stop and low not in self.not_lowercase_names

    def _surname(self, doc: Doc, i: int) -> int:
        """The end of the name that starts at token ``i``: with its surname when one follows,
        capitalised ("Mark Ellis"), or lower-case after a lower-case first name when a
        bracket or a comma closes it ("jenna kowalczyk (17)")."""
        end = _surname_end(doc, i + 1)
        if end >= len(doc):
            return end
        nxt = doc[end]
        if self.is_name(nxt, capital_only=True) and not _INITIALS.match(nxt.text):
            return _surname_end(doc, end + 1)
        closed = end + 1 < len(doc) and doc[end + 1].text in {"(", ","}
        if (closed and doc[i].text.islower() and nxt.text.islower() and nxt.is_alpha and len(nxt) > 2
                and not nxt.is_stop and not nxt.lower_.endswith(("ly", "ing", "ed")) and nxt.lower_ not in self.not_names):
            return end + 1
        return end

    def _before_age(self, doc: Doc) -> list[tuple[int, int, float]]:
        """A known first name, even lower-case, before an age ("Rusty Vanderpool, 67",
        "lexi (14)"), any capitalised name set off by commas before one ("a young man,
        Keoni, 24"), or a known capitalised one before an initial ("Grace O.")."""
        out = []
        for token in doc:
            known = token.lower_ in first_names()
            set_off = (token.i and doc[token.i - 1].text == "," and token.ent_type_ not in _NOT_AFTER_IS
                       and self.is_name(token, capital_only=True))  # "a young man, Keoni, 24,"
            if not (token.is_alpha and (known or set_off) and self.is_name(token)):
                continue
            end = self._surname(doc, token.i)
            if (known and end == token.i + 1 and end < len(doc) and token.text[:1].isupper()
                    and _INITIAL_DOT.match(doc[end].text)):
                out.append((token.idx, doc[end].idx + len(doc[end]), self.score))
                continue
            rest = doc[end : end + 4]
            age = 2 if len(rest) >= 3 and rest[1].lower_ in {"age", "aged"} else 1
            if (len(rest) > age and rest[0].text in {",", "("} and _AGE.match(rest[age].text)
                    and not (len(rest) > age + 1 and rest[age + 1].lower_ in _NOT_AGE_UNITS)):
                out.append((token.idx, doc[end - 1].idx + len(doc[end - 1]), self.score))
        return out

    def spans(self, doc: Doc) -> list[tuple[int, int, float]]:
        """Name spans after cue phrases, before family cues and before an age."""
        out = []
        for _, _, cue_end in self._matcher(doc)(doc):
            i = cue_end
            # A name may be set off after its cue: "her ex, Darnell", "husband (Mark)".
            if i < len(doc) and doc[i].text in {",", ":", "-", "—", "("} and (
                    doc[i].text != "-" or doc[i - 1].whitespace_):  # not "Child-Parent Psychotherapy"
                i += 1
            # "client is ...": a description as often as a name ("name is ..." is always one)
            copula = doc[cue_end - 1].lower_ == "is" and "name" not in doc[cue_end - 2].lower_
            if i + 1 < len(doc) and doc[i].lower_ == "is" and i == cue_end:
                i += 1  # "Aunt is Mirlande, 786-...": a known first name or a word set off as one
                set_off = i + 1 < len(doc) and doc[i + 1].text == "," and doc[i].ent_type_ not in _NOT_AFTER_IS
                if not (doc[i].lower_ in first_names() or doc[i].ent_type_ == "PERSON" or set_off):
                    continue
                copula = True
            if i >= len(doc) or not self.is_name(doc[i], capital_only=copula):
                continue
            shouted = doc[i].is_alpha and doc[i].text.isupper() and len(doc[i]) > 2
            if copula and (doc[i].ent_type_ in _NOT_AFTER_IS or shouted):
                continue  # "client is Portland-based", "client is Catholic", "client is NOT"
            end = self._surname(doc, i)
            out.append((doc[i].idx, doc[end - 1].idx + len(doc[end - 1]), self.score))
        out += self._before_age(doc)
        for token in doc[1:]:
            if token.lower_ in self.cues_after:
                prev = doc[token.i - 1]
                shouted = prev.text.isupper() and len(prev) > 1  # "Superior STAR Kids", not "the Okafor kids"
                if (self.is_name(prev, capital_only=True) and not prev.is_sent_start and prev.ent_type_ != "NORP"
                        and not shouted):
                    out.append((prev.idx, prev.idx + len(prev), self.score))
        return out
