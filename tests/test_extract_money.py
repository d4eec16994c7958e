"""Money: signs, ISO codes and words, scale words, pence and cents, per-unit prices."""
from __future__ import annotations

import pytest

from extract_support import close, quantities, the_quantity

MONEY = [
    ("The chipmaker will spend $20 billion on a plant in Arizona.", "$20 billion", 2e10, "USD"),
    ("Canberra pledged A$1.2bn for flood defences.", "A$1.2bn", 1.2e9, "AUD"),
    ("The contract is worth US$450 million over ten years.", "US$450 million", 4.5e8, "USD"),
    ("The Tokyo developer bought the tower for ¥48 billion.", "¥48 billion", 4.8e10, "JPY"),
    ("Zurich fined the bank CHF 3.5 million.", "CHF 3.5 million", 3.5e6, "CHF"),
    ("The miner reported a profit of 2.1 billion USD.", "2.1 billion USD", 2.1e9, "USD"),
    ("The estate was sold for 85 million dollars.", "85 million dollars", 8.5e7, "USD"),
    ("Dublin will receive 300 million euros from the fund.", "300 million euros", 3e8, "EUR"),
    ("The lottery winner from Hull collected four million pounds.", "four million pounds", 4e6, "GBP"),
    ("The export deal is worth 5 billion Swiss francs.", "5 billion Swiss francs", 5e9, "CHF"),
    ("A pint now costs £6.40 in central London.", "£6.40", 6.4, "GBP"),
    ("The Swiss bank lost SFr 1.2 billion.", "SFr 1.2 billion", 1.2e9, "CHF"),
    ("The deficit reached about 86 billion zlotys.", "about 86 billion zlotys", 8.6e10, "PLN"),
    # a currency in letters glued to its numeral, which a name's letters never are
    ("Nestlé said it would save CHF2.5bn by 2027.", "CHF2.5bn", 2.5e9, "CHF"),
    ("Kenya's tea earned KSh180bn last year.", "KSh180bn", 1.8e11, "KES"),
    ("Tickets for the final cost Rs.500 each.", "Rs.500", 500, "INR"),
    ("Taiwan's exports reached NT$6.16 trillion last year.", "NT$6.16 trillion", 6.16e12, "TWD"),
    # the rand's one letter, read when the amount is shaped like money
    ("Entry-level pay rises to R15,620 a month.", "R15,620 a month", 15620, "ZAR / month"),
    ("The strike cost the miner R1.9 billion.", "R1.9 billion", 1.9e9, "ZAR"),
    ("A loaf now costs R18.50 in Soweto.", "R18.50", 18.5, "ZAR"),
    ("A 50kg bag of rice costs about ₦85,000 in Lagos.", "about ₦85,000", 85000, "NGN"),
    ("The fund lent 2.1 billion Kenyan shillings to growers.", "2.1 billion Kenyan shillings", 2.1e9, "KES"),
    ("The villa sold for 14 million dirhams.", "14 million dirhams", 1.4e7, "AED"),
]


def test_a_letter_sign_already_written_on_money_marks_a_plain_amount_but_not_a_road() -> None:
    text = "Eskom needs a R254 billion bailout, adding roughly R150 to bills; the R2 toll road is closed."
    assert [(q.text, q.unit) for q in quantities(text)] == [("R254 billion", "ZAR"), ("roughly R150", "ZAR")]
    assert [q.text for q in quantities("Take the R101 north, then R2 to the coast.")] == []


def test_letters_glued_to_a_numeral_are_a_name_unless_they_are_a_currency() -> None:
    found = [q.text for q in quantities("The A320 and the G7 met; the F-35 flew; growers get KSh25 per kilogram.")]
    assert found == ["KSh25 per kilogram"]


def test_a_one_letter_currency_needs_an_amount_shaped_like_money() -> None:
    found = [q.text for q in quantities("Take the R2 and then the R101 for 3 miles; R&D spending was R4,300.")]
    assert found == ["3 miles", "R4,300"]


@pytest.mark.parametrize("text, quote, value, unit", MONEY)
def test_currency(text: str, quote: str, value: float, unit: str) -> None:
    quantity = the_quantity(text, quote)
    assert close(quantity.value, value) and quantity.unit == unit


