"""The built-in output formats."""
from __future__ import annotations

from factcheck import hookimpl
from factcheck.builtin.formatters.github_format import GithubFormatter
from factcheck.builtin.formatters.html_format import HtmlFormatter
from factcheck.builtin.formatters.json_format import JsonFormatter
from factcheck.builtin.formatters.junit_format import JunitFormatter
from factcheck.builtin.formatters.sarif_format import SarifFormatter
from factcheck.builtin.formatters.text_format import TextFormatter
from factcheck.formatters import Formatter


@hookimpl(trylast=True)
def factcheck_formatters() -> dict[str, Formatter]:
    """``text`` (the default), ``json`` (the output contract), and ``sarif``,
    ``junit`` and ``github`` for CI and code review, ``html`` for an editor."""
    return {"text": TextFormatter(), "json": JsonFormatter(), "sarif": SarifFormatter(),
            "junit": JunitFormatter(), "github": GithubFormatter(), "html": HtmlFormatter()}
