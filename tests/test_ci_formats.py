"""The CI formats (sarif, junit, github) end to end from the command line, validated by real parsers."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from ci_helpers import CLEAN, FLAGGED, write_crashing_plugin, write_rule
from conftest import REPO, SEED

SARIF_SCHEMA = REPO.parent / "shared" / "reference" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def sarif_validator():
    """A validator for the official SARIF 2.1.0 schema (the test skips where it is not at hand)."""
    jsonschema = pytest.importorskip("jsonschema")
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SARIF_SCHEMA}")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def assert_valid_sarif(validator, log: dict) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


# ------------------------------------------------------------------ sarif


def test_sarif_for_the_seed_is_valid_and_locates_the_claim(run_cli, sarif_validator):
    result = run_cli("check", "--format", "sarif", str(SEED))
    assert result.code == 1
    log = result.json()
    assert_valid_sarif(sarif_validator, log)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    [finding] = run["results"]
    assert finding["ruleId"] == "change-descriptor"
    descriptor = rules[finding["ruleIndex"]]
    assert descriptor["id"] == "change-descriptor"
    assert descriptor["shortDescription"]["text"].startswith("A word that sizes or directs a change")
    assert "Flagged:" in descriptor["help"]["text"]
    assert descriptor["defaultConfiguration"]["level"] == "warning"
    assert finding["level"] == "warning"
    assert "500 personnel → around 4,000 is ×8.0" in finding["message"]["text"]
    region = finding["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (60, 131, 60, 142)
    assert region["snippet"]["text"] == "incremental"
    assert SEED.read_text(encoding="utf-8")[region["charOffset"]:][:region["charLength"]] == "incremental"
    [related] = finding["relatedLocations"]
    assert related["physicalLocation"]["region"]["snippet"]["text"] == "increase from 500 personnel to around 4,000"
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_lists_every_rule_in_force_even_without_results(run_cli, tmp_path, sarif_validator):
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    result = run_cli("check", "--format", "sarif", "clean.txt")
    assert result.code == 0
    log = result.json()
    assert_valid_sarif(sarif_validator, log)
    assert log["runs"][0]["results"] == []
    ids = {rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {"change-descriptor", "figure-conflict"} <= ids


def test_sarif_describes_a_plugin_crash_as_an_error_result(run_cli, tmp_path, sarif_validator):
    plugin = write_crashing_plugin(tmp_path)
    (tmp_path / "doc.txt").write_text("This text makes the plugin crash.\n", encoding="utf-8")
    result = run_cli("check", "--format", "sarif", "--plugins", str(plugin), "doc.txt")
    log = result.json()
    assert_valid_sarif(sarif_validator, log)
    [crash] = log["runs"][0]["results"]
    assert crash["ruleId"] == "internal-error" and crash["level"] == "error"
    assert "boom" in crash["message"]["text"]
    assert log["runs"][0]["tool"]["driver"]["rules"][crash["ruleIndex"]]["id"] == "internal-error"


def test_sarif_fingerprint_ignores_edits_elsewhere(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(FLAGGED, encoding="utf-8")
    before = run_cli("check", "--format", "sarif", "a.txt").json()["runs"][0]["results"][0]
    (tmp_path / "a.txt").write_text("A new first paragraph.\n\n" + FLAGGED, encoding="utf-8")
    after = run_cli("check", "--format", "sarif", "a.txt").json()["runs"][0]["results"][0]
    assert before["partialFingerprints"] == after["partialFingerprints"]
    assert before["locations"] != after["locations"]


# ------------------------------------------------------------------ junit


def _junit(run_cli, *args: str) -> tuple[int, ET.Element]:
    result = run_cli("check", "--format", "junit", *args)
    assert result.out.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    return result.code, ET.fromstring(result.out.encode("utf-8"))


def test_junit_one_testcase_per_document_and_a_failure_per_flagged_one(run_cli, tmp_path):
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    code, root = _junit(run_cli, str(SEED), "clean.txt")
    assert code == 1
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {str(SEED), "clean.txt"}
    assert list(cases["clean.txt"]) == []
    failure = cases[str(SEED)].find("failure")
    assert failure.get("message") == "1 finding (1 warning) at or above warning"
    assert "[change-descriptor] 'incremental' does not fit" in failure.text
    assert 'the increases would be "incremental."' in failure.text
    assert "compared with 60:31: increase from 500 personnel to around 4,000" in failure.text


def test_junit_findings_below_the_fail_level_pass(run_cli, tmp_path):
    rules = write_rule(tmp_path, severity="info")
    (tmp_path / "doc.txt").write_text("Turnout was 60 per cent.\n", encoding="utf-8")
    code, root = _junit(run_cli, "--rules", str(rules), "doc.txt")
    assert code == 0
    case = root.find("testsuite/testcase")
    assert case.find("failure") is None
    assert "[per-cent]" in case.find("system-out").text


def test_junit_plugin_crash_is_an_error_not_a_failure(run_cli, tmp_path):
    plugin = write_crashing_plugin(tmp_path)
    (tmp_path / "doc.txt").write_text("This text makes the plugin crash.\n", encoding="utf-8")
    code, root = _junit(run_cli, "--plugins", str(plugin), "doc.txt")
    suite = root.find("testsuite")
    assert (suite.get("failures"), suite.get("errors")) == ("0", "1")
    error = suite.find("testcase/error")
    assert error.get("type") == "internal-error" and "boom" in error.get("message")


def test_junit_survives_characters_xml_cannot_hold(run_cli, tmp_path):
    rules = write_rule(tmp_path, severity="warning")
    (tmp_path / "doc.txt").write_text("Turnout\x0c was 60 per cent.\x01\n", encoding="utf-8")
    code, root = _junit(run_cli, "--rules", str(rules), "doc.txt")
    assert code == 1
    assert "[per-cent]" in root.find("testsuite/testcase/failure").text


# ------------------------------------------------------------------ github


def test_github_annotation_for_the_seed(run_cli):
    result = run_cli("check", "--format", "github", str(SEED))
    assert result.code == 1
    first, summary = result.out.splitlines()
    assert first.startswith(f"::warning file={SEED},line=60,col=131,endLine=60,endColumn=142,"
                            "title=factcheck change-descriptor::'incremental' does not fit the change")
    # "%" in the message is escaped; the related mention follows on an escaped new line.
    assert "at most 25%25 (" in first
    assert first.endswith("%0Acompared with line 60, column 31: increase from 500 personnel to around 4,000")
    assert summary == "1 finding (1 warning) in 1 file."


def test_github_escapes_properties_and_data(run_cli, tmp_path):
    rules = write_rule(tmp_path, severity="error")
    (tmp_path / "a,b:c.txt").write_text("Turnout was 60 per cent.\n", encoding="utf-8")
    result = run_cli("check", "--format", "github", "--rules", str(rules), "a,b:c.txt")
    line = result.out.splitlines()[0]
    assert line.startswith("::error file=a%2Cb%3Ac.txt,line=1,col=16,endLine=1,endColumn=24,"
                           "title=factcheck per-cent::")
    assert line.endswith("::write 'percent', not 'per cent': 100%25 house style, see: the book")
    assert result.code == 1


def test_github_multiline_claim_gives_no_columns(run_cli, tmp_path):
    rules = write_rule(tmp_path, severity="warning")
    (tmp_path / "doc.txt").write_text("Turnout was 60 per\ncent.\n", encoding="utf-8")
    rule = tmp_path / "house-rules" / "per-cent.yaml"
    rule.write_text(rule.read_text().replace('"per cent"', '"per\\\\s+cent"'), encoding="utf-8")
    line = run_cli("check", "--format", "github", "--rules", str(rules), "doc.txt").out.splitlines()[0]
    assert line.startswith("::warning file=doc.txt,line=1,endLine=2,title=")


# ------------------------------------------------------------------ --output


def test_output_writes_the_report_to_a_file_not_stdout(run_cli, tmp_path):
    result = run_cli("check", "--format", "json", "--output", "report.json", str(SEED))
    assert result.code == 1 and result.out == ""
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["findings"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_output_keeps_the_old_file_when_the_run_cannot_start(run_cli, tmp_path):
    (tmp_path / "report.json").write_text("old report", encoding="utf-8")
    result = run_cli("check", "--select", "no-such-rule", "-o", "report.json", str(SEED))
    assert result.code == 2
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_output_refuses_to_overwrite_an_input(run_cli, tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(FLAGGED, encoding="utf-8")
    result = run_cli("check", "-o", "doc.txt", "doc.txt")
    assert result.code == 2
    assert result.err.strip() == ("factcheck: error: doc.txt: is one of the files being checked; "
                                  "refusing to overwrite it with the report")
    assert doc.read_text(encoding="utf-8") == FLAGGED


def test_output_into_a_missing_folder_is_one_clear_error(run_cli):
    result = run_cli("check", "-o", "no/such/folder/report.txt", str(SEED))
    assert result.code == 2
    assert result.err == "factcheck: error: no/such/folder/report.txt: cannot write the report: no such folder\n"


def test_unknown_format_names_the_available_ones(run_cli):
    result = run_cli("check", "--format", "yaml", str(SEED))
    assert result.code == 2
    for name in ("github", "json", "junit", "sarif", "text"):
        assert name in result.err
