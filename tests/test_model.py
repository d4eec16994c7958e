"""Document offsets, positions and spans."""
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.model import Date, Document, Span, SpanIndex


def test_position_is_one_based_line_and_column():
    document = Document("x.txt", "first line\nsecond line\n")
    assert document.position(0) == (1, 1)
    assert document.position(11) == (2, 1)
    assert document.position(18) == (2, 8)


def test_line_text_drops_line_break_and_carriage_return():
    document = Document("x.txt", "one\r\ntwo\nthree")
    assert [document.line_text(n) for n in (1, 2, 3)] == ["one", "two", "three"]


def test_offsets_count_code_points_not_bytes():
    document = Document("x.txt", "Córdoba — 44.6C\n€5")
    assert document.text[document.text.index("44.6")] == "4"
    assert document.position(document.text.index("€")) == (2, 1)
    assert document.position(document.text.index("44.6")) == (1, 11)


def test_span_rejects_inverted_range_and_tests_overlap():
    with pytest.raises(ValueError):
        Span(5, 2)
    assert Span(0, 5).overlaps(Span(4, 9))
    assert not Span(0, 5).overlaps(Span(5, 9))
    assert Span(0, 10).contains(Span(2, 3))


def test_excerpt_folds_whitespace_and_shortens_long_spans():
    document = Document("x.txt", "a  b\n c " + "x" * 300)
    assert document.excerpt(Span(0, 7)) == "a b c"
    assert len(document.excerpt(Span(0, 300), limit=41)) == 41


@pytest.mark.parametrize("value, year, month, day", [
    ("2026-03-03", 2026, 3, 3), ("2020-02", 2020, 2, None), ("2019", 2019, None, None), ("--05-01", None, 5, 1),
])
def test_date_parts_follow_the_iso_value(value, year, month, day):
    date = Date(Span(0, 1), "x", value)
    assert (date.year, date.month, date.day) == (year, month, day)


SPANS = st.builds(lambda start, length: Span(start, start + length), st.integers(0, 60), st.integers(0, 12))


@settings(max_examples=200, derandomize=True, database=None)
@given(st.lists(SPANS, max_size=12), SPANS)
def test_a_span_index_answers_as_a_scan_of_its_spans_would(spans, query):
    index = SpanIndex(spans)
    assert index.overlaps(query) == any(span.overlaps(query) for span in spans)
    assert index.holds(query) == any(span.contains(query) for span in spans)


def test_in_skipped_reads_regions_in_any_order():
    document = Document("x.md", "a" * 50, skip=(Span(30, 40), Span(5, 25), Span(10, 12)))
    assert document.in_skipped(Span(24, 26)) and document.in_skipped(Span(39, 45))
    assert not document.in_skipped(Span(25, 30)) and not document.in_skipped(Span(40, 50))
