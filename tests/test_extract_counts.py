"""Counts with the noun they count, inherited nouns, and vague counts."""
from __future__ import annotations

import pytest

from extract_support import quantities, the_quantity

COUNTS = [
    ("A poll of 1,870 adults found most backed the plan.", "1,870 adults", "adults"),
    ("The fire destroyed 23 homes in Hampshire.", "23 homes", "homes"),
    ("Surgeons carried out 211 heart transplants last year.", "211 heart transplants", "heart transplants"),
    ("The hospital opened 48 extra critical care beds.", "48 extra critical care beds", "critical care beds"),
    ("The army will send 850 personnel to Estonia.", "850 personnel", "personnel"),
    ("The trust employs 12,400 staff across five sites.", "12,400 staff", "staff"),
    ("Officials confirmed 2,310 measles cases in the outbreak.", "2,310 measles cases", "measles cases"),
    ("One person died in the crash on the A9.", "One person", "person"),
]


@pytest.mark.parametrize("text, quote, noun", COUNTS)
def test_counted_noun(text: str, quote: str, noun: str) -> None:
    quantity = the_quantity(text, quote)
    assert quantity.unit == "" and quantity.noun == noun and not quantity.noun_inferred


@pytest.mark.parametrize("text, quote", [
    ("Of the patients, 214 needed hospital treatment.", "214"),
    ("Roughly 2,000 were evacuated, and fewer than 100 returned.", "fewer than 100"),
    ("Up to 50 remain in hospital in Lagos.", "Up to 50"),
])
def test_a_verb_is_not_a_counted_noun(text: str, quote: str) -> None:
    assert the_quantity(text, quote).noun is None


@pytest.mark.parametrize("text, quote, noun", [
    ("The regiment grew from 600 to 2,400 soldiers.", "600", "soldiers"),
    ("Of the 1,200 delegates, 700 backed the motion.", "700", "delegates"),
    ("Labour won 326 of the 650 seats.", "326", "seats"),
    ("The group sold 40 stores, closed 12 and kept 8.", "12", "stores"),
])
def test_bare_figures_inherit_a_parallel_noun(text: str, quote: str, noun: str) -> None:
    quantity = the_quantity(text, quote)
    assert quantity.noun == noun and quantity.noun_inferred


def test_no_noun_is_borrowed_across_a_sentence() -> None:
    text = "The plant employs 400 engineers. Output rose to 9,000."
    assert the_quantity(text, "9,000").noun is None


def test_no_noun_is_borrowed_from_a_later_clause() -> None:
    text = "Dozens were injured, and hundreds of homes were flooded."
    assert the_quantity(text, "Dozens").noun is None


VAGUE = [
    ("Dozens of protesters gathered outside parliament.", "Dozens of protesters", (24, 99), "", "protesters"),
    ("Hundreds of flights were grounded at Schiphol.", "Hundreds of flights", (200, 999), "", "flights"),
    ("Tens of thousands of people marched in Madrid.", "Tens of thousands of people", (20000, 99999), "",
     "people"),
    ("The scandal cost taxpayers hundreds of millions of pounds.", "hundreds of millions of pounds",
     (2e8, 999999999), "GBP", None),
    ("Several hundred residents were moved to a school hall.", "Several hundred residents", (200, 900), "",
     "residents"),
]


@pytest.mark.parametrize("text, quote, bounds, unit, noun", VAGUE)
def test_vague_counts(text: str, quote: str, bounds: tuple[float, float], unit: str, noun: str | None) -> None:
    quantity = the_quantity(text, quote)
    assert quantity.vague and quantity.value is None
    assert (quantity.low, quantity.high) == bounds and quantity.unit == unit and quantity.noun == noun


def test_a_hundred_is_not_vague() -> None:
    [quantity] = quantities("A hundred volunteers cleared the beach.")
    assert quantity.value == 100 and not quantity.vague


def test_a_partitive_whole_names_the_noun() -> None:
    text = "The scheme now covers more than 700 of the county's pharmacies."
    assert the_quantity(text, "more than 700").noun == "pharmacies"


def test_times_after_a_verb_count_occasions() -> None:
    assert the_quantity("The striker has scored 41 times this season.", "41").value == 41


def test_a_quoted_figure_lends_its_noun_across_from_and_to() -> None:
    text = 'They will expand the mission from 500 to "around 4,000" personnel.'
    assert the_quantity(text, "500").noun == "personnel"


@pytest.mark.parametrize("text, quote, noun", [
    ("The school has 210 pupils in each of its five year groups.", "five year groups", "year groups"),
    ("The club ran three day trips to the coast.", "three day trips", "day trips"),
])
def test_a_time_word_before_a_plural_noun_is_part_of_what_is_counted(text: str, quote: str, noun: str) -> None:
    quantity = the_quantity(text, quote)
    assert quantity.unit == "" and quantity.noun == noun


@pytest.mark.parametrize("text, quote, unit", [
    ("The council adopted a five year plan.", "five year", "year"),
    ("The builders were given five years to finish.", "five years", "year"),
])
def test_a_time_word_before_a_singular_noun_is_still_a_length(text: str, quote: str, unit: str) -> None:
    assert the_quantity(text, quote).unit == unit
