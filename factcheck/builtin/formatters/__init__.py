"""The built-in output formats, each imported only when it is used."""
from __future__ import annotations

import importlib
from typing import Iterable, TextIO

from factcheck import hookimpl
from factcheck.formatters import Formatter, RunInfo
from factcheck.model import FileReport, Summary

BUILTIN_FORMATS = {
    "text": "factcheck.builtin.formatters.text_format:TextFormatter",
    "json": "factcheck.builtin.formatters.json_format:JsonFormatter",
    "sarif": "factcheck.builtin.formatters.sarif_format:SarifFormatter",
    "junit": "factcheck.builtin.formatters.junit_format:JunitFormatter",
    "github": "factcheck.builtin.formatters.github_format:GithubFormatter",
    "html": "factcheck.builtin.formatters.html_format:HtmlFormatter",
}


class LazyFormatter:
    """A formatter named by "module:Class", imported when it first writes.

    A run writes one format; importing the other five (with their XML and
    HTML dependencies) would only slow start-up.
    """

    def __init__(self, target: str) -> None:
        self.target = target
        self._formatter: Formatter | None = None

    def load(self) -> Formatter:
        """The real formatter, imported on first use."""
        if self._formatter is None:
            module, name = self.target.split(":")
            self._formatter = getattr(importlib.import_module(module), name)()
        return self._formatter

    def write(self, reports: Iterable[FileReport], out: TextIO, run: RunInfo) -> Summary:
        """Write with the real formatter."""
        return self.load().write(reports, out, run)


@hookimpl(trylast=True)
def factcheck_formatters() -> dict[str, Formatter]:
    """``text`` (the default), ``json`` (the output contract), and ``sarif``,
    ``junit`` and ``github`` for CI and code review, ``html`` for an editor."""
    return {name: LazyFormatter(target) for name, target in BUILTIN_FORMATS.items()}
