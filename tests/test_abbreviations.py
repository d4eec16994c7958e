"""The abbreviations a document defines in brackets, read by the describer so that "the 1.26 million TEU"
names what "1.62 million twenty-foot equivalent units (TEU)" does."""
from __future__ import annotations

from factcheck.builtin.relate.describe import abbreviations


def test_initials_of_the_words_before_the_brackets_define_an_abbreviation() -> None:
    text = ("Volumes reached 1.62 million twenty-foot equivalent units (TEU). The Irish Nurses and Midwives "
            "Organisation (INMO) counted 12,318 patients.")
    assert abbreviations(text) == {"TEU": "units", "INMO": "Organisation"}


def test_brackets_whose_letters_are_not_the_initials_define_nothing() -> None:
    assert abbreviations("Sales rose 4% in the third quarter (GMT) and the team (UK) won.") == {}


def test_a_text_without_brackets_defines_nothing() -> None:
    assert abbreviations("The 9,600-strong mission grew from 500 personnel to around 4,000.") == {}


def test_the_first_definition_of_an_abbreviation_holds() -> None:
    text = "Gross domestic product (GDP) grew. Global disaster payments (GDP) fell."
    assert abbreviations(text) == {"GDP": "product"}
