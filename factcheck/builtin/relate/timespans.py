"""Stretches of time against the dates they span.

A duration is tied to two dates (or days of a month) of its sentence when
the words say they bound it: "from 2009 to 2019", "between 2014 and 2024", "2014-2024",
"launched in 2016 and wound up in 2024", or "in 1887 ... in 1998, 111 years
later", or a wait after both ("referred on 12 June 2023 and operated on
3 September 2025, after an 18-month wait"). A count of nights or evenings is a length in days ("closed for 10
nights, from Monday, March 2, to Friday, March 6"). A length that sizes a thing as an adjective ("a six-week exercise")
takes the dates of a nearby sentence that names that thing ("The
exercise will run from 2 March to 27 March"). A length that offsets something else ("a decade earlier than
planned", "two years ago", "six months late"), or a statistic of many
("followed for a median of 11.4 years"), is no stretch between them;
"came ten weeks earlier" at the end of a clause with one full date is the
stretch back to the full date named in a sentence before.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import replace
from typing import Sequence, TypeVar


from factcheck import patterns
from factcheck.builtin.relate.lexicon import RelateLexicon, load_lexicon
from factcheck.builtin.relate.reference import dateline
from factcheck.builtin.relate.text import STOP_WORDS, WORD, Sentences, lemma
from factcheck.model import Date, Document, Duration, Quantity, Span

TIME_UNITS = frozenset({"year", "month", "week", "day", "decade"})
_FINE_UNITS = frozenset({"week", "day"})  # lengths finer than two bare years can bound
_COARSE_UNITS = frozenset({"year", "decade"})  # lengths a month, not a day, is date enough for
_COUNT_OF_DAYS = patterns.compile(r"(?i)\s+of\s+(?:[\p{L}-]+\s+)?[\p{L}]+s\b")  # "15 days of strikes", "days of heavy rain"
# "2014 to 2024", "Monday, March 2, to Friday, March 6" (a comma closes a date written the American way).
_BETWEEN = patterns.compile(r"(?i)^\s*,?\s*(?:-|–|—|to|until|till|through|and)\s*$")
# "and its opening in", "to the final whistle on": the end of a stretch named by a few words before its date
_NAMED_END = patterns.compile(r"(?i)\s*,?\s*(?:and|to|until)\s+(?:[\p{L}'’-]+\s+){1,3}(?:in|on)\s+$")
_FROM_BEFORE = patterns.compile(r"(?i)\b(?:from|between)\s+(?:the\s+)?(?:start\s+of\s+|end\s+of\s+)?$")
_RIGHT_AFTER = patterns.compile(r"(?i)[\s,]*from\s+(?:the\s+)?")  # "10 nights, from Monday, March 2, ..."
_EARLIER_AT_END = patterns.compile(r"(?i)\s*earlier\b(?=\s*(?:[,.;:!?)]|$))")  # "came ten weeks earlier, when ..."
_LATER = patterns.compile(r"(?i)\s*(?:later|afterwards|after\s+that|on)\b")
_OFFSET = patterns.compile(r"(?i)\s*(?:earlier|sooner|ago|before|after|longer|shorter|ahead|behind|late|early|later\s+than)\b")
_STATISTIC = patterns.compile(r"(?i)\b(?:median|mean|average|typical)\s+(?:of\s+|length\s+of\s+)?$")
# "six-week", "10-day": a length written as an adjective of the noun after it.
_ADJECTIVE = patterns.compile(r"(?i)-(?:year|month|week|day|decade)$")
# "the two years", "these six months": a length of a stretch named before.
_DEFINITE_LENGTH = patterns.compile(r"(?i)\b(?:the|these|those|this|that)\s+$")
_RIGHT_BOUNDED = patterns.compile(r"(?i)\s*,?\s*(?:between|from|to|until|since)\s+(?:the\s+)?")
_BACKWARDS_GAP = 140  # characters between an end and the start named after it
_DEFINITE_REACH = 8  # sentences after the dates in which "the five-week trial" may still refer back to them
_NAMED_REACH = 3  # sentences before the dates in which a length may size the thing they bound
_NEAR = 30  # characters between a length and a span of days written as one ("ten days, 3-9 June")
_END_AFTER = patterns.compile(r",\s+")
_CLAUSE_MARK = patterns.compile(r"[,;:]")  # a clause after the second date: ", completing ..."
_END_REACH = 25  # characters after that comma in which its word of ending may stand
# "... that began on": the word that starts a stretch, right before its date
_START_RIGHT_BEFORE = patterns.compile(r"(?i)\b(?:began|begun|started|opened|launched|set\s+out|set\s+off)\s+"
                                       r"(?:on\s+|in\s+)?(?:the\s+)?$")
# "six weeks after it was shut", "a month after the closure", "ten days after the ward closed": an event
# that starts the stretch, named right after the length
_LENGTH_AFTER_EVENT = patterns.compile(r"(?i)\s+after\s+(?:(?:it|they|he|she|the\s+[\p{L}-]+)\s+(?:was\s+|were\s+|had\s+"
                                r"been\s+|had\s+)?|the\s+|(?-i:\p{Ll}+)\s+(?:had\s+)?(?=(?:began|begun|started|\p{L}+ed)\b))"
                                r"(?P<event>[\p{L}]+)\b")  # "... after construction started": a bare noun, then its verb
# "closed on Monday 3 February 2025": the event right before its date
_EVENT_BEFORE = patterns.compile(r"(?i)\b(?P<event>[\p{L}]+)\s+(?:on|in)\s+(?:the\s+)?$")
_LATER_ON = patterns.compile(r"(?i)\s+later\s*,?\s+(?:on|in)\s+(?:the\s+)?")  # "three weeks later, on February 28"
# "arrives on Friday, May 23, spending 15 nights": nights the stretch that just ended holds
_SPENDING = patterns.compile(r"(?i)\s*,\s*(?:spending|taking|with)\s+(?:about\s+|some\s+)?")
# "months he has spent on remand since his arrest on": a stretch still running, from a date to now
_SINCE_PERFECT = patterns.compile(r"(?i)\s+(?:(?:he|she|they|it|we|i|you)\s+)?(?:has|have)\s+(?:spent|served|been|waited|"
                                  r"lived|worked|stayed)\b[^.;:\d]{0,50}?\bsince\s+(?:[\p{L}'’]+\s+){0,3}(?:on|in)\s+(?:the\s+)?")
# "three and a half years after construction began in": an event that started the stretch, then its date
_AFTER_STARTED = patterns.compile(r"(?i)\s+after\s+(?:[\p{L}'’-]+\s+){1,4}(?:began|started|opened|launched|was\s+"
                                  r"(?:founded|launched|opened|announced)|were\s+launched)\s+(?:on|in)\s+(?:the\s+)?")
# ", after federal mediators brokered a four-year agreement": a clause of another event, with words of its own
# before the length (not ", after an 18-month wait")
_OTHER_EVENT = patterns.compile(r"(?i),\s*(?:after|when|as|because|while|although|though|whereas)\s+"
                                r"(?:[\p{L}'’-]+\s+){3,}$")
_WAIT = patterns.compile(r"(?i)\s+(?:wait|delay)\b")  # "after an 18-month wait": the length of a wait
_START_REACH = 60  # characters before a stretch's first date in which its word of starting may stand
_EVENT_REACH = 5  # sentences either side in which the event's own date may be given
# "found guilty on Friday 1 November, following a trial that began on Monday 9 September": what the first date
# ends, started on the second
_FOLLOWING_START = patterns.compile(r"(?i)\s*,?\s*(?:following|after)\s+(?:an?|the|its|his|her|their)\s+"
                                    r"(?:[\p{L}-]+\s+){1,3}(?:that|which)\s+(?:had\s+)?(?:began|begun|started|opened)\s+"
                                    r"(?:on\s+|in\s+)?(?:the\s+)?")
_WORKING = patterns.compile(r"(?i)\b(?:working|business|school)\s+days?\b")  # weekends left out: no calendar span
AGE_TEXT = patterns.compile(r"(?i)-year-old$|\byears?\s+old$")


def is_duration(quantity: Quantity) -> bool:
    """A plain length of time ("five-year", "18 months"), not an age, a rate or a count of working days."""
    return (quantity.unit in TIME_UNITS and not quantity.age and quantity.value is not None
            and not AGE_TEXT.search(quantity.text) and not _WORKING.search(quantity.text))


def _counts_days(quantity: Quantity, lexicon: RelateLexicon) -> bool:
    """True for a count whose noun counts days ("10 nights", "three evenings")."""
    if not quantity.noun:
        return False
    return lemma(quantity.noun.split()[-1]) in lexicon.day_nouns


def in_days(quantity: Quantity, lexicon: RelateLexicon) -> Quantity | None:
    """A count of nights or evenings ("10 nights") as a length of days, else None."""
    if quantity.unit or quantity.value is None or quantity.vague or not _counts_days(quantity, lexicon):
        return None
    return replace(quantity, unit="day")


MentionT = TypeVar("MentionT", Quantity, Date)


def by_sentence(sentences: Sentences, mentions: Sequence[MentionT]) -> dict[int, list[MentionT]]:
    """The mentions grouped by the index of the sentence each starts in, in their order."""
    grouped: dict[int, list[MentionT]] = {}
    for mention in mentions:
        grouped.setdefault(sentences.index(mention.span.start), []).append(mention)
    return grouped


def _bounded(text: str, first: Date, second: Date, lexicon: RelateLexicon) -> bool:
    """True when the words say the two dates start and end one stretch of time, in this order."""
    if first.span == second.span and first.day is not None:
        return True  # "3-9 June": one written span of days
    gap = text[first.span.end:second.span.start]
    if _NAMED_END.match(gap) and _FROM_BEFORE.search(text, max(0, first.span.start - 30), first.span.start):
        return True  # "between April 2022 and its opening in September 2023"
    if _BETWEEN.match(gap) and (gap.strip() in ("-", "–", "—") or _FROM_BEFORE.search(
            text, max(0, first.span.start - 30), first.span.start)):
        return True
    if not _opens_stretch(text, first, gap, lexicon):
        return False
    # "began on 14 March 2023 and the final connection was made on 2 August 2024, completing ...":
    # the word that ends the stretch may follow the second date, in its clause
    return bool(lexicon.span_end.search(gap) or _END_AFTER.match(text, second.span.end) and
                lexicon.span_end.search(text, second.span.end, second.span.end + _END_REACH))


def _bounded_pairs(text: str, dates: Sequence[Date], lexicon: RelateLexicon) -> list[tuple[Date, Date]]:
    """The (start, end) pairs of neighbouring dates that bound a stretch: named in order, or else the end first."""
    neighbours = list(zip(dates, dates[1:]))
    return [(a, b) for a, b in neighbours if _bounded(text, a, b, lexicon)] or [
        (b, a) for a, b in neighbours if _bounded_backwards(text, a, b, lexicon)]


def _near(first: Span, second: Span) -> bool:
    """True when two spans stand within a few words of each other."""
    return max(first.start, second.start) - min(first.end, second.end) <= _NEAR


def _bounded_backwards(text: str, first: Date, second: Date, lexicon: RelateLexicon) -> bool:
    """True when the first date ends a stretch the second starts: "returned to work on Monday, 1 September,
    ending a three-week strike that began on 4 August", "convicted on 1 November, following a trial that
    began on 9 September"."""
    gap = text[first.span.end:second.span.start]
    if _FOLLOWING_START.fullmatch(gap):
        return True  # "found guilty on 1 November, following a trial that began on 9 September"
    lead = text[max(0, first.span.start - 40):first.span.start]
    # the start's own verb right before its date ties the two across a longer gap than a forward pair has
    return len(gap) < _BACKWARDS_GAP and bool(lexicon.span_end.search(lead)) and \
        _START_RIGHT_BEFORE.search(gap) is not None


