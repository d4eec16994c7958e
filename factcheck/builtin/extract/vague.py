"""Amounts that name no figure: "dozens", "hundreds of billions of dollars", "tens of thousands of people".

The value is left out and ``low``/``high`` hold the bounds a careful reader puts
on the words (``vague`` in ``factcheck/data/lexicon.yaml``: "hundreds" is 200–999).
"""
from __future__ import annotations

import regex

from factcheck import patterns
from factcheck.builtin.extract.lexicon import Lexicon
from factcheck.builtin.extract.nouns import NounReader
from factcheck.builtin.extract.reading import Reading
from factcheck.builtin.extract.spans import SpanSet
from factcheck.builtin.wordindex import first_words, word_index

_SCALE_OF = patterns.compile(r"\s+(?P<scale>thousands|millions|billions|trillions)\s+of\b", regex.I)


class VagueReader:
    """Finds vague amounts with what they are amounts of."""

    def __init__(self, lexicon: Lexicon, nouns: NounReader) -> None:
        self.lex = lexicon
        self.nouns = nouns
        self._starts = first_words(lexicon.vague)

    def find(self, text: str, claimed: SpanSet) -> list[Reading]:
        """The vague amounts outside ``claimed``; each one found is added to ``claimed``."""
        found = []
        for match in word_index(text).finditer(self.lex.vague_pattern, self._starts):
            if claimed.overlaps(match.start(), match.end()):
                continue
            low, high = self.lex.vague[" ".join(match["vague"].lower().split())]
            reading = Reading(match.start(), match.end("vague"), 0.0, 1.0, low=low, high=high, vague=True)
            if match["of"]:
                self._read_of(text, match.end(), reading)
            else:
                noun = self.nouns.after(text, reading.end)
                if noun:
                    reading.noun = noun.noun
                    reading.noun_end = noun.end
            found.append(reading)
            claimed.add(reading.start, max(reading.end, reading.noun_end or 0))
        return found

    def _read_of(self, text: str, pos: int, reading: Reading) -> None:
        """What follows "of": a scale ("of thousands of"), a currency, a unit or a counted noun."""
        scale = _SCALE_OF.match(text, pos)
        if scale:
            pos = scale.end()
        currency = self.lex.currency_word_pattern.match(text, pos)
        if currency:
            reading.unit = reading.currency = self.lex.currency_code(currency["word"])
            reading.unit_text = currency["word"]
            reading.end = currency.end()
            return
        unit = self.lex.unit_pattern.match(text, pos + 1) if text[pos:pos + 1] == " " else None
        form = self.lex.unit_form(unit.group(), attached=False) if unit else None
        if unit and form:
            reading.unit, reading.unit_text = form.unit, unit.group()
            reading.end = unit.end()
            return
        noun = self.nouns.after(text, pos)
        if noun:
            reading.noun, reading.end = noun.noun, noun.end
