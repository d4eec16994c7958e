"""Helpers the check kinds share: how to write a figure's reading in a message."""
from __future__ import annotations

import math

from factcheck.builtin.tolerance import Interval, describe_number, interval
from factcheck.model import Quantity


def unit_label(unit: str) -> str:
    """A unit as a reader would name it in a message ("" for a plain count)."""
    labels = {"percent": "%", "percentage_point": " points", "degree_Celsius": "C", "degree_Fahrenheit": "F",
              "delta_degree_Celsius": "C", "delta_degree_Fahrenheit": "F"}
    if unit in labels:
        return labels[unit]
    if unit.startswith("1 / "):
        return f" a {unit[4:].replace('_', ' ')}"  # a count in a time: "14 a week"
    return f" {unit.replace('_', ' ')}" if unit else ""


def reading(span: Interval, unit: str = "") -> str:
    """An interval as text: "23.5–24.5", "at least 60,000", "at most 300"."""
    low, high = span
    label = unit_label(unit)
    if not math.isfinite(high) and math.isfinite(low):
        return f"at least {describe_number(low)}{label}"
    if not math.isfinite(low) and math.isfinite(high):
        return f"at most {describe_number(high)}{label}"
    if describe_number(low) == describe_number(high):
        return f"{describe_number(low)}{label}"
    return f"{describe_number(low)}–{describe_number(high)}{label}"


def quantity_reading(quantity: Quantity) -> str:
    """What a figure allows, after rounding and hedges."""
    return reading(interval(quantity), quantity.unit)
