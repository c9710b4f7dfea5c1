"""The ``deid`` command: a thin shell over the library.

It parses arguments, reads drafts, picks a reporter and sets the exit code:
0 when nothing reaches ``--fail-on``, 1 when something does, 2 for usage or
input errors.
"""

from __future__ import annotations

import errno
import os
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
#: Errors writing the report that are not deid's fault.
_OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EIO})


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]deid:[/] {escape(message)}")
    return typer.Exit(EXIT_ERROR)


def _config(path: Path | None, **overrides):
    """The configuration file's settings with command-line options applied."""
    from deid.config import load_config, override
    from deid.settings import SettingsError

    try:
        return override(load_config(path), **overrides)
    except SettingsError as exc:
        raise _fail(str(exc)) from None


@contextmanager
def _setup_errors() -> Iterator[None]:
    """A broken rule file, a missing pipeline or bad settings: a plain message and exit 2."""
    from deid.rules import RuleError
    from deid.settings import ModelNotFound, SettingsError

    try:
        yield
    except (RuleError, ModelNotFound, SettingsError) as exc:
        raise _fail(str(exc)) from None


def _linter(settings):
    from deid.linter import Linter

    with _setup_errors():
        return Linter(settings)


def _split(values: list[str] | None) -> list[str]:
    """Repeated options, each possibly comma-separated."""
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _drafts(paths: list[str], encoding: str):
    from deid.sources import STDIN, InputError, expand, read_path, read_stdin, skipped_note

    if not paths:
        if sys.stdin is None or sys.stdin.closed:
            raise _fail("There is no input to read: give a file name, or pipe a draft in.")
        if sys.stdin.isatty():
            err.print("Paste your draft below, then press [bold]Ctrl-D[/] on a new line (Ctrl-Z then Enter on Windows).")
        paths = [STDIN]
    try:
        paths, skipped = expand(paths)
        drafts = [read_stdin(encoding) if path == STDIN else read_path(path, encoding) for path in paths]
    except InputError as exc:
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:
        raise _fail("Stopped before the draft was finished; nothing was checked.") from None
    if skipped:
        err.print(escape(skipped_note(skipped)))
    return drafts


ConfigOption = Annotated[Optional[Path], typer.Option(
    "--config", help="Settings file (default: the nearest .deid.toml or pyproject.toml with \\[tool.deid]).")]
ModelOption = Annotated[Optional[str], typer.Option(help="spaCy pipeline to use (default: the best installed).")]
EncodingOption = Annotated[str, typer.Option(help="Text encoding of the drafts.")]
PathsArgument = Annotated[Optional[list[str]], typer.Argument(help="Draft files; '-' or none reads standard input.")]


@app.command()
def lint(
    paths: PathsArgument = None,
    format: Annotated[Optional[Format], typer.Option("--format", "-f", help="Output format (default: text).")] = None,
    fail_on: Annotated[Optional[Severity], typer.Option(help="Exit 1 when a finding is at least this severe (default: warning).")] = None,
    model: ModelOption = None,
    encoding: EncodingOption = "utf-8",
    config: ConfigOption = None,
    disable: Annotated[Optional[list[str]], typer.Option(help="Rule code or category not to check (repeatable).")] = None,
    allow: Annotated[Optional[list[str]], typer.Option(help="A term never to report, e.g. your own name (repeatable).")] = None,
    deny: Annotated[Optional[list[str]], typer.Option(help="A term always to report: TERM (a place) or CATEGORY:TERM (repeatable).")] = None,
    baseline: Annotated[Optional[Path], typer.Option(help="Baseline file of accepted findings: only new findings fail.")] = None,
    show_text: Annotated[bool, typer.Option("--show-text", help="Show identifier text even when output is not a terminal or CI is set.")] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="Also count findings per rule code.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for many files.")] = 1,
) -> None:
    """Find identifiers in referral drafts.

    Identifier text is masked ("M*** J*****") when output is not a terminal
    or CI is set, unless --show-text is given.
    """
    from deid.reporters import REPORTERS, Options, masking_wanted

    cfg = _config(config, fail_on=fail_on and fail_on.value, model=model, format=format and format.value,
                  baseline=baseline, disable=_split(disable), allow=allow or [], deny=deny or [])
    drafts = _drafts(paths or [], encoding)
    texts = [d.text for d in drafts]
    if jobs > 1 and len(texts) > 1:
        from deid.parallel import lint_in_processes
        from deid.rules import load_rules

        with _setup_errors():
            rules = load_rules(cfg.settings.rules_dir)
            results = list(lint_in_processes(texts, cfg.settings, jobs))
    else:
        linter = _linter(cfg.settings)
        rules, results = linter.rules, linter.lint_many(texts)
    checked = list(zip((d.path for d in drafts), results))
    if cfg.baseline:
        accepted = _load_baseline(cfg.baseline)
        checked = [(path, accepted.apply(path, report)) for path, report in checked]
    terminal = sys.stdout is not None and sys.stdout.isatty()
    options = Options(show_text=show_text or not masking_wanted(terminal), statistics=statistics,
                      fail_on=cfg.settings.fail_on, rules=rules)
    REPORTERS[cfg.format](out, checked, options)
    failing = any(report.fails(cfg.settings.fail_on) for _, report in checked)
    raise typer.Exit(EXIT_FOUND if failing else EXIT_CLEAN)


def _load_baseline(path: Path):
    from deid.suppress import Baseline, BaselineError

    try:
        return Baseline.load(path)
    except BaselineError as exc:
        raise _fail(str(exc)) from None


