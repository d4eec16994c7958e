"""Suppression comments: the author silences a rule for a paragraph or a stretch of text.

In Markdown and HTML the directive is an HTML comment; in plain text it is a
line of its own starting with ``#``::

    <!-- factcheck: ignore change-descriptor -- the quote is verbatim -->
    # factcheck: ignore change-descriptor, figure-conflict -- checked with the desk

``ignore`` silences the named rules (all rules when none is named) from the
comment to the end of the next paragraph: the first blank line after the
text that follows it, or in HTML also the end of the block element (``</p>``,
``</li>`` ...). ``ignore-start`` silences them until ``ignore-end`` (or the
end of the document). Anything after ``--`` is the reason, for the reader.
Rule ids are separated by commas or spaces. A plugin crash
(``internal-error``) is never silenced.

Directives inside code (a fenced block that shows the syntax) do not count:
only the comments that :func:`factcheck.builtin.markup.scan` finds are read.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass

import regex

from factcheck import patterns
from factcheck import hookimpl
from factcheck.builtin.markup import scan
from factcheck.config import Config
from factcheck.model import Document, Finding, Span, SpanIndex

INTERNAL_ERROR = "internal-error"

_DIRECTIVE = patterns.compile(r"""
    ^(?:<!--|[ \t]*\#)[ \t]*factcheck:[ \t]*
    (?P<verb>ignore-start|ignore-end|ignore)\b
    (?P<ids>(?:(?!--)[^\n])*?)
    (?:--(?!>)(?P<reason>[\s\S]*?))?
    [ \t]*(?:-->)?[ \t]*$
""", regex.VERBOSE)
_ID_SEPARATORS = patterns.compile(r"[\s,]+")
# Where a blank line starts; a look-ahead, so that runs of blank lines give every start.
_BLANK_LINE_START = patterns.compile(r"\n(?=[ \t]*\r?\n)")
_NON_SPACE = patterns.compile(r"\S")
_BLOCK_END = patterns.compile(r"</(?:p|li|h[1-6]|div|td|th|dd|dt|blockquote|figcaption|section|article)\s*>",
                           regex.IGNORECASE)


@dataclass(frozen=True)
class Suppression:
    """Rules silenced over a stretch of a document; no rules named means every rule."""

    scope: Span
    rules: frozenset[str]
    reason: str = ""

    def silences(self, finding: Finding) -> bool:
        """True when ``finding`` starts inside the scope and its rule is one silenced here."""
        if finding.rule == INTERNAL_ERROR:
            return False
        inside = self.scope.start <= finding.span.start < self.scope.end
        return inside and (not self.rules or finding.rule in self.rules)


@dataclass(frozen=True)
class Directive:
    """One parsed ``factcheck:`` comment."""

    span: Span
    verb: str
    rules: frozenset[str]
    reason: str


def parse_directive(text: str, span: Span) -> Directive | None:
    """The directive a comment holds, or None when it is an ordinary comment."""
    match = _DIRECTIVE.match(text[span.start:span.end])
    if not match:
        return None
    rules = frozenset(token for token in _ID_SEPARATORS.split(match.group("ids")) if token)
    return Directive(span, match.group("verb"), rules, (match.group("reason") or "").strip())


class Paragraphs:
    """Where the paragraph after an offset ends, found by bisection in lists built once per document.

    Searching the text afresh for each directive made a file of many
    directives and no blank line quadratic.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        text = document.text
        self.blank_lines = [m.start() for m in _BLANK_LINE_START.finditer(text)]
        block_ends = _BLOCK_END.finditer(text) if document.format == "html" else ()
        self.block_ends = [(m.start(), m.end()) for m in block_ends]

    def end_after(self, start: int) -> int:
        """Where the paragraph that follows ``start`` ends (leading blank lines are passed over)."""
        text = self.document.text
        letter = _NON_SPACE.search(text, start)
        first = letter.start() if letter else len(text)
        index = bisect.bisect_left(self.blank_lines, first)
        end = self.blank_lines[index] if index < len(self.blank_lines) else len(text)
        index = bisect.bisect_left(self.block_ends, (first, -1))
        if index < len(self.block_ends) and self.block_ends[index][1] <= end:
            end = self.block_ends[index][1]
        return max(end, first)


def paragraph_end(document: Document, start: int) -> int:
    """Where the paragraph that follows ``start`` ends (leading blank lines are passed over)."""
    return Paragraphs(document).end_after(start)


def suppressions(document: Document) -> list[Suppression]:
    """Every suppression the document's directives set up, in text order."""
    found: list[Suppression] = []
    if "factcheck:" not in document.text:
        return found  # no directive, so no need to scan the markup again
    open_starts: list[Directive] = []
    paragraphs = Paragraphs(document)
    for comment in scan(document.text, document.format).comments:
        directive = parse_directive(document.text, comment)
        if directive is None:
            continue
        if directive.verb == "ignore":
            scope = Span(directive.span.end, paragraphs.end_after(directive.span.end))
            found.append(Suppression(scope, directive.rules, directive.reason))
        elif directive.verb == "ignore-start":
            open_starts.append(directive)
        else:
            found += [Suppression(Span(d.span.end, directive.span.start), d.rules, d.reason) for d in open_starts]
            open_starts.clear()
    found += [Suppression(Span(d.span.end, len(document.text)), d.rules, d.reason) for d in open_starts]
    return found


class Silenced:
    """The scopes of a document's suppressions by rule, looked up by bisection.

    Checking every finding against every suppression was quadratic in a
    file with many directives.
    """

    ALL_RULES = ""

    def __init__(self, active: list[Suppression]) -> None:
        by_rule: dict[str, list[Span]] = defaultdict(list)
        for suppression in active:
            for rule in suppression.rules or (self.ALL_RULES,):
                by_rule[rule].append(suppression.scope)
        self.by_rule = {rule: SpanIndex(scopes) for rule, scopes in by_rule.items()}

    def silences(self, finding: Finding) -> bool:
        """True when some suppression silences ``finding`` (see :meth:`Suppression.silences`)."""
        if finding.rule == INTERNAL_ERROR:
            return False
        # a scope holds a finding that starts inside it: a one-point span at the finding's start
        start = Span(finding.span.start, finding.span.start + 1)
        return any(self.by_rule[rule].holds(start) for rule in (self.ALL_RULES, finding.rule)
                   if rule in self.by_rule)


@hookimpl
def factcheck_modify_findings(document: Document, findings: list[Finding], config: Config) -> None:
    """Drop the findings that a suppression comment silences."""
    active = suppressions(document)
    if active:
        silenced = Silenced(active)
        findings[:] = [f for f in findings if not silenced.silences(f)]
