"""The learned tagger: events, jobs and workplaces told in a post's own words.

Real pipeline throughout: the shipped tagger (``deid/learned``) runs beside
the entity recognizer.
"""

from __future__ import annotations

import pytest

from deid.recognizers.learned import COMPONENT, MODEL_DIR, LearnedRecognizer

LEARNED = ("X112", "O104", "E104")

#: Events told in a clause, with no word any listed rule looks for.
TOLD_IN_A_CLAUSE = [
    ("He spent nine hours trapped in the elevator at the county courthouse and now can't use lifts.",
     "trapped in the elevator"),
    ("Her brother was the one carried out of the quarry by the dive team last summer, so people in town know her.",
     "quarry by the dive team"),
]


def _overlapping(report, phrase: str) -> list:
    start = report.text.index(phrase)
    return [f for f in report.findings if f.start < start + len(phrase) and start < f.end]


def test_tagger_ships_and_runs_in_the_pipeline(linter):
    assert (MODEL_DIR / "meta.json").is_file()
    assert COMPONENT in linter.engine.nlp.pipe_names
    assert {linter.rules.rules[code].kind for code in LEARNED} == {"learned"}


@pytest.mark.parametrize("text, phrase", TOLD_IN_A_CLAUSE)
def test_event_told_in_a_clause_is_found(linter, text, phrase):
    assert any(f.category == "DISTINCTIVE" for f in _overlapping(linter.lint(text), phrase))


def test_without_the_learned_rules_the_tagger_is_not_loaded(rules_linter):
    assert COMPONENT not in rules_linter.engine.nlp.pipe_names
    text, phrase = TOLD_IN_A_CLAUSE[0]
    report = rules_linter.lint(text)
    assert not any(f.code in LEARNED for f in report.findings)
    assert not _overlapping(report, phrase)  # the rules alone miss it: the tagger is what finds it


def test_runs_are_cut_at_lines(linter):
    rule = linter.rules.rules["X112"]
    recognizer = LearnedRecognizer(tag="DIST", rule=rule, rules=linter.rules)
    doc = linter.engine.nlp.make_doc("the barn burned down,\nand the whole herd too")
    for token in doc:
        token.tag_ = "DIST"
    found = [doc.text[start:end] for start, end, _ in recognizer.spans(doc)]
    assert found == ["the barn burned down,", "and the whole herd too"]


def test_a_learned_guess_gives_way_to_other_findings(linter):
    report = linter.lint("Client drove the float that went into the crowd at the homecoming parade.")
    found = [(f.category, f.text) for f in report.findings]
    assert ("DATE", "homecoming") in found  # the holiday keeps its own finding, not the clause's
    assert all(category == "DISTINCTIVE" for category, text in found if text != "homecoming")
    assert not any(text.endswith((" the", " at")) for _, text in found)  # no function word at an edge
