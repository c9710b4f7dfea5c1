"""The start-up cache: faster starts, same findings, nothing of the user's in it.

Each case starts fresh Python processes (the cache matters between runs)
with the real pipeline and a cache folder of its own.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import OVERSHARED, deid_env

#: Lints OVERSHARED (and, with a deny term, a name of the user's) and prints how
#: many regexes it compiled from source, whether it read the name list, and what it found.
PROBE = r"""
import json, sys
import regex._main as main
compiled = []
parse = main._compile
main._compile = lambda pattern, *a: compiled.append(pattern) or parse(pattern, *a)
import gender_guesser, pathlib
read = []
text = pathlib.Path.read_text
pathlib.Path.read_text = lambda self, *a, **k: read.append(self.name) or text(self, *a, **k)
from deid import Linter, Settings
settings = Settings(deny=tuple((t, "NAME") for t in sys.argv[2:]))
report = Linter(settings).lint(sys.argv[1])
print(json.dumps({"compiled": len(compiled), "read_names": "nam_dict.txt" in read,
                  "found": [(f.code, f.text) for f in report.findings]}))
"""
#: Words of a user's that must never reach the cache.
USER_TERM = "Quillon Vasquez-Thorne"


def probe(cache: Path | None, text: str = OVERSHARED, *deny: str, **env_extra: str) -> dict:
    env = deid_env()
    env.pop("DEID_CACHE_DIR", None)
    if cache is not None:
        env["DEID_CACHE_DIR"] = str(cache)
    env.update(env_extra)
    proc = subprocess.run([sys.executable, "-c", PROBE, text, *deny], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("build-*.pickle")) if folder.is_dir() else []


@pytest.fixture(scope="module")
def first_and_second(tmp_path_factory):
    """A first start (nothing cached) and a second one, sharing a cache folder."""
    folder = tmp_path_factory.mktemp("cache")
    return folder, probe(folder), probe(folder)


def test_second_start_skips_compiling_and_finds_the_same(first_and_second):
    folder, first, second = first_and_second
    assert len(cache_files(folder)) == 1
    assert first["compiled"] > 300  # the shipped rules' patterns, and the rest
    assert second["compiled"] < first["compiled"] - 250
    assert first["read_names"] and not second["read_names"]  # the name list's words were kept
    assert second["found"] == first["found"]
    assert "Kayla Morrison" in [text for _, text in first["found"]]


def test_cache_holds_no_draft_text_and_no_user_terms(tmp_path, first_and_second):
    draft = ("Seeking EMDR for my client Zephyrine Quaglietti-Vorhees (34F), zq.vorhees@example.com, "
             f"541-555-0188. Her brother {USER_TERM} drives her.\n")
    found = probe(tmp_path, draft, USER_TERM)["found"]
    assert any(text == USER_TERM for _, text in found)  # the deny term was used
    (data,) = [path.read_bytes() for path in cache_files(tmp_path)]
    (plain,) = [path.read_bytes() for path in cache_files(first_and_second[0])]  # a run without them
    for secret in ("Zephyrine", "Quaglietti", "Vorhees", "zq.vorhees", "541-555-0188", "Quillon", "Vasquez"):
        assert data.count(secret.encode()) == plain.count(secret.encode()), secret


def test_a_damaged_or_foreign_cache_is_ignored_and_replaced(tmp_path, first_and_second):
    _, first, _ = first_and_second
    probe(tmp_path)
    (path,) = cache_files(tmp_path)
    for bad in (b"not a pickle", pickle.dumps({("a", 0): subprocess.call}), path.read_bytes()[:1000]):
        path.write_bytes(bad)
        assert probe(tmp_path)["found"] == first["found"]
        assert pickle.loads(path.read_bytes())  # written anew, whole


def test_cache_can_be_turned_off_or_be_unwritable(tmp_path, first_and_second):
    _, first, _ = first_and_second
    assert probe(tmp_path / "off", DEID_NO_CACHE="1")["found"] == first["found"]
    assert not (tmp_path / "off").exists()
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    assert probe(blocked / "cache")["found"] == first["found"]  # its folder cannot be made: no error
