"""The tolerance model shared by the checks: what range of true values a written figure allows.

A figure stands for its rounding interval (half a unit of its last
significant digit: "4,000" is 3,500–4,500, "4,012" is 4,011.5–4,012.5). A
hedge widens that interval by the half-width readers give it
(``factcheck/data/hedges.yaml``), on one side for directional hedges
("nearly", "more than"); a bound ("more than", "up to") leaves the other side
open. Checks decide whether to flag with the generous widths and word their
messages with the median ones.
"""
from __future__ import annotations

import bisect
import functools
import math
from pathlib import Path

import yaml

from factcheck.model import Qualifier, Quantity

HEDGES_FILE = Path(__file__).resolve().parents[1] / "data" / "hedges.yaml"


@functools.cache
def _hedge_table() -> tuple[list[float], dict[str, dict]]:
    data = yaml.safe_load(HEDGES_FILE.read_text(encoding="utf-8"))
    table = dict(data["hedges"])
    for alias, measured in data["same_as"].items():
        table[alias] = table[measured]
    return [math.log(m) for m in data["magnitudes"]], table


def hedge_width(hedge: str | None, value: float, generous: bool = True) -> tuple[float, str]:
    """The half-width a hedge gives ``value`` (in its units), and the side it widens."""
    logs, table = _hedge_table()
    entry = table.get(hedge or "", table["about"])
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


def interval(quantity: Quantity, generous: bool = True) -> tuple[float, float]:
    """The true values a reader accepts for ``quantity``, in its own unit.

    A range "200–250" is [200, 250] widened by rounding; a vague amount is its
    reader's bounds ("hundreds" is 200–999).
    """
    low, high = quantity.bounds
    if quantity.vague:
        return low, high
    half = (quantity.resolution or 0.0) / 2
    low, high = low - half, high + half
    qualifier = quantity.qualifier
    if qualifier is None:
        return low, high
    anchor = quantity.value if quantity.value is not None else (quantity.high if qualifier == Qualifier.MAX else quantity.low)
    width, side = hedge_width(quantity.hedge, anchor or 0.0, generous)
    if qualifier == Qualifier.MIN:
        return low, math.inf
    if qualifier == Qualifier.MAX:
        return -math.inf, high
    if side == "below":
        return low - width, high
    if side == "above":
        return low, high + width
    return low - width, high + width


def agree(a: Quantity, b: Quantity, generous: bool = True) -> bool:
    """True when some true value is allowed by both figures (same unit assumed)."""
    a_low, a_high = interval(a, generous)
    b_low, b_high = interval(b, generous)
    return a_low <= b_high and b_low <= a_high


def ratio_range(before: Quantity, after: Quantity, generous: bool = True) -> tuple[float, float]:
    """The smallest and largest after/before ratios the two figures allow."""
    b_low, b_high = interval(before, generous)
    a_low, a_high = interval(after, generous)
    b_low, b_high = max(b_low, 1e-12), max(b_high, 1e-12)
    return max(a_low, 0.0) / b_high, a_high / b_low
