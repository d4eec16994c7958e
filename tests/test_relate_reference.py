"""The date a document speaks from, and relative times read against it."""
from __future__ import annotations

from factcheck.builtin.relate.reference import reference_date, resolve
from factcheck.checker import Checker
from factcheck.config import Config


def _reference(text: str) -> tuple[int, int] | None:
    analysis = Checker(Config()).extract_text(text)
    return reference_date(analysis.document, analysis.dates)


def test_the_first_full_date_of_the_first_paragraph_dates_the_story() -> None:
    text = "Employers added 143,000 jobs, the department said Friday, March 6, 2026.\n\nIn 2019 ..."
    assert _reference(text) == (2026, 3)


def test_a_date_after_the_first_paragraph_or_without_a_day_does_not() -> None:
    assert _reference("Output fell in April 2026.\n\nThe figures came out on 28 May 2026.") is None


def test_relative_months_and_years_resolve_against_it() -> None:
    assert resolve("last month", (2026, 3)) == "february"
    assert resolve("last month", (2026, 1)) == "december"
    assert resolve("next year", (2026, 3)) == "2027"
    assert resolve("last month", None) is None
    assert resolve("february", (2026, 3)) is None
