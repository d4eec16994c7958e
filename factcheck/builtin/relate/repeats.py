"""Mentions of one thing: a later definite mention linked back to the figure it restates.

"The 28 aircraft" presupposes aircraft mentioned before; "the brigade's 4,200
soldiers" the brigade; "the €185 million annual budget" a yearly amount. A
definite mention is linked to the earlier figures that its words point to:

1. figures whose own noun is its head noun (or a newsroom synonym);
2. else figures without a noun of their own whose clause names its head
   ("Net profit for the quarter was $610 million" for "the $660 million
   quarterly profit") when they carry a unit (a bare count such as "records
   put that figure at 532" counts what "that figure" names, not "records"), or whose verb is its head ("cut 1,800 jobs" for "the
   2,300 job cuts", "ordered to pay £48,500 in compensation" for "the £84,500
   compensation order") or its participle ("burned 8,900 hectares" for "the
   6,200 hectares burned");
3. else, for "the brigade's 4,200 soldiers", a figure that sizes the owner
   ("4,800-strong brigade");
4. else, for a yearly (monthly...) amount, the one figure of the document in
   that unit with no noun of its own.

Candidates set apart by time ("in 2021", "last year"; a day the speaker
names, "today", may be any weekday), by role ("target",
"ceiling", "first"; a status such as "plans for" only from a later mention
with a status or participle of its own, "the 2,180 homes built"), by a modifier the earlier figure lacks (a people
whose country its words name is none: "British" after "Britain will send"), by a
comparison ("compared with"), or as a holder's part ("Labour won 1,158
seats") against a whole about to be broken down ("Of the 3,050 seats, ...")
are dropped; when the remaining candidates
disagree among themselves the link is uncertain and none is made. A
definite mention whose very figure was given before ("650 are currently
deployed ... The 650 soldiers include ...") points back to that figure:
candidates that disagree with it are other things ("when 250 British troops
served"), and no link is made.
Candidates are looked up by noun, so the work grows with the document, not
with its square.
"""
from __future__ import annotations

import bisect
import functools
from collections import defaultdict
from dataclasses import replace
from typing import Collection, Sequence


from factcheck import patterns
from factcheck.builtin.relate.describe import Description
from factcheck.builtin.relate.lexicon import load_lexicon
from factcheck.builtin.relate.reference import resolve
from factcheck.builtin.relate.transpositions import transposed_pairs
from factcheck.builtin.relate.text import (STOP_WORDS, TIME_UNITS, WORD, clause_end, clause_start, is_time_word, lemma,
                                           noun_verbs, verb_stems)
from factcheck.builtin.tolerance import agree, interval, value_ratio
from factcheck.model import Document, Qualifier, Quantity, Same, Span

_OWNER = patterns.compile(r"(?i)(?P<owner>[\p{L}]+)['’]s?\s+(?:[\p{L}-]+\s+)?$")
# "In the Legislative Council, ...", "At Westfield Primary, ...": a sentence opening on a named setting
_NAMED_FRAME = patterns.compile(r"\s*(?:In|At|For|Across)\s+(?:the\s+)?(?P<name>\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)\s*,")
_OWNER_AFTER = patterns.compile(r"(?i)\s+of\s+(?:the|its|their)\s+(?:[\p{L}-]+\s+(?!(?:in|on|at|to|for|from|by|with|and|or|as)\b))?"
                                r"(?P<owner>[\p{L}]+)\b(?!['’])")  # not "of the route in stages"
