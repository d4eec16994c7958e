"""Bad input end to end: one clear line naming the file and what is wrong, the right exit code, no traceback.

Each case runs the command line in-process (``run_cli``) unless it could
hang, in which case it runs as a separate process with a time limit.
"""
from __future__ import annotations

import codecs
import os
import time
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED

CLEAN = "The council approved 40 new homes on Tuesday.\n"


def one_error_line(result) -> str:
    """The single line a failed run wrote to standard error, after checking there is just one.

    ``result`` is a ``run_cli`` result or a finished ``subprocess.run``.
    """
    err = result.err if hasattr(result, "err") else result.stderr
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_named_pipe_in_a_folder_is_passed_over_not_waited_on(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(CLEAN)
    os.mkfifo(docs / "pipe.txt")
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", "--format", "json", "docs"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert '"path": "docs/a.txt"' in done.stdout and "pipe.txt" not in done.stdout + done.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_read_only_up_to_the_limit(run_cli, monkeypatch):
    monkeypatch.setenv("FACTCHECK_MAX_FILE_MIB", "1")
    result = run_cli("check", "/dev/zero", str(SEED))
    assert result.code == 2
    assert one_error_line(result) == ("factcheck: error: /dev/zero: file is more than 1 MiB; the limit is 1 MiB "
                                      "(set FACTCHECK_MAX_FILE_MIB to raise it)")


def test_a_broken_link_in_a_folder_is_named_and_the_rest_is_checked(run_cli, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(CLEAN)
    (docs / "b.txt").symlink_to(tmp_path / "gone.txt")
    result = run_cli("check", "--format", "json", "docs")
    assert result.code == 0
    assert one_error_line(result) == \
        f"factcheck: warning: {Path('docs/b.txt')}: cannot read file: No such file or directory; skipped"
    assert [f["path"] for f in result.json()["files"]] == [str(Path("docs/a.txt"))]


@pytest.mark.parametrize("args, line", [
    (("check", "--config", "folder", "a.txt"),
     "folder: is a folder; give a factcheck.yaml or pyproject.toml file"),
    (("check", "--output", "missing/report.json", "a.txt"), "missing/report.json: cannot write the report: no such folder"),
    (("check", "--output", "a.txt/report.json", "a.txt"),
     "a.txt/report.json: cannot write the report: a.txt is a file, not a folder"),
    (("check", "--output", "folder", "a.txt"), "folder: cannot write the report: this is a folder"),
    (("check", "--write-baseline", "folder", "a.txt"), "folder: cannot write the baseline: this is a folder"),
    (("check", "--write-baseline", "a.txt", "a.txt"),
     "a.txt: is one of the files being checked; refusing to overwrite it with the baseline"),
    (("check", "--baseline", "folder", "a.txt"), "folder: cannot read baseline file: Is a directory"),
    (("check", "--cache", "a.txt", "a.txt"), "a.txt: cannot use as the cache folder: it is a file"),
    (("check", "--plugins", "a.txt", "a.txt"),
     "a.txt: no such plugin file or folder (expected a .py file or a folder)"),
    (("extract", "folder"), "no files with the suffixes .txt, .md, .markdown, .html under folder"),
])
def test_a_folder_where_a_file_is_expected_and_the_reverse_get_one_clear_line(run_cli, tmp_path, args, line):
    (tmp_path / "a.txt").write_text(CLEAN)
    (tmp_path / "folder").mkdir()
    result = run_cli(*args)
    assert result.code == 2
    assert one_error_line(result) == f"factcheck: error: {line}"
    assert (tmp_path / "a.txt").read_text() == CLEAN, "an input is never modified"


PLUGINS = {
    "at-import": 'raise RuntimeError("boom at import")\n',
    "syntax": "def broken(:\n",
    "loader": ("from factcheck import hookimpl\n@hookimpl\ndef factcheck_load_document(path, config):\n"
               "    raise OSError('loader broke')\n"),
    "extract": ("from factcheck import hookimpl\n@hookimpl\ndef factcheck_extract(document, units):\n"
                "    raise ValueError('bad extract')\n"),
    "kinds": "from factcheck import hookimpl\n@hookimpl\ndef factcheck_check_kinds():\n    raise ValueError('bad kinds')\n",
    "exit-at-import": "import sys\nsys.exit(3)\n",
    "formatter": ("from factcheck import hookimpl\nclass Broken:\n    def write(self, reports, out, run):\n"
                  "        raise ValueError('formatter broke')\n"
                  "@hookimpl\ndef factcheck_formatters():\n    return {'broken': Broken()}\n"),
}


def write_plugin(folder: Path, name: str) -> str:
    (folder / f"{name}.py").write_text(PLUGINS[name])
    return f"{name}.py"


@pytest.mark.parametrize("name, line", [
    ("at-import", "at-import.py: plugin failed to import: RuntimeError: boom at import"),
    ("syntax", "syntax.py: plugin failed to import (line 1): SyntaxError: "),  # the rest varies by Python
    ("kinds", "factcheck_check_kinds failed in plugin kinds.py: ValueError: bad kinds"),
    ("exit-at-import", "exit-at-import.py: plugin failed to import: SystemExit: 3"),
])
def test_a_plugin_that_cannot_start_stops_the_run_with_one_line(run_cli, tmp_path, name, line):
    (tmp_path / "a.txt").write_text(CLEAN)
    result = run_cli("check", "--plugins", write_plugin(tmp_path, name), "a.txt")
    assert result.code == 2 and result.out == ""
    assert one_error_line(result).startswith(f"factcheck: error: {line}")


def test_a_loader_plugin_that_raises_is_an_internal_error_and_the_run_goes_on(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN)
    result = run_cli("check", "--format", "json", "--plugins", write_plugin(tmp_path, "loader"), "a.txt", str(SEED))
    assert result.code == 1 and result.err == ""
    first, second = result.json()["files"]
    assert [f["message"] for f in first["findings"]] == [
        "loading the document failed in plugin loader.py (factcheck_load_document): OSError: loader broke"]
    assert first["findings"][0]["rule"] == "internal-error" and second["findings"][0]["rule"] == "internal-error"


@pytest.mark.parametrize("name, line", [
    ("loader", "a.txt: loading the document failed in plugin loader.py (factcheck_load_document): "
               "OSError: loader broke"),
    ("extract", "a.txt: extraction failed in plugin extract.py (factcheck_extract): ValueError: bad extract"),
])
def test_extract_names_a_plugin_that_raised_instead_of_leaving_its_mentions_out(run_cli, tmp_path, name, line):
    (tmp_path / "a.txt").write_text(CLEAN)
    result = run_cli("extract", "--plugins", write_plugin(tmp_path, name), "a.txt")
    assert result.code == 2
    assert one_error_line(result) == f"factcheck: error: {line}"


def test_a_formatter_plugin_that_raises_is_named_not_taken_for_a_bug_in_factcheck(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN)
    result = run_cli("check", "--plugins", write_plugin(tmp_path, "formatter"), "--format", "broken", "a.txt")
    assert result.code == 2
    assert one_error_line(result) == "factcheck: error: format 'broken' failed in plugin formatter.py: " \
                                     "ValueError: formatter broke"


RULE = "id: house\nkind: pattern\nmessage: {message}\nparams: {{pattern: 'per cent'{extra}}}\n"


@pytest.mark.parametrize("content, line", [
    (RULE.format(message="'{match:>99999999999}'", extra=""),
     "house.yaml:3: 'message': bad message template: a width or precision over 200 in {match:>99999999999}"),
    (RULE.format(message="'{match.__class__}'", extra=""),
     "house.yaml:3: 'message': bad message template: placeholder {match.__class__} must be a plain name"),
    (RULE.format(message="'{match[0]}'", extra=""),
     "house.yaml:3: 'message': bad message template: placeholder {match[0]} must be a plain name"),
    (RULE.format(message="'{match!z}'", extra=""),
     "house.yaml:3: 'message': bad message template: unknown conversion !z in {match}"),
    (RULE.format(message="'{match:{match}}'", extra=""),
     "house.yaml:3: 'message': bad message template: nested placeholder in the format of {match}"),
    (RULE.format(message="m", extra=", timeout: .nan"), "house.yaml:4: 'params.timeout': must be a finite number, not nan"),
    ("id: house\nkind: pattern\nmessage: m\ndescription: '" + "x" * 10_000_000 + "'\n",
     "house.yaml: rule file is 10,000,051 bytes; the limit is 1,000,000"),
    ("[" * 100_000 + "]" * 100_000, "house.yaml:1: not valid YAML: exceeded maximum nesting depth"),
    ("!!python/object/apply:os.system ['echo pwned']\n",
     "house.yaml:1: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed in rule files"),
])
def test_a_hostile_rule_file_is_refused_with_one_line_before_anything_runs(run_cli, tmp_path, content, line):
    (tmp_path / "house.yaml").write_text(content)
    (tmp_path / "a.txt").write_text("Prices rose 4 per cent.\n")
    result = run_cli("check", "--rules", "house.yaml", "a.txt")
    assert result.code == 2 and result.out == ""
    assert one_error_line(result) == f"factcheck: error: {line}"


def test_a_rule_folder_named_like_a_rule_file_is_read_as_a_folder(run_cli, tmp_path):
    (tmp_path / "rules.yaml").mkdir()
    (tmp_path / "rules.yaml" / "house.yaml").write_text(RULE.format(message="'{match}'", extra=""))
    (tmp_path / "a.txt").write_text("Prices rose 4 per cent.\n")
    result = run_cli("check", "--rules", "rules.yaml", "--format", "json", "a.txt")
    assert [f["rule"] for f in result.json()["files"][0]["findings"]] == ["house"]


MISBEHAVING = {
    "loader": "def factcheck_load_document(path, config):\n    return 'not a document'\n",
    "extract": "def factcheck_extract(document, units):\n    return [5]\n",
    "extract-span": ("from factcheck.model import Quantity, Span\n"
                     "def factcheck_extract(document, units):\n    return [Quantity(Span(0, 10**6), 'x', 1.0)]\n"),
    "modify": "def factcheck_modify_findings(document, findings, config):\n    findings.append('not a finding')\n",
    "exit": "def factcheck_extract(document, units):\n    raise SystemExit(0)\n",
    "generator-exit": "def factcheck_relate(document, mentions):\n    raise GeneratorExit('x')\n",
}


@pytest.mark.parametrize("name, message", [
    ("loader", "loading the document failed in plugin misbehaving.py (factcheck_load_document): "
               "TypeError: returned str, not a Document"),
    ("extract", "extraction failed in plugin misbehaving.py (factcheck_extract): "
                "TypeError: returned int 5, not a Quantity or Date"),
    ("extract-span", "extraction failed in plugin misbehaving.py (factcheck_extract): ValueError: returned a mention at "
                     "Span(start=0, end=1000000), outside the text of 46 characters"),
    ("modify", "modifying findings failed in plugin misbehaving.py (factcheck_modify_findings): "
               "TypeError: left str 'not a finding' among the findings"),
    # sys.exit() in a plugin must not end the run quietly with exit code 0 and no report
    ("exit", "extraction failed in plugin misbehaving.py (factcheck_extract): SystemExit: 0"),
    ("generator-exit", "relating mentions failed in plugin misbehaving.py (factcheck_relate): GeneratorExit: x"),
])
def test_a_plugin_returning_the_wrong_thing_is_an_internal_error_naming_it(run_cli, tmp_path, name, message):
    (tmp_path / "a.txt").write_text(CLEAN)
    (tmp_path / "misbehaving.py").write_text("from factcheck import hookimpl\n"
                                             + MISBEHAVING[name].replace("def ", "@hookimpl\ndef ", 1))
    result = run_cli("check", "--format", "json", "--plugins", "misbehaving.py", "a.txt")
    assert result.code == 1 and "Traceback" not in result.err
    [finding] = result.json()["files"][0]["findings"]
    assert (finding["rule"], finding["message"]) == ("internal-error", message)


def test_a_kind_returning_a_finding_outside_the_text_is_an_internal_error(make_checker, tmp_path):
    from factcheck import hookimpl
    from factcheck.model import Span

    class Wild:
        fields = frozenset()

        def parse_params(self, params):
            return None

        def check(self, context, rule):
            yield rule.finding(Span(0, 10**6))

    class Plugin:
        @hookimpl
        def factcheck_check_kinds(self):
            return {"wild": Wild()}

    (tmp_path / "wild.yaml").write_text("id: wild\nkind: wild\nmessage: m\n")
    report = make_checker(plugins=[Plugin()], rules=(tmp_path / "wild.yaml",)).check_text(CLEAN)
    [failure] = [f for f in report.findings if f.rule == "internal-error"]
    assert failure.message.startswith("rule wild (") and failure.message.endswith(
        "ValueError: returned a finding at Span(start=0, end=1000000), outside the text of 46 characters")
    assert not [f for f in report.findings if f.rule == "wild"]


def test_an_unreadable_file_in_a_folder_is_named_and_the_rest_is_checked(run_cli, tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(CLEAN)
    (docs / "locked.txt").write_text(CLEAN)
    real_open = Path.open

    def open_unless_locked(self, *args, **kwargs):
        if self.name == "locked.txt":  # chmod 000 does not stop root, who may run the tests
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_unless_locked)
    result = run_cli("check", "--format", "json", "docs")
    assert result.code == 0
    assert one_error_line(result) == \
        f"factcheck: warning: {Path('docs/locked.txt')}: cannot read file: Permission denied; skipped"
    assert [f["path"] for f in result.json()["files"]] == [str(Path("docs/a.txt"))]
    named = run_cli("check", "--format", "json", "docs/locked.txt", "docs/a.txt")
    assert named.code == 2, "a file named on the command line that cannot be read is an error"
    assert one_error_line(named) == f"factcheck: error: {Path('docs/locked.txt')}: cannot read file: Permission denied"


@pytest.mark.parametrize("command", ["check", "extract"])
@pytest.mark.parametrize("content, line", [
    (b"\x89PNG\r\n\x1a\n\0\0\0IHDR", "binary file (it contains NUL bytes), not text"),
    (b"caf\xe9 prices rose 5%\n", "not UTF-8 text: byte 0xe9 at offset 3 (line 1, column 4) cannot be decoded "
     "(save the file as UTF-8)"),
])
def test_binary_and_non_utf8_input_from_a_file_or_stdin_get_one_line(run_cli, tmp_path, command, content, line):
    (tmp_path / "bad.txt").write_bytes(content)
    from_file = run_cli(command, "bad.txt")
    assert from_file.code == 2 and one_error_line(from_file) == f"factcheck: error: bad.txt: {line}"
    from_stdin = run_cli(command, "-", stdin=content)
    assert from_stdin.code == 2 and one_error_line(from_stdin) == f"factcheck: error: <stdin>: {line}"
    assert (tmp_path / "bad.txt").read_bytes() == content


@pytest.mark.parametrize("content", ["", "\ufeff", " \n\t\n"])
def test_an_empty_file_is_noted_not_an_error(run_cli, tmp_path, content):
    (tmp_path / "empty.md").write_text(content, encoding="utf-8")
    result = run_cli("check", "empty.md")
    assert result.code == 0
    assert one_error_line(result) == "factcheck: note: empty.md: empty file, nothing to check"
    assert run_cli("extract", "--format", "json", "empty.md").json()["files"][0]["quantities"] == []


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_control_characters_in_a_document_never_reach_the_terminal(run_cli, tmp_path, fmt):
    hostile = "Sales rose slightly \x1b[2J\x1b]0;pwned\x07\u202e, from 100 to 400 units.\n"
    (tmp_path / "a\x1bb.txt").write_text(hostile)
    result = run_cli("check", "--format", fmt, "--color", "never", "--fail-on", "never", "a\x1bb.txt")
    assert result.code == 0 and "change-descriptor" in result.out
    assert not set(result.out) & {"\x1b", "\x07", "\u202e"}, result.out
    if fmt == "text":
        line, carets = result.out.splitlines()[1:3]
        assert line.index("slightly") == carets.index("^"), "one mark per hidden character keeps the caret in place"


def test_a_control_character_in_a_rule_file_is_one_line_with_its_line(run_cli, tmp_path):
    (tmp_path / "house.yaml").write_bytes(b"id: house\nkind: pattern\nmessage: m\x00\n")
    (tmp_path / "a.txt").write_text(CLEAN)
    result = run_cli("check", "--rules", "house.yaml", "a.txt")
    assert result.code == 2
    assert one_error_line(result) == ("factcheck: error: house.yaml:3: not valid YAML: "
                                      "character '\\x00' is not allowed in YAML")


@pytest.mark.parametrize("content, line", [
    (b"fail_on: error\x00\n", "factcheck.yaml:1: not valid YAML: character '\\x00' is not allowed in YAML"),
    (b"5: x\n", "factcheck.yaml: a setting name must be a word, not 5"),
    (b"&aid:\n", "factcheck.yaml: a setting name must be a word, not None"),
    (b"fail_on: caf\xe9\n", "factcheck.yaml: cannot read configuration: not UTF-8 text (byte 12)"),
])
def test_a_broken_settings_file_is_one_line(run_cli, tmp_path, content, line):
    (tmp_path / "factcheck.yaml").write_bytes(content)
    (tmp_path / "a.txt").write_text(CLEAN)
    result = run_cli("check", "a.txt")
    assert result.code == 2
    assert one_error_line(result) == f"factcheck: error: {tmp_path / line}"


def test_endless_standard_input_is_read_only_up_to_the_limit(run_cli, monkeypatch):
    from factcheck.builtin import loader

    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 1 << 20)  # the default limit, when the variable is not set
    monkeypatch.delenv("FACTCHECK_MAX_FILE_MIB", raising=False)
    result = run_cli("check", "-", stdin=b"Sales rose 5%.\n" * 100_000)
    assert result.code == 2
    assert one_error_line(result) == ("factcheck: error: <stdin>: file is more than 1 MiB; the limit is 1 MiB "
                                      "(set FACTCHECK_MAX_FILE_MIB to raise it)")


@pytest.mark.parametrize("damage", [
    "[" * 100_000,                                                               # nested past the recursion limit
    '{"findings": [{"rule": "x", "severity": "error", "message": "m", "span": [0, 999999], "related": []}]}',
])
def test_a_hostile_cache_entry_counts_as_missing(make_checker, tmp_path, damage):
    (tmp_path / "a.txt").write_text("Sales rose slightly, from 100 to 400 units.\n")
    cache = tmp_path / "cache"
    checker = make_checker()
    check = checker.file_checker(cache)
    first = check(str(tmp_path / "a.txt"))
    for entry in cache.rglob("*.json"):
        entry.write_text(damage)
    second = check(str(tmp_path / "a.txt"))
    assert first.findings == second.findings and first.findings


def test_a_baseline_nested_past_the_recursion_limit_is_one_line(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN)
    (tmp_path / "baseline.json").write_text("[" * 100_000)
    result = run_cli("check", "--baseline", "baseline.json", "a.txt")
    assert result.code == 2
    assert one_error_line(result) == "factcheck: error: baseline.json: baseline file is nested too deeply to be a baseline"


# ---------------------------------------------------------------- issue 7: every row through the real CLI

SEED_LIKE = ('The mission will increase from 500 personnel to around 4,000, and the increases '
             'would be "incremental."\n')
KIND_NAMES = "change-arithmetic, change-descriptor, date-mismatch, figure-conflict, pattern, share-range, " \
             "sum-mismatch, unit-conversion"


@pytest.mark.parametrize("command", ["check", "extract"])
def test_a_folder_with_no_documents_is_exit_2_naming_it(run_cli, tmp_path, command):
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "notes.rst").write_text(CLEAN)
    result = run_cli(command, "folder")
    assert result.code == 2 and result.out == ""
    assert one_error_line(result) == \
        "factcheck: error: no files with the suffixes .txt, .md, .markdown, .html under folder"


