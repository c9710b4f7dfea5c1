"""Loading and validating ``rules/``: broken rule files fail loudly and clearly.

Each test copies the shipped rules to ``tmp_path`` and breaks one thing;
``load_rules`` must raise :class:`RuleError` naming the file and the problem.
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import pytest
import yaml

from deid.rules import RuleError, default_rules_dir, load_rules

#: A valid identifier rule, broken one way per test.
VALID_RULE = {
    "code": "Z901",
    "category": "DISTINCTIVE",
    "title": "Test rule",
    "why": "Tests need a rule of their own.",
    "example": "The zzyzx incident.",
    "fix": "Leave it out.",
    "patterns": [{"name": "test pattern", "regex": r"\bzzyzx\b", "score": 0.8}],
}
EXTRA_FILE = "zz_test.yaml"


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped rules directory."""
    target = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), target)
    return target


def write_rules(rules_dir: Path, entries, name: str = EXTRA_FILE) -> Path:
    path = rules_dir / "recognizers" / name
    path.write_text(yaml.safe_dump({"recognizers": entries}, sort_keys=False), encoding="utf-8")
    return path


def load_error(rules_dir: Path) -> str:
    with pytest.raises(RuleError) as info:
        load_rules(rules_dir)
    return str(info.value)


def broken(**changes) -> dict:
    """``VALID_RULE`` with keys replaced (a value of None removes the key)."""
    rule = copy.deepcopy(VALID_RULE)
    for key, value in changes.items():
        if value is None:
            rule.pop(key, None)
        else:
            rule[key] = value
    return rule


# ------------------------------------------------------------ shipped rules


def test_shipped_rules_load():
    rules = load_rules()
    assert rules.rules and rules.categories and rules.keep_labels
    assert "N102" in rules.rules


def test_every_identifier_rule_is_documented():
    rules = load_rules()
    identifier_rules = [r for r in rules.rules.values() if r.category in rules.categories]
    assert identifier_rules
    for rule in identifier_rules:
        assert re.fullmatch(r"[A-Z]{1,3}\d{3}", rule.code), rule.code
        for key in ("title", "why", "example", "fix"):
            assert str(getattr(rule, key)).strip(), f"{rule.code} ({rule.source}) has no {key}"


def test_default_rules_dir_is_loaded_when_no_root_is_given():
    assert load_rules().root == default_rules_dir()


def test_a_valid_extra_rule_loads(rules_copy):
    """The baseline for the tests below: the unbroken rule is accepted."""
    write_rules(rules_copy, [VALID_RULE])
    rule = load_rules(rules_copy).rules["Z901"]
    assert rule.category == "DISTINCTIVE"
    assert rule.source.endswith(EXTRA_FILE)


# ------------------------------------------------------------ broken rules


def test_invalid_yaml_names_file_and_line(rules_copy):
    path = rules_copy / "recognizers" / EXTRA_FILE
    path.write_text(
        "recognizers:\n"
        "  - code: Z901\n"
        "    title: [unclosed\n"
        "    why: the flow sequence above never closes\n",
        encoding="utf-8",
    )
    message = load_error(rules_copy)
    assert str(path) in message
    assert "not valid YAML" in message
    assert re.search(r"\bline 4\b", message), message


def test_invalid_yaml_in_categories_is_reported(rules_copy):
    path = rules_copy / "categories.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  bad: [\n", encoding="utf-8")
    message = load_error(rules_copy)
    assert str(path) in message
    assert re.search(r"\bline \d+", message), message


def test_grow_into_an_unknown_category_is_reported(rules_copy):
    path = rules_copy / "categories.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("grow_into: [LOCATION, EMPLOYER]", "grow_into: [LOCATION, TOWN]"), encoding="utf-8")
    message = load_error(rules_copy)
    assert str(path) in message and "DISTINCTIVE" in message and "grow_into" in message


def test_unknown_category(rules_copy):
    path = write_rules(rules_copy, [broken(category="PASSPORT")])
    message = load_error(rules_copy)
    assert str(path) in message
    assert "Z901" in message
    assert "unknown category" in message and "PASSPORT" in message


@pytest.mark.parametrize("key", ["title", "why", "example", "fix"])
def test_missing_documentation_key(rules_copy, key):
    path = write_rules(rules_copy, [broken(**{key: None})])
    message = load_error(rules_copy)
    assert str(path) in message
    assert "Z901" in message
    assert "documentation missing" in message and key in message


