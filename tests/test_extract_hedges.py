"""Hedges and bounds: approx, min, max; changes and periods that only look like bounds."""
from __future__ import annotations

import pytest

from extract_support import the_quantity

HEDGED = [
    ("Around 6,000 fans were locked out of the ground.", "Around 6,000 fans", "approx", "around"),
    ("The storm left roughly 90,000 homes without power.", "roughly 90,000 homes", "approx", "roughly"),
    ("Nearly 30% of pupils in Hull are persistently absent.", "Nearly 30%", "approx", "nearly"),
    ("The heist netted an estimated £26m in gold.", "an estimated £26m", "approx", "an estimated"),
    ("Some 70 lorries were stuck on the M20.", "Some 70 lorries", "approx", "some"),
    ("More than 1,000 flights were cancelled at Heathrow.", "More than 1,000 flights", "min", "more than"),
    ("The flood barrier cost at least $1.1bn.", "at least $1.1bn", "min", "at least"),
    ("Over 40,000 runners signed up for the ballot.", "Over 40,000 runners", "min", "over"),
    ("The new law lets councils fine owners up to £5,000.", "up to £5,000", "max", "up to"),
    ("Fewer than 200 tickets remain for the final.", "Fewer than 200 tickets", "max", "fewer than"),
    ("Ministers promised no more than 3% a year in rent rises.", "no more than 3% a year", "max", "no more than"),
    ("Under 10% of the land is protected.", "Under 10%", "max", "under"),
    ("The crowd of 2,000 or so cheered.", "2,000 or so", "approx", "or so"),
    ("Attendance of 500 or more is expected.", "500 or more", "min", "or more"),
]


@pytest.mark.parametrize("text, quote, qualifier, hedge", HEDGED)
def test_hedges(text: str, quote: str, qualifier: str, hedge: str) -> None:
    quantity = the_quantity(text, quote)
    assert quantity.qualifier is not None and quantity.qualifier.value == qualifier
    assert quantity.hedge == hedge


@pytest.mark.parametrize("text, quote", [
    ("Inflation edged up to 2.4% in May.", "2.4%"),
    ("The jobless rate crept up to 5.1 per cent.", "5.1 per cent"),
    ("Three grants of 40,000 euros, adding up to 120,000 euros, were paid.", "120,000 euros"),
    ("The loan is repaid over 25 years.", "25 years"),
    ("Mortgage rates fell from 5.9% to 4.8% over 18 months.", "18 months"),
    ("Output rose 4% over the past three months and 9% over two years.", "two years"),
    ("The new curriculum will be phased in over 18 months.", "18 months"),
    ("Crews waited more than an hour to hand over 1,946 patients in January.", "1,946 patients"),
])
def test_changes_and_periods_are_not_bounds(text: str, quote: str) -> None:
    assert the_quantity(text, quote).qualifier is None


@pytest.mark.parametrize("text, quote", [
    ("The strike lasted over three weeks.", "over three weeks"),
    ("She has worked there for over a decade.", "over a decade"),
    ("Patients waited more than a year for surgery.", "more than a year"),
    ("It was the first fall in over a decade.", "over a decade"),
])
def test_bounded_lengths_of_time(text: str, quote: str) -> None:
    quantity = the_quantity(text, quote)
    assert quantity.qualifier is not None and quantity.qualifier.value == "min"


@pytest.mark.parametrize("text, quote, qualifier", [
    ("The jab is offered to people aged 75 and over.", "aged 75 and over", "min"),
    ("Children aged 11 and under travel free.", "aged 11 and under", "max"),
    ("The drug is licensed for a BMI of 35 or higher.", "35 or higher", "min"),
])
def test_hedges_after_the_figure(text: str, quote: str, qualifier: str) -> None:
    quantity = the_quantity(text, quote)
    assert quantity.qualifier is not None and quantity.qualifier.value == qualifier


@pytest.mark.parametrize("text, quote, hedge", [
    ("Children aged 11 and  under travel free.", "aged 11 and  under", "and under"),
    ("The drug is licensed for a BMI of 35 or\nhigher.", "35 or\nhigher", "or higher"),
    ("A typical household will pay £1,717and \t under the cap.", "£1,717and \t under", "and under"),
])
def test_a_hedge_after_the_figure_may_be_spread_over_any_white_space(text: str, quote: str, hedge: str) -> None:
    from kind_helpers import checker

    analysis = checker().extract_text(text)
    assert analysis.failures == ()
    [quantity] = [q for q in analysis.quantities if q.text == quote]
    assert quantity.hedge == hedge


@pytest.mark.parametrize("text, quote, qualifier, hedge", [
    ("Among those averaging 7,000 steps or more, 5.9% died.", "7,000 steps", "min", "or more"),
    ("Households with three children or fewer got the grant.", "three children", "max", "or fewer"),
])
def test_a_bound_after_the_counted_noun(text: str, quote: str, qualifier: str, hedge: str) -> None:
    quantity = the_quantity(text, quote)
    assert quantity.qualifier is not None and quantity.qualifier.value == qualifier
    assert quantity.hedge == hedge


def test_plus_after_the_counted_noun_adds_another_count() -> None:
    assert the_quantity("The school has 400 students plus 30 staff.", "400 students").qualifier is None
