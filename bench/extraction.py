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
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Callable

from corpus import news_text
from factcheck.builtin.extract import extract_mentions
from factcheck.checker import Checker
from factcheck.config import Config
from factcheck.model import Document

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
