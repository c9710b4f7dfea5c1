"""The bad-input matrix, through the real command (``python -m deid``).

Every row gets a clear message and the right exit code, never a traceback.
Subprocesses are few: one JSON run over a folder of awkward drafts covers
most rows (its findings are checked against the decoded text), and the
rest (another encoding, closed stdin, a closed pipe, a full disk, Ctrl-C
during a paste, a 10 MB draft) each need a process of their own. Missing, binary and
invalid UTF-8 files are in ``test_cli.py``.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import OVERSHARED, assert_plain_error, deid_env, line_and_column, squash

EMAIL = "kayla.m@example.com"
#: Right-to-left text, a family emoji joined by ZWJs, combining accents, a flag.
UNICODE_DRAFT = (
    "\u05e9\u05dc\u05d5\u05dd \u202eקליינט\u202c \U0001F469\u200d\U0001F469\u200d\U0001F467 "
    "Jose\u0301 Mu\u0303oz e\u0301\u0301\u0301 \U0001F1FA\U0001F1F8\n"
    "Seeking EMDR for a 34F client. Email " + EMAIL + " \u0645\u0631\u062d\u0628\u0627\n"
)
BLANK = " \t\r\n\n \u3000\u00a0\n"
#: Long words keep the 1 MB line cheap to analyse; what matters is that it has no line break.
ONE_MB_LINE = ("referral" * 12 + " ") * 10_310

#: file name -> (bytes on disk, the text deid should see)
DRAFTS = {
    "bom-utf8.txt": (b"\xef\xbb\xbf" + OVERSHARED.encode("utf-8"), OVERSHARED),
    "bom-utf16le.txt": (b"\xff\xfe" + OVERSHARED.encode("utf-16-le"), OVERSHARED),
    "bom-utf16be.md": (b"\xfe\xff" + OVERSHARED.encode("utf-16-be"), OVERSHARED),
    "crlf.txt": (OVERSHARED.replace("\n", "\r\n").encode("utf-8"), OVERSHARED.replace("\n", "\r\n")),
    "lone-cr.eml": (OVERSHARED.replace("\n", "\r").encode("utf-8"), OVERSHARED.replace("\n", "\r")),
    "empty.txt": (b"", ""),
    "whitespace.txt": (BLANK.encode("utf-8"), BLANK),
    "unicode.txt": (UNICODE_DRAFT.encode("utf-8"), UNICODE_DRAFT),
    "sub/one-mb-line.txt": ((ONE_MB_LINE + " Write to " + EMAIL).encode("utf-8"), ONE_MB_LINE + " Write to " + EMAIL),
}
SKIPPED = ("scan.pdf", "notes.docx")


@pytest.fixture(scope="module")
def folder_run(run_deid, tmp_path_factory):
    """``deid lint --format json drafts`` over a folder of awkward drafts."""
    root = tmp_path_factory.mktemp("inputs")
    folder = root / "drafts"
    for name, (data, _) in DRAFTS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    for name in SKIPPED:
        (folder / name).write_bytes(b"%PDF-1.7\x00\x00")
    (folder / ".hidden.txt").write_text("Kayla Morrison", encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "notes.txt").write_text("Kayla Morrison", encoding="utf-8")
    proc = run_deid("lint", "--format", "json", "--show-text", "drafts", cwd=root)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc, {entry["path"]: entry["findings"] for entry in json.loads(proc.stdout)["files"]}


def test_folder_lints_its_draft_files_recursively_in_order(folder_run):
    _, files = folder_run
    expected = sorted(os.path.join("drafts", *name.split("/")) for name in DRAFTS)
    assert list(files) == expected  # sorted; hidden files and folders left out


def test_folder_names_the_files_it_skipped(folder_run):
    proc, _ = folder_run
    message = squash(proc.stderr)
    assert "Skipped 2 files" in message
    for name in SKIPPED:
        assert os.path.join("drafts", name) in message
    assert ".hidden" not in message and ".git" not in message


@pytest.mark.parametrize("name", list(DRAFTS))
def test_offsets_lines_and_columns_index_the_decoded_text(folder_run, name):
    _, files = folder_run
    text = DRAFTS[name][1]
    for f in files[os.path.join("drafts", *name.split("/"))]:
        assert text[f["start"]:f["end"]] == f["text"], f
        assert (f["line"], f["column"]) == line_and_column(text, f["start"]), f


@pytest.mark.parametrize("name", ["bom-utf8.txt", "bom-utf16le.txt", "bom-utf16be.md", "crlf.txt", "lone-cr.eml"])
def test_encodings_and_line_endings_find_the_same_identifiers(folder_run, name):
    _, files = folder_run
    found = {(f["text"], f["line"]) for f in files[os.path.join("drafts", name)]}
    assert (EMAIL, 2) in found and ("34F", 1) in found


@pytest.mark.parametrize("name", ["empty.txt", "whitespace.txt"])
def test_empty_and_blank_drafts_have_no_findings(folder_run, name):
    _, files = folder_run
    assert files[os.path.join("drafts", name)] == []


def test_unicode_draft_is_linted(folder_run):
    _, files = folder_run
    texts = [f["text"] for f in files[os.path.join("drafts", "unicode.txt")]]
    assert EMAIL in texts and "34F" in texts


def test_one_megabyte_line(folder_run):
    _, files = folder_run
    (email,) = [f for f in files[os.path.join("drafts", "sub", "one-mb-line.txt")] if f["text"] == EMAIL]
    assert email["line"] == 1 and email["column"] == len(ONE_MB_LINE) + len(" Write to ") + 1


def test_text_report_of_awkward_drafts(run_deid, tmp_path):
    """The default (text) report copes with CR-only lines, BOMs, RTL text and emoji."""
    for name in ("lone-cr.eml", "bom-utf16le.txt", "unicode.txt"):
        (tmp_path / name).write_bytes(DRAFTS[name][0])
    proc = run_deid("lint", "--show-text", "lone-cr.eml", "bom-utf16le.txt", "unicode.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert "lone-cr.eml:2:" in proc.stdout and "bom-utf16le.txt:2:" in proc.stdout
    assert "unicode.txt:2:" in proc.stdout


def test_named_encoding_reads_a_latin1_draft(run_deid, tmp_path):
    (tmp_path / "latin1.txt").write_bytes("R\u00e9sum\u00e9 of a 34F client, Jos\u00e9.\n".encode("latin-1"))
    proc = run_deid("lint", "--encoding", "latin-1", "--format", "json", "--show-text", "latin1.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    (entry,) = json.loads(proc.stdout)["files"]
    assert "34F" in [f["text"] for f in entry["findings"]]


def test_folder_without_drafts(run_deid, tmp_path):
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "a.pdf").write_bytes(b"%PDF")
    proc = run_deid("lint", "scans", cwd=tmp_path)
    assert_plain_error(proc, "scans", "no draft files", ".txt")


# ------------------------------------------------------------------- stdin


def run_raw(args: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, encoding="utf-8", env=deid_env(),
                          cwd=cwd, timeout=300, **kw)


@pytest.mark.skipif(os.name == "nt", reason="POSIX shell redirections")
def test_stdin_closed(tmp_path):
    """``deid lint 0<&-``: no standard input at all."""
    proc = run_raw(["sh", "-c", f'exec "{sys.executable}" -m deid lint 0<&-'], tmp_path)
    assert_plain_error(proc, "no input")


def test_stdin_empty(tmp_path):
    """``deid lint < /dev/null``: an empty draft, nothing to check."""
    proc = run_raw([sys.executable, "-m", "deid", "lint"], tmp_path, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "empty" in proc.stdout


# ----------------------------------------------------- signals and pipes


@pytest.mark.skipif(os.name == "nt", reason="SIGPIPE and pipes closing early are POSIX")
def test_output_into_a_closed_pipe(tmp_path):
    """``deid lint big.txt | head -1``: no traceback, no BrokenPipeError message."""
    draft = tmp_path / "big.txt"
    draft.write_text(OVERSHARED * 150, encoding="utf-8")  # about 150 KB of report
    proc = subprocess.Popen([sys.executable, "-m", "deid", "lint", str(draft)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=deid_env(), cwd=tmp_path)
    assert proc.stdout.readline()
    proc.stdout.close()  # the reader goes away, as head does
    stderr = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=300) in (0, 1), stderr
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr and "Exception ignored" not in stderr
    assert stderr == ""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_onto_a_full_disk(tmp_path):
    """``deid lint x > /dev/full``: a plain message, exit 2."""
    (tmp_path / "draft.txt").write_text(OVERSHARED, encoding="utf-8")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "deid", "lint", "draft.txt"], stdout=full, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, text=True, encoding="utf-8", env=deid_env(), cwd=tmp_path,
                              timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
    assert "could not be written" in squash(proc.stderr)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_ctrl_c_during_a_paste(tmp_path):
    """Ctrl-C while a draft is being pasted into a terminal: a plain message, exit 2."""
    main, terminal = os.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "deid", "lint"], stdin=terminal, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=deid_env(), cwd=tmp_path)
    os.close(terminal)
    try:
        prompt = b""
        deadline = time.monotonic() + 120
        while b"Ctrl-D" not in prompt and time.monotonic() < deadline and proc.poll() is None:
            if select.select([proc.stderr], [], [], 1)[0]:
                prompt += os.read(proc.stderr.fileno(), 4096)
        assert b"Paste your draft" in prompt, prompt
        os.write(main, b"Seeking EMDR for my client Kayla Morrison, 34F,\n")
        time.sleep(0.5)  # the half-pasted draft is in the reader's hands
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        os.close(main)
        if proc.poll() is None:
            proc.kill()
    stderr = (prompt + stderr).decode("utf-8", "replace")
    assert proc.returncode == 2, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert "nothing was checked" in squash(stderr)
    assert stdout == b""


# -------------------------------------------------------------- 10 MB


@pytest.mark.slow
def test_ten_megabyte_draft(run_deid, tmp_path):
    """A 10 MB draft is linted in stretches: the findings at its end are placed right.

    Between real drafts at the start, middle and end, the filler is long
    lines (an attachment pasted by mistake): the cheapest text to analyse,
    so the test takes minutes, not tens of minutes (see
    ``bench/long_drafts.py`` for figures on prose).
    """
    filler = ("x" * 999 + "\n") * 5_000
    text = OVERSHARED + filler + OVERSHARED + filler + OVERSHARED
    assert len(text) > 10_000_000
    (tmp_path / "huge.txt").write_text(text, encoding="utf-8")
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "deid", "lint", "--format", "json", "--show-text", "huge.txt"],
                          capture_output=True, text=True, encoding="utf-8", env=deid_env(), cwd=tmp_path,
                          stdin=subprocess.DEVNULL, timeout=3600)
    elapsed = time.monotonic() - started
    assert proc.returncode == 1, proc.stderr[-2000:]
    (entry,) = json.loads(proc.stdout)["files"]
    emails = [f for f in entry["findings"] if f["text"] == EMAIL]
    assert len(emails) == 3, entry["findings"][:10]
    for f in emails:
        assert text[f["start"]:f["end"]] == EMAIL
        assert (f["line"], f["column"]) == line_and_column(text, f["start"])
    assert emails[-1]["start"] > 10_000_000
    if sys.platform.startswith("linux"):
        import resource

        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        assert peak_mb < 3_000, f"peak memory {peak_mb:.0f} MB after {elapsed:.0f} s"
