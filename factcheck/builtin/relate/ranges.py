"""Figures of the members a stated range covers.

"Across regions, the share of income spent on rent ranges from 26% in the
North East to 36% in London. Renters in the South West, who now hand over
39% of their pay, ...": the range is said of every region, so the South
West's figure must lie in it.

A range is said of members when a verb of range opens it ("ranges from A
to B", "varied ... from A in the worst to B in the best") or when a range
is said of each of them ("between 68% and 74% of his service points in
every tournament"). A figure in its unit, after it in its sentence or in
the next few sentences, is one member's when a member stands beside it (a
name after "in", "at" or "for", a name's possessive, "in one", "in the
third quarter"), its sentence shares a content word with the range's, and
no word makes it a total or an average.
"""
from __future__ import annotations

import bisect
from typing import Sequence

from factcheck import patterns
from factcheck.builtin.relate.changes import align
from factcheck.builtin.relate.text import STOP_WORDS, WORD, lemma
from factcheck.model import Bounded, Document, Quantity, Span

_RANGE_VERB = patterns.compile(r"(?i)\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\b")
_FROM_BEFORE = patterns.compile(r"(?i)\bfrom\s+$")
_TO_BETWEEN = patterns.compile(r"(?i)[^.;!?\d]{0,60}?\bto\s+")
_ENDS = patterns.compile(r"(?i)\b(?:worst|lowest|smallest|least|weakest)\b[^.;!?]*\b(?:best|highest|largest|most|strongest)\b")
_EACH = patterns.compile(r"(?i)\b(?:in|for|across|at)\s+(?:each|every|all)\b|\b(?:each|every)\s+[\p{L}]+")
_MEMBER_BEFORE = patterns.compile(r"(?i)\b(?:in|at|for)\s+(?:the\s+)?(?-i:\p{Lu})[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*"
                                  r"[^.;!?\d]{0,30}$|(?-i:\p{Lu})[\p{L}-]+['’]s\s+$"
                                  r"|(?-i:\p{Lu})[\p{L}-]+,\s+where\s+[^.;!?\d]{0,30}$")  # "North Carolina, where the margin was"
_MEMBER_AFTER = patterns.compile(r"(?i)\s*(?:[\p{L}-]+\s+)?(?:in|at|for)\s+(?:(?:the\s+)?(?-i:\p{Lu})|one\b|the\s+"
                                 r"(?:first|second|third|fourth|final|last)\b)")
_WHOLE_WORDS = patterns.compile(r"(?i)\b(?:average|total|overall|national|combined|mean|median|typical|all)\b")
_OF_ALL = patterns.compile(r"(?i)\s+of\s+all\b")
_REACH = 12  # sentences after a range in which its members' figures may stand (an explainer comes back to one)
_WINDOW = 50  # characters before a figure in which its member may be named


def _stated_ranges(text: str, sentence: Span, members: list[Quantity]) -> list[tuple[Quantity, Quantity, int]]:
    """(low, high, end) for each range of the sentence said of members; ``end`` is where it is stated to."""
    found = []
    for first, second in zip(members, members[1:]):
        opened = _FROM_BEFORE.search(text, max(sentence.start, first.span.start - 8), first.span.start)
        if opened is None or not _TO_BETWEEN.fullmatch(text, first.span.end, second.span.start):
            continue
        lead = text[max(sentence.start, opened.start() - 120):opened.start()]
        if not _RANGE_VERB.search(lead) and not _ENDS.search(text, first.span.end, min(sentence.end, second.span.end + 30)):
            continue  # "from 2,300 to 2,650" with no word of range is a change
        aligned = align(first, second)
        if aligned is not None and (aligned[0].value or 0) < (aligned[1].value or 0):
            found.append((aligned[0], aligned[1], second.span.end))
    for quantity in members:
        if quantity.low is not None and quantity.high is not None and not quantity.vague and \
                _EACH.search(text, sentence.start, sentence.end):
            low = Quantity(span=quantity.span, text=quantity.text, value=quantity.low, unit=quantity.unit,
                           resolution=quantity.resolution)
            high = Quantity(span=quantity.span, text=quantity.text, value=quantity.high, unit=quantity.unit,
                            resolution=quantity.resolution)
            found.append((low, high, quantity.span.end))
    return found


def _content(text: str, span: Span) -> set[str]:
    return {lemma(w.lower()) for w in WORD.findall(text, span.start, span.end)} - STOP_WORDS


def _counts_alike(quantity: Quantity, bound: Quantity) -> bool:
    """True when a figure counts what the range does: a plain count must name the range's noun ("6.1 points"
    for "from 0.9 points to 5.5 points"); where both name one, other figures must too."""
    nouns = [lemma(q.noun.split()[-1].lower()) if q.noun else None for q in (quantity, bound)]
    if quantity.unit == "":
        return nouns[0] is not None and nouns[0] == nouns[1]
    return None in nouns or nouns[0] == nouns[1]


def _a_members(text: str, sentence: Span, quantity: Quantity) -> bool:
    """True when a member of the range stands beside the figure and no word makes it a whole's."""
    start, end = quantity.span.start, quantity.span.end
    if _WHOLE_WORDS.search(text, max(sentence.start, start - 30), start) or _OF_ALL.match(text, end):
        return False  # "the national average of 8.6%", "19% of all households": the whole's, not a member's
    return bool(_MEMBER_BEFORE.search(text, max(sentence.start, start - _WINDOW), start)
                or _MEMBER_AFTER.match(text, end, min(sentence.end, end + 40)))


def find_bounded(document: Document, quantities: Sequence[Quantity]) -> list[Bounded]:
    """Figures of members said to lie in a range stated before them."""
    text, sentences = document.text, document.sentences
    starts = [q.span.start for q in quantities]
    found = []
    for index, sentence in enumerate(sentences):
        members = quantities[bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)]
        ranges = _stated_ranges(text, sentence, list(members))
        if not ranges:
            continue
        words = _content(text, sentence)
        last = sentences[min(len(sentences) - 1, index + _REACH)]
        for low, high, stated_to in ranges:
            later = quantities[bisect.bisect_left(starts, stated_to):bisect.bisect_left(starts, last.end)]
            for quantity in later:
                if quantity.value is None or quantity.vague or quantity.qualifier is not None or \
                        quantity.unit != high.unit or quantity.span.start < stated_to:
                    continue
                own = document.sentence_at(quantity.span.start)
                if not _counts_alike(quantity, high) or not _a_members(text, own, quantity) or \
                        not (_content(text, own) & words):
                    continue
                found.append(Bounded(span=Span(low.span.start, quantity.span.end), low=low, high=high,
                                     member=quantity))
    return found
