"""The ``json`` format: the output contract of DESIGN.md, written one file at a time."""
from __future__ import annotations

import json
from typing import Any, Iterable, TextIO

from factcheck.builtin.formatters.location import location
from factcheck.formatters import RunInfo
from factcheck.model import FileReport, Finding, Summary


def finding_object(report: FileReport, finding: Finding) -> dict[str, Any]:
    """One finding as the JSON contract shapes it."""
    document = report.document
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        **location(document, finding.span),
        "related": [location(document, span) for span in finding.related],
    }


def file_object(report: FileReport) -> dict[str, Any]:
    """One file's entry in the ``files`` list."""
    return {"path": report.path, "findings": [finding_object(report, f) for f in report.findings]}


def _indented(value: Any, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line for line in json.dumps(value, indent=2, ensure_ascii=False).splitlines())


class JsonFormatter:
    """Writes ``{"tool", "files", "summary"}`` without holding every file in memory."""

    def write(self, reports: Iterable[FileReport], out: TextIO, run: RunInfo) -> Summary:
        """Stream each file's entry as soon as it is checked."""
        summary = Summary()
        tool = json.dumps({"name": run.tool_name, "version": run.version})
        out.write(f'{{\n  "tool": {tool},\n  "files": [')
        for index, report in enumerate(reports):
            summary.add(report)
            out.write(("," if index else "") + "\n" + _indented(file_object(report), 4))
        out.write(("\n  " if summary.files else "") + "],\n")
        out.write(f'  "summary": {json.dumps(summary.as_dict())}\n}}\n')
        return summary
