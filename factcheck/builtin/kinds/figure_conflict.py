"""The ``figure-conflict`` kind: one thing stated with amounts that cannot both be true.

The relate stage groups mentions of one thing (:class:`~factcheck.model.Same`);
this kind compares the figures of each group with the tolerance model and
reports the figure that disagrees with the others, once per group.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from factcheck.builtin.kinds.params import reject_unknown
from factcheck.builtin.tolerance import agree
from factcheck.kinds import CheckContext
from factcheck.model import Finding, Quantity, Rule, Same


class FigureConflict:
    """Flags a mention whose figure no reading can reconcile with the other mentions of its thing."""

    fields = frozenset({"figure", "other", "thing", "count"})

    def parse_params(self, params: Mapping[str, Any]) -> None:
        """This kind takes no parameters yet."""
        reject_unknown(params, set())

    def check(self, context: CheckContext, rule: Rule) -> Iterable[Finding]:
        """At most one finding per group of mentions."""
        for group in context.claims_of(Same):
            finding = self._judge(rule, group)
            if finding:
                yield finding

    @staticmethod
    def _judge(rule: Rule, group: Same) -> Finding | None:
        mentions = list(group.mentions)
        agreements = [sum(agree(m, other) for other in mentions if other is not m) for m in mentions]
        if all(count == len(mentions) - 1 for count in agreements):
            return None
        # The odd one out is the mention that agrees with fewest others; on a tie, the later one.
        worst = min(range(len(mentions)), key=lambda i: (agreements[i], -i))
        odd: Quantity = mentions[worst]
        others = [m for m in mentions if m is not odd and not agree(m, odd)]
        return rule.finding(odd.span, tuple(m.span for m in others), figure=odd.text, other=others[0].text,
                            thing=group.key, count=len(others))
