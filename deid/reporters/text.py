"""Output for people: each draft's findings with what to do about them.

When identifier text may be shown (a terminal outside CI, or
``--show-text``), the draft is printed first with its identifiers
highlighted. Otherwise identifiers are masked and the draft is left out
altogether: deid cannot promise it found every identifier, and a CI log or
a saved report must not carry one it missed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from deid.reporters.base import Checked, Options, failing, statistics

if TYPE_CHECKING:  # pragma: no cover
    from deid.linter import Report

STYLES = {"error": "bold white on red", "warning": "bold black on yellow", "info": "black on cyan"}
LABELS = {"error": "[red]error[/]", "warning": "[yellow]warning[/]", "info": "[cyan]info[/]"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def highlighted(report: Report) -> Text:
    """The draft with each finding highlighted by severity."""
    text = Text(report.text)
    for f in report.findings:
        text.stylize(STYLES[f.severity], f.start, f.end)
    return text


BAND_STYLES = {"low": "green", "medium": "yellow", "high": "red"}
GAUGE_WIDTH = 20


def gauge(report: Report, options: Options) -> str:
    """The score as a bar the eye catches first, with the band and the crowd estimate."""
    filled = round(report.score / 100 * GAUGE_WIDTH)
    style = BAND_STYLES[report.band]
    line = (f"[bold]Risk[/] [{style}]{'█' * filled}[/][dim]{'░' * (GAUGE_WIDTH - filled)}[/] "
            f"[bold {style}]{report.score}/100 {report.band}[/]")
    if report.risk.crowd:
        line += f"  {escape(report.risk.crowd.describe(options.show))}"
    return line


def render_reasons(console: Console, report: Report) -> None:
    """The contributions behind the score."""
    if not report.reasons:
        return
    console.print(f"[bold]Why {report.band} ({report.score}/100):[/]")
    for r in report.reasons:
        note = " [cyan]info[/]" if r.code == "SIGNATURE" else ""
        console.print(f"  [bold]+{r.points:<3}[/] {r.code:<12}{note} {escape(r.explanation)}")


def render_draft(console: Console, path: str, report: Report, options: Options) -> None:
    """Print one draft's risk, findings, the reasons for the score, accepted findings and notes."""
    path = escape(path)
    console.rule(f"[bold]{path}")
    if not report.text.strip():
        console.print("[dim]This draft is empty: nothing to check.[/]\n")
        return
    console.print(gauge(report, options))
    if not report.findings and report.suppressed:
        console.print("[green]No identifiers need attention.[/]")
    elif not report.findings:
        console.print("[green]No identifiers found.[/] This draft looks ready to post.")
    else:
        if options.show_text:
            console.print(highlighted(report))
            console.print()
        for f in report.findings:
            console.print(
                f"{path}:{f.line}:{f.column}  [bold]{f.code}[/] {f.category:<11} {LABELS[f.severity]}  "
                f"[bold]{escape(repr(options.shown(f)))}[/]: {f.message}"
            )
            console.print(f"    [dim]fix:[/] {f.fix}")
        counts = Counter(f.severity for f in report.findings)
        summary = ", ".join(_plural(n, sev) for sev, n in sorted(counts.items()))
        console.print(f"\n[bold]{_plural(len(report.findings), 'identifier')}[/] ({summary}).")
    render_reasons(console, report)
    if report.suppressed:
        console.print(f"[dim]{_plural(len(report.suppressed), 'finding')} accepted on purpose "
                      "(deid: ignore markers or the baseline).[/]")
    for note in report.notes:
        where = f"{path}:{note.line}" if note.line else path
        console.print(f"[cyan]note:[/] {where}: {escape(note.message)}")
    console.print()


def render(console: Console, checked: Sequence[Checked], options: Options) -> None:
    """Print every draft's report, then counts and a closing line."""
    for path, report in checked:
        render_draft(console, path, report, options)
    if options.statistics:
        rules = options.ruleset().rules
        for code, n in statistics(checked).items():
            console.print(f"{n:>5}  [bold]{code}[/]  {escape(rules[code].title) if code in rules else ''}")
        console.print()
    if len(checked) > 1:
        console.print(f"[bold]{failing(checked, options.fail_on)} of {len(checked)} drafts[/] "
                      f"have findings at or above {options.fail_on}.")
    if not options.show_text and any(r.findings for _, r in checked):
        console.print("[dim]Identifiers are masked and the draft is not shown, because this output "
                      "is not going to a terminal (or CI is set). Add --show-text to see them.[/]")