def find_durations(document: Document, quantities: Sequence[Quantity], dates: Sequence[Date]) -> list[Duration]:
    """Durations with the two dates that bound them, one per sentence at most."""
    lexicon = load_lexicon()
    text = document.text
    sentences = Sentences.of(document)
    lengths = by_sentence(sentences, [d for q in quantities if (d := q if is_duration(q) else in_days(q, lexicon))])
    # a day of a month bounds a stretch of days without a year ("began on 2 February and ended on 20 February")
    stamps = by_sentence(sentences, [d for d in dates if d.year is not None or d.day is not None])
    found = []
    for index, members in lengths.items():
        years = stamps.get(index, [])
        if len(years) < 2:
            continue
        if len(members) > 1:
            members = _naming_the_stretch(text, members, years, lexicon)
        if len(members) != 1:
            continue
        length = members[0]
        before = [d for d in years if d.span.end <= length.span.start]
        after = [d for d in years if d.span.start >= length.span.end]
        if len(before) == 1 and after and _AFTER_STARTED.fullmatch(text, length.span.end, after[0].span.start):
            # "opened on Saturday 6 September 2025, three and a half years after construction began in March
            # 2021": from the date after "after" to the one date before the length (of two, which one the
            # length ends on is unclear: "will open in August 2027, the minister said on 17 October 2025, a
            # decade after construction began in 2017")
            start, end = after[0], before[-1]
            found.append(Duration(span=Span(end.span.start, start.span.end), length=length, start=start, end=end))
            continue
        if _OFFSET.match(text, length.span.end):
            continue  # "a decade earlier than planned", "two years ago": an offset, not the stretch between the dates
        if _STATISTIC.search(text, max(0, length.span.start - 25), length.span.start):
            continue  # "recruited between 2009 and 2012 and followed for a median of 11.4 years": each one's length
        if before and after == [] and _OTHER_EVENT.search(text, before[-1].span.end, length.span.start):
            continue  # "returned on Friday, October 20, after federal mediators brokered a four-year agreement"
        later = _LATER.match(text, length.span.end)
        if later:
            pairs = [(a, b) for a, b in zip(years, years[1:]) if b.span.end <= length.span.start][-1:]
        else:
            pairs = _bounded_pairs(text, years, lexicon)
        if _counts_days(length, lexicon):
            # nights are counted within a window as often as over it ("three nights between 1 November
            # and 20 December"): only the stretch right after them is theirs ("10 nights, from ... to ...")
            pairs = [(a, b) for a, b in pairs if _RIGHT_AFTER.fullmatch(text, length.span.end, a.span.start)
                     or _SPENDING.fullmatch(text, b.span.end, length.span.start)]
        # a written span of days ("3-9 June") is the length's only when they stand together: "for ten
        # days, 3-9 June"; not "the 10-year Treasury note ... meet on Sept. 16-17"
        pairs = [(a, b) for a, b in pairs if a.span != b.span or _near(length.span, a.span)]
        if not pairs and _WAIT.match(text, length.span.end):
            # "referred on 12 June 2023 and operated on 3 September 2025, after an 18-month wait": a wait runs
            # between the sentence's two dates before it
            before = [d for d in years if d.span.end <= length.span.start]
            pairs = [(before[0], before[1])] if len(before) == 2 else []
        if not _ADJECTIVE.search(length.text) and _DEFINITE_LENGTH.search(
                text, max(0, length.span.start - 20), length.span.start):
            # "the two years wiped out as much ice as was lost between 1960 and 1990": years named before,
            # tied only to dates right after them ("the 30 years between 1960 and 1990")
            pairs = [(a, b) for a, b in pairs if _RIGHT_BOUNDED.fullmatch(text, length.span.end, a.span.start)]
        if _COUNT_OF_DAYS.match(text, length.span.end):
            # "15 days of strikes by Aslef members across England between July 2022 and May 2024": how many
            # days something happened on within a window, unless the window follows right after
            pairs = [(a, b) for a, b in pairs if a.span.start - length.span.end <= _NEAR]
        if length.unit in _FINE_UNITS:
            # "wore an accelerometer for seven days at enrollment between 2012 and 2015": two bare years bound
            # a stretch measured in months or years; days or weeks within it are something else's length
            pairs = [(a, b) for a, b in pairs if a.month is not None or b.month is not None]
        if len(pairs) == 1:
            start, end = pairs[0]
            span = Span(min(length.span.start, start.span.start), max(length.span.end, end.span.end))
            found.append(Duration(span=span, length=length, start=start, end=end))
    found += _named_back(document, sentences, lengths, stamps, lexicon)
    found += _events_next(document, lengths, stamps, lexicon, {d.length.span for d in found})
    found += _earlier_than_before(document, sentences, lengths, stamps)
    for more in (_after_event(document, lengths, stamps, lexicon), _later_on(document, lengths, stamps),
                 _since_until_now(document, lengths, stamps, dates)):
        tied = {d.length.span for d in found}  # a length takes the first reading that ties it to dates
        found += [d for d in more if d.length.span not in tied]
    return found


