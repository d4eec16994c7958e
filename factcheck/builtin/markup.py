"""Where a Markdown or HTML file is not prose: the regions the loader puts in ``Document.skip``.

The text is never rewritten: regions are found in the file as decoded, so
every offset stays true to the original.

Markdown: YAML (``---``) or TOML (``+++``) front matter, fenced and indented
code blocks, inline code, link and image destinations, reference
definitions, autolinks and bare URLs, and HTML inside Markdown (tags,
comments, ``<script>`` and ``<style>`` with their content).

HTML: tags, comments, the doctype, CDATA, processing instructions, and the
content of ``script``, ``style``, ``template``, ``textarea`` and the code
elements (``pre``, ``code``, ``kbd``, ``samp``). Text between tags is prose;
entities such as ``&amp;`` are left as they are.

Plain text: only ``# factcheck: ...`` directive lines.

:func:`scan` also returns the comments that are real markup (not shown as
code), where suppression directives may be written.
"""
from __future__ import annotations

import bisect
import functools
from collections import defaultdict
from dataclasses import dataclass

import regex

from factcheck import patterns
from factcheck.model import Span

_COMMENT = r"<!--[\s\S]*?(?:-->|\Z)"
# An opening tag or declaration runs to its ">" within this many characters; without the bound,
# each of many "<pre" or "<!" with no ">" after them looked through the rest of the text.
_MAX_TAG = 1000
# Possessive quantifiers: an unclosed "<a" followed by pages of text must not backtrack.
_TAG = r"""</?[A-Za-z][A-Za-z0-9:-]*+(?:\s(?:[^<>"']++|"[^"]*+"|'[^']*+')*+)?+/?>"""
_URL = r"""\b(?:https?://|ftp://|www\.)[^\s<>()\[\]{}]*[^\s<>()\[\]{}.,;:!?'"*_]"""

_MARKDOWN_INLINE_PATTERN = rf"""
    (?P<comment>{_COMMENT})
  | (?P<raw><(?P<raw_tag>script|style)\b[^>]{{0,{_MAX_TAG}}}>[\s\S]*?(?:</(?P=raw_tag)\s*>|\Z))
  | (?P<code>(?<!`)`+)
  | (?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{{1,31}}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>)
  | (?P<tag>{_TAG})
  | (?P<destination>\]\(\s*+(?:<[^<>\n]*+>|[^\s()]*+(?:\([^\s()]*+\)[^\s()]*+)*+)
                    (?:\s++(?:"[^"\n]*+"|'[^'\n]*+'|\([^()\n]*+\)))?+\s*+\))
  | (?P<definition>(?m:^[ ]{{0,3}}\[[^\]\n]+\]:[^\n]*))
  | (?P<url>{_URL})
"""

_HTML_PATTERN = rf"""
    (?P<comment>{_COMMENT})
  | (?P<cdata><!\[CDATA\[[\s\S]*?(?:\]\]>|\Z))
  | (?P<declaration><![^>]{{0,{_MAX_TAG}}}>)
  | (?P<instruction><\?[\s\S]*?(?:\?>|\Z))
  | (?P<raw><(?P<raw_tag>script|style|template|textarea|pre|code|kbd|samp)\b[^>]{{0,{_MAX_TAG}}}>[\s\S]*?
             (?:</(?P=raw_tag)\s*>|\Z))
  | (?P<tag>{_TAG})
"""


@functools.cache
def _compiled(pattern: str) -> patterns.LazyPattern:
    """Markdown and HTML patterns compile on first use: a run over plain text never pays for them."""
    return patterns.compile(pattern, regex.VERBOSE | regex.IGNORECASE)


_TEXT_DIRECTIVE = patterns.compile(r"(?m)^[ \t]*#[ \t]*factcheck:[^\n]*")
_FRONT_MATTER = patterns.compile(r"\A(?:---[ \t]*\r?\n[\s\S]*?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)"
                              r"|\+\+\+[ \t]*\r?\n[\s\S]*?^\+\+\+[ \t]*(?:\r?\n|\Z))", regex.MULTILINE)
_FENCE_OPEN = patterns.compile(r"^( {0,3})(`{3,}(?=[^`]*$)|~{3,})")
_LIST_ITEM = patterns.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_BLANK = patterns.compile(r"^[ \t]*$")
_TICK_RUN = patterns.compile(r"`+")
_BLANK_LINE_START = patterns.compile(r"\n(?=[ \t]*\n)")


