"""Figures whose digits are another figure's with two of them swapped: "312 nursing vacancies" ... "the 213
vacant nursing posts", "£1.37m" ... "£1.73m".

A swapped pair of digits is the commonest slip in copying a figure, and
two different amounts of one thing rarely share every digit. So two figures
in one unit, written to the same place value, whose digits differ only by
one swap are taken for one figure mistyped when little else says they are
the same thing: their nouns meet (one's head is the other's, or among its
words), and nothing sets them apart (another time, a target against an
outcome, a part against its whole, two places in one table). Figures of
fewer than three digits are left alone ("12" and "21" often are two things).

Figures are bucketed by unit and by their sorted digits, so the work is
linear in the number of figures; only figures within one bucket are paired.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterator, Sequence

from factcheck import patterns
from factcheck.builtin.relate.describe import Description

_DIGITS = patterns.compile(r"\d[\d,.]*")
_MIN_DIGITS = 3
_BUCKET_LIMIT = 12  # figures sharing sorted digits beyond this are a table's run of codes, not slips


def written_digits(text: str) -> tuple[str, int] | None:
    """The significant digits of a figure as written and how many stand before its decimal point:
    "£1.37m" gives ("137", 1), "14,200 containers" ("14200", 5)."""
    match = _DIGITS.search(text)
    if match is None:
        return None
    number = match.group().rstrip(".,")
    whole, _, fraction = number.replace(",", "").partition(".")
    return whole + fraction, len(whole)


def swapped(first: str, second: str) -> int | None:
    """How far apart the two digits are that, swapped, make ``first`` into ``second`` (1 for neighbours:
    "312" and "321"); None when no one swap does."""
    if len(first) != len(second) or first == second:
        return None
    differ = [i for i, (a, b) in enumerate(zip(first, second)) if a != b]
    if len(differ) != 2 or first[differ[0]] != second[differ[1]] or first[differ[1]] != second[differ[0]]:
        return None
    return differ[1] - differ[0]


def transposed_pairs(descriptions: Sequence[Description],
                     unit_of: Callable[[Description], str]) -> Iterator[tuple[Description, Description, int]]:
    """(later, earlier, distance) for figures in one unit whose written digits differ by one swap of digits
    ``distance`` apart."""
    buckets: dict[tuple[str, str, int], list[tuple[str, Description]]] = defaultdict(list)
    for description in descriptions:
        quantity = description.quantity
        if quantity.value is None or quantity.vague or quantity.qualifier is not None and quantity.hedge is None:
            continue
        written = written_digits(quantity.text)
        if written is None or len(written[0]) < _MIN_DIGITS:
            continue
        digits, places = written
        buckets[(unit_of(description), "".join(sorted(digits)), places)].append((digits, description))
    for members in buckets.values():
        if len(members) < 2 or len(members) > _BUCKET_LIMIT:
            continue
        for index, (digits, later) in enumerate(members):
            for other_digits, earlier in members[:index]:
                distance = swapped(digits, other_digits)
                if distance is not None:
                    yield later, earlier, distance

