"""unit-conversion: an amount restated in other units."""
from __future__ import annotations

import pytest

from kind_helpers import findings, flagged_text
from factcheck.builtin.kinds.unit_conversion import UnitConversion
from factcheck.errors import ParamError

FLAGGED = [
    ("The route follows a 25 km (21 mile) trail along the coast.", "21 mile"),
    ("Warming of 2C (35.6F) is expected by the end of the century.", "35.6F"),
    ("The tower is 300 metres (720 feet) tall.", "720 feet"),
    ("The tank holds 500 litres, or 500 gallons, of water.", "500 gallons"),
    ("Winds reached 120 km/h (90 mph) on the coast.", "90 mph"),
]

CLEAN = [
    "A 5 km (3.1 mile) loop runs around the lake.",
    "The sea is 1.5C (2.7F) warmer than normal for June.",
    "Temperatures reached 38C (100F) in the afternoon.",
    "The estate covers 4,200 hectares (10,400 acres).",
    "The 210-metre (690-foot) bridge opened in 1932.",
    "Forecasters expect highs of 31C to 33C (88F to 91F).",
    "The loan of €50 million ($54 million) was approved.",
    # a reading, then a difference with its own brackets: the first is no difference
    "Temperatures in Cardiff reached 16C (61F), about 7C (13F) above the November average.",
]


@pytest.mark.parametrize("text, target", FLAGGED)
def test_flags_the_conversion(text: str, target: str) -> None:
    found = findings("unit-conversion", text)
    assert len(found) == 1
    assert target in flagged_text(text, found[0])


@pytest.mark.parametrize("text", CLEAN)
def test_clean_near_misses(text: str) -> None:
    assert findings("unit-conversion", text) == []


def test_a_temperature_difference_converts_as_a_difference() -> None:
    message = findings("unit-conversion", FLAGGED[1][0])[0].message
    assert "a difference of 2C is 3.6F" in message


def test_tolerance_is_checked() -> None:
    with pytest.raises(ParamError) as err:
        UnitConversion().parse_params({"tolerance": -1})
    assert err.value.key == "tolerance"
