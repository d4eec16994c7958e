"""Numbers that are not amounts: parts of names, labels, ordinals, clock times, ratios, scores.

"F-35", "Covid-19", "G7", "Route 66", "Boeing 737", "FTSE 100", "Article 5",
"phase 3", "No. 10", "3rd", "twenty-first", "10:30", "3pm", "24/7", "one in
five", "won 3-1", "threefold", "four times", "two-thirds". Each test reads a
few characters either side of the number, so the pass stays linear.
"""
from __future__ import annotations

import regex

from factcheck import patterns
from factcheck.segment import ABBREVIATIONS
from factcheck.builtin.extract.lexicon import Lexicon
from factcheck.builtin.extract.numbers import NumberMatch

_ORDINAL_SUFFIX = patterns.compile(
    r"(?:st|nd|rd|th)\b|[\s-]*(?:millionth|billionth|thousandth|hundredth)\b", regex.I)
_CLOCK = patterns.compile(
    r"(?::\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock\b|GMT\b|BST\b|CET\b|UTC\b|EST\b|EDT\b|PST\b|PDT\b|ET\b))")
_SLASH_NUMBER = patterns.compile(r"/\d")
_FOLD = patterns.compile(r"[ \t-]*fold\b", regex.I)
_TIMES = patterns.compile(r"(?P<hyphen>[ \t]*-)?[ \t]*times\b(?:[ \t]+(?P<next>[\p{L}]+))?", regex.I)
_FRACTION = patterns.compile(r"(?:-|\s)(?:thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|halves)\b",
                          regex.I)
_GLUED_LETTER_BEFORE = patterns.compile(r"(?r)[\p{L}][-‑]?")
_SPACED_HYPHEN_BEFORE = patterns.compile(r"(?r)(?:^|\s)[-‑]")
_GLUED_AFTER = patterns.compile(r"[\p{L}]{0,3}\d")
# "Boeing 737-800", "Airbus A320-200": a variant written after a name's number and a hyphen.
_MODEL_VARIANT_BEFORE = patterns.compile(r"(?r)\b\p{Lu}[\p{L}]*\s+\p{Lu}?\d+-$")
_NUMBER_SIGN_BEFORE = patterns.compile(r"(?r)(?:#|\bNo\.?\s?|\bno\.\s?|\bNos?\.\s?)")
# A capitalised phrase after the number that ends in a name noun: "617 Squadron", "10 Downing Street".
_NAME_AFTER = patterns.compile(r"[ \u00a0](?:[\p{Lu}][\p{L}]*[ \u00a0]){0,2}(?P<word>[\p{Lu}][\p{L}]*)\b")
_ABBREVIATED_YEAR_BEFORE = patterns.compile(r"(?r)(?<![\p{L}\d])['’]")  # "the Class of '92"
_LABEL_LIST_BEFORE = patterns.compile(r"(?r)(?P<word>[\p{L}]+)\.?\s+\d+[A-Za-z]?(?:\s*,\s*\d+[A-Za-z]?)*\s*(?:,|and|or|to|-|–)\s*$")
_WORD_BEFORE = patterns.compile(r"(?r)(?P<word>[\p{L}][\p{L}&'’.-]*)[ \u00a0]")
_SENTENCE_START = patterns.compile(r"(?r)(?:^|[.!?:;][\"'”’)]*\s+|\n\s*)")
# Before "numbers" as a verb: "It now numbers 38", "a crew that numbers 40"
_VERB_NUMBERS_BEFORE = patterns.compile(r"(?r)(?i)\b(?:it|now|which|that|still|currently|also|who|team|crew|force|"
                                        r"staff|workforce|membership|fleet)\s+$")
