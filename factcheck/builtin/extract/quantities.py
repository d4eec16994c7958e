"""Reading amounts: a number with what stands around it.

For each number (digits, words, or "a" before a length of time) the reader
looks left for a currency sign, a minus sign and a hedge, and right for a
scale word, a unit, a range's second number, a per-unit and the noun being
counted. Each look is an anchored match over a short window, and every set of
claimed regions is a ``SpanSet``, so the whole pass is linear in the text.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from typing import Sequence

import regex

from factcheck import patterns
from factcheck.builtin.extract.identifiers import Identifiers
from factcheck.builtin.extract.lexicon import Lexicon
from factcheck.builtin.extract.nouns import NounReader
from factcheck.builtin.extract.numbers import DIGITS, DIGITS_AFTER_SIGN, NumberMatch, Numeral, clean, read_digits
from factcheck.builtin.extract.reading import Reading
from factcheck.builtin.extract.spans import SpanSet
from factcheck.builtin.extract.vague import VagueReader
from factcheck.builtin.wordindex import first_words, matches_at, word_index
from factcheck.errors import ConfigError, InputError
from factcheck.model import Quantity, Span

WINDOW = 48
_PRICE_LIMIT = 1000  # a sum of money below this, with no scale word, is a price written to the unit
_SPACE = r"[ \t\u00a0\u202f]"
_ARTICLE_STARTS = frozenset({"half", "a", "an"})  # the words a length of time with no numeral opens with
_HALF_AFTER = patterns.compile(rf"{_SPACE}+and{_SPACE}+a{_SPACE}+half\b", regex.I)
_HYPHEN_WORD = patterns.compile(r"-(?P<word>[\p{L}]+(?:-[\p{L}]+)*)")
_PER = patterns.compile(
    rf"(?:{_SPACE}*|-)(?:(?P<word>a|an|per|each|every)(?:\s+|-(?=[\p{{L}}]))|(?P<slash>/){_SPACE}*)"
    r"(?P<what>[\p{L}][\p{L}-]*(?:\s+[\p{L}][\p{L}-]*)?)")
# "11 degrees below the January average" is a difference; "8 degrees below zero" a temperature.
_RELATIVE_AFTER = patterns.compile(r"[ \t\u00a0]+(?:above|below)[ \t\u00a0]+(?!zero\b|freezing\b|0\b)", regex.I)
_BRACKET_GAP = patterns.compile(r"\s*[(\[]\s*|\s*,?\s+or\s+(?:about\s+|around\s+)?")
# "of fuel an hour": what the rate is of, one to three words and no preposition ("of rainforest in a month")
_RANGE_FROM_BEFORE = patterns.compile(
    r"(?r)(?i)\b(?:range[sd]?|ranging|var(?:y|ies|ied|ying)|span(?:s|ned|ning)?)\s+(?:\w+\s+)?from\s+")
# Between two figures of which the second is compared with the first: "..., down from", "compared with".
_COMPARED_GAP = patterns.compile(
    r"(?i)[^.;!?\d]{0,40}?\b(?:(?:up|down|rising|falling|rose|fell|increased|decreased)\s+)?"
    r"(?:from|compared\s+with|compared\s+to|against|versus)\s+(?:the\s+)?(?:[\p{L}]+\s+){0,2}?")
# "The average age of a first-time buyer is now 34": an age by its subject.
_AGE_SUBJECT = patterns.compile(
    r"(?r)(?i)\bage\b[^.;!?\d]{0,50}?\b(?:is|was|stands\s+at|stood\s+at|rose\s+to|fell\s+to|reached|hit)"
    r"\s+(?:now\s+|just\s+|only\s+)?$")
_YEARS_OF_AGE = patterns.compile(r"(?r)(?i)\b(?:aged|ages?)\s+(?:(?:was|were|is|are|of|at)\s+)?(?:about\s+|around\s+)?$")
_TEMPERATURE_WORD_BEFORE = patterns.compile(
    r"(?r)(?i)\b(?:lows?|highs?|temperatures?|minimums?|maximums?|peaks?|wind\s+chills?|feels?\s+like)\b[^.;!?\d]{0,20}$")
_SENTENCE_END = patterns.compile(r"[.!?]\s")
_LEVEL_BOUNDS = frozenset({"below", "above", "under", "over", "beyond", "past"})
_BRACKETED = patterns.compile(r"\s*\([^()]{1,24}\)")
_FROM_TO_GAP = patterns.compile(r"\s+to\s+")
_RUN_OF = patterns.compile(r"(?i)(?:straight|consecutive|successive)\s+")
_YEAR_KIND = patterns.compile(r"(?i)(?:financial|fiscal|academic|calendar|school|tax|full|whole|consecutive)\s+(?=years?\b)")
_POINT_FRACTION = patterns.compile(
    r"(?i)\b(?P<fraction>quarter|half)[- ](?:(?:a|of\s+a)[- ])?(?:percentage[- ])?point\b")
_POINT_FRACTION_STARTS = frozenset({"quarter", "half"})
# "a quarter of a million", "three-quarters of a mile", "half a mile": found from the fraction's noun
_FRACTION_OF = patterns.compile(r"(?i)(?:\b(?P<count>an?|one|two|three|four)[\s-]+)?(?P<noun>half|thirds?|quarters?|"
                                r"fifths?)\s+(?:of\s+)?an?(?=\s)")
_FRACTION_NOUNS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths"})
_FRACTION_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5}
_AGO = patterns.compile(r"[ \t\u00a0]+ago\b", regex.I)
# "96.5 roubles to the dollar", "$1.27 against the pound": the currency an exchange rate is of.
_AGAINST_CURRENCY = patterns.compile(r"[ \t\u00a0]+(?:to|per|against)\s+(?:the|one|a|an|each)\s+(?P<word>[\p{L}]+)\b")
_PRECIOUS_METAL = patterns.compile(r"(?i)\b(?:gold|silver|platinum|palladium|bullion)\b")
_EARLIER = patterns.compile(r"[ \t\u00a0]+(?:earlier|previously|before(?=\s*(?:[,.;:!?)]|$)))\b", regex.I)
_OF_THING = patterns.compile(
    r"\s+of\s+(?:(?!(?:in|for|over|during|within|by|at|on|from|to|since|after|before|the)\b)"
    r"[\p{L}][\p{L}\d'’-]*\s+){1,3}?(?=(?:a|an|per|every)\s)", regex.I)  # "tonnes of CO2 a year"
_RANGE_JOIN = patterns.compile(rf"{_SPACE}*(?P<join>-|–|—|to|and){_SPACE}*(?=[\d£$€¥.]|[\p{{L}}])", regex.I)
_CURRENCY_SIGN = patterns.compile(r"(?:US|A|AU|C|CA|NZ|HK|NT|S|R)?\$|[£€¥₹]")  # "C$38,000 to C$62,000"
_OF_WHAT = patterns.compile(r"(?i)\s+of\s+(?:(?:the|their|its|his|her|our|my|your)\s+(?:own\s+)?)?(?P<what>[\p{L}]+)")
_LIST_JOIN = patterns.compile(r"\s*(?:,\s*(?:and|or)?|and|or)\s*")
_PARTITIVE_OF = patterns.compile(r"\s+of\s+(?:the|its|their|these|those|our|all)(?=\s+[\p{L}])")
_PHONE = patterns.compile(r"(?<![\w.,+(])(?:\+\d{1,3}(?:[ -]\d{1,4}){2,4}|\(?0\d{2,4}\)?(?:[ -]\d{2,4}){1,3}"
                          r"|\(\d{3}\)\s?\d{3}-\d{4})(?![\w]|[.,]\d)")
_CENTS_DIGITS = patterns.compile(r"\d+\.\d\d")  # "12.50": money's two decimals
_CLAUSE_END = patterns.compile(r"\s*(?:[,;.)]|$)")
_AGE_TIME_AFTER = patterns.compile(
    r"(?i)\s+(?:(?:next|this|last)\s+(?:week|month|year|spring|summer|autumn|fall|winter)|today|tomorrow|yesterday|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|in\s+(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December))\b")
_AGE_COMMA_BEFORE = patterns.compile(r"(?r)(?P<word>[\p{L}]+),\s")
_AGE_COMMA_AFTER = patterns.compile(r"(?:,\s|[.;)](?:\s|$)|$)")  # "Ms Hassan, 47, said" or "said Ms Hassan, 47."
_DETERMINED_NOUN_BEFORE = patterns.compile(
    r"(?r)(?i)(?:^|\s)(?:the|a|an|its|their|his|her|our|[\p{L}]+['’]s)\s+(?:[\p{L}-]+\s+){0,3}$")
_BETWEEN_BEFORE = patterns.compile(r"(?r)(?i)\bbetween\s+")
_CHANGE_FROM_BEFORE = patterns.compile(r"(?r)(?i)\b(?:from|by)\s+")
_CHANGE_VERB_BEFORE = patterns.compile(
    r"(?r)(?i)\b(?:rose|risen|fell|fallen|climbed|gained|added|lost|dropped|jumped|slipped|slid|declined|increased"
    r"|decreased|advanced|retreated|surged|soared|tumbled|plunged|(?:edged|inched|ticked|nudged)\s+(?:up|down|higher|lower))"
    r"\s+")
# After "an 11-point": a move or gap measured in points ("drop", "lead"), not a thing counted ("a 10-point plan")
_POINT_MOVE = patterns.compile(r"(?i)\s+(?:drop|fall|rise|lead|gap|swing|margin|increase|decrease|deficit|jump|slump|"
                               r"advantage|lift|slide|gain|loss|cut)\b")
_FROM_BEFORE = patterns.compile(r"(?r)(?i)\bfrom\s+")
_STEP_TO_LEVEL = 3  # "rose 3 to 4 percent" is a range; "rose $1.40 to $84.60" a step, then a level far above it
_MINUS_BEFORE = patterns.compile(r"(?r)(?:(?<=^|[\s(\[])[-−–]|(?i:(?<!\bplus\s+or\s+)\bminus)\s+)")
_PREVIOUS_WORD = patterns.compile(r"(?r)(?P<word>[\p{L}\d][\p{L}'’-]*)[\s\"'“‘]*")
_PARTICIPLE_BEFORE = patterns.compile(r"(?r)(?i)\b[\p{L}]{2,}ed\s+")
_COMPOUND_AFTER_HYPHEN = patterns.compile(r"(?i)-(?!olds?\b|on-)[\p{L}]{2,}\b")
_OVER_PARTICLE_VERBS = frozenset({"hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "take",
                                  "takes", "took", "taken", "taking", "sign", "signs", "signed", "signing", "pass",
                                  "passes", "passed", "passing", "hand-over", "carry", "carried", "carrying"})
_THE_BEFORE = patterns.compile(r"(?r)(?i)\bthe\s+")
_GLUED_LETTER = patterns.compile(r"[\p{L}\d]")
_DEGREES = patterns.compile(rf"{_SPACE}*(?:degrees?|°)(?![\p{{L}}])", regex.I)
_BELOW_ZERO = patterns.compile(rf"{_SPACE}+below{_SPACE}+(?:zero|freezing)\b", regex.I)
_PERCENT_NEAR = patterns.compile(r"%|\bper\s?cent\b|\bpercent\b", regex.I)
_COMPOUND_GAP = patterns.compile(rf"{_SPACE}+(?:and{_SPACE}+)?")
# a count in tens of thousands or more, written with separators and no unit: "600,000", "1,250,000"
_BIG_COUNT = (r"(?:about\s+|around\s+|some\s+)?(?:\d{2,3},\d{3}|\d{1,3}(?:,\d{3}){2,})"
              r"(?!\d|[,.]\d|\s*(?:%|per\s*cent|m\b|bn\b|km|kg|tonnes|metres|meters))")
_FROM_BIG_AFTER = patterns.compile(rf"(?i)(?:\s+an?\s+[\p{{L}}]+)?,?\s+(?:up\s+|down\s+)?from\s+{_BIG_COUNT}")
_FROM_BIG_BEFORE = patterns.compile(rf"(?i)\bfrom\s+{_BIG_COUNT}\s+to\s+$")
_EACH_WAY = patterns.compile(r"(?i)\s+(?:each\s+way|in\s+each\s+direction|in\s+both\s+directions)\b")
_SUBUNITS = frozenset({"cents", "cent", "pence", "p", "c"})
# ", or about $950,000 a month", ", about 6.3 per seat": a figure restated in other terms
_APPOSED_BEFORE = patterns.compile(r"(?i),\s*(?:or\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?|"
                                   r"(?:about|around|roughly|some|nearly|almost)\s+)\$?$")
_FROM_RIGHT_BEFORE = patterns.compile(r"(?i)\bfrom\s+(?:about\s+|around\s+)?$")
_SENTENCE_BREAK = patterns.compile(r"[.!?]\s|;")
_FULL_STOP = patterns.compile(r"[.!?]\s")
_CLAUSE_OPENS = patterns.compile(r"(?:^|[.!?;:]\s+|\n\s*)$")
_SUBJECT_AFTER = patterns.compile(r"(?i)\s*,?\s+(?:they|we|he|she|it|the\s+(?:club|team|side)|\p{Lu}\p{Ll}+\s+(?:won|lost|drew|scored))\b")
_FOLLOWING_WORD = patterns.compile(rf"{_SPACE}+(?P<word>[\p{{L}}]+)\b")
_DEGREE_LETTER = patterns.compile(r"(?P<letter>[CF])(?![\p{L}\d])")
_SPACES = patterns.compile(rf"{_SPACE}*")
_SPACED_DEGREE_LETTER = patterns.compile(r" (?P<letter>[CF])(?![\p{L}\d&'’.-])")
_OTHER_SCALE_AFTER = patterns.compile(r"\s*\(\s*-?\d[\d.,]*\s?[CF]\s*\)")  # "124 F (53.3 C)"
_OTHER_SCALE_BEFORE = patterns.compile(r"\d\s?[CF]\s*\(\s*$")  # the bracketed one: "(53.3 C)"
_HEAT_BEFORE = patterns.compile(r"(?i)\b(?:temperatures?|heat|highs?|lows?|reached|hit|peaked|soared|plunged|fell|rose|"
                                r"climbed|dropped|record|warm|cold|chill|degrees?)\b[^.;]{0,25}$")
# "five year groups", "three day trips": a singular time word before a plural noun is part of what is counted.
_PLURAL_NOUN_AFTER = patterns.compile(rf"{_SPACE}+(?P<word>[\p{{Ll}}]{{3,}}s)\b(?!['’-])")
_TEMPERATURES = ("degree_Celsius", "degree_Fahrenheit")


# What ends the gap between a temperature and its conversion: "41.2C (106F)", "41.2C in Seville, or 106F", "41.2C/106F"
_CONVERSION_GAP_END = patterns.compile(r"(?:\(|\bor|/)\s*$")


def _converts_last(text: str, reading: Reading, earlier: Sequence[Reading]) -> bool:
    """True for a temperature that converts the one right before it: the text goes on in the first one's scale."""
    if not earlier or earlier[-1].unit not in _TEMPERATURES or earlier[-1].unit == reading.unit:
        return False
    return reading.start - earlier[-1].end <= 40 and \
        _CONVERSION_GAP_END.search(text, earlier[-1].end, reading.start) is not None


