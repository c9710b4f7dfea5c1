"""deid leaves no trace: no cache, log or temporary file, and the draft untouched.

Each command runs for real with its working folder, HOME, the XDG folders
and TMPDIR all pointing into one fresh folder; afterwards every file there
must be as it was, and no file but the draft may hold the draft's text.
Commands that write what the user asked for (a redacted copy) list those
files as expected outputs.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import OVERSHARED, deid_env

#: Words of the draft that must not turn up in any other file.
SECRETS = ("Kayla Morrison", "kayla.m@example.com", "541-555-0188")
#: name -> (arguments, draft on standard input?, files the command is asked to write)
COMMANDS = {
    "lint a file (text)": (["lint", "--show-text", "draft.txt"], False, ()),
    "lint stdin (json, masked)": (["lint", "--format", "json"], True, ()),
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
    args, on_stdin, outputs = COMMANDS[name]
    work = tmp_path / "work"
    work.mkdir()
    draft = work / "draft.txt"
    draft.write_text(OVERSHARED, encoding="utf-8")
    env = deid_env()
    for var, folder in HOME_DIRS.items():
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        env[var] = str(tmp_path / folder)
    before = snapshot(tmp_path)

    proc = subprocess.run(
        [sys.executable, "-m", "deid", *args], input=OVERSHARED if on_stdin else None,
        stdin=None if on_stdin else subprocess.DEVNULL, capture_output=True, text=True, encoding="utf-8",
        env=env, cwd=work, timeout=300,
    )
    assert proc.returncode == 1, proc.stderr  # it did read the draft and find identifiers

    after = snapshot(tmp_path)
    expected = {str((work / o).relative_to(tmp_path)) for o in outputs}
    changed = {p for p in set(before) | set(after) if before.get(p) != after.get(p)}
    assert changed == expected, sorted(changed)
    for path in tmp_path.rglob("*"):
        if path.is_file() and path != draft and str(path.relative_to(tmp_path)) not in expected:
            data = path.read_bytes()
            assert not any(s.encode("utf-8") in data for s in SECRETS), path
