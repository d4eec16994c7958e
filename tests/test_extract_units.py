"""Percentages, percentage points, metric and imperial units, compound units and rates, temperatures."""
from __future__ import annotations

import pytest

from extract_support import close, quantities, the_quantity

UNITS = [
    ("The phone's 5,000mAh battery charges in an hour.", "5,000mAh", 5000, "milliampere_hour"),
    ("The tunnel cuts journey times from 80 minutes to 25.", "25", 25, "minute"),
    ("The population grew by 0.6% to 68.3 million.", "68.3 million", 68.3e6, ""),
    ("The consent cuts the take from 1,000 litres a second to 700.", "700", 700, "liter / second"),
    ("The pension age rises from 66 years and four months to 67.", "67", 67, ""),
    ("Turnout in the by-election was 38.2%.", "38.2%", 38.2, "percent"),
    ("Unemployment in Wales fell to 3.9 per cent.", "3.9 per cent", 3.9, "percent"),
    ("The Fed's favoured gauge rose 2.6 percent.", "2.6 percent", 2.6, "percent"),
    ("The Tories' share fell 7 percentage points.", "7 percentage points", 7, "percentage_point"),
    ("The party slipped by four points to 27%, its worst poll since the spring.", "four points", 4,
     "percentage_point"),
    ("The central bank cut rates by 25 basis points.", "25 basis points", 0.25, "percentage_point"),
    ("The tunnel boring machine advanced 18 metres a day.", "18 metres a day", 18, "meter / day"),
    # a word of time after a price per thing does not make the thing a time ("a year earlier" would)
    ("Brent climbed to $82 a barrel after OPEC+ agreed to cut output.", "$82 a barrel", 82, "USD / oil_barrel"),
    ("She won the 400m hurdles in 50.37 seconds.", "400m", 400, "meter"),
    # "m" is a million when the other end of its change is a count in thousands; else a length
    ("Listeners tripled to 1.8m a month, from 600,000.", "1.8m a month", 1.8e6, "1 / month"),
    ("Views grew from 640,000 to 1.2m in a year.", "1.2m", 1.2e6, ""),
    ("The tide rose to 1.8m, from 1.2m the day before.", "1.8m", 1.8, "meter"),
    # a base after "from" takes the millions of the count it changed to
    ("Some 7.6m people were waiting in March, down from 7.7m in February.", "7.7m", 7.7e6, ""),
    ("The river rose to 4.2m on Friday, up from 3.1m on Thursday.", "3.1m", 3.1, "meter"),
    ("The drug cut blood pressure by 9 mmHg on average.", "9 mmHg", 9, "millimeter_Hg"),
    ("The cable carries 250 terabits per second.", "250 terabits per second", 250, "terabit / second"),
    ("The baby weighed 3lb 4oz at birth.", "3lb 4oz", 52, "ounce"),
    # a count per unit of time with "each way" between ("1,125 seats each way every week")
    ("That means 1,125 seats each way every week at launch.", "1,125 seats each way every week", 1125, "1 / week"),
    ("Support fell from 42% to 31%, an 11-point drop, in the poll.", "11-point", 11, "percentage_point"),
    ("The new limit will save 1.5 million tonnes of CO2 a year.", "1.5 million tonnes of CO2 a year", 1.5e6,
     "metric_ton / year"),
    ("The minimum wage will rise from £11.44 to £12.21 an hour in April.", "£11.44", 11.44, "GBP / hour"),
    ("Band D bills will rise by £98 to £2,062 a year.", "£98", 98, "GBP"),
    # a count per length or area is a density, not a count ("1 / year" is its twin for time)
    ("Densities reached 6.4 oysters per square metre on the reef.", "6.4 oysters per square metre", 6.4,
     "1 / meter ** 2"),
    ("The new motorway link is 14.5km long.", "14.5km", 14.5, "kilometer"),
    ("Storm Ciarán brought gusts of 104 mph to Cornwall.", "104 mph", 104, "mile / hour"),
    ("The bullet train reached 603 km/h on a test run.", "603 km/h", 603, "kilometer / hour"),
    ("The lake covers 62 square kilometres.", "62 square kilometres", 62, "kilometer ** 2"),
    ("The estate covers 1,250 acres of moorland.", "1,250 acres", 1250, "acre"),
    ("Loggers cleared 340 hectares of rainforest in a month.", "340 hectares", 340, "hectare"),
    ("The field produces 95,000 barrels a day.", "95,000 barrels a day", 95000, "oil_barrel / day"),
    ("The cable can carry 1.4GW between the two grids.", "1.4GW", 1.4, "gigawatt"),
    ("The battery park stores 300 MWh for the evening peak.", "300 MWh", 300, "megawatt_hour"),
    ("The frigate can make 28 knots in calm seas.", "28 knots", 28, "knot"),
    ("The recycling plant handles 60,000 tonnes of plastic.", "60,000 tonnes", 60000, "metric_ton"),
    ("The lorry was carrying 22 tons of steel in Ohio.", "22 tons", 22, "ton"),
    ("The tank holds 500 gallons of heating oil.", "500 gallons", 500, "gallon"),
    ("The flask holds 25 fl oz of coffee.", "25 fl oz", 25, "fluid_ounce"),
    ("Each tablet contains 400mg of ibuprofen.", "400mg", 400, "milligram"),
    ("The pup weighed just 850 grams.", "850 grams", 850, "gram"),
    ("The summit of the Aonach Eagach stands at 3,168 feet.", "3,168 feet", 3168, "foot"),
    ("The runner covered 26.2 miles in under three hours.", "26.2 miles", 26.2, "mile"),
    ("The flood left 45cm of silt in the high street.", "45cm", 45, "centimeter"),
    ("The eruption sent ash 11 km into the sky.", "11 km", 11, "kilometer"),
    ("A coronavirus particle is about 100 nanometres wide.", "about 100 nanometres", 100, "nanometer"),
    ("Pollution reached 35 micrograms per cubic metre in the city.", "35 micrograms per cubic metre", 35,
     "microgram / meter ** 3"),
    ("The limit is 25µg/m3 for a yearly mean.", "25µg/m3", 25, "microgram / meter ** 3"),
    ("Sea levels have risen by 4.7mm a year since 2015.", "4.7mm a year", 4.7, "millimeter / year"),
    ("Wheat yields fell from 8.1 tonnes a hectare to 7.9 tonnes.", "7.9 tonnes", 7.9, "metric_ton / hectare"),
    ("The budget assumes an exchange rate of 96.5 roubles to the dollar.", "96.5 roubles to the dollar", 96.5,
     "RUB / USD"),
    ("The probe passed within 0.6 astronomical units of the Sun.", "0.6 astronomical units", 0.6,
     "astronomical_unit"),
    ("Brent crude rose $1.40 to $84.60 a barrel.", "$84.60 a barrel", 84.6, "USD / oil_barrel"),
    ("Brent crude rose $1.40 to $84.60 a barrel.", "$1.40", 1.4, "USD"),
    ("Milk rose 4 cents to $4.12 a gallon.", "4 cents", 0.04, "USD"),
    ("Global traffic will reach 5.6 zettabytes a year.", "5.6 zettabytes a year", 5.6, "zettabyte / year"),
    ("The drive reads at 6,900MB/s.", "6,900MB/s", 6900, "megabyte / second"),
    ("The link runs at 1Gb/s.", "1Gb/s", 1, "gigabit / second"),
    ("The chip runs at 5.7GHz.", "5.7GHz", 5.7, "gigahertz"),
    ("Tanks hold hydrogen at 700 bar.", "700 bar", 700, "bar"),
    ("The engines give 7,590 kilonewtons of thrust.", "7,590 kilonewtons", 7590, "kilonewton"),
    ("The probe left at 163km/s.", "163km/s", 163, "kilometer / second"),
    ("Refunds take 10 working days.", "10 working days", 10, "day"),
    ("Gold rose to a record $2,410 an ounce.", "$2,410 an ounce", 2410, "USD / troy_ounce"),
    ("The cheese sells at $3 an ounce.", "$3 an ounce", 3, "USD / ounce"),
]