def _temperature_near(reading: Reading, context: _Context) -> bool:
    """True when a temperature was read before in the sentence: "hit 104F (40C) on Monday, and nights stayed above
    80 degrees"."""
    last = next((r for r in reversed(context.readings[-3:]) if r.unit in _TEMPERATURES), None)
    return last is not None and reading.start - last.end <= 150 and \
        not _FULL_STOP.search(context.text, last.end, reading.start)


@dataclass
class _Context:
    """What the reader carries along the text: the currency and temperature scale in use."""

    text: str
    claimed: SpanSet
    currency: str = "USD"
    currency_named: bool = False  # False until a figure names its currency: "USD" is only a guess until then
    temperature: str | None = None
    letter_signed: dict[int, str] = field(default_factory=dict)  # "R14,200": the currency by its numeral's start
    readings: list[Reading] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Hedge:
    qualifier: str
    word: str
    start: int


def _phone_numbers(text: str) -> list[Span]:
    """Telephone numbers ("0800 555 0199", "+44 20 7946 0958", "(555) 123-4567"): no digit of them is an amount.

    Only runs that open with a trunk "0", a "+" or a bracketed area code are
    looked at, so "1 500 000" stays a number written with spaces.
    """
    found: list[Span] = []
    for start in word_index(text).numeral_starts():
        opened = start > 0 and text[start - 1] in "+("
        if text[start] != "0" and not opened:
            continue
        match = _PHONE.match(text, start - 1 if opened else start)
        if match is not None and (not found or found[-1].end <= match.start()):
            found.append(Span(match.start(), match.end()))
    return found