@app.command("baseline")
def baseline_cmd(
    paths: PathsArgument = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Baseline file to write (default: the configured one, or .deid-baseline.json).")] = None,
    model: ModelOption = None,
    encoding: EncodingOption = "utf-8",
    config: ConfigOption = None,
) -> None:
    """Accept the current findings on purpose: record them in a baseline file.

    The file holds salted hashes, never draft text. Entries for drafts not
    named here are kept. 'deid lint --baseline FILE' then fails only on new
    findings.
    """
    from deid.suppress import BASELINE_FILE, Baseline

    cfg = _config(config, model=model)
    target = output or cfg.baseline or Path(BASELINE_FILE)
    accepted = _load_baseline(target) if target.exists() else Baseline(target)
    drafts = _drafts(paths or [], encoding)
    linter = _linter(cfg.settings)
    recorded = sum(accepted.record(d.path, report.findings)
                   for d, report in zip(drafts, linter.lint_many(d.text for d in drafts)))
    try:
        accepted.save()
    except OSError as exc:
        raise _fail(f"{target} cannot be written ({exc.strerror}).") from None
    err.print(f"Recorded {recorded} accepted finding{'s' if recorded != 1 else ''} from "
              f"{len(drafts)} draft{'s' if len(drafts) != 1 else ''} in {escape(str(target))} "
              "(salted hashes, no draft text).")


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
    from deid.evaluate import (deid_detector, evaluate, evaluate_outputs, presidio_detector, read_jsonl, render,
                               render_outputs)

    try:
        records = read_jsonl(file)
    except (OSError, ValueError) as exc:
        raise _fail(f"{file} cannot be read as annotated JSONL ({exc}).") from None
    from deid.settings import Settings

    linter = _linter(Settings(model=model or "auto"))
    typer.echo(render(evaluate(records, deid_detector(linter)), f"deid on {file}", show))
    if all("risk" in r for r in records):
        typer.echo("\n" + render_outputs(evaluate_outputs(records, linter), show))
    if baseline:
        typer.echo("\n" + render(evaluate(records, presidio_detector(linter)), f"vanilla Presidio on {file}", show))


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


def _reports(paths: list[str] | None, encoding: str, model: str | None, config: Path | None):
    """Read the drafts and lint them with the configured settings: ``[(draft, report)]``."""
    settings = _config(config, model=model).settings
    drafts = _drafts(paths or [], encoding)
    linter = _linter(settings)
    return list(zip(drafts, linter.lint_many(d.text for d in drafts)))


@app.command()
def template(
    paths: PathsArgument = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
    model: ModelOption = None,
    encoding: EncodingOption = "utf-8",
    config: ConfigOption = None,
) -> None:
    """Write a minimal, ready-to-post referral request from each draft."""
    from deid.reporters.json import render_outputs

    outputs = [(draft.path, report.template) for draft, report in _reports(paths, encoding, model, config)]
    if format is OutputFormat.json:
        typer.echo(render_outputs(outputs, "template"))
        return
    for path, text in outputs:
        if len(outputs) > 1:
            out.rule(f"[bold]{escape(path)}")
        out.print(escape(text), end="")


@app.command()
def redact(
    paths: PathsArgument = None,
    in_place: Annotated[bool, typer.Option("--in-place", help="Rewrite the files, keeping each original as FILE.bak.")] = False,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
    model: ModelOption = None,
    encoding: EncodingOption = "utf-8",
    config: ConfigOption = None,
) -> None:
    """Print each draft with every identifier replaced or generalised."""
    from deid.reporters.json import render_outputs
    from deid.sources import STDIN, InputError, write_in_place

    if in_place and (not paths or STDIN in paths):
        raise _fail("--in-place needs file names: standard input cannot be rewritten.")
    outputs = [(draft.path, report.redacted) for draft, report in _reports(paths, encoding, model, config)]
    if in_place:
        for path, text in outputs:
            try:
                backup = write_in_place(path, text, encoding)
            except InputError as exc:
                raise _fail(str(exc)) from None
            if format is OutputFormat.text:
                out.print(f"Redacted {escape(path)} (the original is in {escape(str(backup))}).")
    if format is OutputFormat.json:
        typer.echo(render_outputs(outputs, "redacted"))
    elif not in_place:
        for path, text in outputs:
            if len(outputs) > 1:
                out.rule(f"[bold]{escape(path)}")
            out.print(escape(text), end="")


def main() -> None:
    """Console-script entry point."""
    try:
        try:
            app()
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()  # output errors show here, not as noise at exit
    except OSError as exc:
        if not isinstance(exc, BrokenPipeError) and exc.errno not in _OUTPUT_ERRORS:
            raise
        # The report cannot be written (its reader left, as `| head -1` does, or
        # the disk is full): what is still buffered goes nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if isinstance(exc, BrokenPipeError):
            sys.exit(1)  # as click does when this happens mid-run
        err.print(f"[red]deid:[/] the report could not be written ({escape(exc.strerror or str(exc))}).")
        sys.exit(EXIT_ERROR)


def run() -> None:
    """The ``deid`` command: :func:`main`, then leave at once.

    Tearing down the interpreter (the spaCy pipeline, the word lists, the
    compiled rules) takes about a third of a second that the report does not
    need; the output is flushed first, files are closed and worker processes
    joined by then. Other callers of :func:`main` get its ``SystemExit``.
    """
    try:
        main()
        code: int | str | None = 0
    except SystemExit as exc:
        code = exc.code
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # the reader left or the stream is closed: nothing more to say
            pass
    os._exit(code or 0)