def _naming_the_stretch(text: str, lengths: list[Quantity], dates: Sequence[Date],
                        lexicon: RelateLexicon) -> list[Quantity]:
    """Of several lengths in a sentence, the one whose clause runs on to the start of its one bounded stretch:
    "a three-year contract, bringing to a close the 16-day strike that began on Tuesday, Sept. 10, ... and was
    suspended ... on Friday, Sept. 20"."""
    pairs = _bounded_pairs(text, dates, lexicon)
    if len(pairs) != 1:
        return []
    start = pairs[0][0].span.start
    before = [q for q in lengths if q.span.end <= start and not _CLAUSE_MARK.search(text, q.span.end, start)]
    return before[-1:]


def _later_on(document: Document, lengths: dict[int, list[Quantity]], stamps: dict[int, list[Date]]) -> list[Duration]:
    """ "will close on Saturday, January 31 ... to reopen it three weeks later, on February 28".

    A length followed by "later, on" and a date is the stretch to that date
    from the date last named before it (given to the day); that date must
    be the earlier.
    """
    text = document.text
    dated = sorted((d for index in stamps for d in stamps[index] if d.day is not None), key=lambda d: d.span.start)
    starts = [d.span.start for d in dated]
    found = []
    for length in (q for members in lengths.values() for q in members):
        later = _LATER_ON.match(text, length.span.end)
        if later is None:
            continue
        at = bisect.bisect_left(starts, later.end())
        if at == len(dated) or dated[at].span.start != later.end() or at == 0:
            continue
        start, end = dated[at - 1], dated[at]
        if start.span.end <= length.span.start and _earlier(start, end):
            found.append(Duration(span=Span(length.span.start, end.span.end), length=length, start=start, end=end))
    return found


