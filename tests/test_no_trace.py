"""deid leaves no trace: no log or temporary file, and the draft untouched.

Each command runs for real with its working folder, HOME, the XDG folders
and TMPDIR all pointing into one fresh folder; afterwards every file there
must be as it was, and no file but the draft may hold the draft's text.
Commands that write what the user asked for (a redacted copy) list those
files as expected outputs. The one file deid keeps for itself, what it
builds from its own rules and data at start-up, in the user's cache folder,
may appear, and is held to the same test: none of the draft in it.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import OVERSHARED, deid_env

#: Words of the draft that must not turn up in any other file.
SECRETS = ("Kayla Morrison", "kayla.m@example.com", "541-555-0188")
#: name -> (arguments, draft on standard input?, files the command is asked to write, exit code)
COMMANDS = {
    "lint a file (text)": (["lint", "--show-text", "draft.txt"], False, (), 1),
    "lint stdin (json, masked)": (["lint", "--format", "json"], True, (), 1),
    "template of a file": (["template", "draft.txt"], False, (), 0),
    "redact stdin (json)": (["redact", "--format", "json"], True, (), 0),
    "redact in place": (["redact", "--in-place", "draft.txt"], False, ("draft.txt", "draft.txt.bak"), 0),
}
HOME_DIRS = {
    "HOME": "home", "XDG_CACHE_HOME": "home/.cache", "XDG_CONFIG_HOME": "home/.config",
    "XDG_DATA_HOME": "home/.local/share", "XDG_STATE_HOME": "home/.local/state",
    "TMPDIR": "tmp", "TMP": "tmp", "TEMP": "tmp",
}


def snapshot(root: Path) -> dict[str, tuple[int, int, str]]:
    """Every file and folder under ``root``: size, modification time, content hash."""
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            stat = path.stat()
            out[str(path.relative_to(root))] = (stat.st_size, stat.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
        else:
            out[str(path.relative_to(root))] = (0, 0, "folder")
    return out


@pytest.mark.parametrize("name", list(COMMANDS))
def test_command_leaves_no_trace(tmp_path, name):
    args, on_stdin, outputs, code = COMMANDS[name]
    work = tmp_path / "work"
    work.mkdir()
    draft = work / "draft.txt"
    draft.write_text(OVERSHARED, encoding="utf-8")
    env = deid_env()
    env.pop("DEID_CACHE_DIR", None)  # the default place, the user's cache folder
    for var, folder in HOME_DIRS.items():
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        env[var] = str(tmp_path / folder)
    before = snapshot(tmp_path)

    proc = subprocess.run(
        [sys.executable, "-m", "deid", *args], input=OVERSHARED if on_stdin else None,
        stdin=None if on_stdin else subprocess.DEVNULL, capture_output=True, text=True, encoding="utf-8",
        env=env, cwd=work, timeout=300,
    )
    assert proc.returncode == code, proc.stderr

    after = snapshot(tmp_path)
    expected = {str((work / o).relative_to(tmp_path)) for o in outputs}
    changed = {p for p in set(before) | set(after) if before.get(p) != after.get(p)}
    kept = {p for p in changed if re.fullmatch(r"home/.+/deid/build-[^/]+\.pickle", p)}
    assert kept, "the start-up cache was not kept"
    folders = {str(folder) for p in kept for folder in Path(p).parents}
    assert changed - kept - folders == expected, sorted(changed)
    for path in tmp_path.rglob("*"):
        if path.is_file() and path != draft and path.name != "draft.txt.bak":
            data = path.read_bytes()
            assert not any(s.encode("utf-8") in data for s in SECRETS), path
    if "draft.txt" in outputs:  # rewritten: redacted
        assert not any(s in draft.read_text(encoding="utf-8") for s in SECRETS)


def test_in_place_redaction_interrupted_leaves_the_draft(tmp_path, monkeypatch):
    """A crash at the last step (the rename) leaves the original and no temporary file."""
    import os

    from deid.sources import InputError, write_in_place

    draft = tmp_path / "draft.txt"
    draft.write_text(OVERSHARED, encoding="utf-8")

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(InputError):
        write_in_place(str(draft), "Client in her 30s.")
    assert draft.read_text(encoding="utf-8") == OVERSHARED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "draft.txt.bak"]
