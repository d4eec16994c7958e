"""Mentions of one thing: a later definite mention linked back to the figure it restates.

"The 28 aircraft" presupposes aircraft mentioned before; "the brigade's 4,200
soldiers" the brigade; "the €185 million annual budget" a yearly amount. A
definite mention is linked to the earlier figures that its words point to:

1. figures whose own noun is its head noun (or a newsroom synonym);
2. else figures without a noun of their own whose clause names its head
   ("Net profit for the quarter was $610 million" for "the $660 million
   quarterly profit"), or whose verb is its head ("cut 1,800 jobs" for "the
   2,300 job cuts") or its participle ("burned 8,900 hectares" for "the
   6,200 hectares burned");
3. else, for "the brigade's 4,200 soldiers", a figure that sizes the owner
   ("4,800-strong brigade");
4. else, for a yearly (monthly...) amount, the one figure of the document in
   that unit with no noun of its own.

Candidates set apart by time ("in 2021", "last year"), by role ("target",
"ceiling", "first"), by a modifier the earlier figure lacks, or by a
comparison ("compared with") are dropped; when the remaining candidates
disagree among themselves the link is uncertain and none is made.
Candidates are looked up by noun, so the work grows with the document, not
with its square.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import replace
from typing import Sequence

import regex

from factcheck.builtin.relate.describe import Description
from factcheck.builtin.relate.text import lemma
from factcheck.builtin.tolerance import interval
from factcheck.model import Document, Quantity, Same, Span

_OWNER = regex.compile(r"(?i)(?P<owner>[\p{L}]+)['’]s?\s+(?:[\p{L}-]+\s+)?$")
_REACH = 20_000  # characters: how far back a definite mention may point
# At most this many earlier figures of one noun are weighed for one mention: a page restating one
# figure hundreds of times must not weigh hundreds per mention. The links still join them all.
_MAX_CANDIDATES = 50


def _effective_unit(description: Description) -> str:
    unit = description.quantity.unit
    if description.per and " / " not in unit:
        return f"{unit} / {description.per}".strip()
    return unit


def _separated(later: Description, earlier: Description) -> bool:
    if later.times and earlier.times and not later.times & earlier.times:
        return True
    if later.roles != earlier.roles:
        return True
    if later.quantity.per != earlier.quantity.per:
        return True
    known = earlier.bag | earlier.modifiers | earlier.nouns | ({earlier.per} if earlier.per else set())
    if later.per and earlier.per != later.per and later.per not in earlier.bag:
        return True
    return not later.modifiers <= known


def _start(description: Description) -> int:
    return description.quantity.span.start


def _agree_together(descriptions: Sequence[Description]) -> bool:
    """True when the figures agree pairwise, found in linear time: intervals on a line overlap
    pairwise exactly when they share a point, that is when the highest low is below the lowest high."""
    intervals = [interval(d.quantity) for d in descriptions]
    return max(low for low, _ in intervals) <= min(high for _, high in intervals)


class RepeatLinker:
    """Links the definite mentions of one document to what they restate."""

    def __init__(self, document: Document, descriptions: Sequence[Description]) -> None:
        self.document = document
        self.descriptions = list(descriptions)
        self.by_noun: dict[tuple[str, str], list[Description]] = defaultdict(list)
        self.by_word: dict[tuple[str, str], list[Description]] = defaultdict(list)
        self.by_head_only: dict[tuple[str, str], list[Description]] = defaultdict(list)
        self.by_lead: dict[tuple[str, str], list[Description]] = defaultdict(list)
        self.unnamed_by_unit: dict[str, list[Description]] = defaultdict(list)
        for description in self.descriptions:
            unit = _effective_unit(description)
            for noun in description.nouns:
                self.by_noun[(unit, noun)].append(description)
            if description.head:
                self.by_head_only[(unit, description.head)].append(description)
            for word in description.lead:
                self.by_lead[(description.quantity.unit, word)].append(description)
            if not description.nouns:
                self.unnamed_by_unit[unit].append(description)
                for word in description.lead if "percent" not in unit else ():
                    self.by_word[(unit, word)].append(description)

    def _owner(self, description: Description) -> str | None:
        start = description.quantity.span.start
        match = _OWNER.search(self.document.text, max(0, start - 40), start)
        return lemma(match["owner"]) if match else None

    def _candidates(self, later: Description) -> list[Description]:
        start = later.quantity.span.start

        def earlier(pool: Sequence[Description]) -> list[Description]:
            # pools are in text order: only the window within reach is looked at
            high = bisect.bisect_left(pool, start, key=_start)  # those that start before this one
            low = max(bisect.bisect_left(pool, start - _REACH, key=_start), high - _MAX_CANDIDATES)
            return [d for d in pool[low:high] if d.quantity.span.end <= start and d is not later]

        found: list[Description] = []
        if later.head is None:
            # "the 6,200 hectares burned so far" names its thing by the verb of "had burned 8,900 hectares"
            assert later.participle is not None
            found = earlier(self.by_lead.get((later.quantity.unit, later.participle), ()))
            return [d for d in found if not _separated(later, d)]
        for unit in dict.fromkeys((_effective_unit(later), later.quantity.unit)):
            found = earlier(self.by_noun.get((unit, later.head), ()))
            if not found:
                # "the 2,300 job cuts" restates "cut 1,800 jobs": the modifier is the noun, the head its verb
                found = [d for modifier in later.modifiers for d in earlier(self.by_noun.get((unit, modifier), ()))
                         if later.head in d.lead]
            if not found:
                found = earlier(self.by_word.get((unit, later.head), ()))
            if not found:
                owner = self._owner(later)
                if owner:
                    found = [d for d in earlier(self.by_head_only.get((unit, owner), ()))
                             if d.quantity.text.lower().endswith("-strong")]
            if found:
                break
        unit = _effective_unit(later)
        if not found and later.per and " / " not in later.quantity.unit:
            unnamed = self.unnamed_by_unit.get(unit, ())
            pool = [d for d in unnamed if d is not later] if len(unnamed) <= 2 else []
            found = pool if len(pool) == 1 and pool[0].quantity.span.end <= start else []
        return [d for d in found if not _separated(later, d)]

    def links(self) -> list[tuple[Description, list[Description]]]:
        """Each definite mention with the earlier mentions it restates."""
        found = []
        for later in self.descriptions:
            if not later.definite or (later.head is None and later.participle is None):
                continue
            candidates = self._candidates(later)
            if not candidates:
                continue
            if not _agree_together(candidates):
                continue  # the earlier figures disagree among themselves: which one is meant is unclear
            found.append((later, candidates))
        return found


def group_repeats(document: Document, descriptions: Sequence[Description]) -> list[Same]:
    """Same claims: the connected groups of linked mentions, in text order."""
    linker = RepeatLinker(document, descriptions)
    parent: dict[int, int] = {}

    def root(key: int) -> int:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    by_id: dict[int, Description] = {}
    for later, earlier in linker.links():
        by_id[id(later)] = later
        for description in earlier:
            by_id[id(description)] = description
            parent[root(id(later))] = root(id(description))
    groups: dict[int, list[Description]] = defaultdict(list)
    for key, description in by_id.items():
        groups[root(key)].append(description)
    claims = []
    for members in groups.values():
        members.sort(key=lambda d: d.quantity.span.start)
        unit = max((_effective_unit(d) for d in members), key=len)
        mentions = tuple(replace(d.quantity, unit=unit) if d.quantity.unit != unit else d.quantity for d in members)
        key = next((d.head for d in reversed(members) if d.head), "") or ""
        span = Span(mentions[0].span.start, mentions[-1].span.end)
        claims.append(Same(span=span, mentions=mentions, key=key))
    claims.sort(key=lambda c: c.span.start)
    return claims