_PERCENT_AFTER = patterns.compile(r"\s?(?:%|per\s?cent\b|percent\b)", regex.I)
_LIST_END_AFTER = patterns.compile(r"\s*(?:[,;.)]|and\b|or\b|$)")
# "Conservatives 35, NDP 17, Bloc 7", "Ethiopia 38 and South Africa 19": a name after a listed amount is the
# next item's holder.
_LISTED_AMOUNT_BEFORE = patterns.compile(
    r"(?r)\d(?:\s?%|(?i:\s+per\s?cent|\s+percent)|\s+[\p{Ll}]{2,}s)?(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
    r"(?:\p{Lu}[\p{L}-]*\s+){0,2}$")  # "31 seats, Labour 22": the count's noun may stand after it
# The patterns named *_BEFORE are matched backwards (``(?r)``) from the number.
_DAY_BEFORE_DATE = patterns.compile(
    r"(?i)(?:st|nd|rd|th)?\s*(?:and|to|-|–|until|till)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|"
    r"june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b")
_COUNT_THEN_HOLDER = patterns.compile(
    r"\s+[\p{Ll}]{2,}s\s*,\s*(?:and\s+)?(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*\s+\d")
_SCORE_AFTER = patterns.compile(r"[-–](?P<second>\d{1,3})(?![\d%]|[.,]\d|\s*(?:%|per\s?cent))")
_SCORE_BEFORE = patterns.compile(r"(?r)(?<![\d.,])(?P<first>\d{1,3})[-–]")
_PERIOD = patterns.compile(r"\s+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?)\b", regex.I)
# "no one", "the one", "one of", "one-off": the pronoun or adjective, not the number.
_PRONOUN_ONE_BEFORE = patterns.compile(r"(?r)(?i)\b(?:no|the|any|every|each|this|that|which|last|just)\s+")
_PRONOUN_ONE_AFTER = patterns.compile(
    r"(?i)\s+(?:of|another|by|day|after|or\s+two|thing)\b|[-\s]+(?:off|time|way|size)\b")
# "at one point", "at one stage": a moment, not a count of points
_AT_ONE_BEFORE = patterns.compile(r"(?r)(?i)\bat\s+")
_MOMENT_AFTER = patterns.compile(r"(?i)\s+(?:point|stage|moment)\b")
# "1. Approved: 14", "2) Refused: 6": a numbered list item's number, alone at the start of its line
_LIST_NUMBER_AFTER = patterns.compile(r"[.)][ \t]+\S")
_LINE_START_BEFORE = patterns.compile(r"(?:^|\n)[ \t]*$")
_VERSION_BEFORE = patterns.compile(r"(?ri)\b(?:version|firmware)\s+$")  # not "release" or "build": verbs too
_YEAR = patterns.compile(r"(?:1[5-9]|20)\d\d(?![\d,])")


