"""Reading numerals and number words, with the precision they are written to."""
from __future__ import annotations

from dataclasses import dataclass

import regex

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALE_ABBREVIATIONS = {"k": 1e3, "K": 1e3, "m": 1e6, "mn": 1e6, "M": 1e6, "bn": 1e9, "b": 1e9, "B": 1e9,
                       "tn": 1e12, "trn": 1e12, "tr": 1e12}
NUMBER_WORDS = {**SMALL, **TENS, **SCALES, "dozen": 12}

_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
WORD_NUMBER = regex.compile(
    rf"(?i)\b(?:(?:half\s+an?|an?)\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?(?:{_WORD})(?:(?:\s*-\s*|\s+and\s+|\s+)(?:{_WORD}))*\b")
DIGITS = regex.compile(
    r"(?<![\w.,/:])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)|\d+)(?:\.\d+)?(?![\d])"
    r"|(?<![\w.,/:])\.\d+(?!\d)")


@dataclass(frozen=True, slots=True)
class Numeral:
    """A number as read: its value and the place value of its last significant digit."""

    value: float
    resolution: float


def read_digits(text: str) -> Numeral:
    """Read "9,600", "1 500", "4.25" or ".5"; resolution from the digits as written.

    Trailing zeros of an integer count as rounding: "4,000" has resolution
    1000, "4,012" has 1, "4.0" has 0.1.
    """
    plain = regex.sub(r"[,\u00a0\u202f\u2009]", "", text)
    value = float(plain)
    if "." in plain:
        return Numeral(value, 10.0 ** -len(plain.split(".")[1]))
    stripped = plain.rstrip("0")
    zeros = len(plain) - len(stripped) if stripped else 0
    return Numeral(value, 10.0 ** zeros)


def read_words(text: str) -> Numeral | None:
    """Read number words: "twenty-five", "a hundred and two", "two dozen", "half a million".

    Returns None when the words are not a number ("a" alone).
    """
    words = [w for w in regex.split(r"[\s-]+", text.lower()) if w and w != "and"]
    half = False
    if words[:1] == ["half"]:
        half, words = True, words[1:]
    if words and words[0] in ("a", "an"):
        if len(words) == 1 or words[1] not in SCALES and words[1] != "dozen":
            return None
        words[0] = "one"
    total, current, resolution = 0.0, 0.0, 1.0
    seen = False
    for word in words:
        if word in SMALL or word in TENS:
            current += SMALL.get(word, TENS.get(word, 0))
            resolution = 1.0 if word in SMALL and SMALL[word] % 10 else 10.0
        elif word == "dozen":
            current = (current or 1) * 12
            resolution = 12.0
        elif word == "hundred":
            current = (current or 1) * 100
            resolution = 100.0
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0.0
            resolution = SCALES[word]
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    if half:
        value, resolution = value / 2, resolution / 2
    return Numeral(value, resolution)
