"""Configuration files: ``[tool.deid]`` in ``pyproject.toml``, or ``.deid.toml``.

The nearest file wins, found by walking up from the current directory; in
one folder ``.deid.toml`` comes before ``pyproject.toml``, and a
``pyproject.toml`` without a ``[tool.deid]`` table is passed over. Keys
(``-`` and ``_`` are the same):

=========== ==============================================================
fail-on     ``info``, ``warning`` (default) or ``error``
disable     rule codes or categories not to check (``["O101", "AGE"]``)
allow       terms never reported (your own name, your practice's name)
deny        terms always reported: a list (flagged as LOCATION) or a table
            of category -> terms (``NAME``, ``LOCATION``, ``EMPLOYER``,
            ``OCCUPATION``, ``DISTINCTIVE``)
model       a spaCy pipeline package, or ``"auto"``
format      ``text``, ``json``, ``sarif`` or ``github``
baseline    a baseline file (relative to the config file)
=========== ==============================================================

Anything else is an error that names the unknown key. Command-line options
override ``fail-on``, ``model``, ``format`` and ``baseline``, and add to
``disable``, ``allow`` and ``deny``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from deid.reporters import REPORTERS
from deid.settings import DENY_CATEGORIES, SEVERITIES, Settings, SettingsError

CONFIG_FILE = ".deid.toml"
PYPROJECT = "pyproject.toml"
FORMATS: tuple[str, ...] = tuple(REPORTERS)
KEYS: tuple[str, ...] = ("fail-on", "disable", "allow", "deny", "model", "format", "baseline")


class ConfigError(SettingsError):
    """A configuration file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Config:
    """Settings for the linter plus what the command line needs."""

    settings: Settings = field(default_factory=Settings)
    format: str = "text"
    baseline: Path | None = None
    source: Path | None = None


def find_config(start: str | Path | None = None) -> Path | None:
    """The nearest ``.deid.toml`` or ``pyproject.toml`` with ``[tool.deid]``, or None."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and "deid" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: str | Path | None = None, start: str | Path | None = None) -> Config:
    """Read ``path``, or the file :func:`find_config` finds; defaults when there is none."""
    found = Path(path) if path else find_config(start)
    if found is None:
        return Config()
    data = _read_toml(found)
    table = data.get("tool", {}).get("deid", {}) if found.name == PYPROJECT else data
    where = f"{found} [tool.deid]" if found.name == PYPROJECT else str(found)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table of settings.")
    return _parse(table, where, found)


def override(config: Config, *, fail_on: str | None = None, model: str | None = None,
             format: str | None = None, baseline: str | Path | None = None,
             disable: Iterable[str] = (), allow: Iterable[str] = (), deny: Iterable[str] = ()) -> Config:
    """Apply command-line options: scalars replace, lists add.

    A ``deny`` option is ``TERM`` (a LOCATION) or ``CATEGORY:TERM``.
    """
    s = config.settings
    settings = replace(
        s, fail_on=fail_on or s.fail_on, model=model or s.model,
        disabled=s.disabled | {d.upper() for d in disable},
        allow=s.allow + tuple(allow), deny=s.deny + tuple(parse_deny(d) for d in deny),
    )
    return replace(config, settings=settings, format=format or config.format,
                   baseline=Path(baseline) if baseline else config.baseline)


def parse_deny(option: str) -> tuple[str, str]:
    """``"EMPLOYER:Acme Mills"`` -> ``("Acme Mills", "EMPLOYER")``; a bare term is a LOCATION."""
    category, sep, term = option.partition(":")
    if sep and category.strip().upper() in DENY_CATEGORIES and term.strip():
        return term.strip(), category.strip().upper()
    return option.strip(), "LOCATION"


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path} cannot be read ({exc.strerror}).") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML ({exc}).") from None


def _parse(table: dict[str, Any], where: str, source: Path) -> Config:
    values = {str(k).replace("_", "-"): v for k, v in table.items()}
    unknown = sorted(set(values) - set(KEYS))
    if unknown:
        raise ConfigError(
            f"{where}: unknown setting{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}. "
            f"Known settings: {', '.join(KEYS)}."
        )
    fail_on = _choice(values, "fail-on", SEVERITIES, where)
    fmt = _choice(values, "format", FORMATS, where)
    model = values.get("model", "auto")
    if not isinstance(model, str) or not model:
        raise ConfigError(f"{where}: model must be a spaCy pipeline name or \"auto\".")
    baseline = values.get("baseline")
    if baseline is not None and not isinstance(baseline, str):
        raise ConfigError(f"{where}: baseline must be a file name.")
    try:
        settings = Settings(
            model=model, fail_on=fail_on or "warning",
            disabled=frozenset(_terms(values, "disable", where)),
            allow=tuple(_terms(values, "allow", where)), deny=_deny(values.get("deny", []), where),
        )
    except SettingsError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    return Config(settings=settings, format=fmt or "text",
                  baseline=source.parent / baseline if baseline else None, source=source)


def _choice(values: dict[str, Any], key: str, choices: tuple[str, ...], where: str) -> str | None:
    value = values.get(key)
    if value is not None and value not in choices:
        raise ConfigError(f"{where}: {key} must be one of {', '.join(choices)}, not {value!r}.")
    return value


def _terms(values: dict[str, Any], key: str, where: str) -> list[str]:
    value = values.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: {key} must be a list of words, like {key} = [\"...\"].")
    return [v.strip() for v in value]


def _deny(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    if isinstance(value, list):
        return tuple((term, "LOCATION") for term in _terms({"deny": value}, "deny", where))
    if isinstance(value, dict):
        return tuple(
            (term, str(category).upper())
            for category, terms in value.items()
            for term in _terms({f"deny.{category}": terms}, f"deny.{category}", where)
        )
    raise ConfigError(f"{where}: deny must be a list of words, or a table of category = [words].")
