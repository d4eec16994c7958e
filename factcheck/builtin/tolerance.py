"""The tolerance model shared by the checks: what range of true values a written figure allows.

A figure stands for its rounding interval (half a unit of its last
significant digit: "4,000" is 3,500–4,500, "4,012" is 4,011.5–4,012.5). A
hedge widens that interval by the half-width readers give it
(``factcheck/data/hedges.yaml``), on one side for directional hedges
("nearly", "more than"); a bound ("more than", "up to") leaves the other side
open. Checks decide whether to flag with the generous widths and word their
messages with the median ones.

Two figures written as a pair ("from 2,500 to 3,000") share the finer
precision: a writer who knows the first to the hundred does not round the
second to the thousand.
"""
from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck import patterns
from factcheck.model import Qualifier, Quantity
from factcheck.yamlfile import read_yaml

if TYPE_CHECKING:
    from factcheck.units import Units

HEDGES_FILE = Path(__file__).resolve().parents[1] / "data" / "hedges.yaml"
Interval = tuple[float, float]


@functools.cache
def _hedge_table() -> tuple[list[float], dict[str, dict], dict[str, Qualifier]]:
    data = read_yaml(HEDGES_FILE)
    table = dict(data["hedges"])
    for alias, measured in data["same_as"].items():
        table[alias] = table[measured]
    bounds = {word: Qualifier(kind) for kind, words in data["bounds"].items() for word in words}
    return [math.log(m) for m in data["magnitudes"]], table, bounds


def hedge_words() -> list[str]:
    """Every hedge the model knows, longest first (for building patterns)."""
    return patterns.longest_first(_hedge_table()[1])


def hedge_qualifier(hedge: str) -> Qualifier:
    """The qualifier a hedge word gives a figure: MIN for "more than", MAX for "up to", else APPROX."""
    return _hedge_table()[2].get(hedge.lower(), Qualifier.APPROX)


def hedge_width(hedge: str | None, value: float, generous: bool = True) -> tuple[float, str]:
    """The half-width a hedge gives ``value`` (in its units), and the side it widens."""
    logs, table, _ = _hedge_table()
    entry = table.get((hedge or "").lower(), table["about"])
    widths = entry["generous" if generous else "median"]
    magnitude = math.log(max(abs(value), 1e-9))
    if magnitude <= logs[0]:
        fraction = widths[0]
    elif magnitude >= logs[-1]:
        fraction = widths[-1]
    else:
        i = bisect.bisect_right(logs, magnitude) - 1
        t = (magnitude - logs[i]) / (logs[i + 1] - logs[i])
        fraction = widths[i] + t * (widths[i + 1] - widths[i])
    return abs(value) * fraction, entry["side"]


_UNDER_A_YEAR = 0.999


def interval(quantity: Quantity, generous: bool = True, overlapping: bool = False) -> Interval:
    """The true values a reader accepts for ``quantity``, in its own unit.

    A range "200–250" is [200, 250] widened by rounding; a vague amount is its
    reader's bounds ("hundreds" is 200–999); an age in whole years runs up to
    the next birthday. A hedge widens the rounding by its own width; with
    ``overlapping`` its width stands alone, as readers' widths for a hedged
    figure already allow for its roundness ("about 1,000" is not 300–1,700).
    """
    low, high = quantity.bounds
    if quantity.vague:
        return low, high
    if quantity.age and quantity.qualifier is None and low == high == int(low):
        return low, low + _UNDER_A_YEAR  # "aged 93" is 93 until the 94th birthday: never 94
    half = (quantity.resolution or 0.0) / 2
    low, high = low - half, high + half
    qualifier = quantity.qualifier
    if qualifier is None:
        return low, high
    # A bound names its own edge: "fewer than 300" is below 300, not below 350.
    if qualifier == Qualifier.MIN:
        return low + half, math.inf
    if qualifier == Qualifier.MAX:
        return -math.inf, high - half
    anchor = quantity.value if quantity.value is not None else quantity.low
    width, side = hedge_width(quantity.hedge, anchor or 0.0, generous)
    if overlapping:
        # the hedge's width is what readers allow a figure so hedged, its roundness included: not added to it
        low, high, half = low + half, high - half, 0.0
    # "nearly X" is at most X, "just over X" at least X: the hedge names that edge, as a bound does
    if side == "below":
        return low - width, high - half
    if side == "above":
        return low + half, high + width
    return low - width, high + width


