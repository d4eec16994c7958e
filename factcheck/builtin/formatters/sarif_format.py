"""The ``sarif`` format: SARIF 2.1.0, which code-review tools (GitHub code scanning among them) read.

One run; ``tool.driver.rules`` describes every rule in force (and any other
rule id a finding carries, such as ``internal-error``); one result per
finding, with the claim's region and the mentions it was compared with as
``relatedLocations``. Columns count Unicode code points, as everywhere in
factcheck, and the run says so in ``columnKind``.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import PurePath
from typing import Any, Iterable, TextIO
from urllib.parse import quote

from factcheck.builtin.formatters.location import excerpt
from factcheck.builtin.formatters.plain import INTERNAL_ERROR
from factcheck.formatters import RunInfo
from factcheck.model import Document, FileReport, Finding, Rule, Severity, Span, Summary

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT = "factcheck/v1"


def first_sentence(text: str) -> str:
    """The first sentence of a description's first paragraph, on one line."""
    paragraph = " ".join(text.strip().split("\n\n")[0].split())
    end = paragraph.find(". ")
    return paragraph if end < 0 else paragraph[:end + 1]


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """A ``reportingDescriptor`` for a rule: its id, descriptions, help text and default level."""
    description = rule.description.strip() or rule.message
    return {
        "id": rule.id,
        "shortDescription": {"text": first_sentence(description)},
        "fullDescription": {"text": " ".join(description.split("\n\n")[0].split())},
        "help": {"text": f"{description}\n\n(`factcheck explain {rule.id}` prints this text.)"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"kind": rule.kind},
    }


def _unknown_rule_descriptor(finding: Finding) -> dict[str, Any]:
    if finding.rule == INTERNAL_ERROR:
        text = "A factcheck plugin failed while checking the document; the document was not fully checked."
    else:
        text = f"Findings of rule {finding.rule}, reported by a plugin."
    return {"id": finding.rule, "shortDescription": {"text": text}, "fullDescription": {"text": text},
            "help": {"text": text}, "defaultConfiguration": {"level": LEVELS[finding.severity]}}


def artifact_location(path: str) -> dict[str, str]:
    """A relative path under the source root, or a ``file:`` URI for an absolute path."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(PurePath(os.path.normpath(path)).as_posix()), "uriBaseId": SOURCE_ROOT}


def region(document: Document, span: Span) -> dict[str, Any]:
    """A SARIF region: 1-based lines and columns (end column exclusive), offsets and the text."""
    line, column = document.position(span.start)
    end_line, end_column = document.position(span.end)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column,
            "charOffset": span.start, "charLength": span.end - span.start,
            "snippet": {"text": document.text[span.start:span.end]}}


def fingerprint(path: str, document: Document, finding: Finding) -> str:
    """A stable digest of path, rule and claim text: it survives edits elsewhere in the file."""
    claim = " ".join(document.text[finding.span.start:finding.span.end].split())
    return hashlib.sha256(f"{path}\0{finding.rule}\0{claim}".encode()).hexdigest()[:32]


def result_object(report: FileReport, finding: Finding, rule_index: int) -> dict[str, Any]:
    """One ``result``: rule, level, message, the claim's location and the related mentions."""
    document = report.document
    physical: dict[str, Any] = {"artifactLocation": artifact_location(report.path)}
    if finding.rule != INTERNAL_ERROR:
        physical["region"] = region(document, finding.span)
    related = [
        {"id": index,
         "physicalLocation": {"artifactLocation": artifact_location(report.path), "region": region(document, span)},
         "message": {"text": f"compared with: {excerpt(document, span)}"}}
        for index, span in enumerate(finding.related, start=1)
    ]
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT: fingerprint(report.path, document, finding)},
    }
    if related:
        result["relatedLocations"] = related
    return result


class SarifFormatter:
    """Writes one SARIF log, streaming results as each file is checked.

    The rule list is written after the results (JSON objects are unordered)
    so that rule ids first seen in a finding, such as ``internal-error``,
    get a descriptor too.
    """

    def write(self, reports: Iterable[FileReport], out: TextIO, run: RunInfo) -> Summary:
        """Write the log and return the run's summary."""
        summary = Summary()
        descriptors = [rule_descriptor(rule) for rule in run.rules]
        index = {rule.id: i for i, rule in enumerate(run.rules)}
        out.write(f'{{\n  "$schema": {json.dumps(SARIF_SCHEMA)},\n  "version": "{SARIF_VERSION}",\n'
                  '  "runs": [\n    {\n      "columnKind": "unicodeCodePoints",\n      "results": [')
        written = 0
        for report in reports:
            summary.add(report)
            for finding in report.findings:
                if finding.rule not in index:
                    index[finding.rule] = len(descriptors)
                    descriptors.append(_unknown_rule_descriptor(finding))
                result = json.dumps(result_object(report, finding, index[finding.rule]), ensure_ascii=False)
                out.write(("," if written else "") + "\n        " + result)
                written += 1
        driver = {"name": run.tool_name, "version": run.version, "semanticVersion": run.version,
                  "rules": descriptors}
        out.write(("\n      " if written else "") + "],\n")
        out.write(f'      "tool": {{"driver": {json.dumps(driver, ensure_ascii=False)}}}\n    }}\n  ]\n}}\n')
        return summary
