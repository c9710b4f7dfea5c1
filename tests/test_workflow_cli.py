"""The lint options of the workflow: configuration, baseline, masking, formats.

In-process through typer's runner (the real command, one pipeline per
settings); the subprocess runs are in test_cli and test_output_safety.
"""

from __future__ import annotations

import json

import pytest

EMAIL = "kayla.m@example.com"


@pytest.fixture
def folder(drafts, monkeypatch):
    monkeypatch.chdir(drafts.dir)
    return drafts


def test_output_is_masked_unless_show_text(folder, invoke_deid):
    masked = invoke_deid("lint", "overshared.txt")
    assert masked.exit_code == 1
    assert EMAIL not in masked.stdout and "Kayla" not in masked.stdout
    assert "'k******************'" in masked.stdout and "--show-text" in masked.stdout
    shown = invoke_deid("lint", "--show-text", "overshared.txt")
    assert EMAIL in shown.stdout and folder.overshared_text.splitlines()[0] in shown.stdout


def test_configuration_is_found_and_options_override_it(folder, invoke_deid):
    (folder.dir / ".deid.toml").write_text('format = "json"\nfail-on = "error"\ndisable = ["CONTACT"]\n')
    result = invoke_deid("lint", "overshared.txt")
    data = json.loads(result.stdout)
    codes = {f["code"] for f in data["files"][0]["findings"]}
    assert not codes & {"C101", "C103"}
    assert codes & {"N101", "N102"}
    assert result.exit_code == 1  # a NAME error remains
    # Without CONTACT, the email's domain is a web address (NETWORK): disable that too.
    only_warnings = invoke_deid("lint", "--format", "github", "--disable", "NAME,NETWORK", "overshared.txt")
    assert only_warnings.stdout.startswith("::") and "::error" not in only_warnings.stdout
    assert only_warnings.exit_code == 0  # fail-on = error, and only warnings are left


@pytest.mark.parametrize("setup, args, needles", [
    ('colour = "red"\n', [], ["unknown setting", "colour"]),
    ("", ["--disable", "N999"], ["N999", "deid rules"]),
    ("", ["--baseline", "missing.json"], ["missing.json", "does not exist", "deid baseline"]),
    ('baseline = "broken.json"\n', [], ["broken.json", "not a deid baseline"]),
])
def test_bad_settings_exit_2_with_a_plain_message(folder, invoke_deid, setup, args, needles):
    (folder.dir / ".deid.toml").write_text(setup)
    (folder.dir / "broken.json").write_text("{}")
    result = invoke_deid("lint", *args, "overshared.txt")
    assert result.exit_code == 2, result.stdout
    assert result.stdout == "" and "Traceback" not in result.stderr
    message = " ".join(result.stderr.split())
    for needle in needles:
        assert needle in message


def test_baseline_then_only_new_findings_fail(folder, invoke_deid):
    (folder.dir / ".deid.toml").write_text('baseline = ".deid-baseline.json"\n')
    made = invoke_deid("baseline", "overshared.txt", "clean.txt")
    assert made.exit_code == 0 and "Recorded" in made.stderr
    stored = (folder.dir / ".deid-baseline.json").read_text()
    assert EMAIL not in stored and "Kayla" not in stored
    assert invoke_deid("lint", "overshared.txt", "clean.txt").exit_code == 0

    folder.overshared.write_text(folder.overshared_text + "Her sister Ana can drive her.\n")
    result = invoke_deid("lint", "--format", "json", "overshared.txt")
    assert result.exit_code == 1
    (entry,) = json.loads(result.stdout)["files"]
    assert [f["category"] for f in entry["findings"]] == ["NAME"]
    assert entry["suppressed"] > 0


def test_statistics(folder, invoke_deid):
    result = invoke_deid("lint", "--format", "json", "--statistics", "overshared.txt")
    statistics = json.loads(result.stdout)["statistics"]
    assert statistics["C103"] == 1 and sum(statistics.values()) >= 4
