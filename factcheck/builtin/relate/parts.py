"""A total and the listed parts of it.

The total of a list is found by what the words say:

1. the first part is partitive ("610 of the cases", "Of these, 3,100 ...",
   "Of the homes completed, 1,240 ..."): the total is the nearest earlier
   figure with that noun (or, for "these"/"them", the nearest earlier figure
   in the parts' unit) in this or the previous sentence;
2. a coverage phrase joins the total to the list ("£48m budget, split
   between ...", "1,000 pharmacies, including ...");
3. "The homes will comprise ...": the noun refers back to an earlier figure;
4. a figure earlier in the sentence counts the parts' own noun and is larger
   than each ("the 60-seat council with 28 seats, ... 19, ... 11").

``exhaustive`` is set where the words say the parts make up the whole
("split between", "comprising", "of these ... the rest"); "including" lists
are never exhaustive.
"""
from __future__ import annotations

import bisect
from typing import Sequence

import regex

from factcheck.builtin.relate.describe import Describer
from factcheck.builtin.relate.lexicon import RelateLexicon
from factcheck.builtin.relate.lists import ListRun, find_lists
from factcheck.builtin.relate.text import Sentences, lemma
from factcheck.model import Change, Document, Parts, Quantity, Span

_PARTITIVE_ITEM = regex.compile(r"(?i)\s+(?:of|out\s+of)\s+(?:the|its|their|these|those|them)\b\s*(?P<noun>[\p{L}-]+)?")
_OF_THESE = regex.compile(r"(?i)\bof\s+(?:these|them|those|this\s+total|the\s+(?P<noun>[\p{L}-]+)(?:\s+[\p{L}-]+)?)\s*,\s*$")
_OF_TOTAL = regex.compile(r"(?i)\b(?:of|out\s+of|among)\s+(?:the|its|their|all)\s+$")
_REFERS_BACK = regex.compile(r"(?i)\b(?:the|these|those|its|their)\s+(?P<noun>[\p{L}-]+)\s+(?:will\s+|would\s+|are\s+to\s+)?"
                             r"(?:be\s+)?(?P<verb>[\p{L}]+(?:\s+(?:up\s+)?of)?)\s*$")


class PartsReader:
    """Finds totals and their parts in one document."""

    def __init__(self, document: Document, quantities: Sequence[Quantity], changes: Sequence[Change],
                 lexicon: RelateLexicon) -> None:
        self.document = document
        self.text = document.text
        self.quantities = list(quantities)
        self.starts = [q.span.start for q in self.quantities]
        self.lexicon = lexicon
        self.describer = Describer(lexicon, document)
        self.sentences = Sentences.of(document)
        self.skip = {c.before.span for c in changes if c.before} | {c.after.span for c in changes} | {
            c.by.span for c in changes if c.by}

    def _nouns(self, quantity: Quantity) -> frozenset[str]:
        return self.describer.describe(quantity, self.sentences.span(quantity.span.start)).nouns

    def _earlier(self, before: int, unit: str, noun: str | None) -> Quantity | None:
        """The nearest figure before ``before`` in this or the previous sentence, with ``noun`` when given."""
        index = self.sentences.index(before)
        floor = self.document.sentences[max(0, index - 1)].start if self.document.sentences else 0
        for i in range(bisect.bisect_left(self.starts, before) - 1, -1, -1):
            quantity = self.quantities[i]
            if quantity.span.start < floor:
                break
            if quantity.unit != unit or quantity.vague or quantity.value is None or quantity.span in self.skip:
                continue
            if noun is None or self.lexicon.canonical(lemma(noun)) in self._nouns(quantity):
                return quantity
        return None

    def _total(self, run: ListRun, sentence: Span) -> tuple[Quantity, bool] | None:
        text, first = self.text, run.items[0]
        unit = first.unit
        partitive = _PARTITIVE_ITEM.match(text, first.span.end, sentence.end)
        if partitive:
            noun = partitive["noun"]
            pronoun = text[partitive.start():partitive.end()].split()[-1].lower() in ("these", "those", "them")
            total = self._earlier(first.span.start, unit, None if pronoun or noun is None else noun)
            return (total, self._remainder(run, sentence)) if total else None
        lead = text[max(sentence.start, first.span.start - 60):first.span.start]
        of_these = _OF_THESE.search(lead)
        if of_these:
            total = self._earlier(first.span.start, unit, of_these["noun"])
            return (total, self._remainder(run, sentence)) if total else None
        refers = _REFERS_BACK.search(lead)
        if refers and (self.lexicon.whole_cue.fullmatch(refers["verb"]) or self.lexicon.partial_cue.fullmatch(
                refers["verb"])):
            total = self._earlier(first.span.start, unit, refers["noun"])
            if total is not None:
                return total, bool(self.lexicon.whole_cue.fullmatch(refers["verb"]))
        low, high = bisect.bisect_left(self.starts, sentence.start), bisect.bisect_left(self.starts, first.span.start)
        for quantity in reversed(self.quantities[low:high]):
            if quantity.unit != unit or quantity.value is None or quantity.vague or quantity.span in self.skip:
                continue
            between = text[quantity.span.end:first.span.start]
            if _OF_TOTAL.search(text, max(sentence.start, quantity.span.start - 12), quantity.span.start) and \
                    regex.fullmatch(r"[^,;.]{0,30},\s*", between):
                return quantity, self._remainder(run, sentence)  # "Of the 900 applicants, 420 ..."
            whole = self.lexicon.whole_cue.search(between)
            partial = self.lexicon.partial_cue.search(between)
            if (whole or partial) and len(between) <= 80:
                return quantity, bool(whole) and not partial
            nouns = self._nouns(quantity)
            if nouns & self._nouns(first) and all(quantity.value > (p.value or 0) for p in run.items):
                return quantity, False
            break
        return None

    def _remainder(self, run: ListRun, sentence: Span) -> bool:
        """True when the list ends with "the rest" / "the remainder": the parts then cover the whole."""
        tail = self.text[run.items[-1].span.start:sentence.end]
        return bool(self.lexicon.remainder_cue.search(tail))

    def find(self) -> list[Parts]:
        """Every total with its listed parts."""
        by_sentence: dict[int, list[Quantity]] = {}
        for quantity in self.quantities:
            by_sentence.setdefault(self.sentences.index(quantity.span.start), []).append(quantity)
        found = []
        for members in by_sentence.values():
            sentence = self.sentences.span(members[0].span.start)
            for run in find_lists(self.text, sentence, members, self.lexicon, self.skip):
                if run.items[0].unit in ("percent", "percentage_point"):
                    continue
                total = self._total(run, sentence)
                if total is None:
                    continue
                quantity, exhaustive = total
                if any((p.value or 0) > (quantity.value or 0) for p in run.items):
                    continue  # a "part" larger than the whole: the list is not a breakdown of it
                span = Span(min(quantity.span.start, run.span.start), max(quantity.span.end, run.span.end))
                found.append(Parts(span=span, total=quantity, parts=run.items, exhaustive=exhaustive))
        return found


def find_parts(document: Document, quantities: Sequence[Quantity], changes: Sequence[Change],
               lexicon: RelateLexicon) -> list[Parts]:
    """Totals and their listed parts in one document."""
    return PartsReader(document, quantities, changes, lexicon).find()
