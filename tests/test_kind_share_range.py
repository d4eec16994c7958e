"""share-range: shares of one whole over 100 %."""
from __future__ import annotations

import pytest

from kind_helpers import findings
from factcheck.builtin.kinds.share_range import ShareRange
from factcheck.errors import ParamError

FLAGGED = [
    "In the ballot, 61% voted for the strike and 44% against.",
    "Of the players in the squad, 48% were from Europe, 39% from Africa and 21% from Asia.",
    "The mayor won 53.2% of the vote against 49.6% for his rival.",
    # an item's words may run to some ninety characters
    "Day-trippers arriving by ferry made up 46% of visitors, people staying overnight in hotels, guesthouses "
    "and campsites 37%, and cruise passengers 24%.",
    # a sentence that opens on its whole, then one that opens on "A further" share of it
    "Of the 9,870 attendances recorded during the month, 62% were seen within four hours. A further 31% waited "
    "between four and twelve hours, while 14% waited longer.",
    # 102% from three shares to the point: no rounding of them can bring the sum to 100%
    "Of this year's 9,400 first-year students, 14 per cent are international, 79 per cent are from Ontario and "
    "9 per cent are from other provinces.",
]

CLEAN = [
    "Of the 9,870 attendances recorded during the month, 62% were seen within four hours. A further 31% waited "
    "between four and twelve hours, while 7% waited longer.",
    "Day-trippers arriving by ferry made up 39% of visitors, people staying overnight in hotels, guesthouses "
    "and campsites 37%, and cruise passengers 24%.",
    # two wholes, each of a kind the other is not
    "On the hottest day, 62% of coastal stations and 57% of inland stations recorded more than 35C.",
    "Respondents could give more than one answer: 70% named cost, 55% reliability and 40% speed.",
    "Uptake was 71% in Leeds, against 58% in Bradford.",
    "Of the voters, 52.4% backed the plan and 47.6% opposed it.",
    # 101% from three shares to the point: rounding explains it
    "Of this year's 9,400 first-year students, 14 per cent are international, 78 per cent are from Ontario and "
    "9 per cent are from other provinces.",
    # 103% from six shares to the point is possible, if barely
    "Of the 600 respondents, 31% chose buses, 24% trains, 19% cars, 14% bikes, 9% walking and 6% taxis.",
    "Unemployment fell to 4.1% from 4.6%, while inflation rose to 3.2%.",
    "The reservoir is at 64% of capacity, compared with 81% a year ago.",
    "Support reached 72% among young voters and 58% among pensioners.",
]


@pytest.mark.parametrize("text", FLAGGED)
def test_flags_shares_over_the_whole(text: str) -> None:
    found = findings("share-range", text)
    assert len(found) == 1
    assert len(found[0].related) >= 2


@pytest.mark.parametrize("text", CLEAN)
def test_clean_near_misses(text: str) -> None:
    assert findings("share-range", text) == []


def test_message_gives_the_sum() -> None:
    assert "add up to 105%" in findings("share-range", FLAGGED[0])[0].message


def test_slack_is_checked() -> None:
    with pytest.raises(ParamError) as err:
        ShareRange().parse_params({"slack": "1"})
    assert err.value.key == "slack"
