"""Extraction speed: characters per second of factcheck's extractor next to quantulum3.

Not a test. Run it from the repository root::

    .venv/bin/python bench/extraction.py [--paragraphs 400] [--quantulum-paragraphs 120]

It builds a news-like text from synthetic paragraphs (finance, defence,
weather, health, sport, elections, science; UK and US spelling), then times,
within one run so that the ratios hold on a noisy machine:

* the extractor alone (``extract_mentions``) and the in-process pipeline
  (segment, extract, relate) on the whole text;
* ``factcheck extract --format json`` as a subprocess on the same text;
* quantulum3 (if installed in the same environment; it is never a project
  dependency) in its best case, one paragraph at a time, on a sample;
* linearity: the time for the text repeated four times over the time for it once.
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Callable

from factcheck.builtin.extract import extract_mentions
from factcheck.checker import Checker
from factcheck.config import Config
from factcheck.model import Document

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


def best_of(repeats: int, run: Callable[[], object]) -> float:
    """The shortest wall time of ``repeats`` runs, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Time the extractor, the pipeline, the CLI and quantulum3; print rates, the ratio and linearity."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--paragraphs", type=int, default=400)
    options.add_argument("--quantulum-paragraphs", type=int, default=120)
    options.add_argument("--repeats", type=int, default=3)
    args = options.parse_args()

    paragraphs = news_text(args.paragraphs)
    text = "\n\n".join(paragraphs)
    text4 = "\n\n".join(paragraphs * 4)
    checker = Checker(Config())

    def extractor(body: str) -> Callable[[], object]:
        return lambda: extract_mentions(Document(path="bench.txt", text=body))

    def pipeline(body: str) -> Callable[[], object]:
        return lambda: checker.extract_text(body, path="bench.txt")

    extractor(text)()  # build the lexicon and readers once, outside the timings
    results = {}
    for name, make in (("extractor", extractor), ("pipeline", pipeline)):
        once = best_of(args.repeats, make(text))
        four = best_of(args.repeats, make(text4))
        results[name] = (len(text) / once, four / once)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.txt"
        path.write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "factcheck", "extract", "--format", "json", str(path)]
        cli_time = best_of(args.repeats, lambda: subprocess.run(command, check=True, capture_output=True))
        startup = best_of(args.repeats, lambda: subprocess.run(
            [sys.executable, "-m", "factcheck", "extract", "--format", "json", "-"], input=b"",
            check=True, capture_output=True))

    print(f"text: {len(paragraphs)} paragraphs, {len(text):,} characters (x4: {len(text4):,})")
    for name, (rate, linearity) in results.items():
        print(f"{name:>10}: {rate:12,.0f} chars/s   linearity (4x text / 1x): {linearity:.2f}")
    print(f"{'cli':>10}: {len(text) / cli_time:12,.0f} chars/s   (process start-up alone {startup:.2f}s)")

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser as quantulum
    except Exception as err:  # not installed, or broken dependencies
        print(f"quantulum3 not available ({type(err).__name__}: {err}); no ratio")
        return
    sample = paragraphs[:args.quantulum_paragraphs]
    sample_chars = sum(len(p) for p in sample)

    def quantulum_paragraphs() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for item in sample:
                quantulum.parse(item)

    quantulum_rate = sample_chars / best_of(1, quantulum_paragraphs)
    print(f"{'quantulum3':>10}: {quantulum_rate:12,.0f} chars/s   (paragraph by paragraph, {len(sample)} paragraphs)")
    for name, (rate, _) in results.items():
        print(f"ratio {name} / quantulum3: {rate / quantulum_rate:.1f}x   (target >= 50x)")
    print(f"ratio cli / quantulum3: {len(text) / cli_time / quantulum_rate:.1f}x")


if __name__ == "__main__":
    main()
