"""Adversarial inputs: does any stage of the pipeline grow faster than the text does?

Not a test: the machine is shared and noisy, so each figure is the ratio of
the time on a 400 kB input to the time on a 100 kB one, measured in the same
run. Linear code gives about 4; a ratio well above 4 means a regex or a loop
is super-linear on that shape of input. Run it from the repository root::

    .venv/bin/python bench/adversarial.py               # every case, 100 kB and 400 kB
    .venv/bin/python bench/adversarial.py digits html   # cases whose name contains a word
    .venv/bin/python bench/adversarial.py --small 50000 --factor 4

Each case runs the whole pipeline (load from text, segment, extract, relate,
every built-in rule) in-process through :meth:`Checker.check_text`, with the
document's format picked by the case's suffix.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.checker import Checker  # noqa: E402
from factcheck.config import Config  # noqa: E402

MONTHS = "January February March April May June July August September October November December".split()


def repeat(unit: str) -> Callable[[int], str]:
    """A text of ``unit`` repeated to (at least) the size asked for."""
    return lambda size: unit * (size // len(unit) + 1)


def chain(size: int) -> str:
    """'from 1 to 2 to 3 to 4 ...' with no full stop."""
    parts, length, n = ["from 1"], 6, 2
    while length < size:
        part = f" to {n}"
        parts.append(part)
        length += len(part)
        n += 1
    return "".join(parts)


def numbers_in_one_sentence(size: int) -> str:
    """Many amounts, hedges and units in one sentence with no punctuation."""
    words = ["rose", "from", "about", "$3bn", "12%", "to", "4,500", "troops", "and", "7 km", "of", "the",
             "between", "200", "and", "300", "people", "doubled", "halved"]
    return " ".join(words[i % len(words)] for i in range(size // 5))


def chain_between(size: int) -> str:
    """'between 1 and 2 and 3 and 4 ...' with no full stop."""
    return "between 0" + repeat(" and 7")(size)


def months(size: int) -> str:
    """Month names and weekdays with numbers, no sentence end."""
    words = [f"{MONTHS[i % 12]} {i % 28 + 1} Tuesday" for i in range(size // 20)]
    return " ".join(words)


def unclosed(prefix: str, unit: str) -> Callable[[int], str]:
    """An opening construct that is never closed, followed by ordinary prose."""
    return lambda size: prefix + repeat(unit)(size)


def nested_brackets(size: int) -> str:
    """Brackets nested a thousand deep, repeated."""
    block = "(" * 1000 + "12 km" + ")" * 1000 + " "
    return repeat(block)(size)


def backtick_ladder(size: int) -> str:
    """Runs of backticks of ever greater length, none closed, then prose."""
    runs, length, k = [], 0, 1
    while length < size // 5:
        runs.append("`" * k + " w ")
        length += k + 3
        k += 1
    return "".join(runs) + repeat(" word")(size)


PROSE = "Troop numbers rose from 500 personnel to around 4,000, up 700% in two years. "
MD_CODE = "Spending rose `x` to $3bn, from 1,200 to 1,250 (`y`) last year.\n"

CASES: dict[str, tuple[str, Callable[[int], str]]] = {
    "digits": (".txt", repeat("1234567890")),
    "digit-commas": (".txt", repeat("1,1,")),
    "digit-dots": (".txt", repeat("1.1.")),
    "words a a a": (".txt", repeat("a ")),
    "from-to chain": (".txt", chain),
    "one line of prose": (".txt", repeat("Troop numbers rose from 500 personnel to around 4,000, up 700% ")),
    "prose sentences": (".txt", repeat(PROSE)),
    "nested brackets": (".txt", nested_brackets),
    "numbers in one sentence": (".txt", numbers_in_one_sentence),
    "month names": (".txt", months),
    "hyphens": (".txt", repeat("-")),
    "hyphenated numbers": (".txt", repeat("1-")),
    "dashes and spaces": (".txt", repeat("— ")),
    "single line breaks": (".txt", repeat("Troops 500\n")),
    "short lines": (".txt", repeat("a\n")),
    "percent signs": (".txt", repeat("5% ")),
    "currency signs": (".txt", repeat("$£€")),
    "dotted initials": (".txt", repeat("a.")),
    "unclosed html comment (md)": (".md", unclosed("<!-- ", PROSE)),
    "unclosed <a tag (md)": (".md", unclosed("<a href=x ", PROSE)),
    "unclosed <a tag (html)": (".html", unclosed("<a href=x ", PROSE)),
    "unclosed code fence (md)": (".md", unclosed("```\n", PROSE)),
    "unclosed backticks (md)": (".md", repeat("`a ")),
    "inline code on one line (md)": (".md", repeat("`x` 5 ")),
    "inline code sentences (md)": (".md", repeat(MD_CODE)),
    "link brackets (md)": (".md", repeat("[a](")),
    "backtick ladder (md)": (".md", backtick_ladder),
    "declarations with no > (html)": (".html", repeat("<!")),
    "<pre with no > (html)": (".html", repeat("<pre ")),
    "<script with no > (md)": (".md", repeat("<script ")),
    "tags on one line (html)": (".html", repeat("<b>5</b> ")),
    "unclosed <script (html)": (".html", unclosed("<script>", PROSE)),
    "dots": (".txt", repeat(".")),
    "question marks and quotes": (".txt", repeat("?\"")),
    "commas": (".txt", repeat(",")),
    "percent runs": (".txt", repeat("5%%%%%%%%%% ")),
    "number words": (".txt", repeat("one hundred and twenty two thousand and ")),
    "vague amounts": (".txt", repeat("hundreds of thousands of millions of ")),
    "hedges": (".txt", repeat("more than about nearly up to ")),
    "between and chain": (".txt", chain_between),
    "from from from": (".txt", repeat("from ")),
    "currency runs": (".txt", repeat("$$$$5 ")),
    "unicode digits": (".txt", repeat("١٢٣ km ")),
    "long word": (".txt", repeat("a")),
    "durations and dates": (".txt", repeat("It ran for 5 years from 2000 to 2010. ")),
    "ages and birth years": (".txt", repeat("The senator, 71, was born in 1950. ")),
    "conversions": (".txt", repeat("The road is 10 km (6 miles) long. ")),
    "totals and parts": (".txt", repeat("The 500 troops: 200 here and 300 there. ")),
    "shares of a whole": (".txt", repeat("Of the 500 voters, 30% backed it and 60% did not. ")),
    "weekdays and dates": (".txt", repeat("On Tuesday, March 3, 2026, it rained. ")),
    "restated figures": (".txt", repeat("The army sent 500 troops. The 600 troops left. ")),
    "ignore comments (md)": (".md", repeat("<!-- factcheck: ignore -->\nRose from 1 to 9, slightly.\n\n")),
    "indented lines (md)": (".md", repeat("    1 km\n")),
    "list items (md)": (".md", repeat("- 12 km\n")),
}


def timed(checker: Checker, text: str, suffix: str) -> float:
    """Seconds to check ``text`` once."""
    started = time.perf_counter()
    checker.check_text(text, path="bench" + suffix)
    return time.perf_counter() - started


def main() -> int:
    """Print each case's time on the small and the large input, and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("only", nargs="*", help="run only cases whose name contains one of these words")
    parser.add_argument("--small", type=int, default=100_000, help="size of the small input in characters")
    parser.add_argument("--factor", type=int, default=4, help="the large input is this many times the small one")
    args = parser.parse_args()
    checker = Checker(Config())
    checker.check_text("warm up: 5 km", path="warm.txt")
    worst = 0.0
    print(f"{'case':<32} {'small s':>8} {'large s':>8} {'ratio':>6}")
    for name, (suffix, make) in CASES.items():
        if args.only and not any(word in name for word in args.only):
            continue
        small = make(args.small)[:args.small]
        large = make(args.small * args.factor)[:args.small * args.factor]
        small_time = timed(checker, small, suffix)
        large_time = timed(checker, large, suffix)
        ratio = large_time / max(small_time, 1e-6)
        worst = max(worst, ratio)
        flag = "  <-- super-linear" if ratio > 2 * args.factor else ""
        print(f"{name:<32} {small_time:8.3f} {large_time:8.3f} {ratio:6.1f}{flag}", flush=True)
    print(f"\nworst ratio {worst:.1f} (linear is about {args.factor})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
