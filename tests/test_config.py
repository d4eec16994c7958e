"""Configuration discovery and validation."""

import pytest

from factcheck.config import Config, load_config, load_config_file
from factcheck.errors import ConfigError


def test_no_file_gives_defaults(tmp_path):
    assert load_config(tmp_path) == Config()


def test_factcheck_yaml_is_found_walking_up_and_paths_resolve_against_it(tmp_path):
    (tmp_path / "factcheck.yaml").write_text("rules: [house/]\nfail_on: error\nselect: [figure-conflict]\n")
    nested = tmp_path / "docs" / "2026"
    nested.mkdir(parents=True)
    config = load_config(nested)
    assert config.rules == (tmp_path / "house",)
    assert config.fail_on == "error" and config.select == ("figure-conflict",)
    assert config.source == tmp_path / "factcheck.yaml"


def test_pyproject_table_counts_only_when_present(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n")
    assert load_config(tmp_path) == Config()
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\nignore = ['figure-conflict']\n")
    assert load_config(tmp_path).ignore == ("figure-conflict",)


@pytest.mark.parametrize("text, key", [
    ("colour: red\n", "colour"),
    ("fail_on: sometimes\n", "fail_on"),
    ("rules: 5\n", "rules"),
])
def test_bad_settings_name_file_and_key(tmp_path, text, key):
    path = tmp_path / "factcheck.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config_file(path)
    assert info.value.key == key and info.value.path == str(path)


def test_malformed_yaml_and_toml_are_config_errors(tmp_path):
    (tmp_path / "factcheck.yaml").write_text("rules: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(tmp_path)
    other = tmp_path / "sub"
    other.mkdir()
    (other / "pyproject.toml").write_text("[tool.factcheck\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(other)


def test_overrides_ignore_none():
    config = Config(fail_on="error").with_overrides(fail_on=None, select=("a",))
    assert config.fail_on == "error" and config.select == ("a",)


@pytest.mark.parametrize("toml", [
    "[tool]\nfactcheck = { ignore = ['figure-conflict'] }\n",
    "tool.factcheck.ignore = ['figure-conflict']\n",
    "[tool . 'factcheck']\nignore = ['figure-conflict']\n",
])
def test_every_toml_spelling_of_the_table_is_read(tmp_path, toml):
    (tmp_path / "pyproject.toml").write_text(toml)
    assert load_config(tmp_path).ignore == ("figure-conflict",)


def test_a_pyproject_that_only_names_the_package_is_not_parsed(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'factcheck-docs'\n[tool.black\n")
    assert load_config(tmp_path) == Config()
