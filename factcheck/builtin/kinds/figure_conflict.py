"""The ``figure-conflict`` kind: one thing stated with amounts that cannot both be true.

The relate stage groups mentions of one thing (:class:`~factcheck.model.Same`);
this kind compares the figures of each group with the tolerance model, in
one unit (``context.units`` converts), and reports the figure that disagrees
with the most others, once per group, the others as related.
"""
from __future__ import annotations

import bisect
from typing import Any, Iterable, Mapping

from factcheck.builtin.kinds.common import reading
from factcheck.builtin.kinds.params import reject_unknown
from factcheck.builtin.tolerance import agree, interval, interval_in
from factcheck.kinds import CheckContext
from factcheck.model import Finding, Quantity, Rule, Same
from factcheck.units import Units


def _agree(a: Quantity, b: Quantity, units: Units) -> bool:
    if a.unit != b.unit and not units.compatible(a.unit, b.unit):
        return True  # not comparable: no evidence of a conflict
    return agree(a, b, units)


def _agreement_counts(mentions: list[Quantity], units: Units) -> list[int]:
    """For each mention, how many of the others it agrees with, by sorting intervals rather than pairing them.

    Every interval is read in the first mention's unit; a mention in a unit
    that cannot be converted agrees with all (no evidence of a conflict).
    """
    unit = mentions[0].unit
    spans: list[tuple[float, float] | None] = []
    for mention in mentions:
        if mention.unit == unit:
            spans.append(interval(mention))
        elif units.compatible(mention.unit, unit):
            spans.append(interval_in(mention, unit, units))
        else:
            spans.append(None)
    comparable = [s for s in spans if s is not None]
    lows = sorted(s[0] for s in comparable)
    highs = sorted(s[1] for s in comparable)
    counts = []
    for span in spans:
        if span is None:
            counts.append(len(mentions) - 1)
            continue
        if span[0] < span[1]:
            # a rounding covers its lower end, not its upper one: ranges that only touch are apart ("four", "five")
            apart = bisect.bisect_right(highs, span[0]) + len(lows) - bisect.bisect_left(lows, span[1])
        else:
            apart = bisect.bisect_left(highs, span[0]) + len(lows) - bisect.bisect_right(lows, span[1])
        counts.append(len(mentions) - 1 - apart)
    return counts


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
        agreements = _agreement_counts(mentions, units)
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
