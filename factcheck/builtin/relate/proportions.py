"""A count of a whole given with the percentage it is: "62 of the 128 places, or 58%".

Two shapes are read within a sentence:

1. the part, "of" (or "out of") and the whole, then the percentage after a
   comma and "or", or in brackets: "118 of 186 participants (71.5%)",
   "16,900 of the 41,200 students, or 41%";
2. an opener that names the whole, the part after its comma, then the
   percentage: "Of the 41,200 students placed, 16,900, or 41%, ...", or
   after a clause of the part's own ("Of the 3,800 people who went, 1,140
   waited more than four hours, or 38%").

The part and the whole must be in one unit (a bare part takes the whole's)
and the part no larger than the whole; whether the percentage fits is for
the check.
"""
from __future__ import annotations

from typing import Sequence

from factcheck import patterns
from factcheck.builtin.relate.changes import align
from factcheck.builtin.relate.text import Sentences
from factcheck.model import Document, Proportion, Quantity, Span

_OF = patterns.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+)?")
# Between the whole and its percentage: the whole's own words, then ", or" or a bracket; a hedge may follow.
_TO_SHARE = patterns.compile(r"[^;:()%\d.]{0,50}?(?:,\s*(?:or\s+)?|\s*\(\s*)"
                             r"(?:(?:about|around|roughly|nearly|almost|some|just\s+(?:over|under))\s+)?")
_OPENER = patterns.compile(r"(?i)(?:^|[.;:]\s+|\n)\s*(?:of|out\s+of)\s+(?:the\s+|all\s+|its\s+|their\s+|this\s+|that\s+)?$")
_OPENER_REST = patterns.compile(r"[^;:.]{0,90},\s*")
# "1,140 waited more than four hours, or 38%": the part's own clause, then ", or" and the percentage
_PART_CLAUSE_TO_SHARE = patterns.compile(r"[^;:()%.]{1,60}?,\s*or\s+(?:(?:about|around|roughly|nearly|almost|some)\s+)?")
_PART_TO_SHARE = patterns.compile(r"\s*(?:,\s*(?:or\s+)?|\(\s*)(?:(?:about|around|roughly|nearly|almost|some)\s+)?")


def _counted(part: Quantity, whole: Quantity) -> tuple[Quantity, Quantity] | None:
    if part.unit == "percent" or whole.unit == "percent" or part.vague or whole.vague:
        return None
    aligned = align(part, whole)
    if aligned is None or (aligned[0].value or 0) > (aligned[1].value or 0) or not aligned[1].value:
        return None
    return aligned


def find_proportions(document: Document, quantities: Sequence[Quantity]) -> list[Proportion]:
    """Each count of a whole stated with its percentage."""
    text = document.text
    sentences = Sentences.of(document)
    found = []
    for i, share in enumerate(quantities):
        if share.unit != "percent" or share.value is None or i < 2:
            continue
        part, whole = quantities[i - 2], quantities[i - 1]
        sentence = sentences.span(share.span.start)
        if part.span.start < sentence.start:
            continue
        pair = None
        if _OF.fullmatch(text, part.span.end, whole.span.start) and _TO_SHARE.fullmatch(
                text, whole.span.end, share.span.start):
            pair = _counted(part, whole)
        elif _OPENER.search(text, max(0, part.span.start - 14), part.span.start) and \
                _OPENER_REST.fullmatch(text, part.span.end, whole.span.start) and \
                _PART_TO_SHARE.fullmatch(text, whole.span.end, share.span.start):
            pair = _counted(whole, part)  # "Of the 41,200 students, 16,900, or 41%": the whole comes first
        start = quantities[i - 2].span.start
        if pair is None:
            opened = _opened_with_clause(text, quantities, i, sentence)
            if opened is not None:
                (pair, start) = opened
        if pair is not None:
            found.append(Proportion(span=Span(start, share.span.end), part=pair[0], whole=pair[1], share=share))
    return found


def _opened_with_clause(text: str, quantities: Sequence[Quantity], i: int,
                        sentence: Span) -> tuple[tuple[Quantity, Quantity], int] | None:
    """ "Of the 3,800 people who went ..., 1,140 waited more than four hours, or 38%": an opener's whole, the part
    after its comma with a clause of its own, then the percentage."""
    share = quantities[i]
    for j in range(i - 1, 0, -1):
        part, whole = quantities[j], quantities[j - 1]
        if part.span.start < sentence.start or whole.span.start < sentence.start:
            return None
        if part.unit != "" or not _PART_CLAUSE_TO_SHARE.fullmatch(text, part.span.end, share.span.start):
            continue
        if _OPENER.search(text, max(0, whole.span.start - 14), whole.span.start) and \
                _OPENER_REST.fullmatch(text, whole.span.end, part.span.start):
            pair = _counted(part, whole)
            return (pair, whole.span.start) if pair is not None else None
        return None
    return None
