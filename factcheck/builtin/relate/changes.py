"""Changes from one amount to another, read within a sentence.

Three shapes are read: "from X to Y", "to Y from X" or "Y, up (25%) from X",
and a change word with a stated size and an end ("rose 0.4% to 158,000").
Each change takes the change word nearest to it (its verb) and the stated
size attached to that word or written beside the change ("a 40% increase").
A change's ``context`` runs on into the next few sentences that refer back
to a change ("the increase", "the decline") without stating a new one, where
a describing word may stand ("the increases would be incremental").
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

import regex

from factcheck.builtin.relate.lexicon import RelateLexicon
from factcheck.builtin.relate.sizes import RELATIVE_UNITS, SizeReader, StatedSize
from factcheck.builtin.relate.text import Sentences
from factcheck.model import Change, Document, Quantity, Span

_FROM_BEFORE = regex.compile(r"(?i)\bfrom\s*(?:the\s+|a\s+|an\s+)?[\"“]?\s*$")
_TO_BEFORE = regex.compile(r"(?i)\b(?:to|at)\s*[\"“]?\s*$")
_FROM_TO_GAP = regex.compile(r"(?i)^[^.;!?]{0,80}?\bto\s*[\"“]?\s*$")
_AFTER_FROM_GAP = regex.compile(r"(?i)^[^;!?]{0,70}$")
_TO_AFTER_SIZE = regex.compile(r"(?i)\s*,?\s*(?:[\p{L}]+\s+){0,4}?to\s*[\"“]?\s*$")
_CLAUSE_BREAK = regex.compile(r"(?i)[;:]|,\s*(?:and|but|while|whereas)\b|\b(?:while|whereas)\b")
_ANAPHOR_DETERMINER = regex.compile(r"(?i)\b(?:the|this|that|these|those|such|its|their|it)\s+(?:[\p{L}-]+\s+)?$")
_MAX_VERB_DISTANCE = 150


def _bare(q: Quantity) -> bool:
    return q.unit == "" and (q.noun is None or q.noun_inferred) and not q.age


def align(first: Quantity, second: Quantity) -> tuple[Quantity, Quantity] | None:
    """Two figures of one change in one unit, or None when they cannot be compared.

    A bare number takes its partner's unit ("from 52 hours a week to 40"), and
    a figure without a per-unit takes its partner's ("from 28 cents per watt to
    15 cents").
    """
    if first.vague or second.vague or first.value is None or second.value is None or first.age or second.age:
        return None
    if first.unit == second.unit:
        return first, second
    if _bare(second):
        return first, replace(second, unit=first.unit, unit_text=first.unit_text)
    if _bare(first):
        return replace(first, unit=second.unit, unit_text=second.unit_text), second
    if second.unit and first.unit.startswith(second.unit + " /"):
        return first, replace(second, unit=first.unit)
    if first.unit and second.unit.startswith(first.unit + " /"):
        return replace(first, unit=second.unit), second
    return None


class ChangeReader:
    """Finds the changes of one document."""

    def __init__(self, lexicon: RelateLexicon) -> None:
        self.lexicon = lexicon
        self.sizes = SizeReader(lexicon)
        self._contexts: dict[int, Span] = {}  # by sentence index, for the document being read

    def find(self, document: Document, quantities: Sequence[Quantity]) -> list[Change]:
        """Every change in the document, in text order."""
        self._contexts = {}
        sentences = Sentences.of(document)
        by_sentence: dict[int, list[Quantity]] = {}
        for quantity in quantities:
            by_sentence.setdefault(sentences.index(quantity.span.start), []).append(quantity)
        changes: list[Change] = []
        for index, members in by_sentence.items():
            sentence = sentences.span(members[0].span.start)
            changes += self._in_sentence(document, sentence, members, index)
        changes.sort(key=lambda c: c.span.start)
        return changes

    # ------------------------------------------------------------ one sentence

    def _in_sentence(self, document: Document, sentence: Span, members: list[Quantity],
                     index: int) -> list[Change]:
        text = document.text
        words = [(m.group().lower(), Span(m.start(), m.end()))
                 for m in self.lexicon.change_word.finditer(text, sentence.start, sentence.end)]
        starting_at = {q.span.start: q for q in members}
        ending_at = {q.span.end: q for q in members}
        sizes = self.sizes.find(text, sentence, starting_at, ending_at)
        size_spans = {s.span for s in sizes}
        pairs = self._pairs(text, sentence, [q for q in members if q.span not in size_spans])
        changes = []
        used_sizes: set[Span] = set()
        for before, after in pairs:
            start, end = min(before.span.start, after.span.start), max(before.span.end, after.span.end)
            verb = self._verb(words, start, end, [p for p in pairs if p != (before, after)])
            if verb is None:
                continue  # "from 20C to 25C" with no change word is a range, not a change
            size = self._size(sizes, Span(start, end), verb, words, used_sizes, before)
            if size is not None:
                used_sizes.add(size.span)
            changes.append(self._change(document, index, before, after, verb, size))
        for size in sizes:
            if size.span in used_sizes or not size.after_word:
                continue
            change = self._sized_only(document, sentence, index, size, members)
            if change is not None:
                changes.append(change)
        return changes

    def _pairs(self, text: str, sentence: Span, members: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
        """(before, after) pairs: "from X to Y", "to Y from X", "Y, up from X"."""
        pairs: list[tuple[Quantity, Quantity]] = []
        taken: set[int] = set()
        for i, x in enumerate(members):
            if id(x) in taken or not _FROM_BEFORE.search(text, max(sentence.start, x.span.start - 14), x.span.start):
                continue
            partner = None
            if i + 1 < len(members):
                y = members[i + 1]  # "from X to Y": nothing but words between them
                gap = text[x.span.end:y.span.start]
                if _TO_BEFORE.search(text, max(sentence.start, y.span.start - 6), y.span.start) and \
                        _FROM_TO_GAP.match(gap) and not _CLAUSE_BREAK.search(gap) and \
                        not self.lexicon.change_word.search(gap) and align(x, y):
                    partner = align(x, y)
            if partner is None:
                from_at = text.rfind("from", max(sentence.start, x.span.start - 14), x.span.start)
                for y in reversed(members[max(0, i - 3):i]):
                    aligned = align(y, x)
                    if aligned is None or id(y) in taken:
                        continue
                    gap = text[y.span.end:from_at]
                    if _AFTER_FROM_GAP.match(gap) and ("from" not in gap.lower()) and (
                            self.lexicon.change_word.search(gap) or _TO_BEFORE.search(
                                text, max(sentence.start, y.span.start - 6), y.span.start) and len(gap) < 25):
                        partner = (aligned[1], aligned[0])
                        break
            if partner is not None:
                before, after = partner
                pairs.append((before, after))
                taken.update({id(x)})
        return pairs

    def _verb(self, words: list[tuple[str, Span]], start: int, end: int,
              others: list[tuple[Quantity, Quantity]]) -> tuple[str, Span] | None:
        """The change word of a change: one between its figures, else the nearest before, else just after."""
        inside = [w for w in words if start <= w[1].start and w[1].end <= end]
        if inside:
            return inside[0]
        other_spans = [Span(min(a.span.start, b.span.start), max(a.span.end, b.span.end)) for a, b in others]
        best = None
        for word, span in words:
            if span.end <= start:
                distance = start - span.end
                if any(span.end <= o.start and o.end <= start for o in other_spans):
                    continue  # another change stands between the word and this one
            elif span.start >= end:
                distance = (span.start - end) * 3
            else:
                continue
            if distance <= _MAX_VERB_DISTANCE and (best is None or distance < best[0]):
                best = (distance, word, span)
        return (best[1], best[2]) if best else None

    def _size(self, sizes: list[StatedSize], change: Span, verb: tuple[str, Span],
              words: list[tuple[str, Span]], used: set[Span], before: Quantity) -> StatedSize | None:
        """The stated size that belongs to a change: inside it, on its verb, or beside it."""
        candidates = []
        for size in sizes:
            if size.span in used or (size.amount is not None and size.amount.span == before.span):
                continue
            if change.start <= size.span.start and size.span.end <= change.end:
                rank = 0
            elif size.anchor == verb[1]:
                rank = 1
            elif size.anchor.end <= change.start and change.start - size.span.end <= 100 and not any(
                    size.span.end <= s.start and s.end <= change.start for _, s in words):
                rank = 2
            elif size.anchor.start >= change.end and size.anchor.start - change.end <= 90 and (
                    not size.after_word or size.joiner == "of"):
                rank = 3
            else:
                continue
            candidates.append((rank, abs(size.span.start - change.start), size))
        if not candidates:
            return None
        return min(candidates, key=lambda c: (c[0], c[1]))[2]

    def _change(self, document: Document, index: int, before: Quantity, after: Quantity,
                verb: tuple[str, Span], size: StatedSize | None) -> Change:
        word, verb_span = verb
        start = min(before.span.start, after.span.start, verb_span.start)
        end = max(before.span.end, after.span.end)
        amount = size.amount if size else None
        if amount is not None and amount.unit not in RELATIVE_UNITS and align(before, amount) is None:
            amount = None  # an absolute size must be in the change's own unit
        return Change(span=Span(start, end), after=after, before=before, by=amount,
                      factor=size.factor if size else None, direction=self.lexicon.change_direction.get(word, 0),
                      verb=word, verb_span=verb_span, context=self._context(document, index))

    def _sized_only(self, document: Document, sentence: Span, index: int, size: StatedSize,
                    members: list[Quantity]) -> Change | None:
        """ "rose 0.4% to 158,000": a change word with a size and an end, but no starting figure."""
        text = document.text
        for quantity in members:
            if quantity.span.start < size.span.end or quantity.span.start - size.span.end > 60:
                continue
            gap = text[size.span.end:quantity.span.start]
            if _TO_AFTER_SIZE.match(gap):
                return Change(span=Span(size.anchor.start, quantity.span.end), after=quantity, by=size.amount,
                              factor=size.factor, direction=self.lexicon.change_direction.get(size.anchor_word, 0),
                              verb=size.anchor_word, verb_span=size.anchor, context=self._context(document, index))
            break
        return None

    def _context(self, document: Document, index: int) -> Span:
        """The change's sentence, run on through following sentences that refer back to a change.

        Every change of a sentence has the same context: it is read once per sentence.
        """
        if index not in self._contexts:
            self._contexts[index] = self._read_context(document, index)
        return self._contexts[index]

    def _read_context(self, document: Document, index: int) -> Span:
        sentences = document.sentences
        if not sentences:
            return Span(0, len(document.text))
        start, end = sentences[index].start, sentences[index].end
        for following in sentences[index + 1:index + 5]:
            refers_back = False
            for match in self.lexicon.change_word.finditer(document.text, following.start, following.end):
                if _ANAPHOR_DETERMINER.search(document.text, max(following.start, match.start() - 30), match.start()):
                    refers_back = True
                    break
            if refers_back:
                end = following.end
        return Span(start, end)
