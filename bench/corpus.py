"""Synthetic news-like text for the benchmarks: reproducible, varied, full of figures.

Paragraphs come from templates that mix finance, defence, weather, health,
sport, elections and science, in UK and US spelling, with freshly drawn
figures; articles are several paragraphs under a headline.
"""
from __future__ import annotations

import random

PLACES = ["Leeds", "Ohio", "Bavaria", "Kent", "Lagos", "Queensland", "Andalusia", "Ontario", "Cork", "Texas"]
FIRMS = ["Northwind", "Halberd Energy", "Castlegate Bank", "Verity Foods", "Oakline Rail", "Brightwater Water"]
NOUNS = ["troops", "nurses", "passengers", "homes", "jobs", "students", "patients", "voters", "flights", "turbines"]

TEMPLATES = [
    "{firm} said revenue rose {pct}% to £{dec}bn in the year to March, up from £{dec2}bn, while pre-tax profit "
    "fell {pct2} per cent to ${int3}m. The group employs some {int4} people across {small} countries.",
    "The alliance will expand its mission in {place} from {int3} {noun} to around {int4} over the next {word} "
    "years, at a cost of €{int2} million a year. Officials said the increase would be gradual.",
    "Temperatures reached {temp}C ({tempf}F) in {place} on Tuesday, and forecasters expect highs of between "
    "{temp2}C and {temp3}C this week, with winds of up to {int2} km/h and {int2}mm of rain.",
    "About {int4} patients waited more than {small} hours in A&E last month, {pct}% more than a year earlier, "
    "and nearly {pct2}% of the {int3} beds at the {word}-ward hospital were occupied.",
    "The {age}-year-old striker, who joined for £{dec}m in {year}, has scored {int2} goals in {int3} "
    "appearances, and the club's {int4}-seat stadium was sold out for the {word}-day festival.",
    "Turnout was {pct}.{small}%, up {small}.{small} percentage points, and the party won {int2} of the {int3} "
    "seats; the senator, {age}, said a further {word} seats were within reach in {year}.",
    "The probe will travel {dec} billion kilometres over {word} years and carries a {dec2}-tonne payload, "
    "a {int2}-metre antenna and instruments weighing {int3} kg, at a cost of ${dec}bn.",
    "Oil output rose to {dec} million barrels a day as Brent crude traded at ${int2} a barrel; the {int3}MW "
    "plant in {place} produced {int4} GWh, enough for {word} thousand homes.",
    "Dozens of residents and hundreds of volunteers joined {int4} firefighters after the blaze destroyed "
    "{int2} homes and {int3} acres of forest; tens of thousands of people lost power for {small} days.",
    "House prices in {place} climbed {pct}% to an average of £{int6}, and rents rose to £{int3} a month, "
    "while {int4} new homes were completed, {pct2} per cent fewer than the {int5} planned.",
    "On Thursday, {day} March {year}, the council approved a {int2}-page plan to spend £{int2}m over {small} "
    "years; the F-35 base on Route 66 and the Article 5 debate were not discussed.",
    "Inflation edged up to {small}.{small}% in {month}, and the Bank of England held rates at {small}.{small}%, "
    "the highest since {year}; the FTSE 100 closed {small}.{small}% lower at {int5}.",
    "A survey of {int4} adults found that {pct}% had cut spending, while {int3} of the {int4} firms polled "
    "planned to hire fewer than {int2} staff in the {word}-month period to {month}.",
    "The {dec}-mile course climbs {int3} feet, and more than {int5} runners are expected; last year's winner "
    "finished in 2 hours {int2} minutes, {word} seconds ahead of the {age}-year-old runner-up.",
]
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty"]
MONTHS = ["January", "February", "April", "June", "July", "September", "October", "November"]


def paragraph(rng: random.Random) -> str:
    """One synthetic news paragraph with freshly drawn figures."""
    fill = {
        "firm": rng.choice(FIRMS), "place": rng.choice(PLACES), "noun": rng.choice(NOUNS),
        "pct": rng.randint(1, 60), "pct2": rng.randint(1, 40), "small": rng.randint(1, 9),
        "dec": f"{rng.uniform(1, 9):.1f}", "dec2": f"{rng.uniform(1, 9):.1f}", "int2": rng.randint(10, 99),
        "int3": rng.randint(100, 999), "int4": f"{rng.randint(1000, 9999):,}", "int5": f"{rng.randint(10000, 99999):,}",
        "int6": f"{rng.randint(100000, 999999):,}", "word": rng.choice(WORDS), "age": rng.randint(19, 80),
        "year": rng.randint(1990, 2030), "temp": rng.randint(25, 45), "tempf": rng.randint(77, 113),
        "temp2": rng.randint(18, 25), "temp3": rng.randint(26, 35), "day": rng.randint(1, 28),
        "month": rng.choice(MONTHS),
    }
    return rng.choice(TEMPLATES).format(**fill)


def news_text(paragraphs: int, seed: int = 7) -> list[str]:
    """``paragraphs`` synthetic paragraphs, reproducible from ``seed``."""
    rng = random.Random(seed)
    return [paragraph(rng) for _ in range(paragraphs)]


PROSE = [
    "The minister said the decision had been taken after weeks of talks with local leaders.",
    "Critics argued that the plan did little to address the underlying problems.",
    "Officials in {place} declined to comment on the report before it was published.",
    "Residents told reporters they had not been consulted about the changes.",
    "The opposition called for an independent inquiry into how the contract was awarded.",
    "Analysts at {firm} said the outlook remained uncertain because of rising costs.",
    "A spokeswoman for the regulator said it would study the findings carefully.",
    "The announcement came as negotiations between the two sides resumed in {place}.",
    "Campaigners welcomed the move but warned that more needed to be done.",
    "The company said it was confident that demand would recover later in the year.",
    "Police in {place} said the investigation was continuing and appealed for witnesses.",
    "Union leaders said their members would consider the offer over the coming days.",
    "The report also highlighted a shortage of skilled staff in rural areas.",
    "Ministers are expected to publish a detailed plan before the summer recess.",
    "Local businesses said the disruption had hit trade during the busiest weeks.",
    "Scientists cautioned that the results would need to be confirmed by further studies.",
]


def article(rng: random.Random, paragraphs: int = 8) -> str:
    """A headline and ``paragraphs`` paragraphs, about 3–5 kB like a news report.

    Each paragraph holds one sentence group thick with figures and three to
    six sentences with none, for about one figure per 80 characters:
    denser than most news (the seed article has one per 270), so that the
    figures are not flattering.
    """
    headline = f"{rng.choice(FIRMS)} and {rng.choice(PLACES)}: what the figures say"
    body = []
    for _ in range(paragraphs):
        prose = [rng.choice(PROSE).format(place=rng.choice(PLACES), firm=rng.choice(FIRMS))
                 for _ in range(rng.randint(3, 6))]
        body.append(" ".join([paragraph(rng), *prose]))
    return headline + "\n\n" + "\n\n".join(body) + "\n"


def text_of_size(size: int, seed: int = 11) -> str:
    """Articles joined until the text is at least ``size`` characters long."""
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        parts.append(article(rng))
        total += len(parts[-1]) + 1
    return "\n".join(parts)
