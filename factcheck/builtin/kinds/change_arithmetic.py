"""The ``change-arithmetic`` kind: a stated size of a change must follow from its from/to amounts.

A change with a starting and an ending figure and a stated size is checked:

- a percentage ("up 25%", "a 40% increase", "by a quarter") against
  (after − before) / before, also when both figures are themselves
  percentages: "rose from 41% to 46%, an increase of 5%" gives the points as
  a percentage, which a sub-editor corrects to "5 points" or "12%";
- percentage points ("fell 11 points") against after − before;
- an absolute amount ("up £21") against after − before;
- a multiple ("threefold", "three times more") against after / before.

Each side is read with the tolerance model (rounding, hedges, paired
precision), plus ``params.slack`` of the stated size for the writer's own
rounding of a percentage; a size is flagged only when no reading of the
figures reaches it. Direction is change-descriptor's business: sizes are
compared as magnitudes.
"""
from __future__ import annotations

import math

from dataclasses import dataclass, replace
from typing import Any, Iterable, Mapping

from factcheck.builtin.kinds.common import reading
from factcheck.builtin.kinds.params import number, reject_unknown
from factcheck.builtin.tolerance import Interval, difference_range, interval, magnitude_range, overlap, ratio_range
from factcheck.kinds import CheckContext
from factcheck.model import Change, Finding, Quantity, Rule
from factcheck.units import Units


def _widen(span: Interval, slack: float) -> Interval:
    """``span`` with ``slack`` of each end's size added; an open end stays open (inf × 0 is not a number)."""
    low, high = span
    return (low - abs(low) * slack if math.isfinite(low) else low,
            high + abs(high) * slack if math.isfinite(high) else high)


@dataclass(frozen=True)
class Options:
    """The parsed parameters."""

    slack: float
    percent_rounding: float


def _as_computed(stated: Quantity, rounding: float) -> Quantity:
    """A bare stated percentage read as a computed one: "fell 20%" is 19–21, not 15–25.

    A writer who works out a change rounds it to the unit or to the nearest
    two points, not to the ten a round figure would otherwise allow; a hedge
    ("about 20%") adds its own width to that.
    """
    if stated.unit != "percent" or not stated.resolution or stated.resolution <= rounding:
        return stated
    return replace(stated, resolution=rounding)


class ChangeArithmetic:
    """Flags stated percentages, points and multiples that do not follow from a change's figures."""

    fields = frozenset({"stated", "before", "after", "actual", "expected", "comparison"})

    def parse_params(self, params: Mapping[str, Any]) -> Options:
        """``slack``: extra relative room around a stated size (default 0); ``percent_rounding``: the
        coarsest rounding a bare stated percentage is read to, in points (default 2: "fell 20%" is 19–21)."""
        reject_unknown(params, {"slack", "percent_rounding"})
        return Options(number(params.get("slack", 0.0), "slack", minimum=0, maximum=1),
                       number(params.get("percent_rounding", 2.0), "percent_rounding", minimum=0.01, maximum=100))

    def check(self, context: CheckContext, rule: Rule) -> Iterable[Finding]:
        """One finding per change whose stated size no reading of its figures allows."""
        options: Options = rule.options
        for change in context.claims_of(Change):
            if change.before is None or change.before.value is None or change.after.value is None:
                continue
            for stated in (change.by, change.factor):
                if stated is None:
                    continue
                is_factor = stated is change.factor
                if not is_factor:
                    stated = _as_computed(stated, options.percent_rounding)
                verdict = self._verdict(change, stated, is_factor, options.slack, context.units)
                if verdict is not None:
                    actual, expected = verdict
                    yield rule.finding(
                        stated.span, (change.span,), stated=stated.text, before=change.before.text,
                        after=change.after.text, actual=actual, expected=expected,
                        comparison=f"{change.before.text} → {change.after.text} is {actual}")

    @staticmethod
    def _verdict(change: Change, stated: Quantity, is_factor: bool, slack: float,
                 units: Units) -> tuple[str, str] | None:
        """(what the figures give, what the statement says) when they cannot agree, else None."""
        before, after = change.before, change.after
        assert before is not None and before.value is not None and after.value is not None
        # a hedged size is a writer's rounding of what they worked out: the median reader's width, as for a
        # hedged conversion, not the generous one a hedged count gets ("an increase of about 20%" is not 9%)
        said = _widen(interval(stated, generous=stated.qualifier is None), slack)
        if is_factor:
            if before.value <= 0 or after.value <= 0:
                return None
            ratios = ratio_range(before, after)
            if after.value < before.value and said[0] > 1:
                # "down from 3.5% to 0.5%, a sevenfold reduction": a multiple of a fall divides
                if overlap((1 / ratios[1], 1 / ratios[0]), said):
                    return None
                return f"÷{before.value / after.value:.2f}", f"÷{reading(interval(stated))}"
            if overlap(ratios, said):
                return None
            return f"×{after.value / before.value:.2f}", f"×{reading(interval(stated))}"
        central_diff = after.value - before.value
        differences = magnitude_range(difference_range(before, after))
        if stated.unit == "percent":
            if before.value <= 0:
                return None
            ratios = ratio_range(before, after)
            relative = magnitude_range(((ratios[0] - 1) * 100, (ratios[1] - 1) * 100))
            if overlap(relative, said):
                return None
            return f"a change of {abs(central_diff) / before.value * 100:.1f}%", f"{stated.text}"
        if stated.unit == "percentage_point":
            if before.unit not in ("percent", "percentage_point") or overlap(differences, said):
                return None
            return f"a change of {abs(central_diff):.1f} points", stated.text
        if stated.unit == before.unit or not stated.unit:
            if overlap(differences, said):
                return None
            return f"a change of {reading((abs(central_diff), abs(central_diff)), before.unit)}", stated.text
        if units.compatible(stated.unit, before.unit):
            low, high = said
            converted = sorted((units.convert(low, stated.unit, before.unit, difference=True),
                                units.convert(high, stated.unit, before.unit, difference=True)))
            if overlap(differences, (converted[0], converted[1])):
                return None
            return f"a change of {reading((abs(central_diff), abs(central_diff)), before.unit)}", stated.text
        return None
