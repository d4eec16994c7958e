"""The ``share-range`` kind: shares of one whole that add up to over 100 %, or one share over 100 %.

A share stated with its own count and whole ("62 of the 128 places, or
58%") must fit them: the percentage their rounding allows must meet the
stated one, hedges included.

The smallest total the shares allow (after rounding at the list's finest
precision, combined as independent errors as
:func:`~factcheck.builtin.tolerance.combined_rounding` does, and hedges in
full) must exceed 100 % by more than ``params.slack`` points before it is
flagged, or the largest rounding error each share allows, all in one
direction, must fail to bring the sum down to 100 % ("14%, 79% and 9%":
102 %, at least 100.5 % however they were rounded). Lists where the text
says one respondent may give several answers are left alone.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from factcheck.builtin.kinds.params import sole_number
from factcheck.builtin.relate.lexicon import load_lexicon
from factcheck.builtin.tolerance import combined_sum, describe_number, interval, listed, overlap
from factcheck.kinds import CheckContext
from factcheck.model import Bounded, Finding, Proportion, Rule, Share, Span


_FLOAT_ERROR = 1e-9


def _whole_name(whole: str | None) -> str:
    """The whole as a message names it: "votes cast", or "those who said" for a whole named by its verb."""
    if not whole:
        return "the whole"
    return f"those who {whole}" if whole in load_lexicon().share_verbs else whole


class ShareRange:
    """Flags shares of one whole whose sum is impossible, and a share its own figures rule out."""

    fields = frozenset({"shares", "sum", "whole", "comparison"})

    @staticmethod
    def _proportions(context: CheckContext, rule: Rule) -> Iterable[Finding]:
        """ "62 of the 128 places, or 58%": the percentage the count and the whole allow, against the one stated."""
        for claim in context.claims_of(Proportion):
            p_low, p_high = interval(claim.part)
            w_low, w_high = interval(claim.whole)
            if w_low <= 0:
                continue
            allowed = (max(p_low, 0.0) / w_high * 100, p_high / w_low * 100)
            if overlap(allowed, interval(claim.share)):
                continue
            central = (claim.part.value or 0) / (claim.whole.value or 1) * 100
            # the rule's message speaks of a sum of shares; this is one share against its own figures
            message = (f"'{claim.share.text}' does not fit its own figures: {claim.part.text} of {claim.whole.text} "
                       f"is {describe_number(round(central, 1))}%")
            figures = (claim.part.span, claim.whole.span)
            yield Finding(rule.id, rule.severity, message, claim.share.span,
                          (Span(min(s.start for s in figures), max(s.end for s in figures)),))

    @staticmethod
    def _bounded(context: CheckContext, rule: Rule) -> Iterable[Finding]:
        """ "ranges from 26% in the North East to 36% in London" ... "39% of their pay": a member's figure the
        range stated for all of them rules out."""
        for claim in context.claims_of(Bounded):
            allowed = (interval(claim.low)[0], interval(claim.high)[1])
            if overlap(allowed, interval(claim.member)):
                continue
            unit = "%" if claim.member.unit == "percent" else f" {claim.member.unit_text or ''}".rstrip()
            message = (f"'{claim.member.text}' lies outside the range stated for all of its kind: "
                       f"{describe_number(claim.low.value or 0)} to {describe_number(claim.high.value or 0)}{unit}")
            related = Span(min(claim.low.span.start, claim.high.span.start), max(claim.low.span.end, claim.high.span.end))
            yield Finding(rule.id, rule.severity, message, claim.member.span, (related,))

    def parse_params(self, params: Mapping[str, Any]) -> float:
        """``slack``: points above 100 % a sum may reach from rounding alone (default 1.0)."""
        return sole_number(params, "slack", 1.0, minimum=0, maximum=50)

    def check(self, context: CheckContext, rule: Rule) -> Iterable[Finding]:
        """One finding per impossible list of shares, and per percentage that its own count and whole rule out."""
        yield from self._proportions(context, rule)
        yield from self._bounded(context, rule)
        slack: float = rule.options
        for claim in context.claims_of(Share):
            if claim.multiple_answers:
                continue
            parts = listed(list(claim.parts))  # "31%, 29%, 20%": 20% is given to the unit too
            low, _ = combined_sum(parts)
            impossible = combined_sum(parts, worst_case=True)[0] > 100 + _FLOAT_ERROR
            single = [p for p in parts if interval(p)[0] > 100 + slack]
            if low <= 100 + slack and not impossible and not single:
                continue
            central = sum(p.value or 0 for p in claim.parts)
            shares = " + ".join(p.text for p in claim.parts)
            comparison = f"{' + '.join(describe_number(p.value or 0) for p in claim.parts)} = {describe_number(central)}%"
            span = Span(claim.parts[0].span.start, claim.parts[-1].span.end)
            if "\n" in context.document.text[span.start:span.end]:
                span = claim.parts[0].span  # shares run on over paragraphs: point at the first, relate the rest
            yield rule.finding(span, tuple(p.span for p in claim.parts), shares=shares,
                               sum=describe_number(central), whole=_whole_name(claim.whole),
                               comparison=comparison)
