"""The ``junit`` format: JUnit XML, which CI servers show as a test report.

Each document is one ``<testcase>`` named by its path. A document with
findings at or above the fail level gets one ``<failure>`` that lists them;
a plugin crash (``internal-error``) is an ``<error>``; findings below the
fail level are kept in ``<system-out>`` and the document passes.
"""
from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from typing import Iterable, Iterator, TextIO

from factcheck.builtin.formatters.plain import INTERNAL_ERROR, at_or_above, counts_phrase, finding_block
from factcheck.formatters import RunInfo
from factcheck.model import FileReport, Summary

SUITE_NAME = "factcheck"
# Characters that XML 1.0 does not allow at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _timed(reports: Iterable[FileReport]) -> Iterator[tuple[FileReport, float]]:
    """Each report with the seconds it took to produce (the checking happens inside the iterator)."""
    iterator = iter(reports)
    while True:
        started = time.perf_counter()
        try:
            report = next(iterator)
        except StopIteration:
            return
        yield report, time.perf_counter() - started


def testcase(report: FileReport, seconds: float, fail_on: str) -> ET.Element:
    """The ``<testcase>`` of one document."""
    case = ET.Element("testcase", classname=SUITE_NAME, name=xml_text(report.path),
                      file=xml_text(report.path), time=f"{seconds:.3f}")
    errors = [f for f in report.findings if f.rule == INTERNAL_ERROR]
    failing = [f for f in report.findings if f.rule != INTERNAL_ERROR and at_or_above(f, fail_on)]
    passing = [f for f in report.findings if f.rule != INTERNAL_ERROR and not at_or_above(f, fail_on)]
    blocks = {id(f): finding_block(report.path, report.document, f) for f in report.findings}
    if errors:
        error = ET.SubElement(case, "error", message=xml_text(errors[0].message), type=INTERNAL_ERROR)
        error.text = xml_text("\n\n".join(blocks[id(f)] for f in errors))
    if failing:
        failure = ET.SubElement(case, "failure", type="factcheck",
                                message=f"{counts_phrase(failing)} at or above {fail_on}")
        failure.text = xml_text("\n\n".join(blocks[id(f)] for f in failing))
    if passing:
        out = ET.SubElement(case, "system-out")
        out.text = xml_text(f"{counts_phrase(passing)} below the fail level ({fail_on}):\n\n"
                            + "\n\n".join(blocks[id(f)] for f in passing))
    return case


class JunitFormatter:
    """Writes one ``<testsuites>`` document with a ``<testsuite>`` named ``factcheck``.

    The suite's counts go in its opening tag, so the test cases are rendered
    as each document is checked and written out at the end; the documents
    themselves are not kept.
    """

    def write(self, reports: Iterable[FileReport], out: TextIO, run: RunInfo) -> Summary:
        """Write the XML and return the run's summary."""
        summary = Summary()
        cases: list[ET.Element] = []
        total = 0.0
        for report, seconds in _timed(reports):
            summary.add(report)
            total += seconds
            cases.append(testcase(report, seconds, run.fail_on))
        failures = sum(1 for case in cases if case.find("failure") is not None)
        errors = sum(1 for case in cases if case.find("error") is not None)
        counts = {"tests": str(len(cases)), "failures": str(failures), "errors": str(errors),
                  "skipped": "0", "time": f"{total:.3f}"}
        attributes = {"name": SUITE_NAME, **counts}  # in this order in both tags
        root = ET.Element("testsuites", attributes)
        suite = ET.SubElement(root, "testsuite", attributes)
        suite.extend(cases)
        ET.indent(root)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(root, encoding="unicode"))
        out.write("\n")
        return summary