def _name_guessed_currencies(readings: list[Reading], cents_of: frozenset[str]) -> None:
    """Cents written before any currency is named are of the first currency with cents named after them.

    "Petrol averaged 189.9 cents a litre, and the A$3.5 billion excise cut": Australian cents.
    """
    named = None
    for reading in reversed(readings):
        if reading.currency and not reading.currency_guessed:
            named = reading.currency
        elif reading.currency and reading.currency_guessed and named in cents_of and reading.currency != named:
            guessed, reading.currency = reading.currency, named
            if reading.unit.startswith(guessed):
                reading.unit = named + reading.unit[len(guessed):]  # "USD / liter" → "AUD / liter"


def _could_be_age(value: float) -> bool:
    """True for a number of years a person may be: "compared with 1,900" after "aged 65" is no age."""
    return 0 < value < 120


def _finite(reading: Reading) -> bool:
    """False for a figure beyond a float's range ("1e999", 400 nines): no check can judge it, and JSON cannot hold it."""
    return all(math.isfinite(v) for v in (reading.value, reading.resolution, reading.low, reading.high) if v is not None)


MAX_FIGURES = 250_000  # figures in one document; news runs at about one per 80 characters
FIGURES_VARIABLE = "FACTCHECK_MAX_FIGURES"


def max_figures() -> int:
    """The most figures one document may hold: ``$FACTCHECK_MAX_FIGURES``, or :data:`MAX_FIGURES`.

    :raises ConfigError: when the variable is set to other than a whole number of at least 1.
    """
    value = os.environ.get(FIGURES_VARIABLE, "").strip()
    if not value:
        return MAX_FIGURES
    if not value.isdigit() or int(value) < 1:
        raise ConfigError(f"must be a whole number, at least 1, not {value!r}", key=FIGURES_VARIABLE)
    return int(value)


