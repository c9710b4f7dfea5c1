"""Redaction: the draft with every finding replaced through presidio-anonymizer.

Replacements generalise where that keeps the sentence useful: an exact age
becomes a band ("a 34F client" -> "a client in her 30s", 92 -> "90 or
older"), a town its state when that is known ("in Tulsa" -> "in Oklahoma")
or "[town]", a date "recently", an employer "[workplace]" (or "[school]"),
a name "[name]", "the client", or nothing after "her husband"; an appointment
time is dropped ("my 3pm Tuesday client" -> "my client").

Each finding first becomes a planned span: the finding, widened over the
context words its replacement takes over ("age 71", "on 2/14", "Bend, OR",
"my 8am") or over the space a dropped finding leaves. Each plan names an
operator (one :class:`OperatorConfig` per kind: ``replace`` for fixed text,
``custom`` lambdas where the replacement generalises). Wording is data:
``rules/redaction.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from deid.data import read_data
from deid.findings import Finding, Span, repeated
from deid.gazetteer import Gazetteer, load_gazetteer
from deid.generalise import age_band, client_sex, parse_age

if TYPE_CHECKING:
    from deid.linter import Report

_PHOTO = regex.compile(r"\b(?:photo|photos|pic|pics|picture|screenshot|image)\b", regex.I)
_STATE_AFTER = regex.compile(r",\s*(?-i:([A-Z]{2})\b|((?:[A-Z][a-z]+\s?){1,3}))")
_ARTICLE = regex.compile(r"^(an?)\s+", regex.I)
_ARTICLE_BEFORE = regex.compile(r"\b(an?)\s+$", regex.I)
_WORD_BEFORE = regex.compile(r"([\p{L}'-]+)\s+$")
_WORD_AFTER = regex.compile(r"^[\s-]+([\p{L}'-]+)")
_TOKEN_BEFORE = regex.compile(r"([^\s,.;:!?()\"]+)[ \t]+$")
_TOKEN_AFTER = regex.compile(r"^[ \t]+([^\s,.;:!?()\"]+)")
#: Words a finding of each category takes in with it: an event or a role's
#: other words; a name's, a workplace's or a place's capitalised ones.
_PHRASE_WORDS = {
    "DISTINCTIVE": regex.compile(r"[\p{L}\d'’-]+"),
    "OCCUPATION": regex.compile(r"[\p{L}\d'’-]+"),
    "EMPLOYER": regex.compile(r"\p{Lu}[\p{L}\d'’.&-]*|&"),
    "LOCATION": regex.compile(r"\p{Lu}[\p{L}'’.-]*|&"),
}
#: What a street address may go on with: ", Apt 3", "#12".
_UNIT = regex.compile(r"^,?[ \t]*(?:Apt|Unit|Suite|Ste|#)\.?[ \t]*\w+")


@dataclass(frozen=True)
class Redaction:
    """A redacted draft and the stretches of the original that were replaced."""

    text: str
    replaced: list[Span]


@dataclass(frozen=True)
class _Plan:
    start: int
    end: int
    operator: str
    category: str


def redact(report: Report) -> Redaction:
    """Replace every finding in ``report``'s draft."""
    root = report.linter.rules.root if report.linter else None
    conf = read_data(root, "redaction.yaml")
    text = report.text
    # every occurrence of a flagged word goes, even where detection read it otherwise
    findings = repeated(text, report.findings, [*report.poster, *report.keep])
    skip = [(f.start, f.end) for f in findings] + [(p.start, p.end) for p in report.poster]
    sex = client_sex(text, skip)
    plans = _plan(text, findings, report.keep, conf)
    operators = _operators(conf, load_gazetteer(root), load_gazetteer(root).states_in(text), sex)
    results = [RecognizerResult(p.operator, p.start, p.end, 1.0) for p in plans]
    out = AnonymizerEngine().anonymize(text=text, analyzer_results=results, operators=operators)
    return Redaction(out.text, [Span(p.start, p.end, p.category) for p in plans])


def redact_until_clean(report: Report, passes: int = 2) -> str:
    """Redact, then re-check the result with the report's linter and redact
    again (at most ``passes`` more times) while it still finds something:
    a replaced word can change how its neighbours read."""
    text = redact(report).text
    for _ in range(passes if report.linter else 0):
        again = report.linter.lint(text)
        if not again.fails("warning"):
            break
        text = redact(again).text
    return text


# -- planning: which stretch each finding's replacement takes over ----------


