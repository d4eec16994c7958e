"""Digits swapped in copying a figure: the written digits and the swap between two figures."""
from __future__ import annotations

import pytest

from factcheck.builtin.relate.transpositions import swapped, written_digits


@pytest.mark.parametrize("text, digits", [
    ("£1.37m", ("137", 1)),
    ("14,200 containers", ("14200", 5)),
    ("about 186,000 refugees", ("186000", 6)),
    ("27.75% rate", ("2775", 2)),
    ("the 213 vacant nursing posts", ("213", 3)),
])
def test_written_digits_are_the_significant_digits_and_the_place_of_the_point(text: str,
                                                                              digits: tuple[str, int]) -> None:
    assert written_digits(text) == digits


def test_a_figure_without_digits_has_none() -> None:
    assert written_digits("a dozen") is None


@pytest.mark.parametrize("first, second, distance", [
    ("312", "321", 1),
    ("1240", "1420", 1),
    ("312", "213", 2),
    ("4312", "4132", 1),
])
def test_one_swap_and_how_far_apart_its_digits_are(first: str, second: str, distance: int) -> None:
    assert swapped(first, second) == distance


@pytest.mark.parametrize("first, second", [
    ("312", "312"),    # the same figure
    ("312", "3120"),   # another length
    ("1234", "2143"),  # two swaps
    ("312", "322"),    # another digit
])
def test_anything_but_one_swap_is_none(first: str, second: str) -> None:
    assert swapped(first, second) is None
