"""Dates and years used as dates: "Sunday, April 25, 2026", "the first of May", "in 2019".

Dates are mentions of their own, never quantities; the quantity reader skips
every span found here.
"""
from __future__ import annotations

import regex

from factcheck.builtin.extract.lexicon import Lexicon
from factcheck.model import Date, Span

YEAR = r"(?:1[5-9]\d\d|20\d\d|2100)"


def _patterns(lexicon: Lexicon) -> dict[str, regex.Pattern]:
    months = "|".join(sorted((regex.escape(m) for m in lexicon.months), key=len, reverse=True))
    weekdays = "|".join(lexicon.weekdays)
    ordinals = "|".join(sorted(lexicon.ordinal_words, key=len, reverse=True))
    weekday = rf"(?:(?P<weekday>{weekdays})(?:\s+(?:and|or|to|-|–)\s+(?P<weekday2>{weekdays}))?,?\s+(?:the\s+)?)?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    day2 = r"(?:\s*[-–]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"
    month = rf"(?P<month>{months})\.?"
    year = rf"(?:,?\s+(?P<year>{YEAR})(?!\d|,\d))?"
    return {
        "month_day": regex.compile(rf"\b{weekday}{month}\s+{day}{day2}(?![\d:])(?!\s*(?:%|per\b)){year}"),
        "day_month": regex.compile(rf"\b{weekday}{day}{day2}\s+(?:of\s+)?{month}{year}"),
        "ordinal_of_month": regex.compile(
            rf"(?i:\b{weekday}(?P<ordinal>{ordinals})\s+of\s+){month}{year}"),
        "month_year": regex.compile(rf"\b(?:(?:early|mid|late)-?\s*)?{month},?\s+(?P<year>{YEAR})(?![\d,])"),
        "decade": regex.compile(r"\b(?:the\s+)?(?:mid-|early\s+|late\s+)?'?(?:1[5-9]|20)?\d0['’]?s\b"),
        "year": regex.compile(rf"(?<![\w$£€¥.,\-–/])(?P<year>{YEAR})(?!\d|,\d{{3}}|\.\d|\s*%|\s*(?:-|–)?\s*(?:per\b))"),
    }


def _iso(year: str | None, month: int, day: int | None) -> str:
    if year is None:
        return f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
    return f"{year}-{month:02d}-{day:02d}" if day else f"{year}-{month:02d}"


class DateReader:
    """Finds dates in text; built once per lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.patterns = _patterns(lexicon)

    def _month(self, name: str) -> int:
        return self.lexicon.months[name.rstrip(".")]

    def find(self, text: str, claimed: list[Span]) -> tuple[list[Date], list[Span]]:
        """The dates in ``text`` and the spans that quantities must skip (decades like "1990s" too)."""
        dates: list[Date] = []
        taken: list[Span] = list(claimed)

        def free(start: int, end: int) -> bool:
            span = Span(start, end)
            return not any(span.overlaps(other) for other in taken)

        def add(match: regex.Match, value: str, weekday: str | None) -> None:
            span = Span(match.start(), match.end())
            dates.append(Date(span, match.group(), value, weekday))
            taken.append(span)

        for name in ("month_day", "day_month", "ordinal_of_month"):
            for match in self.patterns[name].finditer(text):
                if not free(match.start(), match.end()):
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
                if groups.get("day2") and groups.get("weekday2"):
                    day2 = int(match["day2"])
                    dates.append(Date(Span(match.start(), match.end()), match.group(),
                                      _iso(match["year"], month, day2), match["weekday2"]))
        for match in self.patterns["month_year"].finditer(text):
            if free(match.start(), match.end()):
                add(match, _iso(match["year"], self._month(match["month"]), None), None)
        for match in self.patterns["decade"].finditer(text):
            if free(match.start(), match.end()):
                taken.append(Span(match.start(), match.end()))
        for match in self.patterns["year"].finditer(text):
            if free(match.start(), match.end()) and self._reads_as_year(text, match):
                add(match, match["year"], None)
        dates.sort(key=lambda d: d.span.start)
        return dates, taken[len(claimed):]

    def _reads_as_year(self, text: str, match: regex.Match) -> bool:
        """A bare four-digit number is a year unless a unit or a counted noun follows it."""
        after = text[match.end():match.end() + 40]
        unit = self.lexicon.unit_pattern.match(after.lstrip()) if after[:1] in (" ", "") else None
        if unit:
            return False
        word = regex.match(r"\s+(?P<word>[\p{Ll}][\p{Ll}-]*)", after)
        if word:
            noun = word["word"]
            # "2000 people", "1500 troops": a plural noun right after makes it a count.
            if noun in self.lexicon.irregular_plurals or (
                    noun.endswith("s") and not noun.endswith("ss") and noun not in self.lexicon.stop_words):
                before = text[max(0, match.start() - 12):match.start()]
                if not regex.search(r"(?i)\b(?:in|since|by|of|the|from|until|to|and)\s+$", before):
                    return False
        return True
