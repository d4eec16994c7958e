"""What a figure is about: its noun phrase, owner, time and role, read from the words around it.

Linking mentions of one thing needs more than the counted noun: "the €185
million annual budget" is a yearly budget, "a fee of £85 million" a fee, "the
first six aircraft" a part of an order, "the 1,100 finished in 2021" a count
of another year. A :class:`Description` holds what the words say, as lemmas
with newsroom synonyms folded together.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from factcheck.builtin.relate.lexicon import RelateLexicon
from factcheck.builtin.relate.text import STOP_WORDS, WORD, clause_end, clause_start, lemma
from factcheck.model import Document, Quantity, Span

_PER_WORDS = {"annual": "year", "annually": "year", "yearly": "year", "quarterly": "quarter",
              "monthly": "month", "weekly": "week", "daily": "day", "hourly": "hour"}
_RELATIVE_TIME = frozenset("last this next previous same coming past that current following prior".split())
_DEFINITE = regex.compile(
    r"(?i)(?:\b(?:the|its|their|this|that|these|those|our|his|her)|[\p{L}]['’]s?)\s+(?:[\p{L}-]+\s+)?[\"“]?$")
_PARTITIVE_AFTER = regex.compile(
    r"(?i)\s+(?:[\p{L}]+\s+)?(?:of|out\s+of)\s+(?:the|its|their|these|those|them|all|an?\s+estimated)\b")
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
_NP_WORDS = 4
_CLAUSE_WORDS = 8


@dataclass(frozen=True)
class Description:
    """What the words around one figure say it is.

    ``head`` is the noun the figure describes ("mirror" for "6.5-metre
    primary mirror", "troop" for "4,200 soldiers"), ``counted`` the noun it
    counts when that differs ("seat" in "60-seat council"). ``bag`` holds the
    content words of its clause, ``lead`` those before it ("Net profit for
    the quarter was"); ``times`` and ``roles`` the words that set
    it apart from other figures about the same noun. ``participle`` is a
    verb form right after the figure ("the 6,200 hectares burned"), which
    names the thing when no noun does.
    """

    quantity: Quantity
    head: str | None
    counted: str | None
    modifiers: frozenset[str]
    bag: frozenset[str]
    lead: frozenset[str]
    times: frozenset[str]
    roles: frozenset[str]
    per: str | None
    participle: str | None
    definite: bool
    comparison: bool
    partitive_part: bool

    @property
    def nouns(self) -> frozenset[str]:
        """The head and the counted noun."""
        return frozenset(n for n in (self.head, self.counted) if n)


def _per_of(unit: str) -> str | None:
    if " / " not in unit:
        return None
    return unit.split(" / ", 1)[1].strip("() ")


class Describer:
    """Describes the figures of one document."""

    def __init__(self, lexicon: RelateLexicon, document: Document) -> None:
        self.lexicon = lexicon
        self.document = document
        self.text = document.text

    def _norm(self, word: str) -> str:
        low = word.lower()
        if low in _PER_WORDS:
            return _PER_WORDS[low]
        return self.lexicon.canonical(lemma(low))

    def _noun_phrase_after(self, start: int, limit: int) -> list[str]:
        words = []
        for match in WORD.finditer(self.text, start, limit):
            between = self.text[start:match.start()]
            if between.strip(" \t\"'“”‘’") or "\n" in between:
                break
            word = match.group()
            low = word.lower()
            if low in STOP_WORDS or low in self.lexicon.times:
                break
            if (len(low) > 4 and low.endswith("ed") and not low.endswith("eed")) or (
                    not words and len(low) > 5 and low.endswith("ing")):
                break  # a participle: "the 1,100 finished in 2021", "the 40 waiting"
            words.append(word)
            start = match.end()
            if len(words) == _NP_WORDS:
                break
        return words

    def describe(self, quantity: Quantity, sentence: Span) -> Description:
        """The description of one figure in its sentence."""
        text = self.text
        span = quantity.span
        noun_words = quantity.noun.split() if quantity.noun and not quantity.noun_inferred else []
        noun_written = bool(noun_words) and quantity.text.lower().endswith(quantity.noun.lower())
        after = self._noun_phrase_after(span.end, min(sentence.end, span.end + 80))
        if noun_written:
            # The noun ends with the figure's text, unless a plural noun carries it on ("1,240 measles cases").
            after = after[:1] if after and after[0].lower().endswith("s") and not after[0].lower().endswith(
                "ss") else []
        counted = self._norm(noun_words[-1]) if noun_words else None
        head = self._norm(after[-1]) if after else counted
        modifiers = {self._norm(w) for w in [*noun_words[:-1], *after[:-1]]}
        left_start = clause_start(text, sentence, span.start)
        right_end = clause_end(text, sentence, span.end)
        left = [m.group() for m in WORD.finditer(text, left_start, span.start)][-_CLAUSE_WORDS:]
        right = [m.group() for m in WORD.finditer(text, span.end, right_end)][:_CLAUSE_WORDS]
        clause_words = [*left, *after, *right]
        bag = {self._norm(w) for w in clause_words if w.lower() not in STOP_WORDS}
        near_left = [w.lower() for w in left[-4:]]
        roles = {w for w in [*near_left, *(w.lower() for w in after)] if w in self.lexicon.roles}
        times = self._times(clause_words) | self._years(left_start, right_end)
        per = _per_of(quantity.unit) or next((_PER_WORDS[w.lower()] for w in after if w.lower() in _PER_WORDS), None)
        return Description(
            quantity=quantity, head=head, counted=counted if counted != head else None,
            modifiers=frozenset(modifiers - {head}), bag=frozenset(bag),
            lead=frozenset(self._norm(w) for w in left if w.lower() not in STOP_WORDS), times=frozenset(times),
            roles=frozenset(roles), per=per, participle=self._participle(span.end, sentence.end) if not after else None,
            definite=bool(_DEFINITE.search(text, max(0, span.start - 40), span.start)),
            comparison=bool(self.lexicon.comparison_before.search(text, max(0, span.start - 30), span.start)),
            partitive_part=bool(_PARTITIVE_AFTER.match(text, span.end, sentence.end)),
        )

    def _years(self, start: int, end: int) -> set[str]:
        """Years that stamp the clause ("in 2021"), not those that bound a span ("since 2019")."""
        years = set()
        for match in _YEAR.finditer(self.text, start, end):
            before = [w.group().lower() for w in WORD.finditer(self.text, max(start, match.start() - 15), match.start())]
            if not (before and before[-1] in self.lexicon.time_spans):
                years.add(match.group())
        return years

    def _participle(self, start: int, limit: int) -> str | None:
        match = regex.compile(r"\s+([\p{Ll}]+ed)\b").match(self.text, start, limit)
        return match.group(1) if match and len(match.group(1)) > 4 else None

    def _times(self, words: list[str]) -> set[str]:
        """Time stamps among ``words``: "last year", "march", "saturday" (not "until the spring")."""
        tokens = set()
        for i, word in enumerate(words):
            low = word.lower()
            if low not in self.lexicon.times:
                continue
            lead = [w.lower() for w in words[max(0, i - 3):i]]
            if any(w in self.lexicon.time_spans for w in lead[-2:]) or lead[-2:-1] == ["the"] and lead[-3:-2] and \
                    lead[-3] in self.lexicon.time_spans:
                continue
            previous = lead[-1] if lead else ""
            tokens.add(f"{previous} {lemma(low)}" if previous in _RELATIVE_TIME else lemma(low))
        return tokens
