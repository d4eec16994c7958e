"""change-arithmetic: stated percentages, points and multiples against from/to figures."""
from __future__ import annotations

import pytest

from kind_helpers import findings, flagged_text
from factcheck.builtin.kinds.change_arithmetic import ChangeArithmetic
from factcheck.errors import ParamError

FLAGGED = [
    ("Membership climbed 30% to 5,200 from 4,600.", "30%"),
    ("Vacancy rates went from 12% to 7%, a drop of 8 percentage points.", "8 percentage points"),
    ("Output rose fivefold, from 80 tonnes to 240 tonnes.", "fivefold"),
    ("Emissions fell from 71 tonnes to 9.8 tonnes, a fivefold cut.", "fivefold"),
    # a change word after a comma and "as" is another clause's: the size before is the change's
    ("Harbour Bank reported a 38% jump in annual profit on Tuesday, to £1.9bn from £1.6bn, as higher rates "
     "lifted its margins.", "38%"),
    # "grew 85% to": a size between the verb and "to", the base after a long time phrase
    ("Revenue grew 85% to ₹412 crore in the financial year ended March 2025, from ₹238 crore a year earlier.",
     "85%"),
    # the starting figure's conversion in brackets between "from" and "to"
    ("The glacier shrank from 48 square kilometres (18.5 square miles) in 1966 to 36 square kilometres "
     "in 2023, a loss of 33%.", "33%"),
    # a length of time between the two figures of "from ... to"
    ("Burglaries fell from 512 in the first six months of last year to 388 in the same period this year, "
     "a drop of 42%.", "42%"),
    ("The county raised its recycling target from 2,500 tonnes to 3,000 by 2030, a 40% increase.", "40%"),
    ("Passenger numbers fell by a quarter, from 6.4 million to 5.6 million.", "a quarter"),
    ("Sales revenue was $8.8 billion, up 31% from $7.6 billion a year earlier.", "31%"),
]

CLEAN = [
    "Visitors rose by a third, from 2.4 million to 3.2 million.",
    "The rate rose from 4% to 5%, up 1%.",
    "Turnout fell to 48.2% from 55.9%, a drop of 7.7 percentage points.",
    "Prices have fallen by nearly half since 2020, from 31 cents a unit to 17 cents.",
    "Capacity rose threefold, from 14 gigawatts to 42 gigawatts.",
    # a multiple of a fall divides
    "Rules capped the sulphur content of fuel at 0.5%, down from 3.5%, a sevenfold reduction.",
    "Fees went up 4% to £1,040 from £1,000.",
    # the percentage belongs to another change in the sentence
    "Shares rose 6% after revenue grew from $3.8bn to $4.6bn.",
    "Grain exports fell 8% to 14.6 million tonnes, from 15.9 million.",
]


@pytest.mark.parametrize("text, stated", FLAGGED)
def test_flags_the_stated_size(text: str, stated: str) -> None:
    found = findings("change-arithmetic", text)
    assert len(found) == 1
    assert stated in flagged_text(text, found[0])
    assert found[0].related


@pytest.mark.parametrize("text", CLEAN)
def test_clean_near_misses(text: str) -> None:
    assert findings("change-arithmetic", text) == []


def test_message_gives_the_computed_change() -> None:
    message = findings("change-arithmetic", FLAGGED[0][0])[0].message
    assert "4,600 → 5,200 is a change of 13.0%" in message


def test_three_times_more_allows_three_or_four() -> None:
    assert findings("change-arithmetic", "Downloads rose three times more, from 50,000 to 200,000.") == []
    assert findings("change-arithmetic", "Downloads rose three times more, from 50,000 to 400,000.")


def test_slack_must_be_a_fraction() -> None:
    with pytest.raises(ParamError) as err:
        ChangeArithmetic().parse_params({"slack": 3})
    assert err.value.key == "slack"


def test_a_change_from_zero_is_judged_by_difference_and_never_by_ratio() -> None:
    assert findings("change-arithmetic", "Cases rose from 0 to 5 this week, a rise of 10%.") == []
    assert findings("change-arithmetic", "Cases rose from 0 to 5 this week, up fivefold.") == []
    [found] = findings("change-arithmetic", "Fees rose by £9, from £0 to £5.")
    assert found.message == "'£9' does not follow from its figures: £0 → £5 is a change of 5 GBP"


@pytest.mark.parametrize("text", [
    "The charge will rise from £48 to £52 a year, an increase of just over 8%.",
    "Membership grew from 1,200 to 1,500, a rise of more than 20%.",
])
def test_a_stated_bound_that_the_change_meets_is_clean(text: str) -> None:
    assert findings("change-arithmetic", text) == []


def test_a_stated_bound_that_the_change_misses_is_flagged() -> None:
    assert len(findings("change-arithmetic", "Membership grew from 1,200 to 1,300, a rise of more than 20%.")) == 1
