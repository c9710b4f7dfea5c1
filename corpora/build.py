"""Build corpora/*.jsonl from the marked-up sources in corpora/src/.

Source format (one file holds many drafts)::

    === fb-001 facebook high test
    Seeking [[EMDR|MODALITY]]... for my [[3pm Tuesday|TIMING]] client ...

A header line ``=== <id> <source> <risk> <split>`` starts each draft; the
draft text runs to the next header (trailing blank lines are dropped).
``[[text|LABEL]]`` marks an identifier span (ANNOTATION.md categories) and
``{{text|LABEL}}`` a keep span (AGE_RANGE, CONCERN, ...). Everything else is
the draft exactly as written. Run ``python corpora/build.py`` to rewrite
``corpora/dev.jsonl`` and ``corpora/test.jsonl``; ``--check`` only validates.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

SPAN_LABELS = {
    "NAME", "LOCATION", "DATE", "AGE", "CONTACT", "ID", "NETWORK",
    "EMPLOYER", "OCCUPATION", "TIMING", "DISTINCTIVE",
}
KEEP_LABELS = {"AGE_RANGE", "CONCERN", "MODALITY", "INSURANCE", "REGION", "LOGISTICS"}
RISKS = {"low", "medium", "high"}
SPLITS = {"dev", "test"}
MARK = re.compile(r"\[\[(.+?)\|([A-Z_]+)\]\]|\{\{(.+?)\|([A-Z_]+)\}\}", re.S)
HEADER = re.compile(r"^=== (\S+) (\S+) (\S+) (\S+)\s*$")
HERE = Path(__file__).resolve().parent


def parse_markup(markup: str, where: str) -> tuple[str, list[dict], list[dict]]:
    """Return (text, spans, keep) for one marked-up draft."""
    out: list[str] = []
    spans: list[dict] = []
    keep: list[dict] = []
    pos = 0
    length = 0
    for m in MARK.finditer(markup):
        plain = markup[pos : m.start()]
        out.append(plain)
        length += len(plain)
        value = m.group(1) if m.group(1) is not None else m.group(3)
        label = m.group(2) or m.group(4)
        is_span = m.group(1) is not None
        allowed = SPAN_LABELS if is_span else KEEP_LABELS
        if label not in allowed:
            raise ValueError(f"{where}: unknown {'span' if is_span else 'keep'} label {label!r}")
        if value != value.strip() or not value.strip():
            raise ValueError(f"{where}: span {value!r} has surrounding spaces")
        record = {"start": length, "end": length + len(value), "label": label}
        (spans if is_span else keep).append(record)
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(markup[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text or "{{" in text or "}}" in text:
        raise ValueError(f"{where}: unbalanced markup")
    for k in keep:
        for s in spans:
            if k["start"] < s["end"] and s["start"] < k["end"]:
                raise ValueError(f"{where}: keep span overlaps identifier span")
    return text, spans, keep


def read_sources(src: Path) -> list[dict]:
    """Parse every ``*.txt`` under ``src`` into annotation records."""
    records: list[dict] = []
    for path in sorted(src.glob("*.txt")):
        header: re.Match[str] | None = None
        body: list[str] = []
        lines = path.read_text(encoding="utf-8").split("\n")

        def flush() -> None:
            if header is None:
                return
            markup = "\n".join(body).rstrip("\n ")
            did, source, risk, split = header.groups()
            where = f"{path.name}:{did}"
            if risk not in RISKS or split not in SPLITS:
                raise ValueError(f"{where}: bad risk {risk!r} or split {split!r}")
            text, spans, keep = parse_markup(markup, where)
            if not text.strip():
                raise ValueError(f"{where}: empty draft")
            records.append({"id": did, "source": source, "text": text, "spans": spans,
                            "keep": keep, "risk": risk, "split": split})

        for line in lines:
            m = HEADER.match(line)
            if m:
                flush()
                header, body = m, []
            elif header is not None:
                body.append(line)
        flush()
    ids = [r["id"] for r in records]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise ValueError(f"duplicate ids: {sorted(dupes)}")
    return records


def main(argv: list[str]) -> int:
    records = read_sources(HERE / "src")
    if "--check" in argv:
        print(f"{len(records)} drafts OK")
        return 0
    for split in sorted(SPLITS):
        rows = [{k: v for k, v in r.items() if k != "split"} for r in records if r["split"] == split]
        with open(HERE / f"{split}.jsonl", "w", encoding="utf-8", newline="\n") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{split}: {len(rows)} drafts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
