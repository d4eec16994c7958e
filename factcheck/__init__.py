"""factcheck: flag the numbers in a document that disagree with each other.

Library use::

    import factcheck
    report = factcheck.check_text("Sales rose slightly, from 100 to 400 units.")
    for finding in report.findings:
        print(finding.rule, finding.message)

    mentions = factcheck.extract("The 9,600-strong mission")

Plugin authors mark hook implementations with ``@factcheck.hookimpl``; the
hooks are documented in :mod:`factcheck.hookspecs`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

import pluggy

__version__ = "0.1.0"

hookimpl = pluggy.HookimplMarker("factcheck")
"""Marks a function as a factcheck hook implementation."""

if TYPE_CHECKING:
    from factcheck.config import Config
    from factcheck.model import FileReport, Mention


def check_text(text: str, *, path: str = "<text>", config: Config | None = None,
               plugins: Sequence[object] = (), **settings: Any) -> FileReport:
    """Check ``text`` and return its report (``.findings``, ``.document``).

    :param path: the name to report the text under; its suffix picks the format
        (".md" for Markdown, ".html" for HTML, plain text otherwise).
    :param config: a :class:`factcheck.config.Config`; by default no
        configuration file is read.
    :param plugins: extra plugin objects, registered last.
    :param settings: overrides of ``config`` fields (``select=("figure-conflict",)``).
    """
    from factcheck.checker import Checker
    from factcheck.config import Config

    checker = Checker((config or Config()).with_overrides(**settings), plugins=plugins)
    return checker.check_text(text, path=path)


def extract(text: str, *, path: str = "<text>", plugins: Sequence[object] = ()) -> list[Mention]:
    """The quantities and dates in ``text``, in text order."""
    from factcheck.builtin.relate import changes_only
    from factcheck.checker import Checker
    from factcheck.config import Config

    with changes_only():  # mentions are all that is returned: no claim but changes is worked out
        return list(Checker(Config(), plugins=plugins).extract_text(text, path=path).mentions)
