"""What a figure counts: the noun phrase after it, or the noun of a parallel figure.

"2,150 adults", "64 intensive care beds", "41,870 ballot papers", "a 9,600-strong
support mission". A count above one ends on a plural ("the 214 needed hospital
treatment" counts nothing it names); bare figures in a list or change borrow
the noun of a neighbour ("from 500 to 4,000 personnel").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

import regex

from factcheck import patterns
from factcheck.builtin.extract.lexicon import Lexicon
from factcheck.builtin.tolerance import value_ratio

_WORD_AFTER = patterns.compile(r"[\"'”’]?[ \t\u00a0]+(?P<word>[\p{L}][\p{L}'’-]*)")
# "18 league goals tells you": a verb's object after the plural-looking word makes it a verb
_OBJECT_AFTER = patterns.compile(r"(?i)\s+(?:you|him|her|them|us|me|it|the|an?|that|this|its|their|our)\b")
_SENTENCE_BREAK = patterns.compile(r"[.!?][\"'”’)]*\s|\n|;")
# A bare figure may take the noun of a later one only when it stands in a list, a range or a
# partitive with it: "700, 450 and 150 delegates", "from 500 to 4,000 personnel", "326 of the 650 seats".
_JOINS_LATER = patterns.compile(r"\s*(?:,|\)|and\b|or\b|to\b|-|–|of\s+(?:the|its|their)\b)", regex.I)
_OF = patterns.compile(r"\s+of\s+")
INHERIT_REACH = 160


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """A counted noun phrase and where its last word ends."""

    noun: str
    end: int


class Countable(Protocol):
    """What noun inheritance needs to know of a reading."""

    start: int
    end: int
    value: float
    unit: str
    noun: str | None
    age: bool
    inferred_noun: bool


class NounReader:
    """Reads counted nouns with the lexicon's stop words, plurals and modifiers."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        hedges = "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in patterns.longest_first(lexicon.hedges))
        # What may stand between a bare figure and a later one whose noun it shares: joiners,
        # other figures and hedges ("700, 450 and 150 delegates", "from 500 to around 4,000 troops").
        self._parallel_gap = patterns.compile(
            # one character or word per step: no nested quantifier to backtrack over
            rf"(?i)(?:\s|[,;–\-\d.$£€¥%\"“”']|\b(?:and|or|nor|to|of\s+(?:the|its|their))\b|\b(?:{hedges})\b)*")

    def is_plural(self, word: str) -> bool:
        """True for a word that reads as a plural noun ("adults", "cities", "personnel")."""
        lower = word.lower().strip("'’")
        return lower in self.lex.irregular_plurals or (
            lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s", "’s")) and len(lower) > 3
            and lower not in self.lex.stop_words)

    def after(self, text: str, pos: int, singular: bool = False, unit_first: bool = False) -> NounPhrase | None:
        """The counted noun phrase right after ``pos``.

        With ``singular`` (one thing, or an adjective such as "9,600-strong") the
        phrase may end on a singular noun; otherwise it must end on a plural.
        With ``unit_first`` the phrase may open with a unit word ("year groups").
        """
        words: list[str] = []
        end, phrase_end = pos, None
        previous_capital = False
        for _ in range(5):
            match = _WORD_AFTER.match(text, end)
            if not match:
                break
            word = match["word"]
            lower = word.lower()
            if (lower in self.lex.noun_modifiers and not words) or lower.endswith(("'s", "’s")):
                words, end = [], match.end()  # "extra beds", "the county's pharmacies": not what is counted
                continue
            # "35 Premier League games": capitals may open the phrase, not follow a lower-case word.
            if (lower in self.lex.stop_words and not (unit_first and not words)) or (
                    words and word[0].isupper() and not previous_capital):
                break
            previous_capital = word[0].isupper()
            if not words and not unit_first and self.lex.unit_form(word, attached=False):
                break
            # A one-thing phrase stops at a verb ("One person died"); a count's phrase must end on a
            # plural anyway, which keeps "1,200 confirmed cases" and drops "214 needed treatment".
            if singular and words and (_looks_like_verb(lower) or _looks_like_adverb(lower)
                                       or lower in self.lex.irregular_past):
                break
            words.append(lower)
            end = match.end()
            if self.is_plural(lower):
                phrase_end = (len(words), end)
                following = _WORD_AFTER.match(text, end)
                # "1,240 measles cases", "2,000 sales staff": a plural-looking word that modifies another.
                if following and self.is_plural(following["word"]) and following["word"][0].islower() \
                        and not _looks_like_verb(following["word"].lower()) \
                        and not _OBJECT_AFTER.match(text, following.end()):
                    words.append(following["word"].lower())
                    phrase_end = (len(words), following.end())
                break
            if singular:
                phrase_end = (len(words), end)
                if len(words) >= 2:
                    break
        if phrase_end is None:
            return None
        count, stop = phrase_end
        return NounPhrase(" ".join(words[:count]), stop)

    def of_phrase(self, text: str, pos: int) -> str | None:
        """What a measure is of: "22 million tonnes of rice" → "rice"."""
        match = _OF.match(text[pos:pos + 6])
        if not match:
            return None
        found = self.after(text, pos + match.end() - 1, singular=True)
        return found.noun if found else None

    def inherit(self, text: str, readings: Sequence[Countable]) -> None:
        """A bare count takes the noun of a parallel count in its sentence: "from 500 to 4,000 personnel".

        Looks at most ``INHERIT_REACH`` characters either way, so the pass is linear.
        """
        for index, reading in enumerate(readings):
            if reading.noun or not is_count(reading.unit) or reading.age:
                continue
            donor = self._donor(text, readings, index, -1)
            if donor is None and _JOINS_LATER.match(text, reading.end):
                donor = self._donor(text, readings, index, 1)
                if donor is not None and not self._parallel_gap.fullmatch(text, reading.end, donor.start):
                    donor = None  # "a magnitude of 7.8, killed 50,000 people": not a list
            if donor is not None:
                reading.noun = donor.noun
                reading.inferred_noun = True

    @staticmethod
    def _donor(text: str, readings: Sequence[Countable], index: int, step: int) -> Countable | None:
        reading = readings[index]
        near = reading  # the reading nearest the figure on this side, checked up to so far
        other_index = index + step
        # "12,260 monarchs at 256 sites, up from 9,120": a count of another order is another thing's, so one
        # nearer in size further back is preferred
        far: Countable | None = None
        while 0 <= other_index < len(readings):
            other = readings[other_index]
            if (other.start > reading.end + INHERIT_REACH) if step > 0 else (other.end < reading.start - INHERIT_REACH):
                return far
            # Only the stretch between this reading and the one before it is new to check.
            left, right = (other, near) if step < 0 else (near, other)
            if left.end < right.start and _SENTENCE_BREAK.search(text, left.end, right.start):
                return far
            if is_count(other.unit) and other.noun and not other.age and not other.inferred_noun:
                if step < 0 and other.value <= _FEW and ":" in text[other.end:reading.start]:
                    return far  # "its three centres: 4,310 at ..., 3,275 at ...": amounts for each, not centres
                ratio = value_ratio(other.value, reading.value)
                if ratio is None or ratio < 10:
                    return other
                far = far or other
            near = other
            other_index += step
        return far


_FEW = 12  # a count of things no larger than this, before a colon, names the things a list then goes through


def is_count(unit: str) -> bool:
    """True for a plain count ("") or a count per time ("1 / year")."""
    return unit == "" or unit.startswith("1 / ")


def _looks_like_adverb(word: str) -> bool:
    """"currently", "already": an adverb after a noun ends the phrase."""
    return len(word) > 4 and word.endswith("ly") and not word.endswith(("ily", "ply", "bly", "lly"))


def _looks_like_verb(word: str) -> bool:
    """Past tenses and participles ("rejected", "waiting") end a noun phrase."""
    return (len(word) >= 5 and word.endswith("ed") and not word.endswith("eed")) or word.endswith("ied") or (
        len(word) >= 6 and word.endswith("ing") and not word.endswith("ings"))
