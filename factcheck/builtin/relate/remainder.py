"""A breakdown closed by the rest: "Adult social care remains the biggest item, with £112 million earmarked.
Children's services will receive £71 million and highways £38 million, while the remaining £41 million covers
everything else the council does."

A figure called the rest that covers all the others ("the remaining £41
million covers everything else", "with the remaining £38.1m covering all
other services") says the figures of its paragraph before it, in its unit,
are the whole of something given earlier. That whole is the figure of the
unit in the paragraphs before (up to ``_PARAGRAPHS_BACK``) closest to their
sum, when one lies within ``_PLAUSIBLE`` of it: the "£248 million budget"
of the story's first line. A paragraph whose figures change ("from £1.9
million to £4.6 million") is no breakdown.
"""
from __future__ import annotations

import bisect
from typing import Sequence

from factcheck import patterns
from factcheck.builtin.relate.changes import align
from factcheck.model import Change, Document, Parts, Quantity, Span

_REST_BEFORE = patterns.compile(r"(?i)\b(?:the\s+)?(?:remaining|rest\s+of\s+the|balance\s+of)\s+$")
_COVERS_ALL_AFTER = patterns.compile(
    r"(?i)\s+(?:covers|covering|goes\s+to|going\s+to|pays\s+for|paying\s+for|funds|funding|is\s+spent\s+on|"
    r"being\s+spent\s+on|is\s+left\s+for|for)\s+(?:everything\s+else|all\s+(?:the\s+)?other|the\s+rest\b|all\s+else)")
_PARAGRAPH = patterns.compile(r"\n[ \t]*\n")
_PARAGRAPHS_BACK = 3
_PLAUSIBLE = (0.75, 1.33)  # the sum over the whole it may be: further off, the figure is the whole of another thing


def find_remainders(document: Document, quantities: Sequence[Quantity], changes: Sequence[Change]) -> list[Parts]:
    """Each breakdown that a figure of the rest closes, with the whole given before it."""
    text = document.text
    if "remaining" not in text and "rest of" not in text and "balance of" not in text:
        return []
    changing = {q.span for c in changes for q in (c.before, c.after) if q is not None}
    starts = [q.span.start for q in quantities]
    found = []
    for rest in quantities:
        if rest.value is None or not _REST_BEFORE.search(text, max(0, rest.span.start - 20), rest.span.start) or \
                not _COVERS_ALL_AFTER.match(text, rest.span.end):
            continue
        opening = paragraph_start(text, rest.span.start)
        inside = quantities[bisect.bisect_left(starts, opening):bisect.bisect_left(starts, rest.span.start)]
        if any(q.span in changing for q in inside):
            continue  # "rose from £1.9 million to £4.6 million": a paragraph of changes, not of parts
        parts = [q for q in inside if q.unit == rest.unit and q.value is not None and not q.vague]
        if len(parts) < 2:
            continue
        parts.append(rest)
        total = whole_before(text, quantities, starts, opening, parts, changing)
        if total is not None:
            found.append(Parts(span=Span(total.span.start, rest.span.end), total=total, parts=tuple(parts),
                               exhaustive=True))
    return found


def paragraph_start(text: str, position: int) -> int:
    """Where the paragraph holding ``position`` starts."""
    breaks = [m.end() for m in _PARAGRAPH.finditer(text, 0, position)]
    return breaks[-1] if breaks else 0


def whole_before(text: str, quantities: Sequence[Quantity], starts: list[int], opening: int,
                 parts: Sequence[Quantity], changing: set[Span]) -> Quantity | None:
    """The figure of the parts' unit in the paragraphs before ``opening`` that their sum is closest to, when it
    lies within ``_PLAUSIBLE`` of it (a breakdown of "the money" is of "a £1.2 billion programme" given before)."""
    earliest = opening
    for _ in range(_PARAGRAPHS_BACK):
        earliest = paragraph_start(text, max(0, earliest - 2)) if earliest else 0
    total = sum(p.value or 0 for p in parts)
    candidates = [q for q in quantities[bisect.bisect_left(starts, earliest):bisect.bisect_left(starts, opening)]
                  if q.unit == parts[0].unit and q.value and not q.vague and q.span not in changing
                  and align(q, parts[0]) is not None and q.value > max(p.value or 0 for p in parts)]
    plausible = [q for q in candidates if _PLAUSIBLE[0] <= total / (q.value or 1) <= _PLAUSIBLE[1]]
    return min(plausible, key=lambda q: abs(total / (q.value or 1) - 1), default=None)
