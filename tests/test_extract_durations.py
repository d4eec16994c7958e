"""Durations and ages: "two decades", "a decade", "a year and a half", "2 hours 35 minutes", "aged 71"."""
from __future__ import annotations

import pytest

from extract_support import close, quantities, the_quantity

DURATIONS = [
    ("The council will spend the money over the next two financial years.", "two financial years", 2, "year"),
    ("Gas prices have fallen for 12 straight weeks.", "12 straight weeks", 12, "week"),
    ("Rain fell on five consecutive days in the Lakes.", "five consecutive days", 5, "day"),
    ("The dispute has dragged on for two decades.", "two decades", 20, "year"),
    ("It was the wettest spring in a decade.", "a decade", 10, "year"),
    ("The council has three months to respond.", "three months", 3, "month"),
    ("Junior doctors will strike for five days.", "five days", 5, "day"),
    ("The ferry crossing takes 90 minutes.", "90 minutes", 90, "minute"),
    ("Engineers worked for 36 hours to restore power.", "36 hours", 36, "hour"),
    ("The refit will take 18 weeks.", "18 weeks", 18, "week"),
    ("She served as mayor for a year and a half.", "a year and a half", 1.5, "year"),
    ("The building has stood empty for half a century.", "half a century", 50, "year"),
    ("Talks are expected to last a fortnight.", "a fortnight", 14, "day"),
    ("The walkers were missing for two and a half days.", "two and a half days", 2.5, "day"),
    ("The winner finished in 2 hours 6 minutes.", "2 hours 6 minutes", 126, "minute"),
    ("The sentence was three years and four months.", "three years and four months", 40, "month"),
]


@pytest.mark.parametrize("text, quote, value, unit", DURATIONS)
def test_durations(text: str, quote: str, value: float, unit: str) -> None:
    quantity = the_quantity(text, quote)
    assert close(quantity.value, value) and quantity.unit == unit and not quantity.age


@pytest.mark.parametrize("text", [
    "Residents put their bins out twice a week.",
    "Patients take two tablets a day.",
    "Bins are emptied once a fortnight.",
])
def test_frequencies_are_not_durations(text: str) -> None:
    assert quantities(text) == [] or all(q.unit not in ("week", "day") for q in quantities(text))


def test_listed_durations_stay_apart() -> None:
    text = "Shifts lasted 12 hours, 30 minutes of which were unpaid."
    assert [q.text for q in quantities(text)] == ["12 hours", "30 minutes"]


AGES = [
    ("The senator, 71, said she would not stand again.", "71", 71),
    ("A woman, 34, was arrested in Croydon.", "34", 34),
    ("The driver, aged 19, was taken to hospital.", "aged 19", 19),
    ("The 45-year-old has led the company since 2019.", "45-year-old", 45),
    ("Children under five are most at risk, doctors warned.", "under five", 5),
    ("Tickets cost $30, or $18 for visitors under 25.", "under 25", 25),
    ("The founder died at home on Sunday. He was 88.", "88", 88),
    ("She celebrated on Sunday, turning a hundred and two, and received 300 cards.", "a hundred and two", 102),
    ("The striker, who is turning 30 next month, signed a new deal.", "30", 30),
]


@pytest.mark.parametrize("text, quote, value", AGES)
def test_ages(text: str, quote: str, value: float) -> None:
    quantity = the_quantity(text, quote)
    assert quantity.age and quantity.unit == "year" and quantity.value == value


def test_a_list_after_a_name_is_not_an_age() -> None:
    text = "Labour won 412, the Conservatives 121, the Liberal Democrats 72, and others 45."
    assert not any(q.age for q in quantities(text))


def test_ages_listed_together() -> None:
    text = "Children aged three and four will get the nasal spray."
    assert [(q.value, q.age) for q in quantities(text)] == [(3, True), (4, True)]


@pytest.mark.parametrize("text", [
    "The mayor won a second term on Sunday.",
    "Adults should do 150 minutes of activity a week.",
])
def test_an_article_that_is_not_a_length_of_time(text: str) -> None:
    assert all(q.value != 1 for q in quantities(text))


@pytest.mark.parametrize("text, quote", [
    ("The sprinter, 29, ran the distance in under ten seconds.", "29"),
    ("The club's new striker, 23, signed on Friday.", "23"),
])
def test_an_age_after_a_noun_with_its_determiner(text: str, quote: str) -> None:
    quantity = the_quantity(text, quote)
    assert quantity.age and quantity.unit == "year"



def test_an_age_at_the_end_of_a_sentence() -> None:
    quantity = the_quantity('"We lost everything," said Joseph Mwangi, 52.', "52")
    assert quantity.age and quantity.unit == "year"


@pytest.mark.parametrize("text, quote", [
    ("The average age of a new GP is now 38, up from 35 in 2010.", "38"),
    ("The median age at marriage was 31.", "31"),
    ("Mean age was 48.3 years (SD 11.2).", "48.3 years"),
    ("The study followed adults aged 40 to 69 years.", "40 to 69 years"),
])
def test_an_age_by_its_subject(text: str, quote: str) -> None:
    quantity = the_quantity(text, quote)
    assert quantity.age and quantity.unit == "year"


def test_a_length_in_years_without_an_age_word_is_no_age() -> None:
    assert not the_quantity("The appeal took 3 years to reach court.", "3 years").age


@pytest.mark.parametrize("text", [
    "Rates were 0.4 points lower than a month ago.",
    "The bridge opened two years ago.",
    "The bank made a profit of CHF 80.5bn a year earlier.",
    "Debt rose to $1.2tn, from $980bn a month before.",
])
def test_a_time_ago_is_a_point_in_time_not_a_length(text: str) -> None:
    assert not any(q.unit in ("month", "year") for q in quantities(text))


def test_a_length_before_an_event_is_still_a_length() -> None:
    assert the_quantity("She left for a year before returning to the club.", "a year").unit == "year"
