"""Dates and years used as dates: "Sunday, April 25, 2026", "the first of May", "in 2019".

Dates are mentions of their own, never quantities; the quantity reader skips
every span found here.
"""
from __future__ import annotations

from typing import Iterator

from factcheck import patterns
from factcheck.builtin.extract.lexicon import Lexicon
from factcheck.builtin.extract.spans import SpanSet
from factcheck.builtin.wordindex import WordIndex, first_words, matches_at, word_index
from factcheck.model import Date, Span

_LOWER_WORD = patterns.compile(r"\s+(?P<word>[\p{Ll}][\p{Ll}-]*)")
# Words after which a year stays a year even before a plural noun: "in 2024 elections", "their 2024 results".
_YEAR_PREPOSITION = patterns.compile(
    r"(?r)(?i)\b(?:in|since|by|of|the|from|until|to|and|their|its|his|her|our|your|this|last|next|on|for)\s+")
YEAR = r"(?:1[5-9]\d\d|20\d\d|2100)"
_DECADE_END = patterns.compile(r"\d0['’]?s\b")  # every decade ends so: "1990s", "'80s", "the 60's"
_DECADE_REACH = 24  # how far before that a decade may begin: "the early 1990s"


def _patterns(lexicon: Lexicon) -> dict[str, patterns.LazyPattern]:
    short = lexicon.month_abbreviations
    full = [m for m in lexicon.months if m not in short]
    # A full stop belongs to an abbreviated month ("Feb."), never to "May." at the end of a sentence.
    months = "|".join([*patterns.longest_first(full),
                       *(rf"{m}\.?" for m in patterns.longest_first(short))])
    weekdays = "|".join(lexicon.weekdays)
    ordinals = "|".join(patterns.longest_first(lexicon.ordinal_words))
    weekday = rf"(?:(?P<weekday>{weekdays})(?:\s+(?:and|or|to|-|–)\s+(?P<weekday2>{weekdays}))?,?\s+(?:the\s+)?)?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    day2 = r"(?:\s*[-–]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"
    month = rf"(?P<month>{months})"
    year = rf"(?:,?\s+(?P<year>{YEAR})(?!\d|,\d))?"
    return {
        # Each pattern opens with a lookahead on its first character so the scan skips ahead fast.
        "month_day": patterns.compile(rf"(?=[JFMASONDTW])\b{weekday}{month}\s+{day}{day2}(?![\d:])(?!\s*(?:%|per\b)){year}"),
        "day_month": patterns.compile(rf"(?=[\dMTWFS])\b{weekday}{day}{day2}\s+(?:of\s+)?{month}{year}"),
        "ordinal_of_month": patterns.compile(
            rf"(?=[fstenmwFSTENMW])(?i:\b{weekday}(?P<ordinal>{ordinals})\s+of\s+){month}{year}"),
        # "from 3 to 9 November", "between 3 and 6 March": the first day takes the month of the second
        "day_to_day_month": patterns.compile(
            rf"(?=\d)(?<![\w.,/-])(?P<first>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:to|until|till|through|and)\s+"
            rf"(?P<rest>{day}\s+(?:of\s+)?{month}{year})"),
        "month_year": patterns.compile(rf"(?=[JFMASONDeml])\b(?:(?:early|mid|late)-?\s*)?{month},?\s+(?P<year>{YEAR})(?!\d|,\d)"),
        "iso": patterns.compile(rf"(?=\d)(?<![\w.-])(?P<year>{YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\w-])"),
        "numeric": patterns.compile(
            rf"(?=\d)(?<![\w./-])(?P<first>[0-3]?\d)(?P<sep>[/.])(?P<second>[01]?\d)(?P=sep)(?P<year>{YEAR}|\d\d)(?![\w./-]|,\d)"),
        "year_range": patterns.compile(
            rf"(?=\d)(?<![\w$£€¥.,/-])(?P<year>{YEAR})[-–/](?P<end>\d\d(?:\d\d)?)(?![\d%]|,\d|\s*(?:per\b|%))"),
        "decade": patterns.compile(r"\b(?:the\s+)?(?:mid-|early\s+|late\s+)?'?(?:1[5-9]|20)?\d0['’]?s\b"),
        "year": patterns.compile(rf"(?=\d)(?<![\w$£€¥.,\-–/])(?P<year>{YEAR})(?!\d|,\d{{3}}|\.\d|\s*%|\s*(?:-|–)?\s*(?:per\b))"),
    }


def _numeric_date(match: patterns.Match) -> str | None:
    """"23/04/2026" (day first) or "4/23/2026" (month first) when the numbers say which; else None."""
    first, second = int(match["first"]), int(match["second"])
    year = match["year"] if len(match["year"]) == 4 else f"20{match['year']}"
    if first > 12 and 1 <= second <= 12:
        return _iso(year, second, first)
    if second > 12 and 1 <= first <= 12 and second <= 31:
        return _iso(year, first, second)
    if first == second and 1 <= first <= 12:
        return _iso(year, first, first)
    return None


def _range_end(year: str, end: str) -> str | None:
    """The last year of "2019-20", "1914-18" or "2014-2024"; None when it does not follow the first."""
    last = end if len(end) == 4 else year[:2] + end
    return last if int(last) > int(year) else None


def _iso(year: str | None, month: int, day: int | None) -> str:
    if year is None:
        return f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
    return f"{year}-{month:02d}-{day:02d}" if day else f"{year}-{month:02d}"


class DateReader:
    """Finds dates in text; built once per lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.patterns = _patterns(lexicon)
        # the words each pattern's matches begin with, so that only their places are tried
        weekdays, months = first_words(lexicon.weekdays), first_words(lexicon.months)
        self._openers = {
            "month_day": weekdays | months,
            "day_month": weekdays,  # or a numeral
            "ordinal_of_month": weekdays | first_words(lexicon.ordinal_words),
            "month_year": months | {"early", "mid", "late"},
        }

    def _finditer(self, name: str, index: WordIndex) -> Iterator[patterns.Match]:
        """The matches of one date pattern, tried only where a match can begin."""
        pattern = self.patterns[name]
        if name in ("iso", "numeric", "year_range", "year", "day_to_day_month"):
            return matches_at(index.text, pattern, index.numeral_starts())
        if name == "day_month":
            starts = sorted([*index.numeral_starts(), *index.starts(self._openers[name])])
            return matches_at(index.text, pattern, starts)
        if name == "decade":
            return self._decades(index.text)
        return index.finditer(pattern, self._openers[name])

    def _decades(self, text: str) -> Iterator[patterns.Match]:
        """Decades ("the 1990s", "mid-'80s"): found from their "0s", then read from a little before it."""
        resume = 0
        for anchor in _DECADE_END.finditer(text):
            match = self.patterns["decade"].search(text, max(resume, anchor.start() - _DECADE_REACH), anchor.end() + 2)
            if match is not None and match.end() > resume:
                yield match
                resume = match.end()

    def _month(self, name: str) -> int:
        return self.lexicon.months[name.rstrip(".")]

    def find(self, text: str, claimed: list[Span]) -> tuple[list[Date], list[Span]]:
        """The dates in ``text`` and the spans that quantities must skip (decades like "1990s" too)."""
        dates: list[Date] = []
        taken = SpanSet(claimed)
        skipped: list[Span] = []

        def free(match: patterns.Match) -> bool:
            return not taken.overlaps(match.start(), match.end())

        def claim(match: patterns.Match) -> None:
            taken.add(match.start(), match.end())
            skipped.append(Span(match.start(), match.end()))

        def add(match: patterns.Match, value: str, weekday: str | None) -> None:
            dates.append(Date(Span(match.start(), match.end()), match.group(), value, weekday))
            claim(match)

        def add_at(start: int, end: int, value: str) -> None:
            """A date of part of a match: either day of "from 3 to 9 November"."""
            dates.append(Date(Span(start, end), text[start:end], value, None))

        index = word_index(text)
        for match in self._finditer("iso", index):
            if free(match) and 1 <= int(match["month"]) <= 12 and 1 <= int(match["day"]) <= 31:
                add(match, match.group(), None)
        for match in self._finditer("numeric", index):
            if free(match):
                value = _numeric_date(match)
                if value:
                    add(match, value, None)
                else:
                    claim(match)  # "3/4/2026" is a date, but which one the text does not say
        for match in self._finditer("day_to_day_month", index):
            month, first, day = self._month(match["month"]), int(match["first"]), int(match["day"])
            if free(match) and 1 <= first < day <= 31:
                add_at(match.start(), match.end("first"), _iso(match["year"], month, first))
                add_at(match.start("rest"), match.end(), _iso(match["year"], month, day))
                claim(match)
        for name in ("month_day", "day_month", "ordinal_of_month"):
            for match in self._finditer(name, index):
                if not free(match):
                    continue
                month = self._month(match["month"])
                if name == "ordinal_of_month":
                    day = self.lexicon.ordinal_words[match["ordinal"].lower()]
                else:
                    day = int(match["day"])
                if not 1 <= day <= 31:
                    continue
                add(match, _iso(match["year"], month, day), match["weekday"])
                groups = match.groupdict()
                if groups.get("day2") and day < int(match["day2"]) <= 31:
                    # "3-9 June", "Monday-Friday, March 2-6": the last day of the span too
                    dates.append(Date(Span(match.start(), match.end()), match.group(),
                                      _iso(match["year"], month, int(match["day2"])), groups.get("weekday2")))
        for match in self._finditer("month_year", index):
            if free(match):
                add(match, _iso(match["year"], self._month(match["month"]), None), None)
        for match in self._finditer("year_range", index):
            last = _range_end(match["year"], match["end"])
            if free(match) and last:
                add(match, match["year"], None)
                dates.append(Date(Span(match.start(), match.end()), match.group(), last, None))
        for match in self._finditer("decade", index):
            if free(match):
                claim(match)
        for match in self._finditer("year", index):
            if free(match) and self._reads_as_year(text, match):
                add(match, match["year"], None)
        dates.sort(key=lambda d: d.span.start)
        return dates, skipped

    def _reads_as_year(self, text: str, match: patterns.Match) -> bool:
        """A bare four-digit number is a year unless a unit or a counted noun follows it."""
        after = text[match.end():match.end() + 40]
        unit = self.lexicon.unit_pattern.match(after.lstrip()) if after[:1] in (" ", "") else None
        if unit:
            # "born in 1972 in El Paso": after a year's preposition, "in" is the next phrase, not inches
            before = text[max(0, match.start() - 12):match.start()]
            return unit.group().strip().lower() == "in" and bool(_YEAR_PREPOSITION.match(before))
        word = _LOWER_WORD.match(after)
        if word:
            noun = word["word"]
            # "2000 people", "1500 troops": a plural noun right after makes it a count.
            if noun in self.lexicon.year_nouns:
                return True  # "compared with 1990 levels": the year of the levels
            if noun in self.lexicon.irregular_plurals or (
                    noun.endswith("s") and not noun.endswith("ss") and noun not in self.lexicon.stop_words):
                before = text[max(0, match.start() - 12):match.start()]
                if not _YEAR_PREPOSITION.match(before):
                    return False
        return True