@pytest.mark.parametrize("text, quote, value, unit", UNITS)
def test_units(text: str, quote: str, value: float, unit: str) -> None:
    quantity = the_quantity(text, quote)
    assert close(quantity.value, value) and quantity.unit == unit


TEMPERATURES = [
    # a spaced letter is a temperature beside the other scale in brackets, or after a word of heat
    ("Lake Havasu City reached 124 F (53.3 C) on Sunday.", "124 F", 124, "degree_Fahrenheit"),
    ("Lake Havasu City reached 124 F (53.3 C) on Sunday.", "53.3 C", 53.3, "degree_Celsius"),
    ("Temperatures hit 38 C in Seville.", "38 C", 38, "degree_Celsius"),
    ("Seville recorded 44.1C on Sunday.", "44.1C", 44.1, "degree_Celsius"),
    ("Phoenix hit 118F, a record for June.", "118F", 118, "degree_Fahrenheit"),
    ("It was 31°C in the shade in Lyon.", "31°C", 31, "degree_Celsius"),
    ("Parts of Minnesota fell to -31°F overnight.", "-31°F", -31, "degree_Fahrenheit"),
    ("The coldest night of the winter brought minus 9.4 degrees Celsius to Altnaharra.",
     "minus 9.4 degrees Celsius", -9.4, "degree_Celsius"),
    ("Temperatures in Norway fell to 12 degrees below zero.", "12 degrees below zero", -12, "degree_Celsius"),
    ("Forecasters expect a warm weekend, with highs of 28 degrees in Leeds.", "28 degrees", 28,
     "degree_Celsius"),
    ("It fell to minus 22 degrees Fahrenheit in Fargo, with wind chills near minus 45.", "near minus 45", -45,
     "degree_Fahrenheit"),
    # Singapore's and Malaysia's papers write "deg C"
    ("The highest daily maximum was 36.2 deg C (97.2 deg F) at Admiralty.", "36.2 deg C", 36.2, "degree_Celsius"),
    ("The highest daily maximum was 36.2 deg C (97.2 deg F) at Admiralty.", "97.2 deg F", 97.2,
     "degree_Fahrenheit"),
]