@pytest.mark.parametrize("content, line", [
    ("id: house\nkind: patern\nmessage: m\n",
     f"house.yaml:2: 'kind': unknown check kind 'patern' (registered kinds: {KIND_NAMES})"),
    ("kind: pattern\nmessage: m\nparams: {pattern: x}\n",
     "house.yaml:1: missing required key 'id' (a rule needs id, kind, message)"),
    ("id: house\nkind: pattern\nmessage: m\nseverity: fatal\nparams: {pattern: x}\n",
     "house.yaml:4: 'severity': must be error, warning or info, not 'fatal'"),
    ("id: house\nkind: pattern\nmessage: m\nparams:\n  pattern: x\n  flags: i\n",
     "house.yaml:6: 'params.flags': unknown parameter (allowed: ignore_case, pattern, timeout)"),
    ("id: house\nkind: pattern\nmessage: m\nparams:\n  pattern: x\n  ignore_case: maybe\n",
     "house.yaml:6: 'params.ignore_case': must be true or false"),
    ("id: house\nkind: pattern\nmessage: m\nparams:\n  pattern: x\n  timeout: 600\n",
     "house.yaml:6: 'params.timeout': must be at most 60"),
    ("id: house\nkind: pattern\nmessage: m\ncolour: red\nparams: {pattern: x}\n",
     "house.yaml:4: 'colour': unknown key (allowed: id, kind, message, severity, description, params)"),
    ("- {id: house, kind: pattern, message: m, params: {pattern: a}}\n"
     "- {id: house, kind: pattern, message: m, params: {pattern: b}}\n",
     "house.yaml:2: 'id': rule id 'house' defined twice in this file"),
])
def test_a_rule_file_mistake_names_file_line_and_key_and_the_valid_choices(run_cli, tmp_path, content, line):
    (tmp_path / "house.yaml").write_text(content)
    (tmp_path / "a.txt").write_text(CLEAN)
    result = run_cli("check", "--rules", "house.yaml", "a.txt")
    assert result.code == 2 and result.out == ""
    assert one_error_line(result) == f"factcheck: error: {line}"


@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.mkdir ['pwned']",
    "!!python/object/new:os.mkdir ['pwned']",
    "!!python/name:os.mkdir",
    "!!python/module:os",
])
@pytest.mark.parametrize("key", ["message", "params"])
def test_a_python_tag_in_a_rule_file_is_refused_and_nothing_runs(tmp_path, tag, key):
    rule = {"id": "house", "kind": "pattern", "message": "m", "params": "{pattern: x}"}
    rule[key] = tag
    (tmp_path / "house.yaml").write_text("".join(f"{k}: {v}\n" for k, v in rule.items()))
    (tmp_path / "a.txt").write_text(CLEAN)
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", "--rules", "house.yaml", "a.txt"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    line = one_error_line(done)
    assert line.startswith(f"factcheck: error: house.yaml:{3 if key == 'message' else 4}: '{key}': YAML tag ")
    assert line.endswith("is not allowed in rule files")
    assert not (tmp_path / "pwned").exists(), "the tag's code ran"


def test_a_python_tag_in_the_settings_file_is_refused_and_nothing_runs(tmp_path):
    (tmp_path / "factcheck.yaml").write_text("fail_on: !!python/object/apply:os.mkdir ['pwned']\n")
    (tmp_path / "a.txt").write_text(CLEAN)
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", "a.txt"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert one_error_line(done).startswith(f"factcheck: error: {tmp_path / 'factcheck.yaml'}:1: not valid YAML: ")
    assert not (tmp_path / "pwned").exists(), "the tag's code ran"


