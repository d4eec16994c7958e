"""The command line end to end: formats, exit codes, inputs, errors."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED

CLEAN = "The council approved 40 new homes on Tuesday.\n"


def test_seed_gives_one_change_descriptor_finding_and_exit_1(run_cli):
    result = run_cli("check", str(SEED))
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith(f"{SEED}:60:131: warning [change-descriptor] 'incremental' does not fit the "
                               "change it describes: 500 personnel → around 4,000 is ×8.0; 'incremental' allows "
                               "a change of at most 25%")
    assert lines[2].strip() == "^" * len("incremental")
    assert "related 60:31: increase from 500 personnel to around 4,000" in lines[3]
    assert lines[-1] == "1 finding (1 warning) in 1 file."


def test_json_matches_the_output_contract(run_cli):
    result = run_cli("check", "--format", "json", str(SEED))
    data = result.json()
    assert data["tool"] == {"name": "factcheck", "version": "0.1.0"}
    assert data["summary"] == {"files": 1, "findings": 1, "error": 0, "warning": 1, "info": 0}
    [entry] = data["files"]
    assert entry["path"] == str(SEED)
    [finding] = entry["findings"]
    assert set(finding) == {"rule", "severity", "message", "start", "end", "line", "column", "end_line",
                            "end_column", "excerpt", "related"}
    text = SEED.read_text(encoding="utf-8")
    assert text[finding["start"]:finding["end"]] == "incremental"
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (60, 131, 60, 142)
    assert finding["excerpt"] == 'the increases would be "incremental."'
    [related] = finding["related"]
    assert text[related["start"]:related["end"]] == "increase from 500 personnel to around 4,000"
    assert set(related) == {"start", "end", "line", "column", "end_line", "end_column", "excerpt"}


def test_offsets_skip_a_byte_order_mark(run_cli, tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SEED.read_bytes())
    finding = run_cli("check", "--format", "json", str(path)).json()["files"][0]["findings"][0]
    assert finding["start"] == SEED.read_text(encoding="utf-8").index('incremental."')


def test_clean_document_exits_0(run_cli, tmp_path):
    (tmp_path / "clean.md").write_text(CLEAN)
    result = run_cli("check", "clean.md")
    assert result.code == 0 and result.out.strip() == "No findings in 1 file."


@pytest.mark.parametrize("fail_on, code", [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_sets_the_threshold(run_cli, fail_on, code):
    assert run_cli("check", "--fail-on", fail_on, str(SEED)).code == code


def test_fail_on_comes_from_the_config_file(run_cli, tmp_path):
    (tmp_path / "factcheck.yaml").write_text("fail_on: error\n")
    assert run_cli("check", str(SEED)).code == 0
    assert run_cli("check", "--no-config", str(SEED)).code == 1


def test_folders_are_walked_for_known_suffixes_in_order(run_cli, tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / ".git").mkdir()
    shutil.copy(SEED, docs / "sub" / "b.md")
    (docs / "a.txt").write_text(CLEAN)
    (docs / "notes.rst").write_text(CLEAN)
    (docs / ".git" / "x.txt").write_text(CLEAN)
    data = run_cli("check", "--format", "json", "docs").json()
    assert [f["path"] for f in data["files"]] == [str(Path("docs/a.txt")), str(Path("docs/sub/b.md"))]
    data = run_cli("check", "--format", "json", "--extensions", "rst", "docs").json()
    assert [f["path"] for f in data["files"]] == [str(Path("docs/notes.rst"))]


def test_stdin_is_read_for_dash(run_cli):
    result = run_cli("check", "--format", "json", "-", stdin=SEED.read_bytes())
    assert result.code == 1
    assert result.json()["files"][0]["path"] == "<stdin>"


@pytest.mark.parametrize("content, message", [
    (b"\x89PNG\r\n\x1a\n\0\0\0IHDR", "binary file (it contains NUL bytes), not text"),
    (b"caf\xe9 prices rose 5%\n",
     "not UTF-8 text: byte 0xe9 at offset 3 (line 1, column 4) cannot be decoded (save the file as UTF-8)"),
])
def test_unreadable_files_get_one_line_and_exit_2_while_others_are_checked(run_cli, tmp_path, content, message):
    (tmp_path / "bad.txt").write_bytes(content)
    shutil.copy(SEED, tmp_path / "good.txt")
    result = run_cli("check", "--format", "json", "bad.txt", "good.txt")
    assert result.code == 2
    assert result.err.strip().splitlines() == [f"factcheck: error: bad.txt: {message}"]
    assert [f["path"] for f in result.json()["files"]] == ["good.txt"]


def test_an_empty_file_is_noted_and_not_an_error(run_cli, tmp_path):
    (tmp_path / "empty.md").write_text("")
    result = run_cli("check", "empty.md")
    assert result.code == 0 and "empty.md: empty file, nothing to check" in result.err


def test_a_huge_file_is_refused(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_MAX_FILE_MIB", "1")
    (tmp_path / "big.txt").write_text("x" * (3 << 19))
    result = run_cli("check", "big.txt")
    assert result.code == 2 and "big.txt: file is 1.5 MiB; the limit is 1 MiB" in result.err


@pytest.mark.parametrize("args, words", [
    (("check", "missing.txt"), "missing.txt: no such file or folder"),
    (("check",), "give a file or folder to check"),
    (("check", "--select", "nope", "x"), "no rule with id 'nope'"),
    (("check", "--format", "yaml", "x"), "unknown format 'yaml'"),
    (("check", "--rules", "missing.yaml", "x"), "missing.yaml: no such rule file or folder"),
    (("explain", "figure-conflikt"), "did you mean figure-conflict"),
])
def test_usage_and_configuration_errors_exit_2_with_one_line(run_cli, tmp_path, args, words):
    (tmp_path / "x").write_text(CLEAN)
    result = run_cli(*args)
    assert result.code == 2
    assert words in result.err and len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err


def test_a_malformed_rule_file_names_file_line_and_key(run_cli, tmp_path):
    (tmp_path / "house.yaml").write_text("id: house\nkind: pattern\nmessage: m\nparams:\n  pattern: '(('\n")
    result = run_cli("check", "--rules", "house.yaml", str(SEED))
    assert result.code == 2
    assert result.err.startswith("factcheck: error: house.yaml:5: 'params.pattern': not a valid regular expression")


def test_a_house_style_pattern_rule_from_the_command_line(run_cli, tmp_path):
    (tmp_path / "house.yaml").write_text(
        "id: per-cent\nkind: pattern\nseverity: info\nmessage: \"write 'percent', not '{match}'\"\n"
        "params: {pattern: 'per cent', ignore_case: true}\n")
    (tmp_path / "a.txt").write_text("Prices rose 4 Per Cent in May.\n")
    result = run_cli("check", "--rules", "house.yaml", "--format", "json", "a.txt")
    [finding] = result.json()["files"][0]["findings"]
    assert finding["message"] == "write 'percent', not 'Per Cent'" and finding["severity"] == "info"
    assert result.code == 0, "an info finding is below the default fail level (warning)"
    assert run_cli("check", "--rules", "house.yaml", "--fail-on", "info", "a.txt").code == 1


def test_extract_json_lists_seed_quantities_dates_and_changes(run_cli):
    data = run_cli("extract", "--format", "json", str(SEED)).json()
    [entry] = data["files"]
    quantities, dates = entry["quantities"], entry["dates"]
    texts = [q["text"] for q in quantities]
    strong = [q for q in quantities if q["text"] == "9,600-strong"]
    assert len(strong) == 2 and all(q["value"] == 9600 and "mission" in q["noun"] for q in strong)
    around = [q for q in quantities if q["text"] == "around 4,000"]
    assert len(around) == 3 and all(q["qualifier"] == "approx" and q["noun"] == "personnel" for q in around)
    assert sum(1 for q in quantities if q["value"] == 500) == 2
    [decades] = [q for q in quantities if q["text"] == "two decades"]
    assert (decades["value"], decades["unit"]) == (20, "year")
    [money] = [q for q in quantities if q["text"] == "hundreds of billions of dollars"]
    assert money["unit"] == "USD" and money["vague"] and money["value"] is None
    [days] = [q for q in quantities if q["text"] == "two-day"]
    assert (days["value"], days["unit"]) == (2, "day")
    date_texts = {d["text"] for d in dates}
    assert {"March 25, 2018", "May 1", "February 2020", "first of May"} <= date_texts
    assert not any(t in date_texts for t in texts)
    assert not any(q["text"] in ("2018", "2020", "25", "1") for q in quantities)
    change_pairs = {(quantities[c["from"]]["value"], quantities[c["to"]]["value"]) for c in entry["changes"]}
    assert change_pairs == {(500, 4000)}


def test_rules_lists_the_catalogue_and_explain_prints_the_description(run_cli):
    listing = run_cli("rules")
    assert listing.code == 0 and "change-descriptor" in listing.out and "figure-conflict" in listing.out
    explained = run_cli("explain", "change-descriptor")
    assert explained.code == 0 and "incremental" in explained.out and "Flagged:" in explained.out


def test_rules_json_marks_disabled_rules(run_cli):
    rows = run_cli("rules", "--format", "json").json()["rules"]
    assert {r["id"]: r["enabled"] for r in rows}["figure-conflict"] is True


def test_console_script_runs_as_a_separate_process():
    script = Path(sys.executable).with_name("factcheck")
    assert script.exists(), "install the package: pip install -e '.[test]'"
    done = subprocess.run([str(script), "check", str(SEED)], capture_output=True, text=True)
    assert done.returncode == 1 and "[change-descriptor]" in done.stdout
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", "nowhere.txt"], capture_output=True, text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr
