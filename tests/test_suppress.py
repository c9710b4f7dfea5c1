"""Accepting findings on purpose: inline markers and the baseline file."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from deid.suppress import Baseline, BaselineError, find_markers

DRAFT = (
    "Seeking EMDR for a 34F client in Bend.\n"
    "She lost her husband Mark last year.\n"
    "Thank you all for any leads.\n"
)


def found(report) -> set[tuple[str, str]]:
    return {(f.category, f.text) for f in report.findings}


def test_the_draft_has_the_findings_the_markers_will_accept(linter):
    assert {("AGE", "34F"), ("LOCATION", "Bend"), ("NAME", "Mark")} <= found(linter.lint(DRAFT))


def test_same_line_marker_with_codes_or_categories(linter):
    report = linter.lint(DRAFT.replace("Bend.", "Bend. <!-- deid: ignore[AGE, L102] -->"))
    assert ("AGE", "34F") not in found(report) and ("LOCATION", "Bend") not in found(report)
    assert ("NAME", "Mark") in found(report)
    assert {s.finding.text for s in report.suppressed} == {"34F", "Bend"}
    assert {s.by for s in report.suppressed} == {"inline"}
    assert report.notes == []


def test_bare_marker_accepts_everything_on_its_line(linter):
    report = linter.lint(DRAFT.replace("last year.", "last year. # deid: ignore"))
    assert ("NAME", "Mark") not in found(report)
    assert ("AGE", "34F") in found(report)


def test_next_line_marker(linter):
    text = DRAFT.replace("She lost", "<!-- deid: ignore-next-line[N102, NAME] -->\nShe lost")
    report = linter.lint(text)
    assert ("NAME", "Mark") not in found(report)
    assert ("AGE", "34F") in found(report)


def test_marker_for_other_codes_does_not_accept(linter):
    report = linter.lint(DRAFT.replace("Bend.", "Bend. [deid: ignore[NAME]]"))
    assert ("AGE", "34F") in found(report) and ("LOCATION", "Bend") in found(report)
    (note,) = report.notes
    assert note.line == 1 and "deid: ignore[NAME]" in note.message and "removed" in note.message


def test_stale_markers_are_noted_with_their_line(linter):
    report = linter.lint(DRAFT.replace("leads.", "leads. deid: ignore") + "deid: ignore-next-line\n")
    assert [n.line for n in report.notes] == [3, 4]
    assert all("no longer matches" in n.message for n in report.notes)


def test_markers_are_found_in_any_comment_style():
    text = "a <!-- deid: ignore -->\nb # DEID: Ignore-Next-Line[n101 , age]\nc\n(deid:ignore[X101])"
    got = [(m.line, m.target, sorted(m.codes)) for m in find_markers(text)]
    assert got == [(1, 1, []), (2, 3, ["AGE", "N101"]), (4, 4, ["X101"])]


# ------------------------------------------------------------------ baseline


@pytest.fixture
def folder(tmp_path, monkeypatch):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.txt").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_baseline_accepts_recorded_findings_and_stores_no_text(linter, folder):
    report = linter.lint(DRAFT)
    baseline = Baseline(folder / ".deid-baseline.json")
    assert baseline.record("drafts/a.txt", report.findings) == len(report.findings)
    baseline.save()
    stored = (folder / ".deid-baseline.json").read_text(encoding="utf-8")
    readable = re.sub(r"\b[0-9a-f]{16,}\b", "", stored)  # a digest may spell "34f" by chance
    for f in report.findings:
        assert f.text not in readable and f.text.lower() not in readable
    assert "a.txt" not in stored and "drafts" not in stored

    again = Baseline.load(folder / ".deid-baseline.json").apply("drafts/a.txt", report)
    assert again.findings == [] and again.notes == []
    assert len(again.suppressed) == len(report.findings)
    assert {s.by for s in again.suppressed} == {"baseline"}


def test_baseline_survives_edits_elsewhere_but_not_new_identifiers(linter, folder):
    baseline = Baseline(folder / "b.json")
    baseline.record("drafts/a.txt", linter.lint(DRAFT).findings)
    edited = "Update, reposting:\n\n" + DRAFT.replace("Bend", "bend") + "Her sister Ana helps.\n"
    report = baseline.apply("drafts/a.txt", linter.lint(edited))
    assert found(report) == {("NAME", "Ana")}


def test_baseline_is_per_file_and_paths_are_relative_to_it(linter, folder):
    baseline = Baseline(folder / "b.json")
    baseline.record("drafts/a.txt", linter.lint(DRAFT).findings)
    baseline.save()
    os.chdir(folder / "drafts")  # another current directory, same file
    loaded = Baseline.load(Path("..") / "b.json")
    assert loaded.apply("a.txt", linter.lint(DRAFT)).findings == []
    assert loaded.apply("other.txt", linter.lint(DRAFT)).findings != []


def test_stale_baseline_entries_are_noted(linter, folder):
    baseline = Baseline(folder / "b.json")
    baseline.record("drafts/a.txt", linter.lint(DRAFT).findings)
    report = baseline.apply("drafts/a.txt", linter.lint("Seeking EMDR for a 34F client.\n"))
    assert report.findings == []
    (note,) = report.notes
    assert "no longer" in note.message and "deid baseline" in note.message


@pytest.mark.parametrize("content", ["not json", "[]", '{"deid-baseline": 1}', '{"salt": "zz"}'])
def test_unreadable_baseline_is_a_plain_error(tmp_path, content):
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match="deid baseline"):
        Baseline.load(path)
    with pytest.raises(BaselineError, match="does not exist"):
        Baseline.load(tmp_path / "missing.json")


def test_salt_differs_between_baselines(folder):
    a, b = Baseline(folder / "a.json"), Baseline(folder / "b.json")
    assert a.salt != b.salt
    a.save()
    assert json.loads((folder / "a.json").read_text())["salt"] == a.salt.hex()


def test_a_finding_never_runs_into_a_marker(linter):
    # Markers are blanked before detection, so the model may read a name
    # across one; the finding is cut short of it (found by the long fuzz run).
    text = "I see Mark deid: ignore[A101] Jensen weekly, who is 34.\n"
    report = linter.lint(text)
    for f in report.findings + [s.finding for s in report.suppressed]:
        assert text[f.start:f.end] == f.text
        assert "deid" not in f.text
