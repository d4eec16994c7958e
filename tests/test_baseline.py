"""Baselines from the command line: record today's findings, report only new ones later."""
from __future__ import annotations

import json
import os

import pytest

from ci_helpers import FLAGGED
from conftest import SEED

SECOND = "Exports grew modestly, from 20 to 90 units.\n"


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(FLAGGED, encoding="utf-8")
    return path


def test_write_baseline_records_findings_and_exits_zero(run_cli, doc, tmp_path):
    result = run_cli("check", "--write-baseline", "baseline.json", "doc.txt")
    assert result.code == 0
    assert "[change-descriptor]" in result.out
    assert result.err == "factcheck: wrote 1 accepted finding to baseline.json\n"
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert data["factcheck_baseline"] == 1
    [entry] = data["findings"]
    assert (entry["path"], entry["rule"], entry["text"]) == ("doc.txt", "change-descriptor", "slightly")
    assert doc.read_text(encoding="utf-8") == FLAGGED


def test_baseline_hides_recorded_findings_even_after_edits_elsewhere(run_cli, doc):
    run_cli("check", "--write-baseline", "baseline.json", "doc.txt")
    doc.write_text("A new opening paragraph, added later.\n\n" + FLAGGED, encoding="utf-8")
    result = run_cli("check", "--baseline", "baseline.json", "doc.txt")
    assert result.code == 0
    assert result.out == "No findings in 1 file.\n"


def test_baseline_reports_new_findings(run_cli, doc):
    run_cli("check", "--write-baseline", "baseline.json", "doc.txt")
    doc.write_text(FLAGGED + "\n" + SECOND, encoding="utf-8")
    result = run_cli("check", "--baseline", "baseline.json", "--format", "json", "doc.txt")
    assert result.code == 1
    [finding] = result.json()["files"][0]["findings"]
    assert finding["excerpt"].startswith("Exports grew modestly")
    assert finding["line"] == 3


def test_each_entry_absorbs_one_finding(run_cli, doc):
    run_cli("check", "--write-baseline", "baseline.json", "doc.txt")
    doc.write_text(FLAGGED + "\n" + FLAGGED, encoding="utf-8")
    result = run_cli("check", "--baseline", "baseline.json", "--format", "json", "doc.txt")
    assert result.code == 1
    assert [f["line"] for f in result.json()["files"][0]["findings"]] == [3]


def test_baseline_matches_from_another_folder(run_cli, doc, tmp_path):
    run_cli("check", "--write-baseline", "baseline.json", "doc.txt")
    sub = tmp_path / "sub"
    sub.mkdir()
    result = run_cli("check", "--baseline", "../baseline.json", "../doc.txt", cwd=sub)
    assert result.code == 0, result.out


def test_baseline_of_the_seed_matches_the_seed(run_cli, tmp_path):
    assert run_cli("check", "--write-baseline", "b.json", str(SEED)).code == 0
    assert run_cli("check", "--baseline", "b.json", str(SEED)).code == 0


@pytest.mark.parametrize("content, message", [
    ("{", "baseline file is not valid JSON: Expecting property name enclosed in double quotes (line 1)"),
    ('{"findings": []}', 'not a factcheck baseline file (expected an object with "factcheck_baseline": 1)'),
    ('{"factcheck_baseline": 1}', 'baseline file has no "findings" list'),
    ('{"factcheck_baseline": 1, "findings": [{"path": "a"}]}',
     'baseline entry 1 needs the strings "path", "rule" and "text"'),
    (b"\xff\xfe", "baseline file is not UTF-8 text"),
])
def test_bad_baseline_is_one_error_line(run_cli, doc, tmp_path, content, message):
    path = tmp_path / "baseline.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = run_cli("check", "--baseline", "baseline.json", "doc.txt")
    assert result.code == 2
    assert result.out == ""
    assert result.err == f"factcheck: error: baseline.json: {message}\n"


def test_missing_baseline_is_one_error_line(run_cli, doc):
    result = run_cli("check", "--baseline", "none.json", "doc.txt")
    assert (result.code, result.err) == (2, "factcheck: error: none.json: no such baseline file "
                                            "(write one with --write-baseline)\n")


def test_baseline_and_write_baseline_exclude_each_other(run_cli, doc, capsys):
    with pytest.raises(SystemExit) as stop:
        run_cli("check", "--baseline", "a.json", "--write-baseline", "b.json", "doc.txt")
    assert stop.value.code == 2
    assert "argument --write-baseline: not allowed with argument --baseline" in capsys.readouterr().err


def test_write_baseline_never_overwrites_an_input(run_cli, doc):
    result = run_cli("check", "--write-baseline", "doc.txt", "doc.txt")
    assert result.code == 2
    assert doc.read_text(encoding="utf-8") == FLAGGED


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_rewritten_baseline_keeps_its_mode(run_cli, doc, tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text('{"factcheck_baseline": 1, "findings": []}', encoding="utf-8")
    path.chmod(0o640)
    run_cli("check", "--write-baseline", "baseline.json", "doc.txt")
    assert path.stat().st_mode & 0o777 == 0o640


def test_write_baseline_into_a_missing_folder_fails_before_checking(run_cli, doc):
    result = run_cli("check", "--write-baseline", "nowhere/b.json", "doc.txt")
    assert result.code == 2
    assert result.out == ""
    assert result.err == "factcheck: error: nowhere/b.json: cannot write the baseline: no such folder\n"
