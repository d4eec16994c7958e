"""The ``date-mismatch`` kind: weekdays, durations and ages that do not fit their dates.

- A weekday named for a full date must be that date's weekday.
- A duration tied to two dates (:class:`~factcheck.model.Duration`) must fit
  the time between them, read at the dates' precision: 2016 to 2024 is
  seven to nine years; 2 to 20 February (no year) is 18 days, 19 counting
  both ends.
- A weekday's date without a year takes the year of a dated date beside it
  in its sentence, else of the document's dateline (or the month its first
  paragraph reports on), when that puts it within two months of it (see
  :func:`_with_year`).
- An age beside a birth year (:class:`~factcheck.model.AgeClaim`) must be
  the reference year minus the birth year, or one less (the birthday may not
  have come yet).
"""
from __future__ import annotations

import bisect
import datetime
from dataclasses import replace
from typing import Any, Iterable, Mapping, Sequence

from factcheck import patterns
from factcheck.builtin.kinds.common import reading
from factcheck.builtin.kinds.params import reject_unknown
from factcheck.builtin.relate.reference import dateline
from factcheck.builtin.tolerance import interval, overlap
from factcheck.kinds import CheckContext
from factcheck.model import AgeClaim, Date, Document, Duration, Finding, Rule, Span

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
YEARS_PER = {"year": 1.0, "decade": 10.0, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25}


def _calendar(date: Date) -> datetime.date | None:
    if date.year is None or date.month is None or date.day is None:
        return None
    try:
        return datetime.date(date.year, date.month, date.day)
    except ValueError:
        return None


def _fits_weekday(date: Date) -> bool:
    """True for a full date written with the weekday it falls on ("Thursday 6 March 2025")."""
    day = _calendar(date)
    return day is not None and date.weekday is not None and day.strftime("%A").lower() == date.weekday.lower()


def _weekday_date(date: Date) -> bool:
    """True for a date with its day, month and a weekday the calendar knows."""
    return bool(date.weekday and date.month and date.day and date.weekday.capitalize() in WEEKDAYS)


_NEAR = 62  # days: a date without a year lies this close to the dated date beside it


# "from 1.76 million in ", "compared with 412 in ": a compared figure's time right before its date
_BASE_BEFORE = patterns.compile(r"(?i)\b(?:from|compared\s+(?:with|to)|against|than)\s+(?:about\s+|around\s+|some\s+)?"
                               r"[^\s\d]{0,2}\d(?:[^.;:]|(?<=\d)\.(?=\d)){0,25}?\b(?:in|on)\s+$")
_SAME_MONTH_REACH = 600  # characters within which a full date of the same month lends a weekday's date its year


def _between(dates: Sequence[Date], starts: Sequence[int], start: int, end: int) -> Sequence[Date]:
    """The dates (in text order, ``starts`` their offsets) that begin from ``start`` up to ``end``."""
    return dates[bisect.bisect_left(starts, start):bisect.bisect_right(starts, end)]


def _a_comparisons_base(text: str, date: Date) -> bool:
    """True for the date of a figure another is compared with ("up 8% from 1.76 million in July 2023"): another
    time than the one the sentence speaks of, so it lends no year to a weekday's date."""
    return _BASE_BEFORE.search(text, max(0, date.span.start - 50), date.span.start) is not None