def test_billion_laughs_in_a_rule_file_is_refused_at_once(tmp_path):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    (tmp_path / "house.yaml").write_text("id: house\nkind: pattern\nmessage: m\nparams:\n  pattern: x\n"
                                         + "".join(f"  {line}\n" for line in lines))
    (tmp_path / "a.txt").write_text(CLEAN)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", "--rules", "house.yaml", "a.txt"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert time.monotonic() - started < 10, "a billion values were expanded, or nearly"
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        "factcheck: error: house.yaml:6: too large: more than 20000 values (anchors included)"]


def test_a_catastrophic_pattern_is_stopped_and_named_and_the_run_goes_on(run_cli, tmp_path):
    (tmp_path / "slow.yaml").write_text(
        "id: slow\nkind: pattern\nmessage: '{match}'\nparams:\n  pattern: '(a|aa)+$'\n  timeout: 0.2\n")
    (tmp_path / "a.txt").write_text(SEED_LIKE + "a" * 5000 + "!\n")
    (tmp_path / "b.txt").write_text(SEED_LIKE + "It ends in aa")
    started = time.monotonic()
    result = run_cli("check", "--format", "json", "--rules", "slow.yaml", "a.txt", "b.txt")
    assert time.monotonic() - started < 20
    assert result.code == 1 and result.err == ""
    first, second = result.json()["files"]
    assert [(f["rule"], f["severity"]) for f in first["findings"]] == [
        ("internal-error", "error"), ("change-descriptor", "warning")]
    assert first["findings"][0]["message"] == (
        "rule slow (slow.yaml) failed in plugin factcheck.builtin.kinds: PatternTimeout: the pattern took "
        "longer than 0.2 s on this document and was stopped; simplify it in slow.yaml")
    assert [f["rule"] for f in second["findings"]] == ["change-descriptor", "slow"]