class Identifiers:
    """Tells numbers that are part of a name, label or ratio from amounts."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        words = [*lexicon.number_words.small, *lexicon.number_words.tens]
        word = "|".join(patterns.longest_first(words))
        small = "|".join(w for w, v in lexicon.number_words.small.items() if 0 < v <= 10)
        ordinals = "|".join(patterns.longest_first(lexicon.ordinal_words))
        self._ordinal_word_after = patterns.compile(rf"(?i)-(?:{ordinals})\b")
        # "one in five", "9 in 10": a small first number, "in", then the whole it is a share of.
        self._ratio_after = patterns.compile(
            rf"(?i)\s+in\s+(?:every\s+)?(?P<second>\d[\d,]*|{word}|a\s+hundred)\b(?!{_PERIOD.source[0]})")
        self._ratio_before = patterns.compile(rf"(?ri)(?<![\d.,])(?:[1-9]|10|\b(?:{small}))\s+in\s+(?:every\s+)?")
        # Most numbers are amounts: one look at each side says whether any test of that side can pass.
        self._may_name_after = patterns.any_of(
            self._ratio_after, _ORDINAL_SUFFIX, _CLOCK, _SLASH_NUMBER, _FOLD, _TIMES, _DAY_BEFORE_DATE, _GLUED_AFTER,
            _SCORE_AFTER)
        self._may_name_before = patterns.any_of(self._ratio_before, _GLUED_LETTER_BEFORE, _NUMBER_SIGN_BEFORE,
                                                _SCORE_BEFORE)

    def not_an_amount(self, text: str, number: NumberMatch, before: str, after: str,
                      has_currency: bool) -> bool:
        """True when the number at ``number`` is part of a name, a label, a ratio or an ordinal."""
        if number.words:
            return self._is_ratio(number, before, after) or self._words_not_amount(text, number, before, after)
        if self._may_name_after.match(after) or self._may_name_before.match(before):
            if self._named_either_side(text, number, before, after, has_currency):
                return True
        written = text[number.start:number.end]
        if not has_currency and _VERSION_BEFORE.match(before):
            return True  # "Version 3.12 of the software"
        if has_currency or not written.isdigit():
            return False  # "Labour 9,600" or "Brent 82.5" are amounts: names carry plain integers
        if _LIST_NUMBER_AFTER.match(after) and _LINE_START_BEFORE.search(before):
            return True  # "1. Approved: 14": the number of an item in a numbered list
        return (self._after_label(before, after) or self._after_name(before, after)
                or self._before_name(after) or bool(_ABBREVIATED_YEAR_BEFORE.match(before))
                or bool(_MODEL_VARIANT_BEFORE.match(before)))

    def _named_either_side(self, text: str, number: NumberMatch, before: str, after: str, has_currency: bool) -> bool:
        """True when what stands right before or after the digits makes them a ratio, ordinal, time or label."""
        if self._is_ratio(number, before, after):
            return True
        if self._is_ordinal(text, number, after) or _CLOCK.match(after) or _SLASH_NUMBER.match(after):
            return True
        if self._is_multiplier(after):
            return True
        if number.numeral.value <= 31 and _DAY_BEFORE_DATE.match(after):
            return True  # "between 3 and 6 March": the first day of a span of dates
        if not has_currency and _GLUED_LETTER_BEFORE.match(before) and not _SPACED_HYPHEN_BEFORE.match(before):
            return True  # F-35, Covid-19, G7, A320, M4
        if _GLUED_AFTER.match(after) or _NUMBER_SIGN_BEFORE.match(before):
            return True
        return self._is_score(number, before, after)

    def _before_name(self, after: str) -> bool:
        """"617 Squadron", "10 Downing Street", "3 Commando Brigade": the number opens a proper name."""
        match = _NAME_AFTER.match(after)
        return match is not None and match["word"].lower() in self.lex.name_nouns

    @staticmethod
    def _is_ordinal(text: str, number: NumberMatch, after: str) -> bool:
        """"21st", "3rd", "100th", "10 millionth"; but "11st 4lb" is eleven stone."""
        suffix = _ORDINAL_SUFFIX.match(after)
        if not suffix:
            return False
        written = suffix.group().strip(" -").lower()
        digits = text[number.start:number.end]
        if written in ("st", "nd", "rd") and digits.isdigit():
            last, tens = digits[-1], digits[-2:-1]
            return tens != "1" and last == {"st": "1", "nd": "2", "rd": "3"}[written]
        return True

    def _words_not_amount(self, text: str, number: NumberMatch, before: str, after: str) -> bool:
        if _FRACTION.match(after) or self._is_multiplier(after) or self._ordinal_word_after.match(after):
            return True
        written = text[number.start:number.end].lower()
        if written == "one":
            if _PRONOUN_ONE_BEFORE.match(before) or _PRONOUN_ONE_AFTER.match(after):
                return True
            if _AT_ONE_BEFORE.match(before) and _MOMENT_AFTER.match(after):
                return True
        return self._after_label(before, after)

    def _is_multiplier(self, after: str) -> bool:
        """"threefold", "four times faster", "13 times median earnings": a ratio; "scored 52 times." counts occasions."""
        if _FOLD.match(after):
            return True
        times = _TIMES.match(after)
        if not times:
            return False
        following = (times["next"] or "").lower()
        if times["hyphen"] or following in self.lex.multiplier_followers or following in self.lex.change_verbs:
            return True
        # "13 times median earnings" multiplies a noun; "scored 52 times in May" counts occasions
        return following.isalpha() and following not in self.lex.stop_words

    def _is_ratio(self, number: NumberMatch, before: str, after: str) -> bool:
        """"one in five adults", "1 in 10": a ratio, neither number an amount."""
        if self._ratio_before.match(before):
            return not _PERIOD.match(after)  # "5 in 10 days" is a count in a period
        if not 0 < number.numeral.value <= 10:
            return False
        ratio = self._ratio_after.match(after)
        return ratio is not None and not _YEAR.match(ratio["second"])

    @staticmethod
    def _is_score(number: NumberMatch, before: str, after: str) -> bool:
        """"won 3-1", "a 2-2 draw": a score, not a range (a range runs upwards)."""
        value = number.numeral.value
        following = _SCORE_AFTER.match(after)
        if following and value == int(value) and int(following["second"]) <= value <= 999:
            return True
        leading = _SCORE_BEFORE.match(before)
        return leading is not None and value == int(value) and int(leading["first"]) >= value

    def _after_label(self, before: str, after: str) -> bool:
        """"phase 3", "type 2 diabetes", "chapter eleven": a lower-case label word right before."""
        if _PERCENT_AFTER.match(after):
            return False
        # The label word stands right before, or before a list: the 11 of "junctions 10 and 11".
        for match in (_WORD_BEFORE.match(before), _LABEL_LIST_BEFORE.match(before)):
            word = match["word"].lower() if match else ""
            if word.endswith("."):
                # "No. 10" is a label; "lived by the road. 12 people died" ends a sentence
                word = word[:-1] if word[:-1] in ABBREVIATIONS else ""
            if word == "numbers" and match is not None and _VERB_NUMBERS_BEFORE.match(before, 0, match.start()):
                continue  # "the crew now numbers 38": the verb
            if word in self.lex.label_words or word.endswith("s") and word[:-1] in self.lex.label_words:
                return True
            if match and match["word"] in ("Year", "Years"):
                return True  # "Years 10 and 11", "Years 7 to 9": school year groups, not lengths of time
        return False

    def _after_name(self, before: str, after: str) -> bool:
        """"Route 66", "Boeing 737", "FTSE 100": a plain integer right after a capitalised name."""
        match = _WORD_BEFORE.match(before)
        if not match:
            return False
        word = match["word"]
        if not any(c.isupper() for c in word) or _PERCENT_AFTER.match(after):
            return False
        bare = word.rstrip(".")
        lower = bare.lower()
        if lower.endswith(("'s", "’s", "s'")):
            return False  # "the Premier League's 20 clubs": an owner, not a name with a number
        if bare in self.lex.not_name_words or bare in self.lex.months or bare in self.lex.weekdays:
            return False
        if lower in self.lex.hedges:
            return False
        if lower in self.lex.stop_words and _SENTENCE_START.match(before, 0, match.start()):
            return False  # "Only 5 ..." opens a sentence; "in Year 6" names a school year
        # "the Greens 5", "the Liberal Democrats 11": a plural party or team name before a count.
        if bare.endswith("s") and not bare.isupper() and _LIST_END_AFTER.match(after):
            return False
        if _LISTED_AMOUNT_BEFORE.match(before, 0, match.start()) and _LIST_END_AFTER.match(after):
            return False  # "..., Conservatives 35, NDP 17, ...": an item of a list of holders and amounts
        if _COUNT_THEN_HOLDER.match(after):
            return False  # "gave Reform 38 seats, the Conservatives 24, ...": the first of such a list
        return True
