"""Reading drafts: files and stdin, with plain-language errors.

A draft is decoded as UTF-8 (a byte-order mark is dropped) with its line
endings untouched, so offsets match the file. A folder stands for the
draft files inside it. Anything that is not a readable text draft raises
:class:`InputError` with a message for people.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

#: Largest draft read, in bytes: far beyond any post, small enough to be safe.
MAX_BYTES = 20 * 1024 * 1024
STDIN = "-"
#: Files in a folder that are read as drafts; others are skipped and named.
DRAFT_SUFFIXES = (".txt", ".md", ".eml")


class InputError(Exception):
    """A draft could not be read; the message says why and what to do."""


@dataclass(frozen=True)
class Draft:
    """A draft's text and where it came from."""

    path: str
    text: str


def decode(data: bytes, where: str, encoding: str = "utf-8") -> str:
    """Decode draft bytes, refusing binary data and naming bad bytes."""
    utf8 = encoding.lower().replace("_", "-") in {"utf-8", "utf8"}
    if utf8 and b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{where} looks like a binary file, not a text draft. Save the draft as plain text (.txt) and try again.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif utf8:
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        # utf-8-sig reports offsets after the byte-order mark it dropped
        offset = exc.start + (3 if encoding == "utf-8-sig" and data.startswith(b"\xef\xbb\xbf") else 0)
        raise InputError(
            f"{where} is not valid {exc.encoding.upper().removesuffix('-SIG')} text (byte {offset} cannot be read). "
            "Save it as UTF-8, or name its encoding with --encoding."
        ) from None
    except LookupError:
        raise InputError(f"Unknown encoding {encoding!r}.") from None


def expand(paths: list[str]) -> tuple[list[str], list[str]]:
    """Replace each folder in ``paths`` by the draft files inside it.

    Returns ``(paths, skipped)``: a folder's draft files (``DRAFT_SUFFIXES``,
    recursively, sorted; hidden files and folders ignored) take its place,
    and its other files are listed in ``skipped``. Other paths are kept as
    they are, to be read (or reported missing) in turn.
    """
    out: list[str] = []
    skipped: list[str] = []
    for path in paths:
        if path == STDIN or not Path(path).is_dir():
            out.append(path)
            continue
        found = []
        for folder, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if not name.startswith("."):
                    found.append(os.path.join(folder, name))
        found.sort()
        drafts = [f for f in found if f.lower().endswith(DRAFT_SUFFIXES)]
        if not drafts:
            raise InputError(
                f"{path} is a folder with no draft files in it ({', '.join(DRAFT_SUFFIXES)}). "
                "Save the drafts as plain text, or name the files to check."
            )
        chosen = set(drafts)
        out += drafts
        skipped += [f for f in found if f not in chosen]
    return out, skipped


def skipped_note(skipped: list[str], shown: int = 5) -> str:
    """A line naming the files a folder held that were not read as drafts."""
    names = ", ".join(skipped[:shown]) + (f" and {len(skipped) - shown} more" if len(skipped) > shown else "")
    return f"Skipped {len(skipped)} file{'s' if len(skipped) > 1 else ''} that {'are' if len(skipped) > 1 else 'is'} not a draft ({', '.join(DRAFT_SUFFIXES)}): {names}."


def read_path(path: str, encoding: str = "utf-8") -> Draft:
    """Read one draft file."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{path} is a folder: name the draft files inside it.")
        size = p.stat().st_size
        if size <= MAX_BYTES:
            with open(p, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)  # a device or a growing file may say 0 and never end
            size = max(size, len(data))
        if size > MAX_BYTES:
            raise InputError(f"{path} is over {MAX_BYTES // (1024 * 1024)} MB, far larger than a referral draft. Check that it is the right file.")
    except FileNotFoundError:
        raise InputError(f"{path} does not exist. Check the name and the folder.") from None
    except PermissionError:
        raise InputError(f"{path} cannot be read (permission denied).") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read ({exc.strerror}).") from None
    return Draft(path, decode(data, path, encoding))


def read_stdin(encoding: str = "utf-8") -> Draft:
    """Read one draft from standard input (a pipe or a paste)."""
    stream = sys.stdin
    if stream is None or stream.closed:
        raise InputError("There is no input to read: give a file name, or pipe a draft in.")
    try:
        data = _read_terminal(stream.fileno()) if _waitable_terminal(stream) else stream.buffer.read(MAX_BYTES + 1)
    except (OSError, ValueError):
        raise InputError("Standard input is closed: give a file name, or pipe a draft in.") from None
    if len(data) > MAX_BYTES:
        raise InputError("The input is larger than any referral draft. Check what was piped in.")
    return Draft("<stdin>", decode(data, "The input", encoding))


def _waitable_terminal(stream) -> bool:
    """Whether ``stream`` is a terminal that ``select`` can wait on (not on Windows)."""
    return os.name != "nt" and stream.isatty()


def _read_terminal(fd: int) -> bytes:
    """A paste from a terminal, up to ``MAX_BYTES + 1`` bytes, read in short
    waits: a blocking read can sleep through a Ctrl-C that lands just
    before it, while each wait returns to Python, which then raises
    ``KeyboardInterrupt``."""
    import select

    chunks: list[bytes] = []
    size = 0
    while size <= MAX_BYTES:
        if not select.select([fd], [], [], 0.25)[0]:
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def write_in_place(path: str, text: str, encoding: str = "utf-8", backup_suffix: str = ".bak") -> Path:
    """Replace a draft file's text atomically, keeping the original as a backup.

    The new text goes to a temporary file beside the draft (so the final
    rename stays on one file system), the original is copied to
    ``path + backup_suffix``, then the temporary file replaces the draft. The
    temporary file only ever holds the new text and is removed on failure.
    Returns the backup's path.
    """
    import os
    import shutil
    import tempfile

    p = Path(path)
    backup = p.with_name(p.name + backup_suffix)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
        shutil.copy2(p, backup)
        os.replace(tmp, p)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"{path} could not be rewritten ({exc.strerror}); it was left as it was.") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return backup
