"""A set of text regions with overlap tests in logarithmic time.

The readers keep the regions already claimed (dates, markup, amounts read so
far) and ask, for each new candidate, whether it falls inside one. A list scan
per candidate makes a long document quadratic; this keeps the regions merged
and sorted so each question is a binary search.
"""
from __future__ import annotations

import bisect
from typing import Iterable

from factcheck.model import Span


class SpanSet:
    """Disjoint, sorted regions of a text; adding a region merges it with those it touches."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for span in sorted(spans, key=lambda s: s.start):
            self.add(span.start, span.end)

    def add(self, start: int, end: int) -> None:
        """Claim ``[start, end)``."""
        if start >= end:
            return
        low = bisect.bisect_left(self._ends, start)
        high = bisect.bisect_right(self._starts, end)
        if low < high:
            start = min(start, self._starts[low])
            end = max(end, self._ends[high - 1])
        self._starts[low:high] = [start]
        self._ends[low:high] = [end]

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` shares a code point with a claimed region."""
        index = bisect.bisect_left(self._starts, end) - 1
        return index >= 0 and self._ends[index] > start

    def __len__(self) -> int:
        return len(self._starts)
