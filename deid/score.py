"""Risk: how likely a reader could recognise the client from a draft.

The score (0-100) adds up contributions, each kept as a :class:`Reason`:

* a direct identifier (full name, contact, record number, handle, date of an
  event, age over 89) puts the draft in the high band by itself;
* quasi-identifiers (town, exact age, employer, job, appointment time,
  distinctive event, first name) each add points, and several kinds together
  are multiplied (combinations narrow more than their sum);
* demographic descriptors (ethnicity, religion, language, orientation, family
  make-up) add a little, in combination only;
* the crowd estimate k: how many people the draft describes, from public
  population figures, adds more the smaller it is;
* a signature naming a small town or a hospital adds an info-level note.

Weights and population tables are data (``rules/scoring.yaml``,
``rules/population/``); docs/risk.md explains the model and its sources.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

from deid import buildcache
from deid.data import read_data
from deid.findings import Finding, Span
from deid.gazetteer import load_gazetteer
from deid.generalise import Age, client_sex, parse_age
from deid.rules import RuleSet

BANDS: tuple[str, ...] = ("low", "medium", "high")
_INITIALS = regex.compile(r"^(?:\p{Lu}\.?\s*){1,3}$")
_CAPITALISED = regex.compile(r"\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*")
_DECADE = regex.compile(r"\b(\d)0s\b")
#: A job named in passing counts when said of someone: "is a nurse", "as a cook".
_ARTICLE_BEFORE = regex.compile(r"\b(?:a|an|as)\s+(?:[\w-]+\s+)?$", regex.I)


@dataclass(frozen=True)
class Reason:
    """One contribution to the score."""

    code: str  # a finding kind (LOCATION, FULL_NAME...), COMBINATION, CROWD, DESCRIPTORS or SIGNATURE
    points: int
    explanation: str


@dataclass(frozen=True)
class Crowd:
    """An estimate of how many people fit what the draft says (the anonymity set)."""

    k: int
    #: What the crowd shares; "{age}" and "{job}" stand for what the draft
    #: says (the exact age, the job), which masked output must not show.
    traits: tuple[str, ...]
    place: str = ""  # the place or workplace the crowd lives or works in, as the draft names it
    preposition: str = "in"
    direct: bool = False
    age: int | None = None
    job: str | None = None

    @property
    def people(self) -> str:
        """``k`` in words: "1 person", "about 40 people"."""
        return "1 person" if self.k == 1 else f"{_about(self.k):,} people"

    def describe(self, show: Callable[[str], str] = str) -> str:
        """The estimate in words; ``show`` may mask what comes from the draft (place, age)."""
        traits = ", ".join(t.replace("{age}", show(str(self.age))).replace("{job}", show(str(self.job)))
                           for t in self.traits)
        if self.direct:
            return f"The draft points at one person ({traits})"
        where = f" {self.preposition} {show(self.place)}" if self.place else ""
        fit = "fits" if self.k == 1 else "fit"
        return f"About {self.people}{where} {fit}: {traits}"

    def __str__(self) -> str:
        return self.describe()


@dataclass(frozen=True)
class Risk:
    """A draft's risk: score, band, the reasons behind them and the crowd estimate."""

    score: int = 0
    band: str = "low"
    reasons: tuple[Reason, ...] = ()
    crowd: Crowd | None = None

    @property
    def k(self) -> int | None:
        """How many people the draft describes, when it narrows at all."""
        return self.crowd.k if self.crowd else None


def _about(k: int) -> int:
    """``k`` to one significant figure above 10 ("about 40")."""
    if k < 10:
        return k
    magnitude = 10 ** (len(str(k)) - 1)
    return round(k / magnitude) * magnitude


