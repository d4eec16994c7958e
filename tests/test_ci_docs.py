"""The pre-commit manifest and the examples in docs/ci.md work as written."""
from __future__ import annotations

import re

import yaml

import factcheck
from conftest import REPO

CI_DOC = REPO / "docs" / "ci.md"


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", CI_DOC.read_text(encoding="utf-8"), re.DOTALL)


def test_pre_commit_manifest_offers_a_factcheck_hook_for_markdown_and_text():
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "factcheck"
    assert hook["entry"] == "factcheck check"
    assert hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "plain-text"}


def test_documented_markdown_suppression_silences_the_finding():
    [example] = code_blocks("markdown")
    assert factcheck.check_text(example, path="doc.md").findings == ()
    without_comment = example.split("\n", 1)[1]
    assert [f.rule for f in factcheck.check_text(without_comment, path="doc.md").findings] == ["change-descriptor"]


def test_documented_text_suppression_is_a_directive():
    [example] = code_blocks("text")
    paragraph = ('"The size of our mission will increase from 500 personnel to around 4,000," '
                 'he said, adding that the increases would be "incremental."\n')
    assert factcheck.check_text(example + paragraph, path="doc.txt").findings == ()


def test_documented_workflow_and_pre_commit_config_are_valid_yaml():
    for block in code_blocks("yaml"):
        assert yaml.safe_load(block.replace("<URL of the factcheck repository>", "URL"))
