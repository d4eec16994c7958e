"""The built-in relate stage: the claims that the checks judge.

One module per relation: :mod:`.changes` (from/to changes with their stated
sizes), :mod:`.repeats` (mentions of one thing), :mod:`.dated` (one
measurement on one date), :mod:`.parts` (a total and its parts),
:mod:`.shares` (percentages of one whole), :mod:`.proportions` (a count of a
whole with its percentage), :mod:`.layout` (table columns and bulleted
lists above a total), :mod:`.tallies` (candidates' votes against the votes
cast), :mod:`.remainder` (a breakdown closed by "the remaining £41 million"), :mod:`.conversions` (one amount in two units),
:mod:`.timespans` (durations against dates),
:mod:`.ages` (ages against birth dates) and :mod:`.persons` (the ages of
one person); :mod:`.reference` finds the date a document speaks from, against
which :mod:`.repeats` reads "last month". Their word lists are
``factcheck/data/relate.yaml``.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from typing import Iterator, Sequence

from factcheck import hookimpl, patterns
from factcheck.builtin.relate.changes import ChangeReader
from factcheck.builtin.relate.conversions import find_conversions
from factcheck.builtin.relate.dated import find_dated
from factcheck.builtin.relate.describe import Describer, Description
from factcheck.builtin.relate.lexicon import RelateLexicon, load_lexicon
from factcheck.builtin.relate.parts import find_parts
from factcheck.builtin.relate.persons import find_age_groups
from factcheck.builtin.relate.reference import reference_date
from factcheck.builtin.relate.repeats import group_repeats
from factcheck.builtin.relate.proportions import find_proportions
from factcheck.builtin.relate.ranges import find_bounded
from factcheck.builtin.relate.shares import find_shares
from factcheck.builtin.relate.layout import find_layout_claims
from factcheck.builtin.relate.text import Sentences
from factcheck.builtin.relate.ages import find_ages
from factcheck.builtin.relate.remainder import find_remainders
from factcheck.builtin.relate.tallies import find_tallies
from factcheck.builtin.relate.timespans import find_durations
from factcheck.model import Change, Claim, Date, Document, Mention, Parts, Quantity, Same, Share, Span

# "extend its main runway by", "cut the waiting list by": a verb and up to four words, then "by"
_BY_BEFORE = patterns.compile(r"(?i)\b(?P<words>[\p{L}]+(?:\s+[\p{L}'’-]+){0,4})\s+by\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$")


def _is_step(text: str, quantity: Quantity, lexicon: RelateLexicon) -> bool:
    """True for a figure after "by" whose verb, a few words before, is a word of change ("cut ... by 40")."""
    if "by" not in text[max(0, quantity.span.start - 12):quantity.span.start]:
        return False  # the pattern needs "by" right before the figure (or its hedge): most figures have none
    by = _BY_BEFORE.search(text, max(0, quantity.span.start - 60), quantity.span.start)
    return by is not None and any(lexicon.change_word.fullmatch(w.lower()) for w in by["words"].split())


def describe_all(document: Document, quantities: Sequence[Quantity], changes: Sequence[Change]) -> list[Description]:
    """Descriptions of the figures that may restate one another.

    Left out: vague amounts, ages, a change's starting figure and stated
    size (they describe another state), and figures in a comparison.
    """
    lexicon = load_lexicon()
    describer = Describer(lexicon, document)
    sentences = Sentences.of(document)
    left_out = {id(c.before) for c in changes} | {id(c.by) for c in changes if c.by is not None}
    descriptions = []
    for quantity in quantities:
        if quantity.vague or quantity.age or id(quantity) in left_out or quantity.noun_inferred and not quantity.noun:
            continue
        if _is_step(document.text, quantity, lexicon):
            continue  # "extend its runway by 1,200 metres": how much a thing changes, not how much there is
        if quantity.value is None and quantity.low is None:
            continue
        description = describer.describe(quantity, sentences.span(quantity.span.start))
        if description.comparison or description.partitive_part:
            continue
        descriptions.append(description)
    return _timed_by_sentence(descriptions, sentences)


def _timed_by_sentence(descriptions: list[Description], sentences: Sentences) -> list[Description]:
    """Each figure with no time of its own takes the time of the figure before it in its sentence.

    "approved a $2.4 billion budget for next year, split between a $1.3 billion
    operating budget and $1.1 billion in capital spending": all three are
    next year's, so "this year's $2.25 billion budget" restates none of them.
    """
    timed = []
    last: tuple[int, frozenset[str]] | None = None  # the sentence and time of the last figure with one
    for description in descriptions:
        index = sentences.index(description.quantity.span.start)
        if description.times:
            last = (index, description.times)
        elif last is not None and last[0] == index:
            description = replace(description, times=last[1])
        timed.append(description)
    return timed


# Set while only changes are wanted of the built-in relators ("factcheck extract" lists no other claim):
# the other relations are then not worked out.
CHANGES_ONLY: ContextVar[bool] = ContextVar("CHANGES_ONLY", default=False)


@contextmanager
def changes_only() -> Iterator[None]:
    """Within this block the built-in relate stage finds changes and nothing else."""
    token = CHANGES_ONLY.set(True)
    try:
        yield
    finally:
        CHANGES_ONLY.reset(token)


def relate(document: Document, mentions: Sequence[Mention]) -> list[Claim]:
    """Every claim the built-in relators find among a document's mentions (only changes in :func:`changes_only`)."""
    lexicon = load_lexicon()
    quantities = [m for m in mentions if isinstance(m, Quantity)]
    dates = [m for m in mentions if isinstance(m, Date)]
    changes = ChangeReader(lexicon).find(document, quantities)
    claims: list[Claim] = [*changes]
    if CHANGES_ONLY.get():
        return claims
    repeats = group_repeats(document, describe_all(document, quantities, changes), reference_date(document, dates),
                            quantities)
    claims += repeats
    # a change's starting figure is another state; a figure already linked needs no second group
    grouped = {m.span for same in repeats for m in same.mentions} | {c.before.span for c in changes if c.before}
    claims += find_dated(document, quantities, dates, lexicon, grouped)
    claims += find_age_groups(document, quantities, lexicon)
    claims += find_parts(document, quantities, changes, lexicon)
    claims += find_shares(document, quantities, changes, lexicon)
    claims += find_proportions(document, quantities)
    claims += find_bounded(document, quantities)
    claims += _not_restated(_new_claims(find_layout_claims(document, quantities, changes), claims), claims)
    claims += _new_claims(find_tallies(document, quantities, dates), claims)
    claims += _new_claims(find_remainders(document, quantities, changes), claims)
    claims += find_conversions(document, quantities, lexicon)
    claims += find_durations(document, quantities, dates)
    claims += find_ages(document, quantities, dates)
    return claims


