"""Catch rule regexes that backtrack badly before they meet a draft.

A careless pattern (nested repeats, ``\\s+`` inside a lookbehind) can take
minutes on one long line. Each pattern is timed on stress strings (long
runs of the characters patterns accept, each ending in a near miss) of
doubling lengths: it is *slow* when one run exceeds a time budget (the
runs stop there, so a check costs little more than the budget), or when
eight times the text takes more than 16 times as long (time growing with
the square of the length, or faster). Shipped rules are checked by the test
suite; a user's rules are checked when they load (see :mod:`deid.rules`).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import regex

#: The flags Presidio compiles rule patterns with.
FLAGS = regex.DOTALL | regex.MULTILINE | regex.IGNORECASE
#: Repeated to make stress strings: spaces, line breaks, letters, digits, and their mixes.
UNITS = (" ", "\n", "\r\n", "\t", "a", "A", "1", ".", "Ab ", "a.", "A. ", "1-", "a-", "a@", "aA1@/:._-", "Ab\t")
#: Stress string lengths, each twice the last: growth is judged from the first to the last.
LENGTHS = (500, 1_000, 2_000, 4_000)
#: Processor seconds allowed for one pattern on one stress string.
BUDGET = 1.0
#: Growth that counts as worse than linear (ideal: 8 for 8 times the text), and the
#: least time at which growth is judged (below it, timings are noise).
GROWTH, FLOOR = 16.0, 0.05


@dataclass(frozen=True)
class Timing:
    """How long a pattern takes on one stress string: first and last lengths run."""

    unit: str
    short: float
    length: int
    seconds: float

    @property
    def slow(self) -> bool:
        """Over budget, or growing faster than the text."""
        return self.seconds > BUDGET or (
            self.length == LENGTHS[-1] and self.seconds > FLOOR and self.seconds > GROWTH * self.short
        )

    def describe(self) -> str:
        """Plain words for the string and the times, for error messages."""
        return (f"{self.unit!r} repeated to {self.length:,} characters took {self.seconds:.2f} s, "
                f"to {LENGTHS[0]:,} characters {self.short:.3f} s")


def stress_strings(pattern: str) -> list[str]:
    """Units of stress: :data:`UNITS` and the pattern's own words, spaced."""
    words = regex.findall(r"[A-Za-z]{2,}", pattern)[:3]
    return list(UNITS) + ([" ".join(words) + " "] if words else [])


def _time(compiled: regex.Pattern, text: str) -> float:
    """Processor seconds (other programs on a busy machine do not count)."""
    start = time.process_time()
    try:
        for _ in compiled.finditer(text, timeout=BUDGET * 2):
            pass
    except TimeoutError:  # the regex engine's own clock, which is not always exact
        return max(BUDGET * 2, time.process_time() - start)
    return time.process_time() - start


def _run(compiled: regex.Pattern, unit: str) -> Timing:
    times = {}
    for n in LENGTHS:
        times[n] = _time(compiled, (unit * (n // len(unit) + 1))[:n] + "!")
        if times[n] > BUDGET:
            break
    return Timing(unit, times[LENGTHS[0]], n, times[n])


def timings(pattern: str, flags: int = FLAGS) -> Iterator[Timing]:
    """Time ``pattern`` on each stress string in turn (a slow result is measured twice, best kept)."""
    compiled = regex.compile(pattern, flags)
    for unit in stress_strings(pattern):
        timing = _run(compiled, unit)
        if timing.slow:  # a busy machine can make one run look slow: look again
            again = _run(compiled, unit)
            timing = min(timing, again, key=lambda t: (t.slow, t.seconds))
        yield timing


def slow_regex(pattern: str, flags: int = FLAGS) -> Timing | None:
    """The stress string on which ``pattern`` is slow, or None when it is not."""
    return next((t for t in timings(pattern, flags) if t.slow), None)


def patterns_in_use(analyzer) -> Iterator[tuple[str, str, str, int]]:
    """``(rule code, pattern name, regex, flags)`` for every pattern a Presidio analyzer runs.

    This covers the rules' own patterns (lexicons expanded) and those of the
    Presidio recognizers rules name (``kind: predefined``).
    """
    from presidio_analyzer import PatternRecognizer

    for recognizer in analyzer.registry.recognizers:
        if isinstance(recognizer, PatternRecognizer):
            for pattern in recognizer.patterns:
                yield recognizer.name, pattern.name, pattern.regex, recognizer.global_regex_flags or FLAGS
