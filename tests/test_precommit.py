"""The pre-commit hook, run by the real pre-commit framework.

``pre-commit try-repo`` installs the hook as a user's repository would: it
clones the hook repository, builds a fresh virtualenv and pip-installs deid
with all its dependencies from PyPI. That takes minutes and needs the
network, so one environment (cached in a temporary ``PRE_COMMIT_HOME``)
serves both runs.

The hook repository is a committed copy of this project, so the test sees
the working tree as it is, whether or not it is a git checkout.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import deid_env

ROOT = Path(__file__).resolve().parent.parent
NOT_SOURCES = shutil.ignore_patterns(
    ".git", "__pycache__", "*.pyc", ".venv", "venv", "build", "dist", "*.egg-info",
    ".pytest_cache", ".hypothesis", ".mypy_cache", ".ruff_cache",
)
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "deid tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "deid tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid",
}

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")


def git(cwd: Path, *args: str, env: dict[str, str]) -> None:
    subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                   cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_runs(tmp_path_factory, draft_texts):
    """``pre-commit try-repo <deid> deid --files F`` on an overshared and a clean draft."""
    base = tmp_path_factory.mktemp("pre-commit")
    env = {**deid_env(), **GIT_IDENTITY, "PRE_COMMIT_HOME": str(base / "home")}
    hooks = base / "deid"
    shutil.copytree(ROOT, hooks, ignore=NOT_SOURCES)
    git(hooks, "init", "-q", env=env)
    git(hooks, "add", "-A", env=env)
    git(hooks, "commit", "-q", "-m", "snapshot", env=env)

    user = base / "drafts"
    user.mkdir()
    (user / "overshared.txt").write_text(draft_texts.overshared, encoding="utf-8")
    (user / "clean.md").write_text(draft_texts.clean + "\n", encoding="utf-8")
    git(user, "init", "-q", env=env)
    git(user, "add", "-A", env=env)

    def try_repo(name: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "deid", "--files", name],
            cwd=user, env=env, capture_output=True, text=True, encoding="utf-8", timeout=3600,
        )

    return {"overshared": try_repo("overshared.txt"), "clean": try_repo("clean.md")}


def test_hook_fails_on_an_overshared_draft(hook_runs):
    proc = hook_runs["overshared"]
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Failed" in proc.stdout
    assert "overshared.txt:2:" in proc.stdout  # deid's own report, through pre-commit
    assert "kayla.m@example.com" not in proc.stdout  # not a terminal: identifiers masked


def test_hook_passes_on_a_clean_draft(hook_runs):
    proc = hook_runs["clean"]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def test_hook_definition_checks_drafts_with_deid_lint():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == ("deid", "deid lint", "python")
    pattern = re.compile(hook["files"])
    assert all(pattern.search(f"draft.{ext}") for ext in ("txt", "md", "eml"))
    assert not pattern.search("script.py")
