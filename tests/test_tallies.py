"""Candidates' tallies against the votes cast, and a breakdown closed by "the remaining £41 million", read
through the real pipeline (factcheck.builtin.relate.tallies and .remainder)."""
from __future__ import annotations

from kind_helpers import context_of

from factcheck.model import Parts

RESULT = (
    "Rosa Lind polled 1,874 votes, ahead of Tom Fry on 1,411, a majority of 463. Ann Cole came third with 690 "
    "and Raj Dev fourth with 318. Labour won 412 seats nationally.\n\n"
    "At the last election in 2022, Labour polled 2,104 votes in the ward.\n\n"
    "Turnout was 31 per cent, with 4,321 votes cast from an electorate of 13,900."
)

BUDGET = (
    "Hollin County Council has approved a £186 million budget, alongside a £410 million capital plan.\n\n"
    "Adult social care is the biggest item, with £79 million set aside. Children's services will receive £52 "
    "million and roads £21 million, while the remaining £34 million covers everything else the council does."
)


def _breakdowns(text: str) -> list[tuple[str, list[str], bool]]:
    return [(c.total.text, [p.text for p in c.parts], c.exhaustive) for c in context_of(text).claims_of(Parts)]


def test_the_tallies_before_the_votes_cast_are_its_parts() -> None:
    assert _breakdowns(RESULT) == [("4,321 votes", ["1,874 votes", "1,411", "690", "318"], False)]


def test_no_votes_cast_no_tallies() -> None:
    assert _breakdowns(RESULT.replace("with 4,321 votes cast from", "from")) == []


def test_two_tallies_are_too_few_to_read_as_a_result() -> None:
    assert _breakdowns("Lind polled 1,874 votes. Fry, the runner-up, polled 1,411. Turnout was 40 per cent, with "
                       "3,400 votes cast.") == []


def test_the_rest_closes_a_breakdown_of_the_whole_its_sum_fits() -> None:
    assert _breakdowns(BUDGET) == [("£186 million", ["£79 million", "£52 million", "£21 million", "£34 million"],
                                    True)]


def test_a_rest_that_covers_nothing_named_closes_nothing() -> None:
    assert _breakdowns(BUDGET.replace("covers everything else the council does", "is held back")) == []