class QuantityReader:
    """Reads the quantities of a text, given spans (dates, markup) to stay out of."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._currency_names = frozenset(k.lower() for k in lexicon.currency_words if " " not in k)
        self.nouns = NounReader(lexicon)
        self.vague = VagueReader(lexicon, self.nouns)
        self.identifiers = Identifiers(lexicon)
        signs = "|".join(regex.escape(s) for s in patterns.longest_first(lexicon.currency_signs))
        codes = "|".join(patterns.longest_first(lexicon.currency_codes))
        self._currency_before = patterns.compile(  # matched backwards from the number
            rf"(?r)(?:(?<![\p{{L}}])(?P<code>{codes}){_SPACE}*|(?P<sign>{signs}){_SPACE}?)")
        self._code_after = patterns.compile(rf"{_SPACE}+(?P<code>{codes})\b")
        # currencies in letters may be glued to their numeral: "CHF2.5bn", "KSh180bn", "Rs.500"
        lettered = [*lexicon.currency_codes, *(s for s in lexicon.currency_signs if s[-1].isalpha() or s[-1] == ".")]
        self._glued_sign = patterns.compile(
            rf"(?<![\p{{L}}\d])(?:{'|'.join(regex.escape(s) for s in patterns.longest_first(lettered))})(?=\d)")
        self._glued_sign_words = first_words(lettered)
        letters = "|".join(sorted(lexicon.letter_currency_signs))
        self._letter_sign = patterns.compile(rf"(?<![\p{{L}}\d&'’./-])(?:{letters})(?=\d)")
        self._letter_sign_words = first_words(lexicon.letter_currency_signs)
        scales = "|".join(patterns.longest_first(lexicon.scale_words))
        self._scale_word = patterns.compile(rf"{_SPACE}*-?{_SPACE}*(?P<scale>{scales})\b", regex.I)
        abbreviations = "|".join(patterns.longest_first(lexicon.scale_abbreviations))
        self._scale_abbreviation = patterns.compile(rf"(?P<scale>{abbreviations})(?![\p{{L}}\d])")
        # "a second term" is an ordinal, so "second" is left out.
        time_forms = [form for form, entries in lexicon.unit_forms.items()
                      if any(self._is_time(e.unit) and not e.case_sensitive and not e.attached_only
                             for e in entries) and not form.endswith("s") and form != "second"]
        alternation = "|".join(regex.escape(f) for f in patterns.longest_first(time_forms))
        # "a decade", "an hour", "half a century": a length of time with no numeral.
        self._article_time = patterns.compile(
            rf"(?i)\b(?P<half>half{_SPACE}+)?(?P<article>an?)(?={_SPACE}+(?:{alternation})\b)")

    def _is_time(self, unit: str) -> bool:
        return unit in self.lex.time_units

    # ---------------------------------------------------------------- entry point

    def read(self, text: str, blocked: list[Span]) -> list[Quantity]:
        """Every quantity in ``text`` outside the ``blocked`` spans, in order."""
        context = _Context(text, SpanSet([*blocked, *_phone_numbers(text)]))
        vague = self.vague.find(text, context.claimed)
        vague += self._point_fractions(text, context.claimed)
        consumed_until = -1
        for number in self._candidates(text, context):
            if number.start < consumed_until:
                continue
            reading = self._read_one(text, number, context)
            if reading is None:
                continue
            if reading.currency and not reading.currency_guessed:
                context.currency, context.currency_named = reading.currency, True
            if reading.unit in _TEMPERATURES and not _converts_last(text, reading, context.readings):
                context.temperature = reading.unit
            context.readings.append(reading)
            consumed_until = max(reading.end, reading.noun_end or 0)
        _name_guessed_currencies(context.readings, self.lex.cents_of)
        readings = sorted(filter(_finite, [*vague, *context.readings]), key=lambda r: r.start)
        readings = self._merge_compound_units(text, readings)
        self._carry_units(text, readings)
        self.nouns.inherit(text, readings)
        return [r.to_quantity(text) for r in readings]

    def _candidates(self, text: str, context: _Context) -> list[NumberMatch]:
        claimed = context.claimed
        numerals = word_index(text).numeral_starts()
        # a numeral starts with its digits, or with the point of ".5"
        starts = sorted({*numerals, *(s - 1 for s in numerals if s and text[s - 1] == ".")})
        found = [NumberMatch(m.start(), m.end(), read_digits(m), False) for m in matches_at(text, DIGITS, starts)]
        for sign in word_index(text).finditer(self._glued_sign, self._glued_sign_words):
            glued = DIGITS_AFTER_SIGN.match(text, sign.end())
            if glued is not None:
                found.append(NumberMatch(glued.start(), glued.end(), read_digits(glued), False))
        in_use: set[str] = set()  # letter signs already written on money: "a R254 billion bailout ... R150"
        for sign in word_index(text).finditer(self._letter_sign, self._letter_sign_words):
            glued = DIGITS_AFTER_SIGN.match(text, sign.end())
            if glued is None:
                continue
            if self._money_shaped(text, glued):
                in_use.add(sign.group())
            elif sign.group() not in in_use or _THE_BEFORE.match(text, max(0, sign.start() - 5), sign.start()):
                continue  # "the R2 toll" names a road
            found.append(NumberMatch(glued.start(), glued.end(), read_digits(glued), False))
            context.letter_signed[glued.start()] = self.lex.letter_currency_signs[sign.group()]
        limit = max_figures()
        if len(found) > limit:
            # the relate stage keeps every figure's description: a page of nothing but figures would not fit
            raise InputError(f"holds {len(found):,} figures, more than the {limit:,} factcheck reads in one "
                             f"document (split it, or set {FIGURES_VARIABLE} to raise the limit)")
        found += self.lex.number_words.find(text)
        found += [NumberMatch(m.start(), m.end("article"), Numeral(0.5, 0.5) if m["half"] else Numeral(1.0, 1.0), True, True)
                  for m in word_index(text).finditer(self._article_time, _ARTICLE_STARTS)]
        found += self._fractions_of(text)
        found.sort(key=lambda n: (n.start, -n.end))
        result, last_end = [], -1
        for number in found:
            if number.start < last_end or claimed.overlaps(number.start, number.end):
                continue
            result.append(number)
            last_end = number.end
        return result

    @staticmethod
    def _fractions_of(text: str) -> list[NumberMatch]:
        """"a quarter of a", "three-quarters of an", "half a": a fraction of the scale word or unit after it."""
        found = []
        for noun in word_index(text).starts(_FRACTION_NOUNS):
            match = _FRACTION_OF.search(text, max(0, noun - 8), noun + 24)
            if match is None or match.start("noun") != noun:
                continue
            count = _FRACTION_COUNTS.get((match["count"] or "a").lower(), 1)
            value = count / _DENOMINATORS[match["noun"].lower().rstrip("s")]
            found.append(NumberMatch(match.start(), match.end(), Numeral(clean(value), 0.01), True, fraction=True))
        return found

    def _money_shaped(self, text: str, numeral: patterns.Match) -> bool:
        """True for an amount written as money: "14,200", "12.50", "1.9 billion", "3bn"; not "2" or "101"."""
        digits = numeral.group()
        return ("," in digits or _CENTS_DIGITS.fullmatch(digits) is not None
                or self._scale_word.match(text, numeral.end()) is not None
                or self._scale_abbreviation.match(text, numeral.end()) is not None)

    # ---------------------------------------------------------------- one number

    def _read_one(self, text: str, number: NumberMatch, context: _Context) -> Reading | None:
        start, end = number.start, number.end
        before = text[max(0, start - WINDOW):start]
        after = text[end:end + WINDOW]
        if number.article and not self._article_is_duration(before):
            return None
        currency = None if number.article else self._currency_before.match(text, max(0, start - 8), start)
        letter_sign = context.letter_signed.get(start)
        if not number.article and self.identifiers.not_an_amount(text, number, before, after,
                                                                 bool(currency or letter_sign)):
            return None
        reading = Reading(start, end, number.numeral.value, number.numeral.resolution, article=number.article)
        if currency:
            code = currency["code"] or self.lex.currency_signs[currency["sign"]]
            reading.currency, reading.unit, reading.unit_text = code, code, currency.group().strip()
            reading.start = start - len(currency.group())
        elif letter_sign:
            reading.currency, reading.unit, reading.unit_text = letter_sign, letter_sign, text[start - 1]
            reading.start = start - 1
        sign = _MINUS_BEFORE.match(text, max(0, reading.start - 8), reading.start)
        if sign and not number.article and (not number.words or sign.group().lower().startswith("minus")):
            reading.value = -reading.value
            reading.start = sign.start()
        hedge = self._hedge_before(text, reading.start)
        pos = self._read_half(reading, text, end)
        pos = self._read_scale(reading, text, pos, number.words, context.readings)
        pos = self._read_unit(reading, text, pos, context)
        if reading.currency and reading.scale == 1 and not number.words and 0 < reading.value < _PRICE_LIMIT:
            reading.resolution = min(reading.resolution, 1.0)  # "from KSh 80 to KSh 100": a price, not tens rounded
        if reading.article and not self._is_time(reading.unit):
            return None
        if number.fraction and reading.scale == 1 and not reading.unit:
            return None  # "a quarter of a million", "three-quarters of a mile"; not "two-thirds of a majority"
        pos = self._read_half(reading, text, pos) if self._is_time(reading.unit) else pos
        if self._is_time(reading.unit) and (_AGO.match(text, pos) or reading.article and _EARLIER.match(text, pos)):
            return None  # "a month ago", "two years ago", "a year earlier": a point in time, not a length of it
        pos = self._read_range(reading, text, pos, context, hedge)
        pos = self._read_per(reading, text, pos)
        pos = self._read_hedge_after(reading, text, pos)
        reading.end = pos
        unhedged_start = reading.start
        self._apply_hedge(reading, text, hedge)
        if not reading.age and self._is_age(text, reading, context):
            reading.unit, reading.age = "year", True
        elif reading.unit == "year" and not reading.age and _YEARS_OF_AGE.match(text, max(0, reading.start - 30),
                                                                                 reading.start):
            reading.age = True  # "mean age was 48.3 years", "aged 40 to 69 years"
        if reading.unit in _TEMPERATURES and self._is_difference(text, reading, context):
            # pint converts a difference only as a delta unit: 1.5 delta_degree_Celsius is 2.7 delta_degree_Fahrenheit
            reading.difference, reading.unit = True, f"delta_{reading.unit}"
        if number.words and reading.value == 0 and reading.adjective:
            return None  # "zero-carbon homes", "zero-hours contracts": a kind of thing, not a count of it
        if reading.unit == "" and not reading.adjective:
            if _GLUED_LETTER.match(text, pos) or (number.words and reading.value == 0):
                return None  # "3D", "5G"; "net zero"
            self._read_noun(reading, text, pos)
            if reading.noun_end:
                self._read_bound_after_noun(reading, text, reading.noun_end)
            self._read_count_rate(reading, text, reading.noun_end or pos)
            if reading.hedge == "over" and _CLAUSE_OPENS.search(text, max(0, reading.start - 4), reading.start) and \
                    _SUBJECT_AFTER.match(text, reading.noun_end or pos):
                # "Over 38 games they won 28": the stretch a record covers, not "more than 38"
                reading.qualifier, reading.hedge, reading.start = None, None, unhedged_start
        elif reading.unit and reading.currency is None and not reading.noun:
            reading.noun = self.nouns.of_phrase(text, pos)
        return reading

    def _article_is_duration(self, before: str) -> bool:
        """"for a year", "in a decade" are durations; "twice a year", "three meals a day" are frequencies."""
        previous = _PREVIOUS_WORD.match(before)
        if not previous:
            return not before.rstrip()[-1:] in ("%", ")")  # "68% a year ago" dates the figure
        word = previous["word"].lower()
        if word in self.lex.frequency_words or word[-1].isdigit():
            return False
        # After a preposition, hedge or verb it is a length of time ("in a decade", "waited a year");
        # after a noun, a rate ("three meals a day", "150 minutes of exercise a week").
        return (word in self.lex.stop_words or word in self.lex.hedges or word in self.lex.period_bound_cues
                or word.endswith("ed") or not previous["word"][0].islower())

    # ---------------------------------------------------------------- hedges

    def _hedge_before(self, text: str, start: int) -> _Hedge | None:
        match = self.lex.hedge_before.match(text, max(0, start - WINDOW), start)
        if not match:
            return None
        hedge = " ".join(match["hedge"].lower().split())
        preceding = text[max(0, match.start() - WINDOW):match.start()]
        if hedge == "up to":
            verb = _PREVIOUS_WORD.match(preceding)
            if verb and verb["word"].lower() in self.lex.change_verbs:
                return None  # "edged up to 2.4%" is where a change ends, not a bound
        if hedge in ("over", "under", "below", "above") and _CHANGE_FROM_BEFORE.match(preceding):
            return None
        if hedge == "over":
            verb = _PREVIOUS_WORD.match(preceding)
            if verb and verb["word"].lower() in _OVER_PARTICLE_VERBS:
                return None  # "waited more than an hour to hand over 1,946 patients": the verb's "over"
        return _Hedge(self.lex.hedges[hedge], hedge, match.start())

    def _apply_hedge(self, reading: Reading, text: str, hedge: _Hedge | None) -> None:
        if hedge is None or reading.qualifier:
            return
        if hedge.word == "over" and self._is_time(reading.unit):
            cue = _PREVIOUS_WORD.match(text, max(0, hedge.start - 30), hedge.start)
            if not cue or cue["word"].lower() not in self.lex.period_bound_cues:
                return  # "repaid over 18 months" is a period, not a minimum
            if cue["word"].lower() == "in" and _PARTICIPLE_BEFORE.match(text, max(0, cue.start() - 30), cue.start()):
                return  # "phased in over 18 months": "in" is the verb's; "the first rise in over a decade" bounds
        if hedge.word in ("under", "over") and reading.unit == "" and 0 < reading.value < 120:
            group = _PREVIOUS_WORD.match(text, max(0, hedge.start - 30), hedge.start)
            if group and group["word"].lower() in self.lex.age_group_nouns:
                reading.unit, reading.age = "year", True  # "children under five"
        reading.qualifier, reading.hedge = hedge.qualifier, hedge.word
        reading.start = min(reading.start, hedge.start)

    def _hedge_phrase_after(self, text: str, pos: int) -> tuple[str, int] | None:
        """The hedge right after ``pos`` ("or so", "or more"), its words single-spaced, and where it ends."""
        match = self.lex.hedge_after_pattern.match(text, pos, pos + 16)
        if match is None:
            return None
        return " ".join(match["hedge"].lower().split()), match.end()  # the pattern allows any white space

    def _read_hedge_after(self, reading: Reading, text: str, pos: int) -> int:
        found = None if reading.qualifier else self._hedge_phrase_after(text, pos)
        if found is None:
            return pos
        reading.hedge, end = found
        reading.qualifier = self.lex.hedges_after[reading.hedge]
        return end

    def _read_bound_after_noun(self, reading: Reading, text: str, pos: int) -> None:
        """"those averaging 7,000 steps or more": a bound after the counted noun (only an "or" phrase: "400
        students plus 30 staff" adds). The span stays the figure and its noun."""
        found = None if reading.qualifier else self._hedge_phrase_after(text, pos)
        if found is None or not found[0].startswith("or "):
            return
        reading.hedge = found[0]
        reading.qualifier = self.lex.hedges_after[reading.hedge]

    # ---------------------------------------------------------------- scale, unit

    @staticmethod
    def _read_half(reading: Reading, text: str, pos: int) -> int:
        """"two and a half", "a year and a half"."""
        match = _HALF_AFTER.match(text, pos)
        if not match:
            return pos
        reading.value = clean(reading.value + 0.5 * reading.scale)
        reading.resolution = min(reading.resolution, 0.5 * reading.scale)
        return match.end()

    def _read_scale(self, reading: Reading, text: str, pos: int, is_words: bool,
                    earlier: Sequence[Reading] = ()) -> int:
        match = self._scale_word.match(text, pos)
        if match:
            # Scale words multiply: "16.1 lakh crore" is 16.1 × 10^12, "a thousand million" 10^9.
            while match:
                self._scale(reading, self.lex.scale_words[match["scale"].lower()])
                pos = match.end()
                match = self._scale_word.match(text, pos)
            return pos
        if is_words:
            return pos
        match = self._scale_abbreviation.match(text, pos)
        if not match:
            return pos
        abbreviation = match["scale"]
        if abbreviation in ("m", "M", "b", "B", "k", "K") and reading.currency is None:
            follower = _FOLLOWING_WORD.match(text, match.end(), match.end() + 30)
            counts = follower is not None and (self.nouns.is_plural(follower["word"]) or bool(
                self.lex.unit_form(follower["word"], attached=False))) and \
                follower["word"].lower() not in self.lex.metre_events
            if abbreviation in ("b", "B", "k", "K") and not counts:
                return pos
            if abbreviation in ("m", "M") and not counts and not self._beside_big_count(text, reading.start, match.end()) \
                    and not self._base_of_millions(text, reading.start, earlier):
                # "a 100m sprint" is metres; "1.5m people" a million, as is "tripled to 1.8m a month, from 600,000".
                reading.unit, reading.unit_text = "meter", text[pos:match.end()]
                return match.end()
        self._scale(reading, self.lex.scale_abbreviations[abbreviation])
        return match.end()

    @staticmethod
    def _beside_big_count(text: str, start: int, end: int) -> bool:
        """True when a figure is one end of a change whose other end is a count in thousands: "to 1.8m a month,
        from 600,000", "from 640,000 to 1.2m"."""
        return bool(_FROM_BIG_AFTER.match(text, end) or _FROM_BIG_BEFORE.search(text, max(0, start - 40), start))

    @staticmethod
    def _base_of_millions(text: str, start: int, earlier: Sequence[Reading]) -> bool:
        """True for the base of a change whose result is a count in millions: "7.6m people ..., down from 7.7m"."""
        if not earlier or not _FROM_RIGHT_BEFORE.search(text, max(0, start - 20), start):
            return False
        last = earlier[-1]
        return last.scale == 1e6 and not last.unit and start - last.end <= 150 and \
            not _SENTENCE_BREAK.search(text, last.end, start)

    @staticmethod
    def _scale(reading: Reading, factor: float) -> None:
        reading.value = clean(reading.value * factor)
        reading.resolution = clean(reading.resolution * factor)
        reading.scale *= factor

    def _set_unit(self, reading: Reading, unit: str, written: str, factor: float = 1.0) -> None:
        reading.unit, reading.unit_text = unit, written
        if factor != 1.0:
            reading.value = clean(reading.value * factor)
            reading.resolution = clean(reading.resolution * factor)

    def _read_unit(self, reading: Reading, text: str, pos: int, context: _Context) -> int:
        if reading.unit == "meter":
            return pos
        window = text[pos:pos + WINDOW]
        if reading.currency is None and not reading.article:
            end = self._read_money_after(reading, window, context)
            if end is not None:
                return pos + end
        if reading.currency:
            return pos
        letter = _DEGREE_LETTER.match(window) or self._spaced_degree_letter(text, reading, window)
        if letter and not reading.article:  # "44.6C", "-27C", "100F"; "124 F (53.3 C)"
            self._set_unit(reading, self.lex.attached_letters[letter["letter"]], letter["letter"])
            return pos + letter.end()
        hyphen = _HYPHEN_WORD.match(window)
        if hyphen and not reading.article:
            return self._read_hyphen_word(reading, text, pos, hyphen)
        attached = not window[:1].isspace()
        spaces = _SPACES.match(window)
        assert spaces is not None  # a run of zero or more spaces matches anywhere
        spaced = spaces.end()
        unit = self.lex.unit_pattern.match(window, spaced) if spaced <= 2 else None
        form = self.lex.unit_form(unit.group(), attached) if unit else None
        if form is None and not attached and not reading.article:
            # "two financial years", "three academic years": a kind of year between the number and its unit
            # "12 straight weeks", "five consecutive days": a run of any unit of time
            run = _RUN_OF.match(window, spaced)
            kind = run or _YEAR_KIND.match(window, spaced)
            unit = self.lex.unit_pattern.match(window, kind.end()) if kind else None
            form = self.lex.unit_form(unit.group(), False) if unit else None
            if form is not None and (form.unit != "year" if run is None else not self._is_time(form.unit)):
                unit = form = None
        if unit and form:
            if self._is_time(form.unit) and not attached and self._counts_compound(text, pos + unit.end(), unit.group()):
                found = self.nouns.after(text, pos, unit_first=True)  # "its five year groups": a count of groups
                if found:
                    reading.noun, reading.noun_end = found.noun, found.end
                return pos
            self._set_unit(reading, form.unit, unit.group(), form.factor)
            end = pos + unit.end()
            if form.unit == "gallon" and text[pos:end].lower().lstrip().startswith("imperial"):
                reading.unit = "imperial_gallon"
            return end
        if reading.article:
            return pos
        degrees = _DEGREES.match(window)
        if degrees:
            return self._read_degrees(reading, text, pos, degrees, context)
        word = _FOLLOWING_WORD.match(window)
        if word and word["word"].lower() in self.lex.points_words and self._percentage_points(text, pos, reading):
            self._set_unit(reading, "percentage_point", word["word"])
            return pos + word.end()
        return pos

    @staticmethod
    def _counts_compound(text: str, pos: int, written: str) -> bool:
        """True when a singular time word opens a plural compound noun: "five year groups", "14 day-use lots",
        not "five years" or "ten year-olds"."""
        if written.lower().endswith("s") or not written.isalpha():
            return False
        if text.startswith("-", pos):
            return _COMPOUND_AFTER_HYPHEN.match(text, pos) is not None
        following = _PLURAL_NOUN_AFTER.match(text, pos)
        return following is not None and following["word"] not in ("olds", "was", "has", "is", "this", "plus") \
            and not following["word"].endswith("ss")

    def _read_money_after(self, reading: Reading, window: str, context: _Context) -> int | None:
        """"212p", "47.9 cents", "2.3 billion euros", "5m USD": money written after the number."""
        minor = self.lex.minor_pattern.match(window)
        if minor:
            name = " ".join((minor["attached"] or minor["word"]).lower().split())
            code, factor = self.lex.minor_units[name]
            if code is None:
                code = context.currency if context.currency in self.lex.cents_of else "USD"
                reading.currency_guessed = not context.currency_named
            reading.value = clean(reading.value * factor)
            reading.resolution = clean(reading.resolution * factor)
            reading.currency = reading.unit = code
            reading.unit_text = minor.group().strip()
            return minor.end()
        word = self.lex.currency_word_pattern.match(window)
        if word and not (word["word"].lower().startswith("pound") and
                         self._pounds_of_weight(reading, context, window[word.end():])):
            reading.currency = reading.unit = self.lex.currency_code(word["word"])
            reading.unit_text = word["word"]
            return word.end()
        iso = self._code_after.match(window)
        if iso:
            reading.currency = reading.unit = iso["code"]
            reading.unit_text = iso["code"]
            return iso.end()
        return None

    def _pounds_of_weight(self, reading: Reading, context: _Context, following: str) -> bool:
        """"weighed 9 pounds" and "four thousand pounds of cargo" are weight; "£" in use, "four million pounds"
        or "2bn pounds of investment" is money."""
        written = context.text[reading.start:reading.start + WINDOW]
        if self.lex.weight_cues.search(context.text, max(0, reading.start - 60), reading.start + WINDOW):
            return True
        goods = _OF_WHAT.match(following)
        if goods is not None:
            return goods["what"].lower() not in self.lex.money_nouns
        return context.currency != "GBP" and reading.scale == 1 and not self._scale_word.search(written[:40])

    def _read_degrees(self, reading: Reading, text: str, pos: int, degrees: patterns.Match,
                      context: _Context) -> int:
        """A bare "degrees": a temperature where the text speaks of weather, else an angle."""
        end = pos + degrees.end()
        near = text[max(0, pos - 120):end + 40]
        if degrees.group().strip() == "°" or self.lex.temperature_cues.search(near) or _temperature_near(reading, context):
            # No scale in use: above 60 degrees only Fahrenheit is weather ("topped 110 degrees").
            scale = context.temperature or ("degree_Fahrenheit" if reading.value > 60 else "degree_Celsius")
            self._set_unit(reading, scale, degrees.group().strip())
            below = _BELOW_ZERO.match(text, end)
            if below:
                reading.value = -reading.value
                return below.end()
        else:
            self._set_unit(reading, "degree", degrees.group().strip())
        return end

    def _percentage_points(self, text: str, pos: int, reading: Reading) -> bool:
        """"down 11 points to 31%": points near a percentage are percentage points, unless an index
        is in view ("the Dow gained 300 points") or the figure is too large to be a share."""
        # Bounded searches: an unbounded rfind on text without line breaks would be quadratic.
        line_start = max(text.rfind("\n", max(0, pos - 200), pos), pos - 200, -1) + 1
        line_end = text.find("\n", pos, pos + 200)
        line_end = pos + 200 if line_end < 0 else line_end
        if reading.value > 100 or self.lex.index_point_cues.search(text, line_start, line_end):
            return False
        return bool(_PERCENT_NEAR.search(text, line_start, line_end))

    def _read_hyphen_word(self, reading: Reading, text: str, pos: int, hyphen: patterns.Match) -> int:
        words = hyphen["word"]
        first = words.split("-")[0]
        lower = words.lower()
        end = pos + hyphen.end()
        reading.adjective = True
        if lower in ("year-old", "years-old", "month-old", "week-old", "day-old"):
            self._set_unit(reading, first.lower().rstrip("s"), first)
            reading.age = True
            return end
        parts = words.split("-")
        if len(parts) > 1:
            # "1,200-square-foot", "40-cubic-metre": a unit of two words
            pair = self.lex.unit_form(f"{parts[0]} {parts[1]}", attached=False)
            if pair is not None:
                self._set_unit(reading, pair.unit, f"{parts[0]}-{parts[1]}", pair.factor)
                return pos + 2 + len(parts[0]) + len(parts[1])
        form = self.lex.unit_form(first, attached=True) or self.lex.unit_form(first, attached=False)
        if form:
            self._set_unit(reading, form.unit, first, form.factor)
            # "two-day", "10-year", "decade-long": the rest ("-long") is part of the adjective.
            return pos + 1 + len(first) + (len(words) - len(first) if lower.endswith("-long") else 0)
        first_lower = first.lower()
        if first_lower in self.lex.points_words and _POINT_MOVE.match(text, end) and \
                self._percentage_points(text, pos, reading):
            self._set_unit(reading, "percentage_point", first)  # "from 42% to 31%, an 11-point drop"
            return pos + 1 + len(first)
        if first_lower in ("fold", "times"):
            reading.adjective = False
            return pos
        if first_lower in ("odd", "plus"):  # "400-odd", "5,000-plus"
            reading.qualifier, reading.hedge = ("approx", "odd") if first_lower == "odd" else ("min", "plus")
            reading.adjective = False
            return pos + 1 + len(first)
        if first_lower in self.lex.stop_words or not first.islower():
            reading.adjective = False
            return pos
        if first_lower in self.lex.strength_words:
            noun = self.nouns.after(text, end, singular=True)
            if noun:
                reading.noun = noun.noun
            return end
        # "500-page report", "12-storey building", "60-seat council": a count of that thing.
        reading.noun = _plural(first_lower)
        return pos + 1 + len(first)

    # ---------------------------------------------------------------- ranges and rates

    def _read_range(self, reading: Reading, text: str, pos: int, context: _Context, hedge: _Hedge | None) -> int:
        """"200-250", "between 1,500 and 2,000 homes", "18-24C", "$2-3bn", "five to seven years"."""
        join = _RANGE_JOIN.match(text, pos)
        if not join or reading.article:
            return pos
        word_join = join["join"].lower()
        lead_end = hedge.start if hedge else reading.start
        before = text[max(0, lead_end - 30):lead_end]
        between = _BETWEEN_BEFORE.match(before)
        if word_join == "and" and not between:
            return pos
        if word_join == "to" and _CHANGE_FROM_BEFORE.match(before) and not _RANGE_FROM_BEFORE.match(before):
            return pos  # "from 500 to 4,000" is a change, not a range; "prices range from €45 to €290" is one
        if word_join in ("-", "–", "—") and join.group() != join["join"] and reading.unit == "":
            return pos  # "500 - 600" with spaces is often an aside; a count's range is written tight
        second_start = join.end()
        glued = False
        if reading.currency:
            sign = _CURRENCY_SIGN.match(text, second_start)
            if sign is not None:
                second_start = sign.end()
            elif reading.unit_text and text.startswith(reading.unit_text, second_start):
                # the second sign written as the first: "KSh100 to KSh360", "KSh 100 to KSh 360"
                second_start += len(reading.unit_text)
                glued = not text.startswith(" ", second_start)
                second_start += 0 if glued else 1
        second = self._second_number(text, second_start, context, glued)
        if second is None:
            return pos
        other = Reading(second.start, second.end, second.numeral.value, second.numeral.resolution,
                        currency=reading.currency)
        end = self._read_scale(other, text, second.end, second.words)
        if not reading.currency:
            end = self._read_unit(other, text, end, context)
        if other.unit and reading.unit and other.unit != reading.unit:
            return pos
        if reading.unit and not other.unit and not reading.currency:
            return pos  # "rose 18% to 315,000 units": a unit written once stands after the second number
        # "$2-3bn" and "3 to 4 million": a scale written once applies to both numbers.
        first_scale = other.scale if reading.scale == 1 else 1.0
        second_scale = reading.scale if other.scale == 1 else 1.0
        if not reading.value * first_scale < other.value * second_scale:
            return pos
        if word_join == "to" and _CHANGE_VERB_BEFORE.match(before) and \
                other.value * second_scale > _STEP_TO_LEVEL * reading.value * first_scale:
            return pos  # "rose $1.40 to $84.60": a change by the first to the second, not a range
        self._scale(reading, first_scale)
        self._scale(other, second_scale)
        if reading.unit == "" and other.unit:  # the unit written once, after the second number
            reading.unit, reading.unit_text = other.unit, other.unit_text
        reading.low, reading.high = reading.value, other.value
        reading.resolution = min(reading.resolution, other.resolution)
        reading.age = reading.age or other.age
        if between and not hedge:
            reading.start = lead_end - (len(before) - between.start())
        return end

    def _second_number(self, text: str, pos: int, context: _Context, glued: bool = False) -> NumberMatch | None:
        digits = (DIGITS_AFTER_SIGN if glued else DIGITS).match(text, pos)
        number = NumberMatch(digits.start(), digits.end(), read_digits(digits), False) if digits else \
            self.lex.number_words.match(text, pos)
        if number is None or context.claimed.overlaps(number.start, number.end):
            return None
        return number

    def _read_per(self, reading: Reading, text: str, pos: int) -> int:
        """"$82 a barrel" → USD / oil_barrel; "A$5.60 a share" keeps AUD and notes the share."""
        if not reading.unit or reading.age or reading.article:
            return pos
        if reading.currency:
            rate = _AGAINST_CURRENCY.match(text, pos)
            if rate and rate["word"].lower() in self._currency_names and \
                    self.lex.currency_code(rate["word"]) != reading.currency:
                # "96.5 roubles to the dollar": an exchange rate
                reading.unit = f"{reading.unit} / {self.lex.currency_code(rate['word'])}"
                reading.unit_text = f"{reading.unit_text} {rate.group().strip()}"
                return rate.end()
        match = _PER.match(text, pos)
        if not match:
            return self._read_per_after_of(reading, text, pos)
        what = match["what"]
        parts = what.split()
        first = parts[0]
        if match["word"] in ("a", "an") and (len(parts) > 1 and parts[1].lower() in self.lex.not_per_after):
            form = self.lex.unit_form(first, attached=False)
            if form is None or self._is_time(form.unit):
                return pos  # "€382bn a year earlier" is a time, not a rate; "$82 a barrel after ..." is a price
        for candidate in (what, first):
            form = self.lex.unit_form(candidate, attached=False)
            if form and form.factor == 1 and form.unit not in ("percent", "percentage_point"):
                per_unit = form.unit if "/" not in form.unit else f"({form.unit})"  # "** 3" binds tighter
                if per_unit == "ounce" and reading.currency and _PRECIOUS_METAL.search(
                        text, max(0, reading.start - 80), reading.start):
                    per_unit = "troy_ounce"  # "gold rose to $2,410 an ounce": metals are priced by the troy ounce
                reading.unit = f"{reading.unit} / {per_unit}"
                written = match.group()[:match.start("what") - match.start()] + candidate
                reading.unit_text = f"{reading.unit_text} {written.strip()}"
                return pos + match.start("what") - match.start() + len(candidate)
        if reading.currency and (match["word"] in ("per", "a", "an", "each") or match["slash"]):
            if first.lower() in self.lex.stop_words or not first.isalpha():
                return pos
            reading.per = first.lower()
            return pos + match.start("what") - match.start() + len(first)
        return pos

    def _read_per_after_of(self, reading: Reading, text: str, pos: int) -> int:
        """"2.5 tonnes of fuel an hour", "10,800 kWh of electricity a year": a rate over time, what it is of between."""
        of = _OF_THING.match(text, pos)
        if not of or reading.currency:
            return pos
        match = _PER.match(text, of.end())
        if not match or match["slash"]:
            return pos
        parts = match["what"].split()
        form = self.lex.unit_form(parts[0], attached=False)
        if not form or not self._is_time(form.unit) or form.factor != 1:
            return pos
        if len(parts) > 1 and parts[1].lower() in self.lex.not_per_after:
            return pos
        reading.noun = self.nouns.of_phrase(text, pos)
        reading.unit = f"{reading.unit} / {form.unit}"
        reading.unit_text = f"{reading.unit_text} {match['word']} {parts[0]}"
        return match.start("what") + len(parts[0])

    def _read_count_rate(self, reading: Reading, text: str, pos: int) -> None:
        """"3,000 homes a year" is a rate, "1 / year", not a count to compare with "2,180 homes"; "6.4 oysters
        per square metre" a density, "1 / meter ** 2"; "1,125 seats each way every week" a rate too."""
        both_ways = _EACH_WAY.match(text, pos)
        match = _PER.match(text, both_ways.end() if both_ways else pos)
        if not match or match["slash"]:
            return
        parts = match["what"].split()
        form = self.lex.unit_form(parts[0], attached=False)
        if match["word"] == "per" and not (form and self._is_time(form.unit)):
            for candidate in (match["what"], parts[0]):
                form = self.lex.unit_form(candidate, attached=False)
                if form and form.factor == 1 and form.unit not in ("percent", "percentage_point"):
                    reading.unit = f"1 / {form.unit}" if "/" not in form.unit else f"1 / ({form.unit})"
                    reading.unit_text = f"per {candidate}"
                    reading.noun_end = match.start("what") + len(candidate)
                    return
            return
        if not form or not self._is_time(form.unit) or form.factor != 1:
            return
        if len(parts) > 1 and parts[1].lower() in self.lex.not_per_after:
            return
        reading.unit = f"1 / {form.unit}"
        reading.unit_text = match.group()[:match.start("what") - match.start()].strip() + " " + parts[0]
        reading.noun_end = match.start("what") + len(parts[0])

    # ---------------------------------------------------------------- ages, differences, nouns

    def _is_age(self, text: str, reading: Reading, context: _Context) -> bool:
        """"aged 71", "aged 18 to 65", "aged two and three", "The senator, 71,"."""
        if reading.unit or reading.vague:
            return False
        previous = context.readings[-1] if context.readings else None
        if previous is not None and previous.age and previous.unit == "year" and not previous.adjective \
                and _LIST_JOIN.fullmatch(text, previous.end, reading.start):
            return True
        aged = self.lex.age_cues.match(text, max(0, reading.start - 30), reading.start)
        if aged:
            reading.start = aged.start()  # "aged 71" is the age as written
            return True
        before = text[max(0, reading.start - 30):reading.start]
        if _could_be_age(reading.value) and reading.value == int(reading.value) and reading.low is None:
            if self.lex.weak_age_cues.match(before) and (_CLAUSE_END.match(text, reading.end)
                                                          or _AGE_TIME_AFTER.match(text, reading.end)):
                return True  # "The senator, who is 82, said", "turning 40 next week"
            comma = _AGE_COMMA_BEFORE.match(before)
            if comma and _AGE_COMMA_AFTER.match(text, reading.end):
                word = comma["word"]
                # "The senator, 71,", "Amina Yusuf, 29,", "the club's new striker, 23,"
                name = word[0].isupper() and word not in self.lex.months
                return (name or word.lower() in self.lex.person_nouns
                        or bool(_DETERMINED_NOUN_BEFORE.match(before, 0, comma.start())))
        return False

    @staticmethod
    def _spaced_degree_letter(text: str, reading: Reading, window: str) -> patterns.Match | None:
        """ "124 F (53.3 C)": a spaced C or F is a temperature when the other scale stands in brackets beside it,
        or a word of heat or cold comes just before ("reached 124 F")."""
        letter = _SPACED_DEGREE_LETTER.match(window)
        if letter is None:
            return None
        if _OTHER_SCALE_AFTER.match(window, letter.end()) or _OTHER_SCALE_BEFORE.search(
                text, max(0, reading.start - 16), reading.start):
            return letter
        return letter if _HEAT_BEFORE.search(text, max(0, reading.start - 40), reading.start) else None

    def _is_difference(self, text: str, reading: Reading, context: _Context) -> bool:
        """"a rise of 1.5C", "0.9C warmer", "11 degrees below the January average", and the
        conversion in brackets after a difference ("a rise of 1.5C (2.7F)"): not a temperature."""
        after = reading.end
        bracket = _BRACKETED.match(text, after)  # "1.5C (2.7F) warmer": the conversion sits between
        if bracket:
            after = bracket.end()
        # "never fell below 97F": a verb of change before a bound reaches a level, not a size of change
        bounded = reading.hedge in _LEVEL_BOUNDS
        if (not bounded and self.lex.difference_before.match(text, max(0, reading.start - 40), reading.start)
                or self.lex.difference_after.match(text, after) or _RELATIVE_AFTER.match(text, after)):
            return True
        previous = context.readings[-1] if context.readings else None
        return bool(previous is not None and previous.unit.startswith("delta_")
                    and _BRACKET_GAP.fullmatch(text, previous.end, reading.start))

    def _read_noun(self, reading: Reading, text: str, pos: int) -> None:
        if reading.noun:
            return
        found = self.nouns.after(text, pos, singular=reading.value == 1 and reading.low is None)
        if found:
            reading.noun = found.noun
            if text[pos:pos + 1] in (" ", "\t", "\u00a0"):
                reading.noun_end = found.end
            return
        whole = _PARTITIVE_OF.match(text, pos)
        if whole:  # "610 of the cases": the count is of the whole's noun
            found = self.nouns.after(text, whole.end())
            reading.noun = found.noun if found else None

    # ---------------------------------------------------------------- compound amounts

    @staticmethod
    def _point_fractions(text: str, claimed: SpanSet) -> list[Reading]:
        """"a quarter-point cut", "half a percentage point": a fraction of a percentage point, in words."""
        found = []
        for match in word_index(text).finditer(_POINT_FRACTION, _POINT_FRACTION_STARTS):
            if claimed.overlaps(match.start(), match.end()):
                continue
            value = 0.25 if match["fraction"].lower() == "quarter" else 0.5
            reading = Reading(match.start(), match.end(), value, 0.25, unit="percentage_point",
                              unit_text=match.group())
            claimed.add(reading.start, reading.end)
            found.append(reading)
        return found

    def _carry_units(self, text: str, readings: list[Reading]) -> None:
        """A figure compared with the one before it shares its reading when it leaves it out.

        "8.1 tonnes a hectare, down from 8.6 tonnes" is 8.6 tonnes a hectare, and "from 8.6 to
        6.1 tonnes a hectare" too, as is "from 8.1 tonnes a hectare to 7.9 tonnes"; "138.9p a litre, up
        from 132.4p" is pence a litre; "The average age is now 34, up from 31" makes both ages;
        "highs of 112 degrees, with lows near 90" makes 90 degrees too.
        """
        for reading in readings:
            if reading.unit == "" and not reading.noun and not reading.vague and _AGE_SUBJECT.match(
                    text, max(0, reading.start - 60), reading.start):
                reading.unit, reading.age = "year", True
        for first, second in zip(readings, readings[1:]):
            if second.vague or first.vague or second.low is not None:
                continue
            if (first.unit == "" and not first.noun and second.unit and not second.currency and not second.age
                    and _FROM_TO_GAP.fullmatch(text, first.end, second.start)
                    and _CHANGE_FROM_BEFORE.match(text, max(0, first.start - 12), first.start)):
                first.unit = second.unit  # "fell from 8.6 to 6.1 tonnes a hectare": the unit is written once
                continue
            if (second.unit == "" and not second.noun and first.unit and not first.age and not first.adjective
                    and not any(c.isdigit() for c in first.unit_text or "")  # "66 years and four months to 67"
                    and _FROM_TO_GAP.fullmatch(text, first.end, second.start)
                    and _FROM_BEFORE.match(text, max(0, first.start - 12), first.start)):
                # "cut journey times from 80 minutes to 25": the unit is written once, at the start ("by 0.6%
                # to 68.3 million" is a step, then a level)
                second.unit, second.currency = first.unit, first.currency
                continue
            if (first.unit == "" and not first.noun and second.currency and (second.unit_text or "x").lower().split()[0] in _SUBUNITS
                    and _FROM_TO_GAP.fullmatch(text, first.end, second.start)
                    and _CHANGE_FROM_BEFORE.match(text, max(0, first.start - 12), first.start)):
                # "edged down from 198.6 to 196.9 cents": cents written once
                first.unit, first.currency, first.unit_text = second.unit, second.currency, None
                first.value, first.resolution = clean(first.value * 0.01), clean(first.resolution * 0.01)
                continue
            compared = _COMPARED_GAP.fullmatch(text, first.end, second.start)
            ranged = _FROM_TO_GAP.fullmatch(text, first.end, second.start) and _CHANGE_FROM_BEFORE.match(
                text, max(0, first.start - 12), first.start)  # "from 8.1 tonnes a hectare to 7.9 tonnes"
            if compared and _APPOSED_BEFORE.search(text, max(0, first.start - 16), first.start):
                continue  # "$11.4 million ..., or about $950,000 a month, up from $8.7 million": a restatement's rate
            if (compared or ranged) and " / " in first.unit and second.unit == first.unit.split(" / ")[0]:
                second.unit = first.unit
            elif ranged and " / " in second.unit and first.unit == second.unit.split(" / ")[0] and \
                    _FROM_BEFORE.match(text, max(0, first.start - 12), first.start):
                # "from £11.44 to £12.21 an hour": the rate is written once, at the end ("by £98 to £2,062
                # a year" is a step, then a level)
                first.unit = second.unit
            elif compared and first.age and second.unit == "" and not second.noun and _could_be_age(second.value):
                second.unit, second.age = "year", True
            elif (first.unit in _TEMPERATURES and second.unit == "" and not second.noun
                  and _TEMPERATURE_WORD_BEFORE.match(text, max(0, second.start - 30), second.start)
                  and not _SENTENCE_END.search(text, first.end, second.start)):
                second.unit = first.unit

    def _merge_compound_units(self, text: str, readings: list[Reading]) -> list[Reading]:
        """"2 hours 35 minutes" is one amount of 155 minutes; "6ft 2in" of 74 inches."""
        merged: list[Reading] = []
        for reading in readings:
            previous = merged[-1] if merged else None
            if previous is not None and self._continues_amount(text, previous, reading):
                _, factor = self.lex.compound_units[previous.unit]
                previous.value = clean(previous.value * factor + reading.value)
                previous.resolution = reading.resolution
                previous.unit, previous.end = reading.unit, reading.end
                previous.unit_text = text[previous.start:reading.end]
                continue
            merged.append(reading)
        return merged

    def _continues_amount(self, text: str, first: Reading, second: Reading) -> bool:
        step = self.lex.compound_units.get(first.unit)
        if step is None or step[0] != second.unit or first.end > second.start:
            return False
        if first.low is not None or second.low is not None or second.qualifier or first.age or second.age:
            return False
        if first.adjective or second.adjective or not 0 <= second.value < step[1]:
            return False
        gap = _COMPOUND_GAP.fullmatch(text, first.end, second.start)
        return gap is not None


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"

