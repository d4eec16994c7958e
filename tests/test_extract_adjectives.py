"""Hyphenated adjectives: "9,600-strong", "500-page", "10-kilometre", "two-day", "34-year-old"."""
from __future__ import annotations

import pytest

from extract_support import close, the_quantity

ADJECTIVES = [
    ("Nato's 4,200-strong battlegroup in Estonia will grow.", "4,200-strong", 4200, "", "battlegroup"),
    ("The inquiry published a 1,200-page report on Tuesday.", "1,200-page", 1200, "", "pages"),
    ("Runners tackled a 21-kilometre loop of the lake.", "21-kilometre", 21, "kilometer", None),
    ("They bought a 1,200-square-foot flat in Leith.", "1,200-square-foot", 1200, "foot ** 2", None),
    ("Unions called a three-day strike on the railways.", "three-day", 3, "day", None),
    ("The 27-year-old midfielder signed a new contract.", "27-year-old", 27, "year", None),
    ("A six-month-old puppy was rescued from the river.", "six-month-old", 6, "month", None),
    ("The 30-storey tower will hold 400 flats.", "30-storey", 30, "", "storeys"),
    ("Engineers tested a 1.5-tonne battery pack.", "1.5-tonne", 1.5, "metric_ton", None),
    ("The firm signed a 20-year lease on the site.", "20-year", 20, "year", None),
    ("The 400-odd residents of the island voted.", "400-odd residents", 400, "", "residents"),
]


@pytest.mark.parametrize("text, quote, value, unit, noun", ADJECTIVES)
def test_hyphenated_adjectives(text: str, quote: str, value: float, unit: str, noun: str | None) -> None:
    quantity = the_quantity(text, quote)
    assert close(quantity.value, value) and quantity.unit == unit
    if noun:
        assert quantity.noun == noun


def test_age_adjective_is_an_age() -> None:
    assert the_quantity("A 91-year-old woman from Bristol died.", "91-year-old").age


def test_odd_is_a_hedge() -> None:
    quantity = the_quantity("The 400-odd residents of the island voted.", "400-odd residents")
    assert quantity.qualifier is not None and quantity.qualifier.value == "approx"
