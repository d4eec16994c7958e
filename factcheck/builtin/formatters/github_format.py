"""The ``github`` format: GitHub Actions workflow commands, shown as annotations on a pull request.

::

    ::warning file=seeds/nato-missions.txt,line=60,col=131,endLine=60,endColumn=142,title=factcheck change-descriptor::'incremental' describes ...

Data is escaped as GitHub's runner expects (``%``, CR and LF; in properties
also ``:`` and ``,``). Columns are given only when the claim sits on one
line, since GitHub ignores them otherwise; the end column is exclusive, as in
the JSON format.
"""
from __future__ import annotations

from typing import Iterable, TextIO

from factcheck.builtin.formatters.location import excerpt, printable
from factcheck.builtin.formatters.text_format import summary_line
from factcheck.formatters import RunInfo
from factcheck.model import Document, FileReport, Finding, Severity, Summary

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property's value: as data, and ``:`` and ``,`` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(path: str, document: Document, finding: Finding) -> str:
    """The workflow command line that annotates one finding."""
    line, column = document.position(finding.span.start)
    end_line, end_column = document.position(finding.span.end)
    properties = {"file": printable(path), "line": str(line)}
    if end_line == line:
        properties.update(col=str(column), endLine=str(end_line), endColumn=str(end_column))
    else:
        properties["endLine"] = str(end_line)
    properties["title"] = f"factcheck {finding.rule}"
    message = finding.message
    for span in finding.related:
        r_line, r_column = document.position(span.start)
        message += f"\ncompared with line {r_line}, column {r_column}: {excerpt(document, span)}"
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(printable(message))}"


class GithubFormatter:
    """Writes one workflow command per finding, then the summary as a plain log line."""

    def write(self, reports: Iterable[FileReport], out: TextIO, run: RunInfo) -> Summary:
        """Write every finding as its file is checked and return the run's summary."""
        summary = Summary()
        for report in reports:
            summary.add(report)
            for finding in report.findings:
                out.write(command(report.path, report.document, finding) + "\n")
        out.write(summary_line(summary) + "\n")
        return summary
