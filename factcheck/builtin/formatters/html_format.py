"""The ``html`` format: one self-contained page an editor reads in a browser.

Each flagged document is shown as written, paragraph by paragraph, with
its flagged claims highlighted and numbered; the notes beside each
paragraph say why, link to the mentions the claim was compared with (which
are underlined in the text) and explain the rule. Paragraphs far from any
finding fold away. The page has its styles inline and makes no network
request: no external fonts, scripts or images.

The documents are written as they are checked; the summary and the list of
documents come last in the file and are shown first with CSS.
"""
from __future__ import annotations

import bisect
import html
from dataclasses import dataclass
from typing import Iterable, TextIO


from factcheck import patterns
from factcheck.builtin.formatters.plain import INTERNAL_ERROR, counts_phrase
from factcheck.builtin.formatters.text_format import plural
from factcheck.formatters import RunInfo
from factcheck.model import Document, FileReport, Finding, Rule, Severity, Span, Summary

_PARAGRAPH_BREAK = patterns.compile(r"\n[ \t]*\r?\n\s*")
_CONTEXT = 1  # paragraphs shown around a flagged one
_SEVERITY_LABEL = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Note"}

STYLE = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #ffffff; --wash: #f6f8fa;
  --error: #b42318; --error-bg: #fde4e1; --warning: #9a4b00; --warning-bg: #fff0c2;
  --info: #075985; --info-bg: #e0f2fe; --related: #0f766e; --related-bg: #ddf4ef; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--wash); display: flex; flex-direction: column;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header { order: -1; background: var(--paper); border-bottom: 1px solid var(--line); padding: 1.5rem 2rem 1rem; }
