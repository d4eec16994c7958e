"""Where a document's lexicon words stand, found in one pass over its words.

Scanning a whole document with a case-insensitive alternation of a few
hundred words costs the regex engine a try of every alternative at every
character: about half a second a megabyte for the change words alone. Listing
once where each word of interest begins, then trying the pattern only
there, gives the same matches for a small fraction of that.

A pattern may use the index only when every match of it begins with one of
the words it is given (see :func:`first_words`): positions where no such
word begins are never tried.
"""
from __future__ import annotations

import bisect
import re
from itertools import chain
from typing import Iterable, Iterator, Sequence

import regex

from factcheck import patterns

_WORD = re.compile(r"[^\W\d_]+")  # a run of letters
_DIGITS = regex.compile(r"\d+")  # regex finds these four times faster than re


def first_words(phrases: Iterable[str]) -> frozenset[str]:
    """The lower-case words that the ``phrases`` begin with, as the index lists them.

    A hyphen may be written or left out ("step-up", "stepup"), so both first
    words are given for a hyphenated phrase.
    """
    words: set[str] = set()
    for phrase in phrases:
        runs = _WORD.findall(phrase.lower())
        if not runs:
            continue
        words.add(runs[0])
        if "-" in phrase and len(runs) > 1:
            words.add(runs[0] + runs[1])
    return frozenset(words)


class WordIndex:
    """The offsets at which each word of one text begins, by the word in lower case."""

    def __init__(self, text: str) -> None:
        self.text = text
        positions: dict[str, list[int]] = {}
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer ("İ" is two): lower word by word
            lowered = _WORD.sub(lambda m: m.group().lower() if len(m.group().lower()) == len(m.group())
                                else m.group(), text)
        for match in _WORD.finditer(lowered):
            word = match.group()
            if word in positions:
                positions[word].append(match.start())
            else:
                positions[word] = [match.start()]
        self._positions = positions
        self._merged: dict[frozenset[str], list[int]] = {}
        self._numerals: list[int] | None = None

    def starts(self, words: frozenset[str]) -> list[int]:
        """The offsets, in order, at which one of ``words`` begins as a whole word."""
        merged = self._merged.get(words)
        if merged is None:
            merged = sorted(chain.from_iterable(self._positions.get(w, ()) for w in words))
            self._merged[words] = merged
        return merged

    def numeral_starts(self) -> list[int]:
        """The offsets, in order, at which a run of digits begins."""
        if self._numerals is None:
            self._numerals = [m.start() for m in _DIGITS.finditer(self.text)]
        return self._numerals

    def finditer(self, pattern: patterns.LazyPattern | patterns.Pattern, words: frozenset[str],
                 start: int = 0, end: int | None = None) -> Iterator[patterns.Match]:
        """What ``pattern.finditer(text, start, end)`` gives, for a pattern whose matches begin with ``words``."""
        return matches_at(self.text, pattern, self.starts(words), start, end)


def matches_at(text: str, pattern: patterns.LazyPattern | patterns.Pattern, starts: Sequence[int],
               start: int = 0, end: int | None = None) -> Iterator[patterns.Match]:
    """What ``pattern.finditer(text, start, end)`` gives when every match begins at one of ``starts`` (in order)."""
    end = len(text) if end is None else end
    resume = start
    for i in range(bisect.bisect_left(starts, start), len(starts)):
        pos = starts[i]
        if pos >= end:
            break
        if pos < resume:
            continue
        match = pattern.match(text, pos, end)
        if match is not None:
            yield match
            resume = max(match.end(), pos + 1)


_LAST: list[WordIndex] = []  # the index of the document read last: each stage asks for it again


def word_index(text: str) -> WordIndex:
    """The word index of ``text``, built once however many readers ask for it."""
    if not _LAST or _LAST[0].text is not text:
        _LAST[:] = [WordIndex(text)]
    return _LAST[0]


class Occurrences:
    """The matches of one pattern over a whole document, found once and then looked up by range."""

    def __init__(self, matches: Iterable[patterns.Match]) -> None:
        self.matches = list(matches)
        self._starts = [m.start() for m in self.matches]

    def within(self, start: int, end: int) -> list[patterns.Match]:
        """The matches that begin at or after ``start`` and end by ``end``."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end, first)
        return [m for m in self.matches[first:last] if m.end() <= end]
