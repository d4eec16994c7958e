"""sum-mismatch: listed parts against their stated total."""
from __future__ import annotations

import pytest

from kind_helpers import findings, flagged_text
from factcheck.builtin.kinds.sum_mismatch import SumMismatch
from factcheck.errors import ParamError

FLAGGED = [
    ("The £30 million fund is split between £14 million for clinics, £11 million for training and "
     "£8 million for equipment.", "£30 million"),
    ("Of the 900 applicants, 420 were from the city, 380 from the county and 150 from elsewhere.", "900"),
    ("The club sold 2,600 season tickets. Of these, 1,450 went to adults, 900 to children and 380 to "
     "pensioners.", "2,600 season tickets"),
    ("Independents hold most seats on the 40-seat assembly with 17 seats, the Liberals won 14, "
     "Labour took 8 and the Greens 4.", "40-seat"),
    ("Planners approved a 210-home scheme. The homes will comprise 120 flats, 60 houses and 20 bungalows.",
     "210-home"),
    # a list that opens with all of a thing, then shares it out
    ("With all 48 seats declared, Labour held 25, the Conservatives 13, the Greens 7 and independents 5.",
     "48 seats"),
]

CLEAN = [
    "With all 48 seats declared, Labour held 25, the Conservatives 13, the Greens 7 and independents 3.",
    # all of a thing, with some of it singled out: no claim that the parts cover it
    "All 12 schools in the district reopened on Monday, 4 of them late and 2 early.",
    "The 64 stations, including 20 in the north and 15 in the west, will get new lifts.",
    "The hospital has 150 beds, comprising 90 general beds, 40 surgical beds and 20 critical-care beds.",
    "The £15.6 million budget is split between £9.1 million for staff, £4.3 million for buildings and "
    "£2.2 million for equipment.",
    "Of the 1,200 delegates, 700 backed the motion and 450 opposed it.",
    "The firm opened 112 shops last year, including 48 in Spain and 31 in Italy.",
]


@pytest.mark.parametrize("text, total", FLAGGED)
def test_flags_the_total(text: str, total: str) -> None:
    found = findings("sum-mismatch", text)
    assert len(found) == 1
    assert total in flagged_text(text, found[0])
    assert found[0].related


@pytest.mark.parametrize("text", CLEAN)
def test_clean_near_misses(text: str) -> None:
    assert findings("sum-mismatch", text) == []


def test_message_gives_the_sum() -> None:
    message = findings("sum-mismatch", FLAGGED[0][0])[0].message
    assert "add up to 33,000,000, more than the total" in message


def test_takes_no_parameters() -> None:
    with pytest.raises(ParamError):
        SumMismatch().parse_params({"slack": 1})
