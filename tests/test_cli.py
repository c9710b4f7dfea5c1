"""The ``deid`` command, run for real in a subprocess (``python -m deid``).

Each subprocess loads the whole pipeline, so runs are shared: a
module-scoped fixture runs one command and several tests read its result.
Only obvious identifiers (an email address, "34F") are asserted here;
detection quality is tested elsewhere.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import assert_plain_error, line_and_column, squash
from deid.rules import load_rules

EMAIL = "kayla.m@example.com"


# --------------------------------------------------------------- exit codes


def test_overshared_draft_exits_1_and_reports_locations(run_deid, drafts):
    proc = run_deid("lint", "--show-text", drafts.overshared.name, cwd=drafts.dir)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    # The email is on line 2; the text reporter gives path:line:column.
    column = drafts.overshared_text.splitlines()[1].index(EMAIL) + 1
    assert f"overshared.txt:2:{column}" in proc.stdout
    assert EMAIL in proc.stdout


def test_clean_draft_exits_0(run_deid, drafts):
    proc = run_deid("lint", drafts.clean.name, cwd=drafts.dir)
    assert proc.returncode == 0, (proc.stdout, proc.stderr)
    assert "No identifiers found" in proc.stdout
    assert proc.stderr == ""


@pytest.fixture(scope="module")
def warning_only_run(run_deid, draft_texts, tmp_path_factory):
    """``deid lint --fail-on error`` on a draft whose only finding is a warning.

    The file name has square brackets, as downloaded copies often do.
    """
    folder = tmp_path_factory.mktemp("warning_only")
    name = "referral [draft].txt"
    (folder / name).write_text(draft_texts.warning_only, encoding="utf-8")
    return name, run_deid("lint", "--show-text", "--fail-on", "error", name, cwd=folder)


def test_fail_on_error_ignores_warnings(warning_only_run):
    _, proc = warning_only_run
    assert proc.returncode == 0, (proc.stdout, proc.stderr)
    assert "34F" in proc.stdout  # still reported, just not failing
    assert "warning" in proc.stdout


def test_text_report_shows_the_file_name_verbatim(warning_only_run):
    name, proc = warning_only_run
    assert f"{name}:1:" in proc.stdout


def _write_invalid_utf8(folder: Path) -> tuple[str, int]:
    good = "Café notes: ".encode("utf-8")
    (folder / "latin1.txt").write_bytes(good + b"r\xe9sum\xe9\n")
    return "latin1.txt", len(good) + 1


@pytest.mark.parametrize("case", ["missing", "directory", "binary", "invalid-utf8", "unknown-option"])
def test_input_and_usage_errors_exit_2_with_a_plain_message(run_deid, tmp_path, case):
    if case == "missing":
        proc = run_deid("lint", "no-such-draft.txt", cwd=tmp_path)
        assert_plain_error(proc, "no-such-draft.txt", "does not exist")
    elif case == "directory":
        (tmp_path / "drafts").mkdir()
        proc = run_deid("lint", "drafts", cwd=tmp_path)
        assert_plain_error(proc, "drafts", "folder")
    elif case == "binary":
        (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7\n\x00\x01\x02\x00binary\xff\xfe\x00")
        proc = run_deid("lint", "scan.pdf", cwd=tmp_path)
        assert_plain_error(proc, "scan.pdf", "binary")
    elif case == "invalid-utf8":
        name, offset = _write_invalid_utf8(tmp_path)
        proc = run_deid("lint", name, cwd=tmp_path)
        assert_plain_error(proc, name, "UTF-8", f"byte {offset}")
    else:
        proc = run_deid("lint", "--no-such-option", "x.txt", cwd=tmp_path)
        assert proc.returncode == 2
        assert "Traceback" not in proc.stderr
        assert "no-such-option" in proc.stderr


# ------------------------------------------------------------ JSON output

#: CRLF line endings, accented letters and emoji (outside the BMP, so UTF-16
#: columns would differ) before the identifiers, on earlier lines and on the
#: identifiers' own lines.
CRLF_DRAFT = (
    "Bonjour \u00e0 tous \U0001F44B \u2014 caf\u00e9 na\u00efve r\u00e9sum\u00e9\r\n"
    "Seeking EMDR (Espa\u00f1ol \U0001F600 ok) for a 34F client, telehealth.\r\n"
    "\U0001F64F\U0001F3FD Reply \u00e9 \u2192 " + EMAIL + " please.\r\n"
)
FINDING_KEYS = {"code", "category", "severity", "start", "end", "line", "column", "text",
                "message", "fix", "safe_harbor"}
SHORTCODE_NAME = None if os.name == "nt" else "notes:fire:.txt"  # ':' is not allowed on Windows


@pytest.fixture(scope="module")
def json_run(run_deid, draft_texts, tmp_path_factory):
    """One ``deid lint --format json`` over files and stdin ('-'), in a set order."""
    folder = tmp_path_factory.mktemp("json")
    (folder / "crlf.txt").write_bytes(CRLF_DRAFT.encode("utf-8"))
    (folder / "overshared.txt").write_text(draft_texts.overshared, encoding="utf-8")
    (folder / "clean.txt").write_text(draft_texts.clean, encoding="utf-8")
    args = ["crlf.txt", "-", "overshared.txt", "clean.txt"]
    if SHORTCODE_NAME:
        (folder / SHORTCODE_NAME).write_text(draft_texts.warning_only, encoding="utf-8")
        args.append(SHORTCODE_NAME)
    stdin_text = draft_texts.warning_only
    proc = run_deid("lint", "--show-text", "--format", "json", *args, input=stdin_text, cwd=folder)
    texts = {a: (stdin_text if a == "-" else (folder / a).read_bytes().decode("utf-8")) for a in args}
    return proc, args, texts


def test_json_output_parses_with_the_documented_shape(json_run):
    proc, args, _ = json_run
    assert proc.returncode == 1, proc.stderr  # the overshared draft fails
    data = json.loads(proc.stdout)
    assert set(data) == {"files", "masked"}
    assert data["masked"] is False
    assert len(data["files"]) == len(args)
    for entry in data["files"]:
        risk = {"score", "band", "reasons"}
        assert {"path", "findings", "suppressed", "notes"} | risk <= set(entry) <= {"path", "findings", "suppressed", "notes", "k", "crowd"} | risk
        assert isinstance(entry["path"], str)
        for finding in entry["findings"]:
            assert set(finding) == FINDING_KEYS
            for key in ("start", "end", "line", "column"):
                assert isinstance(finding[key], int) and finding[key] >= 0
            assert finding["severity"] in {"info", "warning", "error"}
            assert finding["line"] >= 1 and finding["column"] >= 1


def test_json_has_one_entry_per_input_in_order(json_run):
    proc, args, _ = json_run
    files = json.loads(proc.stdout)["files"]
    assert [f["path"] for f in files][:4] == ["crlf.txt", "<stdin>", "overshared.txt", "clean.txt"]
    assert files[3]["findings"] == []  # the clean draft
    assert any(f["text"] == "34F" for f in files[1]["findings"])  # stdin was linted
    assert any(f["text"] == EMAIL for f in files[2]["findings"])


def test_json_offsets_index_the_file_text(json_run):
    proc, args, texts = json_run
    files = json.loads(proc.stdout)["files"]
    checked = 0
    for arg, entry in zip(args, files):
        text = texts[arg]
        for f in entry["findings"]:
            assert text[f["start"]:f["end"]] == f["text"], (arg, f)
            assert (f["line"], f["column"]) == line_and_column(text, f["start"]), (arg, f)
            checked += 1
    assert checked >= 3


def test_json_line_and_column_after_crlf_and_non_ascii(json_run):
    proc, _, _ = json_run
    crlf = json.loads(proc.stdout)["files"][0]
    assert crlf["path"] == "crlf.txt"
    by_text = {f["text"]: f for f in crlf["findings"]}
    email = by_text[EMAIL]
    assert email["start"] == CRLF_DRAFT.index(EMAIL)
    assert (email["line"], email["column"]) == (3, len("\U0001F64F\U0001F3FD Reply \u00e9 \u2192 ") + 1)
    age = by_text["34F"]
    assert (age["line"], age["column"]) == (2, CRLF_DRAFT.split("\r\n")[1].index("34F") + 1)


def test_json_agrees_with_the_library(json_run, linter):
    proc, args, texts = json_run
    files = json.loads(proc.stdout)["files"]
    for arg, entry in zip(args, files):
        expected = [(f.start, f.end, f.code, f.category, f.severity)
                    for f in linter.lint(texts[arg]).findings]
        got = [(f["start"], f["end"], f["code"], f["category"], f["severity"]) for f in entry["findings"]]
        assert got == expected, arg


@pytest.mark.skipif(SHORTCODE_NAME is None, reason="':' cannot be used in Windows file names")
def test_json_reports_the_path_verbatim(json_run):
    proc, args, _ = json_run
    assert json.loads(proc.stdout)["files"][4]["path"] == SHORTCODE_NAME


# ------------------------------------------------------------------ stdin


@pytest.fixture(scope="module")
def plain_stdin_run(run_deid, tmp_path_factory):
    """``deid lint --format json`` with no file: the draft is piped in."""
    text = f"Her email is {EMAIL} and her page is www.example.org/:fire:/kayla\n"
    return text, run_deid("lint", "--show-text", "--format", "json", input=text,
                          cwd=tmp_path_factory.mktemp("stdin"))


def test_plain_lint_reads_piped_stdin(plain_stdin_run):
    _, proc = plain_stdin_run
    assert proc.returncode == 1, proc.stderr
    (entry,) = json.loads(proc.stdout)["files"]
    assert entry["path"] == "<stdin>"
    assert EMAIL in [f["text"] for f in entry["findings"]]
    assert "Paste your draft" not in proc.stderr  # the paste prompt is for terminals only


def test_json_text_is_verbatim_even_with_emoji_shortcodes(plain_stdin_run):
    text, proc = plain_stdin_run
    (entry,) = json.loads(proc.stdout)["files"]
    assert any(":fire:" in text[f["start"]:f["end"]] for f in entry["findings"])
    for f in entry["findings"]:
        assert text[f["start"]:f["end"]] == f["text"]


# ------------------------------------------------------- rules and explain


def test_rules_lists_every_documented_rule(run_deid):
    proc = run_deid("rules")
    assert proc.returncode == 0, proc.stderr
    ruleset = load_rules()
    documented = [r.code for r in ruleset.rules.values() if r.category in ruleset.categories]
    assert "N102" in documented
    listed = set(proc.stdout.split())
    missing = [code for code in documented if code not in listed]
    assert not missing


def test_explain_prints_the_rule_documentation(run_deid):
    proc = run_deid("explain", "N102")
    assert proc.returncode == 0, proc.stderr
    rule = load_rules().rules["N102"]
    out = squash(proc.stdout)
    assert "N102" in out
    assert squash(rule.title) in out
    assert squash(rule.fix) in out
    assert "NAME" in out


def test_explain_unknown_code_exits_2(run_deid):
    proc = run_deid("explain", "ZZZ999")
    assert_plain_error(proc, "ZZZ999", "deid rules")