def _plan(text: str, findings: list[Finding], keep: list[Span], conf: dict) -> list[_Plan]:
    plans: list[_Plan] = []
    first_name = True
    bounds = [(f.start, f.end) for f in findings] + [(k.start, k.end) for k in keep]
    for f in findings:
        others = [b for b in bounds if b != (f.start, f.end)]
        start, end = _widen(text, f, others)
        before = _WORD_BEFORE.search(text, 0, start)
        word_before = before.group(1).lower() if before else ""
        after = _WORD_AFTER.match(text[end:end + 40])
        word_after = after.group(1).lower() if after else ""
        op = f.category
        if f.category == "NAME":
            if word_before in conf["name_after"]:
                op = "DROP"
            elif word_before in conf["client_before"] and first_name:
                op = "CLIENT"
            first_name = False
        elif f.category == "AGE":
            start, end, op = _plan_age(text, start, end, conf, others)
        elif f.category == "DATE":
            for lead in sorted(conf["date_lead"], key=len, reverse=True):
                m = regex.search(r"\b" + regex.escape(lead) + r"\s+$", text[max(0, start - 12):start], regex.I)
                if m:
                    start = max(0, start - 12) + m.start()
                    break
        elif f.category == "LOCATION" and word_before in conf["state_lead"] and not any(
                s < before.end(1) and before.start(1) < e for s, e in others):  # "in" is not another finding's
            start, op = before.start(1), "PLACE_IN"
            state = _STATE_AFTER.match(text, end)
            if state:
                end = len(text[:state.end()].rstrip())
        elif f.category == "TIMING":
            if word_before in ("my", "our"):
                if word_after in conf["age_nouns"]:
                    op = "DROP"
                else:
                    start, op = before.start(1), "TIMING"
            else:
                op = "DROP"
        elif f.category == "DISTINCTIVE" and _PHOTO.search(f.text):
            op = "DROP"
        if op == "DROP":
            start, end = _swallow_space(text, start, end)
        if plans and start < plans[-1].end:  # never take over a neighbour's text
            start = max(start, plans[-1].end)
        if start < end:
            plans.append(_Plan(start, end, op, f.category))
    return plans


def _plan_age(text: str, start: int, end: int, conf: dict,
              others: list[tuple[int, int]]) -> tuple[int, int, str]:
    """An age with what its band takes over: "a 34F client" -> "a client in
    her 30s", "age 71" -> "in her 70s", "a 34F" -> "a woman in her 30s"; a
    noun that is itself a finding ("a 41M vet", the job) is not taken over."""
    before = _WORD_BEFORE.search(text, 0, start)
    after = _WORD_AFTER.match(text[end:end + 40])
    article = _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
    if (after and after.group(1).lower() in conf["age_nouns"]
            and not any(s < end + after.end() and end < e for s, e in others)):
        start, end, op = article.start() if article else start, end + after.end(), "AGE_NOUN"
    elif before and before.group(1).lower() in conf["age_lead"]:
        start, op = before.start(1), "AGE"
    elif article:
        start, op = article.start(), "AGE_PERSON"
    else:
        op = "AGE"
    near = client_sex(_words_around(text, start, end, 30), nouns=True)
    return start, end, op + (f"|{near}" if near else "")


def _widen(text: str, finding: Finding, others: list[tuple[int, int]]) -> tuple[int, int]:
    """Stretch a finding over the rest of its phrase, short of other findings
    and essentials: "grain elevator [explosion]", "[Hale] & Pruitt LLP"."""
    start, end = finding.start, finding.end
    words = _PHRASE_WORDS.get(finding.category)
    if words is None:
        return start, end

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in others)

    for _ in range(3):
        m = _TOKEN_BEFORE.search(text, 0, start)
        if not (m and words.fullmatch(m.group(1)) and m.group(1).lower() not in STOP_WORDS and free(m.start(1), start)):
            break
        start = m.start(1)
    for _ in range(3):
        m = _TOKEN_AFTER.match(text[end:end + 60])
        if not (m and words.fullmatch(m.group(1)) and m.group(1).lower() not in STOP_WORDS and free(end, end + m.end())):
            break
        end += m.end()
    unit = _UNIT.match(text[end:end + 20]) if finding.category == "LOCATION" else None
    if unit and free(end, end + unit.end()):
        end += unit.end()
    return start, end


def _words_around(text: str, start: int, end: int, reach: int) -> str:
    """The whole words within ``reach`` characters of ``[start, end)``."""
    window = text[max(0, start - reach):end + reach]
    head = window.split(None, 1) if start > reach else [window]
    tail = head[-1].rsplit(None, 1) if end + reach < len(text) else [head[-1]]
    return tail[0]


