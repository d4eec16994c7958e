"""The pytest plugin, run in throw-away projects with ``pytester``."""
from __future__ import annotations

import pytest

from ci_helpers import CLEAN, CRASHING_PLUGIN
from conftest import SEED

pytest_plugins = ["pytester"]


@pytest.fixture
def docs(pytester: pytest.Pytester):
    """A project with the seed article and a clean document in docs/."""
    folder = pytester.mkdir("docs")
    (folder / "nato-missions.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "clean.md").write_text(CLEAN, encoding="utf-8")
    return folder


def test_inactive_unless_asked(pytester, docs):
    result = pytester.runpytest("docs")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    assert "factcheck: documents" not in result.stdout.str()
    assert "collected 0 items" in result.stdout.str()


def test_each_document_is_an_item_that_fails_with_its_findings(pytester, docs):
    result = pytester.runpytest("--factcheck", "docs")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "factcheck: documents in the collected paths, failing on warning",
        "docs/clean.md .*",
        "docs/nato-missions.txt F*",
        "*_ factcheck docs/nato-missions.txt _*",
        "docs/nato-missions.txt: 1 finding (1 warning) at or above warning",
        "docs/nato-missions.txt:60:131: warning ?change-descriptor? 'incremental' does not fit the change it describes: 500*",
        '*Stoltenberg said, adding that the increases would be "incremental."',
        "    * ^^^^^^^^^^^",
        "    compared with 60:31: increase from 500 personnel to around 4,000",
        "FAILED docs/nato-missions.txt::factcheck - *",
    ])
    # A readable report, not a traceback into factcheck.
    assert "Traceback" not in result.stdout.str()
    assert "pytest_plugin.py" not in result.stdout.str()


def test_items_are_named_by_path_and_marked(pytester, docs):
    result = pytester.runpytest("--factcheck", "docs", "--collect-only", "-q")
    result.stdout.fnmatch_lines(["docs/clean.md::factcheck", "docs/nato-missions.txt::factcheck"])
    assert pytester.runpytest("--factcheck", "docs", "-k", "clean").parseoutcomes() == {"passed": 1, "deselected": 1}
    result = pytester.runpytest("--factcheck", "docs", "-m", "not factcheck")
    assert result.parseoutcomes() == {"deselected": 2}


def test_fail_level_from_the_command_line(pytester, docs):
    pytester.runpytest("--factcheck", "docs", "--factcheck-fail-on", "error").assert_outcomes(passed=2)


def test_fail_level_from_factcheck_configuration(pytester, docs):
    pytester.makefile(".yaml", factcheck="fail_on: error\n")
    pytester.runpytest("--factcheck", "docs").assert_outcomes(passed=2)


def test_findings_below_the_fail_level_are_a_report_section(pytester, docs):
    result = pytester.runpytest("--factcheck", "docs", "--factcheck-fail-on", "error", "-rP")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*factcheck findings below the fail level*", "*warning ?change-descriptor?*"])


def test_factcheck_paths_in_ini_turn_it_on_beside_python_tests(pytester, docs):
    pytester.makeini("[pytest]\ntestpaths = tests\nfactcheck_paths = docs\n")
    pytester.mkdir("tests")
    (pytester.path / "tests" / "test_ok.py").write_text("def test_ok():\n    pass\n", encoding="utf-8")
    (pytester.path / "tests" / "fixture.txt").write_text("Sales rose slightly, from 100 to 400 units.\n",
                                                       encoding="utf-8")
    result = pytester.runpytest()
    result.assert_outcomes(passed=2, failed=1)  # fixture.txt is outside factcheck_paths: not a document
    result.stdout.fnmatch_lines(["factcheck: documents in */docs, failing on warning"])
    # Naming paths explicitly narrows the run as usual.
    pytester.runpytest("tests").assert_outcomes(passed=1)


def test_factcheck_paths_in_pyproject(pytester, docs):
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\nfactcheck_paths = ["docs/clean.md"]\n')
    pytester.runpytest().assert_outcomes(passed=1)


def test_missing_factcheck_path_is_a_usage_error(pytester):
    pytester.makeini("[pytest]\nfactcheck_paths = nowhere\n")
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*factcheck_paths: no such file or folder: */nowhere"])


def test_plugin_crash_is_an_error_not_a_failure(pytester, docs):
    pytester.makepyfile(crashing_plugin=CRASHING_PLUGIN)
    pytester.makefile(".yaml", factcheck="plugins: [crashing_plugin.py]\n")
    (docs / "crash.txt").write_text("This text makes the plugin crash.\n", encoding="utf-8")
    result = pytester.runpytest("--factcheck", "docs")
    result.assert_outcomes(passed=1, failed=1, errors=1)
    result.stdout.fnmatch_lines([
        "*ERROR at setup of factcheck docs/crash.txt*",
        "docs/crash.txt: extraction failed in plugin *crashing_plugin.py (factcheck_extract): RuntimeError: boom",
    ])


def test_unreadable_document_is_an_error_with_one_line(pytester, docs):
    (docs / "binary.txt").write_bytes(b"caf\xe9 not text\n")
    # (A .txt file named on the command line would also reach pytest's doctest collector.)
    result = pytester.runpytest("--factcheck", "docs", "-k", "binary")
    result.assert_outcomes(errors=1, deselected=2)
    result.stdout.fnmatch_lines(
        ["factcheck cannot read docs/binary.txt: not UTF-8 text: byte 0xe9 at offset 3 (line 1, column 4)*"])
    assert "During handling" not in result.stdout.str()


def test_bad_factcheck_configuration_is_a_usage_error(pytester, docs):
    pytester.makefile(".yaml", factcheck="fail_on: sometimes\n")
    result = pytester.runpytest("--factcheck", "docs")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*factcheck: *factcheck.yaml: 'fail_on': must be one of error, warning, info, never"])


def test_baseline_from_ini(pytester, docs, monkeypatch):
    from factcheck.cli import main

    monkeypatch.chdir(pytester.path)
    assert main(["check", "--write-baseline", "baseline.json", "docs"]) == 0
    pytester.makeini("[pytest]\nfactcheck_paths = docs\nfactcheck_baseline = baseline.json\n")
    pytester.runpytest().assert_outcomes(passed=2)


def test_no_heavy_imports_when_not_asked(pytester, docs):
    pytester.makeconftest("""
import sys

def pytest_sessionfinish(session):
    loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("factcheck", "pint", "regex"))
    session.config.rootpath.joinpath("loaded.txt").write_text("\\n".join(loaded))
""")
    pytester.makepyfile(test_ok="def test_ok():\n    pass\n")
    pytester.runpytest_subprocess("test_ok.py").assert_outcomes(passed=1)
    loaded = (pytester.path / "loaded.txt").read_text().split()
    assert "factcheck.pytest_plugin" in loaded  # registered through the pytest11 entry point
    assert not [name for name in loaded if name.startswith(("pint", "regex", "factcheck.checker"))]
