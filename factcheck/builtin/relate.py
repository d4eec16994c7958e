"""The built-in relate stage: changes between amounts, and repeated mentions of one thing.

Changes are read within a sentence: "from X to Y", "to Y from X", "Y, up
from X", each with the change word nearest to it ("increase", "fell") and the
stretch of text where a describing word may stand. A describing word can sit
in a later sentence that refers back to the change ("the increases would be
incremental"), so a change's context runs on through following sentences
that name a change without stating a new one.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Sequence

import regex

from factcheck import hookimpl
from factcheck.model import Change, Claim, Document, Mention, Quantity, Same, Span

RISE_WORDS = ("rise rises rose risen rising increase increases increased increasing grow grows grew grown "
              "growing expand expands expanded expanding expansion climb climbs climbed climbing jump jumped "
              "surge surged soar soared gain gained gains up higher raise raised raising boost boosted "
              "double doubled triple tripled quadrupled swell swelled edge edged inch inched tick ticked "
              "widen widened enlarge enlarged extend extended improve improved improvement lift lifted").split()
FALL_WORDS = ("fall falls fell fallen falling decline declines declined declining decrease decreased "
              "decreasing drop drops dropped dropping cut cuts cutting reduce reduced reducing reduction "
              "shrink shrank shrunk shrinking slump slumped plunge plunged plummet plummeted dip dipped "
              "dipping slide slid down lower lowered halve halved sink sank narrow narrowed lose lost "
              "contract contracted ease eased").split()
CHANGE_NOUNS = ("increase increases rise rises growth expansion jump surge gain gains fall falls decline "
                "decrease drop cut cuts reduction change changes dip slump plunge improvement "
                "deterioration shift swing").split()
_WORD_DIRECTION = {**{w: 1 for w in RISE_WORDS}, **{w: -1 for w in FALL_WORDS}}
_WORD = regex.compile(r"[\p{L}]+")
_BETWEEN_FROM_TO = regex.compile(r"(?i)^(?:[^.;!?]{0,80}?)\bto\s*[\"“]?\s*$")
_ANAPHOR = regex.compile(
    rf"(?i)\b(?:the|this|that|these|those|such|its|their)\s+(?:\w+\s+)?(?:{'|'.join(CHANGE_NOUNS)})\b")


def _compatible(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit and a.value is not None and b.value is not None and not a.vague and not b.vague


def _change_word(document: Document, sentence: Span, start: int, end: int) -> tuple[str, Span, int] | None:
    """The change word nearest to [start, end) in its sentence, preferring one before it."""
    text = document.text
    best = None
    for match in _WORD.finditer(text, sentence.start, sentence.end):
        word = match.group().lower()
        if word not in _WORD_DIRECTION:
            continue
        if match.end() <= start:
            distance = start - match.end()
        elif match.start() >= end:
            distance = (match.start() - end) * 2 + 1  # words after the figures are less likely
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, word, Span(match.start(), match.end()))
    if best is None or best[0] > 120:
        return None
    return best[1], best[2], _WORD_DIRECTION[best[1]]


def _context(document: Document, sentence_index: int) -> Span:
    """The change's sentence, run on through following sentences that refer back to a change."""
    sentences = document.sentences
    start = sentences[sentence_index].start
    end = sentences[sentence_index].end
    for following in sentences[sentence_index + 1:sentence_index + 3]:
        text = document.text[following.start:following.end]
        if not _ANAPHOR.search(text):
            break
        end = following.end
    return Span(start, end)