def _since_until_now(document: Document, lengths: dict[int, list[Quantity]], stamps: dict[int, list[Date]],
                     dates: Sequence[Date]) -> list[Duration]:
    """ "the 16 months he has spent on remand since his arrest on 3 August 2022", in a report dated 30 May 2024.

    A length that has gone on "since" a full date, said in the present
    perfect, runs from that date to the day the document speaks from (its
    dateline), when the document has one and it is the later.
    """
    text = document.text
    now = dateline(document, dates)
    if now is None:
        return []
    found = []
    for index, members in lengths.items():
        own = [d for d in stamps.get(index, ()) if _full(d)]
        if len(members) != 1 or len(own) != 1 or own[0].span.start < members[0].span.end or own[0] is now:
            continue
        length, start = members[0], own[0]
        if _SINCE_PERFECT.fullmatch(text, length.span.end, start.span.start) and _earlier(start, now):
            found.append(Duration(span=Span(length.span.start, start.span.end), length=length, start=start, end=now))
    return found


def _full(date: Date) -> bool:
    return date.year is not None and date.month is not None and date.day is not None


def _earlier_than_before(document: Document, sentences: Sentences, lengths: dict[int, list[Quantity]],
                         stamps: dict[int, list[Date]]) -> list[Duration]:
    """ "... won on Sunday 26 April 2026. Her previous race, on Sunday 12 October 2025, came ten weeks earlier.".

    A length followed by "earlier" at the end of its clause, in a sentence
    with one full date, says how long before the full date last named in
    an earlier sentence that date fell; the date must be the earlier of the
    two. ("Earlier than planned" or "two years before the election" offset
    something else, and "later" may start a new event of the sentence.)
    """
    text = document.text
    found = []
    last_full: Date | None = None
    for index in sorted(set(lengths) | set(stamps)):
        full = [d for d in stamps.get(index, ()) if _full(d)]
        members = lengths.get(index, [])
        if len(members) == 1 and len(full) == 1 and last_full is not None and \
                _EARLIER_AT_END.match(text, members[0].span.end):
            first, second = full[0], last_full
            if (first.year, first.month, first.day) < (second.year, second.month, second.day):
                span = Span(min(members[0].span.start, first.span.start), max(members[0].span.end, first.span.end))
                found.append(Duration(span=span, length=members[0], start=first, end=second))
        if full:
            last_full = full[-1]
    return found


