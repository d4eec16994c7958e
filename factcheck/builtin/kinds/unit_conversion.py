"""The ``unit-conversion`` kind: an amount restated in other units must convert to it.

The first amount is converted exactly (``context.units``) and compared with
the second's rounding interval (and hedge), widened by ``params.tolerance``
of it for the writer's own rounding. A hedge on a conversion says the
writer rounded an exact figure ("14 km (about 9 miles)"), not that they
guessed, so it widens by the median reader's width, not the generous one. A temperature the relate stage marked
as a difference converts as one: 1.5C of warming is 2.7F, not 34.7F.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable, Mapping

from factcheck import patterns
from factcheck.builtin.kinds.common import unit_label
from factcheck.builtin.kinds.params import sole_number
from factcheck.builtin.tolerance import describe_number, interval
from factcheck.kinds import CheckContext
from factcheck.model import Conversion, Finding, Qualifier, Quantity, Rule
from factcheck.units import Units


_TEMPERATURES = frozenset({"degree_Celsius", "degree_Fahrenheit", "kelvin"})


_US_OR_IMPERIAL = {name: patterns.compile(rf"(?<!\w){name}(?!\w)") for name in ("gallon", "quart", "pint", "fluid_ounce")}


def _readings(unit: str) -> list[str]:
    """The units a written unit may be: "gallon" (or quart, pint, fluid ounce) is a US one or, in British copy,
    an imperial one."""
    imperial = unit
    for name, word in _US_OR_IMPERIAL.items():
        imperial = word.sub(f"imperial_{name}", imperial)
    return [unit] if imperial == unit else [unit, imperial]


def _end_text(value: float | None, unit: str) -> str:
    """One end of a range, written for a message: "70C"."""
    return f"{describe_number(value or 0.0)}{unit_label(unit)}"


def _unbounded(quantity: Quantity) -> bool:
    """True for a figure with no bound on it ("above 38.5C" reaches every value above)."""
    return quantity.qualifier not in (Qualifier.MIN, Qualifier.MAX)


class UnitConversion:
    """Flags a parenthetical or "or" conversion that does not convert."""

    fields = frozenset({"source", "target", "expected", "comparison"})

    def parse_params(self, params: Mapping[str, Any]) -> float:
        """``tolerance``: relative room around the converted figure (default 0.03)."""
        return sole_number(params, "tolerance", 0.03, minimum=0, maximum=1)

    @staticmethod
    def _fits(units: Units, source_unit: str, target_unit: str, source: tuple[float, float],
              target: tuple[float, float], difference: bool) -> bool:
        """True when the source's range, converted into ``target_unit``, meets the target's."""
        converted = sorted(units.convert(v, source_unit, target_unit, difference=difference) for v in source)
        return converted[1] >= target[0] and converted[0] <= target[1]

    def check(self, context: CheckContext, rule: Rule) -> Iterable[Finding]:
        """One finding per conversion that no rounding of the second figure reaches."""
        tolerance: float = rule.options
        for claim in context.claims_of(Conversion):
            source, target = claim.source, claim.target
            if not context.units.compatible(source.unit, target.unit):
                continue
            if source.value is None and target.value is None and None not in (
                    source.low, source.high, target.low, target.high) and not (source.vague or target.vague):
                # "−30 °C to 70 °C (−22 °F to 178 °F)": each end converts to its own end
                pairs = [(replace(source, value=end, low=None, high=None, text=_end_text(end, source.unit)),
                          replace(target, value=other, low=None, high=None, text=_end_text(other, target.unit)))
                         for end, other in ((source.low, target.low), (source.high, target.high))]
                finding = next((f for ends in pairs if (f := self._check(rule, context.units, tolerance, *ends))), None)
            else:
                finding = self._check(rule, context.units, tolerance, source, target)
            if finding is not None:
                yield finding

    def _check(self, rule: Rule, units: Units, tolerance: float, source: Quantity, target: Quantity) -> Finding | None:
        """The finding for one amount and its conversion, or None when they fit."""
        difference = source.difference or target.difference
        ends = [(source.value, source.value)] if source.value is not None else [(source.low, source.high)]
        s_low, s_high = ends[0]
        if s_low is None or s_high is None:
            return None
        t_low, t_high = interval(target, generous=False, overlapping=True)
        room = max(abs(t_low), abs(t_high)) * tolerance if t_low > -1e300 and t_high < 1e300 else 0.0
        if not difference and target.unit in _TEMPERATURES:
            # a share of 99.1F is no slack for a reading: temperatures are converted exactly, then rounded
            # ("38.4C (101.1F)"), so each side may be off by its own rounding and no more
            s_low, s_high = interval(source, generous=False)
            room = 0.0
        if any(self._fits(units, source_unit, target_unit, (s_low, s_high), (t_low - room, t_high + room), difference)
               for source_unit in _readings(source.unit) for target_unit in _readings(target.unit)):
            return None  # a gallon may be a US or an imperial one
        if not difference and target.unit in _TEMPERATURES and _unbounded(source) and _unbounded(target) and \
                self._fits(units, source.unit, target.unit, interval(source, generous=False),
                           interval(target, generous=False), True):
            return None  # "about 1.3C (2.3F) for the world as a whole": warming, converted as the change it is
        converted = sorted(units.convert(v, source.unit, target.unit, difference=difference) for v in (s_low, s_high))
        if source.value is not None and not difference and target.unit in _TEMPERATURES:
            converted = [units.convert(source.value, source.unit, target.unit)] * 2  # shown as stated
        shown = (describe_number(converted[0]) if converted[0] == converted[1]
                 else f"{describe_number(converted[0])}–{describe_number(converted[1])}")
        expected = f"{shown}{unit_label(target.unit)}"
        kind = "a difference of " if difference else ""
        comparison = f"{kind}{source.text} is {expected}, not {target.text}"
        return rule.finding(target.span, (source.span,), source=source.text, target=target.text,
                            expected=expected, comparison=comparison)
