"""Unit knowledge: a table generated from pint for the built-in units, pint for the rest.

Importing pint and building its registry costs about 0.35 s a process, a large
part of a run. So ``scripts/unit_table.py`` asks pint once about every unit the
built-in extractor writes and stores the answers in
``factcheck/data/unit_table.json``; a quotient of them ("USD / oil_barrel") is
worked out from its parts. Any other unit (a plugin's, an offset unit inside
a compound) goes to a pint registry built lazily, one per process and set of
definitions: a run that meets only table units never imports pint.

This is the only module that imports pint.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence, cast

from factcheck.errors import UnitError

if TYPE_CHECKING:
    import pint

DEFINITIONS_FILE = Path(__file__).parent / "data" / "definitions.txt"
TABLE_FILE = Path(__file__).parent / "data" / "unit_table.json"

Number = int | float  # an exponent of a dimension: whole ones are written as ints
UnitInfo = tuple[float, float, str]  # scale, offset, dimensionality


@functools.lru_cache(maxsize=4)
def _registry(definitions: tuple[str, ...]) -> pint.UnitRegistry:
    import pint

    registry: pint.UnitRegistry = pint.UnitRegistry(on_redefinition="raise")
    for item in definitions:
        where = item if item.startswith("file:") else f"definition {item!r}"
        try:
            if item.startswith("file:"):
                registry.load_definitions(item[len("file:"):])
            else:
                registry.define(item)
        except Exception as err:  # pint raises bare TypeErrors and its own errors alike
            raise UnitError(f"cannot load unit definitions: {err}", path=where) from err
    return registry


def _pint_info(registry: pint.UnitRegistry, unit: str) -> tuple[float, float, dict[str, Number]]:
    """(scale, offset, dimensions) of ``unit`` relative to its base units, as pint reckons them."""
    try:
        zero = registry.Quantity(0.0, unit or "dimensionless").to_base_units()
        one = registry.Quantity(1.0, unit or "dimensionless").to_base_units()
    except Exception as err:
        raise UnitError(f"unknown unit {unit!r}: {err}") from err
    # pint types an exponent as any number; a dimension's is always real
    dimensions = {name: float(cast(float, power)) for name, power in one.dimensionality.items()}
    return one.magnitude - zero.magnitude, zero.magnitude, dimensions


def dimension_text(dimensions: Mapping[str, Number]) -> str:
    """One spelling of a dimensionality: "[currency_USD] / [length] ** 3", "1 / [time]", "dimensionless".

    Names sort within the numerator and the denominator, so a dimension reads the same
    whatever order its units came in ("second * meter" and "meter * second").
    """
    def power(name: str, exponent: Number) -> str:
        if exponent == 1:
            return name
        return f"{name} ** {int(exponent) if float(exponent).is_integer() else float(exponent)}"

    up = [power(name, e) for name, e in sorted(dimensions.items()) if e > 0]
    down = [power(name, -e) for name, e in sorted(dimensions.items()) if e < 0]
    if not up and not down:
        return "dimensionless"
    return " / ".join([" * ".join(up) or "1", *down])


# ---------------------------------------------------------------- the table

Entry = tuple[float, float, dict[str, Number]]  # scale, offset, dimensions


@functools.cache
def _table() -> dict[str, Entry]:
    data = json.loads(TABLE_FILE.read_text(encoding="utf-8"))
    return {unit: (e["scale"], e["offset"], e["dimensionality"]) for unit, e in data["units"].items()}


def _divide(a: Mapping[str, Number], b: Mapping[str, Number]) -> dict[str, Number]:
    """The dimensions of a quotient: ``b``'s exponents taken from ``a``'s; zero powers drop out."""
    out = dict(a)
    for name, exponent in b.items():
        out[name] = out.get(name, 0) - exponent
        if out[name] == 0:
            del out[name]
    return out


def _top_level_split(unit: str) -> tuple[str, str] | None:
    """``unit`` split at its last " / " outside brackets: pint reads "a / b / c" as "(a / b) / c".

    None when there is none, or when a top-level "*" would bind differently from a split at "/".
    """
    depth, cut = 0, -1
    for i, char in enumerate(unit):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0 and char == "*" and unit[i - 1:i + 2] == " * ":
            return None
        elif depth == 0 and unit.startswith(" / ", i):
            cut = i
    return (unit[:cut], unit[cut + 3:]) if cut > 0 else None


def _enclosed(unit: str) -> bool:
    """True when one bracket pair encloses all of ``unit``: "(kilometer / hour)", not "(a) / (b)"."""
    if not (unit.startswith("(") and unit.endswith(")")):
        return False
    depth = 0
    for char in unit[:-1]:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return False
    return True


def _entry(unit: str) -> Entry | None:
    """(scale, offset, dimensions) of ``unit`` from the table, a quotient "A / B" from its parts; else None.

    A part with an offset (degrees Celsius) makes no quotient here: pint reads it there as
    its delta unit, a rule left to pint. A quotient's scale may differ from pint's in the
    last bit, which no tolerance of a check comes near.
    """
    table = _table()
    entry = table.get(unit or "dimensionless")
    if entry is not None:
        return entry
    if unit == "1":  # the numerator of a rate of a count: "1 / meter ** 2"
        return 1.0, 0.0, {}
    if _enclosed(unit):
        return _entry(unit[1:-1])
    split = _top_level_split(unit)
    if split is None:
        return None
    top, bottom = _entry(split[0]), _entry(split[1])
    if top is None or bottom is None or top[1] or bottom[1]:
        return None
    return top[0] / bottom[0], 0.0, _divide(top[2], bottom[2])


def _table_info(unit: str) -> UnitInfo | None:
    """(scale, offset, dimensionality) of ``unit`` from the table, or None when pint must answer."""
    entry = _entry(unit)
    return None if entry is None else (entry[0], entry[1], dimension_text(entry[2]))


class Units:
    """Converts amounts between units and tells their dimensions.

    ``definitions`` are pint definition lines or files added to pint's
    defaults after the project's own (currencies, ``percentage_point``).
    """

    def __init__(self, definitions: Sequence[str | Path] = ()) -> None:
        items = [f"file:{DEFINITIONS_FILE}"]
        items += [f"file:{d}" if isinstance(d, Path) else str(d) for d in definitions]
        self._definitions = tuple(items)
        self._info: dict[str, UnitInfo] = {}

    @property
    def registry(self) -> pint.UnitRegistry:
        """The process's pint registry for these definitions, built on first use."""
        return _registry(self._definitions)

    def _unit_info(self, unit: str) -> UnitInfo:
        """(scale, offset, dimensionality) of ``unit`` relative to its base units."""
        info = self._info.get(unit)
        if info is None:
            if len(self._definitions) > 1:
                # Added definitions cannot change a table unit (pint refuses a redefinition),
                # but a broken one must still be reported at the first unit, as it always was.
                _registry(self._definitions)
            info = _table_info(unit)
            if info is None:
                scale, offset, dimensions = _pint_info(self.registry, unit)
                info = scale, offset, dimension_text(dimensions)
            self._info[unit] = info
        return info

    def dimensionality(self, unit: str) -> str:
        """The dimensionality of ``unit`` as a string ("[length]", "[currency_USD] / [length] ** 3",
        "dimensionless"), spelt the same for every unit of that dimensionality."""
        return self._unit_info(unit)[2]

    def compatible(self, a: str, b: str) -> bool:
        """True when amounts in ``a`` and ``b`` can be compared."""
        if a == b:
            return True
        try:
            return self.dimensionality(a) == self.dimensionality(b)
        except UnitError:
            return False

    def to_base(self, value: float, unit: str, *, difference: bool = False) -> float:
        """``value`` in pint's base units for ``unit``'s dimension.

        With ``difference`` an offset unit (degrees Celsius) converts as an
        interval: 1.5 degrees Celsius of warming is 1.5 kelvin, not 274.65.
        """
        scale, offset, _ = self._unit_info(unit)
        return value * scale + (0.0 if difference else offset)

    def convert(self, value: float, source: str, target: str, *, difference: bool = False) -> float:
        """``value`` in ``source`` units expressed in ``target`` units."""
        if source == target:
            return value
        if not self.compatible(source, target):
            raise UnitError(f"cannot convert {source!r} to {target!r}")
        scale, offset, _ = self._unit_info(target)
        base = self.to_base(value, source, difference=difference)
        return (base - (0.0 if difference else offset)) / scale
