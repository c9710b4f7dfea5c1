"""Shared fixtures: one real pipeline per session, and the real ``deid`` command.

Nothing here mocks spaCy or Presidio: tests run the pipeline the users run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest

#: A short draft with obvious identifiers (a name, an exact age, an email, a phone).
OVERSHARED = (
    "Seeking an EMDR therapist for my client Kayla Morrison (34F) in Bend.\n"
    "Her email is kayla.m@example.com and her cell is 541-555-0188.\n"
)
#: A referral that says what a colleague needs and nothing that identifies anyone.
CLEAN = (
    "Seeking a DBT-trained therapist for an adult client, telehealth in Oregon, "
    "Aetna. Please reply privately."
)
#: A draft whose only finding is a warning (an exact age).
WARNING_ONLY = "Seeking EMDR for a 34F client, telehealth in Oregon."

#: Environment variables that change how the command formats its output.
_STYLE_VARS = ("CI", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "PY_COLORS", "CLICOLOR_FORCE")


def deid_env() -> dict[str, str]:
    """The environment for a ``deid`` subprocess: plain output, no CI quirks.

    The subprocess imports the same ``deid`` as the tests, even when another
    copy is installed (``python -m deid`` in a temporary folder would not).
    """
    import deid

    env = {k: v for k, v in os.environ.items() if k not in _STYLE_VARS}
    env["NO_COLOR"] = "1"
    source = str(Path(deid.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (source, env.get("PYTHONPATH")) if p)
    return env


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "slow: takes minutes (deselect with -m 'not slow')")
    # Compiled rule patterns go to a folder of this run (subprocesses inherit it), not the user's cache.
    os.environ["DEID_CACHE_DIR"] = tempfile.mkdtemp(prefix="deid-test-cache-")


def pytest_unconfigure(config) -> None:
    folder = os.environ.pop("DEID_CACHE_DIR", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def squash(text: str) -> str:
    """Collapse whitespace, so console line wrapping does not matter."""
    return " ".join(text.split())


def assert_plain_error(proc, *needles: str) -> None:
    """Exit 2 with a short message for people on stderr: no traceback, nothing on stdout."""
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    message = squash(proc.stderr)
    assert message, "no error message on stderr"
    for needle in needles:
        assert needle in message, (needle, message)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, counting CRLF, CR and LF as line breaks."""
    before = text[:offset]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return line, offset - line_start + 1


@pytest.fixture(scope="session")
def subprocess_env() -> dict[str, str]:
    """The environment for subprocesses (see :func:`deid_env`)."""
    return deid_env()


@pytest.fixture(scope="session")
def linter():
    """The real linter (spaCy + Presidio + shipped rules), loaded once."""
    from deid.linter import Linter

    return Linter()


@pytest.fixture(scope="session")
def rules_linter(linter):
    """The real linter with the learned tagger's rules turned off: what the written rules find."""
    from deid.linter import Linter
    from deid.settings import Settings

    learned = frozenset(code for code, rule in linter.rules.rules.items() if rule.kind == "learned")
    return Linter(Settings(disabled=learned), rules=linter.rules)  # the same rules, read once


@pytest.fixture(scope="session")
def run_deid():
    """Run ``python -m deid ARGS`` for real; returns the CompletedProcess (text mode).

    ``input`` is piped to standard input (nothing is readable otherwise);
    ``cwd`` lets tests use short relative file names.
    """

    def run(*args: str, input: str | None = None, cwd: str | Path | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "deid", *map(str, args)],
            input=input,
            stdin=subprocess.DEVNULL if input is None else None,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=deid_env(),
            cwd=cwd,
            timeout=180,
        )

    return run


@pytest.fixture(scope="session")
def draft_texts() -> SimpleNamespace:
    """The sample drafts' texts, for fixtures of any scope."""
    return SimpleNamespace(overshared=OVERSHARED, clean=CLEAN, warning_only=WARNING_ONLY)


@pytest.fixture
def drafts(tmp_path: Path, draft_texts: SimpleNamespace) -> SimpleNamespace:
    """``overshared.txt`` and ``clean.txt`` written to ``tmp_path``."""
    over = tmp_path / "overshared.txt"
    clean = tmp_path / "clean.txt"
    over.write_text(draft_texts.overshared, encoding="utf-8")
    clean.write_text(draft_texts.clean, encoding="utf-8")
    return SimpleNamespace(dir=tmp_path, overshared=over, clean=clean,
                           overshared_text=draft_texts.overshared, clean_text=draft_texts.clean)


#: Linters loaded by :func:`invoke_deid`, one per settings, for the session.
_LINTERS: dict = {}


@pytest.fixture
def invoke_deid(monkeypatch):
    """Run the ``deid`` command in-process (typer's runner); returns the Result.

    The real command, except that the linter of each settings is loaded once
    per session (errors still become exit 2). ``stdout`` is standard output,
    ``stderr`` standard error; output is not a terminal, so text is masked.
    """
    from typer.testing import CliRunner

    from deid import cli

    real = cli._linter

    def linter(settings):
        if settings not in _LINTERS:
            _LINTERS[settings] = real(settings)
        return _LINTERS[settings]

    monkeypatch.setattr(cli, "_linter", linter)

    def invoke(*args, input: str | None = None):
        return CliRunner().invoke(cli.app, [str(a) for a in args], input=input)

    return invoke
