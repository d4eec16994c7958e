"""The interface an output format implements.

Formatters are registered through ``factcheck_formatters`` and receive file
reports as a stream, so that a run over a large archive never holds every
document in memory at once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Protocol, Sequence, TextIO

from factcheck.model import FileReport, Rule, Summary


@dataclass(frozen=True)
class RunInfo:
    """What a formatter may want to say about the run as a whole."""

    tool_name: str
    version: str
    rules: Sequence[Rule] = ()
    fail_on: str = "warning"
    color: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


class Formatter(Protocol):
    """Writes file reports to a text stream in one output format."""

    def write(self, reports: Iterable[FileReport], out: TextIO, run: RunInfo) -> Summary:
        """Write every report (consuming the iterable once) and return the run's summary."""
