"""The unit table: generated from pint, in sync, and giving pint's answers without pint."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TABLE = REPO / "factcheck" / "data" / "unit_table.json"


def _generator():
    spec = importlib.util.spec_from_file_location("unit_table", REPO / "scripts" / "unit_table.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


GENERATOR = _generator()


def test_the_shipped_table_is_what_the_script_writes_now() -> None:
    assert TABLE.read_text(encoding="utf-8") == GENERATOR.render(GENERATOR.table()), \
        "factcheck/data/unit_table.json is stale: run python scripts/unit_table.py"


def test_the_table_holds_the_units_the_extractor_writes() -> None:
    entries = json.loads(TABLE.read_text(encoding="utf-8"))["units"]
    for unit in ("kilometer / hour", "meter ** 2", "USD", "GBP", "degree_Celsius", "delta_degree_Fahrenheit",
                 "imperial_gallon", "troy_ounce", "percentage_point", "1 / year", "year", "dimensionless"):
        assert unit in entries, unit
    assert entries["mile"]["dimensionality"] == {"[length]": 1}
    assert entries["degree_Celsius"]["offset"] == 273.15
