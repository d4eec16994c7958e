"""The quantity being assembled while the readers walk along the text, and its final form."""
from __future__ import annotations

from dataclasses import dataclass

from factcheck.model import Qualifier, Quantity, Span


@dataclass
class Reading:
    """A quantity being assembled: value or range, unit, hedge and counted noun, with its span."""

    start: int
    end: int
    value: float
    resolution: float
    unit: str = ""
    unit_text: str | None = None
    currency: str | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    hedge: str | None = None
    noun: str | None = None
    noun_end: int | None = None
    per: str | None = None
    age: bool = False
    vague: bool = False
    scale: float = 1.0
    adjective: bool = False
    inferred_noun: bool = False
    difference: bool = False
    article: bool = False
    currency_guessed: bool = False  # cents read before the text named a currency

    def to_quantity(self, text: str) -> Quantity:
        """The frozen quantity, its span widened to the counted noun when that follows directly."""
        end = self.noun_end if self.noun_end and self.noun_end > self.end else self.end
        is_range = self.low is not None
        return Quantity(
            span=Span(self.start, end),
            text=text[self.start:end],
            value=None if is_range else self.value,
            unit=self.unit,
            unit_text=self.unit_text,
            low=self.low,
            high=self.high,
            noun=self.noun,
            qualifier=Qualifier(self.qualifier) if self.qualifier else None,
            hedge=self.hedge,
            vague=self.vague,
            age=self.age,
            resolution=None if self.vague else self.resolution,
            per=self.per,
            difference=self.difference,
            noun_inferred=self.inferred_noun,
        )
