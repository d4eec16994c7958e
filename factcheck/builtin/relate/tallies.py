"""Candidates' votes against the votes cast: "Varma polled 2,046 votes, ahead of Heywood on 1,502. Labour's Frost
came third with 911 ... Turnout was 30 per cent, with 4,812 votes cast".

An election result is told in sentences, not in a list: each candidate's
tally stands after a verb of polling ("polled", "received", "scored") or
after "with" or "on" in a sentence that speaks of votes, and the votes cast
come a sentence or a paragraph later ("4,812 votes cast", "The total number
of valid votes was 349,209"). The tallies of the sentences before such a
total (up to ``_REACH`` of them) are parts of it, not said to be all of it:
only tallies adding up to more than the votes cast disagree with them.

Left out: a majority or a margin (a difference, not a tally), figures of
another noun ("412 seats"), rates, and sentences that date another
election ("she polled 1,800 votes in 2019") or count who could vote
("an electorate of 16,040", "accredited", "rejected").
"""
from __future__ import annotations

import bisect
from typing import Sequence

from factcheck import patterns
from factcheck.model import Date, Document, Parts, Quantity, Span

_REACH = 6  # sentences before the votes cast in which the tallies may stand
# "4,812 votes cast", "4,812 valid votes were cast"
_CAST_AFTER = patterns.compile(r"(?i)(?:\s+(?:valid\s+)?(?:votes|ballots))?\s+(?:were\s+|had\s+been\s+)?cast\b")
# "The total number of valid votes was 349,209", "valid votes: 3,855", "a total of 4,812 votes"
_CAST_BEFORE = patterns.compile(r"(?i)(?:\b(?:valid\s+votes|votes\s+cast|ballots\s+cast)\s*(?:was|were|stood\s+at|"
                                r"totalled|totaled|came\s+to|of|:)?|\ba\s+total\s+of)\s*$")
_TALLY_BEFORE = patterns.compile(r"(?i)\b(?:polled|received|won|took|got|secured|gained|garnered|scored|attracted|"
                                 r"with|on)\s+(?:just\s+|only\s+)?$")
_DIFFERENCE_BEFORE = patterns.compile(r"(?i)\b(?:majority|margin|lead)\s+(?:of|was|is)\s+(?:just\s+|only\s+)?$")
_VOTES = patterns.compile(r"(?i)\b(?:votes?|polled|ballots?)\b")
_NOT_TALLIES = patterns.compile(r"(?i)\b(?:electorate|registered|accredited|rejected|spoilt|spoiled|turnout|eligible)\b")
_VOTE_NOUNS = frozenset({"vote", "votes", "ballot", "ballots"})


def find_tallies(document: Document, quantities: Sequence[Quantity], dates: Sequence[Date]) -> list[Parts]:
    """Each total of votes cast with the candidates' tallies told in the sentences before it."""
    text = document.text
    if "vote" not in text.lower():
        return []
    sentences = document.sentences
    sentence_starts = [s.start for s in sentences]
    dated = {bisect.bisect_right(sentence_starts, d.span.start) - 1 for d in dates if d.year is not None}
    found = []
    for total in quantities:
        if not _is_votes_cast(text, total):
            continue
        index = bisect.bisect_right(sentence_starts, total.span.start) - 1
        tallies = [q for q in quantities if q is not total and q.span.start < total.span.start
                   and index - _REACH <= bisect.bisect_right(sentence_starts, q.span.start) - 1 <= index
                   and _is_tally(text, q, total)]
        tallies = [q for q in tallies if bisect.bisect_right(sentence_starts, q.span.start) - 1 not in dated
                   and not _NOT_TALLIES.search(text, *_sentence_of(sentences, sentence_starts, q))]
        if len(tallies) < 3 or not _VOTES.search(text, *_sentence_of(sentences, sentence_starts, tallies[0])):
            continue
        found.append(Parts(span=Span(tallies[0].span.start, total.span.end), total=total, parts=tuple(tallies)))
    return found


def _sentence_of(sentences: Sequence[Span], starts: list[int], quantity: Quantity) -> tuple[int, int]:
    sentence = sentences[bisect.bisect_right(starts, quantity.span.start) - 1]
    return sentence.start, sentence.end


def _is_votes_cast(text: str, quantity: Quantity) -> bool:
    """True for a count of the votes cast in an election."""
    if quantity.unit != "" or quantity.value is None or quantity.vague or quantity.qualifier is not None:
        return False
    return _CAST_AFTER.match(text, quantity.span.end) is not None or \
        _CAST_BEFORE.search(text, max(0, quantity.span.start - 50), quantity.span.start) is not None


def _is_tally(text: str, quantity: Quantity, total: Quantity) -> bool:
    """True for a count after a verb of polling, "with" or "on", of votes or of nothing named, below the total."""
    if quantity.unit != "" or quantity.value is None or quantity.vague or quantity.age or \
            not 0 < quantity.value < (total.value or 0):
        return False
    if quantity.noun and not quantity.noun_inferred and quantity.noun.split()[-1].lower() not in _VOTE_NOUNS:
        return False  # "412 seats", "11 of the 16 areas"
    before = max(0, quantity.span.start - 30)
    return _TALLY_BEFORE.search(text, before, quantity.span.start) is not None and \
        _DIFFERENCE_BEFORE.search(text, before, quantity.span.start) is None
