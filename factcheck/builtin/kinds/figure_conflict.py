"""The ``figure-conflict`` kind: one thing stated with amounts that cannot both be true.

The relate stage groups mentions of one thing (:class:`~factcheck.model.Same`);
this kind compares the figures of each group with the tolerance model, in
one unit (``context.units`` converts), and reports the figure that disagrees
with the most others, once per group, the others as related.
"""
from __future__ import annotations

import bisect
import math
from typing import Any, Iterable, Mapping, Sequence

from factcheck.builtin.kinds.common import reading
from factcheck.builtin.kinds.params import reject_unknown
from factcheck.builtin.tolerance import interval, interval_in, overlap
from factcheck.kinds import CheckContext
from factcheck.model import Finding, Quantity, Rule, Same
from factcheck.units import Units


def _agree(a: Quantity, b: Quantity, units: Units) -> bool:
    if a.unit == b.unit:
        return overlap(interval(a), interval(b))
    if not units.compatible(a.unit, b.unit):
        return True  # not comparable: no evidence of a conflict
    return overlap(interval(a), interval_in(b, a.unit, units))


def agreement_counts(mentions: Sequence[Quantity], units: Units) -> list[int]:
    """How many of the other mentions each mention agrees with.

    In one unit (as the relate stage groups them) this takes sorting, not a
    comparison of every pair: an interval overlaps those that start before it
    ends, less those that end before it starts.
    """
    intervals = [interval(m) for m in mentions]
    if len({m.unit for m in mentions}) > 1 or any(math.isnan(v) for pair in intervals for v in pair):
        return [sum(_agree(m, other, units) for other in mentions if other is not m) for m in mentions]
    lows = sorted(low for low, _ in intervals)
    highs = sorted(high for _, high in intervals)
    return [bisect.bisect_right(lows, high) - bisect.bisect_left(highs, low) - 1 for low, high in intervals]


class FigureConflict:
    """Flags a mention whose figure no reading can reconcile with the other mentions of its thing."""

    fields = frozenset({"figure", "other", "thing", "count", "comparison"})

    def parse_params(self, params: Mapping[str, Any]) -> None:
        """This kind takes no parameters."""
        reject_unknown(params, set())

    def check(self, context: CheckContext, rule: Rule) -> Iterable[Finding]:
        """At most one finding per group of mentions."""
        for group in context.claims_of(Same):
            finding = self._judge(rule, group, context.units)
            if finding:
                yield finding

    @staticmethod
    def _judge(rule: Rule, group: Same, units: Units) -> Finding | None:
        mentions = list(group.mentions)
        agreements = agreement_counts(mentions, units)
        if all(count == len(mentions) - 1 for count in agreements):
            return None
        # The odd one out agrees with fewest others; on a tie, the later one (a restatement).
        worst = min(range(len(mentions)), key=lambda i: (agreements[i], -i))
        odd: Quantity = mentions[worst]
        others = [m for m in mentions if m is not odd and not _agree(odd, m, units)]
        other = others[0]
        other_reading = interval(other) if other.unit == odd.unit else interval_in(other, odd.unit, units)
        central = reading((odd.value, odd.value), odd.unit) if odd.value is not None else odd.text
        other_value = other.value if other.value is not None else None
        if other_value is not None and other.unit != odd.unit:
            other_value = units.convert(other_value, other.unit, odd.unit)
        other_central = reading((other_value, other_value), odd.unit) if other_value is not None else other.text
        comparison = (f"{central} against {other_central} ({reading(interval(odd), odd.unit)} against "
                      f"{reading(other_reading, odd.unit)} allowing for rounding and hedges)")
        return rule.finding(odd.span, tuple(m.span for m in others), figure=odd.text, other=other.text,
                            thing=group.key or "thing", count=len(others), comparison=comparison)
