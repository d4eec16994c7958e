"""Run one built-in rule's kind on text, through real extraction and relating (no mocks)."""
from __future__ import annotations

import functools

from factcheck.checker import Checker
from factcheck.config import Config
from factcheck.kinds import CheckContext
from factcheck.model import Finding


@functools.cache
def checker() -> Checker:
    """One checker with the built-in plugins and rules, no configuration file."""
    return Checker(Config())


def context_of(text: str) -> CheckContext:
    """The CheckContext the pipeline builds for ``text``."""
    analysis = checker().extract_text(text)
    assert not analysis.failures, analysis.failures
    return CheckContext(analysis.document, analysis.quantities, analysis.dates, analysis.claims, checker().units)


def findings(rule_id: str, text: str) -> list[Finding]:
    """The findings of the built-in rule ``rule_id`` on ``text``, calling its kind directly."""
    c = checker()
    rule = next(r for r in c.all_rules if r.id == rule_id)
    kind = c.kinds[rule.kind]
    return list(kind.check(context_of(text), rule))


def flagged_text(text: str, finding: Finding) -> str:
    """The text a finding points at."""
    return text[finding.span.start:finding.span.end]