def _after_event(document: Document, lengths: dict[int, list[Quantity]], stamps: dict[int, list[Date]],
                 lexicon: RelateLexicon) -> list[Duration]:
    """ "The ward reopened on Monday 28 April 2025, six weeks after it was shut. ... The ward closed on
    Monday 3 February 2025 ...".

    A length followed by "after" and an event, in a sentence with one date
    (given to the day, before the length), is the stretch from the date
    given for that event (the same verb or a word of its ``events`` set
    right before a date) in a sentence nearby to that date. The event's
    date must be the earlier, and the only one given for the event.
    """
    text = document.text
    found = []
    for index, members in lengths.items():
        own = stamps.get(index, [])
        if len(members) != 1 or len(own) != 1 or own[0].span.end > members[0].span.start:
            continue
        length, end = members[0], own[0]
        coarse = length.unit in _COARSE_UNITS  # "three years after": a month is date enough at either end
        if end.day is None and not (coarse and end.month is not None):
            continue
        event = _LENGTH_AFTER_EVENT.match(text, length.span.end)
        if event is None:
            continue
        starts = [date for i in range(index - _EVENT_REACH, index + _EVENT_REACH + 1) if i != index
                  for date in stamps.get(i, ()) if (date.day is not None or coarse and date.month is not None)
                  and (named := _EVENT_BEFORE.search(text, max(0, date.span.start - 30), date.span.start))
                  and lexicon.same_event(named["event"], event["event"])]
        if len(starts) == 1 and _earlier(starts[0], end):
            span = Span(min(length.span.start, end.span.start), max(length.span.end, end.span.end))
            found.append(Duration(span=span, length=length, start=starts[0], end=end))
    return found


