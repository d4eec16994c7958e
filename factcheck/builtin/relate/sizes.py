"""Stated sizes of changes: "rose 18%", "a 40% increase", "fell by a quarter", "a threefold rise".

A size is read only where it is attached to a change word: right after it
("rose 18%", "fell by 9 points", "grew by a quarter", "risen threefold"),
right before it when the word names the change as a noun or comparative
("a 40% increase", "a threefold rise", "5% higher"; not "the 95% mortgages
soared") or after "of" ("an increase of 20%"). Fractions become percentages; multiples become factors
(plain numbers read as after / before). Only a word of the noun phrase may
stand between a size and the noun after it ("a 12% pay cut"), not a
conjunction ("the target of 95% and down from ..."), and a figure that a
role names ("the target of 95%", "a cap of 3%") is a yardstick, never the
size of a change.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import regex

from factcheck import patterns
from factcheck.builtin.relate.lexicon import RelateLexicon
from factcheck.builtin.relate.text import STOP_WORDS
from factcheck.builtin.tolerance import hedge_qualifier, hedge_words
from factcheck.builtin.wordindex import Occurrences, word_index
from factcheck.model import Quantity, Span

RELATIVE_UNITS = frozenset({"percent", "percentage_point"})
# A comma may stand before "by" ("fell, by 5%") but not before the size itself: in "named rent
# increases, 31% the condition ..." the next figure is another item.
_LEAD_AFTER_WORD = patterns.compile(
    r"(?:\s*,\s*(?=by\s)|\s*)(?P<by>(?:by|of)\s+)?(?:(?:an?|some)\s+(?:(?!by\b|to\b|from\b)[\p{L}]+\s+)?)?(?:(?:average|total)\s+of\s+)?")
_LEAD_AFTER_ADVERB = patterns.compile(r"\s+(?:[\p{L}]+ly|more|less)(?:\s+[\p{L}]+ly)?\s*,?\s*(?P<by>by)\s+")
_GAP_BEFORE_WORD = patterns.compile(r"^[\s-]*(?:(?P<word>[\p{Ll}]+)\s+)?$")
_MORE = ("more", "higher", "larger", "bigger", "greater")  # "three times more"
_AS_MUCH = ("many", "much", "large", "high")  # "four times as many"
_LETTERS = regex.compile(r"[^\W\d_]+")
_GAP_TAIL = patterns.compile(r"[\s-]*(?:[\p{Ll}]+\s+)?$")  # _GAP_BEFORE_WORD, searched for its first start


@dataclass(frozen=True)
class StatedSize:
    """A size stated for a change, attached to one change word.

    ``amount`` is a percentage, percentage points or an absolute amount;
    ``factor`` a multiple. ``anchor`` is the change word; ``after_word`` is
    True when the size follows it ("rose 18%", "an increase of 20%"), and
    ``joiner`` the word between them ("by", "of").
    """

    anchor: Span
    anchor_word: str
    after_word: bool
    amount: Quantity | None = None
    joiner: str | None = None
    factor: Quantity | None = None

    @property
    def span(self) -> Span:
        """Where the size is written."""
        written = self.amount or self.factor
        assert written is not None
        return written.span


def _multiple_pattern(lexicon: RelateLexicon) -> patterns.LazyPattern:
    hedges = "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in hedge_words())
    words = "|".join(regex.escape(w).replace(r"\-", "-?") for w in patterns.longest_first(lexicon.multiples))
    numbers = "|".join(patterns.longest_first(lexicon.number_words))
    fractions = "|".join(regex.escape(f).replace(r"\ ", r"\s+").replace(r"\-", "[\\s-]")
                         for f in patterns.longest_first(lexicon.fractions))
    return patterns.compile(
        rf"(?i)(?:(?P<hedge>{hedges})\s+(?:an?\s+)?)?(?:(?P<word>{words})(?![\p{{L}}-])"
        rf"|(?P<n>\d+(?:\.\d+)?|{numbers})[\s-]*(?P<unit>fold|times)(?![\p{{L}}])"
        rf"(?P<more>\s+(?:{'|'.join(_MORE)}|as\s+(?:{'|'.join(_AS_MUCH)})))?"
        rf"|(?P<fraction>{fractions})(?![\p{{L}}]))")


def _multiple_endings(lexicon: RelateLexicon) -> tuple[str, ...]:
    """The last words a stated multiple can end with, lower-cased ("fold" of "two-fold", "thirds", "more")."""
    phrases = [*lexicon.multiples, *lexicon.fractions, "fold", "times", *_MORE, *_AS_MUCH]
    return tuple(sorted({_LETTERS.findall(phrase.lower())[-1] for phrase in phrases}))


class SizeReader:
    """Finds stated sizes in one document's sentences."""

    def __init__(self, lexicon: RelateLexicon) -> None:
        self.lexicon = lexicon
        self.multiple = _multiple_pattern(lexicon)
        self._multiple_endings = _multiple_endings(lexicon)
        self._change_words: tuple[str, Occurrences] | None = None

    def _written(self, text: str, pos: int, by: bool) -> tuple[Quantity | None, Quantity | None]:
        """A fraction (as a percentage) or a multiple written at ``pos``."""
        match = self.multiple.match(text, pos)
        if not match:
            return None, None
        hedge = match["hedge"].lower() if match["hedge"] else None
        qualifier = hedge_qualifier(hedge) if hedge else None
        span = Span(match.start(), match.end())
        if match["fraction"]:
            if not by:
                return None, None
            key = regex.sub(r"[\s-]+", " ", match["fraction"].lower())
            value = self.lexicon.fractions.get(key) or self.lexicon.fractions.get(key.replace(" ", "-"))
            if value is None:
                return None, None
            return Quantity(span, match.group(), value, unit="percent", resolution=5.0, qualifier=qualifier,
                            hedge=hedge), None
        if match["word"]:
            key = match["word"].lower()
            factor = self.lexicon.multiples.get(key) or self.lexicon.multiples[key.replace("-", "")]
        else:
            raw = match["n"].lower()
            factor = self.lexicon.number_words.get(raw) or float(raw)
        if match["more"] and "as" not in match["more"].lower():
            return None, Quantity(span, match.group(), None, unit="", low=factor, high=factor + 1,
                                  qualifier=qualifier, hedge=hedge)
        return None, Quantity(span, match.group(), factor, unit="", resolution=None, qualifier=qualifier,
                              hedge=hedge)

    def change_words(self, text: str) -> Occurrences:
        """The change words of a whole document, found once for every reader that asks."""
        if self._change_words is None or self._change_words[0] is not text:
            starts = self.lexicon.change_word_starts
            self._change_words = (text, Occurrences(word_index(text).finditer(self.lexicon.change_word, starts)))
        return self._change_words[1]

    def find(self, text: str, sentence: Span, starting_at: Mapping[int, Quantity],
             ending_at: Mapping[int, Quantity]) -> list[StatedSize]:
        """The sizes attached to change words in ``sentence``.

        ``starting_at`` and ``ending_at`` map offsets to the quantities that
        start or end there.
        """
        sizes: list[StatedSize] = []
        for match in self.change_words(text).within(sentence.start, sentence.end):
            anchor, word = Span(match.start(), match.end()), match.group().lower()
            size = self._after(text, sentence, anchor, word, starting_at) or self._before(
                text, sentence, anchor, word, ending_at)
            if size:
                sizes.append(size)
        return sizes

    def _after(self, text: str, sentence: Span, anchor: Span, word: str,
               starting_at: Mapping[int, Quantity]) -> StatedSize | None:
        for lead in (_LEAD_AFTER_WORD, _LEAD_AFTER_ADVERB):
            match = lead.match(text, anchor.end, sentence.end)
            if not match:
                continue
            pos, by = match.end(), bool(match.group("by"))
            joiner = match.group("by").strip().lower() if by else None
            quantity = starting_at.get(pos)
            if quantity is not None and not quantity.vague and (quantity.unit in RELATIVE_UNITS or by):
                return StatedSize(anchor, word, True, amount=quantity, joiner=joiner)
            for start in dict.fromkeys((pos, match.end("by") if by else pos)):
                amount, factor = self._written(text, start, by or word in ("up", "down"))
                if amount or factor:
                    return StatedSize(anchor, word, True, amount=amount, factor=factor, joiner=joiner)
        return None

    def _before(self, text: str, sentence: Span, anchor: Span, word: str,
                ending_at: Mapping[int, Quantity]) -> StatedSize | None:
        if word not in self.lexicon.change_nouns:
            return None  # a verb takes its size after it: "rose 5%", not "the 95% mortgages soared"
        window = text[max(sentence.start, anchor.start - 40):anchor.start]
        first = _GAP_TAIL.search(window)  # no cut before the first one the gap pattern allows can pass
        assert first is not None  # it matches the empty end of any window
        for cut in range(first.start(), len(window)):
            gap = window[cut:]
            between = _GAP_BEFORE_WORD.match(gap)
            if not between or (between["word"] or "") in STOP_WORDS:
                continue  # "95% and down": a conjunction joins another predicate, not a noun phrase
            end = anchor.start - len(gap)
            quantity = ending_at.get(end)
            if quantity is not None and not quantity.vague and quantity.value is not None and \
                    quantity.unit in RELATIVE_UNITS:
                if self.lexicon.role_of.search(text, max(sentence.start, quantity.span.start - 30), quantity.span.start):
                    return None  # "the target of 95% and down from 90.1%": a yardstick, not the change's size
                return StatedSize(anchor, word, False, amount=quantity)
            if not text[max(sentence.start, end - 16):end].lower().endswith(self._multiple_endings):
                continue  # no multiple ends here: "threefold", "four times", "a third"
            for match in self.multiple.finditer(text, max(sentence.start, end - 30), end):
                if match.end() == end and not match["fraction"]:
                    _, factor = self._written(text, match.start(), False)
                    if factor:
                        return StatedSize(anchor, word, False, factor=factor)
        return None
