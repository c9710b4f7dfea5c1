"""The template and redact commands for real: JSON shapes and --in-place."""

from __future__ import annotations

import json


def test_template_and_lint_json_shapes(run_deid, drafts):
    done = run_deid("template", drafts.overshared, drafts.clean, "--format", "json")
    assert done.returncode == 0, done.stderr
    files = json.loads(done.stdout)["files"]
    assert [set(f) for f in files] == [{"path", "template"}] * 2
    assert "Kayla" not in files[0]["template"] and "reply to me privately" in files[0]["template"]
    lint = json.loads(run_deid("lint", drafts.overshared, "--format", "json").stdout)["files"][0]
    assert lint["band"] == "high" and isinstance(lint["score"], int) and lint["k"] == 1
    assert {"code", "points", "explanation"} == set(lint["reasons"][0])


def test_redact_in_place_keeps_a_backup_and_no_stray_files(run_deid, drafts):
    done = run_deid("redact", "--in-place", "--format", "json", drafts.overshared)
    assert done.returncode == 0, done.stderr
    redacted = json.loads(done.stdout)["files"][0]["redacted"]
    assert drafts.overshared.read_text(encoding="utf-8") == redacted
    assert "Kayla" not in redacted and "[contact details removed]" in redacted
    backup = drafts.overshared.with_name("overshared.txt.bak")
    assert backup.read_text(encoding="utf-8") == drafts.overshared_text
    assert sorted(p.name for p in drafts.dir.iterdir()) == ["clean.txt", "overshared.txt", "overshared.txt.bak"]
    refused = run_deid("redact", "--in-place", input="Client Kayla, 34F.")
    assert refused.returncode == 2 and "file names" in refused.stderr