def find_changes(document: Document, quantities: Sequence[Quantity]) -> list[Change]:
    """Changes within each sentence: "from X to Y", "to Y from X", "Y, up/down from X"."""
    text = document.text
    changes: list[Change] = []
    for first, second in zip(quantities, quantities[1:]):
        if not _compatible(first, second):
            continue
        sentence_index = document.sentence_index(first.span.start)
        sentence = document.sentences[sentence_index] if document.sentences else Span(0, len(text))
        if not sentence.contains(second.span):
            continue
        gap = text[first.span.end:second.span.start]
        lead = text[max(sentence.start, first.span.start - 12):first.span.start]
        before = after = None
        if regex.search(r"(?i)\bfrom\s*[\"“]?\s*$", lead) and _BETWEEN_FROM_TO.match(gap):
            before, after = first, second
        elif regex.search(r"(?i)^\s*[\"”]?\s*,?\s*(?:(?:up|down)\s+)?from\s*$", gap) and regex.search(
                r"(?i)\bto\s*$", lead):
            before, after = second, first
        elif regex.search(r"(?i)^[\"”]?,?\s+(?:up|down)\s+(?:[^,;.]{0,20}\s)?from\s*$", gap):
            before, after = second, first
        if before is None or after is None:
            continue
        start, end = min(first.span.start, second.span.start), max(first.span.end, second.span.end)
        word = _change_word(document, sentence, start, end)
        verb, verb_span, direction = word if word else (None, None, 0)
        span_start = min(start, verb_span.start) if verb_span and verb_span.end <= start else start
        changes.append(Change(span=Span(span_start, end), after=after, before=before, direction=direction,
                              verb=verb, verb_span=verb_span, context=_context(document, sentence_index)))
    return changes


def _head(noun: str | None) -> str | None:
    if not noun:
        return None
    head = noun.split()[-1]
    if head.endswith("ies"):
        return head[:-3] + "y"
    if head.endswith("s") and not head.endswith("ss"):
        return head[:-1]
    return head


# "46 of the 80 shops": the first is a part of the second, never the same thing.
_PARTITIVE = regex.compile(r"\s+(?:[\p{L}]+\s+)?(?:of|out\s+of)\s+(?:the|its|their|all|these)\s+[\d$£€]")
_PARTITIVE_WHOLE = regex.compile(r"\d[\d,.]*\s+(?:[\p{L}]+\s+)?(?:of|out\s+of)\s+(?:the|its|their|all|these)\s+$")
_DEFINITE = regex.compile(r"(?i)(?:\b(?:the|its|their|this|that|these|those|our|his|her)|[\p{L}]['’]s?)\s+(?:[\p{L}-]+\s+)?$")


def is_definite(document: Document, quantity: Quantity) -> bool:
    """True when the figure stands in a definite noun phrase ("the 28 aircraft", "NATO's 9,600-strong")."""
    return bool(_DEFINITE.search(document.text, max(0, quantity.span.start - 30), quantity.span.start))


def find_repeats(document: Document, quantities: Sequence[Quantity], changes: Sequence[Change]) -> list[Same]:
    """Mentions of one thing: same unit and head noun, where a later one refers back with a definite article.

    A change's starting figure describes an earlier state and is left out.
    """
    starting = {id(c.before) for c in changes if c.before is not None}
    groups: dict[tuple[str, str], list[Quantity]] = defaultdict(list)
    text = document.text
    for quantity in quantities:
        head = _head(quantity.noun)
        if head is None or quantity.vague or quantity.value is None or id(quantity) in starting:
            continue
        if quantity.noun_inferred or _PARTITIVE.match(text, quantity.span.end) or _PARTITIVE_WHOLE.search(
                text, max(0, quantity.span.start - 30), quantity.span.start):
            continue
        groups[(quantity.unit, head)].append(quantity)
    repeats = []
    for (unit, head), mentions in groups.items():
        if len(mentions) > 1 and any(is_definite(document, m) for m in mentions[1:]):
            span = Span(mentions[0].span.start, mentions[-1].span.end)
            repeats.append(Same(span=span, mentions=tuple(mentions), key=f"{head} [{unit or 'count'}]"))
    return repeats


@hookimpl(trylast=True)
def factcheck_relate(document: Document, mentions: Sequence[Mention]) -> list[Claim]:
    """Changes and repeated mentions among the document's quantities."""
    quantities = [m for m in mentions if isinstance(m, Quantity)]
    changes = find_changes(document, quantities)
    return [*changes, *find_repeats(document, quantities, changes)]
