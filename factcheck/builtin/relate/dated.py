"""Figures stamped with one full date and one subject: a balance stated twice.

"The general reserve, which stood at £6.4m on 31 March 2025" and, later,
"the general reserve, which held £4.6m at 31 March 2025" give one
measurement at one moment. Figures are grouped by unit and by the full date
right after them ("on", "at", "as at", "as of" a day, month and year), so
the work grows with the document; two of a group in different sentences
are one thing when the words just before them share a noun (not a verb:
"Cash stood at ..." and "Debt stood at ..." are two things).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Sequence


from factcheck import patterns
from factcheck.builtin.relate.lexicon import RelateLexicon
from factcheck.builtin.relate.text import STOP_WORDS, WORD, Sentences, lemma
from factcheck.model import Date, Document, Quantity, Same, Span

_TO_DATE = patterns.compile(r"(?i)[\s,]*(?:on|at|as\s+(?:at|of))\s+(?:the\s+)?")
_SUBJECT_WORDS = 5  # content words before a figure that name what it measures


def _subject(document: Document, sentences: Sentences, quantity: Quantity, lexicon: RelateLexicon) -> list[str]:
    """The nouns just before a figure in its sentence ("general", "reserve"), without verbs, in text order."""
    sentence = sentences.span(quantity.span.start)
    words = [w.group().lower() for w in WORD.finditer(document.text, sentence.start, quantity.span.start)]
    content = [w for w in words if w not in STOP_WORDS][-_SUBJECT_WORDS:]
    return [lexicon.canonical(lemma(w)) for w in content
            if w not in lexicon.past_verbs and not w.endswith(("ed", "ing")) and not lexicon.change_word.fullmatch(w)]


def find_dated(document: Document, quantities: Sequence[Quantity], dates: Sequence[Date],
               lexicon: RelateLexicon, taken: set[Span]) -> list[Same]:
    """Same claims for figures of one unit, date and subject; ``taken`` holds figures already grouped."""
    text = document.text
    full = {d.span.start: d for d in dates if d.year is not None and d.month is not None and d.day is not None}
    if len(full) < 2:
        return []
    sentences = Sentences.of(document)
    groups: dict[tuple[str, str], list[Quantity]] = defaultdict(list)
    for quantity in quantities:
        if quantity.vague or quantity.age or quantity.value is None or quantity.span in taken or not quantity.unit:
            continue
        lead = _TO_DATE.match(text, quantity.span.end)
        date = full.get(lead.end()) if lead else None
        if date is not None:
            groups[(quantity.unit, date.value)].append(quantity)
    claims = []
    for members in groups.values():
        first = members[0]
        subject = _subject(document, sentences, first, lexicon)
        same, shared = [first], set()
        for quantity in members[1:]:
            common = set(subject) & set(_subject(document, sentences, quantity, lexicon))
            if common and sentences.index(quantity.span.start) != sentences.index(first.span.start):
                same.append(quantity)
                shared |= common
        if len(same) >= 2:
            claims.append(Same(span=Span(same[0].span.start, same[-1].span.end), mentions=tuple(same),
                               key=" ".join(w for w in dict.fromkeys(subject) if w in shared)))
    return claims
