"""Numerals: thousands separators, decimals, negatives, scientific notation, number words, scales."""
from __future__ import annotations

import pytest

from extract_support import amount, close, quantities, the_quantity

DIGITS = [
    ("The regional airport handled 1,482,650 passengers last year.", "1,482,650 passengers", 1482650),
    ("Le Monde reported that 12 500 farmers blocked the ring road.", "12 500 farmers", 12500),
    ("Organisers sold 3\u202f400 tickets for the opening night.", "3\u202f400 tickets", 3400),
    ("The index closed at 7,412.58 after a volatile session.", "7,412.58", 7412.58),
    ("Bond yields fell to .75 of a point above the benchmark.", ".75", 0.75),
    ("Annual growth slowed to -0.4% in the third quarter.", "-0.4%", -0.4),
    ("Overnight the thermometer in Braemar showed minus 14.6C.", "minus 14.6C", -14.6),
    ("The comet is 4.1e8 kilometres from the Sun.", "4.1e8 kilometres", 4.1e8),
    ("Each cell holds about 2 x 10^9 base pairs.", "about 2 x 10^9 base pairs", 2e9),
    ("A proton is roughly 1.7 × 10⁻¹⁵ metres across.", "roughly 1.7 × 10⁻¹⁵ metres", 1.7e-15),
    ("Mortgage approvals rose to 2½ times their winter level, lenders said, with 4½ years of data.",
     "4½ years", 4.5),
    ("The scheme reached 12,50,000 farmers in Bihar.", "12,50,000 farmers", 1250000),
]


@pytest.mark.parametrize("text, quote, value", DIGITS)
def test_digits(text: str, quote: str, value: float) -> None:
    assert close(the_quantity(text, quote).value, value)


WORDS = [
    ("Twenty-seven firefighters tackled the blaze in Salford.", "Twenty-seven firefighters", 27),
    ("The charity trained a hundred and six volunteers this spring.", "a hundred and six volunteers", 106),
    ("Nine thousand households in Fife lost their water supply.", "Nine thousand households", 9000),
    ("The bill would cover some two thousand and fifty nurses.", "some two thousand and fifty nurses", 2050),
    ("Analysts expect 4.7 million visitors at the Expo.", "4.7 million visitors", 4.7e6),
    ("A dozen ambulances waited outside the hospital in Truro.", "A dozen ambulances", 12),
    ("Half a million commuters were affected by the strike.", "Half a million commuters", 5e5),
    ("Three dozen delegates walked out of the conference.", "Three dozen delegates", 36),
    ("One hundred and forty-two ships passed through the canal.", "One hundred and forty-two ships", 142),
    ("The appeal raised two and a half million pounds for the hospice.", "two and a half million pounds", 2.5e6),
    ("Rs 45 crore has been set aside for the flyover.", "Rs 45 crore", 4.5e8),
    # a fraction of the scale word or unit after it
    ("A quarter of a million households lost power.", "A quarter of a million households", 2.5e5),
    ("The fund is worth a third of a billion dollars.", "a third of a billion dollars", 1e9 / 3),
]


def test_a_fraction_of_a_unit() -> None:
    text = "The tailback stretched for three-quarters of a mile, and two-thirds of a majority agreed."
    assert [(q.text, q.unit) for q in quantities(text)] == [("three-quarters of a mile", "mile")]
    assert close(the_quantity(text, "three-quarters of a mile").value, 0.75)


@pytest.mark.parametrize("text, quote, value", WORDS)
def test_number_words(text: str, quote: str, value: float) -> None:
    assert close(the_quantity(text, quote).value, value)


def test_and_does_not_join_two_numbers() -> None:
    text = "Ministers said the inquiry would take between four and six months."
    quantity = the_quantity(text, "between four and six months")
    assert amount(quantity) == (4, 6) and quantity.unit == "month"


def test_resolution_follows_the_written_digits() -> None:
    text = "The mission grew to 4,000 troops, then 4,012, then 4.25 million euros of kit."
    assert the_quantity(text, "4,000 troops").resolution == 1000
    assert the_quantity(text, "4,012").resolution == 1
    assert close(the_quantity(text, "4.25 million euros").resolution, 10000)


SCALES = [
    ("The pension fund lost $3bn on the trade.", "$3bn", 3e9, "USD"),
    ("The club paid £1.5m for the 19-year-old winger.", "£1.5m", 1.5e6, "GBP"),
    ("Brussels fined the carmaker €10M over emissions.", "€10M", 1e7, "EUR"),
    ("Graduates at the bank start on $85k a year.", "$85k a year", 85000, "USD / year"),
    ("The treasury plans to borrow $1.2tn next year.", "$1.2tn", 1.2e12, "USD"),
    ("The app now has 3.4m users across Europe.", "3.4m users", 3.4e6, ""),
    ("Sprinters lined up for the 200m final in Rome.", "200m", 200, "meter"),
]


@pytest.mark.parametrize("text, quote, value, unit", SCALES)
def test_scale_words_and_abbreviations(text: str, quote: str, value: float, unit: str) -> None:
    quantity = the_quantity(text, quote)
    assert close(quantity.value, value) and quantity.unit == unit


def test_a_number_word_alone_is_not_an_article() -> None:
    assert quantities("A spokesman said a decision was due.") == []


@pytest.mark.parametrize("text", [
    "The model gives 1e999 km.",
    "A googol is 1.5 × 10^400 dollars.",
    "Spent for 1e400 years since 2000.",
    "The bill came to 0e999 euros.",
    "A number of " + "9" * 400 + " troops.",
    "It was 1e300 trillion km away.",
])
def test_a_figure_beyond_a_floats_range_is_not_a_quantity(text: str) -> None:
    from kind_helpers import checker

    analysis = checker().extract_text(text)
    assert analysis.failures == () and analysis.quantities == []


def test_a_tiny_exponent_is_zero_not_an_error() -> None:
    from kind_helpers import checker

    analysis = checker().extract_text("A width of 1e-400 km.")
    assert analysis.failures == () and [q.value for q in analysis.quantities] == [0.0]
