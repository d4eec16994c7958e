"""The README's two commands are the ones CI and users run."""
import re

from conftest import REPO


def readme_commands():
    return re.findall(r"```sh\n(.+?)\n```", (REPO / "README.md").read_text(encoding="utf-8"))[:2]


def test_readme_starts_with_a_run_command_and_a_test_command():
    run, test = readme_commands()
    assert "factcheck check seeds/nato-missions.txt" in run and run.startswith("python3 -m venv .venv")
    assert test.endswith("pytest") and "'.[test]'" in test


def test_ci_runs_the_readme_test_command_and_fails_on_no_tests():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()
    assert '"$status" -eq 5' in ci
