"""Small documents and rule files that the CI-integration tests share."""
from __future__ import annotations

from pathlib import Path

CLEAN = "The committee met on a rainy morning and agreed on nothing new.\n"
FLAGGED = "Sales rose slightly, from 100 to 400 units, the company said.\n"
# A house-style rule of the plain `pattern` kind: easy to trigger at any severity.
PER_CENT_RULE = """\
id: per-cent
kind: pattern
severity: {severity}
message: "write 'percent', not '{{match}}': 100% house style, see: the book"
description: |
  House style spells "percent" as one word.
params:
  pattern: "per cent"
"""


def write_rule(folder: Path, severity: str = "info") -> Path:
    """A rules folder holding the per-cent rule at ``severity``."""
    rules = folder / "house-rules"
    rules.mkdir(exist_ok=True)
    (rules / "per-cent.yaml").write_text(PER_CENT_RULE.format(severity=severity), encoding="utf-8")
    return rules


CRASHING_PLUGIN = """\
from factcheck import hookimpl


@hookimpl
def factcheck_extract(document, units):
    if "crash" in document.text:
        raise RuntimeError("boom")
    return []
"""


def write_crashing_plugin(folder: Path) -> Path:
    """A plugin file whose extractor raises on any document containing the word "crash"."""
    path = folder / "crashing_plugin.py"
    path.write_text(CRASHING_PLUGIN, encoding="utf-8")
    return path
