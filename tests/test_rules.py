"""Rule files are validated before anything runs; every error names file, line and key."""
from pathlib import Path

import pytest

from factcheck.builtin.kinds import factcheck_check_kinds
from factcheck.errors import RuleError
from factcheck.model import Severity
from factcheck.rules import load_rule_file, load_rules

KINDS = factcheck_check_kinds()


def write(tmp_path: Path, text: str, name: str = "rule.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> RuleError:
    with pytest.raises(RuleError) as info:
        load_rule_file(write(tmp_path, text), KINDS)
    return info.value


def test_a_valid_pattern_rule_loads_with_its_source_and_line(tmp_path):
    path = write(tmp_path, "# house style\nid: per-cent\nkind: pattern\nseverity: info\n"
                           "message: 'write percent, not {match}'\nparams: {pattern: 'per cent'}\n")
    [rule] = load_rule_file(path, KINDS)
    assert (rule.id, rule.kind, rule.severity, rule.line) == ("per-cent", "pattern", Severity.INFO, 2)
    assert rule.source == str(path)
    assert rule.options.compiled.pattern == "per cent"


def test_a_file_may_hold_a_list_of_rules(tmp_path):
    path = write(tmp_path, "- {id: a-rule, kind: pattern, message: m, params: {pattern: x}}\n"
                           "- {id: b-rule, kind: pattern, message: m, params: {pattern: y}}\n")
    assert [r.id for r in load_rule_file(path, KINDS)] == ["a-rule", "b-rule"]


@pytest.mark.parametrize("text, line, key, words", [
    ("kind: pattern\nmessage: m\n", 1, None, "missing required key 'id'"),
    ("id: x\nkind: nope\nmessage: m\n", 2, "kind", "unknown check kind 'nope'"),
    ("id: Bad_Id\nkind: pattern\nmessage: m\nparams: {pattern: x}\n", 1, "id", "lowercase words"),
    ("id: x\nkind: pattern\nseverity: fatal\nmessage: m\nparams: {pattern: x}\n", 3, "severity", "error, warning or info"),
    ("id: x\nkind: pattern\nmessage: m\nparams: {pattern: x}\ncolour: red\n", 5, "colour", "unknown key"),
    ("id: x\nkind: pattern\nmessage: '{nope}'\nparams: {pattern: x}\n", 3, "message", "unknown placeholder {nope}"),
    ("id: x\nkind: pattern\nmessage: m\nparams:\n  pattern: '(unclosed'\n", 5, "params.pattern", "not a valid regular"),
    ("id: x\nkind: pattern\nmessage: m\nparams:\n  pattern: x\n  ignore_case: maybe\n", 6, "params.ignore_case", "true or false"),
    ("id: internal-error\nkind: pattern\nmessage: m\nparams: {pattern: x}\n", 1, "id", "reserved"),
])
def test_each_problem_names_the_line_and_key(tmp_path, text, line, key, words):
    error = error_for(tmp_path, text)
    assert error.line == line and error.key == key
    assert words in error.message
    assert str(error).startswith(str(tmp_path / "rule.yaml"))


def test_change_descriptor_params_are_checked_by_its_kind(tmp_path):
    error = error_for(tmp_path, "id: x\nkind: change-descriptor\nmessage: m\nparams:\n  classes:\n"
                                "    small:\n      max_change: lots\n      words: [slight]\n")
    assert error.key == "params.classes.small.max_change" and error.line == 7


def test_unsafe_yaml_tags_are_refused(tmp_path):
    error = error_for(tmp_path, "id: x\nkind: pattern\nmessage: !!python/object/apply:os.system ['echo hi']\n")
    assert "not allowed" in error.message and error.line == 3


def test_billion_laughs_is_stopped_by_the_node_budget(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    text = "id: x\nkind: pattern\nmessage: m\nparams:\n" + "\n".join("  " + line for line in lines) + "\n"
    assert "too large" in error_for(tmp_path, text).message


def test_malformed_yaml_names_its_line(tmp_path):
    error = error_for(tmp_path, "id: x\nkind: [pattern\nmessage: m\n")
    assert "not valid YAML" in error.message and error.line is not None


def test_empty_binary_and_oversized_files_are_refused(tmp_path):
    assert "empty" in error_for(tmp_path, "").message
    path = tmp_path / "bin.yaml"
    path.write_bytes(b"id: \xff\xfe\n")
    with pytest.raises(RuleError, match="not UTF-8"):
        load_rule_file(path, KINDS)
    assert "limit" in error_for(tmp_path, "# " + "x" * 1_100_000).message


def test_a_later_file_replaces_a_rule_with_the_same_id(tmp_path):
    first = write(tmp_path, "id: x\nkind: pattern\nmessage: first\nparams: {pattern: a}\n", "1.yaml")
    second = write(tmp_path, "id: x\nkind: pattern\nmessage: second\nparams: {pattern: b}\n", "2.yaml")
    [rule] = load_rules([first, second], KINDS)
    assert rule.message == "second"


def test_same_id_twice_in_one_file_is_an_error(tmp_path):
    error = error_for(tmp_path, "- {id: x, kind: pattern, message: m, params: {pattern: a}}\n"
                                "- {id: x, kind: pattern, message: m, params: {pattern: b}}\n")
    assert "defined twice" in error.message


def test_a_missing_rule_path_is_an_error(tmp_path):
    with pytest.raises(RuleError, match="no such rule file"):
        load_rules([tmp_path / "missing.yaml"], KINDS)


def test_every_builtin_rule_file_is_valid():
    from factcheck.builtin.catalogue import builtin_rules_dir

    rules = load_rules([builtin_rules_dir()], KINDS)
    assert {"change-descriptor", "figure-conflict"} <= {r.id for r in rules}
