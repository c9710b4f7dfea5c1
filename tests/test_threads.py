"""One ``Linter`` shared by several threads gives the reports serial use gives."""

from __future__ import annotations

import json
import random
import threading
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "dev.jsonl"


def summary(report) -> list[tuple]:
    return [(f.start, f.end, f.code, f.category, f.severity, f.line, f.column) for f in report.findings]


def test_threads_sharing_a_linter_get_serial_results(linter):
    drafts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()[:24]]
    serial = [summary(r) for r in linter.lint_many(drafts)]
    results: dict[int, list] = {}
    errors: list[BaseException] = []

    def work(seed: int) -> None:
        order = list(range(len(drafts)))
        random.Random(seed).shuffle(order)
        try:
            if seed % 2:  # half the threads batch, half lint one draft at a time
                reports = list(linter.lint_many(drafts[i] for i in order))
            else:
                reports = [linter.lint(drafts[i]) for i in order]
            results[seed] = [(i, summary(r)) for i, r in zip(order, reports)]
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not errors, errors
    assert len(results) == len(threads)
    for seed, pairs in results.items():
        for i, got in pairs:
            assert got == serial[i], (seed, i)