def interval_in(quantity: Quantity, unit: str, units: Units, *, difference: bool = False) -> Interval:
    """``interval(quantity)`` expressed in ``unit`` (same dimension), converted with ``units``."""
    low, high = interval(quantity)
    if quantity.unit == unit:
        return low, high
    ends = [units.convert(v, quantity.unit, unit, difference=difference) if math.isfinite(v) else v
            for v in (low, high)]
    return min(ends), max(ends)


def overlap(a: Interval, b: Interval) -> bool:
    """True when two intervals share a value."""
    return a[0] <= b[1] and b[0] <= a[1]


def agree(a: Quantity, b: Quantity, units: Units | None = None, generous: bool = True) -> bool:
    """True when some true value is allowed by both figures (converted to ``a``'s unit with ``units``).

    Two ranges that only touch share no value: "five" (4.5 to 5.5) and
    "four" (3.5 to 4.5) are two different whole numbers, as a rounding
    covers its lower end and stops short of its upper one.
    """
    first = interval(a, generous)
    second = interval_in(b, a.unit, units) if units is not None and a.unit != b.unit else interval(b, generous)
    if not overlap(first, second):
        return False
    touching = first[1] == second[0] or second[1] == first[0]
    return not (touching and first[0] < first[1] and second[0] < second[1])


def paired(first: Quantity, second: Quantity) -> tuple[Quantity, Quantity]:
    """Two figures written as a pair, the rounder one given the other's finer precision.

    Only bare figures are sharpened: a hedge ("around 4,000") says the writer
    rounded on purpose.
    """
    def sharpen(q: Quantity, other: Quantity) -> Quantity:
        if (q.qualifier is None and other.qualifier is None and q.resolution and other.resolution
                and other.resolution < q.resolution and q.unit == other.unit):
            return replace(q, resolution=other.resolution)
        return q
    return sharpen(first, second), sharpen(second, first)


def listed(quantities: list[Quantity]) -> list[Quantity]:
    """Figures written as one list, each given the finest precision among them.

    "31%, 29%, 20% and 13%" gives 20% to the unit as well, not to the ten:
    a writer who knows the others to the unit rounds them all alike. Hedged
    figures keep their own precision.
    """
    finest = min((q.resolution for q in quantities if q.resolution and q.qualifier is None), default=None)
    if finest is None:
        return quantities
    return [replace(q, resolution=finest) if q.qualifier is None and q.resolution and q.resolution > finest
            and all(q.unit == other.unit for other in quantities) else q for q in quantities]


def ratio_range(before: Quantity, after: Quantity, generous: bool = True, overlapping: bool = False) -> Interval:
    """The smallest and largest after/before ratios the two figures allow (see :func:`interval`)."""
    before, after = paired(before, after)
    b_low, b_high = interval(before, generous, overlapping)
    a_low, a_high = interval(after, generous, overlapping)
    b_low, b_high = max(b_low, 1e-12), max(b_high, 1e-12)
    return max(a_low, 0.0) / b_high, a_high / b_low


def difference_range(before: Quantity, after: Quantity, generous: bool = True) -> Interval:
    """The smallest and largest after − before differences the two figures allow."""
    before, after = paired(before, after)
    b_low, b_high = interval(before, generous)
    a_low, a_high = interval(after, generous)
    return a_low - b_high, a_high - b_low


def magnitude_range(span: Interval) -> Interval:
    """The absolute values an interval of signed numbers allows."""
    low, high = span
    if low <= 0 <= high:
        return 0.0, max(-low, high)
    return (low, high) if low > 0 else (-high, -low)


