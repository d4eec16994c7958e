"""Whole articles written for the checks (``tests/fixtures/*-findings.yaml``), checked end to end.

Each article lists the findings it should give, in the findings corpus
format (a rule id and quotes that the finding or one of its related spans
must overlap); an article without ``expect`` is a clean control that must
give none. Matching is one to one, as in the evaluation scorer: a second
finding on one planted error is a false alarm.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.checker import Checker
from factcheck.config import Config
from factcheck.model import Finding

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = [(path.name, article) for path in sorted(FIXTURES.glob("*-findings.yaml"))
            for article in yaml.safe_load(path.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def checker() -> Checker:
    """One checker with the built-in rules and no configuration file."""
    return Checker(Config())


def _quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    while (i := text.find(quote, start)) != -1:
        spans.append((i, i + len(quote)))
        start = i + 1
    assert spans, f"quote not in the article: {quote!r}"
    return spans


def _touches(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(s.start < end and start < s.end for s in (finding.span, *finding.related) for start, end in spans)


@pytest.mark.parametrize("article", [a for _, a in ARTICLES], ids=[f"{f}:{a['id']}" for f, a in ARTICLES])
def test_article_gives_its_findings_and_no_others(checker: Checker, article: dict[str, Any]) -> None:
    text = article["text"]
    findings = list(checker.check_text(text, f"{article['id']}.txt").findings)
    unmatched = list(findings)
    for label in article.get("expect") or []:
        spans = [s for q in label["quotes"] for s in _quote_spans(text, q)]
        hit = next((f for f in unmatched if _touches(f, spans)), None)
        assert hit is not None, f"missed {label['kind']}: {label.get('why', '')}"
        assert hit.rule == label["kind"], f"{label['kind']} reported as {hit.rule}: {hit.message}"
        unmatched.remove(hit)
    assert not unmatched, "false alarms: " + "; ".join(f"[{f.rule}] {f.message}" for f in unmatched)
