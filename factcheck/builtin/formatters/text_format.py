"""The ``text`` format: compiler-style lines a person reads in a terminal.

::

    seeds/nato-missions.txt:61:141: warning [change-descriptor] 'incremental' describes ...
        ... adding that the increases would be "incremental."
                                                 ^^^^^^^^^^^
        related 61:30: increase from 500 personnel to around 4,000

    1 finding (1 warning) in 1 file.
"""
from __future__ import annotations

from typing import Iterable, TextIO

from factcheck.builtin.formatters.location import printable
from factcheck.formatters import RunInfo
from factcheck.model import Document, FileReport, Severity, Span, Summary

_WIDTH = 100
_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _marked_line(document: Document, span: Span) -> tuple[str, str]:
    """The span's first line, cut to fit the terminal around the span, and a caret line under it.

    Only the span and the :data:`_WIDTH` characters either side of it are
    read, so that a document on one line of megabytes is written as fast as
    one of short lines (reading the whole line per finding made it quadratic).
    """
    line, column = document.position(span.start)
    line_start = span.start - (column - 1)
    low = max(line_start, span.start - _WIDTH)  # what lies further left is never shown
    window = document.text[low:span.end + _WIDTH + 1]  # one character more than can be shown tells of more
    stop = window.find("\n", span.start - low)
    if stop >= 0:
        window = window[:stop]
    if stop >= 0 or low + len(window) == len(document.text):
        window = window.rstrip("\r")
    text = printable(window.replace("\t", " "))  # one character for one: offsets still hold
    end_line, _ = document.position(span.end)
    start = span.start - low
    end = span.end - low if end_line == line else len(text)
    end = max(end, start + 1)
    left = max(0, min(start - (_WIDTH - (end - start)) // 2, len(text) - _WIDTH))
    right = min(len(text), left + _WIDTH)
    cut = left > 0 or low > line_start
    shown = ("…" if cut else "") + text[left:right] + ("…" if right < len(text) else "")
    offset = start - left + (1 if cut else 0)
    carets = " " * offset + "^" * max(1, min(end, right) - start)
    return shown, carets


def plural(count: int, word: str) -> str:
    """"1 file", "2 files"."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(summary: Summary) -> str:
    """The closing line: "2 findings (1 error, 1 warning) in 3 files." or "No findings in 3 files."."""
    if not summary.findings:
        return f"No findings in {plural(summary.files, 'file')}."
    parts = [plural(n, s) for s, n in summary.by_severity.items() if n]
    return f"{plural(summary.findings, 'finding')} ({', '.join(parts)}) in {plural(summary.files, 'file')}."


class TextFormatter:
    """Writes each finding as ``path:line:col: severity [rule] message`` with the claim marked."""

    def write(self, reports: Iterable[FileReport], out: TextIO, run: RunInfo) -> Summary:
        """Write every finding as its file is checked, then the summary line."""
        summary = Summary()
        color = run.color
        for report in reports:
            summary.add(report)
            document = report.document
            for finding in report.findings:
                line, column = document.position(finding.span.start)
                severity = finding.severity.value
                if color:
                    severity = f"{_COLORS[finding.severity]}{severity}{_RESET}"
                    head = f"{_BOLD}{printable(report.path)}:{line}:{column}:{_RESET}"
                else:
                    head = f"{printable(report.path)}:{line}:{column}:"
                out.write(f"{head} {severity} [{finding.rule}] {printable(finding.message)}\n")
                if finding.span.end > finding.span.start:
                    shown, carets = _marked_line(document, finding.span)
                    out.write(f"    {shown}\n    {carets}\n")
                for span in finding.related:
                    r_line, r_column = document.position(span.start)
                    label = f"{_DIM}related{_RESET}" if color else "related"
                    out.write(f"    {label} {r_line}:{r_column}: {printable(document.excerpt(span))}\n")
                out.write("\n")
        out.write(summary_line(summary) + "\n")
        return summary
