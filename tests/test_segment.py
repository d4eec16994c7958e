"""Sentence segmentation keeps exact offsets and respects abbreviations."""
from factcheck.model import Span
from factcheck.segment import segment


def sentences(text, skip=()):
    return [text[s.start:s.end] for s in segment(text, skip)]


def test_splits_on_terminal_punctuation_before_a_capital():
    assert sentences("It rose 4.5% on Monday. Shares fell. Why? Nobody knows!") == [
        "It rose 4.5% on Monday.", "Shares fell.", "Why?", "Nobody knows!"]


def test_keeps_abbreviations_initials_and_decimals_inside_a_sentence():
    text = "Dr. Smith met U.S. officials and Mr. J. Brown at 3.5 p.m. on Friday. They agreed."
    assert sentences(text) == ["Dr. Smith met U.S. officials and Mr. J. Brown at 3.5 p.m. on Friday.",
                               "They agreed."]


def test_a_decimal_before_a_full_stop_ends_its_sentence():
    text = "The fleet's average age fell to 5.8 years from 6.3. A further 22 jets are on order."
    assert sentences(text) == ["The fleet's average age fell to 5.8 years from 6.3.", "A further 22 jets are on order."]


def test_closing_quote_stays_with_its_sentence():
    assert sentences('He said it would be "incremental." The talks went on.') == [
        'He said it would be "incremental."', "The talks went on."]


def test_blank_lines_and_headlines_end_sentences():
    text = "Iraq training mission\n\nThe size grew from 500\nto 4,000 personnel. It was\ncalled modest."
    assert sentences(text) == ["Iraq training mission", "The size grew from 500\nto 4,000 personnel.",
                               "It was\ncalled modest."]


def test_spans_are_offsets_into_the_original_text():
    text = "  One.  Two.\n\n\tThree."
    spans = segment(text)
    assert spans == (Span(2, 6), Span(8, 12), Span(15, 21))


def test_a_block_region_ends_sentences_and_belongs_to_none():
    text = "Before the code\n```\nx = 1. Y = 2.\n```\nAfter the code."
    start, end = text.index("```"), text.rindex("```") + 3
    assert sentences(text, (Span(start, end),)) == ["Before the code", "After the code."]


def test_an_inline_region_keeps_its_sentence_whole():
    text = "It rose from <b>500</b> to 4,000. Then it fell."
    tags = tuple(Span(m, m + len(t)) for t in ("<b>", "</b>") for m in [text.index(t)])
    assert sentences(text, tags) == ["It rose from <b>500</b> to 4,000.", "Then it fell."]


def test_a_run_on_sentence_is_cut_at_clause_marks_into_bounded_pieces():
    from factcheck.segment import MAX_SENTENCE

    clause = "troop numbers rose from 500 personnel to around 4,000, "
    text = clause * 200  # 11,000 characters and no full stop
    pieces = sentences(text)
    assert len(pieces) > 10
    assert all(len(piece) <= MAX_SENTENCE for piece in pieces)
    assert all(piece.endswith(",") for piece in pieces[:-1]), "cut after a comma, not inside a clause"
    assert sum(piece.count("from 500 personnel to around 4,000") for piece in pieces) == 200


def test_a_run_on_word_with_no_space_is_cut_at_the_limit():
    from factcheck.segment import MAX_SENTENCE

    spans = segment("9" * (3 * MAX_SENTENCE + 5))
    assert [(s.start, s.end) for s in spans] == [(0, MAX_SENTENCE), (MAX_SENTENCE, 2 * MAX_SENTENCE),
                                                 (2 * MAX_SENTENCE, 3 * MAX_SENTENCE),
                                                 (3 * MAX_SENTENCE, 3 * MAX_SENTENCE + 5)]


def test_many_short_lines_in_one_paragraph_each_end_at_a_terminal_or_before_a_capital():
    text = "Troops rose to 500.\nthen 600\nMore came\nand more\n" * 3
    assert sentences(text) == ["Troops rose to 500.", "then 600", "More came\nand more"] * 3
    # a break at the end of a paragraph does not look at the next one's first letter
    assert sentences("Sales rose\nfrom 5\n\nTo 6") == ["Sales rose\nfrom 5", "To 6"]


def test_an_inline_region_ends_no_sentence_but_one_alone_on_its_line_does():
    text = "Costs rose `x` to 5.   <br>   \nThen fell."
    code, tag = Span(11, 14), Span(23, 27)
    assert sentences(text, (code, tag)) == ["Costs rose `x` to 5.", "Then fell."]
    assert sentences("a <b> c", (Span(2, 5),)) == ["a <b> c"]


def test_a_run_of_terminal_punctuation_ends_a_sentence_once():
    assert sentences('Wait... What?!" He left.') == ["Wait...", 'What?!"', "He left."]
    assert sentences("." * 500 + " Then") == ["." * 500, "Then"]