def _swallow_space(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a dropped stretch so no double space or space before punctuation is left."""
    if start > 0 and text[start - 1] == "(" and end < len(text) and text[end] == ")":
        start, end = start - 1, end + 1
    if start > 0 and text[start - 1] in " \t":
        start -= 1
    elif end < len(text) and text[end] in " \t":
        end += 1
    if 0 < start and end < len(text) and text[start - 1] in ".!?;:," and text[end] in ".!?;:,":
        end += 1  # "older. Photo attached." -> "older."
    return start, end


# -- operators: what each planned stretch becomes ----------------------------


def _operators(conf: dict, gazetteer: Gazetteer, states: list[str], sex: str | None) -> dict[str, OperatorConfig]:
    """One operator per kind of replacement; ages come in one set per sex
    ("|female", "|male" when the words next to the age say so)."""
    words = conf["replace"]
    people_adult = conf["people"]["adult_from"]
    shapes = {name: regex.compile(pattern) for name, pattern in conf["shapes"].items()}

    def fixed(value: str) -> OperatorConfig:
        return OperatorConfig("custom", {"lambda": lambda piece: _same_case(piece, value)})

    def custom(fn: Callable[[str], str]) -> OperatorConfig:
        return OperatorConfig("custom", {"lambda": lambda piece: _same_case(piece, fn(piece))})

    def age_operators(suffix: str, sex: str | None) -> dict[str, OperatorConfig]:
        def band(piece: str) -> str:
            age = parse_age(piece)
            return age_band(age, conf["ages"], sex) if age else words["AGE"]

        def person(piece: str) -> str:
            age = parse_age(piece)
            people = conf["people"]["adult" if age is None or age.years >= people_adult else "minor"]
            who = people.get((age.sex if age else None) or sex) or people["unknown"]
            return f"{_article(who)} {who} {band(piece)}"

        def noun(piece: str) -> str:
            word = piece.split()[-1]
            phrase = f"{word} {band(piece)}"
            return f"{_article(word)} {phrase}" if _ARTICLE.match(piece) else phrase

        return {"AGE" + suffix: custom(band), "AGE_NOUN" + suffix: custom(noun), "AGE_PERSON" + suffix: custom(person)}

    def town(piece: str) -> str:
        shape = next((s for s in ("ZIP", "STREET", "FACILITY") if shapes[s].search(piece.strip())), None)
        return words[shape or "TOWN"]

    def town_to_state(piece: str) -> str:
        lead, name = piece.split(None, 1)
        state = _STATE_AFTER.search(name)
        hints = list(states)
        if state:
            code = gazetteer.state_code(state.group(1) or state.group(2))
            hints = [code] if code else hints
            name = name[:state.start()]
        city = gazetteer.city(name, hints)
        if town(name) == words["TOWN"] and (city and city.state or state and hints):
            return f"{lead} {gazetteer.state_names[city.state if city and city.state else hints[0]]}"
        return f"{lead} {town(name)}"

    def workplace(piece: str) -> str:
        for shape in ("SCHOOL", "CONGREGATION"):
            if shapes[shape].search(piece):
                return words[shape]
        return words["EMPLOYER"]

    def network(piece: str) -> str:
        return words["HANDLE"] if shapes["HANDLE"].search(piece.strip()) else words["NETWORK"]

    def timing(piece: str) -> str:
        return piece.split()[0] + " " + words["TIMING"]

    return {
        **age_operators("", sex),
        **age_operators("|female", "female"),
        **age_operators("|male", "male"),
        "NAME": fixed(words["NAME"]),
        "CLIENT": fixed(words["CLIENT"]),
        "DROP": fixed(""),
        "DATE": fixed(words["DATE"]),
        "LOCATION": custom(town),
        "PLACE_IN": custom(town_to_state),
        "EMPLOYER": custom(workplace),
        "OCCUPATION": fixed(words["OCCUPATION"]),
        "TIMING": custom(timing),
        "DISTINCTIVE": fixed(words["DISTINCTIVE"]),
        "CONTACT": fixed(words["CONTACT"]),
        "ID": fixed(words["ID"]),
        "NETWORK": custom(network),
    }


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


#: Words that start a replaced stretch and are capitalised only at the start of a sentence.
_SENTENCE_WORDS = frozenset({"a", "an", "my", "our", "on", "in", "age", "aged", "from", "as", "around"})


def _same_case(piece: str, replacement: str) -> str:
    """Start with a capital where the replaced text started a sentence ("On 2/14" -> "Recently")."""
    first = piece.split(None, 1)[0] if piece.strip() else ""
    if first[:1].isupper() and first.lower() in _SENTENCE_WORDS and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
