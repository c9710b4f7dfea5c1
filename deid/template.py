"""The minimal referral template: what a colleague needs, not who the client is.

Built only from the draft's referral essentials (its keep spans: approach,
age group, concern, region, payment, logistics), an age band generalised from
an exact age, and the state of a named town. It never copies a finding's
text. A required essential the draft lacks becomes a placeholder. Wording is
data: ``rules/template.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import regex

from deid.data import read_data
from deid.findings import Span
from deid.gazetteer import load_gazetteer
from deid.generalise import age_band, client_sex, parse_age
from deid.rules import EXACT

if TYPE_CHECKING:
    from deid.linter import Report

_WORD_BEFORE = regex.compile(r"([\p{L}'-]+)[ \t]+$")
_WORD_AFTER = regex.compile(r"[ \t]+([\p{L}'-]+)\b")
_SENTENCE_START = regex.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")
_CAPITALISED = regex.compile(r"\p{Lu}\p{Ll}")


def essentials(report: Report) -> dict[str, list[str]]:
    """What the draft says for each referral essential, in order, without repeats."""
    root = report.linter.rules.root if report.linter else None
    gazetteer = load_gazetteer(root)
    style = read_data(root, "template.yaml")
    found: dict[str, dict[str, str]] = {}
    for span in phrases(report, style["phrase"]):
        if any(z.start <= span.start and span.end <= z.end for z in report.poster):
            continue  # the poster's own lines (a signature's licence state, a quoted reply)
        text = " ".join(report.text[span.start:span.end].split())
        if (span.label in style["sentence_case"] and _CAPITALISED.match(text)
                and _SENTENCE_START.search(report.text, max(0, span.start - 3), span.start)):
            text = text[0].lower() + text[1:]
        if span.label == "REGION":
            text = gazetteer.spelled_out(text) or text  # "OR" -> "Oregon"
        found.setdefault(span.label, {}).setdefault(text.lower(), text)
    ages = [f for f in report.findings if f.category == "AGE"]
    age = parse_age(ages[0].text) if ages else None
    if age:
        skip = [(f.start, f.end) for f in report.findings] + [(p.start, p.end) for p in report.poster]
        band = age_band(age, read_data(root, "redaction.yaml")["ages"], client_sex(report.text, skip))
        found.setdefault("AGE_RANGE", {}).setdefault(band.lower(), band)
    named = {gazetteer.state_code(r) for r in found.get("REGION", {}).values()}
    hints = gazetteer.states_in(report.text)
    for f in report.findings:
        city = gazetteer.city(f.text, hints) if f.category == "LOCATION" else None
        if city and city.state and city.state not in named:
            named.add(city.state)
            state = gazetteer.state_names[city.state]
            found.setdefault("REGION", {}).setdefault(state.lower(), state)
    return {label: list(values.values()) for label, values in found.items()}


def _words(words: list[str]) -> Callable[[str], bool]:
    """Whether a word is one of ``words``: in any case, or as written for
    those with a leading ``=`` (as in lexicons: "=I" is not "i")."""
    exact = {w.removeprefix(EXACT) for w in words if w.startswith(EXACT)}
    loose = {w.lower() for w in words if not w.startswith(EXACT)}
    return lambda word: word in exact or word.lower() in loose


def phrases(report: Report, conf: dict) -> list[Span]:
    """Keep spans grown into the phrases around them ("complex PTSD"), never over a finding."""
    text = report.text
    taken = [(f.start, f.end) for f in report.findings]
    before = _words(conf["before"])
    after = _words(conf["after"])
    joiners = tuple(conf["joiners"])

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    grown: list[Span] = []
    for span in sorted(report.keep):
        start, end = span.start, span.end
        while (m := _WORD_BEFORE.search(text, 0, start)) and before(m.group(1)) and free(m.start(1), start):
            start = m.start(1)
        while (m := _WORD_AFTER.match(text, end)) and after(m.group(1)) and free(end, m.end()):
            end = m.end()
        last = grown[-1] if grown else None
        gap = text[last.end:start] if last else ""
        if last and start <= last.end and last.label == span.label:
            grown[-1] = Span(last.start, max(end, last.end), last.label)
        elif last and start < last.end:
            grown.append(Span(start, end, span.label))  # inside another essential ("Montana" in "Montana Medicaid")
        elif last and gap in joiners and (last.label == span.label or last.label == "INSURANCE" and span.label == "REGION"):
            grown[-1] = Span(last.start, end, last.label)
        elif last and gap == " of " and last.label == "INSURANCE" and span.label == "REGION":
            grown[-1] = Span(last.start, end, last.label)
        else:
            grown.append(Span(start, end, span.label))
    return grown


def build_template(report: Report) -> str:
    """A ready-to-post referral request built from ``report``'s draft."""
    style = read_data(report.linter.rules.root if report.linter else None, "template.yaml")
    have = essentials(report)
    lines = [style["heading"], ""]
    for field in style["fields"]:
        values = have.get(field["label"])
        if values:
            lines.append(f"{field['title']}: {', '.join(values)}.")
        elif field.get("placeholder"):
            lines.append(f"{field['title']}: {field['placeholder']}.")
    lines += ["", style["closing"]]
    return "\n".join(lines) + "\n"
