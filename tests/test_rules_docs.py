"""The rule pages: generated from the rule YAML, in sync, and what `factcheck explain` prints."""
from __future__ import annotations

from pathlib import Path

import pytest

from script_support import load_script

REPO = Path(__file__).resolve().parent.parent
BUILTIN = ["figure-conflict", "change-descriptor", "change-arithmetic", "sum-mismatch", "unit-conversion",
           "share-range", "date-mismatch"]


def test_every_builtin_rule_has_a_page_in_sync_with_its_yaml() -> None:
    pages = load_script("rule_docs").pages()
    assert sorted(p.stem for p in pages) == sorted(BUILTIN)
    for path, text in pages.items():
        assert path.exists(), f"{path.name} missing: run python scripts/rule_docs.py"
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run python scripts/rule_docs.py"


@pytest.mark.parametrize("rule_id", BUILTIN)
def test_pages_say_what_is_flagged_with_examples_and_parameters(rule_id: str) -> None:
    page = (REPO / "docs" / "rules" / f"{rule_id}.md").read_text(encoding="utf-8")
    assert "Flagged:" in page and "Clean:" in page and "## Parameters" in page


@pytest.mark.parametrize("rule_id", BUILTIN)
def test_explain_prints_the_description(run_cli, rule_id: str) -> None:
    result = run_cli("explain", rule_id)
    assert result.code == 0
    assert "Flagged:" in result.out and "Clean:" in result.out


def test_the_seed_gives_exactly_one_finding(run_cli) -> None:
    result = run_cli("check", "--format", "json", str(REPO / "seeds" / "nato-missions.txt"))
    findings = result.json()["files"][0]["findings"]
    assert [(f["rule"], f["excerpt"].count("incremental")) for f in findings] == [("change-descriptor", 1)]
