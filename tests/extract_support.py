"""Helpers for the extraction tests: run the real extractor and pick out one mention."""
from __future__ import annotations

import factcheck
from factcheck.model import Date, Quantity


def quantities(text: str) -> list[Quantity]:
    """Every quantity the built-in extractor finds in ``text``."""
    return [m for m in factcheck.extract(text) if isinstance(m, Quantity)]


def dates(text: str) -> list[Date]:
    """Every date the built-in extractor finds in ``text``."""
    return [m for m in factcheck.extract(text) if isinstance(m, Date)]


def the_quantity(text: str, quote: str) -> Quantity:
    """The one quantity whose text is exactly ``quote``, checking its span against ``text``."""
    found = [q for q in quantities(text) if q.text == quote]
    assert len(found) == 1, f"{quote!r} not read as one quantity; got {[q.text for q in quantities(text)]}"
    quantity = found[0]
    assert text[quantity.span.start:quantity.span.end] == quote
    return quantity


def amount(quantity: Quantity) -> float | tuple[float | None, float | None]:
    """The value, or (low, high) for a range."""
    return quantity.value if quantity.value is not None else (quantity.low, quantity.high)


def close(a: float | None, b: float | None) -> bool:
    """Equal within floating-point rounding."""
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
