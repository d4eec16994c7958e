"""Sentence segmentation with exact offsets.

Rules of thumb that suit news and report prose: a blank line always ends a
sentence; a line break ends one after terminal punctuation, before a list
item or heading, or after a short line such as a headline; a full stop, "?"
or "!" ends one when a capital, digit or opening quote follows, except after
common abbreviations and initials.
"""
from __future__ import annotations


from factcheck import patterns
from factcheck.model import Span, SpanIndex

# Words that a full stop shortens, not ends: no sentence ends after them.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st gen col lt sgt capt cpt maj adm rep sen gov pres rev hon jr sr
jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc approx est dept inc ltd co corp
fig figs vol art sec ch pp ed eds
""".split())

# A sentence end: terminal punctuation, closing quotes or brackets, then space. A run of
# punctuation is read whole and never given back (a page of dots was tried from every dot).
_END = patterns.compile(r"""(?<![.!?])[.!?]++['"’”)\]]*+(?=\s+['"‘“(\[]?[\p{Lu}\d£$€¥])""")
_BLANK_LINE = patterns.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = patterns.compile(r"\n")
_MARKER = patterns.compile(r"[ \t]*(?:[#>*+-]|\d+[.)])\s")
_TERMINAL = tuple(".!?:;\"”’)]")
_SHORT_LINE = 70
# Real sentences run to a few hundred characters; the relate stage pairs up the figures of a
# sentence, so a run-on "sentence" (a page with no full stop) is cut into pieces of at most this.
MAX_SENTENCE = 1000
_CLAUSE_MARKS = ("; ", ": ", ", ", " — ", " – ")


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    return text[start:end]


def _is_abbreviation(text: str, dot: int) -> bool:
    word = _word_before(text, dot)
    if not word:
        return False
    bare = word.rstrip(".").lower()
    if bare in ABBREVIATIONS:
        return True
    if bare.replace(".", "").isdigit():
        return False  # a decimal ends its sentence: "fell to 5.8 years from 6.3. A further 22 ..."
    # Initials and dotted abbreviations: "J.", "U.S.", "a.m."
    return len(bare) == 1 and bare.isalpha() or "." in word


def _line_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets inside a paragraph where a single line break ends a sentence."""
    cuts = []
    line_start, last_letter = start, ""  # the last non-space character of the paragraph so far
    for match in _LINE_BREAK.finditer(text, start, end):
        # every slice is one line long, so a paragraph of many lines stays linear
        previous_line = text[line_start:match.start()].strip()
        last_letter = previous_line[-1:] or last_letter
        following = text[match.end():min(match.end() + 1, end)]
        if (last_letter.endswith(_TERMINAL) or _MARKER.match(text, match.end(), end)
                or (len(previous_line) < _SHORT_LINE and following.isupper())):
            cuts.append(match.end())
        line_start = match.end()
    return cuts


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def _cut_point(text: str, start: int, end: int) -> int:
    """Where to cut a run-on sentence ``[start, end)``: after its last clause mark, else its last
    space, in the second half of the first :data:`MAX_SENTENCE` characters; else at that limit."""
    low, high = start + MAX_SENTENCE // 2, min(end, start + MAX_SENTENCE)
    clause = max(text.rfind(mark, low, high) for mark in _CLAUSE_MARKS)
    if clause >= 0:
        return clause + 1
    for position in range(high - 1, low - 1, -1):
        if text[position].isspace():
            return position + 1
    return high


def _bounded(text: str, span: Span) -> list[Span]:
    """A sentence as pieces of at most :data:`MAX_SENTENCE` characters, trimmed."""
    pieces = []
    start = span.start
    while span.end - start > MAX_SENTENCE:
        cut = _cut_point(text, start, span.end)
        piece = _trimmed(text, start, cut)
        if piece:
            pieces.append(piece)
        start = cut
    last = _trimmed(text, start, span.end)
    return pieces + [last] if last else pieces


def _is_block(text: str, region: Span) -> bool:
    """True for a region that stands apart from the prose of its line: it spans a line break, or
    only white space lies between it and the start or the end of its line."""
    if "\n" in text[region.start:region.end]:
        return True
    return _blank_back_to_line_start(text, region.start) or _blank_on_to_line_end(text, region.end)


# Both walk only over white space, so that many regions on one enormous line stay linear.
def _blank_back_to_line_start(text: str, position: int) -> bool:
    """True when only white space lies between the start of the line and ``position``."""
    while position > 0 and text[position - 1] != "\n":
        if not text[position - 1].isspace():
            return False
        position -= 1
    return True


def _blank_on_to_line_end(text: str, position: int) -> bool:
    """True when only white space lies between ``position`` and the end of the line."""
    while position < len(text) and text[position] != "\n":
        if not text[position].isspace():
            return False
        position += 1
    return True


def segment(text: str, skip: tuple[Span, ...] = ()) -> tuple[Span, ...]:
    """The sentences of ``text`` as spans, in order, without surrounding white space.

    Regions in ``skip`` that stand apart from their line's prose (code
    blocks, front matter, a closing ``</p>``) end the sentence before them;
    regions inside a line of prose (``<b>``, inline code, a link's URL) do
    not, so "from <b>500</b> to 4,000" stays one sentence. No region is
    part of any sentence. A run-on sentence longer than :data:`MAX_SENTENCE`
    characters is cut at clause marks or spaces, so that no later stage's
    work on one sentence grows with the length of the document.
    """
    cuts = {0, len(text)}
    for region in skip:
        if _is_block(text, region):
            cuts.update((region.start, region.end))
    for match in _BLANK_LINE.finditer(text):
        cuts.update((match.start(), match.end()))
    ordered = sorted(cuts)
    for start, end in zip(ordered, ordered[1:]):
        cuts.update(_line_breaks(text, start, end))
        for match in _END.finditer(text, start, end):
            if text[match.start()] == "." and _is_abbreviation(text, match.start()):
                continue
            cuts.add(match.end())
    ordered = sorted(cuts)
    skipped = SpanIndex(skip)
    spans = []
    for start, end in zip(ordered, ordered[1:]):
        if skipped.holds(Span(start, end)):
            continue
        span = _trimmed(text, start, end)
        if span:
            spans.extend(_bounded(text, span) if span.end - span.start > MAX_SENTENCE else [span])
    return tuple(spans)
