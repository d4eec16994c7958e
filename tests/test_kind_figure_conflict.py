"""figure-conflict: one thing, two amounts that cannot both be true."""
from __future__ import annotations

import pytest

from kind_helpers import findings, flagged_text
from factcheck.builtin.kinds.figure_conflict import FigureConflict
from factcheck.errors import ParamError

FLAGGED = [
    ("The army sent a 3,600-strong regiment to the border in May. Officers said the regiment's "
     "3,100 soldiers would stay until the spring.", "3,100 soldiers"),
    ("The ministry ordered 16 patrol boats from a Dutch yard. A spokesman said the 19 boats would be "
     "delivered by 2029.", "19 boats"),
    ("The county confirmed at least 412 complaints about the new bins. Officials said the fewer than "
     "400 complaints were mostly about missed collections.", "fewer than 400 complaints"),
    ("The airline will cut 1,800 jobs at its base. Unions said most of the 2,300 job cuts would be voluntary.",
     "2,300 job cuts"),
    ("A wildfire had burned 8,900 hectares by Thursday evening. The 6,200 hectares burned so far make it "
     "the largest fire since 2019.", "6,200 hectares"),
    ("The museum's 240-metre main gallery reopened on Friday. Curators said the 310-metre gallery "
     "now holds the whole collection.", "310-metre"),
    # two whole numbers whose roundings only touch; "deal makes him" is a verb and its object
    ("Rovers signed the striker on a five-year contract. The four-year deal makes him the best-paid player "
     "in the squad.", "four-year"),
]

CLEAN = [
    # "for 2026-27" stamps the budget with its year, as "in 2026" would; "this year's" is another
    "The trust approved a £612 million budget for 2026-27. This year's £590 million budget was overspent.",
    # a change's step after "by" is no level of the thing
    "The airport will extend its runway by 1,200 metres. The existing 1,347-metre runway is too short for jets.",
    # a time at the head of a sentence covers its later figures: next year's parts are not this year's budget
    "The council approved a $2.4 billion budget for next year, split between a $1.3 billion operating budget "
    "and $1.1 billion in capital spending. The total is 6.7% more than this year's $2.25 billion budget.",
    # "the country" is the object of "leaves", not a determiner of the hedged figure after it
    "About 177,000 homes were completed in the first year. The result leaves the country about 63,000 homes "
    "behind that pace.",
    # one amount in two scale words
    "The bank agreed a $1.2bn loan with the port. The 1,200 million dollar loan runs for ten years.",
    # a hedge covers the difference
    "Organisers expect around 4,000 runners. The 4,000 runners will start in three waves.",
    "Nearly 5,000 seats were sold for the final. The 4,800 seats sold were mostly in the north stand.",
    # a bound
    "More than 500 homes were flooded. The 532 homes will get emergency grants.",
    # a ceiling and the number deployed
    "The mission's ceiling is 9,000 troops. The 8,200 troops now deployed come from 30 countries.",
    # two years
    "The city built 2,180 homes last year. That was double the 1,100 homes finished in 2021.",
    # a change's starting figure is an earlier state
    "The force will grow from 500 personnel to 4,000. The 4,000 personnel will train local units.",
    # a part is not the whole
    "The airline ordered 24 jets. The first six jets arrive next year and the 24 jets cost $3bn.",
]


@pytest.mark.parametrize("text, figure", FLAGGED)
def test_flags_the_restatement_that_disagrees(text: str, figure: str) -> None:
    found = findings("figure-conflict", text)
    assert len(found) == 1
    assert figure in flagged_text(text, found[0])
    assert found[0].related, "the other mention is listed as related"


@pytest.mark.parametrize("text", CLEAN)
def test_clean_near_misses(text: str) -> None:
    assert findings("figure-conflict", text) == []


def test_one_problem_is_one_finding() -> None:
    text = ("The navy ordered 12 frigates. The 12 frigates will be built in Glasgow. "
            "Ministers said the 14 frigates would cost £4bn.")
    found = findings("figure-conflict", text)
    assert len(found) == 1
    assert "14 frigates" in flagged_text(text, found[0])
    assert len(found[0].related) == 2


def test_message_names_both_figures_and_the_reading() -> None:
    text = FLAGGED[0][0]
    message = findings("figure-conflict", text)[0].message
    assert "3,100 soldiers" in message and "3,600-strong" in message
    assert "3,100 against 3,600" in message


def test_takes_no_parameters() -> None:
    with pytest.raises(ParamError) as err:
        FigureConflict().parse_params({"tolerance": 1})
    assert err.value.key == "tolerance"


def test_the_odd_figure_of_a_large_group_is_found_by_sorting_not_pairing() -> None:
    from factcheck.builtin.kinds.figure_conflict import _agreement_counts
    from factcheck.model import Quantity, Span
    from factcheck.units import Units

    def q(value: float, start: int, unit: str = "") -> Quantity:
        return Quantity(Span(start, start + 1), str(value), value, unit=unit, resolution=1.0)

    group = [q(27, 0), *(q(29, i) for i in range(1, 2000)), q(5, 2001, "kilogram")]
    counts = _agreement_counts(group, Units())
    assert counts[0] == 1  # 27 agrees only with the mass it cannot be compared with
    assert counts[1] == len(group) - 2 and counts[-1] == len(group) - 1


def test_agreement_counts_in_one_unit_are_the_pairwise_counts():
    from factcheck.builtin.kinds.figure_conflict import _agree, _agreement_counts
    from kind_helpers import checker

    units = checker().units
    figures = checker().extract_text(
        "about 500 troops, 520 troops, more than 480 troops, 4,000 troops, fewer than 300 troops, "
        "200 to 250 troops, nearly 5,000 troops, 4,800 troops, at least 312 troops, 500 troops, 12 troops").quantities
    assert len({f.unit for f in figures}) == 1 and len(figures) == 11
    pairwise = [sum(_agree(m, other, units) for other in figures if other is not m) for m in figures]
    assert _agreement_counts(list(figures), units) == pairwise
    assert pairwise[0] == 4, "about 500 agrees with 520, more than 480, at least 312 and 500"
