"""Ranges ("between 200 and 250", "200-250", "200 to 250 troops") and changes that are not ranges."""
from __future__ import annotations

import pytest

from extract_support import amount, quantities, the_quantity

RANGES = [
    ("Between 300 and 400 migrants crossed the Channel on Monday.", "Between 300 and 400 migrants",
     (300, 400), ""),
    ("The scheme will create 150-200 jobs in Sunderland.", "150-200 jobs", (150, 200), ""),
    ("Police said 2,000 to 3,000 protesters marched in Leeds.", "2,000 to 3,000 protesters", (2000, 3000), ""),
    ("Highs of 26-29C are expected in Madrid.", "26-29C", (26, 29), "degree_Celsius"),
    ("The repairs will cost £40m-£60m, the council said.", "£40m-£60m", (4e7, 6e7), "GBP"),
    ("The refit could cost $1-2bn.", "$1-2bn", (1e9, 2e9), "USD"),
    ("Prices are set to rise 3-4% next year.", "3-4%", (3, 4), "percent"),
    ("The work will take three to five years.", "three to five years", (3, 5), "year"),
    ("Snow depths of between 20 and 35cm were reported in the Cairngorms.", "between 20 and 35cm", (20, 35),
     "centimeter"),
    ("The trial recruited volunteers aged 50 to 75.", "aged 50 to 75", (50, 75), "year"),
    ("Food prices rose 3 to 4 percent last year.", "3 to 4 percent", (3, 4), "percent"),
    ("Tuition fees range from C$38,000 to C$62,000 a year.", "C$38,000 to C$62,000 a year", (38000, 62000),
     "CAD / year"),
    ("Tolls range from KSh100 to KSh360 depending on distance.", "KSh100 to KSh360", (100, 360), "KES"),
]


@pytest.mark.parametrize("text, quote, bounds, unit", RANGES)
def test_ranges(text: str, quote: str, bounds: tuple[float, float], unit: str) -> None:
    quantity = the_quantity(text, quote)
    assert quantity.value is None and amount(quantity) == bounds and quantity.unit == unit


@pytest.mark.parametrize("text, first, second", [
    ("Staff numbers rose from 500 to 4,000 over the decade.", "500", "4,000"),
    ("The fare went from $2.75 to $2.90 in January.", "$2.75", "$2.90"),
    ("Membership fell from 12,000 to 9,500.", "12,000", "9,500"),
])
def test_a_change_from_to_is_two_quantities(text: str, first: str, second: str) -> None:
    assert the_quantity(text, first).value is not None
    assert the_quantity(text, second).value is not None


def test_a_range_runs_upwards() -> None:
    text = "Councillors voted 41 to 23 in favour of the plan."
    assert [q.value for q in quantities(text)] == [41, 23]


def test_a_score_is_not_a_range() -> None:
    assert quantities("Leeds beat Chelsea 3-1 at Elland Road.") == []


def test_a_change_in_percent_to_a_scaled_count_is_not_a_range() -> None:
    text = "Rail journeys rose 7% to 1.6 billion in the year to March."
    assert the_quantity(text, "7%").value == 7
    assert the_quantity(text, "1.6 billion").value == 1.6e9


def test_figures_that_a_verb_of_range_spans_are_a_range() -> None:
    quantity = the_quantity("Seats for the concert range from £35 to £120.", "£35 to £120")
    assert (quantity.low, quantity.high, quantity.unit) == (35, 120, "GBP")