def _line_end(text: str, position: int) -> int:
    """The end of the line that ``position`` stands in."""
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _earlier(first: Date, second: Date) -> bool:
    """True when ``first`` falls before ``second`` (by month and day when either has no year)."""
    if first.year is not None and second.year is not None and first.year != second.year:
        return first.year < second.year
    return (first.month or 0, first.day or 0) < (second.month or 0, second.day or 0)


def _sized_thing(text: str, length: Quantity) -> str | None:
    """The noun a length sizes as an adjective: "a six-week Nato exercise" → "exercise"."""
    if not _ADJECTIVE.search(length.text):
        return None
    words: list[patterns.Match] = []
    for match in WORD.finditer(text, length.span.end, length.span.end + 40):
        if text[length.span.end if not words else words[-1].end():match.start()].strip():
            break  # punctuation ends the noun phrase
        if match.group().lower() in STOP_WORDS:
            break
        words.append(match)
        if len(words) == 3:
            break
    return lemma(words[-1].group()) if words else None


def _events_next(document: Document, lengths: dict[int, list[Quantity]], stamps: dict[int, list[Date]],
                 lexicon: RelateLexicon, tied: set[Span]) -> list[Duration]:
    """ "... after a 47-day journey ... The bird left his breeding grounds on 3 August and arrived in the Republic
    of Congo on 30 September": a sentence whose two dates a verb of starting and one of ending bound gives them
    to the one length of the sentence right before it, when that sentence dates nothing itself."""
    text = document.text
    found = []
    for index, stamped in stamps.items():
        previous = lengths.get(index - 1, [])
        if index in lengths or len(stamped) != 2 or len(previous) != 1 or stamps.get(index - 1):
            continue
        length = previous[0]
        start, end = stamped
        if length.span in tied or not _by_events(text, start, end, lexicon) or _OFFSET.match(text, length.span.end) \
                or _STATISTIC.search(text, max(0, length.span.start - 25), length.span.start):
            continue
        found.append(Duration(span=Span(length.span.start, end.span.end), length=length, start=start, end=end))
    return found


