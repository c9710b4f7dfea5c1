"""The ``deid`` command: a thin shell over the library.

It parses arguments, reads drafts, picks a reporter and sets the exit code:
0 when nothing reaches ``--fail-on``, 1 when something does, 2 for usage or
input errors.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
    help="Check a referral request for client identifiers before you post it.",
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class Format(str, Enum):
    text = "text"
    json = "json"


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]deid:[/] {escape(message)}")
    return typer.Exit(EXIT_ERROR)


@contextmanager
def _setup_errors() -> Iterator[None]:
    """A broken rule file or a missing pipeline: a plain message and exit 2."""
    from deid.rules import RuleError
    from deid.settings import ModelNotFound

    try:
        yield
    except (RuleError, ModelNotFound) as exc:
        raise _fail(str(exc)) from None


def _linter(model: str | None):
    from deid.linter import Linter
    from deid.settings import Settings

    with _setup_errors():
        return Linter(Settings(model=model or "auto"))


def _drafts(paths: list[str], encoding: str):
    from deid.sources import STDIN, InputError, read_path, read_stdin

    if not paths:
        if sys.stdin is None or sys.stdin.closed:
            raise _fail("There is no input to read: give a file name, or pipe a draft in.")
        if sys.stdin.isatty():
            err.print("Paste your draft below, then press [bold]Ctrl-D[/] on a new line (Ctrl-Z then Enter on Windows).")
        paths = [STDIN]
    drafts = []
    for path in paths:
        try:
            drafts.append(read_stdin(encoding) if path == STDIN else read_path(path, encoding))
        except InputError as exc:
            raise _fail(str(exc)) from None
        except KeyboardInterrupt:
            raise _fail("Stopped before the draft was finished; nothing was checked.") from None
    return drafts


@app.command()
def lint(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Draft files; '-' or none reads standard input.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    fail_on: Annotated[Severity, typer.Option(help="Exit 1 when a finding is at least this severe.")] = Severity.warning,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline to use (default: the best installed).")] = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of the drafts.")] = "utf-8",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for many files.")] = 1,
) -> None:
    """Find identifiers in referral drafts."""
    from deid.reporters import render_json, render_text
    from deid.reporters.text import render_summary

    drafts = _drafts(paths or [], encoding)
    texts = [d.text for d in drafts]
    if jobs > 1 and len(texts) > 1:
        from deid.parallel import lint_in_processes
        from deid.settings import Settings

        with _setup_errors():
            results = list(lint_in_processes(texts, Settings(model=model or "auto"), jobs))
    else:
        results = _linter(model).lint_many(texts)
    reports = list(zip((d.path for d in drafts), results))
    failing = sum(r.fails(fail_on.value) for _, r in reports)
    if format is Format.json:
        typer.echo(render_json(reports))
    else:
        for path, report in reports:
            if not report.text.strip():
                out.print(f"[dim]{escape(path)} is empty: nothing to check.[/]")
                continue
            render_text(out, path, report)
        render_summary(out, len(reports), failing, fail_on.value)
    raise typer.Exit(EXIT_FOUND if failing else EXIT_CLEAN)


@app.command()
def rules() -> None:
    """List every rule with its code, category and severity."""
    from rich.table import Table

    from deid.rules import RuleError, load_rules

    try:
        ruleset = load_rules()
    except RuleError as exc:
        raise _fail(str(exc)) from None
    table = Table("code", "category", "severity", "rule", box=None)
    for rule in ruleset.rules.values():
        if rule.category in ruleset.categories:
            table.add_row(rule.code, rule.category, rule.severity, rule.title)
    out.print(table)


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code, e.g. N102.")]) -> None:
    """Print a rule's documentation."""
    from deid.docs import rule_markdown
    from deid.rules import RuleError, load_rules

    try:
        ruleset = load_rules()
    except RuleError as exc:
        raise _fail(str(exc)) from None
    rule = ruleset.rules.get(code.upper())
    if rule is None or rule.category not in ruleset.categories:
        raise _fail(f"No rule {code!r}. 'deid rules' lists them all.")
    from rich.markdown import Markdown

    out.print(Markdown(rule_markdown(rule, ruleset)))


@app.command("eval")
def evaluate_cmd(
    file: Annotated[Path, typer.Argument(help="Annotated drafts (.jsonl, ANNOTATION.md format).")],
    baseline: Annotated[bool, typer.Option("--baseline", help="Also score vanilla Presidio on the same pipeline.")] = False,
    show: Annotated[int, typer.Option(help="How many misses and false alarms to list.")] = 20,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline to use.")] = None,
) -> None:
    """Measure detection on an annotated corpus (token recall and precision)."""
    from deid.evaluate import deid_detector, evaluate, presidio_detector, read_jsonl, render

    try:
        records = read_jsonl(file)
    except (OSError, ValueError) as exc:
        raise _fail(f"{file} cannot be read as annotated JSONL ({exc}).") from None
    linter = _linter(model)
    typer.echo(render(evaluate(records, deid_detector(linter)), f"deid on {file}", show))
    if baseline:
        typer.echo("\n" + render(evaluate(records, presidio_detector(linter)), f"vanilla Presidio on {file}", show))


def main() -> None:
    """Console-script entry point."""
    app()
