"""Unit knowledge backed by pint: the only module that imports pint.

One registry is built per process and set of definitions, lazily: a run that
never has to convert between units never pays for building it.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from factcheck.errors import UnitError

if TYPE_CHECKING:
    import pint

DEFINITIONS_FILE = Path(__file__).parent / "data" / "definitions.txt"

Number = int | float
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
