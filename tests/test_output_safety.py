"""With CI set, no identifier text from the corpora reaches any output format.

The annotated test drafts (corpora/test.jsonl) are linted and reported in
every format, in-process for all of them and once per format through the
real command with ``CI=true``. Output is searched for every gold identifier
span, as a whole word, except spans that also occur in what deid prints
anyway (rule titles, messages, fixes and examples, file names): those
cannot be told apart. One- to three-digit numbers cannot be told apart from
line and column numbers either; that digits are always masked is tested in
test_reporters.

The subprocess runs write to a pseudo-terminal, so masking comes from
``CI`` alone; a control run without ``CI`` shows the text.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import deid_env
from deid.reporters import REPORTERS, Options, render

ROOT = Path(__file__).resolve().parent.parent
#: Drafts run through the real command (the ones with the most identifiers):
#: enough to cover every category, few enough to keep the runs short.
SUBPROCESS_DRAFTS = 12


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    with open(ROOT / "corpora" / "test.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def name(i: int) -> str:
    return f"draft-{i:03d}.txt"


def spans(records: list[dict]) -> set[str]:
    """Gold identifier texts that could be recognised in output."""
    texts = {r["text"][s["start"]:s["end"]] for r in records for s in r["spans"]}
    return {t for t in texts if not (t.isdigit() and len(t) <= 3)}


def background(rules) -> str:
    """Everything deid may print that does not come from a draft."""
    parts = [name(i) for i in range(1000)]
    for rule in rules.rules.values():
        parts += [rule.title, rule.message, rule.fix, rule.why, rule.example]
    for cat in rules.categories.values():
        parts += [cat.title, cat.message, cat.fix, cat.why, cat.safe_harbor]
    return "\n".join(parts)


def leaked(output: str, identifiers: set[str], known: str) -> list[str]:
    found = []
    for text in sorted(identifiers):
        word = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")
        if not word.search(known) and word.search(output):
            found.append(text)
    return found


@pytest.fixture(scope="module")
def reports(corpus, linter):
    return list(zip((name(i) for i in range(len(corpus))), linter.lint_many(r["text"] for r in corpus)))


def test_most_identifiers_are_checkable(corpus, linter):
    identifiers = spans(corpus)
    known = background(linter.rules)
    unchecked = [t for t in identifiers if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", known)]
    assert len(unchecked) < len(identifiers) * 0.1, unchecked


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_no_identifier_in_masked_output(fmt, reports, corpus, linter):
    output = render(fmt, reports, Options(show_text=False, statistics=True, rules=linter.rules))
    assert leaked(output, spans(corpus), background(linter.rules)) == []


def test_shown_output_does_show_identifiers(reports, corpus, linter):
    """The check can fail: with --show-text the same search finds identifiers."""
    output = render("text", reports, Options(show_text=True, rules=linter.rules))
    assert len(leaked(output, spans(corpus), background(linter.rules))) > len(spans(corpus)) // 2


# ------------------------------------------------- the real command, CI=true


def run_on_terminal(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, str, str]:
    """Run ``python -m deid ARGS`` with standard output on a pseudo-terminal (styles removed)."""
    import pty

    primary, secondary = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "deid", *args], stdin=subprocess.DEVNULL,
                            stdout=secondary, stderr=subprocess.PIPE, env=env, cwd=cwd)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(primary, 65536)
        except OSError:  # the terminal closes when the command exits
            break
        if not data:
            break
        chunks.append(data)
    os.close(primary)
    stderr = proc.stderr.read().decode("utf-8", "replace")
    proc.wait(timeout=300)
    out = b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
    return proc.returncode, re.sub(r"\x1b\[[0-9;]*m", "", out), stderr


@pytest.fixture(scope="module")
def draft_files(corpus, tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    chosen = sorted(range(len(corpus)), key=lambda i: -len(corpus[i]["spans"]))[:SUBPROCESS_DRAFTS]
    for i in chosen:
        (folder / name(i)).write_bytes(corpus[i]["text"].encode("utf-8"))
    return folder, [name(i) for i in sorted(chosen)], [corpus[i] for i in sorted(chosen)]


needs_pty = pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX-only")


@needs_pty
@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_command_in_ci_masks_every_format(fmt, draft_files, linter):
    folder, names, records = draft_files
    code, out, err = run_on_terminal(["lint", "--format", fmt, "--statistics", *names],
                                     {**deid_env(), "CI": "true"}, folder)
    assert code == 1, err
    assert "Traceback" not in err
    assert leaked(out + err, spans(records), background(linter.rules)) == []


@needs_pty
def test_command_on_a_terminal_outside_ci_shows_the_draft(draft_files, linter):
    folder, names, records = draft_files
    code, out, err = run_on_terminal(["lint", names[0]], deid_env(), folder)
    assert code == 1, err
    assert records[0]["text"].splitlines()[0] in out
