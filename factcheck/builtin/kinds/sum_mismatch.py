"""The ``sum-mismatch`` kind: listed parts against their stated total.

Parts that add up to more than their total are flagged in any case. A
breakdown is read as counted: "420" is 420 and "£9.1 million" is £9.05–9.15
million (only written decimals are rounding), hedges keep their width, and
``params.slack`` of the total is allowed for a total rounded on its own.
Rounding errors of several figures are combined as independent errors
(:func:`~factcheck.builtin.tolerance.combined_rounding`): three parts
rounded to £0.1bn do not all err by £0.05bn the same way. Where the text says the parts make up the whole ("split
between", "comprising", "of these ... and the remaining 230"), a sum short of the total is
flagged too. "Including" lists may fall short.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from factcheck.builtin.kinds.common import reading
from factcheck.builtin.kinds.params import sole_number
from factcheck.builtin.tolerance import as_counted, describe_number, interval, overlap, sum_gap, sum_interval
from factcheck.kinds import CheckContext
from factcheck.model import Finding, Parts, Quantity, Rule, Span


class SumMismatch:
    """Flags a total that its listed parts exceed, or (when they cover it) miss."""

    fields = frozenset({"total", "parts", "sum", "relation", "comparison"})

    def parse_params(self, params: Mapping[str, Any]) -> float:
        """``slack``: the share of the total by which a sum may miss it (default 0.005)."""
        return sole_number(params, "slack", 0.005, minimum=0, maximum=0.5)

    def check(self, context: CheckContext, rule: Rule) -> Iterable[Finding]:
        """One finding per total whose parts cannot add up to it."""
        slack: float = rule.options
        for claim in context.claims_of(Parts):
            total = as_counted(claim.total)
            if total.value is None and total.low is None:
                continue
            t_low, t_high = interval(total)
            room = abs(total.value if total.value is not None else t_low) * slack if _rounded(claim.total) else 0.0
            parts = [as_counted(p) for p in claim.parts]
            gap_low, gap_high = sum_gap(parts, total)
            if gap_low > room:
                relation = "more than"
            elif claim.exhaustive and gap_high < -room:
                relation = "less than"
            else:
                continue
            t_low, t_high = t_low - room, t_high + room
            s_low, s_high = sum_interval(parts)
            central = sum(p.value or 0 for p in claim.parts)
            parts_text = " + ".join(p.text for p in claim.parts)
            list_span = Span(claim.parts[0].span.start, claim.parts[-1].span.end)
            comparison = (f"{' + '.join(describe_number(p.value or 0) for p in claim.parts)} = "
                          f"{reading((s_low, s_high), total.unit)} against {reading((t_low, t_high), total.unit)}")
            if overlap((s_low, s_high), (t_low, t_high)):
                # only the combined rounding tells them apart: say how far apart the figures may be
                gap = central - (total.value if total.value is not None else t_low)
                allowed = (gap - gap_low + room) if relation == "more than" else (gap_high + room - gap)
                comparison = (f"{' + '.join(describe_number(p.value or 0) for p in claim.parts)} = "
                              f"{describe_number(central)} against {describe_number(central - gap)}, a gap of "
                              f"{describe_number(abs(gap))} where the figures' rounding allows at most "
                              f"{describe_number(abs(allowed))}")
            yield rule.finding(claim.total.span, (list_span,), total=claim.total.text, parts=parts_text,
                               sum=describe_number(central), relation=relation, comparison=comparison)


def _rounded(total: Quantity) -> bool:
    """False for a count written to the unit or the ten ("18,450 finishers"): a figure counted, not rounded."""
    if total.unit != "" or total.value is None or total.qualifier is not None or total.value != int(total.value):
        return True
    return int(total.value) % 100 == 0 or int(total.value) < 100
