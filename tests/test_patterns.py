"""Built-in patterns compile with re where re reads them the same way, else with regex."""
import re

import pytest
import regex

from factcheck import patterns

TEXT = "Kms 12km, the 9,600-strong force; don't stop: xfoo -foo foo ÉTÉ été 44.6C"


@pytest.mark.parametrize("pattern, flags, engine", [
    (r"(?i)(?<![\p{L}])(?:km|force)(?![\p{L}\d])", 0, "re"),
    (r"[\p{L}\d-]+", 0, "re"),
    (r"(?<![\p{L}\d-])foo", 0, "re"),
    (r"\p{L}[\p{L}']*", regex.IGNORECASE, "re"),
    (r"[^\p{L}]\d", 0, "regex"),
    (r"(?r)\bfoo\s*", 0, "regex"),
    (r"(?<=xf|-)oo", 0, "regex"),
    (r"\p{Lu}\p{Ll}+", 0, "regex"),
    (r"[[:alpha:]]+", 0, "regex"),
])
def test_each_pattern_matches_exactly_as_regex_does(pattern, flags, engine):
    compiled = patterns.compile(pattern, flags)
    assert isinstance(compiled.compiled, re.Pattern) == (engine == "re")
    expected = [m.span() for m in regex.compile(pattern, flags).finditer(TEXT)]
    assert [m.span() for m in compiled.finditer(TEXT)] == expected and expected


def test_compiling_twice_returns_the_same_object():
    assert patterns.compile(r"\d+") is patterns.compile(r"\d+")


def test_a_pattern_compiles_only_when_first_used():
    patterns.compile_now.cache_clear()
    lazy = patterns.compile(r"(?i)never\s+used\s+before")
    assert patterns.compile_now.cache_info().currsize == 0
    assert lazy.search("It was NEVER used  before.").group() == "NEVER used  before"
    assert patterns.compile_now.cache_info().currsize == 1 and lazy.pattern == r"(?i)never\s+used\s+before"
