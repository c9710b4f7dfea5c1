"""Compiled regexes of the shipped rules, kept between runs.

The regex module parses a pattern in Python, slowly: compiling the shipped
rules' few hundred patterns is about a second, the largest part of a cold
start. A compiled pattern pickles with its compiled code, so loading it
skips the parser (milliseconds for all of them).

Only patterns built from the shipped rules are kept: never a user's own
rules or deny terms (they may name clients) and never draft text. Callers
say so with ``remember=True``; anything else is compiled as usual. The file
is per regex and Python version, read with an unpickler that builds nothing
but regex patterns, and replaced whole when the rules change. It lives in
the user's cache folder (``DEID_CACHE_DIR`` moves it; ``DEID_NO_CACHE=1``
turns it off); when it cannot be read or written, deid compiles as before.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import sys
import tempfile
import threading
from pathlib import Path

import regex

_lock = threading.Lock()
#: Every pattern compiled in this process, by (pattern, flags).
_compiled: dict[tuple[str, int], regex.Pattern[str]] = {}
#: Patterns read from the cache file (``None``: not read yet).
_stored: dict[tuple[str, int], regex.Pattern[str]] | None = None
#: Shipped-rule patterns this process used: what the file should hold.
_used: dict[tuple[str, int], regex.Pattern[str]] = {}


def compiled(pattern: str, flags: int, remember: bool = False) -> regex.Pattern[str]:
    """``pattern`` compiled with ``flags``, once per process; from the cache
    file when ``remember`` (a pattern of the shipped rules) and it is there."""
    key = (pattern, int(flags))
    with _lock:
        found = _compiled.get(key)
        if found is None and remember:
            found = _load().get(key)
        if found is None:
            found = regex.compile(pattern, flags)
        _compiled[key] = found
        if remember:
            _used[key] = found
        return found


def save() -> None:
    """Write the shipped-rule patterns used so far, when they differ from the file's."""
    path = cache_file()
    with _lock:
        if path is None or not _used or _used.keys() == _load().keys():
            return
        keep = dict(_used)
    if _write(path, pickle.dumps(keep, protocol=pickle.HIGHEST_PROTOCOL)):
        global _stored
        _stored = keep


def _write(path: Path, data: bytes) -> bool:
    """Replace ``path`` with ``data`` in one step (readers never see half a file)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
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
    """Where the compiled patterns are kept, or ``None`` when caching is off."""
    if os.environ.get("DEID_NO_CACHE", "").strip() not in ("", "0"):
        return None
    folder = os.environ.get("DEID_CACHE_DIR")
    if not folder:
        from platformdirs import user_cache_dir

        folder = user_cache_dir("deid", appauthor=False)
    version = f"regex{regex.__version__}-py{sys.version_info.major}.{sys.version_info.minor}"
    return Path(folder) / f"patterns-{version}.pickle"


class _PatternsOnly(pickle.Unpickler):
    """Builds regex patterns and plain containers, nothing else."""

    def find_class(self, module: str, name: str):  # noqa: ANN201 - pickle's signature
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a compiled pattern: {module}.{name}")


def _load() -> dict[tuple[str, int], regex.Pattern[str]]:
    """The cache file's patterns (read once; empty when missing or unreadable)."""
    global _stored
    if _stored is None:
        _stored = {}
        path = cache_file()
        if path is not None:
            try:
                loaded = _PatternsOnly(io.BytesIO(path.read_bytes())).load()
            except Exception:  # noqa: BLE001 - a missing, partial or foreign file: compile instead
                loaded = None
            if isinstance(loaded, dict):
                _stored = {k: v for k, v in loaded.items() if isinstance(v, regex.Pattern)}
    return _stored
