"""Lint many drafts in worker processes (``deid lint --jobs N``).

Each worker process builds its own :class:`~deid.linter.Linter` once and
lints chunks of drafts through ``lint_many``; the reports come back in the
order of the drafts, the same as one process gives. Workers are spawned
(not forked), so they start clean on every platform; drafts travel to them
through pipes, never through files.
"""

from __future__ import annotations

import math
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from itertools import repeat

from deid.linter import Linter, Report
from deid.settings import Settings

#: Most drafts per chunk sent to a worker (one ``nlp.pipe`` batch).
CHUNK = 64

_linter: Linter | None = None


def _lint_chunk(settings: Settings, texts: list[str]) -> list[Report]:
    global _linter
    if _linter is None:
        _linter = Linter(settings)
    # The parent has no use for the worker's linter (and it cannot be pickled).
    return [replace(report, linter=None) for report in _linter.lint_many(texts)]


def lint_in_processes(texts: list[str], settings: Settings, jobs: int) -> Iterator[Report]:
    """Lint ``texts`` in ``jobs`` worker processes; reports in input order.

    Errors building a worker's linter (a bad rule file, a missing pipeline)
    are raised here, as :meth:`Linter.__init__` would raise them.
    """
    if not texts:
        return
    size = min(CHUNK, math.ceil(len(texts) / jobs))
    chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=context) as pool:
        try:
            for reports in pool.map(_lint_chunk, repeat(settings), chunks):
                yield from reports
        finally:  # after an error, or when the caller stops early: drop the chunks not started
            pool.shutdown(cancel_futures=True)