@pytest.mark.parametrize("text, quote, value, unit", TEMPERATURES)
def test_temperatures(text: str, quote: str, value: float, unit: str) -> None:
    quantity = the_quantity(text, quote)
    assert close(quantity.value, value) and quantity.unit == unit and not quantity.difference


@pytest.mark.parametrize("text, quote", [
    ("Sea temperatures rose by 0.8C over the decade.", "0.8C"),
    ("The world is heading for a rise of about 2.7C this century.", "about 2.7C"),
    ("July was 1.9F warmer than the long-term average in Texas.", "1.9F"),
])
def test_temperature_differences(text: str, quote: str) -> None:
    quantity = the_quantity(text, quote)
    assert quantity.difference and quantity.unit.startswith("delta_degree_")


@pytest.mark.parametrize("text, scale", [
    ("Temperatures reached 41.2C in Seville, or 106F, and nights stayed above 25 degrees.", "degree_Celsius"),
    ("Phoenix hit 118F (47.8C) and the low stayed above 90 degrees.", "degree_Fahrenheit"),
])
def test_a_conversion_does_not_change_the_scale_bare_degrees_take(text: str, scale: str) -> None:
    assert [q.unit for q in quantities(text) if q.text.endswith("degrees")] == [scale]


def test_bare_degrees_after_a_temperature_in_the_sentence_are_a_temperature() -> None:
    text = "It hit 104F (40C) on Monday; nights stayed above 80 degrees. The ramp turns 90 degrees."
    assert [q.unit for q in quantities(text) if q.text.endswith("degrees")] == ["degree_Fahrenheit", "degree"]


def test_radiation_doses() -> None:
    text = "Radiation fell to 0.2 microsieverts an hour; workers may take 20 mSv a year."
    assert [(q.value, q.unit) for q in quantities(text)] == [(0.2, "microsievert / hour"), (20, "millisievert / year")]


def test_degrees_without_weather_are_an_angle() -> None:
    quantity = the_quantity("The skateboarder landed a 540-degree spin and turned 90 degrees.", "90 degrees")
    assert quantity.unit == "degree"


def test_points_without_a_percentage_are_a_count() -> None:
    quantity = the_quantity("The Lakers scored 112 points against Boston.", "112 points")
    assert quantity.unit == "" and quantity.noun == "points"


def test_imperial_gallons() -> None:
    quantity = the_quantity("The old boiler burned 300 imperial gallons a winter.", "300 imperial gallons")
    assert quantity.unit == "imperial_gallon"


def test_count_per_time_is_a_rate() -> None:
    quantity = the_quantity("The borough needs to build 1,800 homes a year.", "1,800 homes a year")
    assert quantity.unit == "1 / year" and quantity.noun == "homes"


def test_bare_degrees_above_sixty_are_fahrenheit() -> None:
    quantity = the_quantity("The heat index in Dallas topped 108 degrees on Monday.", "108 degrees")
    assert quantity.unit == "degree_Fahrenheit"


def test_index_points_are_not_percentage_points() -> None:
    text = "The Dow fell 420 points and the Nasdaq lost 1.8%."
    assert the_quantity(text, "420 points").unit == ""


def test_plus_or_minus_is_a_margin_not_a_negative() -> None:
    text = "The survey of 2,003 voters has a margin of error of plus or minus 2.2 percentage points."
    assert the_quantity(text, "2.2 percentage points").value == 2.2


@pytest.mark.parametrize("text, quote, value, unit", [
    ("The suspect is described as 5ft 10in tall.", "5ft 10in", 70, "inch"),
    ("The boxer weighed in at 11st 4lb.", "11st 4lb", 158, "pound"),
])
def test_compound_imperial_amounts(text: str, quote: str, value: float, unit: str) -> None:
    quantity = the_quantity(text, quote)
    assert quantity.value == value and quantity.unit == unit


def test_every_lexicon_unit_parses_in_the_project_registry() -> None:
    from factcheck.builtin.extract.lexicon import load_lexicon
    from factcheck.units import Units

    units = Units()
    lexicon = load_lexicon()
    for unit in {form.unit for forms in lexicon.unit_forms.values() for form in forms} | set(lexicon.currency_codes):
        assert units.dimensionality(unit), unit


