"""change-descriptor: words that size or direct a change against its from/to figures."""
from __future__ import annotations

import pytest

from kind_helpers import findings, flagged_text
from factcheck.builtin.kinds.change_descriptor import ChangeDescriptor
from factcheck.errors import ParamError

FLAGGED = [
    ("The fleet will grow from 300 buses to around 2,400, and officials call the increase \"gradual\".",
     "gradual"),
    ("Ridership rose from 40 million trips to 32 million.", "rose"),
    ("Rents fell sharply, from £1,210 a month to £1,198.", "sharply"),
    ("The charity's income doubled, from £3.1 million to £4.4 million.", "doubled"),
    ("Staff numbers will be halved, from 820 to 610.", "halved"),
    ("Waiting lists grew slightly last year, climbing from 5,200 patients to 7,900.", "slightly"),
    ("Deliveries plunged, dropping from 4,410 parcels a day to 4,380.", "plunged"),
    ("The number of lifeboat launches went from 180 to 650 in a decade. "
     "The coastguard described the change as modest.", "modest"),
    # the base in the next sentence, as the level the same thing "had stood at"
    ("Unemployment in the region eased slightly to 4.2% in June. Unemployment had stood at 6.1% in January, "
     "its highest for a decade.", "slightly"),
    # "in the financial year" is a time, not another thing that doubled
    ("Sales of heat pumps doubled in the financial year to March. Installers fitted 31,000 units, "
     "compared with 22,000 the year before.", "doubled"),
]

CLEAN = [
    "Bus fares edged up to £2.10 from £2.00, a slight rise.",
    "Sales more than doubled, from 1,800 to 4,100.",
    "Membership nearly halved, from 9,400 to 4,800.",
    "Prices rose sharply, from £3.20 to £4.10 a kilo.",
    # "slightly" here describes a level, not the change in the same sentence
    "Wages have risen from £560 to £700 a week, so real pay is now only slightly above its 2019 level.",
    # the small word belongs to the second change
    "Exports jumped from 12,000 tonnes to 19,000 tonnes, while imports rose slightly, from 8,000 tonnes to 8,200.",
    # a fall, said to fall
    "Crime fell from 1,400 offences to 1,150.",
    # the lede's subject is named by a later change, not by the comparison right after it
    "Profits at the Harbour Group edged up last year. The group employed 4,200 people at the end of December, "
    "compared with 3,100 a year earlier. Pre-tax profit was £41.2m, up from £40.1m.",
    "Unemployment in the region eased slightly to 5.9% in June. Unemployment had stood at 6.1% in January.",
    # another subject's earlier level is no base
    "Unemployment in the region eased slightly to 4.2% in June. Inflation had stood at 6.1% in January.",
    # "small" sizes the merchants, not the change
    "Revenue rose from £3.1m to £5.2m as more small merchants signed up.",
    # "after the first increase" names the time of this fall, not its word
    "Subscribers fell slightly after the first increase, to 13.2 million in February from 13.5 million in December.",
]


@pytest.mark.parametrize("text, word", FLAGGED)
def test_flags_the_word_that_does_not_fit(text: str, word: str) -> None:
    found = findings("change-descriptor", text)
    assert len(found) == 1
    assert flagged_text(text, found[0]) == word
    assert found[0].related


@pytest.mark.parametrize("text", CLEAN)
def test_clean_near_misses(text: str) -> None:
    assert findings("change-descriptor", text) == []


def test_message_gives_both_figures_the_ratio_and_what_the_word_allows() -> None:
    message = findings("change-descriptor", FLAGGED[0][0])[0].message
    assert "300 buses → around 2,400 is ×8.0" in message
    assert "at most 25%" in message


def test_message_quotes_figures_as_written() -> None:
    # the ratio drops a trailing ".00"; the figures keep theirs
    message = findings("change-descriptor", "Fees rose modestly, from £2.50 to £4.00 an hour.")[0].message
    assert "£2.50 → £4.00 an hour is ×1.60" in message


def test_a_stated_percentage_stands_in_for_a_missing_starting_figure() -> None:
    text = "Turnover rose sharply, by 0.8%, to £412 million."
    assert [flagged_text(text, f) for f in findings("change-descriptor", text)] == ["sharply"]


@pytest.mark.parametrize("params, key", [
    ({"classes": {"small": {"words": ["slight"]}}}, "classes.small"),
    ({"classes": {"small": {"max_change": "a lot", "words": ["slight"]}}}, "classes.small.max_change"),
    ({"classes": {"up": {"direction": "sideways", "words": ["rose"]}}}, "classes.up.direction"),
    ({"classes": {"a": {"max_change": 0.1, "words": ["slight"]}, "b": {"min_change": 0.1, "words": ["slight"]}}},
     "classes.b.words"),
    ({"classes": {"a": {"max_change": 0.1, "words": ["slight"], "needs_anchor": "yes"}}}, "classes.a.needs_anchor"),
    ({"classes": {"a": {"min_change": 0.1, "max_change_rates": 0.2, "words": ["sharp"]}}},
     "classes.a.max_change_rates"),
    ({"classes": {"a": {"direction": "up", "words": ["rose"]}, "b": {"direction": "down", "words": ["rose"]}}},
     "classes.b.words"),
    ({"classes": {}, "colour": 1}, "colour"),
])
def test_bad_parameters_name_their_key(params: dict, key: str) -> None:
    with pytest.raises(ParamError) as err:
        ChangeDescriptor().parse_params(params)
    assert err.value.key == key
