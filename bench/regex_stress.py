"""How long each regex deid runs takes on stress strings; the slowest first.

    python bench/regex_stress.py [--top 15]

For every pattern the analyzer runs (the rules' own, lexicons expanded, and
Presidio's predefined ones), prints the worst time over the stress strings
of :mod:`deid.regexcheck` at the longest length run, the string, and whether the
check calls it slow (over budget, or growing faster than the text).
"""

from __future__ import annotations

import argparse
import time

from deid.linter import Linter
from deid.regexcheck import BUDGET, LENGTHS, patterns_in_use, timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=15, help="how many patterns to list")
    args = parser.parse_args()
    started = time.perf_counter()
    rows = []
    for code, name, pattern, flags in patterns_in_use(Linter().engine.analyzer):
        found = list(timings(pattern, flags))
        worst = max(found, key=lambda t: t.seconds)
        rows.append((worst, code, name, [t.unit for t in found if t.slow]))
    rows.sort(key=lambda row: -row[0].seconds)
    print(f"{len(rows)} patterns; stress strings of {LENGTHS[0]:,} to {LENGTHS[-1]:,} characters; budget {BUDGET} s")
    for worst, code, name, slow in rows[:args.top]:
        flag = f"SLOW on {', '.join(map(repr, slow))}" if slow else "ok"
        print(f"{worst.seconds:7.3f} s at {worst.length:>5,}  {code:5} {name[:46]:46}  worst {worst.unit!r:14} "
              f"({worst.short:.3f} s at {LENGTHS[0]})  {flag}")
    print(f"checked in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
