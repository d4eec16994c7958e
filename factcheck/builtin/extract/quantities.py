"""Reading amounts: a number with what stands around it.

For each number (digits or words) the reader looks left for a currency sign,
a minus sign and a hedge, and right for a scale word, a unit, a per-unit, a
range's second number and the noun being counted. Each look is an anchored
match over a short window, so the whole pass is linear in the text.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from factcheck.builtin.extract.lexicon import Lexicon
from factcheck.builtin.extract.numbers import (DIGITS, SCALE_ABBREVIATIONS, SCALES, WORD_NUMBER, Numeral,
                                               read_digits, read_words)
from factcheck.model import Qualifier, Quantity, Span

WINDOW = 48
_SPACE = r"[ \t\u00a0\u202f]"
_SCALE_WORD = regex.compile(rf"{_SPACE}*-?{_SPACE}*(?P<scale>thousand|million|billion|trillion)\b", regex.I)
_SCALE_ABBR = regex.compile(r"(?P<scale>bn|mn|trn|tn|m|k|b|M|K|B)(?![\p{L}\d])")
_HYPHEN_WORD = regex.compile(r"-(?P<word>[\p{L}]+(?:-[\p{L}]+)*)")
_ORDINAL_SUFFIX = regex.compile(r"(?:st|nd|rd|th)\b|[\s-]*(?:millionth|billionth|thousandth|hundredth)\b", regex.I)
_CLOCK = regex.compile(r"(?::\d\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|BST\b|CET\b|UTC\b|ET\b|EST\b|PST\b|hrs\b|GMT))")
_PER = regex.compile(rf"{_SPACE}*(?:(?P<word>a|an|per|each|every)\s+|(?P<slash>/){_SPACE}*)(?P<what>[\p{{L}}][\p{{L}}-]*(?:\s+[\p{{L}}][\p{{L}}-]*)?)")
_TIME_AGO = regex.compile(r"\s+(?:earlier|ago|before|previously)\b", regex.I)
_RANGE_JOIN = regex.compile(rf"{_SPACE}*(?P<join>-|–|—|to|and){_SPACE}*(?=[\d£$€¥.]|[\p{{L}}])", regex.I)
_WORD_AFTER = regex.compile(r"[\"'”’]?[ \t\u00a0]+(?P<word>[\p{L}][\p{L}'’-]*)")
_AGE_WORDS = regex.compile(r"(?i)\b(?:aged|age)\s+(?:between\s+)?$")
_FRACTION_AFTER = regex.compile(r"-?(?:thirds?|quarters?|fifths?|halves|tenths?|sixths?|eighths?)\b", regex.I)
_MULTIPLIER_AFTER = regex.compile(r"[\s-]*(?:fold\b|times\b|-times)", regex.I)
_PRONOUN_ONE = regex.compile(r"(?i)(?:\bno|\bthe|\bany|\bevery|\beach|\bsome|\bthis|\bthat|\bwhich)\s+$")
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
_COUNT_UNITS = frozenset({""})
_NAME_NUMBER_MAX_WORDS = 1


@dataclass
class _Reading:
    """A quantity being assembled while the reader walks right."""

    start: int
    end: int
    value: float
    resolution: float
    unit: str = ""
    unit_text: str | None = None
    currency: str | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    hedge: str | None = None
    noun: str | None = None
    noun_end: int | None = None
    per: str | None = None
    age: bool = False
    vague: bool = False
    scale: float = 1.0
    adjective: bool = False
    inferred_noun: bool = False


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


class QuantityReader:
    """Reads the quantities of a text, given spans (dates, markup) to stay out of."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        signs = sorted(lexicon.currency_signs, key=len, reverse=True)
        codes = sorted(lexicon.currency_codes, key=len, reverse=True)
        sign_pattern = "|".join(regex.escape(s) for s in signs)
        code_pattern = "|".join(codes)
        self._currency_before = regex.compile(
            rf"(?:(?<![\p{{L}}])(?P<code>{code_pattern}){_SPACE}*|(?P<sign>{sign_pattern}){_SPACE}?)$")
        self._code_after = regex.compile(rf"{_SPACE}+(?P<code>{code_pattern})\b")

    # ---------------------------------------------------------------- entry point

    def read(self, text: str, blocked: list[Span]) -> list[Quantity]:
        """Every quantity in ``text`` outside the ``blocked`` spans, in order."""
        candidates = self._candidates(text, blocked)
        readings: list[_Reading] = []
        consumed_until = -1
        currency_in_use = "USD"
        for start, end, numeral, is_words in candidates:
            if start < consumed_until:
                continue
            reading = self._read_one(text, start, end, numeral, is_words, currency_in_use)
            if reading is None:
                continue
            if reading.currency:
                currency_in_use = reading.currency
            readings.append(reading)
            consumed_until = reading.end
        readings += self._vague(text, blocked, readings)
        readings.sort(key=lambda r: r.start)
        self._inherit_nouns(text, readings)
        return [self._to_quantity(text, r) for r in readings]

    def _candidates(self, text: str, blocked: list[Span]) -> list[tuple[int, int, Numeral, bool]]:
        found = []
        for match in DIGITS.finditer(text):
            found.append((match.start(), match.end(), read_digits(match.group()), False))
        for match in WORD_NUMBER.finditer(text):
            numeral = read_words(match.group())
            if numeral is None:
                continue
            start = match.start()
            found.append((start, match.end(), numeral, True))
        found.sort(key=lambda c: (c[0], -c[1]))
        result, last_end = [], -1
        blocked_sorted = sorted(blocked, key=lambda s: s.start)
        for start, end, numeral, words in found:
            if start < last_end:
                continue
            span = Span(start, end)
            if any(b.overlaps(span) for b in blocked_sorted):
                continue
            result.append((start, end, numeral, words))
            last_end = end
        return result

    # ---------------------------------------------------------------- one number

    def _read_one(self, text: str, start: int, end: int, numeral: Numeral, is_words: bool,
                  currency_in_use: str) -> _Reading | None:
        before = text[max(0, start - WINDOW):start]
        after = text[end:end + WINDOW]
        if self._not_an_amount(text, start, end, before, after, numeral, is_words):
            return None
        reading = _Reading(start, end, numeral.value, numeral.resolution)
        # Left: currency sign or code, minus sign, hedge.
        currency = self._currency_before.search(before)
        if currency:
            code = currency["code"] or self.lex.currency_signs[currency["sign"]]
            reading.currency, reading.unit, reading.unit_text = code, code, currency.group().strip()
            reading.start = start - len(currency.group())
            before = text[max(0, reading.start - WINDOW):reading.start]
        sign = regex.search(r"(?:(?<=^|[\s(\[])[-−–](?=$)|\bminus\s+$)", before)
        if sign and not is_words:
            reading.value = -reading.value
            reading.start -= len(sign.group())
            before = text[max(0, reading.start - WINDOW):reading.start]
        self._read_hedge(reading, text, before)
        # Right: scale, unit, per-unit, range, hedge after, noun.
        pos = self._read_scale(reading, text, end, is_words)
        pos = self._read_unit(reading, text, pos, currency_in_use)
        pos = self._read_range(reading, text, pos, currency_in_use)
        pos = self._read_per(reading, text, pos)
        hedge_after = self.lex.hedge_after_pattern.match(text, pos, pos + 12)
        if hedge_after and not reading.qualifier:
            reading.qualifier = self.lex.hedges_after[hedge_after["hedge"].lower()]
            reading.hedge = hedge_after["hedge"].lower()
            pos = hedge_after.end()
        reading.end = pos
        if not reading.age and self._is_age(text, reading):
            reading.unit, reading.age = "year", True
        if reading.unit == "" and not reading.adjective:
            self._read_noun(reading, text, pos)
        elif reading.unit and reading.currency is None and not reading.noun:
            of_noun = regex.match(r"\s+of\s+(?P<noun>(?:[\p{Ll}][\p{Ll}-]*\s?){1,2})", text[pos:pos + 40])
            if of_noun:
                reading.noun = self._noun_phrase(of_noun["noun"].split())
        return reading

    def _not_an_amount(self, text: str, start: int, end: int, before: str, after: str,
                       numeral: Numeral, is_words: bool) -> bool:
        """Names, identifiers, ordinals, clock times, fractions and multipliers."""
        if _ORDINAL_SUFFIX.match(after) and not is_words:
            return True
        if _CLOCK.match(after) and not is_words:
            return True
        if is_words:
            written = text[start:end].lower()
            if _FRACTION_AFTER.match(after) or _MULTIPLIER_AFTER.match(after):
                return True
            if written == "one":
                if _PRONOUN_ONE.search(before) or regex.match(r"\s+(?:of|another|by|day)\b", after) \
                        or regex.match(r"[-\s]+(?:off|time|way|size)\b", after):
                    return True
            if written in ("second",):
                return True
        else:
            if _MULTIPLIER_AFTER.match(after) and regex.match(r"[\s-]*fold", after):
                return True
            # F-35, Covid-19, G7, A320, version 2.0 numbers glued to letters
            if regex.search(r"[\p{L}][-‑]?$", before) and not regex.search(r"(?:^|\s)[-‑]$", before):
                if not regex.search(r"[$£€¥₹]$|\b(?:US|A|C|NZ|HK|S|R|AU|CA)\$$", before):
                    return True
            if regex.match(r"[\p{L}]{0,3}\d", after) and not regex.match(r"(?:st|nd|rd|th)", after):
                return True
            if regex.search(r"(?:#|\bNo\.?\s?|\bno\.\s?)$", before):
                return True
            if self._after_name(before, after):
                return True
        return False

    def _after_name(self, before: str, after: str) -> bool:
        """A number right after a capitalised name is part of the name: Route 66, Boeing 737."""
        match = regex.search(r"(?<![.!?]\s)(?<=\S\s|^)(?P<word>[\p{Lu}][\p{L}]*)\s$", before)
        if not match:
            match = regex.search(r"(?P<word>[\p{Lu}][\p{L}]*)\s$", before)
            if not match or match.start() == 0 and len(before) < WINDOW:
                return False
            if regex.search(r"(?:^|[.!?][\"'”’]?\s+)$", before[:match.start()]):
                return False
        word = match["word"]
        if word in self.lex.not_name_words or word in self.lex.months or word in self.lex.weekdays:
            return False
        if word.lower() in self.lex.hedges or word.lower() in self.lex.stop_words:
            return False
        # "the Greens 5", "the Liberal Democrats 11": a plural party or team name before a count.
        if word.endswith("s") and not word.isupper() and regex.match(r"\s*(?:[,;.]|and\b|$)", after):
            return False
        return True

    def _read_hedge(self, reading: _Reading, text: str, before: str) -> None:
        match = self.lex.hedge_before.search(before)
        if not match:
            return
        hedge = regex.sub(r"\s+", " ", match["hedge"].lower())
        qualifier = self.lex.hedges[hedge]
        preceding = before[:match.start()]
        if hedge == "up to":
            verb = regex.search(r"([\p{L}]+)\s+$", preceding)
            if verb and verb.group(1).lower() in self.lex.change_verbs:
                return
        if hedge in ("over", "under", "below", "above") and regex.search(r"(?i)\b(?:from|to)\s+$", preceding):
            return
        reading.qualifier, reading.hedge = qualifier, hedge
        reading.start = reading.start - (len(before) - match.start())

    def _read_scale(self, reading: _Reading, text: str, pos: int, is_words: bool) -> int:
        match = _SCALE_WORD.match(text, pos)
        if match:
            self._scale(reading, SCALES[match["scale"].lower()])
            return match.end()
        if is_words:
            return pos
        match = _SCALE_ABBR.match(text, pos)
        if not match:
            return pos
        abbreviation = match["scale"]
        if abbreviation in ("m", "M", "b", "B") and reading.currency is None:
            # "1.5m people" is a million; "a 100m sprint" is metres.
            follower = regex.match(r"\s+(?P<word>[\p{L}]+)", text[match.end():match.end() + 30])
            if abbreviation in ("b", "B"):
                return pos
            if not follower or not self._is_plural(follower["word"]) and not self.lex.unit_form(
                    follower["word"], attached=False):
                reading.unit, reading.unit_text = "meter", text[pos:match.end()]
                return match.end()
        if abbreviation in ("k", "K") and reading.currency is None:
            follower = regex.match(r"\s+(?P<word>[\p{L}]+)", text[match.end():match.end() + 30])
            if not follower or not self._is_plural(follower["word"]):
                return pos
        self._scale(reading, SCALE_ABBREVIATIONS[abbreviation])
        return match.end()

    @staticmethod
    def _scale(reading: _Reading, factor: float) -> None:
        reading.value *= factor
        reading.resolution *= factor
        reading.scale *= factor

    def _read_unit(self, reading: _Reading, text: str, pos: int, currency_in_use: str) -> int:
        if reading.unit == "meter":
            return pos
        window = text[pos:pos + WINDOW]
        # Minor currency units: "212p", "47.9 cents", "28 US cents".
        if reading.currency is None:
            minor = self.lex.minor_pattern.match(window)
            if minor:
                name = (minor["attached"] or minor["word"]).lower()
                name = regex.sub(r"\s+", " ", name)
                code, factor = self.lex.minor_units[name]
                code = code or currency_in_use
                reading.value *= factor
                reading.resolution *= factor
                reading.currency = reading.unit = code
                reading.unit_text = minor.group().strip()
                return pos + minor.end()
        if reading.currency is None:
            word = self.lex.currency_word_pattern.match(window)
            if word and not (word["word"].lower().startswith("pound") and reading.scale == 1
                             and currency_in_use != "GBP"):
                code = self.lex.currency_words.get(word["word"]) or next(
                    v for k, v in self.lex.currency_words.items() if k.lower() == word["word"].lower())
                reading.currency = reading.unit = code
                reading.unit_text = word["word"]
                return pos + word.end()
            code = self._code_after.match(window)
            if code:
                reading.currency = reading.unit = code["code"]
                reading.unit_text = code["code"]
                return pos + code.end()
        if reading.currency:
            return pos
        # Degrees glued to the digits: "44.6C", "-27C".
        letter = regex.match(r"(?P<letter>[CF])(?![\p{L}\d])", window)
        if letter:
            reading.unit = self.lex.attached_letters[letter["letter"]]
            reading.unit_text = letter["letter"]
            return pos + letter.end()
        # "-year-old", "-strong", "-metre", "-page": compound adjectives.
        hyphen = _HYPHEN_WORD.match(window)
        if hyphen:
            return self._read_hyphen_word(reading, text, pos, hyphen)
        attached = not window[:1].isspace()
        spaced = regex.match(rf"{_SPACE}*", window).end()
        unit = self.lex.unit_pattern.match(window, spaced)
        if unit and (spaced <= 2):
            form = self.lex.unit_form(unit.group(), attached)
            if form:
                reading.value *= form.factor
                reading.resolution *= form.factor
                reading.unit, reading.unit_text = form.unit, unit.group()
                end = pos + unit.end()
                if form.unit in ("gallon",) and regex.search(r"(?i)imperial\s*$", text[pos:end]):
                    reading.unit = "imperial_gallon"
                return end
        return pos

    def _read_hyphen_word(self, reading: _Reading, text: str, pos: int, hyphen: regex.Match) -> int:
        words = hyphen["word"]
        first = words.split("-")[0]
        end = pos + hyphen.end()
        reading.adjective = True
        if words.lower() in ("year-old", "years-old", "month-old", "week-old", "day-old"):
            reading.unit, reading.unit_text = first.lower(), first
            reading.age = True
            return end
        form = self.lex.unit_form(first, attached=True) or self.lex.unit_form(first, attached=False)
        if form:
            reading.value *= form.factor
            reading.resolution *= form.factor
            reading.unit, reading.unit_text = form.unit, first
            # "two-day", "10-year", "decade-long": the rest ("-long") is part of the adjective.
            return pos + 1 + len(first) + (len(words) - len(first) if words.lower().endswith("-long") else 0)
        if first.lower() in self.lex.stop_words or first.lower() in ("fold", "times", "odd"):
            reading.adjective = False
            return pos
        if first.lower() == "strong":
            noun = self._noun_after(text, end)
            if noun:
                reading.noun = noun[0]
            return end
        if first.lower() in ("plus",):
            reading.qualifier, reading.hedge = Qualifier.MIN.value, "plus"
            reading.adjective = False
            return end
        # "500-page report", "12-storey building", "60-seat council": a count of that thing.
        reading.noun = _plural(first.lower())
        return pos + 1 + len(first)

    def _read_range(self, reading: _Reading, text: str, pos: int, currency_in_use: str) -> int:
        """"200-250", "between 1,500 and 2,000 homes", "18-24C", "$2-3bn", "five to seven years"."""
        join = _RANGE_JOIN.match(text, pos)
        if not join:
            return pos
        word_join = join["join"].lower()
        before = text[max(0, reading.start - 30):reading.start].lower()
        if word_join == "and" and not regex.search(r"\bbetween\s+$", before):
            return pos
        if word_join == "to" and regex.search(r"\b(?:from|by)\s+$", before):
            return pos
        verb = regex.search(r"([\p{L}]+)\s+$", before)
        if word_join == "to" and reading.unit and verb and (verb.group(1) in self.lex.change_verbs or verb.group(1) in (
                "up", "down", "fell", "dropped", "declined", "slipped", "cut", "reduced")):
            return pos  # "climbed 30% to 5,200": a change's size and its end, not a range
        if word_join in ("-", "–", "—") and join.group() != join["join"] and reading.unit == "":
            # "500 - 600" with spaces is often an aside; require a tight hyphen for counts.
            return pos
        second_start = join.end()
        sign = regex.match(r"[$£€¥]", text[second_start:second_start + 1]) if reading.currency else None
        if sign:
            second_start += 1
        match = DIGITS.match(text, second_start)
        if match:
            numeral = read_digits(match.group())
            second_end = match.end()
        else:
            words = WORD_NUMBER.match(text, second_start)
            if not words or not (numeral := read_words(words.group())):
                return pos
            second_end = words.end()
        second = _Reading(second_start, second_end, numeral.value, numeral.resolution)
        second.currency = reading.currency
        end = self._read_scale(second, text, second_end, match is None)
        end = self._read_unit(second, text, end, currency_in_use) if not reading.currency else end
        if second.unit and reading.unit and second.unit != reading.unit:
            return pos  # "8% to 14.6 million tonnes" is no range, and 8% keeps its own scale
        shared = second.scale if second.scale != 1 and reading.scale == 1 else 1.0
        if word_join == "to" and not (reading.value * shared < second.value * (
                reading.scale if reading.scale != 1 and second.scale == 1 else 1.0)):
            return pos
        if shared != 1:
            self._scale(reading, shared)
        elif reading.scale != 1 and second.scale == 1:
            self._scale(second, reading.scale)
        if reading.unit == "" and second.unit:  # the unit written once, after the second number
            reading.unit, reading.unit_text = second.unit, second.unit_text
        reading.low, reading.high = reading.value, second.value
        reading.resolution = min(reading.resolution, second.resolution)
        return end

    def _read_per(self, reading: _Reading, text: str, pos: int) -> int:
        """"$82 a barrel" → USD / oil_barrel; "A$5.60 a share" keeps AUD and notes the share."""
        if not reading.unit or reading.age:
            return pos
        match = _PER.match(text, pos)
        if not match:
            return pos
        what = match["what"]
        first = what.split()[0]
        for candidate in (what, first):
            form = self.lex.unit_form(candidate, attached=False)
            if form and form.factor == 1 and form.unit not in ("percent", "percentage_point"):
                if _TIME_AGO.match(text, pos + match.start("what") - match.start() + len(candidate)):
                    return pos  # "€382bn a year earlier" is a time, not a rate
                singular = regex.sub(r"\s+", " ", candidate)
                reading.unit = f"{reading.unit} / {form.unit}" if " " not in form.unit else f"{reading.unit} / ({form.unit})"
                reading.unit_text = f"{reading.unit_text} {match.group().strip()[:len(match.group().strip()) - len(what) + len(singular)]}"
                return pos + match.start("what") - match.start() + len(candidate)
        if reading.currency and (match["word"] in ("per", "a", "an", "each") or match["slash"]):
            if first.lower() in self.lex.stop_words or not first.isalpha():
                return pos
            reading.per = first.lower()
            return pos + match.start("what") - match.start() + len(first)
        return pos

    def _is_age(self, text: str, reading: _Reading) -> bool:
        """"aged 71", "aged 18 to 65", "The senator, 71,"."""
        if reading.unit or reading.vague:
            return False
        before = text[max(0, reading.start - 30):reading.start]
        if _AGE_WORDS.search(before):
            return True
        if 0 < reading.value < 120 and reading.value == int(reading.value):
            comma = regex.search(r"(?P<word>[\p{L}]+),\s$", before)
            if comma and regex.match(r",\s", text[reading.end:reading.end + 2]):
                word = comma["word"]
                return word[0].isupper() or word.lower() in self.lex.person_nouns
        return False

    # ---------------------------------------------------------------- nouns

    def _is_plural(self, word: str) -> bool:
        lower = word.lower()
        return lower in self.lex.irregular_plurals or (
            lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3)

    def _noun_phrase(self, words: list[str]) -> str | None:
        kept = []
        for word in words:
            lower = word.lower().strip("'’")
            if lower in self.lex.stop_words or not lower.isalpha() and "-" not in lower:
                break
            kept.append(lower)
            if self._is_plural(lower):
                break
        return " ".join(kept) or None

    def _noun_after(self, text: str, pos: int) -> tuple[str, int] | None:
        """The counted noun phrase right after ``pos``: "personnel", "support mission", "heart transplants"."""
        words, end = [], pos
        for _ in range(4):
            match = _WORD_AFTER.match(text, end)
            if not match:
                break
            word = match["word"]
            lower = word.lower()
            if lower in self.lex.stop_words or (words and lower.endswith(("ed", "ing")) and not self._is_plural(lower)):
                break
            if self.lex.unit_form(word, attached=False) and not words:
                break
            if word[0].isupper() and words:
                break
            words.append(lower)
            end = match.end()
            if self._is_plural(lower):
                break
        if not words:
            return None
        return " ".join(words), end

    def _read_noun(self, reading: _Reading, text: str, pos: int) -> None:
        if reading.noun:
            return
        found = self._noun_after(text, pos)
        if found:
            noun, end = found
            reading.noun = noun
            glued = regex.match(r"[ \t\u00a0]+", text[pos:pos + 3])
            if glued:
                reading.noun_end = end

    def _inherit_nouns(self, text: str, readings: list[_Reading]) -> None:
        """A bare count takes the noun of a neighbouring count in its sentence: "from 500 to 4,000 personnel"."""
        for index, reading in enumerate(readings):
            if reading.noun or reading.unit or reading.age:
                continue
            donor = None
            for other in list(reversed(readings[:index])) + readings[index + 1:]:
                if other.unit == "" and other.noun and not other.age and not other.inferred_noun:
                    gap = text[min(other.end, reading.end):max(other.start, reading.start)]
                    if regex.search(r"[.!?]\s|\n", gap) or len(gap) > 160:
                        continue
                    donor = other
                    break
            if donor:
                reading.noun = donor.noun
                reading.inferred_noun = True

    # ---------------------------------------------------------------- vague amounts

    def _vague(self, text: str, blocked: list[Span], readings: list[_Reading]) -> list[_Reading]:
        """"dozens", "hundreds of billions of dollars", "tens of thousands of people"."""
        found = []
        taken = [Span(r.start, r.end) for r in readings] + blocked
        for match in self.lex.vague_pattern.finditer(text):
            span = Span(match.start(), match.end())
            if any(span.overlaps(t) for t in taken):
                continue
            low, high = self.lex.vague[match["vague"].lower()]
            reading = _Reading(match.start(), match["vague"] and match.end("vague"), 0.0, 1.0,
                               low=low, high=high, vague=True)
            pos = reading.end
            if match["of"]:
                pos = match.end()
                scale = regex.match(r"\s+(?P<scale>thousands|millions|billions|trillions)\s+of\b", text[pos:pos + 30])
                if scale:
                    pos += scale.end()
                currency = self.lex.currency_word_pattern.match(text, pos)
                if currency:
                    code = next(v for k, v in self.lex.currency_words.items()
                                if k.lower() == regex.sub(r"\s+", " ", currency["word"].lower()))
                    reading.unit = reading.currency = code
                    reading.unit_text = currency["word"]
                    reading.end = currency.end()
                else:
                    unit = self.lex.unit_pattern.match(text, pos + 1) if text[pos:pos + 1] == " " else None
                    form = self.lex.unit_form(unit.group(), attached=False) if unit else None
                    if form:
                        reading.unit, reading.unit_text = form.unit, unit.group()
                        reading.end = unit.end()
                    else:
                        noun = self._noun_after(text, pos)
                        if noun:
                            reading.noun, reading.end = noun
            found.append(reading)
            taken.append(Span(reading.start, reading.end))
        return found

    # ---------------------------------------------------------------- output

    def _to_quantity(self, text: str, r: _Reading) -> Quantity:
        end = r.noun_end if r.noun_end and r.noun_end > r.end else r.end
        is_range = r.low is not None
        return Quantity(
            span=Span(r.start, end),
            text=text[r.start:end],
            value=None if is_range else r.value,
            unit=r.unit,
            unit_text=r.unit_text,
            low=r.low,
            high=r.high,
            noun=r.noun,
            qualifier=Qualifier(r.qualifier) if r.qualifier else None,
            hedge=r.hedge,
            vague=r.vague,
            age=r.age,
            resolution=None if r.vague else r.resolution,
            per=r.per,
            noun_inferred=r.inferred_noun,
        )