def _with_year(date: Date, dates: Sequence[Date], starts: Sequence[int], sentence: Span,
               dateline: Date | None = None, bare_years: Sequence[Date] = (),
               year_starts: Sequence[int] = ()) -> Date:
    """A weekday's date without a year ("Friday, December 26"), given the year the document sets for it.

    The year is the one that puts it nearest in time to a dated date of the
    same sentence ("begin on Friday, December 26, with the series concluding
    ... Sunday, January 3, 2027" is in 2026), or to a full date of the same
    month a week away at most, written with its right weekday, a paragraph
    away, or else to the document's
    ``dateline`` (the full date of its first paragraph, the day it speaks
    from: a board meeting "on Tuesday 27 March" in a story dated 13 March
    2025), when that is within two months. Other years named in the document
    may be another time's (writers leave the year out when it is the current
    one), so they are not used, but a year of the sentence other than the
    dateline's leaves the date without one. ``dates`` are the dated dates in
    text order, ``starts`` their offsets, ``bare_years`` the years written alone
    (``year_starts`` theirs).
    """
    if date.year is not None or not date.weekday or date.month is None or date.day is None:
        return date
    # a month of a year ("between March 2017 and April 2023") bounds a period; only a day dates a day beside it
    dated = [d for d in _between(dates, starts, sentence.start, sentence.end)
             if d.year is not None and d.month is not None and d.day is not None and sentence.contains(d.span)]
    own_sentence = bool(dated)
    if not dated:
        # "the final day, Saturday 9 March" ... "The four-day match began on Thursday 6 March 2025": a full date
        # with its own right weekday, days from it, a paragraph away (not "the record set on 19 July 2022")
        near = _between(dates, starts, date.span.start - _SAME_MONTH_REACH, date.span.start + _SAME_MONTH_REACH)
        dated = [d for d in near if d.year is not None and d.month == date.month and d.day is not None
                 and abs(d.day - date.day) <= 7 and _fits_weekday(d)]
    if not dated and dateline is not None:
        dated = [dateline]
    if not dated:
        return date
    nearest = min(dated, key=lambda d: abs(d.span.start - date.span.start))
    if not own_sentence and any(y.year != nearest.year
                                for y in _between(bare_years, year_starts, sentence.start, sentence.end)):
        return date  # "The provisional date for 2025 is Saturday 13 September", a year after the dated race
    assert nearest.year is not None and nearest.month is not None
    anchor = datetime.date(nearest.year, nearest.month, nearest.day or 15)
    options = []
    for year in (nearest.year - 1, nearest.year, nearest.year + 1):
        try:
            options.append((abs((datetime.date(year, date.month, date.day) - anchor).days), year))
        except ValueError:
            continue  # 29 February of a common year
    if not options or min(options)[0] > _NEAR:
        return date
    return replace(date, value=f"{min(options)[1]:04d}{date.value[1:]}")


def _period_line(document: Document, dates: Sequence[Date]) -> Date | None:
    """The month of the first paragraph ("in the January-March 2026 quarter") as the time the document speaks
    from, when it gives no day and no date of the document falls in a later year (a lede may recall a past
    month: "first voted on the plan in March 2024")."""
    period = dateline(document, dates, to_the_day=False)
    if period is None or any(d.year is not None and period.year is not None and d.year > period.year for d in dates):
        return None
    return period


def _odd_weekday(dates: Sequence[Date]) -> tuple[Date, Date] | None:
    """The one weekday's date without a year that the others, agreeing among themselves, contradict, with the
    nearest of them: "Thursday, June 19 ... Monday, June 15 ... Friday, June 26 ... Friday, July 3".

    Each date's weekday is set against the calendar of a common and of a
    leap year; dates of one year differ from the calendar by one shift.
    Three dates at least, within four months in all, and all but one
    sharing a shift in both kinds of year; the odd one is set against the
    nearest agreeing date before it.
    """
    yearless = [d for d in dates if d.year is None and _weekday_date(d)]
    if len(yearless) < 3:
        return None
    odd_ones = set()
    for year in (2001, 2004):
        shifts = {}
        for date in yearless:
            assert date.month is not None and date.day is not None and date.weekday is not None
            try:
                day = datetime.date(year, date.month, date.day)
            except ValueError:
                return None  # 29 February
            shifts[id(date)] = (WEEKDAYS.index(date.weekday.capitalize()) - day.weekday()) % 7
        counts: dict[int, int] = {}
        for shift in shifts.values():
            counts[shift] = counts.get(shift, 0) + 1
        if len(counts) != 2 or min(counts.values()) != 1:
            return None
        lone = next(shift for shift, n in counts.items() if n == 1)
        odd_ones.add(next(id(d) for d in yearless if shifts[id(d)] == lone))
    if len(odd_ones) != 1:
        return None
    odd = next(d for d in yearless if id(d) in odd_ones)
    if max(_day_of_year(d) for d in yearless) - min(_day_of_year(d) for d in yearless) > 2 * _NEAR:
        return None  # months apart, or over a new year: which year each is in is not known
    # the finding counts the days from an agreeing date before the odd one
    before = [d for d in yearless if d is not odd and 0 < _day_of_year(odd) - _day_of_year(d) <= _NEAR]
    return (odd, max(before, key=_day_of_year)) if before else None