@dataclass(frozen=True)
class Markup:
    """The regions of a text that are not prose, and the markup comments in it."""

    skip: tuple[Span, ...] = ()
    comments: tuple[Span, ...] = ()


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each line from ``start`` on, without its line break."""
    lines = []
    position = start
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        lines.append((position, end))
        position = end + 1
    return lines


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def markdown_code_blocks(text: str, start: int = 0) -> list[Span]:
    """Fenced and indented code blocks, from the line at ``start`` on.

    An indented block needs a blank line before it and is not list content
    (a list item's continuation paragraphs are indented too).
    """
    blocks: list[Span] = []
    lines = _lines(text, start)
    index = 0
    previous_blank, in_list = True, False
    while index < len(lines):
        line_start, line_end = lines[index]
        line = text[line_start:line_end].rstrip("\r")
        fence = _FENCE_OPEN.match(line)
        if fence:
            char, length = fence.group(2)[0], len(fence.group(2))
            closing = patterns.compile(rf"^ {{0,3}}{regex.escape(char)}{{{length},}}[ \t]*$")
            end_index = next((i for i in range(index + 1, len(lines))
                              if closing.match(text[lines[i][0]:lines[i][1]].rstrip("\r"))), len(lines) - 1)
            blocks.append(Span(line_start, lines[end_index][1]))
            index, previous_blank = end_index + 1, False
            continue
        blank = bool(_BLANK.match(line))
        if not blank and _indent(line) >= 4 and previous_blank and not in_list:
            last = index
            for following in range(index + 1, len(lines)):
                text_line = text[lines[following][0]:lines[following][1]].rstrip("\r")
                if _BLANK.match(text_line):
                    continue
                if _indent(text_line) < 4:
                    break
                last = following
            blocks.append(Span(line_start, lines[last][1]))
            index, previous_blank = last + 1, False
            continue
        if not blank and _indent(line) < 4:
            in_list = bool(_LIST_ITEM.match(line)) or (in_list and not previous_blank)
        previous_blank = blank
        index += 1
    return blocks


def _gaps(length: int, regions: list[Span]) -> list[tuple[int, int]]:
    gaps, position = [], 0
    for region in regions:
        if region.start > position:
            gaps.append((position, region.start))
        position = max(position, region.end)
    if position < length:
        gaps.append((position, length))
    return gaps


def merged(spans: list[Span]) -> tuple[Span, ...]:
    """Spans sorted, with overlapping ones joined."""
    result: list[Span] = []
    for span in sorted(spans):
        if result and span.start < result[-1].end:
            result[-1] = Span(result[-1].start, max(result[-1].end, span.end))
        else:
            result.append(span)
    return tuple(result)


class CodeSpans:
    """Where a run of backticks that opens an inline code span closes, found by lookup.

    A code span runs from a run of backticks to the next run of the same
    length, within its paragraph. A regex that scans ahead for the closing
    run from every backtick was quadratic (minutes for a ladder of runs of
    different lengths, none closed); here each run is listed once, by
    length, and the closing run is found by bisection.
    """

    def __init__(self, text: str, start: int, end: int) -> None:
        self.runs: dict[int, list[int]] = defaultdict(list)
        for run in _TICK_RUN.finditer(text, start, end):
            self.runs[run.end() - run.start()].append(run.start())
        self.paragraph_ends = [m.start() for m in _BLANK_LINE_START.finditer(text, start, end)]

    def closing(self, start: int, end: int) -> int | None:
        """The end of the code span opened by the backticks at ``[start, end)``, or None when none closes it."""
        same_length = self.runs.get(end - start, [])
        index = bisect.bisect_right(same_length, start)
        if index == len(same_length):
            return None
        closer = same_length[index]
        blank = bisect.bisect_left(self.paragraph_ends, end)
        if blank < len(self.paragraph_ends) and self.paragraph_ends[blank] < closer:
            return None  # a blank line ends the paragraph first
        return closer + (end - start)


def _inline(pattern: patterns.LazyPattern, text: str, gaps: list[tuple[int, int]]) -> tuple[list[Span], list[Span]]:
    skip, comments = [], []
    for start, end in gaps:
        code_spans = CodeSpans(text, start, end) if "`" in text[start:end] else None
        position = start
        while match := pattern.search(text, position, end):
            span = Span(match.start(), match.end())
            if match.lastgroup == "code":
                closing = code_spans.closing(match.start(), match.end()) if code_spans else None
                if closing is None:
                    position = match.end()  # backticks that open nothing are text
                    continue
                span = Span(match.start(), closing)
            position = max(span.end, match.start() + 1)
            if match.lastgroup == "destination":
                span = Span(match.start() + 1, match.end())  # the "]" closes the link text, which is prose
            skip.append(span)
            if match.lastgroup == "comment":
                comments.append(span)
    return skip, comments


def scan_markdown(text: str) -> Markup:
    """The non-prose regions and markup comments of a Markdown text."""
    regions: list[Span] = []
    front = _FRONT_MATTER.match(text)
    body = 0
    if front:
        regions.append(Span(0, front.end()))
        body = front.end()
    regions += markdown_code_blocks(text, body)
    skip, comments = _inline(_compiled(_MARKDOWN_INLINE_PATTERN), text, _gaps(len(text), regions))
    return Markup(merged(regions + skip), tuple(comments))


def scan_html(text: str) -> Markup:
    """The non-prose regions and comments of an HTML text."""
    skip, comments = _inline(_compiled(_HTML_PATTERN), text, [(0, len(text))])
    return Markup(merged(skip), tuple(comments))


def scan_text(text: str) -> Markup:
    """Plain text is all prose, except ``# factcheck: ...`` directive lines."""
    if "factcheck:" not in text:  # most documents hold no directive: a substring search is 20 times faster
        return Markup((), ())
    directives = [Span(m.start(), m.end()) for m in _TEXT_DIRECTIVE.finditer(text)]
    return Markup(tuple(directives), tuple(directives))


_SCANNERS = {"markdown": scan_markdown, "html": scan_html, "text": scan_text}


def scan(text: str, format: str) -> Markup:
    """The non-prose regions and the comments of ``text`` in a document format ("markdown", "html", "text").

    An unknown format is treated as plain text.
    """
    return _SCANNERS.get(format, scan_text)(text)
