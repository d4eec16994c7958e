"""What is never a quantity: names, identifiers, dates, clock times, ordinals, multipliers, fractions."""
from __future__ import annotations

import pytest

from extract_support import quantities, the_quantity


@pytest.mark.parametrize("text", [
    "The F-16 and the Eurofighter flew over the base.",
    "Hospital admissions for Covid-19 fell again.",
    "G20 finance ministers met in Rio.",
    "Traffic on Route 66 was diverted.",
    "Diplomats debated Article 5 late into the night.",
    "The Boeing 787 was grounded in Doha.",
    "The FTSE 250 closed higher.",
    "Lawyers invoked Section 301 of the Trade Act.",
    "The music of the 1980s is back in fashion.",
    "The trial is in phase 3 and the drug treats type 2 diabetes.",
    "He lives at No. 10 and supports Apollo 11 nostalgia.",
    "The A320 landed on the M25 verge.",
    "Most entries were graded 7 or above.",
    "It was an improvement on last season's 42-40.",
    "The poll was carried out between 3 and 6 March.",
    "Version 3.12 of the software was released.",
    "Call 0800 555 0199 or +44 20 7946 0958 for advice.",
    "The Boeing 737-800 and an Airbus A320-200 were grounded, police said, quoting incident 243.",
    "The helpline, (555) 123-4567, and the office, 0161-496-0000, open daily.",
    "The council wants zero-carbon homes and an end to zero-hours contracts.",
])
def test_numbers_inside_names_and_labels(text: str) -> None:
    assert quantities(text) == []


def test_a_numbered_list_items_number_is_no_quantity() -> None:
    text = "The committee considered 23 applications:\n\n1. Approved: 14\n2) Refused: 6\n"
    assert [q.text for q in quantities(text)] == ["23 applications", "14", "6"]


def test_a_label_word_ends_at_a_full_stop() -> None:
    # "road" labels "road 5", but not a figure that opens the next sentence
    assert [q.text for q in quantities("He lived by the road. 12 people died there.")] == ["12 people"]
    assert [q.text for q in quantities("Drivers queued at junction. No. 10 was shut.")] == []


@pytest.mark.parametrize("text", [
    "Polls close at 10pm on Thursday.",
    "The train left at 07:45 and arrived at 9.30am.",
    "She finished 2nd in the 10th stage.",
    "It was the club's 125th anniversary and the twenty-first season.",
    "Profits rose threefold and costs doubled.",
    "Sales grew four times faster than forecast.",
    "Two-thirds of voters and a quarter of firms agreed.",
    "Half of the shops were shut.",
    "One in five adults smokes.",
    "The service runs 24/7.",
    "Voters went to the polls in 2019 and again in May 2024.",
    "The talks are on Tuesday, 3 March 2026.",
    "No one was hurt, and the one-off payment was made.",
    "At one point the talks nearly collapsed; at one stage they were suspended.",
])
def test_times_ordinals_ratios_and_dates(text: str) -> None:
    assert quantities(text) == []


def test_half_of_counts_the_whole_only() -> None:
    text = "Half of the 300 staff will lose their jobs."
    assert [q.text for q in quantities(text)] == ["300 staff"]


def test_a_name_before_a_count_that_opens_a_list_of_holders_is_not_a_name() -> None:
    assert the_quantity("Results gave Reform 38 seats, the Conservatives 24 and Labour 6.", "38 seats").value == 38


def test_a_plural_party_name_before_a_count_is_not_a_name() -> None:
    text = "The Greens won 5, the Liberal Democrats 11."
    assert [q.value for q in quantities(text)] == [5, 11]


def test_a_name_after_a_listed_amount_and_and_holds_the_last_item() -> None:
    text = "Kenya won 41, Ethiopia 38 and South Africa 19, organisers said."
    assert [q.value for q in quantities(text)] == [41, 38, 19]


def test_a_name_after_and_without_a_listed_amount_is_still_a_name() -> None:
    assert quantities("Traffic on the bypass and Route 66 was diverted.") == []


def test_a_comma_grouped_figure_after_a_name_is_an_amount() -> None:
    assert the_quantity("Labour 9,600, Reform 7,200.", "9,600").value == 9600


def test_a_year_as_a_count() -> None:
    assert the_quantity("The 2,020-seat arena opened in Hull.", "2,020-seat").value == 2020


def test_a_possessive_before_a_figure_is_not_a_name() -> None:
    assert the_quantity("The Premier League's 20 clubs spent £2bn.", "20 clubs").value == 20


def test_a_capitalised_label_mid_sentence_is_a_name() -> None:
    assert quantities("Pupils in Year 6 sat their tests in May.") == []


def test_only_valid_ordinal_suffixes_make_ordinals() -> None:
    assert quantities("She came 21st, then 2nd, then 13th.") == []


@pytest.mark.parametrize("text", [
    "The motorway was shut between junctions 10 and 11 overnight.",
    "Volunteers joined in phases 2 and 3 of the study.",
    "Pupils in Years 10 and 11 sat mocks, as did those in Years 7 to 9.",
])
def test_a_plural_label_word_labels_each_number_of_its_list(text: str) -> None:
    assert quantities(text) == []


def test_numbers_as_a_verb_is_no_label() -> None:
    assert [q.text for q in quantities("The crew began with 14 volunteers. It now numbers 38.")] == [
        "14 volunteers", "38"]
    assert quantities("Bus numbers 7 and 8 were withdrawn.") == []


@pytest.mark.parametrize("text", [
    "Typhoons of 41 Squadron flew over the airfield.",
    "Protesters gathered outside 10 Downing Street.",
    "Members of the class of '87 met again.",
])
def test_numbers_opening_names_and_abbreviated_years(text: str) -> None:
    assert quantities(text) == []


def test_a_name_after_a_listed_amount_holds_the_next_item() -> None:
    text = "Seats went: Socialists 41, Left Bloc 12, PAN 9, Liberals 8."
    assert [q.value for q in quantities(text)] == [41, 12, 9, 8]
    assert quantities("Flights resumed on the A320 and Boeing 737 fleets.") == []


@pytest.mark.parametrize("text, kept", [
    ("House prices are about 13 times median earnings.", []),
    ("The striker has scored 41 times in 60 games.", ["41", "60 games"]),
])
def test_n_times_a_noun_is_a_multiple_but_n_times_in_counts(text: str, kept: list[str]) -> None:
    assert [q.text for q in quantities(text)] == kept


def test_one_point_scored_is_a_count() -> None:
    assert the_quantity("The side lost by one point.", "one point").value == 1
