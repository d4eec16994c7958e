"""One amount restated in other units: "10 km (6.2 miles)", "a 210-metre (690-foot) bridge", "5 km, or 3.1 miles",
"the 3-hectare Longacre Meadow (about 7.4 acres)", "312 millimetres — about 12 inches".

A size restates each side in turn ("36ft by 22ft (11m by 6.7m)"), and a list
in brackets restates the figure before it in each unit it gives ("220C
(200C fan, 425F, gas 7)").

Only the shape is read here; whether the two units share a dimension is for
the check, which has the unit registry. Money in two currencies is left out:
its rate is not in the text. A temperature written as a change ("a rise of
1.5C (2.7F)", "1.2C above the average") is marked as a difference, so that it
converts as one.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence


from factcheck import patterns
from factcheck.builtin.relate.lexicon import RelateLexicon
from factcheck.model import Conversion, Document, Quantity, Span

# What stands between an amount and itself restated in brackets: "95.3 million acres (38.6 million".
# ... or with a word of measuring between: "150 mm thick (about 6 inches)", "30 metres high (98ft)".
PAREN_GAP = patterns.compile(r"^\s*(?:(?:thick|long|wide|high|tall|deep|across|in\s+diameter)\s*)?"
                             r"\(\s*(?:or\s+|about\s+|around\s+|roughly\s+|some\s+|c\.\s*)?$")
_PAREN_CLOSE = patterns.compile(r"[^()\n]{0,30}?\)")
_LIST_GAP = patterns.compile(r"[^()\d\n]{0,8}?,\s*")  # "200C fan, 425F": the next item of a list in brackets
_BY_GAP = patterns.compile(r"\s*(?:by|x|×)\s*")
_OR_GAP = patterns.compile(r"^\s*,?\s+or\s+(?:about\s+|around\s+|roughly\s+|some\s+)?$")
# "312 millimetres — about 31 inches in the old imperial measure": restated after a dash
_DASH_GAP = patterns.compile(r"^\s*[—–]\s*(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|or\s+)?$")
_CURRENCY = patterns.compile(r"^[A-Z]{3}(?:\s|$)")
# "the 3-hectare Longacre Meadow (about 12 acres)": an adjective's noun phrase, then the amount in brackets
# "after the 30 km mark (about 22 miles)": a measure's one noun, then the amount in brackets
_NOUN_THEN_PAREN = patterns.compile(r"\s+[\p{Ll}]+\s*\(\s*(?:about\s+|around\s+|roughly\s+|some\s+|c\.\s*)?")
_NAMED_THEN_PAREN = patterns.compile(r"(?:\s+[\p{L}'’-]+){1,4}\s*\(\s*(?:about\s+|around\s+|roughly\s+|some\s+|c\.\s*)?")


def _convertible_shape(a: Quantity, b: Quantity) -> bool:
    if not a.unit or not b.unit or a.unit == b.unit or a.age or b.age:
        return False
    if _CURRENCY.match(a.unit) or _CURRENCY.match(b.unit) or "percent" in (a.unit + b.unit):
        return False
    return not (a.vague or b.vague)


def _is_difference(document: Document, source: Quantity, target: Quantity, lexicon: RelateLexicon) -> bool:
    text = document.text
    if source.difference or target.difference:
        return True
    before = text[max(0, source.span.start - 40):source.span.start]
    return bool(lexicon.difference_before.search(before) or lexicon.difference_after.match(
        text, target.span.end, min(len(text), target.span.end + 60)) or lexicon.difference_after.match(
        text, source.span.end, min(len(text), source.span.end + 60)))


def _dimension_pairs(text: str, quantities: Sequence[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """ "36ft by 22ft (11m by 6.7m)": each side with its own conversion, first with first, second with second."""
    pairs = []
    for a, b, c, d in zip(quantities, quantities[1:], quantities[2:], quantities[3:]):
        if _BY_GAP.fullmatch(text, a.span.end, b.span.start) and _BY_GAP.fullmatch(text, c.span.end, d.span.start) \
                and PAREN_GAP.match(text[b.span.end:c.span.start]) and _PAREN_CLOSE.match(text, d.span.end):
            pairs += [(a, c), (b, d)]
    return pairs


def _bracket_lists(text: str, quantities: Sequence[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """ "220C (200C fan, 425F, gas 7)": a figure and each later figure of the list in brackets after it."""
    pairs = []
    for i, source in enumerate(quantities):
        if not PAREN_GAP.match(text[source.span.end:quantities[i + 1].span.start] if i + 1 < len(quantities) else ""):
            continue
        for j in range(i + 1, len(quantities) - 1):  # indices, not slices: a slice copies the rest of the document
            previous, target = quantities[j], quantities[j + 1]
            if not _LIST_GAP.fullmatch(text, previous.span.end, target.span.start):
                break
            pairs.append((source, target))
    return pairs


def find_conversions(document: Document, quantities: Sequence[Quantity], lexicon: RelateLexicon) -> list[Conversion]:
    """Each amount followed by itself in other units, in brackets or after "or"; sides of a size side by side."""
    text = document.text
    found = []
    dimensions = _dimension_pairs(text, quantities)
    inner = {(b.span, c.span) for (_, c), (b, _) in zip(dimensions[::2], dimensions[1::2])}
    adjacent = [(s, t) for s, t in zip(quantities, quantities[1:]) if (s.span, t.span) not in inner]
    apart = dimensions + _bracket_lists(text, quantities)  # pairs with other figures between them
    for source, target in [*adjacent, *apart]:
        if not _convertible_shape(source, target):
            continue
        gap = text[source.span.end:target.span.start]
        named = _NAMED_THEN_PAREN.fullmatch(gap) if "-" in source.text else _NOUN_THEN_PAREN.fullmatch(gap)
        paren = (PAREN_GAP.match(gap) or named) and _PAREN_CLOSE.match(text, target.span.end) or (source, target) in apart
        if not paren and not _OR_GAP.match(gap) and not _DASH_GAP.match(gap):
            continue
        if not paren and source.value == target.value and "," not in gap:
            continue  # "whether it takes a week or a year": one number in two units, no comma, is a choice
        if (source, target) not in apart and _is_difference(document, source, target, lexicon):
            source, target = replace(source, difference=True), replace(target, difference=True)
        found.append(Conversion(span=Span(source.span.start, target.span.end), source=source, target=target))
    return found
