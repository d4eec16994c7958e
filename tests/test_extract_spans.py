"""SpanSet: the claimed regions the readers consult once per candidate."""
from __future__ import annotations

from factcheck.builtin.extract.spans import SpanSet
from factcheck.model import Span


def test_overlap_is_half_open() -> None:
    spans = SpanSet([Span(10, 20)])
    assert spans.overlaps(15, 16) and spans.overlaps(5, 11) and spans.overlaps(19, 30)
    assert not spans.overlaps(0, 10) and not spans.overlaps(20, 25)


def test_added_regions_merge_with_those_they_touch() -> None:
    spans = SpanSet()
    for start, end in [(30, 40), (0, 5), (10, 20), (18, 32), (5, 6)]:
        spans.add(start, end)
    assert len(spans) == 2
    assert spans.overlaps(39, 40) and spans.overlaps(5, 6) and not spans.overlaps(6, 10)


def test_empty_regions_are_ignored() -> None:
    spans = SpanSet()
    spans.add(4, 4)
    assert len(spans) == 0 and not spans.overlaps(0, 100)