def _day_of_year(date: Date) -> int:
    """Where a day and month fall in a common year (29 February as the 28th), for distances between them."""
    assert date.month is not None and date.day is not None
    return datetime.date(2001, date.month, min(date.day, 28 if date.month == 2 else date.day)).timetuple().tm_yday


def _elapsed_without_years(start: Date, end: Date) -> tuple[float, float] | None:
    """ "From 2 February to 20 February": the time between two dates of one year (or the next), in years,
    counting both ends at most (see :func:`_days_without_years`)."""
    days = _days_without_years(start, end)
    return None if days is None else (min(days) / 365.25, (max(days) + 1) / 365.25)


def _days_without_years(start: Date, end: Date) -> set[int] | None:
    """ "From 2 February to 20 February": the days between two dates of one year (or the next), leap or not.

    A year given for one end holds for both ("from Friday 24 July 2026 to
    Friday 31 July"), the end in the next year when its day comes earlier.
    """
    if not (start.month and start.day and end.month and end.day):
        return None
    wraps = (start.month, start.day) > (end.month, end.day)
    if end.year:
        years: tuple[int, ...] = (end.year,)
    elif start.year:
        years = (start.year + 1 if wraps else start.year,)
    else:
        years = (2001, 2004)
    spans = set()
    for year in years:
        before = year - 1 if wraps else year
        try:
            spans.add((datetime.date(year, end.month, end.day) - datetime.date(before, start.month, start.day)).days)
        except ValueError:
            return None
    return spans


def _elapsed_years(start: Date, end: Date) -> tuple[float, float] | None:
    """The shortest and longest time between two dates, in years, at their precision."""
    if start.year is None or end.year is None:
        return _elapsed_without_years(start, end)
    first, last = _calendar(start), _calendar(end)
    if first and last:
        days = (last - first).days
        return days / 365.25, days / 365.25 + 1 / 365.25
    if start.month and end.month:
        months = (end.year - start.year) * 12 + end.month - start.month
        return (months - 1) / 12, (months + 1) / 12
    years = end.year - start.year
    return max(years - 1, 0), years + 1