def _by_events(text: str, first: Date, second: Date, lexicon: RelateLexicon) -> bool:
    """True when a verb of starting stands right before the first date's clause and one of ending between the
    two dates ("launched on 3 September from Cape Canaveral and splashed down on 19 September")."""
    gap = text[first.span.end:second.span.start]
    return _opens_stretch(text, first, gap, lexicon) and bool(lexicon.span_end.search(gap))


def _opens_stretch(text: str, first: Date, gap: str, lexicon: RelateLexicon) -> bool:
    """True when a word of starting stands before the first date and the second follows within a clause: "set
    off from the Rothera research station on Sunday 2 November"."""
    lead = text[max(0, first.span.start - _START_REACH):first.span.start]
    return len(gap) < 80 and bool(lexicon.span_start.search(lead))


def _named_back(document: Document, sentences: Sentences, lengths: dict[int, list[Quantity]],
                stamps: dict[int, list[Date]], lexicon: RelateLexicon) -> list[Duration]:
    """ "... a six-week Nato exercise ... The exercise will run from 2 March to 27 March.".

    A sentence that bounds a stretch by two dates, with no length of its
    own, gives its dates to a length that sizes a thing as an adjective in
    one of the three sentences before it or the two after (eight, for a
    definite one: "the five-week trial" refers back), when the dates' sentence
    names that thing (or a synonym of it): as its subject ("The exercise
    will run from ..."), or anywhere ("after a trial that opened on 3 March";
    "The strike began on 10 May ... and was called off on 31 May" for "a
    12-day stoppage").
    """
    text = document.text
    found = []
    for index, stamped in stamps.items():
        if index in lengths or len(stamped) < 2:
            continue
        # a span of days written as one ("on the night of 9-10 September") dates an event, not a stretch named apart
        pairs = [(a, b) for a, b in _bounded_pairs(text, stamped, lexicon) if a.span != b.span]
        if len(pairs) != 1:
            continue
        sentence = document.sentences[index]
        # a sentence run over several lines (a header block: "Award: £62,300 / Period covered: 1 January – 30
        # June") names the stretch only in the lines of its dates
        lines = Span(max(sentence.start, text.rfind("\n", 0, pairs[0][0].span.start) + 1),
                     min(sentence.end, _line_end(text, pairs[0][1].span.end)))
        named = {lexicon.canonical(lemma(w.group())) for w in WORD.finditer(text, lines.start, lines.end)}
        sizing = [q for i in (*range(index - _NAMED_REACH, index), *range(index + 1, index + _DEFINITE_REACH + 1))
                  for q in lengths.get(i, ()) if (thing := _sized_thing(text, q)) is not None
                  and lexicon.canonical(thing) in named and (i <= index + 2 or _DEFINITE_LENGTH.search(
                      text, max(0, q.span.start - 12), q.span.start))]
        if len(sizing) == 1:
            start, end = pairs[0]
            length = sizing[0]
            span = Span(min(length.span.start, start.span.start, end.span.start),
                        max(length.span.end, start.span.end, end.span.end))
            found.append(Duration(span=span, length=length, start=start, end=end))
    # "The spring term starts on 6 January and ends on 4 April. Half term runs from 17 February to 21 February.
    # That makes a 13-week term": a length two sentences name the thing of is tied to neither
    claimed = Counter(d.length.span for d in found)
    return [d for d in found if claimed[d.length.span] == 1]
