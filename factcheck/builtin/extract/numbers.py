"""Reading numerals and number words, with the precision they are written to.

Digits: "9,600", "1 500", "4.25", ".5", "-0.1" (the sign is read by the
quantity reader), "1.2e9", "3 × 10^8", "2½". Words: "twenty-five", "a hundred
and two", "four thousand", "two dozen", "half a million", "two and a half".
The number words themselves live in ``factcheck/data/lexicon.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Mapping

from factcheck import patterns
from factcheck.builtin.wordindex import first_words, word_index

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_GROUP_SEPARATORS = str.maketrans("", "", ",\u00a0\u202f\u2009 ")
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75}

# Thousands groups take a comma or a space (thin, narrow or plain), never both in one number.
_NUMERAL = (
    r"(?:(?P<int>\d{1,2}(?:,\d{2})+,\d{3}(?![\d,]\d)|\d{1,3}(?:,\d{3})+(?![\d])|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,.]\d)|\d+)"
    r"(?P<frac>\.\d+)?|(?P<frac_only>\.\d+))"
    r"(?P<exp>[eE][-+]?\d{1,3}(?![\w])"
    r"|[ \u00a0]?[x×][ \u00a0]?10(?:\^|\*\*)(?:[-−]?\d{1,3})(?![\d])"
    r"|[ \u00a0]?[x×][ \u00a0]?10[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})?"
    r"(?P<vulgar>[½¼¾])?(?![\d])")
DIGITS = patterns.compile(r"(?<![\w.,/:\d])" + _NUMERAL)
# A numeral glued to a currency written in letters ("CHF2.5bn", "KSh180bn", "Rs.500"): the sign says what
# DIGITS's look-behind cannot, that the letters before are no part of a name.
DIGITS_AFTER_SIGN = patterns.compile(_NUMERAL)
MAX_NUMBER_TOKENS = 32
_EXPONENT = patterns.compile(r"[eE](?P<e>[-+]?\d+)|10(?:\^|\*\*)?(?P<p>[-−]?\d+)")


@dataclass(frozen=True, slots=True)
class Numeral:
    """A number as read: its value and the place value of its last significant digit."""

    value: float
    resolution: float


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A numeral found in a text: where it stands, what it says, and how it is written.

    ``article`` marks "a" or "an" read as one before a length of time ("a decade");
    ``fraction`` a fraction of one unit or scale word that must follow ("three-quarters of a").
    """

    start: int
    end: int
    numeral: Numeral
    words: bool
    article: bool = False
    fraction: bool = False


def clean(value: float) -> float:
    """``value`` rounded to 12 significant digits: 140 × 0.01 is 1.4, not 1.4000000000000001."""
    return float(f"{value:.12g}")


def read_digits(match: patterns.Match) -> Numeral:
    """The value of a ``DIGITS`` match; resolution from the digits as written.

    Trailing zeros of an integer count as rounding: "4,000" has resolution
    1000, "4,012" has 1, "4.0" has 0.1; "1.2e9" has 1e8.
    """
    whole, fraction, fraction_only, exponent_text, vulgar = match.group("int", "frac", "frac_only", "exp", "vulgar")
    whole = whole.translate(_GROUP_SEPARATORS) if whole else ""
    if not (fraction or fraction_only or exponent_text or vulgar) and len(whole) <= 12:
        # a plain integer of up to 12 digits is exact as a float, and so is its place value
        stripped = whole.rstrip("0")
        return Numeral(float(whole), 10.0 ** (len(whole) - len(stripped)) if stripped else 1.0)
    fraction = fraction or fraction_only or ""
    value = float((whole or "0") + fraction)
    if fraction:
        resolution = 10.0 ** -(len(fraction) - 1)
    else:
        stripped = whole.rstrip("0")
        resolution = 10.0 ** (len(whole) - len(stripped) if stripped else 0)
    if exponent_text:
        exponent = _EXPONENT.search(exponent_text.translate(_SUPERSCRIPTS).replace("−", "-"))
        assert exponent is not None  # DIGITS's exp group writes an exponent in one of _EXPONENT's forms
        power = float(f"1e{int(exponent['e'] or exponent['p'])}")  # 1e999 is inf, not an OverflowError
        value, resolution = value * power, resolution * power
    if vulgar:
        value, resolution = value + _VULGAR[vulgar], min(resolution, 0.25)
    return Numeral(clean(value), clean(resolution))


