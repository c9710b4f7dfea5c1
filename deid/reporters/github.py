"""GitHub Actions workflow commands: one annotation per finding.

``::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=deid N101::message``;
warnings and infos use ``::warning`` and ``::notice``; stale suppressions
are notices. Identifier text is masked unless ``--show-text``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console

from deid.findings import Positions
from deid.reporters.base import Checked, Options, statistics, write_plain

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, message: str, **props: object) -> str:
    fields = ",".join(f"{k}={_prop(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind} {fields}::{_data(message)}" if fields else f"::{kind}::{_data(message)}"


def to_github(checked: Sequence[Checked], options: Options) -> str:
    """All annotations, one per line (plus counts per code when asked)."""
    lines = []
    for path, report in checked:
        where = Positions(report.text)
        for f in report.findings:
            end_line, end_column = where(f.end)
            lines.append(_command(
                COMMANDS[f.severity], f"{options.shown(f)!r}: {f.message} Fix: {f.fix}",
                file=path, line=f.line, col=f.column, endLine=end_line, endColumn=end_column,
                title=f"deid {f.code} {f.category}",
            ))
        lines += [_command("notice", n.message, file=path, line=n.line, title="deid") for n in report.notes]
    if options.statistics:
        lines += [f"{n:>5}  {code}" for code, n in statistics(checked).items()]
    return "\n".join(lines)


def render(console: Console, checked: Sequence[Checked], options: Options) -> None:
    """Print the annotations."""
    text = to_github(checked, options)
    if text:
        write_plain(console, text)
