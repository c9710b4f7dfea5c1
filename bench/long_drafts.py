"""Time and peak memory of linting one very long draft, by kind of text.

    python bench/long_drafts.py [--mb 1] [--kinds prose,one-line,base64,...]

Each kind is linted in a fresh process (so its peak memory is its own) and
one line is printed per kind: characters, seconds, characters per second,
findings, peak resident memory. Long drafts are linted in stretches of
``deid.engine.CHUNK_CHARS``, so time should grow in proportion to length.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = [json.loads(line)["text"] for line in (ROOT / "corpora" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]


def make(kind: str, size: int) -> str:
    """About ``size`` characters of one kind of text."""
    prose = "\n\n".join(DRAFTS)
    makers = {
        "prose": lambda: prose,  # corpus drafts, one after another
        "one-line": lambda: prose.replace("\r", " ").replace("\n", " "),  # no line break at all
        "base64": lambda: "\n".join(  # an attachment pasted into an email
            base64.b64encode(random.Random(0).randbytes(57 * 1000)).decode()[i:i + 76] for i in range(0, 76000, 76)),
        "no-space": lambda: "a" * 1000,  # one endless word
        "long-words": lambda: "x" * 999 + "\n",  # lines of one long word each
        "blank-lines": lambda: "\n" * 1000,
        "spaces": lambda: " " * 1000,
        "emoji": lambda: "\U0001F469\u200d\U0001F469\u200d\U0001F467 e\u0301 \u05e9\u05dc\u05d5\u05dd \U0001F600 ",
    }
    unit = makers[kind]()
    return (unit * (size // len(unit) + 1))[:size]


def run_one(kind: str, size: int) -> None:
    from deid.linter import Linter

    linter = Linter()
    linter.lint("Warm up in Bend.")
    text = make(kind, size)
    start = time.perf_counter()
    report = linter.lint(text)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{kind:12} {len(text):>10,} chars {seconds:8.1f} s {len(text) / seconds:>9,.0f} chars/s "
          f"{len(report.findings):>7,} findings  peak {peak_mb:,.0f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="draft size in millions of characters")
    parser.add_argument("--kinds", default="prose,one-line,base64,no-space,blank-lines,emoji")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    if args.one:
        run_one(args.one, size)
        return
    for kind in args.kinds.split(","):
        subprocess.run([sys.executable, __file__, "--mb", str(args.mb), "--one", kind], check=False)


if __name__ == "__main__":
    main()