def test_empty_documentation_counts_as_missing(rules_copy):
    write_rules(rules_copy, [broken(why="")])
    assert "documentation missing: why" in load_error(rules_copy)


def test_invalid_regex_names_the_pattern(rules_copy):
    bad = [{"name": "unbalanced group", "regex": r"(zzyzx", "score": 0.8}]
    path = write_rules(rules_copy, [broken(patterns=bad)])
    message = load_error(rules_copy)
    assert str(path) in message
    assert "Z901" in message
    assert "unbalanced group" in message and "not a valid regex" in message


@pytest.mark.parametrize("where", ["deny_list", "context", "regex"])
def test_unknown_lexicon_reference(rules_copy, where):
    if where == "regex":
        rule = broken(patterns=[{"name": "p", "regex": r"\b{{nope}}\b", "score": 0.8}])
    else:
        rule = broken(**{where: ["@nope"]})
    path = write_rules(rules_copy, [rule])
    message = load_error(rules_copy)
    assert str(path) in message
    assert "'nope'" in message and "lexicon" in message


def test_duplicate_code_names_both_files(rules_copy):
    first = write_rules(rules_copy, [VALID_RULE], name="zz_a.yaml")
    second = write_rules(rules_copy, [broken(title="Another rule")], name="zz_b.yaml")
    message = load_error(rules_copy)
    assert "Z901" in message and "already used" in message
    assert str(first) in message and str(second) in message


def test_duplicate_of_a_shipped_code(rules_copy):
    path = write_rules(rules_copy, [broken(code="N102")])
    message = load_error(rules_copy)
    assert "N102" in message and "already used" in message
    assert str(path) in message and "names.yaml" in message


@pytest.mark.parametrize("code", ["n101", "N1", "NAME101", "N-101", 101, None])
def test_bad_code_format(rules_copy, code):
    path = write_rules(rules_copy, [broken(code=code)])  # None: no code at all
    message = load_error(rules_copy)
    assert str(path) in message
    assert "'code' must look like" in message


@pytest.mark.parametrize("content", ["rules: []\n", "recognizers: {}\n", "just text\n", ""])
def test_missing_recognizers_list(rules_copy, content):
    path = rules_copy / "recognizers" / EXTRA_FILE
    path.write_text(content, encoding="utf-8")
    message = load_error(rules_copy)
    assert str(path) in message
    assert "'recognizers' list" in message


def test_bad_severity(rules_copy):
    path = write_rules(rules_copy, [broken(severity="fatal")])
    message = load_error(rules_copy)
    assert str(path) in message and "severity" in message


def test_bad_score(rules_copy):
    write_rules(rules_copy, [broken(patterns=[{"name": "p", "regex": "x", "score": 7}])])
    assert "score" in load_error(rules_copy)


@pytest.mark.parametrize("value", ["ninety", 89.5, True, [89]])
def test_bad_ages_over(rules_copy, value):
    path = write_rules(rules_copy, [broken(ages_over=value)])
    message = load_error(rules_copy)
    assert str(path) in message and "ages_over" in message


def test_unknown_kind(rules_copy):
    path = write_rules(rules_copy, [broken(kind="telepathy")])
    message = load_error(rules_copy)
    assert str(path) in message and "telepathy" in message


def test_missing_rules_directory(tmp_path):
    message = load_error(tmp_path / "nowhere")
    assert "nowhere" in message and "not found" in message


# ------------------------------------------------------------ rules as data


def test_lexicon_word_changes_detection_without_code(rules_copy, linter):
    """An insurer added to lexicons/insurers.txt becomes a referral essential."""
    from deid.linter import Linter
    from deid.settings import Settings

    draft = "Seeking a trauma therapist who takes Zephyrcare, telehealth in Oregon."
    start = draft.index("Zephyrcare")
    span = (start, start + len("Zephyrcare"), "INSURANCE")

    shipped = linter.lint(draft)
    assert span not in [(k.start, k.end, k.label) for k in shipped.keep]

    with open(rules_copy / "lexicons" / "insurers.txt", "a", encoding="utf-8") as fh:
        fh.write("\nZephyrcare  # invented for a test\n")
    custom = Linter(Settings(rules_dir=str(rules_copy)))
    report = custom.lint(draft)
    assert span in [(k.start, k.end, k.label) for k in report.keep]


