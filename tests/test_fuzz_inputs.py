"""Property-based fuzzing of what a user hands factcheck besides documents: bytes, rule files, settings.

Whatever the bytes, reading them gives text or a one-line FactcheckError
naming the file; never another exception (which the CLI would report as a
bug in factcheck). See tests/test_fuzz.py for the profiles.
"""
from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import test_fuzz  # noqa: F401  (registers and loads the Hypothesis profiles)
from factcheck.builtin.loader import decode
from factcheck.checker import Checker
from factcheck.config import Config, load_config_file
from factcheck.errors import ConfigError, InputError, RuleError
from factcheck.rules import load_rule_file

YAML_TOKENS = [
    "id:", "kind:", "message:", "severity:", "description:", "params:", "pattern:", "ignore_case:", "timeout:",
    "classes:", "anchors:", "descriptors:", "words:", "max_ratio:", "slack:", " pattern", " change-descriptor",
    " figure-conflict", " error", " warning", " info", " true", " null", " ~", " .nan", " .inf", " -1", " 1e999",
    " 0x10", " '{match}'", ' "{match:>9}"', " '{x.y}'", " '(('", " '(a|aa)+$'", " [", " ]", " {", " }", ",", "-",
    "- ", "&a", "*a", "!!str", "!!python/object:os.system", "!!binary", "? ", ": ", "|", ">", "---", "...", "#",
    "%YAML 1.1", "%TAG", "\t", "\n", "\n  ", "\n    ", "'", '"', "\\", "\ufeff", "\x00", "\x85", "\u2028",
]


@st.composite
def yaml_texts(draw: st.DrawFn) -> str:
    """Text that looks like a rule file, often broken: keys, values, indentation, anchors and tags."""
    return "".join(draw(st.lists(st.one_of(st.sampled_from(YAML_TOKENS), st.text(max_size=4)), max_size=40)))


@functools.cache
def kinds():
    """The check kinds the built-in plugins register."""
    return Checker(Config()).kinds


@pytest.fixture(autouse=True, scope="module")
def warm_kinds() -> None:
    """Register the kinds before any example runs, so that no example's deadline pays for it."""
    kinds()


@given(st.binary(max_size=300))
def test_decoding_any_bytes_gives_text_or_an_input_error(raw):
    try:
        text = decode(raw, "doc.txt")
    except InputError as err:
        assert str(err).startswith("doc.txt: ")
    else:
        assert isinstance(text, str) and not text.startswith("\ufeff")


@given(st.one_of(yaml_texts(), st.binary(max_size=200)))
def test_any_rule_file_loads_or_gives_a_rule_error(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("rules") / "house.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    try:
        rules = load_rule_file(path, kinds())
    except RuleError as err:
        assert str(err).startswith(f"{path}") and "\n" not in str(err), str(err)
    else:
        assert all(rule.source == str(path) for rule in rules)


@pytest.mark.parametrize("name", ["factcheck.yaml", "pyproject.toml"])
@given(content=st.one_of(yaml_texts(), st.text(max_size=100), st.binary(max_size=100)))
def test_any_settings_file_loads_or_gives_a_config_error(tmp_path_factory, name, content):
    path = tmp_path_factory.mktemp("config") / name
    if name == "pyproject.toml" and isinstance(content, str):
        content = "[tool.factcheck]\n" + content
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    try:
        config = load_config_file(path)
    except ConfigError as err:
        assert str(err).startswith(f"{path}") and "\n" not in str(err), str(err)
    else:
        assert isinstance(config, Config)
