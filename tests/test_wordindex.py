"""The speed-ups that stand in for a plain regex scan give the plain scan's matches.

A word index tries a pattern only where one of its first words begins,
``LiteralChoice`` tries only the phrases that can begin (or end) at the
character at hand, and ``any_of`` is one look for several. Each is checked
against the straightforward ``regex`` scan on generated text.
"""
from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import patterns
from factcheck.builtin.extract.lexicon import load_lexicon as extract_lexicon
from factcheck.builtin.relate.lexicon import load_lexicon as relate_lexicon
from factcheck.builtin.wordindex import Occurrences, WordIndex, first_words, matches_at, word_index

TOKENS = ["rose", "Rose", "ROSE", "rise", "edged", "up", "down", "made", "step-up", "stepup", "a", "an", "half",
          "dozen", "hundred", "thousands", "of", "twenty-five", "İstanbul", "ǅemal", "straße", "5", "12,000", "3.5",
          "£", "%", "per", "cent", "km", "miles", "about", "nearly", "up to", "or more", "-", "—", "'", "“"]
SEPARATORS = [" ", "  ", "\n", ", ", ". ", "-", "\u00a0", ""]
texts = st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda pairs: "".join(token + separator for token, separator in pairs))


def test_first_words_of_phrases_are_lower_case_and_hyphen_free():
    assert first_words(["Step-up", "edged up", "rose"]) == {"step", "stepup", "edged", "rose"}


def test_the_index_lists_where_each_word_begins_in_any_case():
    index = WordIndex("Rose rose; the ROSE-garden rose.")
    assert index.starts(frozenset({"rose"})) == [0, 5, 15, 27]
    assert index.starts(frozenset({"garden", "the"})) == [11, 20]


def test_a_letter_whose_lower_case_is_longer_keeps_the_offsets():
    text = "İİİ rose by 5%"
    assert WordIndex(text).starts(frozenset({"rose"})) == [text.index("rose")]


def test_numerals_are_listed_where_each_run_of_digits_begins():
    assert WordIndex("From 500 to 4,000 in 2019").numeral_starts() == [5, 12, 14, 21]


def test_one_index_serves_every_reader_of_a_document():
    text, other = "Prices rose 5%.", "Prices fell 5%."
    assert word_index(text) is word_index(text) and word_index(text).text is text
    assert word_index(other).text is other


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(texts)
def test_change_words_found_through_the_index_are_the_scans_own(text):
    lexicon = relate_lexicon()
    expected = [m.span() for m in regex.compile(*lexicon.change_word.source).finditer(text)]
    found = word_index(text).finditer(lexicon.change_word, lexicon.change_word_starts)
    assert [m.span() for m in found] == expected


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(texts)
def test_number_words_found_through_the_index_are_the_scans_own(text):
    words = extract_lexicon().number_words
    expected = [m.span() for m in regex.compile(*words.pattern.source).finditer(text)]
    assert [m.span() for m in word_index(text).finditer(words.pattern, words.opening_words)] == expected


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(texts)
def test_vague_amounts_found_through_the_index_are_the_scans_own(text):
    lexicon = extract_lexicon()
    expected = [m.span() for m in regex.compile(*lexicon.vague_pattern.source).finditer(text)]
    found = word_index(text).finditer(lexicon.vague_pattern, first_words(lexicon.vague))
    assert [m.span() for m in found] == expected


def test_matches_at_given_places_are_those_of_a_scan_over_a_range():
    text = "up 5, up 6 and up 7"
    pattern = patterns.compile(r"up \d")
    starts = [0, 6, 15]
    assert [m.group() for m in matches_at(text, pattern, starts, 1, len(text))] == ["up 6", "up 7"]
    assert [m.group() for m in matches_at(text, pattern, starts, 0, 17)] == ["up 5", "up 6"]


def test_occurrences_within_a_range_are_those_that_fit_in_it():
    text = "rose and fell, then rose"
    found = Occurrences(regex.finditer(r"rose|fell", text))
    assert [m.group() for m in found.within(4, 24)] == ["fell", "rose"]
    assert [m.group() for m in found.within(0, 3)] == []


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(texts, st.integers(0, 60))
def test_a_literal_choice_matches_as_the_whole_alternation_does(text, position):
    lexicon = extract_lexicon()
    position = min(position, len(text))
    for choice in (lexicon.unit_pattern, lexicon.hedge_after_pattern, lexicon.currency_word_pattern):
        whole = regex.compile(choice.pattern)
        expected = whole.match(text, position)
        found = choice.match(text, position)
        assert (found and found.span()) == (expected and expected.span())
    backwards = regex.compile(lexicon.hedge_before.pattern)
    expected = backwards.match(text, 0, position)
    found = lexicon.hedge_before.match(text, 0, position)
    assert (found and found.group("hedge")) == (expected and expected.group("hedge"))


def test_a_literal_choice_prefers_the_longest_phrase():
    choice = patterns.LiteralChoice(r"(?i)(?:{choice})\b", ["km", "km h", "kilometre"])
    assert choice.match("KM  H later").group() == "KM  H"
    assert choice.match("x km", 2).group() == "km" and choice.match("miles") is None


def test_any_of_matches_where_one_of_its_choices_does():
    first = patterns.compile(r"(?P<a>\d+)st", regex.IGNORECASE)
    second = patterns.compile(r"(?i)/(?P<a>\d)")
    either = patterns.any_of(first, second)
    assert either.match("21ST") and either.match("/4") and not either.match("x/4")
    backwards = patterns.any_of(patterns.compile(r"(?r)(?i)no\.\s?"), patterns.compile(r"(?r)#"))
    assert backwards.match("Flat NO. ") and backwards.match("room #") and not backwards.match("room ")


def test_any_of_refuses_choices_that_read_in_opposite_directions():
    import pytest

    with pytest.raises(ValueError, match="same direction"):
        patterns.any_of(patterns.compile(r"(?r)a"), patterns.compile(r"b"))