# "34 of the ", "19 of the state's ": the count a whole is of
_COUNT_BEFORE = patterns.compile(r"(?i)\b(?P<count>\d[\d,]*)\s+(?:out\s+)?of\s+(?:the|its|their)\s+(?:[\p{L}-]+['’]s\s+)?$")
_POSSESSIVE_AFTER_PRONOUN = patterns.compile(r"\s(?P<group>[\p{L}-]+)['’]s?\s*$")  # "his team's "
# "her 10 overs", "their 50 overs", "his side's 12 goals": the owner a possessive pronoun gives the figure
_PRONOUN_OWNER = patterns.compile(r"(?i)\b(?P<pronoun>his|her|its|their|our|my|your)\s+(?:[\p{L}-]+(?:['’]s)?\s+)?$")
# "seven children of Norwegian immigrants": an owner named after the noun, with or without a determiner
_NAMED_OWNER_AFTER = patterns.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}-]+\s+)?(?P<owner>[\p{L}]+)\b(?!['’])")
# "the 142mm that fell at Capel Curig": a measure's clause that names its place
_AT_PLACE = patterns.compile(r"\s+(?:that|which)\s+[\p{Ll}]+(?:\s+[\p{Ll}]+)?\s+(?:at|in|on)\s+"
                             r"(?P<place>\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})")
_POSSESSIVE_END = patterns.compile(r"['’]s?$")
# "the 1,420 buildings in Korvan's old town": a place right after the noun
_IN_PLACE = patterns.compile(r"\s+(?:\p{Ll}+ed\s+)?(?:in|at)\s+(?:the\s+)?(?:\p{Ll}+\s+)?(?P<place>\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})"
                             r"(?:\s+(?P<number>\d{1,3})\b)?")  # "at the smaller Pier 1": one of several numbered
_NUMBERED_NAME = patterns.compile(r"\b(?P<name>\p{Lu}[\p{L}'’-]*)\s+(?P<number>\d{1,3})\b")  # "Pier 2", "Ward 7"
_RIGHT_BEFORE_FIGURE = patterns.compile(r"\s+(?:[\p{Ll}-]+\s+)?")  # "Reform UK's 4.1 million": the owner, then the figure
_CURRENCY_UNIT = patterns.compile(r"[A-Z]{3}\b")
_CLASS_BOUND = patterns.compile(r"(?:or|and)\s")  # "or more", "and over": a hedge after the figure that bounds a class
_HEADLESS_SWAP = 1.3  # how far a swap may move an amount with no noun
_VERB_NEXT = patterns.compile(r"(?:\s+\p{Ll}+)?\s+\p{Ll}+ed\b")  # "Leeds scored", "North ward recorded"
# "We need more than 4,000 nurses": what is wanted or planned, not what there is
_WANTED = patterns.compile(r"(?i)\b(?:need|needs|needed|want|wants|require|requires|aim|aims|hope|hopes|expect|expects|"
                           r"plan|plans|could|would|should|must|will|target|goal|short|lack|lacks|missing)\b[^.;:!?\d]*$")
# "Statewide, we are short ...", "Across the country, ...": a quotation that speaks of a wider place
_WIDER = patterns.compile(r"(?i)\b(?:statewide|nationally|nationwide|countrywide|globally|worldwide|across\s+the\s+"
                          r"(?:country|state|nation|region|world|continent|uk|us)|in\s+the\s+(?:country|state)\s+as\s+a\s+whole)\b")
_WEEKDAY = patterns.compile(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day")
# "over the years", "in the 1990s", "since 2010", "so far": a count over a stretch of its own
_CUMULATIVE = patterns.compile(r"(?i)\b(?:over\s+the\s+(?:years|decades)|in\s+the\s+(?:past|\d{2,4}['’]?s)|since|ever|so\s+far|"
                               r"to\s+date|all\s+told|in\s+total|altogether|(?:19|20)\d0s)\b")
# Nouns of a difference between two amounts, not an amount of a thing
_DIFFERENCES = frozenset({"lead", "margin", "majority", "gap", "deficit", "surplus", "difference", "shortfall"})
# "About 800 members turned up to vote": the figure is the subject of what some of them did, not the whole restated
_DOES_SOMETHING = patterns.compile(r"\s+(?!(?:in|of|at|on|for|to|from|and|or|but|with|by|as|this|that|across|over|"
                                   r"under|since|during|last|a|an|the)\b)\p{Ll}+\b")
_ROUNDED = 1.05  # how far a figure a speaker rounds may lie from the round one
_HYPHENED_SIZE = patterns.compile(r"[\p{L}\d]-\p{L}+$")  # "24-storey": a size of the noun after it, not a count of it
_OPENS_QUOTE = patterns.compile(r"[\"“‘:]\s*$")
_SPEAKER_AFTER = patterns.compile(r"(?:\s+\p{Lu}[\p{L}'’-]*)*\s+(?:said|says|told|added)\b")
_ORDINALS = frozenset("first second third fourth fifth sixth final".split())
_PEOPLE_SWAP = 1.5  # how far it may move a count of people named by two nouns ("210 staff", "around 120 patients")
# roles too weak to tell apart two figures whose digits are one swap apart ("planted 12,500 saplings, more than ...")
_WEAK_ROLES = frozenset({"more", "extra", "additional", "further", "new", "another", "first", "last", "next", "total",
                         "combined"})
_ADDED_ROLES = frozenset({"extra", "additional", "more", "further"})
_FREQUENCIES = {"daily": "day", "weekly": "week", "monthly": "month", "annual": "year", "yearly": "year"}
# "Rovers conceded 38": a name, its verb, then the figure
_NAME_AND_VERB_BEFORE = patterns.compile(r"(?<![\p{L}'’])(?P<name>\p{Lu}[\p{Ll}-]+)\s+\p{Ll}+ed\s+$")
# "They scored 83 tries": a plural subject is never the one person a full name names
_GROUP_PRONOUNS = frozenset({"they", "we"})
_FIRST_NAME_BEFORE = patterns.compile(r"\b(?P<name>\p{Lu}\p{Ll}+)\s+$")
_PERSONS = frozenset({"his", "her"})  # a person's; "its", "their" may be any owner's
# What a "-strong" body is counted in: "the brigade's 4,200 soldiers" size it, "the team's 11 finalists" are some.
_MEMBERS = frozenset({"troop", "staff", "member", "player", "crew", "people", "athlete", "delegate", "officer",
                      "peacekeeper", "employee", "worker"})
# "Rwanda's defence ministry said ... that its 6,800 troops": the named owner a later "its" stands for
_NAMED_POSSESSOR = patterns.compile(r"\b(?P<owner>\p{Lu}[\p{L}-]+)['’]s\b")
_JOB_LOSSES = frozenset({"redundancy", "layoff", "lay-off"})
_CUTTING = frozenset({"cut", "axe", "shed", "lose", "loss", "slash", "eliminate", "scrap", "close", "closure"})
_REACH = 20_000  # characters: how far back a definite mention may point
_DEICTIC_DAYS = frozenset({"today", "tonight", "yesterday", "tomorrow"})
_AHEAD = ("next ", "coming ")  # relative times ahead of the date a document speaks from
_MONTHS = frozenset("""january february march april may june july august september october november
december""".split())
# At most this many earlier figures of one noun are weighed for one mention: a page restating one
# figure hundreds of times must not weigh hundreds per mention. The links still join them all.
_MAX_CANDIDATES = 50
_CLOSE = 1.5  # the largest ratio between two figures linked only by a verb of a synonym
_MAGNITUDE = 10  # how many times apart two figures of one thing may be: a decimal point's slip


def _effective_unit(description: Description) -> str:
    unit = description.quantity.unit
    if description.per and " / " not in unit:
        return f"{unit} / {description.per}".strip()
    period = _frequency(description.quantity)
    return f"1 / {period}" if period is not None else unit


def _stated_unit(description: Description) -> str:
    """A figure's unit as written, what it is for each of left to :func:`_pers_differ`."""
    return description.quantity.unit


def _frequency(quantity: Quantity) -> str | None:
    """The time a count is counted in by its adjective: "12 extra weekly sailings" counts what "14 sailings a
    week" does."""
    return None if quantity.unit != "" else _frequency_written(quantity.text)


@functools.lru_cache(maxsize=4096)
def _frequency_written(text: str) -> str | None:
    """The period a frequency adjective in ``text`` names ("weekly": "week"), asked for many times per figure."""
    return next((_FREQUENCIES[w] for w in text.lower().split() if w in _FREQUENCIES), None)


def _per(description: Description) -> str | None:
    """What a figure is for each of: "per student", "a week", or a count's "weekly"."""
    unit = description.quantity.unit
    return description.quantity.per or _frequency(description.quantity) or (unit[4:] if unit.startswith("1 / ") else None)


def _pers_differ(first: Description, second: Description) -> bool:
    """True when two figures are for each of different things ("a week" against "a year", or against none).

    A period adjective names the period a figure covers, as an ordinal period
    does: "quarterly revenue" is the revenue of the "third-quarter revenue".
    """
    pers = (_per(first), _per(second))
    if pers[0] == pers[1]:
        return False
    plain, per = (first, pers[1]) if pers[0] is None else (second, pers[0]) if pers[1] is None else (None, None)
    return plain is None or not any(time.rpartition(" ")[2] == per for time in plain.times)


def _times_clash(first: frozenset[str], second: frozenset[str], reference: tuple[int, int] | None = None) -> bool:
    """True when two mentions are stamped with different times.

    A day named by the speaker ("today", "yesterday") may be any weekday,
    so it does not clash with one ("on Saturday ... were our twelfth man
    today"). A relative time ("last month") is read against the date the
    document speaks from, when it gives one: in a story dated 6 March,
    "last month" is "in February".
    """
    if not first or not second or first & second:
        return False
    first = first | {t for t in (resolve(token, reference) for token in first) if t}
    second = second | {t for t in (resolve(token, reference) for token in second) if t}
    if first & second:
        return False
    for one, other in ((first, second), (second, first)):
        if one <= _DEICTIC_DAYS and any(is_time_word(t) and t not in _MONTHS for t in other):
            return False
        if reference is None and all(t.startswith(_AHEAD) for t in one) and all(t.isdigit() for t in other):
            # "would begin next summer" and "when it opens in 2026": with no date to read it from, a time ahead
            # may be the year named (one behind is read as past: "last year" is not "in 2022" told apart)
            return False
    return True


def _separated(later: Description, earlier: Description, reference: tuple[int, int] | None = None) -> bool:
    if _bounds_a_class(later, earlier):
        return True
    if later.whole_of_parts and earlier.taken:
        return True  # "Of the 3,050 seats up for election, ..." is not the 1,158 seats Labour won
    if later.whole_of_parts and earlier.whole_of_parts:
        return True  # "Of the 4,920 patients treated, ..." ... "Of the 1,423 patients who waited longer, ...": two groups
    if _times_clash(later.times, earlier.times, reference):
        return True
    if _part_of(earlier, later) or _part_of(later, earlier):
        return True  # "246,391 candidates scored C+" ... "That is 25.6% of the 962,512 candidates who sat"
    if (later.roles - earlier.lead - _added(earlier)) != (earlier.roles - later.lead - _added(later)) and \
            later.roles != earlier.roles:
        return True  # "the €473,000 average for Dublin" takes its role from "the average asking price is now"
    if later.statuses != earlier.statuses and (later.statuses or later.participle):
        return True  # "the 2,100 homes" takes the status of "plans for 2,400 homes"; "the 2,180 homes built" not
    if _pers_differ(later, earlier):
        return True
    if later.whole_of_parts and earlier.modifiers and not earlier.modifiers & (later.bag | later.modifiers) and \
            not (later.modifiers and later.modifiers <= earlier.bag):
        # "Of the 1,200 oysters measured" is no restatement of "420,000 juvenile oysters"; "Of the 1.6 million
        # sources in the catalogue" restates "a catalogue of 2.1 million radio sources"
        return True
    known = earlier.bag | earlier.modifiers | earlier.nouns | ({earlier.per} if earlier.per else set())
    if later.restriction and not later.restriction & known and not _done_by(later.restriction, known):
        return True  # "the 1,140 employees who could not work during the closure" is not the 9,400 it employs
    known_later = later.bag | later.modifiers | later.nouns
    if earlier.restriction and not earlier.restriction & known_later and not _done_by(earlier.restriction, known_later):
        return True  # "The 47,830 residents who live in households, rather than in care homes" are not all 48,720
    if later.per and earlier.per != later.per and later.per not in earlier.bag and _pers_differ(later, earlier):
        return True
    # "the 36 electric buses" are of the "42 battery-electric buses": a part of a hyphened word is known too
    return not later.modifiers <= known | {part for word in known if "-" in word for part in word.split("-")}


def _bounds_a_class(*descriptions: Description) -> bool:
    """True when a hedge after a figure bounds a class ("estates worth £2.35m or more"), not one thing's amount."""
    return any(_CLASS_BOUND.match(d.quantity.hedge or "") for d in descriptions)


def _added(description: Description) -> frozenset[str]:
    """The roles a figure's verb of adding gives it: "will add 14 sailings" are extra ones."""
    return _ADDED_ROLES if "add" in description.lead else frozenset()


def _nouns_meet(first: Description, second: Description, distance: int) -> bool:
    """True when two figures whose digits are swapped ``distance`` apart name one thing: one's head is the
    other's, or among its nouns or words, or they share a modifier ("312 nursing vacancies", "213 vacant
    nursing posts"), or both count people; or, for money or a measure with no noun, neighbouring digits are swapped and the figure
    moves little ("£1.34m", "£1.43m"; not "$120m", "$210m")."""
    if first.head is None or second.head is None:
        named = first.quantity.unit not in ("", "percent", "percentage_point") or bool(first.bag & second.bag)
        return named and distance == 1 and \
            (value_ratio(first.quantity.value or 0, second.quantity.value or 0) or 99) <= _HEADLESS_SWAP
    people = load_lexicon().person_nouns
    near = (value_ratio(first.quantity.value or 0, second.quantity.value or 0) or 99) <= _PEOPLE_SWAP
    return first.head == second.head or first.head in second.nouns | second.bag or \
        second.head in first.nouns | first.bag or bool(first.modifiers & second.modifiers) or \
        near and first.head in people and second.head in people  # "1,240 jobs" ... "1,420 staff"


def _set_apart(later: Description, earlier: Description, reference: tuple[int, int] | None) -> bool:
    """True when what is said of two figures makes them different things whatever their nouns: another time,
    a bound that picks out a class, a whole and its part, a role (other than a weak one) or status of one
    alone."""
    if _bounds_a_class(later, earlier):
        return True
    if _times_clash(later.times, earlier.times, reference) or _pers_differ(later, earlier):
        return True
    if _part_of(earlier, later) or _part_of(later, earlier) or later.statuses != earlier.statuses:
        return True
    roles = [d.roles - _WEAK_ROLES for d in (later, earlier)]
    # the same role on both is no difference ("an initial £45m" ... "The £54m initial fee")
    return roles[0] != roles[1] and \
        (roles[0] - _lead_forms(earlier) - _added(earlier)) != (roles[1] - _lead_forms(later) - _added(later))


def _lead_forms(description: Description) -> frozenset[str]:
    """The words before a figure and their verbs' stems: "surveyed 124 reefs" explains "the 142 reefs surveyed"."""
    return description.lead | {stem for word in description.lead for stem in verb_stems(word)}


def _part_of(part: Description, whole: Description) -> bool:
    """True when the percentage said to be of ``whole`` makes ``part`` of it: 246,391 is 25.6% of 962,512."""
    if whole.share_of_it is None or not whole.quantity.value or part.quantity.value is None:
        return False
    return abs(part.quantity.value / whole.quantity.value * 100 - whole.share_of_it) <= max(0.5, whole.share_of_it * 0.02)


def _is_measure(unit: str) -> bool:
    """True for a physical unit: not a count, a share, a currency or a length of time."""
    return bool(unit) and unit not in ("percent", "percentage_point") and not _CURRENCY_UNIT.match(unit) \
        and unit.split(" ")[0] not in TIME_UNITS


def _done_by(verbs: frozenset[str], nouns: Collection[str]) -> bool:
    """True when a noun names who does one of ``verbs``: "visitors" for "people who visited"."""
    stems = {stem for verb in verbs for stem in verb_stems(verb) if len(stem) >= 4}
    return any(noun.startswith(stem) for stem in stems for noun in nouns)


def _names(description: Description, owner: str) -> bool:
    """True when a figure's words name ``owner``, or a word made from it ("Rwandan" for "rwanda")."""
    stem = owner[:max(4, len(owner) - 1)]
    words = description.lead | description.modifiers | description.bag | ({description.head} if description.head else set())
    return owner in words or any(w.startswith(stem) for w in words)


def _counts_members(description: Description) -> bool:
    """True for a count of members ("9,600 troops"), or a bare figure that borrows their noun ("from 7,400 troops
    to 9,600")."""
    if description.head in _MEMBERS:
        return True
    noun = description.quantity.noun
    return description.head is None and noun is not None and \
        load_lexicon().canonical(lemma(noun.split()[-1].lower())) in _MEMBERS


def _same_magnitude(first: Quantity, second: Quantity) -> bool:
    """True unless two figures in one unit are more than ``_MAGNITUDE`` times apart.

    A misstated figure keeps its order of magnitude: a transposed or mistyped
    digit, a slipped decimal point at most. "Afghanistan's 41 million people"
    are not the "9,240 people" injured, whatever their noun.
    """
    ratio = value_ratio(first.value or 0, second.value or 0)
    return ratio is None or ratio <= _MAGNITUDE


def _close(first: Quantity, second: Quantity) -> bool:
    """True when two figures are within half of each other (a slip of a digit, not another thing's size)."""
    ratio = value_ratio(*(q.value if q.value is not None else q.low or 0 for q in (first, second)))
    return ratio is not None and ratio <= _CLOSE


def _quantity_start(quantity: Quantity) -> int:
    return quantity.span.start


def _start(description: Description) -> int:
    return description.quantity.span.start


def _timed_apart(later: Description, earlier: Description) -> bool:
    """True when one figure is of a time ("last year", "2024") and the other names none: a speaker's "We helped
    more than 1,500 families" may count over any stretch. A weekday is when it was said, no time."""
    timed = [any(not _WEEKDAY.fullmatch(t) for t in d.times) for d in (later, earlier)]
    return timed[0] != timed[1]


def _agree_together(descriptions: Sequence[Description]) -> bool:
    """True when the figures agree pairwise, found in linear time: intervals on a line overlap
    pairwise exactly when they share a point, that is when the highest low is below the lowest high."""
    intervals = [interval(d.quantity) for d in descriptions]
    return max(low for low, _ in intervals) <= min(high for _, high in intervals)


def _unqualified(later: Description, candidates: list[Description]) -> list[Description]:
    """The candidates that name no more of the thing than ``later`` does, when there are such and others.

    "the 31,240 crowd" restates "31,420 spectators", not "27,900 home
    supporters" or "4,100 visiting fans": a modifier the later mention
    leaves out marks a part of the thing.
    """
    plain = [c for c in candidates if c.modifiers <= later.modifiers]
    return plain if plain else candidates


def _sharing_a_verb(later: Description, candidates: list[Description]) -> list[Description]:
    """The candidates whose verb the later mention's clause repeats, or none.

    "Britain will send 3,000 more troops ... to join about 1,000 British
    personnel ... The 2,300 soldiers we are sending": of two disagreeing
    figures for troops, the one sent is the one "we are sending".
    """
    words = {stem for word in later.bag - later.nouns for stem in verb_stems(word)}
    return [c for c in candidates if (c.lead - c.nouns) & words]


class RepeatLinker:
    """Links the definite mentions of one document to what they restate."""

    def __init__(self, document: Document, descriptions: Sequence[Description],
                 reference: tuple[int, int] | None = None, figures: Sequence[Quantity] = ()) -> None:
        lexicon = load_lexicon()
        self.document = document
        self.reference = reference
        self.descriptions = list(descriptions)
        self.by_noun: dict[tuple[str, str], list[Description]] = defaultdict(list)
        self.by_word: dict[tuple[str, str], list[Description]] = defaultdict(list)
        self.by_head_only: dict[tuple[str, str], list[Description]] = defaultdict(list)
        self.by_lead: dict[tuple[str, str], list[Description]] = defaultdict(list)
        self._persons: dict[int, str | None] = {}  # by id of the description: read once however often asked
        self._names_before: dict[int, str | None] = {}  # by offset, likewise
        self._lower: frozenset[str] | None = None
        self._places: dict[int, frozenset[str]] = {}  # by id of the description
        self.by_verb_stem: dict[tuple[str, str], list[Description]] = defaultdict(list)
        self.unnamed_by_unit: dict[str, list[Description]] = defaultdict(list)
        self.strong_by_unit: dict[str, list[Description]] = defaultdict(list)  # "a 9,600-strong mission"
        self.by_unit: dict[str, list[Description]] = defaultdict(list)
        # every figure of the document, described or not: a figure given only in a comparison ("against
        # 1,420 in Ashby") or as a change's start is still a figure a definite mention may point back to
        self.by_figure: dict[tuple[str, float], list[Quantity]] = defaultdict(list)
        for quantity in sorted({id(q): q for q in [*figures, *(d.quantity for d in self.descriptions)]}.values(),
                               key=lambda q: q.span.start):
            if quantity.value is not None and not quantity.vague:
                self.by_figure[(quantity.unit, quantity.value)].append(quantity)
        for description in self.descriptions:
            unit = _effective_unit(description)
            for noun in description.nouns:
                self.by_noun[(unit, noun)].append(description)
            if description.head:
                self.by_head_only[(unit, description.head)].append(description)
            if description.quantity.text.lower().endswith("-strong"):
                self.strong_by_unit[unit].append(description)
            self.by_unit[description.quantity.unit].append(description)
            for word in description.lead:
                self.by_lead[(description.quantity.unit, word)].append(description)
            # "raising £84,300" is named by "the £48,300 raised": a verb by any of its forms (not a noun: "the
            # budget totals €38.4m" is not "the €3.9m it budgeted for investment")
            for stem in {stem for word in description.lead if word.endswith(("ed", "ing"))
                         for stem in verb_stems(word) if stem != word}:
                self.by_verb_stem[(description.quantity.unit, stem)].append(description)
            if not description.nouns:
                self.unnamed_by_unit[unit].append(description)
                # "fined £2.4m" is named by "the £4.2m penalty": a verb by its noun, and that noun's synonyms
                verbs = {lexicon.canonical(form) for word in description.lead for form in verb_stems(word)}
                for word in verbs if unit and "percent" not in unit else ():
                    self.by_word[(unit, word)].append(description)

    def _owner(self, description: Description) -> str | None:
        """Whose a figure is: "the mission's 9,200 troops", "the 9,200 troops of the support mission"."""
        start, end = description.quantity.span.start, description.quantity.span.end
        match = _OWNER.search(self.document.text, max(0, start - 40), start) or \
            _OWNER_AFTER.match(self.document.text, end, end + 40)
        return load_lexicon().canonical(lemma(match["owner"])) if match else None

    def _candidates(self, later: Description) -> list[Description]:
        start = later.quantity.span.start

        def earlier(pool: Sequence[Description]) -> list[Description]:
            # pools are in text order: only the window within reach is looked at
            high = bisect.bisect_left(pool, start, key=_start)  # those that start before this one
            low = max(bisect.bisect_left(pool, start - _REACH, key=_start), high - _MAX_CANDIDATES)
            # a figure of another order of magnitude is another thing: the next way of finding one is tried
            return [d for d in pool[low:high] if d.quantity.span.end <= start and d is not later
                    and _same_magnitude(later.quantity, d.quantity)]

        found: list[Description] = []
        if later.head is None:
            # "the 6,200 hectares burned so far" names its thing by the verb of "had burned 8,900 hectares"
            unit, stems = later.quantity.unit, verb_stems(later.participle) if later.participle else set()
            found = earlier(sorted({id(d): d for d in [*self.by_lead.get((unit, later.participle or ""), ()), *(
                d for stem in stems - {later.participle} for d in self.by_verb_stem.get((unit, stem), ()))]}.values(),
                key=_start))
            if not found:
                # "the £421m we have spent" restates "a cost of £412m": a verb of a noun's synonym set, weaker
                # evidence than the verb itself, so only for a figure close to the other
                found = [d for d in earlier(sorted({id(d): d for stem in stems for d in self.by_noun.get(
                    (_effective_unit(later), load_lexicon().canonical(stem)), ())}.values(), key=_start))
                    if _close(later.quantity, d.quantity)]
            place = _AT_PLACE.match(self.document.text, later.quantity.span.end) if _is_measure(unit) else None
            if not found and place is not None:
                # "the 142mm that fell at Capel Curig" restates "Capel Curig recorded 124mm of rain": a measure of
                # the place its clause names, named in the earlier figure's sentence too
                names = {w.lower() for w in place["place"].split()}
                found = [d for d in earlier(self.by_unit.get(unit, ())) if names <= self._names_in(d)
                         and _close(later.quantity, d.quantity)]
            return [d for d in found if not _separated(later, d, self.reference)]
        owner = self._owner(later)
        for unit in dict.fromkeys((_effective_unit(later), later.quantity.unit)):
            found = []
            if owner and later.head in _MEMBERS:
                # "the 10,500 troops of the forward force" count the "11,200-strong forward presence force": the
                # owner's strength, before any other count of troops
                found = [d for d in earlier(self.by_head_only.get((unit, owner), ()))
                         if d.quantity.text.lower().endswith("-strong")]
            if not found and later.head in _MEMBERS:
                # "Kenya's 1,500 peacekeepers" count "its 1,150-strong contingent" that Kenya adds to; "its 6,800
                # troops" (Rwanda's) the "6,200-strong Rwandan force": a strength its owner's name goes with
                named = owner or self._possessor(later)
                found = [d for d in earlier(self.strong_by_unit.get(unit, ())) if named and _close(
                    later.quantity, d.quantity) and _names(d, named)]
            if not found:
                found = earlier(self.by_noun.get((unit, later.head), ()))
            if not found:
                # "the 2,300 job cuts" restates "cut 1,800 jobs", "the £84,500 compensation order" restates
                # "ordered to pay £48,500 in compensation": the modifier is the noun, the head its verb
                found = [d for modifier in later.modifiers for d in earlier(self.by_noun.get((unit, modifier), ()))
                         if any(later.head in verb_stems(w) for w in d.lead)]
            if not found and later.head in _JOB_LOSSES:
                # "the 1,580 redundancies" restates "will cut 1,850 jobs": jobs a verb of cutting takes away
                found = [d for d in earlier(self.by_noun.get((unit, "job"), ())) if d.lead & _CUTTING]
            if not found:
                found = earlier(self.by_word.get((unit, later.head), ()))
            if not found and later.definite:
                # "the 46 closures" restates "close 48 of its 212 stores": what the verb its noun is made from did;
                # weaker evidence than a noun, so only for a figure close to the other
                found = [d for d in earlier(sorted({id(d): d for verb in noun_verbs(later.head) for d in (
                    *self.by_lead.get((unit, verb), ()), *self.by_verb_stem.get((unit, verb), ()))}.values(),
                    key=_start)) if _close(later.quantity, d.quantity)]
            if not found and later.quantity.text.lower().endswith("-strong"):
                # "the 9,000-strong mission" restates "expand the mission to 9,600 troops": its members, counted;
                # weaker evidence than a noun of its own, so only for a figure close to the other
                found = [d for d in earlier(self.by_lead.get((unit, later.head), ()))
                         if _counts_members(d) and _close(later.quantity, d.quantity)]
            if found:
                break
        unit = _effective_unit(later)
        if not found and later.per and " / " not in later.quantity.unit:
            unnamed = self.unnamed_by_unit.get(unit, ())
            pool = [d for d in unnamed if d is not later and _same_magnitude(later.quantity, d.quantity)
                    ] if len(unnamed) <= 2 else []
            found = pool if len(pool) == 1 and pool[0].quantity.span.end <= start else []
        found = [d for d in found if not self._placed_elsewhere(later, d)]
        if not found and _is_measure(unit):
            found = self._measured_at(later, earlier(self.by_unit.get(later.quantity.unit, ())))
        return [d for d in found if not _separated(later, d, self.reference) and not self._other_owner(owner, later, d)
                and not self._other_person(later, d) and not self._other_frame(later, d)
                and not self._owned_by_another(later, d) and not self._possessed_by_another(later, d)]

    def _possessed_by_another(self, later: Description, earlier: Description) -> bool:
        """True when a name owns the later figure ("Reform UK's 4.1 million votes") that the earlier figure's
        sentence does not name, while that sentence opens on a name of its own ("Labour received about 9.7 million
        votes"): two owners' amounts of one thing."""
        start = later.quantity.span.start
        owned = _NAMED_POSSESSOR.search(self.document.text, max(0, start - 30), start)
        if owned is None or not _RIGHT_BEFORE_FIGURE.fullmatch(self.document.text, owned.end(), start):
            return False
        owner = owned["owner"].lower()
        sentence = self.document.sentence_at(earlier.quantity.span.start)
        words = [_POSSESSIVE_END.sub("", w.group()) for w in WORD.finditer(self.document.text, sentence.start,
                                                                          earlier.quantity.span.start)]
        if owner in {w.lower() for w in words} or not words:
            return False
        subject = words[0]
        first_name = _FIRST_NAME_BEFORE.search(self.document.text, max(0, owned.start() - 30), owned.start())
        if subject.lower() in _GROUP_PRONOUNS and first_name and first_name["name"].lower() not in STOP_WORDS:
            return True  # "wing Tomasi Naufahu's 14 tries" against "They scored 83 tries": one person's, not theirs
        doer = _NAME_AND_VERB_BEFORE.search(self.document.text, max(sentence.start, earlier.quantity.span.start - 40),
                                            earlier.quantity.span.start)
        if doer is not None and doer["name"].lower() not in STOP_WORDS:
            return True  # "..., and the results showed: Rovers conceded 38 league goals" is not "Marcus's 18"
        return subject[:1].isupper() and subject.lower() not in STOP_WORDS

    def _possessor(self, description: Description) -> str | None:
        """The name "its" or "their" right before a figure stands for: the last possessive name before it in its
        sentence ("Rwanda's defence ministry said ... that its 6,800 troops")."""
        start = description.quantity.span.start
        pronoun = _PRONOUN_OWNER.search(self.document.text, max(0, start - 30), start)
        if pronoun is None or pronoun["pronoun"].lower() not in ("its", "their"):
            return None
        sentence = self.document.sentence_at(start)
        names = list(_NAMED_POSSESSOR.finditer(self.document.text, sentence.start, pronoun.start()))
        return lemma(names[-1]["owner"].lower()) if names else None

    def _measured_at(self, later: Description, pool: Sequence[Description]) -> list[Description]:
        """ "the 45.2C reading at Córdoba airport" restates "the thermometer at Córdoba airport reached 44.6C": a
        measure at a place its noun is followed by, taken where an earlier figure of its unit was, with no noun
        of its own."""
        names = self._place_after(later)
        if not names:
            return []
        return [d for d in pool if d.head is None and names <= self._names_in(d) and _close(later.quantity, d.quantity)]

    def _noun_end(self, description: Description) -> int:
        """Where the words naming a figure end: "45.2C reading" ends after "reading"."""
        following = WORD.match(self.document.text, description.quantity.span.end + 1)
        if description.head_word and following and lemma(following.group().lower()) == description.head_word:
            return following.end()
        return description.quantity.span.end

    def _place_after(self, description: Description) -> frozenset[str]:
        """The names of the place right after a figure's noun ("in Korvan's old town": korvan), read once."""
        key = id(description)
        if key not in self._places:
            place = _IN_PLACE.match(self.document.text, self._noun_end(description))
            names = {_POSSESSIVE_END.sub("", w).lower() for w in place["place"].split()} - STOP_WORDS if place else set()
            if place and place["number"]:
                # "Pier 1" is told from "Pier 2" by its number alone
                names = {f"{place['place'].split()[-1].lower()} {place['number']}"}
            # "the 44,500 employees in December": a time, not a place
            self._places[key] = frozenset(w for w in names if not is_time_word(w))
        return self._places[key]

    def _placed_elsewhere(self, later: Description, earlier: Description) -> bool:
        """True when a place right after the later figure's noun ("the 1,420 buildings in Korvan's old town")
        is one the earlier figure's sentence does not name: a group of that place, not the one counted before."""
        text = self.document.text
        names = self._place_after(later)
        if not names:
            return False
        # a sentence naming no place may take it from the one before ("... at Zwickau. The factory employs")
        named = self._names_in(earlier)
        sentence = self.document.sentence_at(earlier.quantity.span.start)
        named |= {f"{m['name'].lower()} {m['number']}" for m in _NUMBERED_NAME.finditer(text, sentence.start, sentence.end)}
        index = self.document.sentence_index(earlier.quantity.span.start)
        if not named and index:
            previous = self.document.sentences[index - 1]
            named = {w.lower() for w in WORD.findall(text, previous.start, previous.end)}
        return not names & named

    def _opposed(self, later: Description, earlier: Description) -> bool:
        """True when each figure's sentence names one side of an opposite pair the other's does not
        ("revenue" and "expenses")."""
        words = [self._sentence_words(d) for d in (later, earlier)]
        opposite_of = load_lexicon().opposite_of
        return any(other in words[1] and other not in words[0] and word not in words[1]
                   for word in words[0] - words[1] for other in opposite_of.get(word, ()))

    def _sentence_words(self, description: Description) -> frozenset[str]:
        """The lemmas of a figure's sentence, lower-cased."""
        sentence = self.document.sentence_at(description.quantity.span.start)
        return frozenset(lemma(w.group().lower()) for w in WORD.finditer(self.document.text, sentence.start, sentence.end))

    def _names_in(self, description: Description) -> set[str]:
        """The capitalised names of a figure's sentence (its first word left out), lower-cased."""
        sentence = self.document.sentence_at(description.quantity.span.start)
        words = [w.group() for w in WORD.finditer(self.document.text, sentence.start, sentence.end)][1:]
        return {w.lower() for w in words if w[:1].isupper() and w.lower() not in STOP_WORDS}

    def _named_before(self, position: int) -> str | None:
        """The last capitalised name before ``position`` in its sentence (its first word left out), lower-cased.

        Worked out once per position: each later mention asks it of every candidate.
        """
        if position not in self._names_before:
            self._names_before[position] = self._read_named_before(position)
        return self._names_before[position]

    def _read_named_before(self, position: int) -> str | None:
        """See :meth:`_named_before`."""
        sentence = self.document.sentence_at(position)
        names = [w.group() for w in WORD.finditer(self.document.text, sentence.start, position)][1:]
        name = next((w for w in reversed(names) if w[:1].isupper()), None)
        return lemma(name) if name else None

    def _owned_alike(self, later: Description, candidates: list[Description]) -> list[Description]:
        """The candidates that count the same owner's things as a possessive names: "the club's 460 members" are
        the "640-member club", not "more than 900 former members" the committee traced."""
        start = later.quantity.span.start
        match = _OWNER.search(self.document.text, max(0, start - 40), start)
        if match is None:
            return []
        owner = load_lexicon().canonical(lemma(match["owner"].lower()))
        return [d for d in candidates if d.head == owner and d.counted is not None]

    def _owned_by_another(self, later: Description, earlier: Description) -> bool:
        """True when the earlier figure names its owner ("seven children of Norwegian immigrants", "Parliament's
        97 elected seats") and the later one has a pronoun for its owner ("their three children", "held its 10
        seats") that neither its sentence nor the one before names: the pronoun stands for someone else."""
        text = self.document.text
        start, end = later.quantity.span.start, earlier.quantity.span.end
        pronoun = _PRONOUN_OWNER.search(text, max(0, start - 30), start)
        if pronoun is None:
            return False
        earlier_start = earlier.quantity.span.start
        # "seven children of Norwegian immigrants", "87 of Parliament's 97 elected seats"
        named = _NAMED_OWNER_AFTER.match(text, end, end + 40) or _OWNER.search(
            text, max(0, earlier_start - 40), earlier_start)
        if named is None:
            # "The Social Democrats gained eight seats ... the Greens won three of their five new seats": each
            # figure's clause names who has it, and they differ
            holder, other = self._named_before(pronoun.start()), self._named_before(earlier_start)
            return holder is not None and other is not None and holder != other and holder not in earlier.bag
        if named["owner"].lower() in STOP_WORDS:
            return False
        owner = lemma(named["owner"].lower())
        holder = self._named_before(pronoun.start())
        if holder is not None and holder != owner:
            return True  # "The opposition Workers' Party held its 10 seats": its own, not Parliament's
        index = self.document.sentence_index(start)
        near_start = self.document.sentences[max(0, index - 1)].start if self.document.sentences else 0
        return owner not in {lemma(w.group().lower()) for w in WORD.finditer(text, near_start, start)}

    def _other_frame(self, later: Description, earlier: Description) -> bool:
        """True when the later figure's sentence opens on a named frame ("In the Legislative Council, the upper
        house, 11 of the 22 seats ...") that the earlier figure's words do not name."""
        sentence = self.document.sentence_at(later.quantity.span.start)
        frame = _NAMED_FRAME.match(self.document.text, sentence.start, later.quantity.span.start)
        if frame is None:
            return False
        names = {lemma(w.group().lower()) for w in WORD.finditer(frame["name"])}
        earlier_sentence = self.document.sentence_at(earlier.quantity.span.start)
        said = {lemma(w.group().lower()) for w in WORD.finditer(self.document.text, earlier_sentence.start,
                                                                 earlier_sentence.end)}
        return not names & said

    def _other_person(self, later: Description, earlier: Description) -> bool:
        """True when a figure is a person's ("Meghna Sahu returned four for 38 from her 10 overs") and the other
        figure's clause does not name that person ("South Africa were bowled out in 46.3 overs")."""
        for one, other in ((later, earlier), (earlier, later)):
            person = self._person(one)
            if person is not None and person not in other.bag | other.lead and self._person(other) != person:
                return True
        return False

    def _person(self, description: Description) -> str | None:
        """The person "his" or "her" right before a figure stands for: the last name before it in its sentence."""
        key = id(description)
        if key not in self._persons:
            self._persons[key] = self._read_person(description)
        return self._persons[key]

    def _read_person(self, description: Description) -> str | None:
        """See :meth:`_person`: worked out once per figure."""
        start = description.quantity.span.start
        if "h" not in self.document.text[max(0, start - 30):start]:
            return None  # neither "his" nor "her" stands before it
        match = _PRONOUN_OWNER.search(self.document.text, max(0, start - 30), start)
        if match is None or match["pronoun"].lower() not in _PERSONS:
            return None
        name = self._named_before(match.start())
        if not name:
            return None
        group = _POSSESSIVE_AFTER_PRONOUN.search(match.group())
        # "his team's 29 points" are the team's, not his: a person's side is another holder than the person
        return f"{load_lexicon().canonical(name)} {group['group'].lower()}" if group else load_lexicon().canonical(name)

    @staticmethod
    def _other_owner(owner: str | None, later: Description, earlier: Description) -> bool:
        """True when a link by a synonym meets an owner the earlier mention does not name.

        A synonym is weaker evidence than the same noun: "the club's 26,000
        supporters" are not "a crowd of 9,800" that names no club, while "the
        company's 340 stores" are the chain's "310 stores".
        """
        if owner is None or later.head_word == earlier.head_word:
            return False
        return owner not in earlier.bag | earlier.lead | earlier.modifiers | earlier.nouns

    def _given_before(self, later: Description) -> Quantity | None:
        """The nearest earlier mention of the very figure of a definite mention, in its unit."""
        quantity = later.quantity
        if quantity.value is None:
            return None
        start = quantity.span.start
        pool = self.by_figure.get((quantity.unit, quantity.value), ())  # in text order
        for i in range(bisect.bisect_left(pool, start, key=_quantity_start) - 1, -1, -1):
            if pool[i].span.end <= start:  # the nearest that ends before this one: within reach, or none is
                return pool[i] if start - pool[i].span.start <= _REACH else None
        return None

    def _restatable(self, later: Description, candidates: list[Description]) -> list[Description]:
        """The candidates but those the words show are not what ``later`` restates: the count a whole is of
        ("taking 34 of the 63 seats" after "with 34 seats"), and for a percentage, another of its sentence
        ("found the company 85% responsible and its driver 15% responsible")."""
        start = later.quantity.span.start
        count = _COUNT_BEFORE.search(self.document.text, max(0, start - 25), start) if later.whole_of_parts else None
        if count is not None:
            part = float(count["count"].replace(",", ""))
            candidates = [c for c in candidates if c.quantity.value != part]
        if later.quantity.unit == "percent":
            sentence = self.document.sentence_at(start)
            candidates = [c for c in candidates if not sentence.contains(c.quantity.span)]
        return candidates

    def links(self) -> list[tuple[Description, list[Description]]]:
        """Each definite mention with the earlier mentions it restates."""
        found = []
        for later in self.descriptions:
            if not (later.definite or self._quoted_round(later)) or (
                    later.head is None and later.participle is None and not (
                    _is_measure(later.quantity.unit) and _AT_PLACE.match(self.document.text, later.quantity.span.end))):
                continue
            candidates = self._restatable(later, self._candidates(later))
            if not later.definite:
                candidates = self._rounded_by_speaker(later, candidates)
            if not candidates:
                continue
            if not _agree_together(candidates):
                candidates = _unqualified(later, candidates)
            if not _agree_together(candidates):
                candidates = self._owned_alike(later, candidates) or _sharing_a_verb(later, candidates)
                if not candidates or not _agree_together(candidates):
                    continue  # the earlier figures disagree among themselves: which one is meant is unclear
            given = self._given_before(later)
            if given is not None and not all(agree(given, c.quantity) for c in candidates):
                continue  # "The 650 soldiers" restates "650 are deployed", not "250 British troops" of 2022
            found.append((later, candidates))
        return found

    def _quoted_round(self, description: Description) -> bool:
        """True for a hedged figure a speaker gives in quotation marks ("With close to 200 confirmed cases, we
        are ...", the spokesman said): a speaker rounds a figure given before as often as he names a new one."""
        quantity = description.quantity
        if quantity.qualifier is None or quantity.hedge is None or description.head is None:
            return False
        text = self.document.text
        line = text.rfind("\n", 0, quantity.span.start) + 1  # a quotation runs on within its paragraph
        return text.count("“", line, quantity.span.start) > text.count("”", line, quantity.span.start) or \
            text.count('"', line, quantity.span.start) % 2 == 1

    def _rounded_by_speaker(self, later: Description, candidates: list[Description]) -> list[Description]:
        """The one plain count of its noun that a speaker's round figure restates, or none.

        None when the earlier figures leave unclear which is rounded ("3,080 tigers photographed" and "3,682
        tigers"), when one is a size ("24-storey" sizes a tower), when an earlier figure of any noun fits the
        round one, or when the speaker speaks of what is wanted, of some who did something ("About 800 members
        turned up"), of another time or stretch, or of a wider place.
        """
        text, start = self.document.text, later.quantity.span.start
        plain = [c for c in candidates if c.quantity.qualifier is None and not _HYPHENED_SIZE.search(c.quantity.text)]
        sentence = self.document.sentence_at(start)
        if len(plain) != 1 or self._rounds_another(later) or _WANTED.search(text, max(0, start - 40), start) or \
                _DOES_SOMETHING.match(text, later.quantity.span.end) or \
                _timed_apart(later, plain[0]) or _CUMULATIVE.search(text, sentence.start, sentence.end) or \
                _WIDER.search(text, sentence.start, sentence.end):
            return []
        return plain

    def _rounds_another(self, description: Description) -> bool:
        """True when an earlier figure of the unit, of any noun, lies within a twentieth of an approximate one:
        "Around 3,700 tigers" rounds "an estimated 3,682", whatever else was counted of tigers."""
        quantity = description.quantity
        if quantity.qualifier is not Qualifier.APPROX:
            return False  # "more than 1,600" fits any larger figure: no sign of which it rounds
        return any(unit == quantity.unit and (value_ratio(value, quantity.value or 0) or 99) <= _ROUNDED
                   for (unit, value), figures in self.by_figure.items()
                   for other in figures if other.span.end <= quantity.span.start)

    def _holders(self, description: Description) -> frozenset[str]:
        """The names in a figure's clause (months and days left out, and who speaks): whose or where the figure
        is."""
        text = self.document.text
        sentence = self.document.sentence_at(description.quantity.span.start)
        start = clause_start(text, sentence, description.quantity.span.start)
        end = clause_end(text, sentence, description.quantity.span.end)
        names = set()
        for word in WORD.finditer(text, start, end):
            low = _POSSESSIVE_END.sub("", word.group()).lower()
            if not word.group()[:1].isupper() or low in STOP_WORDS or is_time_word(low) or \
                    _SPEAKER_AFTER.match(text, word.end()):
                continue  # "Chief executive Joanna Pryce said ...": who speaks, not whose the figure is
            # a word opening its sentence or a quotation is a name when a verb follows it ("Leeds scored") and the
            # document never writes it in lower case
            opening = word.start() == sentence.start or _OPENS_QUOTE.search(text, max(0, word.start() - 3), word.start())
            if not opening or _VERB_NEXT.match(text, word.end()) and low not in self._lower_case_words():
                names.add(lemma(low))
        return frozenset(names)

    def _lower_case_words(self) -> frozenset[str]:
        """The words the document writes in lower case somewhere, read once."""
        if self._lower is None:
            self._lower = frozenset(w for w in WORD.findall(self.document.text) if w.islower())
        return self._lower

    def _ordinals(self, description: Description) -> frozenset[str]:
        """The words of order in a figure's sentence ("first", "second", "final")."""
        sentence = self.document.sentence_at(description.quantity.span.start)
        return frozenset(w.lower() for w in WORD.findall(self.document.text, sentence.start, sentence.end)) & _ORDINALS

    def _said_right(self, first: Description, second: Description) -> bool:
        """True when the sentence of ``first`` also holds a figure of the value of ``second``."""
        sentence = self.document.sentence_at(first.quantity.span.start)
        return any(q is not second.quantity and sentence.start <= q.span.start < sentence.end
                   for q in self.by_figure.get((second.quantity.unit, second.quantity.value or 0), ()))

    def transposed_links(self) -> list[tuple[Description, list[Description]]]:
        """Figures whose digits are an earlier one's with two swapped, when their nouns meet and nothing sets
        them apart (see :mod:`factcheck.builtin.relate.transpositions`)."""
        found = []
        for later, earlier, distance in transposed_pairs(self.descriptions, _stated_unit):
            if self.document.sentence_at(later.quantity.span.start) == self.document.sentence_at(
                    earlier.quantity.span.start):
                continue  # one sentence's two figures are two things ("from 1,240 to 1,420")
            if not _nouns_meet(later, earlier, distance) or _set_apart(later, earlier, self.reference) or \
                    self._placed_elsewhere(later, earlier):
                continue
            holders = (self._holders(later), self._holders(earlier))
            if all(holders) and not holders[0] & holders[1]:
                continue  # "Leeds scored 123 points" ... "Hull scored 132 points": two holders' figures
            orders = (self._ordinals(later), self._ordinals(earlier))
            if (later.head is None or earlier.head is None) and all(orders) and orders[0] != orders[1]:
                continue  # "£1.34m in the first half ... the second half brought £1.43m": an order sets them apart
            if (later.head in _DIFFERENCES) != (earlier.head in _DIFFERENCES):
                continue  # "a first-innings lead of 114" is no slip of "Smith's first-innings 141": a difference
            if self._opposed(later, earlier):
                continue  # "Revenue ... came in at $71.4 billion. Expenses totalled $74.1 billion": two sides
            if self._said_right(later, earlier) or self._said_right(earlier, later):
                continue  # "£48.6m" ... "(Q2 £46.8m, Q3 £48.6m)": the figure is given as written beside the other
            found.append((later, [earlier]))
        return found


def group_repeats(document: Document, descriptions: Sequence[Description],
                  reference: tuple[int, int] | None = None, figures: Sequence[Quantity] = ()) -> list[Same]:
    """Same claims: the connected groups of linked mentions, in text order.

    ``reference`` is the (year, month) the document speaks from, against
    which relative times ("last month") are read. ``figures`` are all the
    document's figures, described or not, among which a definite mention's
    very figure is looked for.
    """
    linker = RepeatLinker(document, descriptions, reference, figures)
    parent: dict[int, int] = {}

    def root(key: int) -> int:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    by_id: dict[int, Description] = {}
    for later, earlier in [*linker.links(), *linker.transposed_links()]:
        by_id[id(later)] = later
        for description in earlier:
            by_id[id(description)] = description
            parent[root(id(later))] = root(id(description))
    groups: dict[int, list[Description]] = defaultdict(list)
    for key, description in by_id.items():
        groups[root(key)].append(description)
    claims = []
    for members in groups.values():
        members.sort(key=lambda d: d.quantity.span.start)
        unit = max((_effective_unit(d) for d in members), key=len)
        mentions = tuple(replace(d.quantity, unit=unit) if d.quantity.unit != unit else d.quantity for d in members)
        head = next((d.head for d in reversed(members) if d.head), "") or ""
        span = Span(mentions[0].span.start, mentions[-1].span.end)
        claims.append(Same(span=span, mentions=mentions, key=head))
    claims.sort(key=lambda c: c.span.start)
    return claims
