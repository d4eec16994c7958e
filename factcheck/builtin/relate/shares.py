"""Percentages of one whole: "58% voted yes and 46% no", "72% of the water ..., factories 21%".

A list of percentages in one sentence is read as shares of one whole when
the words name that whole: "of" after an item ("58% of cases", "56.4% of the
vote"), "Of those taking part, 52% ..." before the list, or a verb that
shares out a whole ("voting", "cited", "accounted"). Percentages set apart
by different places or groups ("38% in the north, 61% in London", "uptake
among pregnant women"), or by different times, are rates of different
wholes and are left out, as are changes and stated sizes of changes.
"""
from __future__ import annotations

from typing import Sequence

import regex

from factcheck.builtin.relate.lexicon import RelateLexicon
from factcheck.builtin.relate.lists import ListRun, find_lists
from factcheck.builtin.relate.sizes import SizeReader
from factcheck.builtin.relate.text import WORD, Sentences
from factcheck.model import Change, Document, Quantity, Share, Span

_OF_WHOLE_AFTER = regex.compile(r"(?i)\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?P<whole>[\p{L}-]+(?:\s+[\p{L}-]+)?)")
_OF_WHOLE_BEFORE = regex.compile(r"(?i)\b(?:of|among)\s+(?:the\s+|all\s+|those\s+|these\s+)?(?P<whole>[^,;.]{2,40}),\s*$")
_GROUP = regex.compile(r"\b(?:[Ii]n|[Aa]mong|[Aa]t|[Ff]or)\s+(?:the\s+)?(?P<group>\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)"
                       r"|\b[Aa]mong\s+(?P<among>[\p{L}-]+(?:\s+[\p{L}-]+)?)")
_YEARISH = regex.compile(r"\b(?:19|20)\d\d\b")


class ShareReader:
    """Finds shares of one whole in one document."""

    def __init__(self, document: Document, quantities: Sequence[Quantity], changes: Sequence[Change],
                 lexicon: RelateLexicon) -> None:
        self.document = document
        self.text = document.text
        self.quantities = list(quantities)
        self.lexicon = lexicon
        self.sizes = SizeReader(lexicon)
        self.skip = {c.before.span for c in changes if c.before} | {c.after.span for c in changes} | {
            c.by.span for c in changes if c.by}

    def _whole(self, run: ListRun, sentence: Span) -> str | None:
        text = self.text
        for item in run.items:
            match = _OF_WHOLE_AFTER.match(text, item.span.end, sentence.end)
            if match:
                return match["whole"]
        lead = text[max(sentence.start, run.items[0].span.start - 60):run.items[0].span.start]
        match = _OF_WHOLE_BEFORE.search(lead)
        if match:
            return match["whole"]
        for item in run.items:
            following = WORD.match(text, item.span.end + 1)
            if following and following.group().lower() in self.lexicon.share_verbs:
                return following.group().lower()
        return None

    def _set_apart(self, run: ListRun, sentence: Span) -> bool:
        """True when items carry different places, groups or times: rates of different wholes."""
        groups, times = [], []
        previous_end = sentence.start
        for i, item in enumerate(run.items):
            end = run.items[i + 1].span.start if i + 1 < len(run.items) else min(sentence.end, item.span.end + 40)
            clause = self.text[previous_end:end]
            previous_end = item.span.end
            group = {(m["group"] or m["among"]).lower() for m in _GROUP.finditer(clause)}
            if group:
                groups.append(frozenset(group))
            stamp = {w.group().lower() for w in WORD.finditer(clause) if w.group().lower() in self.lexicon.times}
            stamp |= set(_YEARISH.findall(clause))
            if stamp:
                times.append(frozenset(stamp))
        return len(set(groups)) > 1 or len(set(times)) > 1

    def find(self) -> list[Share]:
        """Every list of shares of one whole."""
        sentences = Sentences.of(self.document)
        by_sentence: dict[int, list[Quantity]] = {}
        for quantity in self.quantities:
            if quantity.unit == "percent":
                by_sentence.setdefault(sentences.index(quantity.span.start), []).append(quantity)
        found = []
        for members in by_sentence.values():
            sentence = sentences.span(members[0].span.start)
            starting = {q.span.start: q for q in members}
            ending = {q.span.end: q for q in members}
            sized = {s.span for s in self.sizes.find(self.text, sentence, starting, ending)}
            skip = self.skip | sized
            for run in find_lists(self.text, sentence, members, self.lexicon, skip, allow_against=True):
                whole = self._whole(run, sentence)
                if whole is None or self._set_apart(run, sentence):
                    continue
                several = bool(self.lexicon.several_answers.search(
                    self.text, max(0, sentence.start - 200), sentence.end))
                found.append(Share(span=run.span, parts=run.items, whole=whole, multiple_answers=several))
        return found


def find_shares(document: Document, quantities: Sequence[Quantity], changes: Sequence[Change],
                lexicon: RelateLexicon) -> list[Share]:
    """Lists of percentages that share out one whole."""
    return ShareReader(document, quantities, changes, lexicon).find()
