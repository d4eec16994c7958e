"""The ``pattern`` kind: flag every match of a regular expression (house style)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import regex

from factcheck.builtin.kinds.params import number, reject_unknown
from factcheck.errors import ParamError
from factcheck.kinds import CheckContext
from factcheck.model import Finding, Rule, Span

DEFAULT_TIMEOUT = 1.0


class PatternTimeout(RuntimeError):
    """A rule's regex ran past its time limit on a document."""


@dataclass(frozen=True)
class PatternOptions:
    """A compiled pattern and its time limit in seconds."""

    compiled: regex.Pattern
    timeout: float


class Pattern:
    """Flags each match of ``params.pattern``; ``{match}`` in the message is the matched text."""

    fields = frozenset({"match"})

    def parse_params(self, params: Mapping[str, Any]) -> PatternOptions:
        """Compile ``pattern`` (with ``ignore_case``) and read ``timeout``."""
        reject_unknown(params, {"pattern", "ignore_case", "timeout"})
        pattern = params.get("pattern")
        if not isinstance(pattern, str) or not pattern:
            raise ParamError("pattern", "must be a non-empty regular expression")
        ignore_case = params.get("ignore_case", False)
        if not isinstance(ignore_case, bool):
            raise ParamError("ignore_case", "must be true or false")
        timeout = number(params.get("timeout", DEFAULT_TIMEOUT), "timeout", minimum=0.01, maximum=60)
        try:
            compiled = regex.compile(pattern, regex.IGNORECASE if ignore_case else 0)
        except regex.error as err:
            raise ParamError("pattern", f"not a valid regular expression: {err}") from err
        return PatternOptions(compiled, timeout)

    def check(self, context: CheckContext, rule: Rule) -> Iterable[Finding]:
        """One finding per match outside the document's skipped regions."""
        options: PatternOptions = rule.options
        document = context.document
        try:
            matches = list(options.compiled.finditer(document.text, timeout=options.timeout))
        except TimeoutError as err:
            raise PatternTimeout(f"the pattern took longer than {options.timeout:g} s on this document "
                                 f"and was stopped; simplify it in {rule.source}") from err
        for match in matches:
            span = Span(match.start(), match.end())
            if span.start == span.end or document.in_skipped(span):
                continue
            yield rule.finding(span, match=match.group())
