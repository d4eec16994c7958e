"""The tolerance model: rounding, hedges, bounds, paired precision."""
from __future__ import annotations

import math

import pytest

from kind_helpers import checker
from factcheck.builtin.tolerance import (agree, as_counted, combined_rounding, difference_range, hedge_qualifier,
                                         interval, listed, ratio_range, sum_gap)
from factcheck.model import Qualifier, Quantity


def q(text: str) -> Quantity:
    """The single quantity the extractor reads in ``text``."""
    found = checker().extract_text(text).quantities
    assert len(found) == 1, found
    return found[0]


def test_a_bare_figure_stands_for_its_rounding_interval() -> None:
    assert interval(q("4,012 people")) == (4011.5, 4012.5)
    assert interval(q("1.5 million people")) == (1450000.0, 1550000.0)


def test_hedges_widen_by_reader_norms() -> None:
    low, high = interval(q("around 4,000 people"))
    assert low < 3500 and high > 4500


def test_directional_hedges_widen_one_side() -> None:
    # "nearly X" is [X - w, X] (the semantics notes): at most X, however round X is
    low, high = interval(q("nearly 5,000 people"))
    assert high == 5000 and low < 4500
    assert agree(q("nearly 5,000 people"), q("4,800 people"))
    assert not agree(q("nearly 3,000 nurses"), q("3,150 nurses"))


def test_bounds_name_their_edge() -> None:
    assert interval(q("fewer than 300 cases"))[1] == 300
    assert interval(q("at least 312 cases")) == (312, math.inf)
    assert not agree(q("at least 312 cases"), q("fewer than 300 cases"))


def test_round_figures_disagree_with_sharper_ones_outside_their_interval() -> None:
    assert agree(q("around 4,000 troops"), q("4,000 troops"))
    assert not agree(q("9,600 troops"), q("9,000 troops"))


def test_roundings_that_only_touch_share_no_value() -> None:
    # "five" is 4.5 up to 5.5 and "four" 3.5 up to 4.5: two different whole numbers
    assert not agree(q("five years"), q("four years"))
    assert not agree(q("4,000 troops"), q("5,000 troops"))
    assert agree(q("about 4,000 troops"), q("5,000 troops"))


def test_paired_figures_share_the_finer_precision() -> None:
    before, after = q("2,500 homes"), q("3,000 homes")
    low, high = ratio_range(before, after)
    assert high < 1.25, "3,000 beside 2,500 is read to the hundred"
    low, high = ratio_range(q("500 personnel"), q("around 4,000 personnel"))
    assert 5 < low and high < 12 and not low <= 1.25 <= high


def test_listed_figures_share_the_finest_precision() -> None:
    shares = listed([q("31%"), q("20%"), q("about 10%")])
    assert interval(shares[1]) == (19.5, 20.5), "20% beside 31% is read to the unit"
    assert interval(shares[2]) == interval(q("about 10%")), "a hedge keeps its own width"


def test_differences_of_percentages() -> None:
    low, high = difference_range(q("38%"), q("33%"))
    assert -6 <= low and high <= -4


def test_a_counted_figure_is_exact_but_decimals_round() -> None:
    assert interval(as_counted(q("150 flats"))) == (150, 150)
    assert interval(as_counted(q("£150"))) == (149.5, 150.5)
    assert interval(as_counted(q("1.5 million flats"))) == (1_450_000, 1_550_000)
    low, high = interval(as_counted(q("£9.1 million")))
    assert low == pytest.approx(9.05e6) and high == pytest.approx(9.15e6)


def test_agreement_converts_units() -> None:
    assert agree(q("10 km"), q("6.2 miles"), checker().units)
    assert not agree(q("12 km"), q("9.5 miles"), checker().units)


def test_hedge_bounds() -> None:
    assert hedge_qualifier("more than") == Qualifier.MIN
    assert hedge_qualifier("up to") == Qualifier.MAX
    assert hedge_qualifier("nearly") == Qualifier.APPROX


def test_rounding_of_one_or_two_figures_adds_up_plainly() -> None:
    assert combined_rounding([q("£1.9bn"), q("£4.2bn")]) == pytest.approx(0.1e9)
    assert combined_rounding([q("£1.9bn"), q("£1.6bn"), q("£3.5bn")]) == pytest.approx(0.15e9)


def test_rounding_of_many_figures_rarely_errs_all_one_way() -> None:
    four = [q("£1.9bn"), q("£1.6bn"), q("£0.9bn"), q("£4.2bn")]
    assert combined_rounding(four) == pytest.approx(math.sqrt(3) * 0.1e9)
    assert combined_rounding(four) < 0.2e9


def test_sum_gap_keeps_hedges_whole() -> None:
    low, high = sum_gap([q("£1.9bn"), q("£1.6bn")], q("about £3.5bn"))
    assert low < -0.15e9 and high > 0.15e9  # the hedge alone is wider than the rounding