FRAGILE_KIND = """\
from factcheck import hookimpl


class Fragile:
    fields = frozenset()

    def parse_params(self, params):
        return None

    def check(self, context, rule):
        if "boom" in context.document.text:
            raise ZeroDivisionError("division by zero")
        yield rule.finding(context.quantities[0].span)


@hookimpl
def factcheck_check_kinds():
    return {"fragile": Fragile()}
"""


def test_a_kind_that_raises_on_one_document_fails_that_document_and_rule_only(run_cli, tmp_path):
    (tmp_path / "fragile.py").write_text(FRAGILE_KIND)
    (tmp_path / "fragile.yaml").write_text("id: fragile\nkind: fragile\nmessage: counted\n")
    (tmp_path / "a.txt").write_text(SEED_LIKE)
    (tmp_path / "b.txt").write_text("boom. " + SEED_LIKE)
    (tmp_path / "c.txt").write_text(SEED_LIKE)
    result = run_cli("check", "--format", "json", "--plugins", "fragile.py", "--rules", "fragile.yaml",
                     "--jobs", "1", "a.txt", "b.txt", "c.txt")
    assert result.code == 1 and result.err == ""
    rules = {entry["path"]: [(f["rule"], f["message"]) for f in entry["findings"]]
             for entry in result.json()["files"]}
    descriptor = [f for f in rules["a.txt"] if f[0] == "change-descriptor"]
    assert rules["a.txt"] == rules["c.txt"] == [("fragile", "counted")] + descriptor
    assert rules["b.txt"] == [
        ("internal-error", "rule fragile (fragile.yaml) failed in plugin fragile.py: "
                           "ZeroDivisionError: division by zero")] + descriptor