_NUMERAL = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def as_counted(quantity: Quantity) -> Quantity:
    """The figure read as counted rather than rounded: only written decimals make it inexact.

    In a breakdown ("1,240 cases: 610 ..., 420 ...") and its total, "420" is
    420, not 415–425; "£9.1 million" is still £9.05–9.15 million and "£21m"
    £20.5–21.5m. A whole number of things ("27 seats") is exact: things are
    counted in ones. Hedges keep their width.
    """
    match = _NUMERAL.search(quantity.text)
    anchor = quantity.value if quantity.value is not None else quantity.low
    if not match or not anchor:
        return replace(quantity, resolution=0.0) if quantity.resolution else quantity
    written = float(match.group().replace(",", ""))
    if not written:
        return quantity
    step = 10.0 ** -len(match.group(1)) if match.group(1) else 1.0
    if quantity.unit == "" and step == 1.0 and anchor == written:
        return replace(quantity, resolution=0.0)
    return replace(quantity, resolution=abs(step * anchor / written))  # "−32": a width is never negative


def sum_interval(quantities: list[Quantity]) -> Interval:
    """The smallest and largest totals a list of figures allows."""
    spans = [interval(q) for q in quantities]
    return sum(s[0] for s in spans), sum(s[1] for s in spans)


def _rounding(quantity: Quantity) -> float:
    """The half-width a figure's rounding alone gives it (none for a vague amount or a bound)."""
    if quantity.vague or quantity.qualifier in (Qualifier.MIN, Qualifier.MAX):
        return 0.0
    return (quantity.resolution or 0.0) / 2


def combined_rounding(quantities: list[Quantity]) -> float:
    """The half-width of the rounding errors of several figures added or subtracted together.

    Figures rounded on their own rarely all err the same way: the combined
    error is taken as three standard deviations of a sum of independent
    uniform errors (√3 times the root sum of squares of the half-widths),
    never more than the plain sum of the half-widths. For one or two
    figures the two agree; "£1.9bn + £1.6bn + £0.9bn" against "£4.2bn" is
    allowed ±£0.17bn, not ±£0.2bn.
    """
    halves = [_rounding(q) for q in quantities]
    return min(sum(halves), math.sqrt(3 * sum(h * h for h in halves)))


def combined_sum(quantities: list[Quantity], worst_case: bool = False) -> Interval:
    """The smallest and largest totals a list of figures allows, their rounding combined.

    Hedges and bounds widen the sum in full; rounding by
    :func:`combined_rounding`: six shares rounded to the point do not all
    err by half a point the same way. With ``worst_case`` every figure errs
    by its full half-width the same way: the bounds nothing can pass.
    """
    unrounded = [interval(replace(q, resolution=0.0)) if _rounding(q) else interval(q) for q in quantities]
    rounding = sum(_rounding(q) for q in quantities) if worst_case else combined_rounding(quantities)
    return sum(s[0] for s in unrounded) - rounding, sum(s[1] for s in unrounded) + rounding


def sum_gap(parts: list[Quantity], total: Quantity) -> Interval:
    """The smallest and largest values of (sum of ``parts``) − ``total`` that the figures allow.

    Hedges and bounds widen the gap in full; rounding by
    :func:`combined_rounding`.
    """
    unrounded = [interval(replace(q, resolution=0.0)) if _rounding(q) else interval(q) for q in (*parts, total)]
    low = sum(s[0] for s in unrounded[:-1]) - unrounded[-1][1]
    high = sum(s[1] for s in unrounded[:-1]) - unrounded[-1][0]
    rounding = combined_rounding([*parts, total])
    return low - rounding, high + rounding


def value_ratio(first: float, second: float) -> float | None:
    """How many times the larger of two values is the smaller (signs ignored); None when either is zero."""
    low, high = sorted((abs(first), abs(second)))
    return high / low if low else None


def describe_number(value: float) -> str:
    """A number as a reader would write it in a message: 1,305 · 8.7 · 0.42."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    magnitude = abs(value)
    if magnitude >= 100:
        return f"{value:,.0f}"
    if magnitude >= 10:
        return f"{value:,.1f}".rstrip("0").rstrip(".")
    return f"{value:.2f}".rstrip("0").rstrip(".")