def test_a_lexicon_term_written_with_equals_matches_only_as_written(linter):
    """"=DID" in lexicons/concerns.txt: the disorder, not the verb."""
    report = linter.lint("Her last therapist did DBT with her; she has DID.")
    kept = [(report.text[k.start:k.end], k.label) for k in report.keep]
    assert ("DID", "CONCERN") in kept and ("did", "CONCERN") not in kept
    assert "did" in linter.rules.lexicon_sets["concerns"]


# ------------------------------------------------------------ regex safety

#: Shipped patterns known to backtrack badly, with why: the test fails when one
#: is fixed, so that it leaves this list, and when any other pattern turns slow.
KNOWN_SLOW: dict[tuple[str, str], str] = {}


def test_no_rule_regex_backtracks_badly(linter):
    """Every pattern the analyzer runs (shipped rules, Presidio's) stays fast on stress strings."""
    from deid.regexcheck import patterns_in_use, slow_regex

    seen, slow = set(), {}
    for code, name, pattern, flags in patterns_in_use(linter.engine.analyzer):
        seen.add((code, name))
        found = slow_regex(pattern, flags)
        if found:
            slow[(code, name)] = found.describe()
    assert len(seen) > 20
    assert set(slow) == set(KNOWN_SLOW), slow


def test_option_regexes_compile_fast(linter):
    """``require``/``reject`` regexes of code recognizers are checked the same way."""
    from deid.regexcheck import slow_regex

    options = [r.recognizer.get("options", {}) for r in linter.rules.rules.values()]
    regexes = [o[k] for o in options if isinstance(o, dict) for k in ("require", "reject") if k in o]
    assert regexes
    assert [p for p in regexes if slow_regex(p)] == []


@pytest.mark.parametrize("regex", [
    r"(?:a|aa)+z",  # nested alternatives: exponential on a run of a's
    r"(?<=\bat\s+\s+)(?:[A-Z]\w*|\d+)",  # open-ended repeats in a lookbehind: slow on spaces
])
def test_user_regex_that_backtracks_badly_is_refused(rules_copy, regex):
    path = write_rules(rules_copy, [broken(patterns=[{"name": "greedy", "regex": regex, "score": 0.8}])])
    message = load_error(rules_copy)
    assert str(path) in message
    assert "Z901" in message and "greedy" in message
    assert "can take very long" in message
    # the shipped rules are untouched and still load
    assert "N102" in load_rules().rules


def test_invalid_regex_names_the_position(rules_copy):
    path = write_rules(rules_copy, [broken(patterns=[{"name": "p", "regex": r"\b{{credentials}}x{3,1}", "score": 0.8}])])
    message = load_error(rules_copy)
    assert str(path) in message
    assert "position 19" in message  # in the pattern as written, not after lexicon expansion
    assert "N102" in load_rules().rules


def test_invalid_option_regex_is_refused(rules_copy):
    rule = broken(kind="ner", patterns=None, options={"labels": ["ORG"], "reject": "(unclosed"})
    path = write_rules(rules_copy, [rule])
    message = load_error(rules_copy)
    assert str(path) in message
    assert "Z901" in message and "'reject'" in message and "position 9" in message


def test_a_lexicon_trie_prefers_the_longest_term_whatever_the_case():
    # "MediCal" and "Medical Assistance" share a branch: the longer term still wins (a trie keyed by
    # case once stopped at "Medical")
    import regex

    from deid.rules import REGEX_FLAGS, trie_regex

    pattern = regex.compile(rf"(?:{trie_regex(['MediCal', 'Medical Assistance', '=ACT'])})(?!\w)", REGEX_FLAGS)
    assert [m.group() for m in pattern.finditer("Medical Assistance, MediCal, act, ACT")] == [
        "Medical Assistance", "MediCal", "ACT"]


def test_a_rule_set_serves_two_linters(linter):
    """Building an engine leaves the rules as they were: a second linter on the same rule set finds the same."""
    from deid.linter import Linter

    draft = "Her cell is 541-555-0188 and she lives in Bend."
    again = Linter(rules=linter.rules)
    assert [(f.code, f.text) for f in again.lint(draft).findings] == [(f.code, f.text) for f in linter.lint(draft).findings]
