"""The built-in output formats."""
from __future__ import annotations

from factcheck import hookimpl
from factcheck.builtin.formatters.json_format import JsonFormatter
from factcheck.builtin.formatters.text_format import TextFormatter
from factcheck.formatters import Formatter


@hookimpl(trylast=True)
def factcheck_formatters() -> dict[str, Formatter]:
    """``text`` (the default) and ``json`` (the output contract)."""
    return {"text": TextFormatter(), "json": JsonFormatter()}
