"""Output for people: the draft with identifiers highlighted, then the findings."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from deid.linter import Report

STYLES = {"error": "bold white on red", "warning": "bold black on yellow", "info": "black on cyan"}
LABELS = {"error": "[red]error[/]", "warning": "[yellow]warning[/]", "info": "[cyan]info[/]"}


def highlighted(report: Report) -> Text:
    """The draft with each finding highlighted by severity."""
    text = Text(report.text)
    for f in report.findings:
        text.stylize(STYLES[f.severity], f.start, f.end)
    return text


BAND_STYLES = {"low": "green", "medium": "yellow", "high": "red"}
GAUGE_WIDTH = 20


def gauge(report: Report) -> str:
    """The score as a bar the eye catches first, with the band and the crowd estimate."""
    filled = round(report.score / 100 * GAUGE_WIDTH)
    style = BAND_STYLES[report.band]
    line = (f"[bold]Risk[/] [{style}]{'█' * filled}[/][dim]{'░' * (GAUGE_WIDTH - filled)}[/] "
            f"[bold {style}]{report.score}/100 {report.band}[/]")
    if report.risk.crowd:
        line += f"  {escape(str(report.risk.crowd))}"
    return line


def render_reasons(console: Console, report: Report) -> None:
    """The contributions behind the score."""
    if not report.reasons:
        return
    console.print(f"[bold]Why {report.band} ({report.score}/100):[/]")
    for r in report.reasons:
        note = " [cyan]info[/]" if r.code == "SIGNATURE" else ""
        console.print(f"  [bold]+{r.points:<3}[/] {r.code:<12}{note} {escape(r.explanation)}", highlight=False)
    console.print()


def render_text(console: Console, path: str, report: Report) -> None:
    """Print one draft's report."""
    path = escape(path)
    console.rule(f"[bold]{path}")
    console.print(gauge(report))
    if not report.findings:
        console.print("[green]No identifiers found.[/] This draft looks ready to post.\n")
        render_reasons(console, report)
        return
    console.print(highlighted(report))
    console.print()
    for f in report.findings:
        console.print(
            f"{path}:{f.line}:{f.column}  [bold]{f.code}[/] {f.category:<11} {LABELS[f.severity]}  "
            f"[bold]{escape(repr(f.text))}[/]: {f.message}",
            highlight=False,
        )
        console.print(f"    [dim]fix:[/] {f.fix}", highlight=False)
    counts = Counter(f.severity for f in report.findings)
    summary = ", ".join(f"{n} {sev}{'s' if n > 1 else ''}" for sev, n in sorted(counts.items()))
    console.print(f"\n[bold]{len(report.findings)} identifier{'s' if len(report.findings) > 1 else ''}[/] ({summary}).\n")
    render_reasons(console, report)


def render_summary(console: Console, reports: int, failing: int, threshold: str) -> None:
    """One closing line across all drafts."""
    if reports > 1:
        console.print(f"[bold]{failing} of {reports} drafts[/] have findings at or above {threshold}.")
