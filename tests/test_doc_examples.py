"""Every documented example runs.

* ```python blocks of docs/library.md (and README.md) run in order, in one namespace;
* ```toml blocks load as configuration;
* ```yaml blocks with ``repos:`` are valid pre-commit configurations (checked
  by pre-commit itself) that use the shipped hook;
* ```markdown / ```text blocks of docs/suppressions.md accept what they mark;
* every ``deid ...`` line of a ```sh block in docs/ and README.md runs through
  the real command (in-process, one loaded pipeline per settings) in a folder
  with the files the examples name, and exits 0 or 1, never 2. The commands
  of docs/evaluation.md are benchmark runs (some on data outside this
  repository) and are left to the benchmark, not the tests.
"""

from __future__ import annotations

import glob
import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml

from deid.config import load_config

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
BENCHMARKS = {"evaluation.md"}


def blocks(path: Path, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", path.read_text(encoding="utf-8"), re.S | re.M)


@pytest.mark.parametrize("doc", [p for p in DOCS if blocks(p, "python")], ids=lambda p: p.name)
def test_python_examples_run(doc, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no configuration file here
    namespace: dict = {}
    for i, code in enumerate(blocks(doc, "python")):
        exec(compile(code, f"{doc.name} example {i + 1}", "exec"), namespace)


def test_library_page_has_examples():
    assert len(blocks(ROOT / "docs" / "library.md", "python")) >= 5


@pytest.mark.parametrize("doc", [p for p in DOCS if blocks(p, "toml")], ids=lambda p: p.name)
def test_configuration_examples_load(doc, tmp_path):
    for code in blocks(doc, "toml"):
        name = "pyproject.toml" if "[tool.deid" in code else ".deid.toml"
        (tmp_path / name).write_text(code, encoding="utf-8")
        config = load_config(tmp_path / name)
        assert config.source == tmp_path / name
        (tmp_path / name).unlink()


@pytest.mark.parametrize("doc", [p for p in DOCS if blocks(p, "yaml")], ids=lambda p: p.name)
def test_pre_commit_examples_are_valid(doc, tmp_path):
    from pre_commit.clientlib import load_config as load_pre_commit_config

    (shipped,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for code in blocks(doc, "yaml"):
        if "repos:" not in code:
            continue
        path = tmp_path / ".pre-commit-config.yaml"
        path.write_text(code, encoding="utf-8")
        config = load_pre_commit_config(str(path))  # raises on an invalid configuration
        for repo in config["repos"]:
            for hook in repo["hooks"]:
                assert hook["id"] == shipped["id"]
                if repo["repo"] == "local":
                    assert (hook["entry"], hook["files"]) == (shipped["entry"], shipped["files"])


def test_suppression_examples_accept_what_they_mark(linter):
    doc = ROOT / "docs" / "suppressions.md"
    examples = blocks(doc, "markdown") + blocks(doc, "text")
    assert len(examples) >= 2
    for report in linter.lint_many(examples):
        assert report.findings == [] and report.suppressed and report.notes == []


# ------------------------------------------------------------ shell examples


def commands(path: Path) -> list[str]:
    lines = [line.strip() for code in blocks(path, "sh") for line in code.splitlines()]
    return [line for line in lines if line.startswith("deid ")]


@pytest.fixture
def example_folder(tmp_path, draft_texts):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "draft.txt").write_text(draft_texts.overshared, encoding="utf-8")
    (tmp_path / "drafts" / "a.txt").write_text(draft_texts.overshared, encoding="utf-8")
    (tmp_path / "drafts" / "b.md").write_text(draft_texts.clean + "\n", encoding="utf-8")
    (tmp_path / ".deid.toml").write_text('allow = ["Dana Ruiz"]\n', encoding="utf-8")
    (tmp_path / "old.txt").write_bytes(draft_texts.overshared.encode("latin-1", "replace"))
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    (tmp_path / "corpora").mkdir()
    shutil.copy(ROOT / "corpora" / "test.jsonl", tmp_path / "corpora")
    return tmp_path


@pytest.mark.parametrize("doc", [p for p in DOCS if commands(p) and p.name not in BENCHMARKS], ids=lambda p: p.name)
def test_command_examples_run(doc, example_folder, monkeypatch, invoke_deid):
    monkeypatch.chdir(example_folder)
    for line in commands(doc):
        words = shlex.split(line, comments=True)[1:]
        if ">" in words:
            words = words[:words.index(">")]
        args = [match for word in words for match in (sorted(glob.glob(word)) if "*" in word else [word])]
        result = invoke_deid(*args)
        assert result.exit_code in (0, 1), (line, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (line, result.exception)
