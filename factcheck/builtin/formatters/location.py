"""Where a span is, in the terms every output format uses."""
from __future__ import annotations

import regex

from factcheck.model import Document, Span

_SHORT = 25
_CONTEXT_WORDS = 4
# Control characters other than line breaks and tabs, and the bidirectional overrides: written to a
# terminal or a CI log they could recolour, move the cursor or reorder what the reader sees.
_UNPRINTABLE = regex.compile(r"[^\P{Cc}\t\n\r]|[\u202a-\u202e\u2066-\u2069]")
# matched backwards from the span: searched forwards, every character of a long sentence is a try
_WORDS_BEFORE = regex.compile(rf"(?r)(?:\S+\s+){{0,{_CONTEXT_WORDS}}}\S*$")
_WORDS_AFTER = regex.compile(rf"\S*(?:\s+\S+){{0,{_CONTEXT_WORDS}}}")


def printable(text: str) -> str:
    """``text`` with each control character (but line breaks and tabs) shown as U+FFFD, one for one,
    so that columns still line up."""
    return _UNPRINTABLE.sub("\ufffd", text)


def excerpt(document: Document, span: Span) -> str:
    """The span's text; a short span gets up to four words either side, within its sentence."""
    if span.end - span.start >= _SHORT:
        return document.excerpt(span)
    sentence = document.sentence_at(span.start)
    lo, hi = min(sentence.start, span.start), max(sentence.end, span.end)
    left = _WORDS_BEFORE.search(document.text, lo, span.start)
    right = _WORDS_AFTER.match(document.text, span.end, hi)
    start = left.start() if left else span.start
    end = right.end() if right else span.end
    return document.excerpt(Span(start, end))


def location(document: Document, span: Span) -> dict[str, int | str]:
    """Offsets, 1-based line and column of both ends, and the excerpt, as the JSON contract names them."""
    line, column = document.position(span.start)
    end_line, end_column = document.position(span.end)
    return {"start": span.start, "end": span.end, "line": line, "column": column,
            "end_line": end_line, "end_column": end_column, "excerpt": excerpt(document, span)}
