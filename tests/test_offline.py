"""deid never touches the network, not even on first use.

Each check runs in a fresh interpreter (``offline_probe.py``) with an audit
hook installed before deid is imported, and with empty cache directories,
so any first-use download (a model, tldextract's public suffix list) would
be attempted and recorded there.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROBE = Path(__file__).with_name("offline_probe.py")
EMAIL = "kayla.m@example.com"
URL = "https://example.org/x"


def run_probe(env: dict, tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    cache = tmp_path / "cache"
    cache.mkdir()
    env = dict(env)
    env["XDG_CACHE_HOME"] = str(cache)  # tldextract and friends find no cache
    env.pop("TLDEXTRACT_CACHE", None)
    result_path = tmp_path / "result.json"
    proc = subprocess.run(
        [sys.executable, str(PROBE), *args[:1], str(result_path), *args[1:]],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=tmp_path,
        stdin=subprocess.DEVNULL, timeout=180,
    )
    assert result_path.exists(), proc.stderr
    result = json.loads(result_path.read_text(encoding="utf-8"))
    assert result["canary"] == "blocked" and result["canary_recorded"], "the audit hook did not work"
    return proc, result


def test_library_lint_makes_no_network_connection(subprocess_env, tmp_path):
    proc, result = run_probe(subprocess_env, tmp_path, "library")
    assert proc.returncode == 0, proc.stderr
    assert result["events"] == []
    assert ["CONTACT", EMAIL] in result["findings"]
    assert any(URL in text for _, text in result["findings"]), result["findings"]


def test_cli_lint_makes_no_network_connection(subprocess_env, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(f"Her email is {EMAIL} and site {URL}\n", encoding="utf-8")
    proc, result = run_probe(subprocess_env, tmp_path, "cli", str(draft))
    assert result["events"] == []
    assert result["exit_code"] == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    (entry,) = json.loads(proc.stdout)["files"]
    texts = [f["text"] for f in entry["findings"]]
    assert EMAIL in texts
    assert any(URL in text for text in texts), texts
