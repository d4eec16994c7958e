"""date-mismatch: weekdays, durations and ages against their dates."""
from __future__ import annotations

import pytest

from kind_helpers import findings, flagged_text
from factcheck.builtin.kinds.date_mismatch import DateMismatch
from factcheck.errors import ParamError

FLAGGED = [
    ("The summit opens on Friday, March 2, 2028, in Vienna.", "Friday, March 2, 2028"),
    ("The three-year trial, which ran from 2015 to 2022, was stopped early.", "three-year"),
    ("In the 20 years between 1960 and 1990 the glacier lost a third of its length.", "20 years"),
    ("The bridge will shut for a 10-day closure from 3 to 9 November.", "10-day"),
    ("The fair ran for ten days, 3-9 June, on the common.", "ten days"),
    # the end named first, the start after it
    ("Miners returned to work on 1 September, ending a three-week strike that began on 4 August.", "three-week"),
    # the word that ends the stretch follows the second date
    ("Work began on 14 March 2023 and the last cable was laid on 2 August 2024, completing a 14-month build.",
     "14-month"),
    # the thing a length sizes, named again by the sentence of its dates (a synonym counts)
    ("Dockers have ended a 12-day walkout that closed the port. Talks went on all weekend. The strike began on "
     "2 June 2025 and was called off on 30 June.", "12-day"),
    ("Marsh was found guilty on 20 May of three counts of fraud, after a trial that opened on 28 April 2026. "
     "His lawyer said he would appeal. The judge said the six-week trial had exposed a cynical deceit.",
     "six-week"),
    ("The library took 30 months to build between May 2021 and its opening in June 2022.", "30 months"),
    # a weekday's date with no year against the one before it: twelve days after a Sunday is a Friday
    ("The fire began on Sunday 12 January 2025. It was declared contained on Thursday 24 January.",
     "Thursday 24 January"),
    ("The sale opens on Saturday 15 February and closes on Tuesday 17 February.", "Tuesday 17 February"),
    ("The ten-year scheme, launched in 2019 and wound up in 2023, cost £40 million.", "ten-year"),
    ("Work on the tunnel ran from 1 January 2022 to 30 June 2025, four and a half years.", "four and a half years"),
    ("The race was held on Sunday, April 12, 2026. The winner, a 31-year-old who was born in 1990, "
     "led from the start.", "31-year-old"),
]

CLEAN = [
    "The summit opens on Thursday, March 2, 2028, in Vienna.",
    # "the two years" are years named before, not the stretch of another clause's dates
    "Together, the two years wiped out as much ice as was lost between 1960 and 1990.",
    "The fair ran for seven days, 3-9 June, on the common.",
    "The 10-year yield fell as traders looked to the central bank's meeting on Sept. 16-17.",
    "Miners returned to work on 1 September, ending a four-week strike that began on 4 August.",
    "Dockers have ended a four-week walkout that closed the port. Talks went on all weekend. The strike began on "
    "2 June 2025 and was called off on 30 June.",
    "The library took 13 months to build between May 2021 and its opening in June 2022.",
    "The sale opens on Saturday 15 February and closes on Monday 17 February.",
    # across the end of February, a common or a leap year may be meant
    "Voting opens on Saturday 27 February and closes on Monday 1 March.",
    "A decade-long study, which ran from 2012 to 2022, tracked 4,000 children.",
    "The eight-year programme, launched in 2016 and wound up in 2024, reached 1.2 million pupils.",
    "The race was held on Sunday, April 12, 2026. The winner, a 28-year-old who was born in 1998, "
    "led from the start.",
    "The pier opened in 1887 and was rebuilt in 1998, 111 years later.",
    # a length in words is read to its last written unit, not to the day
    "Work on the tunnel ran from 1 January 2022 to 30 June 2025, three and a half years.",
    # no full date to measure the age from
    "The winner, a 40-year-old who was born in 1990, led from the start.",
]


@pytest.mark.parametrize("text, stated", FLAGGED)
def test_flags_what_the_dates_contradict(text: str, stated: str) -> None:
    found = findings("date-mismatch", text)
    assert len(found) == 1
    assert stated in flagged_text(text, found[0])


@pytest.mark.parametrize("text", CLEAN)
def test_clean_near_misses(text: str) -> None:
    assert findings("date-mismatch", text) == []


def test_weekday_message_names_the_right_day() -> None:
    assert "is a Thursday, not a Friday" in findings("date-mismatch", FLAGGED[0][0])[0].message


def test_takes_no_parameters() -> None:
    with pytest.raises(ParamError):
        DateMismatch().parse_params({"strict": True})
