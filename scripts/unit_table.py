"""Write factcheck/data/unit_table.json: pint's answers for every unit the built-in extractor writes.

``factcheck/units.py`` answers from the table, so that a run which meets only these
units never imports pint (about 0.35 s a process). For each unit the table holds what
``Units`` asks pint for (scale and offset relative to the base units, and the
dimensionality) and the pint units it parses into; for each pint unit those rest on,
its scale and reference, from which ``units.py`` reckons a compound of table units
("GBP / kilowatt_hour") step by step as pint does. ``tests/test_unit_table.py`` fails
when the table is out of date: run this after changing ``factcheck/data/definitions.txt``,
the units of ``factcheck/data/lexicon.yaml`` or of the extractor, or the version of pint.

    python scripts/unit_table.py            # rewrite the table
    python scripts/unit_table.py --check    # exit 1 when it is stale
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the checkout's factcheck, whatever is installed

from factcheck import units  # noqa: E402
from factcheck.builtin.extract.lexicon import Lexicon, load_lexicon  # noqa: E402
from factcheck.builtin.extract.quantities import _TEMPERATURES  # noqa: E402

TABLE = REPO / "factcheck" / "data" / "unit_table.json"

# Units factcheck/builtin/extract/quantities.py (and relate/) write themselves, not read from the lexicon.
EXTRACTOR_UNITS = (
    "dimensionless",     # a count: the unit "" is asked of pint as "dimensionless"
    "meter",             # "a 100m sprint"
    "degree",            # a bare "degrees" that is not a temperature: an angle
    "imperial_gallon",   # "imperial gallons"
    "troy_ounce",        # "$2,410 an ounce" of gold
    "percentage_point",  # "down 11 points to 31%", "a quarter-point cut"
    "percent",           # relate/sizes.py: "a third of"
    "year", "month", "week", "day",  # "a 71-year-old", "aged 71"
)


def extractor_units(lexicon: Lexicon) -> list[str]:
    """Every unit the built-in extractor writes but for the compounds "A / B" of them.

    A compound (a price per unit, a rate per length of time, "percent / year") is reckoned
    from its parts; a rate of a count ("3,000 homes a year") is "1 / year", kept whole.
    """
    found = set(EXTRACTOR_UNITS)
    found.update(form.unit for forms in lexicon.unit_forms.values() for form in forms)
    found.update(lexicon.attached_letters.values())
    found.update(lexicon.time_units)
    found.update(unit for pair in lexicon.compound_units.items() for unit in (pair[0], pair[1][0]))
    found.update(lexicon.currency_codes)
    found.update(lexicon.currency_signs.values())
    found.update(lexicon.currency_words.values())
    found.update(code for code, _ in lexicon.minor_units.values() if code)
    found.update(f"1 / {unit}" for unit in lexicon.time_units)
    found.update(f"delta_{unit}" for unit in _TEMPERATURES)  # "a rise of 1.5C": a difference of temperatures
    return sorted(found)


class FreshPint:
    """pint with the project's definitions, answering as a process that has converted nothing yet.

    pint caches conversion factors by the *set* of units in a conversion, so a factor can
    come out an ulp apart depending on what the registry converted before ("mile / hour /
    gallon" after "mile / gallon / hour"). Each question here starts from the caches as
    they stood when the registry was built; the table is reckoned the same way.
    """

    def __init__(self) -> None:
        self.registry = units._registry.__wrapped__((f"file:{units.DEFINITIONS_FILE}",))
        self._caches = {name: dict(value) for name, value in vars(self.registry._cache).items()}
        self._base_units = dict(self.registry._base_units_cache)

    def forget(self) -> None:
        """Put pint's caches back as they stood when the registry was built."""
        for name, value in self._caches.items():
            setattr(self.registry._cache, name, dict(value))
        self.registry._base_units_cache = dict(self._base_units)

    def info(self, unit: str) -> tuple[float, float, dict[str, float]]:
        """``units._pint_info`` of ``unit``: (scale, offset, dimensions) relative to the base units."""
        self.forget()
        return units._pint_info(self.registry, unit)


def _number(value: Any) -> int | float:
    """A scale or exponent as pint holds it: ints stay ints (they round differently from floats)."""
    if type(value) not in (int, float):
        raise TypeError(f"pint gave {value!r}, neither an int nor a float")
    return value


def _whole(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def table() -> dict[str, Any]:
    """The table as a JSON-ready mapping, computed with pint."""
    pint = FreshPint()
    registry = pint.registry
    entries: dict[str, Any] = {}
    for unit in extractor_units(load_lexicon()):
        scale, offset, dimensions = pint.info(unit)
        parsed = registry.parse_units_as_container(unit)
        entries[unit] = {"scale": scale, "offset": offset,
                         "dimensionality": {k: _whole(v) for k, v in dimensions.items()},
                         "pint": [[name, _number(e)] for name, e in parsed.items()]}
    base_units = {root: [[name, _number(e)] for name, e in base.items()]
                  for root, base in registry.get_system(registry.default_system).base_units.items()}
    # The definitions a compound of multiplicative entries reaches; an offset entry is no part of one.
    wanted = [name for e in entries.values() if e["offset"] == 0 for name, _ in e["pint"]]
    wanted += [name for pairs in base_units.values() for name, _ in pairs]
    definitions: dict[str, Any] = {}
    while wanted:
        name = registry.get_name(wanted.pop())
        if name in definitions:
            continue
        unit = registry._units[name]  # no public API gives a unit's scale and reference
        if unit.is_base:
            definitions[name] = {"root": True}
            continue
        if not unit.converter.is_multiplicative:
            raise ValueError(f"{name} has an offset, yet a multiplicative unit rests on it")
        reference = [[registry.get_name(k), _number(e)] for k, e in unit.reference.items()]
        definitions[name] = {"scale": _number(unit.converter.scale), "reference": reference}
        wanted += [k for k, _ in reference]
    return {
        "about": "Generated by scripts/unit_table.py from pint and factcheck/data/definitions.txt: "
                 "run the script, do not edit.",
        "base_units": base_units,
        "definitions": definitions,
        "units": entries,
    }


def render(data: dict[str, Any]) -> str:
    """The table as JSON, keys sorted, one unit or definition to a line."""
    def dump(value: Any) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)

    sections = []
    for key, value in sorted(data.items()):
        if isinstance(value, dict):
            rows = ",\n".join(f"  {dump(k)}: {dump(v)}" for k, v in sorted(value.items()))
            sections.append(f" {dump(key)}: {{\n{rows}\n }}")
        else:
            sections.append(f" {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(sections) + "\n}\n"


def main(argv: list[str]) -> int:
    """Rewrite the table, or with ``--check`` report whether it is stale."""
    text = render(table())
    if "--check" in argv:
        stale = not TABLE.exists() or TABLE.read_text(encoding="utf-8") != text
        if stale:
            print(f"out of date: {TABLE.relative_to(REPO)}")
        return 1 if stale else 0
    TABLE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