header h1 { margin: 0 0 .25rem; font-size: 1.5rem; }
.overall { margin: 0 0 1rem; color: var(--muted); }
.overall strong { color: var(--ink); }
.legend { display: flex; gap: 1.25rem; flex-wrap: wrap; margin: 0 0 .9rem; font-size: .9rem; color: var(--muted); }
.documents { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
.documents a, .documents span.clean { display: inline-block; padding: .3rem .7rem; border: 1px solid var(--line);
  border-radius: 999px; text-decoration: none; color: var(--ink); background: var(--paper); font-size: .9rem; }
.documents a:hover { border-color: var(--muted); }
.documents .count { font-weight: 600; margin-left: .4rem; }
.documents .clean { color: var(--muted); }
main { padding: 1rem 2rem 3rem; }
section.document { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  margin: 1rem auto; max-width: 78rem; padding: 1.25rem 1.5rem 1.5rem; }
section.document > h2 { margin: 0; font-size: 1.15rem; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.doc-counts { margin: .15rem 0 1rem; color: var(--muted); font-size: .95rem; }
.row { display: grid; grid-template-columns: minmax(0, 1fr) 23rem; gap: 2rem; padding: .6rem 0;
  border-top: 1px solid var(--wash); }
.row.quiet { grid-template-columns: minmax(0, 1fr); color: var(--muted); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font: 1.07rem/1.7 Georgia, "Times New Roman", serif; margin: 0; }
.line-no { float: left; margin-left: -3.2rem; width: 2.6rem; text-align: right; color: var(--muted);
  font: .75rem/2.3 ui-monospace, monospace; }
section.document .rows { padding-left: 2.2rem; }
mark.claim { padding: .05em .15em; border-radius: 3px; border-bottom: 2px solid; color: inherit; }
mark.claim.error { background: var(--error-bg); border-color: var(--error); }
mark.claim.warning { background: var(--warning-bg); border-color: var(--warning); }
mark.claim.info { background: var(--info-bg); border-color: var(--info); }
a.ref { font: 700 .7rem/1 system-ui, sans-serif; vertical-align: super; text-decoration: none; margin-left: .1em;
  padding: 0 .3em; border-radius: 3px; color: #fff; }
a.ref.error { background: var(--error); } a.ref.warning { background: var(--warning); } a.ref.info { background: var(--info); }
span.related { background: var(--related-bg); border-bottom: 2px dotted var(--related); }
:target { outline: 3px solid #0969da; outline-offset: 2px; border-radius: 3px; }
[id] { scroll-margin-top: 5rem; }
.notes { display: flex; flex-direction: column; gap: .75rem; }
.note { border: 1px solid var(--line); border-left: 5px solid; border-radius: 6px; padding: .6rem .8rem;
  background: var(--paper); font-size: .93rem; }
.note.error { border-left-color: var(--error); } .note.warning { border-left-color: var(--warning); }
.note.info { border-left-color: var(--info); }
.note-head { display: flex; gap: .5rem; align-items: baseline; flex-wrap: wrap; font-size: .85rem; color: var(--muted); }
.note-head .number { font-weight: 700; color: var(--ink); }
.note-head .severity { font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.note.error .severity { color: var(--error); } .note.warning .severity { color: var(--warning); }
.note.info .severity { color: var(--info); }
.note-head code { font-size: .85rem; }
.note .message { margin: .35rem 0; color: var(--ink); }
.note .compared { margin: .35rem 0 0; }
.note .compared a { color: var(--related); }
.note details { margin-top: .4rem; color: var(--muted); }
.note details summary { cursor: pointer; }
.note details pre { white-space: pre-wrap; font: .8rem/1.45 ui-monospace, monospace; margin: .4rem 0; }
details.fold { margin: .4rem 0; }
details.fold > summary { cursor: pointer; color: var(--muted); font-size: .9rem; padding: .3rem 0; }
.crash { background: var(--error-bg); border: 1px solid var(--error); border-radius: 6px; padding: .6rem .8rem; }
footer { order: 1; text-align: center; color: var(--muted); font-size: .8rem; padding: 0 0 2rem; }
@media (max-width: 900px) { .row { grid-template-columns: minmax(0, 1fr); } main, header { padding-left: 1rem; padding-right: 1rem; } }
@media print { body { background: #fff; } details.fold { display: none; } }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass(frozen=True)
class _Mark:
    """A stretch of text to wrap: a flagged claim or a related mention."""

    span: Span
    kind: str  # "claim" or "related"
    element_id: str
    severity: str = ""
    number: int = 0
    title: str = ""
    note_id: str = ""


def paragraphs(text: str) -> list[Span]:
    """The document's paragraphs (blank-line separated), white space around them left out."""
    spans, position = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append(Span(position, match.start()))
        position = match.end()
    spans.append(Span(position, len(text)))
    return [s for s in spans if text[s.start:s.end].strip()] or [Span(0, len(text))]


def related_id(doc_id: str, span: Span) -> str:
    """The element id of a related mention: one per span, shared by every finding that cites it."""
    return f"{doc_id}-m{span.start}-{span.end}"


def _touches(mark: _Mark, block: Span) -> bool:
    """True when a mark overlaps a paragraph, or (when empty) stands in it."""
    span = mark.span
    return span.start < block.end and block.start < span.end or block.start <= span.start < block.end


def marks_by_block(blocks: list[Span], marks: list[_Mark]) -> list[list[_Mark]]:
    """The marks touching each paragraph, in the order of ``marks``.

    Each mark is placed by bisection among the paragraphs (which are in
    order and apart), so a long document with many findings stays linear
    where testing every mark against every paragraph did not.
    """
    ends = [block.end for block in blocks]
    touching: list[list[_Mark]] = [[] for _ in blocks]
    for mark in marks:
        index = bisect.bisect_right(ends, mark.span.start)
        while index < len(blocks) and blocks[index].start <= mark.span.end:
            if _touches(mark, blocks[index]):
                touching[index].append(mark)
            index += 1
    return touching


def render_text(text: str, block: Span, marks: list[_Mark], opened: set[str]) -> str:
    """A paragraph's text as HTML with the marks wrapped; overlapping marks are split into nested pieces.

    ``opened`` holds the ids already given out, so a mark that spans two
    paragraphs carries its id (the link target) only once.
    """
    inside = [m for m in marks if _touches(m, block)]
    cuts = sorted({block.start, block.end, *(max(block.start, min(block.end, p))
                                            for m in inside for p in (m.span.start, m.span.end))})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        piece = _e(text[start:end])
        active = sorted((m for m in inside if m.span.start <= start and end <= m.span.end),
                        key=lambda m: (m.kind != "related", m.span.start, -m.span.end))
        for mark in reversed(active):
            id_attr = ""
            if mark.element_id not in opened:
                opened.add(mark.element_id)
                id_attr = f' id="{mark.element_id}"'
            if mark.kind == "claim":
                piece = f'<mark class="claim {mark.severity}"{id_attr} title="{_e(mark.title)}">{piece}</mark>'
            else:
                piece = f'<span class="related"{id_attr}>{piece}</span>'
        out.append(piece)
        for mark in inside:
            if mark.kind == "claim" and mark.span.end == end:
                out.append(f'<a class="ref {mark.severity}" href="#{mark.note_id}">{mark.number}</a>')
    return "".join(out)


def _rule_help(rule: Rule | None, rule_id: str) -> str:
    if rule_id == INTERNAL_ERROR:
        return ""
    about = _e(rule.description.strip()) if rule and rule.description.strip() else ""
    silence = _e(f"<!-- factcheck: ignore {rule_id} -- why the figure is right -->")
    return (f'<details><summary>About this check</summary>{f"<pre>{about}</pre>" if about else ""}'
            f"<p>If the figure is right, silence the check for the paragraph with<br>"
            f"<code>{silence}</code></p></details>")


def render_note(document: Document, doc_id: str, number: int, finding: Finding, rule: Rule | None) -> str:
    """The note beside a paragraph for one finding: severity, rule, message, links to the compared mentions."""
    severity = finding.severity.value
    line, _ = document.position(finding.span.start)
    compared = ""
    if finding.related:
        links = [f'<a href="#{related_id(doc_id, span)}">“{_e(document.excerpt(span, 90))}”</a>'
                 f" (line {document.position(span.start)[0]})" for span in finding.related]
        compared = f'<p class="compared">Compared with {"; ".join(links)}</p>'
    return (f'<div class="note {severity}" id="{doc_id}-n{number}">'
            f'<div class="note-head"><a class="number" href="#{doc_id}-c{number}">{number}</a>'
            f'<span class="severity">{_SEVERITY_LABEL[finding.severity]}</span>'
            f"<code>{_e(finding.rule)}</code><span>line {line}</span></div>"
            f'<p class="message">{_e(finding.message)}</p>{compared}{_rule_help(rule, finding.rule)}</div>')


def _row(document: Document, block: Span, marks: list[_Mark], opened: set[str], notes: list[str]) -> str:
    line, _ = document.position(block.start)
    text = render_text(document.text, block, marks, opened)
    if not notes:
        return f'<div class="row quiet"><p class="text"><span class="line-no">{line}</span>{text}</p></div>'
    return (f'<div class="row"><p class="text"><span class="line-no">{line}</span>{text}</p>'
            f'<aside class="notes">{"".join(notes)}</aside></div>')


def _block_of(blocks: list[Span], starts: list[int], offset: int) -> int | None:
    """The paragraph a finding starting at ``offset`` is noted beside: the one holding it, the last
    one for an offset past the end, none for one between paragraphs. ``starts`` are the blocks' starts."""
    index = bisect.bisect_right(starts, offset) - 1
    if index < 0:
        return None
    if offset < blocks[index].end or index == len(blocks) - 1:
        return index
    return None


def render_document(report: FileReport, doc_id: str, rules: dict[str, Rule]) -> str:
    """One flagged document's section: its paragraphs with claims marked and notes beside them."""
    document = report.document
    crashes = [f for f in report.findings if f.rule == INTERNAL_ERROR]
    findings = [f for f in report.findings if f.rule != INTERNAL_ERROR]
    marks: list[_Mark] = []
    for number, finding in enumerate(findings, start=1):
        marks.append(_Mark(finding.span, "claim", f"{doc_id}-c{number}", finding.severity.value, number,
                           finding.message, f"{doc_id}-n{number}"))
        marks += [_Mark(span, "related", related_id(doc_id, span)) for span in finding.related]
    unique = list({(m.kind, m.element_id): m for m in marks}.values())
    blocks = paragraphs(document.text)
    touching = marks_by_block(blocks, unique)
    starts = [block.start for block in blocks]
    notes_by_block: dict[int, list[str]] = {}
    for number, finding in enumerate(findings, start=1):
        index = _block_of(blocks, starts, finding.span.start)
        if index is not None:
            notes_by_block.setdefault(index, []).append(
                render_note(document, doc_id, number, finding, rules.get(finding.rule)))
    shown: set[int] = set()
    for index, touched in enumerate(touching):
        if touched:
            shown.update(range(max(0, index - _CONTEXT), min(len(blocks), index + _CONTEXT + 1)))
    parts = [f'<section class="document" id="{doc_id}"><h2>{_e(report.path)}</h2>'
             f'<p class="doc-counts">{_e(counts_phrase(report.findings))}</p>']
    parts += [f'<div class="crash"><strong>This document was not fully checked.</strong> {_e(f.message)}</div>'
              for f in crashes]
    parts.append('<div class="rows">')
    opened: set[str] = set()
    index = 0
    while index < len(blocks):
        if index in shown:
            parts.append(_row(document, blocks[index], touching[index], opened, notes_by_block.get(index, [])))
            index += 1
            continue
        hidden = index
        while hidden < len(blocks) and hidden not in shown:
            hidden += 1
        rows = "".join(_row(document, blocks[i], touching[i], opened, []) for i in range(index, hidden))
        count = hidden - index
        parts.append(f'<details class="fold"><summary>{plural(count, "paragraph")} '
                     f"with nothing flagged</summary>{rows}</details>")
        index = hidden
    parts.append("</div></section>")
    return "".join(parts)


class HtmlFormatter:
    """Writes the self-contained HTML page."""

    def write(self, reports: Iterable[FileReport], out: TextIO, run: RunInfo) -> Summary:
        """Write each flagged document as it is checked, then the summary; return the run's summary."""
        summary = Summary()
        rules = {rule.id: rule for rule in run.rules}
        out.write('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                  '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                  f"<title>Fact-check report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n")
        index_entries = []
        for number, report in enumerate(reports, start=1):
            summary.add(report)
            doc_id = f"d{number}"
            if report.findings:
                out.write(render_document(report, doc_id, rules) + "\n")
                index_entries.append(f'<li><a href="#{doc_id}">{_e(report.path)}'
                                     f'<span class="count">{len(report.findings)}</span></a></li>')
            else:
                index_entries.append(f'<li><span class="clean">{_e(report.path)} ✓</span></li>')
        out.write("</main>\n")
        flagged = sum(1 for entry in index_entries if 'href="' in entry)
        if summary.findings:
            parts = [plural(n, s) for s, n in summary.by_severity.items() if n]
            overall = (f"<strong>{plural(summary.findings, 'finding')}</strong> ({', '.join(parts)}) "
                       f"in {plural(flagged, 'document')} of {summary.files} checked.")
        else:
            overall = f"<strong>Nothing flagged</strong> in {plural(summary.files, 'document')}."
        out.write(f'<header>\n<h1>Fact-check report</h1>\n<p class="overall">{overall} '
                  "Highlighted figures disagree with other figures in the same document; the note beside "
                  "each says why and links to the figures it was compared with.</p>\n"
                  '<p class="legend"><span><mark class="claim warning">flagged figure</mark>'
                  '<a class="ref warning">1</a> see note 1</span>'
                  '<span><span class="related">compared figure</span></span></p>\n'
                  f'<ul class="documents">{"".join(index_entries)}</ul>\n</header>\n')
        out.write(f"<footer>{_e(run.tool_name)} {_e(run.version)} · fails on {_e(run.fail_on)}</footer>\n"
                  "</body>\n</html>\n")
        return summary
