"""Candidates' tallies against the votes cast (factcheck.builtin.relate.tallies), read from real extractor output."""
from __future__ import annotations

import factcheck
from factcheck.builtin.loader import document_from_text
from factcheck.builtin.relate.tallies import find_tallies
from factcheck.model import Date, Quantity
from factcheck.segment import segment

RESULT = (
    "Rosa Lind polled 1,874 votes, ahead of Tom Fry on 1,411, a majority of 463. Ann Cole came third with 690 "
    "and Raj Dev fourth with 318. Labour won 412 seats nationally.\n\n"
    "At the last election in 2022, Labour polled 2,104 votes in the ward.\n\n"
    "Turnout was 31 per cent, with 4,321 votes cast from an electorate of 13,900."
)


def _tallies(text: str) -> list[tuple[str, list[str]]]:
    document = document_from_text(text, "result.txt")
    document = type(document)(path=document.path, text=text, format=document.format, skip=document.skip,
                              sentences=segment(text, document.skip))
    mentions = factcheck.extract(text)
    quantities = [m for m in mentions if isinstance(m, Quantity)]
    dates = [m for m in mentions if isinstance(m, Date)]
    return [(p.total.text, [q.text for q in p.parts]) for p in find_tallies(document, quantities, dates)]


def test_the_tallies_before_the_votes_cast_are_its_parts() -> None:
    assert _tallies(RESULT) == [("4,321 votes", ["1,874 votes", "1,411", "690", "318"])]


def test_no_votes_cast_no_tallies() -> None:
    assert _tallies(RESULT.replace("with 4,321 votes cast from", "from")) == []


def test_two_tallies_are_too_few_to_read_as_a_result() -> None:
    assert _tallies("Lind polled 1,874 votes and Fry polled 1,411. In all, 3,400 votes were cast.") == []