TWO_PLUGINS = {
    "broken.py": """\
from factcheck import hookimpl


@hookimpl
def factcheck_extract(document, units):
    raise ValueError("bad extract")


@hookimpl
def factcheck_modify_findings(document, findings, config):
    raise KeyError("gone")
""",
    "good.py": """\
from factcheck import hookimpl
from factcheck.model import Finding, Quantity, Severity, Span


@hookimpl
def factcheck_extract(document, units):
    start = document.text.find("bananas")
    return [Quantity(Span(start, start + 7), "bananas", 1.0)] if start >= 0 else []


@hookimpl
def factcheck_modify_findings(document, findings, config):
    findings.append(Finding("good-plugin", Severity.INFO, "seen by good.py", Span(0, 3)))
""",
}


@pytest.mark.parametrize("order", [("broken.py", "good.py"), ("good.py", "broken.py")])
def test_a_hook_that_raises_is_named_and_the_other_plugins_results_still_count(run_cli, tmp_path, order):
    for name, code in TWO_PLUGINS.items():
        (tmp_path / name).write_text(code)
    (tmp_path / "a.txt").write_text(SEED_LIKE + "Some bananas.\n")
    plugins = [arg for name in order for arg in ("--plugins", name)]
    result = run_cli("check", "--format", "json", *plugins, "a.txt")
    assert result.code == 1 and result.err == ""
    found = sorted((f["rule"], f["message"]) for f in result.json()["files"][0]["findings"])
    assert [rule for rule, _ in found] == ["change-descriptor", "good-plugin", "internal-error", "internal-error"]
    assert found[2:] == [
        ("internal-error", "extraction failed in plugin broken.py (factcheck_extract): ValueError: bad extract"),
        ("internal-error", "modifying findings failed in plugin broken.py (factcheck_modify_findings): "
                           "KeyError: 'gone'")]
    extracted = run_cli("extract", "--format", "json", *plugins, "a.txt")
    assert extracted.code == 2
    assert one_error_line(extracted) == ("factcheck: error: a.txt: extraction failed in plugin broken.py "
                                         "(factcheck_extract): ValueError: bad extract")
    texts = [q["text"] for q in extracted.json()["files"][0]["quantities"]]
    assert "bananas" in texts and "around 4,000" in texts


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_file_with_a_byte_order_mark_is_decoded_and_its_offsets_count_characters(run_cli, tmp_path, encoding):
    raw = SEED_LIKE.encode(encoding)
    if encoding == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    (tmp_path / "a.txt").write_bytes(raw)
    for args in (("a.txt",), ("-",)):
        result = run_cli("check", "--format", "json", *args, stdin=raw)
        assert result.code == 1 and result.err == ""
        [finding] = result.json()["files"][0]["findings"]
        assert SEED_LIKE[finding["start"]:finding["end"]] == "incremental"
        assert finding["column"] == SEED_LIKE.index("incremental") + 1


