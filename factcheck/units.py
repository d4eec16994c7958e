"""Unit knowledge: a table generated from pint for the built-in units, pint for the rest.

Importing pint and building its registry costs about 0.35 s a process, a large
part of a run. So ``scripts/unit_table.py`` asks pint once about every unit the
built-in extractor writes and stores the answers in
``factcheck/data/unit_table.json``, together with the pint definitions those
units rest on, from which a compound of them ("USD / oil_barrel") is reckoned
the way pint would reckon it. Any other unit (a plugin's, an offset unit inside
a compound) goes to a pint registry built lazily, one per process and set of
definitions: a run that meets only table units never imports pint.

This is the only module that imports pint.
"""
from __future__ import annotations

import functools
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from factcheck.errors import UnitError

if TYPE_CHECKING:
    import pint

DEFINITIONS_FILE = Path(__file__).parent / "data" / "definitions.txt"
TABLE_FILE = Path(__file__).parent / "data" / "unit_table.json"

# pint keeps whole scales and exponents as ints; the table keeps them so, because
# int and float arithmetic round differently and the answers must be pint's to the bit.
Number = int | float
Container = tuple[tuple[str, Number], ...]  # a pint UnitsContainer: unit names and exponents, in pint's order
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
    dimensions = {name: float(power) for name, power in one.dimensionality.items()}
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


@dataclass(frozen=True)
class _Entry:
    scale: float
    offset: float
    dimensions: dict[str, Number]
    units: Container


@dataclass(frozen=True)
class _Table:
    """``factcheck/data/unit_table.json``: see ``scripts/unit_table.py``."""

    entries: dict[str, _Entry]
    # Each pint unit the entries rest on: None for a root unit, else (scale, reference).
    definitions: dict[str, tuple[Number, Container] | None]
    # Root units the default system replaces ("gram" by "kilogram").
    base_units: dict[str, Container]


def _container(pairs: Sequence[Sequence[Any]]) -> Container:
    return tuple((str(name), exponent) for name, exponent in pairs)


@functools.cache
def _table() -> _Table:
    data = json.loads(TABLE_FILE.read_text(encoding="utf-8"))
    entries = {unit: _Entry(e["scale"], e["offset"], e["dimensionality"], _container(e["pint"]))
               for unit, e in data["units"].items()}
    definitions = {name: None if d.get("root") else (d["scale"], _container(d["reference"]))
                   for name, d in data["definitions"].items()}
    base_units = {name: _container(pairs) for name, pairs in data["base_units"].items()}
    return _Table(entries, definitions, base_units)


def _divide(a: Mapping[str, Number], b: Mapping[str, Number]) -> dict[str, Number]:
    """pint's UnitsContainer division: ``a``'s order, then ``b``'s new names; zero powers drop out."""
    out = dict(a)
    for name, exponent in b.items():
        out[name] = out.get(name, 0) - exponent
        if out[name] == 0:
            del out[name]
    return out


def _multiply(a: Mapping[str, Number], b: Mapping[str, Number]) -> dict[str, Number]:
    out = dict(a)
    for name, exponent in b.items():
        out[name] = out.get(name, 0) + exponent
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


def _parts(unit: str, table: _Table) -> tuple[dict[str, Number], dict[str, Number]] | None:
    """The pint units and dimensions of ``unit`` built from table entries, or None.

    An entry with an offset (degrees Celsius) is no part: in a compound pint reads it as
    its delta unit, a rule left to pint.
    """
    entry = table.entries.get(unit)
    if entry is not None:
        return (dict(entry.units), entry.dimensions) if entry.offset == 0 else None
    if _enclosed(unit):
        return _parts(unit[1:-1], table)
    split = _top_level_split(unit)
    if split is None:
        return None
    left, right = (_parts(side, table) for side in split)
    if left is None or right is None:
        return None
    return _divide(left[0], right[0]), _divide(left[1], right[1])


def _gather(units: Container, exponent: Number, table: _Table, roots: dict[str, Number],
            numerator: dict[Number, Number], denominator: dict[Number, Number]) -> None:
    """pint's ``_get_root_units_recurse``: each scale met, by value, and the root units reached."""
    for name, power in units:
        power = exponent * power
        definition = table.definitions[name]
        if definition is None:
            roots[name] += power
            continue
        scale, reference = definition
        if power < 0:
            denominator[scale] = denominator.get(scale, 0) - power
        else:
            numerator[scale] = numerator.get(scale, 0) + power
        _gather(reference, power, table, roots, numerator, denominator)


def _root_units(units: Mapping[str, Number], table: _Table) -> tuple[Number, dict[str, Number]]:
    """pint's ``_get_root_units``: the factor of ``units`` over their root units, and those units.

    Equal scales in the numerator and the denominator cancel, and the rest multiply in
    the order first met, step by step as pint does, so that the same float comes out:
    dividing the parts' scales instead is an ulp off for about one compound in four.
    """
    if not units:
        return 1, {}
    roots: dict[str, Number] = defaultdict(int)
    numerator: dict[Number, Number] = {}
    denominator: dict[Number, Number] = {}
    _gather(tuple(units.items()), 1, table, roots, numerator, denominator)
    while any(scale in denominator for scale in numerator):
        for scale, power in numerator.items():
            if scale in denominator and power >= denominator[scale]:
                numerator[scale] -= denominator.pop(scale)
        for scale, power in denominator.items():
            if scale in numerator and power >= numerator[scale]:
                denominator[scale] -= numerator.pop(scale)
    factor: Number = 1
    for scale, power in numerator.items():
        if power != 0:
            factor *= scale ** power
    for scale, power in denominator.items():
        if power != 0:
            factor *= scale ** -power
    return factor, {name: power for name, power in roots.items() if power != 0}


def _reckon(units: dict[str, Number], table: _Table) -> tuple[float, float]:
    """(scale, offset) of multiplicative ``units``, as pint's ``Quantity.to_base_units`` gives them."""
    base: dict[str, Number] = {}
    for name, power in _root_units(units, table)[1].items():
        system = table.base_units.get(name)
        base = _multiply(base, {n: p * power for n, p in system} if system else {name: power})
    if units == base:
        return 1.0, 0.0  # pint hands back a magnitude already in base units untouched
    factor, _ = _root_units(_divide(units, base), table)
    one, zero = 1.0 * factor, 0.0 * factor
    return one - zero, zero


def _table_info(unit: str) -> UnitInfo | None:
    """(scale, offset, dimensionality) of ``unit`` from the table, or None when pint must answer."""
    table = _table()
    entry = table.entries.get(unit or "dimensionless")
    if entry is not None:
        return entry.scale, entry.offset, dimension_text(entry.dimensions)
    parts = _parts(unit, table)
    if parts is None:
        return None
    units, dimensions = parts
    scale, offset = _reckon(units, table)
    return scale, offset, dimension_text(dimensions)


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
