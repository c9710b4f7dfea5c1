"""Risk score, bands, reasons and the crowd estimate, on the real pipeline."""

from __future__ import annotations

import pytest

from deid.data import read_data
from deid.gazetteer import load_gazetteer


def test_a_clean_referral_is_low_with_no_crowd(linter, draft_texts):
    report = linter.lint(draft_texts.clean)
    assert (report.score, report.band, report.k) == (0, "low", None)
    assert report.reasons == ()


@pytest.mark.parametrize("draft, kind", [
    ("Seeking EMDR for Kayla Morrison, adult, telehealth in Oregon.", "FULL_NAME"),
    ("Seeking EMDR for an adult client; her cell is 541-555-0188.", "CONTACT"),
    ("Seeking EMDR for an adult client, Medicaid ID MD00381742.", "ID"),
    ("Teen client, she's @kayla.m.2009 on insta. Kentucky, Passport.", "NETWORK"),
    ("Adult client discharged on 2/14 after a hard winter. OHP.", "DATE"),
    ("Grief counselling for a 94-year-old widow, Medicare, telehealth.", "AGE_OVER_89"),
])
def test_one_direct_identifier_is_high_by_itself(linter, draft, kind):
    report = linter.lint(draft)
    assert report.band == "high", report.reasons
    assert kind in {r.code for r in report.reasons}
    assert report.k == 1


def test_one_quasi_identifier_is_medium_and_says_why(linter):
    report = linter.lint("Looking for an IFS therapist in Asheville for an adult with anxiety. BCBS.")
    assert report.band == "medium"
    assert [r.code for r in report.reasons][0] == "LOCATION"
    assert all(r.explanation for r in report.reasons)


def test_quasi_identifiers_combine_more_than_their_sum(linter):
    alone = [linter.lint(t) for t in ("EMDR for a 34F client. BCBS.", "EMDR for a client in Bend. BCBS.")]
    together = linter.lint("EMDR for a 34F client in Bend. BCBS.")
    assert together.score > sum(r.score for r in alone)
    assert "COMBINATION" in {r.code for r in together.reasons}
    assert together.score == sum(r.points for r in together.reasons)


def test_descriptors_count_only_in_combination(linter):
    alone = linter.lint("Seeking a therapist for a Muslim adult with anxiety, telehealth in Ohio, Aetna.")
    combined = linter.lint("Seeking a therapist for a Muslim adult in Dayton with anxiety, Aetna.")
    assert "DESCRIPTORS" not in {r.code for r in alone.reasons}
    assert "DESCRIPTORS" in {r.code for r in combined.reasons}


def test_a_descriptor_of_the_clinician_wanted_is_not_the_clients(linter):
    report = linter.lint("Seeking a Spanish-speaking therapist for an adult in Dayton, Aetna.")
    assert "DESCRIPTORS" not in {r.code for r in report.reasons}


def test_worked_crowd_estimate_woman_34_teacher_in_bend(linter):
    """k = Bend's population x share of women x share aged 34 x share who teach."""
    report = linter.lint("Seeking EMDR for a 34F teacher in Bend, grieving. BCBS.")
    people = read_data(None, "population/people.yaml")
    jobs = read_data(None, "population/occupations.yaml")
    teachers = next(j for j in jobs["jobs"] if j["label"] == "teacher")
    expected = (load_gazetteer().city("Bend").population * people["sex"]["female"]
                * people["ages"]["decades"][30] / 10
                * teachers["employment"] / jobs["total_employment"] * people["employment"]["rate"])
    assert report.k == round(expected)
    assert str(report.risk.crowd) == f"About {report.k} people in Bend fit: woman, aged 34, teacher"
    assert report.band == "high"  # three kinds of quasi-identifier


def test_a_crowd_of_about_one_adds_points(linter):
    report = linter.lint("Seeking EMDR for a 34F teacher in Sisters, OR, grieving. BCBS.")
    assert report.k == 1
    assert "CROWD" in {r.code for r in report.reasons}


def test_a_signature_in_a_small_town_is_an_info_note_that_counts(linter):
    draft = ("Looking for a DBT therapist for an adult, telehealth in Oregon, Aetna.\n\n"
             "Thanks,\nJenna Morales, LCSW\nJuniper Ridge Counseling\nSisters, OR 97759\n")
    report = linter.lint(draft)
    note = next(r for r in report.reasons if r.code == "SIGNATURE")
    assert "small town" in note.explanation and note.points > 0
    assert report.findings == []
    assert report.score == note.points


def test_weights_are_data(linter):
    weights = read_data(linter.rules.root, "scoring.yaml")
    assert linter.risk_model.band(weights["bands"]["high"]) == "high"
    assert linter.risk_model.band(weights["bands"]["medium"] - 1) == "low"
    explanations = list(weights["direct"]["kinds"].values()) + [k["explain"] for k in weights["quasi"]["kinds"].values()]
    assert all(e.endswith(".") for e in explanations)  # whole sentences, not cut at a comma
