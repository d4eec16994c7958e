"""The date a document speaks from, and the times it names relative to it.

A wire story dates itself in its first paragraph ("the Labor Department
said Friday, March 6, 2026"); "last month" in its fifth paragraph is then
February 2026, and "last year" 2025. Without such a date a relative time is
left as written.
"""
from __future__ import annotations

from typing import Sequence

from factcheck.model import Date, Document

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_STEP = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}
_HEADLINE = 120  # characters: a first line no longer than this, with no full stop, is a headline
_YEAR_STEP = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}


def dateline(document: Document, dates: Sequence[Date], to_the_day: bool = True) -> Date | None:
    """The first full date (year, month and day) in the document's first paragraph, if any; with
    ``to_the_day`` false, the first date with a year and month ("in the January-March 2026 quarter").

    A headline (a short first line with no full stop) is not that paragraph:
    the one after it is.
    """
    text = document.text
    paragraph_end = text.find("\n\n")
    if paragraph_end < 0:
        paragraph_end = len(text)
    first = text[:paragraph_end].strip()
    if "\n" not in first and len(first) <= _HEADLINE and not first.endswith((".", "!", "?", '"', "”")):
        following = text.find("\n\n", paragraph_end + 2)
        paragraph_end = len(text) if following < 0 else following
    for date in dates:
        if date.span.start >= paragraph_end:
            break
        if date.year is not None and date.month is not None and (date.day is not None or not to_the_day):
            return date
    return None


def reference_date(document: Document, dates: Sequence[Date]) -> tuple[int, int] | None:
    """The (year, month) of the document's :func:`dateline`, if any."""
    date = dateline(document, dates)
    return None if date is None or date.year is None or date.month is None else (date.year, date.month)


def resolve(token: str, reference: tuple[int, int] | None) -> str | None:
    """The absolute time a relative one names: "last month" → "february", "last year" → "2025".

    Returns None for a time that is absolute already or cannot be resolved.
    """
    if reference is None or " " not in token:
        return None
    relative, unit = token.split(" ", 1)
    year, month = reference
    if unit == "month" and relative in _MONTH_STEP:
        return MONTHS[(month - 1 + _MONTH_STEP[relative]) % 12]
    if unit == "year" and relative in _YEAR_STEP:
        return str(year + _YEAR_STEP[relative])
    return None
