"""The pint-backed unit wrapper: project definitions, conversions, errors."""
import pytest

from factcheck.errors import UnitError
from factcheck.units import Units


@pytest.fixture(scope="module")
def units():
    return Units()


def test_converts_lengths_and_speeds(units):
    assert units.convert(10, "kilometer", "mile") == pytest.approx(6.2137, rel=1e-4)
    assert units.convert(100, "kilometer / hour", "mile / hour") == pytest.approx(62.137, rel=1e-4)


def test_temperature_levels_and_differences_convert_differently(units):
    assert units.convert(44.6, "degree_Celsius", "degree_Fahrenheit") == pytest.approx(112.28)
    assert units.convert(1.5, "degree_Celsius", "degree_Fahrenheit", difference=True) == pytest.approx(2.7)


def test_currencies_are_dimensions_of_their_own(units):
    assert units.compatible("USD", "USD")
    assert not units.compatible("USD", "EUR")
    assert units.dimensionality("USD / oil_barrel") == "[currency_USD] / [length] ** 3"
    with pytest.raises(UnitError):
        units.convert(1, "USD", "EUR")


def test_a_dimensionality_is_spelt_one_way_whatever_order_its_units_come_in(units):
    assert units.dimensionality("second * meter") == "[length] * [time]"
    assert units.dimensionality("meter * second") == "[length] * [time]"
    assert units.dimensionality("kilowatt_hour / year") == "[length] ** 2 * [mass] / [time] ** 3"
    assert units.dimensionality("1 / year") == "1 / [time]"


def test_project_definitions_decade_and_percentage_point(units):
    assert units.convert(2, "calendar_decade", "year") == pytest.approx(20)
    assert units.compatible("percent", "percentage_point")
    assert units.dimensionality("") == "dimensionless"


def test_unknown_unit_is_a_unit_error(units):
    with pytest.raises(UnitError, match="unknown unit 'furlongz'"):
        units.dimensionality("furlongz")


def test_plugin_definitions_are_added_and_redefinition_is_refused():
    extended = Units(["smoot = 1.7018 * meter"])
    assert extended.convert(364.4, "smoot", "meter") == pytest.approx(620.14, rel=1e-3)
    with pytest.raises(UnitError, match="cannot load unit definitions"):
        Units(["meter = 2 * foot"]).dimensionality("meter")
