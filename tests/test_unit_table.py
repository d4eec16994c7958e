"""The unit table: generated from pint, in sync, and giving pint's answers without pint."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import factcheck
import factcheck.units as units_module
from factcheck.builtin.extract.lexicon import load_lexicon
from factcheck.model import Quantity
from factcheck.units import Units

from script_support import load_script

REPO = Path(__file__).resolve().parent.parent
TABLE = REPO / "factcheck" / "data" / "unit_table.json"
ENTRIES = json.loads(TABLE.read_text(encoding="utf-8"))["units"]


GENERATOR = load_script("unit_table")


def test_the_shipped_table_is_what_the_script_writes_now() -> None:
    assert TABLE.read_text(encoding="utf-8") == GENERATOR.render(GENERATOR.table()), \
        "factcheck/data/unit_table.json is stale: run python scripts/unit_table.py"


def test_the_table_holds_the_units_the_extractor_writes() -> None:
    for unit in ("kilometer / hour", "meter ** 2", "USD", "GBP", "degree_Celsius", "delta_degree_Fahrenheit",
                 "imperial_gallon", "troy_ounce", "percentage_point", "1 / year", "year", "dimensionless"):
        assert unit in ENTRIES, unit
    assert ENTRIES["mile"]["dimensionality"] == {"[length]": 1}
    assert ENTRIES["degree_Celsius"]["offset"] == 273.15


# ---------------------------------------------------------------- the table's answers are pint's

# Compounds beyond "A / B" of two entries: a rate of a compound unit, a compound per unit,
# a name in both parts, units that cancel.
MORE_COMPOUNDS = ["kilometer / hour / second", "microgram / meter ** 3 / day", "USD / (microgram / meter ** 3)",
                  "oil_barrel / day / day", "kilogram / metric_ton", "mile / gallon / hour", "mile / hour / gallon",
                  "GBP / foot ** 2", "JPY / USD", "percent / year", "kilowatt_hour / (kilometer / hour)"]
VALUES = (1.0, 37.5, -40.0, 1234.5678)


def _sample() -> list[str]:
    """Every table unit, and a spread of the compounds "A / B" the extractor writes of them.

    Offset units (degrees Celsius) are left out of the compounds: pint answers for those.
    """
    lexicon = load_lexicon()
    per = {f"({form.unit})" if "/" in form.unit else form.unit for forms in lexicon.unit_forms.values()
           for form in forms if form.factor == 1 and form.unit not in ("percent", "percentage_point")}
    per |= {"troy_ounce", *lexicon.currency_codes}
    amounts = [u for u, e in ENTRIES.items() if e["offset"] == 0 and u != "dimensionless" and not u.startswith("1 /")]
    compounds = [f"{a} / {b}" for a in sorted(amounts) for b in sorted(per) if ENTRIES[b.strip("()")]["offset"] == 0]
    return sorted(ENTRIES) + compounds[::19] + MORE_COMPOUNDS


SAMPLE = _sample()


def _answers(units: Units) -> dict[tuple[object, ...], object]:
    """What ``units`` says of each sample unit and of pairs of them, alike and not."""
    answers: dict[tuple[object, ...], object] = {}
    by_dimension: dict[str, list[str]] = {}
    for unit in SAMPLE:
        answers["dimensionality", unit] = dimension = units.dimensionality(unit)
        answers["to_base", unit] = [units.to_base(v, unit, difference=d) for v in VALUES for d in (False, True)]
        by_dimension.setdefault(dimension, []).append(unit)
    pairs = list(zip(SAMPLE, SAMPLE[1:]))
    for alike in by_dimension.values():
        pairs += list(zip(alike, alike[1:] + alike[:1]))
    pairs += [("degree_Celsius", "degree_Fahrenheit"), ("delta_degree_Fahrenheit", "delta_degree_Celsius"),
              ("dimensionless", "percent"), ("", "percentage_point")]
    for a, b in pairs:
        answers["compatible", a, b] = units.compatible(a, b)
        if units.compatible(a, b):
            answers["convert", a, b] = [units.convert(v, a, b, difference=d) for v in VALUES for d in (False, True)]
    return answers


def _no_pint(definitions: tuple[str, ...]) -> None:
    raise AssertionError("pint was asked")


def test_the_table_converts_and_compares_as_pint_does(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = GENERATOR.FreshPint()
    ask_pint = units_module._pint_info

    def fresh_pint_info(registry: object, unit: str) -> tuple[float, float, dict[str, float]]:
        fresh.forget()  # pint's answer as a fresh process gives it, not one its caches of other units sway
        return ask_pint(fresh.registry, unit)

    monkeypatch.setattr(units_module, "_table_info", lambda unit: None)
    monkeypatch.setattr(units_module, "_pint_info", fresh_pint_info)
    by_pint = _answers(Units())
    monkeypatch.undo()
    monkeypatch.setattr(units_module, "_registry", _no_pint)
    by_table = _answers(Units())
    assert len(SAMPLE) > 900 and sum(key[0] == "convert" for key in by_table) > 900
    assert by_table.keys() == by_pint.keys()
    for key, answer in by_table.items():
        if key[0] in ("to_base", "convert"):  # a quotient's scale may differ from pint's in the last bit
            assert answer == pytest.approx(by_pint[key], rel=1e-12), key
        else:
            assert answer == by_pint[key], key


def test_an_offset_unit_in_a_compound_is_left_to_pint() -> None:
    # pint reads "degree_Celsius" inside a compound as its delta unit: 0.2C a year is 0.36F a year.
    assert units_module._table_info("degree_Celsius / year") is None
    units = Units()
    assert units.convert(0.2, "degree_Celsius / year", "degree_Fahrenheit / year") == pytest.approx(0.36)
    assert units.dimensionality("degree_Celsius / year") == "[temperature] / [time]"


def test_every_unit_of_the_fixture_articles_is_answered_without_pint(monkeypatch: pytest.MonkeyPatch) -> None:
    found = {q.unit for path in sorted((REPO / "tests" / "fixtures").glob("*-findings.yaml"))
             for article in yaml.safe_load(path.read_text(encoding="utf-8"))
             for q in factcheck.extract(article["text"]) if isinstance(q, Quantity)}
    assert {"", "GBP / liter", "delta_degree_Celsius", "1 / year"} <= found
    monkeypatch.setattr(units_module, "_registry", _no_pint)
    units = Units()
    for unit in sorted(found):
        assert units.dimensionality(unit), unit


def test_plugin_units_and_table_units_convert_into_each_other() -> None:
    units = Units(["smoot = 1.7018 * meter", "smoot_per_hour = smoot / hour"])
    assert units.convert(1000, "smoot", "kilometer") == pytest.approx(1.7018)
    assert units.convert(100, "smoot_per_hour", "kilometer / hour") == pytest.approx(0.17018)
    assert units.compatible("smoot / USD", "mile / USD")


ARTICLE = """\
The 26-mile (42 km) route climbs 1,200 feet (366 metres) from the harbour, and the 10-mile (25 km)
loop circles the bay. Runners set off at 5C (41F), with the sea 1.5C (2.7F) warmer than normal.
Winds reached 100 km/h (62 mph), and fuel costs $82 a barrel, up from $75 a barrel.
"""
# Runs the command line in a fresh process and says afterwards whether pint was imported.
DRIVER = "import sys; from factcheck.cli import main; main(sys.argv[1:]); print('pint' in sys.modules, file=sys.stderr)"


def test_checking_an_article_of_table_units_does_not_import_pint(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", DRIVER, "check", "--format", "json", "--jobs", "1", "article.txt"],
                          cwd=tmp_path, capture_output=True, text=True)
    [entry] = json.loads(done.stdout)["files"]
    assert [(f["rule"], ARTICLE[f["start"]:f["end"]]) for f in entry["findings"]] == [("unit-conversion", "25 km")]
    assert done.stderr.splitlines()[-1] == "False", done.stderr


def test_a_rate_of_a_count_per_any_table_unit_is_answered_without_pint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(units_module, "_registry", _no_pint)
    units = Units()
    assert units.convert(6.4, "1 / meter ** 2", "1 / hectare") == pytest.approx(64000)
    assert units.compatible("1 / kilometer", "1 / mile") and not units.compatible("1 / meter ** 2", "")
