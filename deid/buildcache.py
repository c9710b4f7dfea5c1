"""What deid builds from its own shipped data at start-up, kept between runs.

The regex module parses a pattern in Python, slowly: compiling the shipped
rules' few hundred patterns is about a second, the largest part of a cold
start. A compiled pattern pickles with its compiled code, so loading it
skips the parser (milliseconds for all of them). The word-list alternations
the rules are written with, and the gazetteer's and the name list's word
sets, are kept the same way.

Only what is built from deid's own data is kept: never a user's rules,
word lists or deny terms (they may name clients) and never draft text.
Callers say so with ``remember=True``; anything else is built as usual. The
file is per regex and Python version, read with an unpickler that builds
nothing but regex patterns and plain values, and replaced whole when what a
run used changes. It lives in the user's cache folder (``DEID_CACHE_DIR``
moves it; ``DEID_NO_CACHE=1`` turns it off); when it cannot be read or
written, deid builds everything as before.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import sys
import tempfile
import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

import regex

_T = TypeVar("_T")

_lock = threading.Lock()
#: What the cache file holds (``None``: not read yet).
_stored: dict[Hashable, Any] | None = None
#: What this process built from deid's own data: what the file should hold.
_used: dict[Hashable, Any] = {}


def compiled(pattern: str, flags: int, remember: bool = False) -> regex.Pattern[str]:
    """``pattern`` compiled with ``flags``; kept between runs when
    ``remember`` (a pattern of deid's own rules). Callers compile each
    pattern once per process."""
    return built(("regex", pattern, int(flags)), lambda: regex.compile(pattern, flags), regex.Pattern, remember)


def built(key: Hashable, make: Callable[[], _T], kind: type, remember: bool = True) -> _T:
    """``make()``, or the ``kind`` of value it made in an earlier run under
    ``key`` when ``remember`` (the value comes from deid's own data only)."""
    if not remember:
        return make()
    with _lock:
        value = _load().get(key)
    if not isinstance(value, kind):
        value = make()
    with _lock:
        _used[key] = value
    return value


def stamp(path: Path) -> tuple[int, int]:
    """A data file's size and modification time: part of the key of what is built from it."""
    info = path.stat()
    return info.st_size, info.st_mtime_ns


def save() -> None:
    """Write what this process built from deid's data, when it differs from the file."""
    path = cache_file()
    with _lock:
        stored = _load()
        if path is None or _used.keys() <= stored.keys():
            return
        # What earlier runs built stays, unless most of it is no longer used (the rules changed).
        keep = {**stored, **_used} if len(stored) < 2 * len(_used) else dict(_used)
    if _write(path, pickle.dumps(keep, protocol=pickle.HIGHEST_PROTOCOL)):
        global _stored
        with _lock:
            _stored = keep


def _write(path: Path, data: bytes) -> bool:
    """Replace ``path`` with ``data`` in one step (readers never see half a file)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".build-", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    return True


def cache_file() -> Path | None:
    """Where the built data is kept, or ``None`` when caching is off."""
    if os.environ.get("DEID_NO_CACHE", "").strip() not in ("", "0"):
        return None
    folder = os.environ.get("DEID_CACHE_DIR")
    if not folder:
        from platformdirs import user_cache_dir

        folder = user_cache_dir("deid", appauthor=False)
    version = f"regex{regex.__version__}-py{sys.version_info.major}.{sys.version_info.minor}"
    return Path(folder) / f"build-{version}.pickle"


class _PlainValues(pickle.Unpickler):
    """Builds regex patterns and plain values (strings, numbers, containers), nothing else."""

    def find_class(self, module: str, name: str):  # noqa: ANN201 - pickle's signature
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not deid's built data: {module}.{name}")


def _load() -> dict[Hashable, Any]:
    """The cache file's contents (read once; empty when missing or unreadable)."""
    global _stored
    if _stored is None:
        _stored = {}
        path = cache_file()
        if path is not None:
            try:
                loaded = _PlainValues(io.BytesIO(path.read_bytes())).load()
            except Exception:  # noqa: BLE001 - a missing, partial or foreign file: build instead
                loaded = None
            if isinstance(loaded, dict):
                _stored = loaded
    return _stored