def test_us_gallons_are_gallons() -> None:
    assert the_quantity("It holds about 317 million US gallons.", "about 317 million US gallons").unit == "gallon"


@pytest.mark.parametrize("text, quote, unit", [
    ("The ferry burns about 3.1 tonnes of diesel an hour at full speed.", "about 3.1 tonnes of diesel an hour",
     "metric_ton / hour"),
    ("A typical flat uses 2,900 kWh of electricity a year.", "2,900 kWh of electricity a year", "kilowatt_hour / year"),
])
def test_a_rate_over_time_after_what_it_is_of(text: str, quote: str, unit: str) -> None:
    assert the_quantity(text, quote).unit == unit


def test_an_of_phrase_with_a_preposition_is_not_a_rate() -> None:
    assert the_quantity("Crews cleared 120 hectares of scrub in a week.", "120 hectares").unit == "hectare"


@pytest.mark.parametrize("text, quote", [
    ("Night temperatures were 6 degrees below the seasonal norm.", "6 degrees"),
    ("The lake warmed by 2.5C (4.5F) in a decade.", "4.5F"),
])
def test_relative_temperatures_and_their_conversions_are_differences(text: str, quote: str) -> None:
    assert the_quantity(text, quote).unit.startswith("delta_degree_")


def test_data_rates() -> None:
    assert the_quantity("Speeds reach 900Mbps in the city.", "900Mbps").unit == "megabit / second"


@pytest.mark.parametrize("text, quote, unit", [
    ("Barley averaged 6.2 tonnes a hectare, down from 6.9 tonnes in 2024.", "6.9 tonnes", "metric_ton / hectare"),
    ("Diesel costs 151.2p a litre, up from 147.9p last month.", "147.9p", "GBP / liter"),
])
def test_a_compared_figure_shares_the_rate_it_leaves_out(text: str, quote: str, unit: str) -> None:
    assert the_quantity(text, quote).unit == unit


def test_a_bare_figure_after_a_temperature_word_is_a_temperature() -> None:
    text = "Highs will reach 38C on Friday, with lows near 24 overnight."
    quantity = the_quantity(text, "near 24")
    assert quantity.unit == "degree_Celsius" and quantity.qualifier is not None


@pytest.mark.parametrize("text, quote, value, unit", [
    ("Death Valley reached 53.3 Celsius on Sunday.", "53.3 Celsius", 53.3, "degree_Celsius"),
    ("Growers expect 3.1 billion bushels this year.", "3.1 billion bushels", 3.1e9, "bushel"),
    ("The works used 1,400 megalitres a day.", "1,400 megalitres a day", 1400, "megaliter / day"),
    ("The car park covers 9,000 square yards.", "9,000 square yards", 9000, "yard ** 2"),
    ("The bank made a quarter-point cut.", "quarter-point", 0.25, "percentage_point"),
    ("Rates rose by half a percentage point.", "half a percentage point", 0.5, "percentage_point"),
])
def test_more_units_and_points_in_words(text: str, quote: str, value: float, unit: str) -> None:
    quantity = the_quantity(text, quote)
    assert close(quantity.value, value) and quantity.unit == unit


def test_a_unit_written_once_after_from_and_to_belongs_to_both() -> None:
    text = "Yields fell from 7.9 to 6.4 tonnes a hectare."
    assert the_quantity(text, "7.9").unit == "metric_ton / hectare"


def test_a_difference_with_its_conversion_before_the_comparative() -> None:
    text = "The sea was 1.2C (2.2F) warmer than in the 1980s."
    assert the_quantity(text, "1.2C").unit == "delta_degree_Celsius"
    assert the_quantity(text, "2.2F").unit == "delta_degree_Fahrenheit"


def test_a_change_verb_right_before_a_temperature_makes_it_a_difference() -> None:
    text = "Temperatures dropped 20 degrees Fahrenheit (11C) overnight."
    assert the_quantity(text, "20 degrees Fahrenheit").unit == "delta_degree_Fahrenheit"
    assert the_quantity(text, "11C").unit == "delta_degree_Celsius"
    assert the_quantity("Temperatures rose to 31C.", "31C").unit == "degree_Celsius"


def test_square_miles_abbreviated_in_the_singular() -> None:
    assert the_quantity("a 40 sq km (25 sq mile) range", "25 sq mile").unit == "mile ** 2"


@pytest.mark.parametrize("text, quote", [
    ("The shop sells 4 C batteries in packs.", "4 C batteries"),
    ("He got 12 F grades last term.", "12 F grades"),
])
def test_spaced_letter_without_heat_is_no_temperature(text: str, quote: str) -> None:
    assert the_quantity(text, quote).unit == ""