@pytest.mark.parametrize("content, line", [
    (b"Prices fell 4\xa0per cent in M\xfcnchen.\n",
     "not UTF-8 text: byte 0xa0 at offset 13 (line 1, column 14) cannot be decoded (save the file as UTF-8)"),
    (codecs.BOM_UTF16_LE + "Prices".encode("utf-16-le") + b"\x00\xd8" + b"x",
     "starts with a UTF-16 byte order mark but is not UTF-16 text: the bytes at offset 14 cannot be decoded "
     "(unexpected end of data)"),
    (codecs.BOM_UTF16_LE + "NUL\0".encode("utf-16-le"), "binary file (it contains NUL characters), not UTF-16 text"),
    ("Prices rose 5%.\n".encode("utf-16-le"), "binary file (it contains NUL bytes), not text"),
])
def test_text_that_does_not_decode_is_one_line_naming_the_file_and_byte_offset(run_cli, tmp_path, content, line):
    (tmp_path / "bad.txt").write_bytes(content)
    result = run_cli("check", "bad.txt")
    assert result.code == 2 and one_error_line(result) == f"factcheck: error: bad.txt: {line}"


def test_a_file_over_the_size_limit_says_the_limit_and_how_to_raise_it(run_cli, tmp_path, monkeypatch):
    """The 100 MB row, at a lowered limit: bench/run.py's ``bigfile`` section runs the real 100 MB file."""
    (tmp_path / "big.txt").write_bytes(b"The sky was grey. " * 62_000)  # 1.1 MB, on one line
    (tmp_path / "a.txt").write_text(SEED_LIKE)
    monkeypatch.setenv("FACTCHECK_MAX_FILE_MIB", "1")
    result = run_cli("check", "--format", "json", "big.txt", "a.txt")
    assert result.code == 2
    assert one_error_line(result) == ("factcheck: error: big.txt: file is 1.1 MiB; the limit is 1 MiB "
                                      "(set FACTCHECK_MAX_FILE_MIB to raise it)")
    assert [f["path"] for f in result.json()["files"]] == ["a.txt"], "the other files are still checked"
    monkeypatch.setenv("FACTCHECK_MAX_FILE_MIB", "2")
    assert run_cli("check", "--format", "json", "big.txt").json()["summary"]["files"] == 1


@pytest.mark.parametrize("value", ["0", "-1", "lots", "1.5", "²"])
def test_a_bad_size_limit_in_the_environment_stops_the_run_with_one_line(run_cli, tmp_path, monkeypatch, value):
    (tmp_path / "a.txt").write_text(CLEAN)
    monkeypatch.setenv("FACTCHECK_MAX_FILE_MIB", value)
    result = run_cli("check", "a.txt")
    assert result.code == 2 and result.out == ""
    assert one_error_line(result) == \
        f"factcheck: error: 'FACTCHECK_MAX_FILE_MIB': must be a whole number of MiB, at least 1, not {value!r}"


