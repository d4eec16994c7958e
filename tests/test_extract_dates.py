"""Dates: ISO values as far as the text says, the weekday it names, and years used as dates."""
from __future__ import annotations

import pytest

from extract_support import dates, quantities

DATES = [
    ("Polls open on Thursday, 7 May 2026, at 7am.", "Thursday, 7 May 2026", "2026-05-07", "Thursday"),
    ("The race is on Sunday, April 26, 2026, organisers said.", "Sunday, April 26, 2026", "2026-04-26", "Sunday"),
    ("The strike begins on 3 March.", "3 March", "--03-03", None),
    ("The shop closed in February 2020 after a fire.", "February 2020", "2020-02", None),
    ("The law took effect on the first of June 2025.", "first of June 2025", "2025-06-01", None),
    ("The filing is dated 2026-03-03.", "2026-03-03", "2026-03-03", None),
    ("The letter of 23/04/2026 was never answered.", "23/04/2026", "2026-04-23", None),
    ("Rates were cut in Sept. 2024.", "Sept. 2024", "2024-09", None),
    ("The pilot ran until October 2023, when funding stopped.", "October 2023", "2023-10", None),
]


@pytest.mark.parametrize("text, quote, value, weekday", DATES)
def test_dates(text: str, quote: str, value: str, weekday: str | None) -> None:
    [date] = [d for d in dates(text) if d.text == quote]
    assert date.value == value and date.weekday == weekday
    assert text[date.span.start:date.span.end] == quote


def test_a_date_at_the_end_of_a_sentence_leaves_the_full_stop() -> None:
    [date] = dates("Results are due on 8 May.")
    assert date.text == "8 May"


def test_year_ranges_are_two_dates_and_no_quantity() -> None:
    text = "The 2019-20 season and the 2014–2024 survey both ran long."
    assert [d.value for d in dates(text)] == ["2019", "2020", "2014", "2024"]
    assert quantities(text) == []


def test_spans_of_days_are_two_dates_and_no_quantity() -> None:
    text = "The bridge shuts from 3 to 9 November, the fair runs 12-14 June and the show June 20-22, 2027."
    assert [d.value for d in dates(text)] == ["--11-03", "--11-09", "--06-12", "--06-14", "2027-06-20", "2027-06-22"]
    assert [d.text for d in dates(text)][:2] == ["3", "9 November"]
    assert quantities(text) == []


def test_a_year_is_a_date_but_a_count_of_years_is_not() -> None:
    text = "In 2019 the firm sold 2000 tickets."
    assert [d.value for d in dates(text)] == ["2019"]
    assert [q.value for q in quantities(text)] == [2000]


@pytest.mark.parametrize("text, year", [
    ("Emissions must fall 55% by 2030, compared with 1990 levels.", "1990"),
    ("Compared with 2019 figures, bookings are up a fifth.", "2019"),
])
def test_a_year_before_a_noun_it_dates_is_a_year_not_a_count(text: str, year: str) -> None:
    assert year in [d.value for d in dates(text)]
    assert all(q.value != float(year) for q in quantities(text))


def test_an_unsettled_numeric_date_is_no_quantity() -> None:
    text = "The invoice of 3/4/2026 was paid."
    assert quantities(text) == [] and dates(text) == []


def test_a_month_and_year_before_a_comma_is_one_date() -> None:
    assert [d.value for d in dates("The loan ran from May 2018 to November 2021, the bank said.")] == [
        "2018-05", "2021-11"]


def test_a_year_after_a_possessive_stays_a_year_before_a_plural_noun() -> None:
    assert [d.value for d in dates("Most schools improved on their 2024 results.")] == ["2024"]
