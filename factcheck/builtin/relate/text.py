"""Small readers of the words around an amount: lemmas, clauses, sentences."""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import Sequence

import regex

from factcheck import patterns
from factcheck.model import Document, Quantity, Span

WORD = patterns.compile(r"[\p{L}][\p{L}'’-]*")
WORD_BEFORE = patterns.compile(r"(?P<word>[\p{L}]+)\s+$")  # the word right before a figure
# "the 1,140 employees who could not work", "the 47,830 residents who live in households, rather than in care
# homes": a relative clause that picks out some of a group
RESTRICTING_RELATIVE = patterns.compile(
    r"(?i)\s+(?:who|that)\s+(?P<clause>(?:[\p{L}'’]+\s+){0,2}?(?:not|never|unable|cannot|can['’]t|couldn['’]t|"
    r"didn['’]t|did\s+not|were\s+not|no\s+longer)\b[^,.;:!?()]{0,50}"
    # "The 47,830 residents who live in households, rather than in care homes": a clause set against the rest
    r"|[^,.;:!?()]{3,50}(?=,?\s+(?:rather\s+than|as\s+opposed\s+to|instead\s+of)\b))")
# Words that end a noun phrase or carry no meaning of their own for linking.
STOP_WORDS = frozenset("""
a an the this that these those its their his her our your my of in on at to for from by with without
into onto over under about around after before since until and or but nor so yet as than then which
who whom whose what where when while why how is are was were be been being am has have had do does did
will would shall should can could may might must not no it they them he she we you i there here also
only just still even ever more most less least very much many some any each every all both either
neither such own same other another per up down out off if because although though whether said says
say according told tell last next first second third now currently still already then
also once within during across through throughout towards toward despite against among amid beyond via upon
between beside behind below above along alongside near inside outside
""".split())
# Units of a length of time: a unit a bare figure takes only when nothing says it counts things.
# Roles that set a figure as a yardstick to measure others by, not an amount reached: "its £2m target".
YARDSTICKS = frozenset({"target", "targets", "goal", "aim", "aims", "cap", "ceiling", "limit", "threshold",
                        "forecast", "forecasts", "projection", "estimate", "estimates", "standard",
                        "benchmark"})
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})
_CLAUSE_BREAK = patterns.compile(r"[;:(){}\[\]—–]|,\s|\s(?:and|but|while|whereas|although|though|which|who)\s")
_MONTH_OR_DAY = frozenset("""january february march april may june july august september october november
december monday tuesday wednesday thursday friday saturday sunday""".split())


@functools.lru_cache(maxsize=8192)
def lemma(word: str) -> str:
    """A crude singular, lower-case form: "soldiers" → "soldier", "the brigade's" → "brigade".

    Cached: a document's words repeat, and every relation asks for them.
    """
    word = word.lower().replace("’", "'")
    if word.endswith("'s") or word.endswith("s'"):
        word = word[:-2] if word.endswith("'s") else word[:-1]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")):
        return word[:-1]
    return word


def verb_stems(word: str) -> set[str]:
    """The nouns a verb form may come from: "ordered" → "order", "fined" → "fine", "levied" → "levy"."""
    forms = {word}
    if word.endswith("ied"):
        forms.add(word[:-3] + "y")
    if word.endswith("ed"):
        forms |= {word[:-2], word[:-1]}
    if word.endswith("ing"):
        forms |= {word[:-3], word[:-3] + "e"}
    return forms


def noun_verbs(noun: str) -> set[str]:
    """The verbs a noun may be made from: "closure" → "close", "arrival" → "arrive", "payment" → "pay"."""
    forms = set()
    for ending in ("ure", "al", "ment", "ation", "ion"):
        if noun.endswith(ending) and len(noun) - len(ending) >= 3:
            root = noun[:-len(ending)]
            forms |= {root, root + "e"}
    if noun.endswith("ation"):
        forms.add(noun[:-3] + "e")  # "evacuation" → "evacuate"
    return forms


@dataclass(frozen=True)
class Sentences:
    """Fast lookup of the sentence around an offset."""

    document: Document
    starts: tuple[int, ...]

    @classmethod
    def of(cls, document: Document) -> Sentences:
        """The lookup for one segmented document."""
        return cls(document, tuple(s.start for s in document.sentences))

    def index(self, offset: int) -> int:
        """Index of the sentence that holds ``offset``."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def span(self, offset: int) -> Span:
        """The sentence that holds ``offset`` (the whole text when not segmented)."""
        if not self.starts:
            return Span(0, len(self.document.text))
        return self.document.sentences[self.index(offset)]


def clause_start(text: str, sentence: Span, offset: int, limit: int = 120) -> int:
    """Where the clause holding ``offset`` starts: after the last comma, "and", "while"... before it."""
    low = max(sentence.start, offset - limit)
    last = low
    for match in _CLAUSE_BREAK.finditer(text, low, offset):
        last = match.end()
    return last


def clause_end(text: str, sentence: Span, offset: int, limit: int = 120) -> int:
    """Where the clause holding ``offset`` ends."""
    high = min(sentence.end, offset + limit)
    match = _CLAUSE_BREAK.search(text, offset, high)
    return match.start() if match else high


def words_between(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The words of ``text[start:end]`` with their offsets."""
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, end)]


def is_time_word(word: str) -> bool:
    """True for month and weekday names."""
    return word.lower() in _MONTH_OR_DAY


class QuantityIndex:
    """The quantities of a document in text order, found by position in logarithmic time."""

    def __init__(self, quantities: Sequence[Quantity]) -> None:
        self.quantities = list(quantities)
        self.starts = [q.span.start for q in self.quantities]

    def within(self, span: Span) -> list[Quantity]:
        """The quantities wholly inside ``span``."""
        i = bisect.bisect_left(self.starts, span.start)
        found = []
        while i < len(self.quantities) and self.starts[i] < span.end:
            if span.contains(self.quantities[i].span):
                found.append(self.quantities[i])
            i += 1
        return found


# "The Greens' marginal improvement": a name's possessive, then a word at most, before a change word
_NAMED_OWNER_BEFORE = patterns.compile(r"(?P<name>\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)['’]s?\s+(?:[\p{L}-]+\s+)?$")


def owner_named_in(text: str, sentence: Span, lower: int, position: int) -> bool:
    """True when the words right before ``position`` (from ``lower``) are a name's possessive ("The Greens'
    marginal ") and ``sentence`` names it too: the change word at ``position`` is that name's change."""
    owner = _NAMED_OWNER_BEFORE.search(text, max(lower, position - 40), position)
    return owner is not None and regex.search(rf"\b{regex.escape(owner['name'])}\b",
                                              text[sentence.start:sentence.end]) is not None