class NumberWords:
    """Finds and reads numbers written in words, with the lexicon's number words."""

    def __init__(self, small: Mapping[str, int], tens: Mapping[str, int], scales: Mapping[str, float]) -> None:
        self.small = dict(small)
        self.tens = dict(tens)
        self.scales = {k: float(v) for k, v in scales.items()}
        words = [*self.small, *self.tens, "hundred", *self.scales, "dozen"]
        word = "|".join(patterns.longest_first(words))
        big = "|".join(["hundred", *self.scales])
        # a look-behind each, of fixed width, so that re compiles the pattern (regex takes longer)
        after_big = "(?:" + "|".join(rf"(?<=\b{b})" for b in ["hundred", *self.scales]) + ")"
        # A run of number words; "and" joins only after "hundred" or a scale ("a hundred and two"),
        # never two bare numbers ("between five and seven").
        self.pattern = patterns.compile(
            rf"(?i)\b(?:(?:half\s+an?|an?)\s+(?=(?:{big}|dozen)\b))?(?:{word})"
            rf"(?:(?:[ \t\u00a0]*-[ \t\u00a0]*|[ \t\u00a0]+|{after_big}[ \t\u00a0]+and[ \t\u00a0]+)(?:{word}))*\b")
        self._token = patterns.compile(rf"(?i)\b(?:half|an?|and|{word})\b")
        self.opening_words = first_words([*words, "half", "a", "an"])

    def find(self, text: str) -> Iterator[NumberMatch]:
        """Every number in words in ``text``, a run that is not one number split into several."""
        for run in word_index(text).finditer(self.pattern, self.opening_words):
            yield from self._split(run)

    def match(self, text: str, pos: int) -> NumberMatch | None:
        """The number in words that starts exactly at ``pos``, if any."""
        run = self.pattern.match(text, pos)
        return next(self._split(run), None) if run else None

    def _split(self, run: patterns.Match) -> Iterator[NumberMatch]:
        tokens = [(t.start(), t.end(), t.group().lower()) for t in self._token.finditer(run.group())]
        offset = run.start()
        index = 0
        while index < len(tokens):
            # No number in words runs past a few dozen tokens; the cap keeps long runs linear.
            used, numeral = self._read(tokens[index:index + MAX_NUMBER_TOKENS])
            if numeral is None:
                index += 1
                continue
            yield NumberMatch(offset + tokens[index][0], offset + tokens[index + used - 1][1], numeral, True)
            index += used

    def _read(self, tokens: list[tuple[int, int, str]]) -> tuple[int, Numeral | None]:
        """Read the longest valid number at the head of ``tokens``: (tokens used, numeral)."""
        words = [t[2] for t in tokens]
        position, half = 0, False
        if words[:1] == ["half"]:
            half, position = True, 1
        if position < len(words) and words[position] in ("a", "an"):
            following = words[position + 1] if position + 1 < len(words) else None
            if following not in self.scales and following not in ("hundred", "dozen"):
                return 1, None
            words = [*words[:position], "one", *words[position + 1:]]
        elif half:
            return 1, None
        elif position < len(words) and (words[position] in self.scales or words[position] in ("hundred", "dozen")):
            return 1, None  # "N515 billion" read without its sign: a scale word alone counts nothing
        total, current, resolution = 0.0, 0.0, 1.0
        last, largest_scale, used = None, float("inf"), position
        while position < len(words):
            word = words[position]
            if word in self.small:
                if last in ("small", "tens") and not (last == "tens" and 0 < self.small[word] < 10):
                    break
                if word == "zero" and last is not None:
                    break
                current += self.small[word]
                resolution = 1.0 if self.small[word] % 10 else 10.0
                kind = "small"
            elif word in self.tens:
                if last in ("small", "tens"):
                    break
                current += self.tens[word]
                resolution, kind = 10.0, "tens"
            elif word == "hundred":
                if last not in (None, "small", "tens") or current >= 100:
                    break
                current = (current or 1) * 100
                resolution, kind = 100.0, "hundred"
            elif word == "dozen":
                if last not in (None, "small"):
                    break
                current = (current or 1) * 12
                resolution, kind = 12.0, "dozen"
            elif word in self.scales:
                scale = self.scales[word]
                if last in ("and",) or scale >= largest_scale:
                    break
                total += (current or 1) * scale
                current, largest_scale = 0.0, scale
                resolution, kind = scale, "scale"
            elif word == "and":
                if last not in ("hundred", "scale") or position + 1 >= len(words) or not (
                        words[position + 1] in self.small or words[position + 1] in self.tens):
                    break
                kind = "and"
            else:
                break
            last = kind
            position += 1
            if kind != "and":
                used = position
        if used == 0 or last is None:
            return 1, None
        # Anything read after the last full number (a dangling "and") is not part of it.
        value = total + current
        if half:
            value, resolution = value / 2, resolution / 2
        return used, Numeral(clean(value), clean(resolution))