class DateMismatch:
    """Flags weekdays, durations and ages that their dates contradict."""

    fields = frozenset({"stated", "expected", "comparison"})

    def parse_params(self, params: Mapping[str, Any]) -> None:
        """This kind takes no parameters."""
        reject_unknown(params, set())

    def check(self, context: CheckContext, rule: Rule) -> Iterable[Finding]:
        """Weekdays first, then durations, then ages."""
        document = context.document
        own_times = [d for d in context.dates if not _a_comparisons_base(document.text, d)]
        dated = sorted((d for d in own_times if d.year is not None and d.month is not None), key=lambda d: d.span.start)
        starts = [d.span.start for d in dated]
        first = dateline(document, own_times) or _period_line(document, own_times)
        bare_years = sorted((d for d in context.dates if d.year is not None and d.month is None),
                            key=lambda d: d.span.start)
        year_starts = [d.span.start for d in bare_years]
        resolved_dates = [_with_year(date, dated, starts, document.sentence_at(date.span.start), first, bare_years,
                                     year_starts) for date in context.dates]
        odd = _odd_weekday(resolved_dates)
        previous: Date | None = None  # the last weekday's date before this one
        for resolved in resolved_dates:
            finding = self._weekday(rule, resolved)
            misdated = finding is not None  # its weekday does not fit its own year
            if finding is None and odd is not None and resolved is odd[0]:
                finding = self._weekdays_apart(rule, odd[1], resolved)
            elif finding is None and resolved.year is None and previous is not None and _weekday_date(resolved) \
                    and (odd is None or previous is not odd[0]):
                finding = self._weekdays_apart(rule, previous, resolved)  # no year: the days since the last
            if finding:
                yield finding
            if _weekday_date(resolved) and not misdated:
                previous = resolved  # a date whose weekday does not fit its own year is no yardstick for the next
        for duration in context.claims_of(Duration):
            finding = self._duration(rule, duration)
            if finding:
                yield finding
        for age in context.claims_of(AgeClaim):
            finding = self._age(rule, age)
            if finding:
                yield finding

    @staticmethod
    def _weekdays_apart(rule: Rule, earlier: Date, later: Date) -> Finding | None:
        """A weekday's date with no year against the weekday's date before it: the days between them must
        fit the weekdays between them.

        "Sunday 12 January 2025 ... Thursday 24 January": twelve days after a
        Sunday is a Friday, whatever the year. Only dates within two months
        of each other are compared, in a common and a leap year alike.
        """
        gaps = _days_without_years(earlier, later)
        if gaps is None or max(gaps) > _NEAR:
            return None
        assert earlier.weekday is not None and later.weekday is not None
        first = WEEKDAYS.index(earlier.weekday.capitalize())
        if any(WEEKDAYS[(first + gap) % 7] == later.weekday.capitalize() for gap in gaps):
            return None
        gap = min(gaps)
        actual = WEEKDAYS[(first + gap) % 7]
        return rule.finding(later.span, (earlier.span,), stated=later.text, expected=actual,
                            comparison=f"{gap} days after {earlier.text} is a {actual}, "
                                       f"not a {later.weekday.capitalize()}")

    @staticmethod
    def _weekday(rule: Rule, date: Date) -> Finding | None:
        day = _calendar(date)
        if day is None or not date.weekday or date.weekday.capitalize() not in WEEKDAYS:
            return None
        actual = WEEKDAYS[day.weekday()]
        if actual == date.weekday.capitalize():
            return None
        written = f"{day:%B} {day.day}, {day.year}"
        return rule.finding(date.span, stated=date.text, expected=actual,
                            comparison=f"{written} is a {actual}, not a {date.weekday.capitalize()}")

    @staticmethod
    def _duration(rule: Rule, claim: Duration) -> Finding | None:
        elapsed = _elapsed_years(claim.start, claim.end)
        per = YEARS_PER.get(claim.length.unit)
        if elapsed is None or per is None:
            return None
        # A length is read to its last written unit at most: "ten-year" is 9.5–10.5, not 5–15,
        # and "three and a half years" 3.25–3.75.
        length = claim.length
        low, high = interval(replace(length, resolution=min(length.resolution or 1.0, 1.0)))
        stated = (low * per, high * per)
        if overlap(stated, elapsed):
            return None
        unit = claim.length.unit if claim.length.unit in ("day", "week", "month") else "year"
        in_unit = (elapsed[0] / YEARS_PER[unit], elapsed[1] / YEARS_PER[unit])  # "18–19 days", not "0.05 years"
        if unit != "year":
            in_unit = (round(in_unit[0], 1), round(in_unit[1], 1))
        expected = reading(in_unit, unit).replace(f" {unit}", f" {unit}s")
        # "3-9 June" is one written span: named once
        dates = claim.start.text if claim.start.span == claim.end.span else f"{claim.start.text} to {claim.end.text}"
        related = tuple(dict.fromkeys((claim.start.span, claim.end.span)))
        return rule.finding(claim.length.span, related, stated=claim.length.text, expected=expected,
                            comparison=f"{dates} is {expected}, not {claim.length.text}")

    @staticmethod
    def _age(rule: Rule, claim: AgeClaim) -> Finding | None:
        if claim.reference_year is None or claim.born.year is None or claim.age.value is None:
            return None
        oldest = claim.reference_year - claim.born.year
        allowed = (oldest - 1, oldest)
        low, high = interval(claim.age)
        if overlap((low, high), (allowed[0] - 0.5, allowed[1] + 0.5)):
            return None
        expected = f"{allowed[0]} or {allowed[1]}"
        return rule.finding(claim.age.span, (claim.born.span,), stated=claim.age.text, expected=expected,
                            comparison=f"born in {claim.born.year} makes {expected} in {claim.reference_year}, "
                                       f"not {claim.age.text}")