def test_a_10_mb_document_on_one_line_finishes_in_bounded_time_and_memory(tmp_path):
    unit = SEED_LIKE.strip() + " " + "x" * 10_000  # a finding every 10 kB, and no line break anywhere
    (tmp_path / "one-line.txt").write_text((unit * (10_000_000 // len(unit) + 1))[:10_000_000])
    measure = ("import resource, subprocess, sys\n"
               "done = subprocess.run([sys.executable, '-m', 'factcheck', 'check', 'one-line.txt'],"
               " capture_output=True, text=True)\n"
               "sys.stdout.write(done.stdout + done.stderr)\n"
               "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", measure], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    elapsed = time.monotonic() - started
    *output, summary, status = done.stdout.splitlines()
    code, peak_kib = map(int, status.split())
    assert code == 1 and "Traceback" not in done.stdout + done.stderr
    assert summary == "990 findings (990 warnings) in 1 file."
    assert elapsed < 60, f"{elapsed:.0f} s: the text format read the whole line for each finding"
    assert peak_kib < 300 * 1024, f"peak RSS {peak_kib // 1024} MiB"
    assert max(map(len, output)) < 300, "a finding's excerpt is cut to the terminal, not the whole line"


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("command", ["check", "extract"])
def test_binary_files_and_link_loops_met_in_a_folder_are_skipped_with_a_warning(run_cli, tmp_path, jobs, command):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.txt").write_text(SEED_LIKE)
    (docs / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0IHDR")
    (docs / "loop.txt").symlink_to("loop.txt")            # a link to itself
    (docs / "sub" / "up.md").symlink_to("..")             # a folder link back up: never walked into
    (docs / "sub" / "z.txt").write_text(CLEAN)
    args = ("--jobs", jobs) if command == "check" else ()
    result = run_cli(command, "--format", "json", *args, "docs")
    assert result.code == (1 if command == "check" else 0)
    assert "Traceback" not in result.err
    assert result.err.splitlines() == [
        f"factcheck: warning: {Path('docs/image.md')}: binary file (it contains NUL bytes), not text; skipped",
        f"factcheck: warning: {Path('docs/loop.txt')}: cannot read file: Too many levels of symbolic links; skipped",
    ]
    assert [f["path"] for f in result.json()["files"]] == [str(Path("docs/a.txt")), str(Path("docs/sub/z.txt"))]
    named = run_cli(command, "--format", "json", "docs/image.md", "docs/a.txt")
    assert named.code == 2, "a binary file named on the command line is an error"
    assert one_error_line(named) == \
        f"factcheck: error: {Path('docs/image.md')}: binary file (it contains NUL bytes), not text"


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="sends Ctrl-C to a process group, as a POSIX terminal does")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_a_long_run_promptly_and_leaves_no_report_behind(tmp_path, jobs):
    import signal

    docs = tmp_path / "docs"
    docs.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(2000):
        (docs / f"{i:04d}.txt").write_text(text)
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    # A new session, so that the signal goes to factcheck and its workers as a terminal's Ctrl-C does, not to pytest.
    process = subprocess.Popen([sys.executable, "-m", "factcheck", "check", "--format", "json", "--jobs", jobs,
                                "--output", str(report), "docs"], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not list(report.parent.iterdir()):  # the temporary report appears once the run is under way
            assert process.poll() is None and time.monotonic() < deadline, "the run ended or never started"
            time.sleep(0.05)
        time.sleep(0.5)
        os.killpg(process.pid, signal.SIGINT)
        interrupted = time.monotonic()
        out, err = process.communicate(timeout=20)
        stopped_in = time.monotonic() - interrupted
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert stopped_in < 5, f"took {stopped_in:.1f} s to stop"
    assert (process.returncode, out, err) == (130, "", "factcheck: interrupted\n")
    assert list(report.parent.iterdir()) == [], "a partial report or its temporary file was left behind"


@pytest.mark.parametrize("command", ["check", "extract"])
def test_a_document_of_more_figures_than_the_limit_is_one_line_and_the_rest_goes_on(run_cli, tmp_path, monkeypatch,
                                                                                    command):
    """A page of nothing but figures keeps memory bounded by refusing it, with the limit and how to raise it."""
    (tmp_path / "figures.txt").write_text("1,234 " * 300)
    (tmp_path / "a.txt").write_text(SEED_LIKE)
    monkeypatch.setenv("FACTCHECK_MAX_FIGURES", "100")
    result = run_cli(command, "--format", "json", "figures.txt", "a.txt")
    assert result.code == 2
    assert one_error_line(result) == ("factcheck: error: figures.txt: holds 300 figures, more than the 100 factcheck "
                                      "reads in one document (split it, or set FACTCHECK_MAX_FIGURES to raise the "
                                      "limit)")
    assert [f["path"] for f in result.json()["files"]] == ["a.txt"], "the other files are still read"
    monkeypatch.setenv("FACTCHECK_MAX_FIGURES", "1000")
    assert run_cli(command, "--format", "json", "figures.txt").code in (0, 1)


def test_a_bad_figure_limit_in_the_environment_stops_the_run_with_one_line(run_cli, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(SEED_LIKE)
    monkeypatch.setenv("FACTCHECK_MAX_FIGURES", "lots")
    result = run_cli("check", "a.txt")
    assert result.code == 2
    assert one_error_line(result) == ("factcheck: error: 'FACTCHECK_MAX_FIGURES': must be a whole number, at least 1, "
                                      "not 'lots'")