def _new_claims(found: Sequence[Claim], claims: Sequence[Claim]) -> list[Claim]:
    """The claims of ``found`` whose figures no claim of the same type already holds."""
    held = {(type(c), s) for c in claims for s in _figure_spans(c)}
    return [c for c in found if not any((type(c), s) in held for s in _figure_spans(c))]


def _figure_spans(claim: Claim) -> list[Span]:
    """The spans of the figures a breakdown or a list of shares holds."""
    if isinstance(claim, Parts):
        return [claim.total.span, *(p.span for p in claim.parts)]
    return [p.span for p in claim.parts] if isinstance(claim, Share) else []


def _not_restated(found: Sequence[Claim], claims: Sequence[Claim]) -> list[Claim]:
    """The claims of ``found`` but a figure stated twice whose figures a group of ``claims`` already holds (a table
    row's figure mistyped in the prose may also be a swap of its digits)."""
    grouped = [{m.span for m in c.mentions} for c in claims if isinstance(c, Same)]
    return [c for c in found if not (isinstance(c, Same) and any({m.span for m in c.mentions} <= g for g in grouped))]


@hookimpl(trylast=True)
def factcheck_relate(document: Document, mentions: Sequence[Mention]) -> list[Claim]:
    """Changes, repeated mentions, parts, shares, conversions, durations and ages."""
    return relate(document, mentions)