class RiskModel:
    """Scoring weights and population tables from the rules directory."""

    def __init__(self, rules: RuleSet):
        root: Path | None = rules.root
        self.weights = read_data(root, "scoring.yaml")
        self.people = read_data(root, "population/people.yaml")
        self.jobs = read_data(root, "population/occupations.yaml")
        self.descriptors = read_data(root, "population/descriptors.yaml")
        self.states = read_data(root, "population/states.yaml")
        self.root = root
        ours = rules.shipped
        self.public_roles = _term_pattern(rules.lexicon("roles_public"), ours)
        self._job_patterns = [(job, _term_pattern(job["terms"], ours)) for job in self.jobs["jobs"]]
        self._descriptor_patterns = [(d, _term_pattern(d["terms"], ours)) for d in self.descriptors["descriptors"]]
        self._clinician = regex.compile(
            r"[\s-]*(?:\w+[\s-]+)?(?:" + "|".join(map(regex.escape, self.descriptors["clinician_words"])) + r")\b",
            regex.I,
        )

    # -- the score ---------------------------------------------------------

    def assess(self, text: str, findings: Sequence[Finding], keep: Sequence[Span] = (),
               poster: Sequence[Span] = ()) -> Risk:
        """Score one draft from its findings, keep spans and poster zones."""
        kinds = [(self.kind(f), f) for f in findings]
        reasons: list[Reason] = []
        direct = self.weights["direct"]
        direct_counts = Counter(k for k, _ in kinds if k in direct["kinds"])
        for kind, n in direct_counts.items():
            reasons.append(Reason(kind, direct["points"] + direct["more"] * (n - 1), direct["kinds"][kind]))
        quasi = self.weights["quasi"]
        quasi_counts = Counter(k for k, _ in kinds if k in quasi["kinds"])
        for kind, n in quasi_counts.items():
            entry = quasi["kinds"][kind]
            reasons.append(Reason(kind, entry["points"] + quasi["repeat"] * (n - 1), entry["explain"]))
        skip = [(f.start, f.end) for f in findings] + [(p.start, p.end) for p in poster]
        labels = self.descriptor_labels(text, skip)
        dimensions = len(quasi_counts)
        conf = self.weights["descriptors"]
        if labels and (findings or len(labels) > 1):
            reasons.append(Reason("DESCRIPTORS", conf["points"] * min(len(labels), conf["most"]),
                                  conf["explain"].format(labels=", ".join(labels))))
        signature = self.signature_place(text, poster)
        crowd = self.crowd(text, kinds, keep, skip, labels, signature)
        later: list[Reason] = []
        if crowd and not crowd.direct:
            points = next((row["points"] for row in self.weights["crowd"] if crowd.k <= row["k"]), 0)
            if points:
                later.append(Reason("CROWD", points, self.weights["crowd_explain"].format(people=crowd.people)))
        if signature:
            later.append(signature[1])
        combined = self.weights["combination"]
        if dimensions > 1:
            base = sum(r.points for r in reasons if r.code in quasi["kinds"] or r.code == "DESCRIPTORS")
            bonus = round(base * combined["synergy"] * (dimensions - 1))
            bonus = min(bonus, 100 - sum(r.points for r in reasons + later))  # the score stops at 100
            if bonus > 0:
                reasons.append(Reason("COMBINATION", bonus, combined["explain"].format(n=dimensions)))
        reasons += later
        score = min(100, sum(r.points for r in reasons))
        return Risk(score, self.band(score), tuple(reasons), crowd)

    def band(self, score: int) -> str:
        """The band a score falls in."""
        bands = self.weights["bands"]
        return "high" if score >= bands["high"] else "medium" if score >= bands["medium"] else "low"

    def kind(self, finding: Finding) -> str:
        """What kind of identifier a finding is, for scoring."""
        cat = finding.category
        if cat == "NAME":
            words = finding.text.split()
            full = len(words) > 1 and not _INITIALS.match(finding.text) and all(w[:1].isupper() for w in words)
            return "FULL_NAME" if full else "NAME"
        if cat == "AGE":
            age = parse_age(finding.text)
            return "AGE_OVER_89" if finding.severity == "error" or (age and age.years > 89) else "AGE"
        if cat == "OCCUPATION" and self.public_roles.search(finding.text):
            return "PUBLIC_ROLE"
        return cat

    # -- what the draft says about the client -------------------------------

    def descriptor_labels(self, text: str, skip: list[tuple[int, int]]) -> list[str]:
        """Descriptors the draft uses for the client (not for the clinician wanted)."""
        return [d["label"] for d in self._descriptors(text, skip)]

    def _descriptors(self, text: str, skip: list[tuple[int, int]]) -> list[dict]:
        found = []
        for entry, pattern in self._descriptor_patterns:
            for m in pattern.finditer(text):
                if any(s < m.end() and m.start() < e for s, e in skip):
                    continue
                if self._clinician.match(text, m.end()):
                    continue
                found.append(entry)
                break
        return found

    def signature_place(self, text: str, poster: Sequence[Span]) -> tuple[str, Reason] | None:
        """A small place or a hospital named in the poster's own lines, as a note."""
        conf = self.weights["signature"]
        gaz = load_gazetteer(self.root)
        for zone in poster:
            piece = text[zone.start:zone.end]
            for word in conf["facility_words"]:
                m = regex.search(r"(?:\p{Lu}[\p{L}'.-]*\s+){0,4}" + regex.escape(word) + r"\b", piece)
                if m:
                    return m.group(), Reason("SIGNATURE", conf["points"], conf["facility_explain"])
            states = gaz.states_in(piece)
            for m in _CAPITALISED.finditer(piece):
                name = m.group()
                city = gaz.city(name, states)
                followed_by_state = regex.match(r",\s*([A-Z]{2})\b", piece[m.end():])
                if city is None and followed_by_state and gaz.state_code(followed_by_state.group(1)):
                    size = f"under {gaz.min_population:,}"
                elif city is not None and city.population < conf["small_place"]:
                    size = f"about {_about(city.population):,}"
                else:
                    continue
                return name, Reason("SIGNATURE", conf["points"], conf["explain"].format(size=size))
        return None

    # -- the crowd estimate ---------------------------------------------------

    def crowd(self, text: str, kinds: list[tuple[str, Finding]], keep: Sequence[Span],
              skip: list[tuple[int, int]], labels: list[str],
              signature: tuple[str, Reason] | None = None) -> Crowd | None:
        """Estimate how many people fit the draft; None when it narrows nothing."""
        direct = [k for k, _ in kinds if k in self.weights["direct"]["kinds"]]
        if direct:
            names = {"FULL_NAME": "a full name", "CONTACT": "contact details", "ID": "a record number",
                     "NETWORK": "a link or handle", "DATE": "a date", "AGE_OVER_89": "an age over 89"}
            return Crowd(1, tuple(dict.fromkeys(names[k] for k in direct)), direct=True)
        found = {k: f for k, f in reversed(kinds)}  # first finding of each kind
        assume = self.people["assumptions"]
        gaz = load_gazetteer(self.root)
        states = gaz.states_in(text)
        narrowed = bool(kinds) or bool(labels) or signature is not None
        if not narrowed:
            return None
        # the crowd's base: the smallest place named, else the signature's
        # town, else the state, else the country
        places = [f for k, f in kinds if k == "LOCATION"]
        preposition = "in"
        if places:
            population, place = min((self._population(f.text, states, gaz), f.text) for f in places)
        elif signature:
            city = gaz.city(signature[0], states)
            population = city.population if city else assume["unlisted_place"]
            place, preposition = signature[0], "around"
        elif states:
            population, place = gaz.state(states[0]).population, gaz.state_names[states[0]]
        else:
            population, place = int(self.states["united_states"]), "the US"
        if "EMPLOYER" in found:
            population = min(population, assume["named_workplace"])
            place, preposition = found["EMPLOYER"].text, "at"
        k = float(population)
        traits: list[str] = []
        age = parse_age(found["AGE"].text) if "AGE" in found else None
        sex = (age.sex if age else None) or client_sex(text, skip)
        if sex:
            k *= self.people["sex"][sex]
            traits.append("woman" if sex == "female" else "man")
        share, trait = self._age_share(text, age, keep)
        if trait:
            k *= share
            traits.append(trait)
        job = self._job(text, found, skip)
        if job:
            k *= job[0]
            traits.append("{job}")
        if "NAME" in found:
            k *= assume["first_name_share"]
            traits.append("first name")
        for entry in self._descriptors(text, skip):
            k *= entry["share"]
            traits.append(entry["label"])
        for kind, trait in (("PUBLIC_ROLE", "a public role"), ("DISTINCTIVE", "a distinctive event")):
            if kind in found:
                k = min(k, assume["distinctive"])
                traits.append(trait)
        if not traits:
            return None
        return Crowd(max(1, round(k)), tuple(traits), place, preposition,
                     age=age.years if age else None, job=job[1] if job else None)

    def _population(self, name: str, states: list[str], gaz) -> int:
        city = gaz.city(name, states)
        return city.population if city else int(self.people["assumptions"]["unlisted_place"])

    def _age_share(self, text: str, age: Age | None, keep: Sequence[Span]) -> tuple[float, str | None]:
        """The share of people of the client's age, and how to say it."""
        decades = {int(k): float(v) for k, v in self.people["ages"]["decades"].items()}
        if age:
            if age.years > 89:
                return decades[90], "90 or older"
            return decades[age.decade] / 10, "aged {age}"
        for span in keep:
            if span.label != "AGE_RANGE":
                continue
            phrase = text[span.start:span.end]
            m = _DECADE.search(phrase)
            if m:
                return decades.get(int(m.group(1)) * 10, 0.1), phrase
            years = self.people["age_words"].get(phrase.lower().rstrip("s"))
            if years:
                low, high = years
                share = sum(decades.get(d, 0.0) * _overlap(d, low, high) / 10 for d in range(0, 100, 10))
                return share, phrase
        return 1.0, None

    def _job(self, text: str, found: dict[str, Finding], skip: list[tuple[int, int]]) -> tuple[float, str] | None:
        """The share of people who do the client's job, and its name."""
        rate = float(self.people["employment"]["rate"])
        total = float(self.jobs["total_employment"])
        candidates = [found["OCCUPATION"].text] if "OCCUPATION" in found else []
        for job, pattern in self._job_patterns:
            for piece in candidates:
                if pattern.search(piece):
                    return job["employment"] / total * rate, job["label"]
        if candidates:
            return None
        for job, pattern in self._job_patterns:
            for m in pattern.finditer(text):
                said_of_client = _ARTICLE_BEFORE.search(text[max(0, m.start() - 25):m.start()])
                if said_of_client and not any(s <= m.start() < e for s, e in skip):
                    return job["employment"] / total * rate, job["label"]
        return None


def _overlap(decade: int, low: int, high: int) -> int:
    """How many years of ``decade`` fall in ``[low, high]``."""
    return max(0, min(decade + 9, high) - max(decade, low) + 1)


def _term_pattern(terms: Sequence[str], shipped: bool) -> regex.Pattern:
    """Whole-word matcher: capitalised terms as written, others in any case
    (kept between runs when the terms are ``shipped``)."""

    def alternation(group: list[str]) -> str:
        return "|".join(regex.escape(t).replace(r"\ ", r"\s+") for t in sorted(group, key=len, reverse=True))

    exact = [t for t in terms if t[:1].isupper()]
    loose = [t for t in terms if not t[:1].isupper()]
    parts = ([f"(?-i:{alternation(exact)})"] if exact else []) + ([f"(?i:{alternation(loose)})"] if loose else [])
    pattern = r"(?<![\w-])(?:" + "|".join(parts or ["(?!)"]) + r")(?![\w-])"
    return buildcache.compiled(pattern, regex.V1, remember=shipped)
