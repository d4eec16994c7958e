"""The interface a check kind implements, and what it is given to check.

A kind is registered by a plugin through ``factcheck_check_kinds`` and named
by rules in their ``kind`` key. It is called directly by the checker (not
through a hook), so a kind can be unit-tested with nothing but a
:class:`CheckContext` and a :class:`~factcheck.model.Rule`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Protocol, Sequence, TypeVar, runtime_checkable

from factcheck.model import Claim, Date, Document, Finding, Quantity, Rule
from factcheck.units import Units

C = TypeVar("C")


@runtime_checkable
class CheckKind(Protocol):
    """A kind of check that rules configure with parameters.

    ``fields`` names the placeholders that a rule's message template may
    use; rules.py rejects a template that uses any other.
    """

    fields: frozenset[str]

    def parse_params(self, params: Mapping[str, Any]) -> Any:
        """Validate a rule's ``params`` and return the options ``check`` will use.

        :raises factcheck.errors.ParamError: naming the bad key.
        """

    def check(self, context: CheckContext, rule: Rule) -> Iterable[Finding]:
        """Return the findings of ``rule`` on one document."""


@dataclass(frozen=True)
class CheckContext:
    """Everything the pipeline knows about one document when rules run."""

    document: Document
    quantities: Sequence[Quantity]
    dates: Sequence[Date]
    claims: Sequence[Claim]
    units: Units

    def claims_of(self, kind: type[C]) -> list[C]:
        """The claims of one type, in text order."""
        return [claim for claim in self.claims if isinstance(claim, kind)]
