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

from dataclasses import dataclass

import regex

from factcheck import patterns
from factcheck import hookimpl
from factcheck.builtin.markup import scan
from factcheck.config import Config
from factcheck.model import Document, Finding, Span

INTERNAL_ERROR = "internal-error"

_DIRECTIVE = patterns.compile(r"""
    ^(?:<!--|[ \t]*\#)[ \t]*factcheck:[ \t]*
    (?P<verb>ignore-start|ignore-end|ignore)\b
    (?P<ids>(?:(?!--)[^\n])*?)
    (?:--(?!>)(?P<reason>[\s\S]*?))?
    [ \t]*(?:-->)?[ \t]*$
""", regex.VERBOSE)
_ID_SEPARATORS = patterns.compile(r"[\s,]+")
_BLANK_LINE = patterns.compile(r"\n[ \t]*\r?\n")
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


def paragraph_end(document: Document, start: int) -> int:
    """Where the paragraph that follows ``start`` ends (leading blank lines are passed over)."""
    text = document.text
    first = len(text) - len(text[start:].lstrip())
    end = len(text)
    blank = _BLANK_LINE.search(text, first)
    if blank:
        end = blank.start()
    if document.format == "html":
        block = _BLOCK_END.search(text, first, end)
        if block:
            end = block.end()
    return max(end, first)


def suppressions(document: Document) -> list[Suppression]:
    """Every suppression the document's directives set up, in text order."""
    found: list[Suppression] = []
    if "factcheck:" not in document.text:
        return found  # no directive, so no need to scan the markup again
    open_starts: list[Directive] = []
    for comment in scan(document.text, document.format).comments:
        directive = parse_directive(document.text, comment)
        if directive is None:
            continue
        if directive.verb == "ignore":
            scope = Span(directive.span.end, paragraph_end(document, directive.span.end))
            found.append(Suppression(scope, directive.rules, directive.reason))
        elif directive.verb == "ignore-start":
            open_starts.append(directive)
        else:
            found += [Suppression(Span(d.span.end, directive.span.start), d.rules, d.reason) for d in open_starts]
            open_starts.clear()
    found += [Suppression(Span(d.span.end, len(document.text)), d.rules, d.reason) for d in open_starts]
    return found


@hookimpl
def factcheck_modify_findings(document: Document, findings: list[Finding], config: Config) -> None:
    """Drop the findings that a suppression comment silences."""
    active = suppressions(document)
    if active:
        findings[:] = [f for f in findings if not any(s.silences(f) for s in active)]