MINOR = [
    ("Shares in the grocer closed at 318p.", "318p", 3.18, "GBP"),
    ("A second-class stamp rises to 85 pence next month.", "85 pence", 0.85, "GBP"),
    ("Gasoline fell 12 cents in Ohio.", "12 cents", 0.12, "USD"),
    ("After the £2.40 fare rise, a 50 cents surcharge on card payments was dropped.", "50 cents", 0.5, "USD"),
    ("Euro-zone bread rose to €1.90, about 15 cents more than in 2023.", "about 15 cents", 0.15, "EUR"),
    # cents before any currency is named are of the first one named after them
    ("Petrol averaged 189.9 cents a litre, and the A$3.5 billion excise cut saves A$15 a week.", "189.9 cents a litre",
     1.899, "AUD / liter"),
    ("Petrol averaged 189.9 cents a litre. A separate £2bn plan was shelved.", "189.9 cents a litre", 1.899,
     "USD / liter"),
]


@pytest.mark.parametrize("text, quote, value, unit", MINOR)
def test_pence_and_cents_convert_to_their_currency(text: str, quote: str, value: float, unit: str) -> None:
    quantity = the_quantity(text, quote)
    assert close(quantity.value, value) and quantity.unit == unit


PRICES = [
    ("West Texas crude rose to $79.40 a barrel.", "$79.40 a barrel", 79.4, "USD / oil_barrel"),
    ("Carers in Wales will earn at least £12.60 an hour.", "at least £12.60 an hour", 12.6, "GBP / hour"),
    ("Rents in the new block start at £1,150 a month.", "£1,150 a month", 1150, "GBP / month"),
    ("Diesel sold for 151.9p a litre on the motorway.", "151.9p a litre", 1.519, "GBP / liter"),
    ("Gold traded at $2,410 per ounce in Singapore.", "$2,410 per ounce", 2410, "USD / troy_ounce"),
    ("Wholesale power cost €95 per megawatt hour.", "€95 per megawatt hour", 95, "EUR / megawatt_hour"),
    ("Arabica beans fetched 240 cents a pound in New York.", "240 cents a pound", 2.4, "USD / pound"),
    ("Wheat for March delivery was quoted at $265 a tonne.", "$265 a tonne", 265, "USD / metric_ton"),
]


@pytest.mark.parametrize("text, quote, value, unit", PRICES)
def test_per_unit_prices(text: str, quote: str, value: float, unit: str) -> None:
    quantity = the_quantity(text, quote)
    assert close(quantity.value, value) and quantity.unit == unit


def test_price_per_share_keeps_the_currency_and_notes_the_share() -> None:
    quantity = the_quantity("The bid values the insurer at 640p a share.", "640p a share")
    assert quantity.unit == "GBP" and quantity.per == "share"


def test_a_year_earlier_is_a_time_not_a_rate() -> None:
    text = "Exports reached €96.2bn, up from €88.1bn a year earlier."
    quantity = the_quantity(text, "€88.1bn")
    assert quantity.unit == "EUR"


def test_pounds_without_money_are_weight() -> None:
    quantity = the_quantity("The newborn in Ohio weighed 9 pounds at birth.", "9 pounds")
    assert quantity.unit == "pound"


@pytest.mark.parametrize("text, quote, unit", [
    ("Officials said four thousand pounds of cargo were aboard the flight.", "four thousand pounds", "pound"),
    ("The farm sold 2,000 pounds of beef.", "2,000 pounds", "pound"),
    ("The plan brings two million pounds of investment to Wrexham.", "two million pounds", "GBP"),
    ("He put 400 pounds of his own money into the club.", "400 pounds", "GBP"),
])
def test_pounds_of_a_thing_weigh_it_and_pounds_of_money_pay(text: str, quote: str, unit: str) -> None:
    assert the_quantity(text, quote).unit == unit


def test_a_rate_followed_by_a_start_date() -> None:
    quantity = the_quantity("Care staff will be paid £12.60 an hour from April.", "£12.60 an hour")
    assert quantity.unit == "GBP / hour" and quantity.value == 12.6


@pytest.mark.parametrize("text, quote, value, unit", [
    ("Farmers were paid 38.5c a litre for their milk.", "38.5c a litre", 0.385, "USD / liter"),
    ("Stamps now cost 65c each.", "65c", 0.65, "USD"),
])
def test_cents_written_as_c(text: str, quote: str, value: float, unit: str) -> None:
    quantity = the_quantity(text, quote)
    assert close(quantity.value, value) and quantity.unit == unit


@pytest.mark.parametrize("text, quote, value", [
    ("The plan is costed at Rs 2.4 lakh crore over five years.", "Rs 2.4 lakh crore", 2.4e12),
    ("FACTORY ORDERS HIT $12.5BN", "$12.5BN", 12.5e9),
    ("The dam cost a thousand million pounds.", "a thousand million pounds", 1e9),
])
def test_scale_words_multiply_and_shout(text: str, quote: str, value: float) -> None:
    assert close(the_quantity(text, quote).value, value)
