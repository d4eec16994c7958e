"""The extractor's word lists (``factcheck/data/lexicon.yaml``), loaded once and compiled."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping


from factcheck import patterns
from factcheck.builtin.extract.numbers import NumberWords
from factcheck.yamlfile import read_yaml

LEXICON_FILE = Path(__file__).resolve().parents[2] / "data" / "lexicon.yaml"


@dataclass(frozen=True, slots=True)
class UnitForm:
    """One way of writing a unit: what it means and where it may stand."""

    unit: str
    factor: float = 1.0
    case_sensitive: bool = False
    attached_only: bool = False
    form: str = ""


_SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"  # str.isspace's


def _alternation(forms: list[str]) -> str:
    """The forms as one alternation, longest first, so that the longest form written is the one matched."""
    return patterns.alternation(patterns.longest_first(set(forms)))


def _word_list(words: list[str]) -> patterns.LazyPattern:
    """A pattern matching any of ``words`` as whole words, case-insensitively."""
    return patterns.compile(rf"(?i)(?<![\p{{L}}])(?:{_alternation(words)})(?![\p{{L}}])")


@dataclass(frozen=True)
class Lexicon:
    """Compiled word lists for reading amounts."""

    number_words: NumberWords
    scale_words: Mapping[str, float]
    scale_abbreviations: Mapping[str, float]
    unit_forms: Mapping[str, tuple[UnitForm, ...]]
    unit_pattern: patterns.LiteralChoice
    attached_letters: Mapping[str, str]
    currency_signs: Mapping[str, str]
    letter_currency_signs: Mapping[str, str]
    currency_codes: frozenset[str]
    currency_words: Mapping[str, str]
    currency_word_pattern: patterns.LiteralChoice
    minor_units: Mapping[str, tuple[str | None, float]]
    minor_pattern: patterns.LazyPattern
    cents_of: frozenset[str]
    hedges: Mapping[str, str]
    hedge_before: patterns.LiteralChoice
    hedges_after: Mapping[str, str]
    hedge_after_pattern: patterns.LiteralChoice
    change_verbs: frozenset[str]
    strength_words: frozenset[str]
    stop_words: frozenset[str]
    irregular_plurals: frozenset[str]
    year_nouns: frozenset[str]
    noun_modifiers: frozenset[str]
    irregular_past: frozenset[str]
    person_nouns: frozenset[str]
    not_name_words: frozenset[str]
    label_words: frozenset[str]
    name_nouns: frozenset[str]
    months: Mapping[str, int]
    month_abbreviations: frozenset[str]
    weekdays: tuple[str, ...]
    ordinal_words: Mapping[str, int]
    vague: Mapping[str, tuple[float, float]]
    vague_pattern: patterns.LazyPattern
    time_units: frozenset[str]
    compound_units: Mapping[str, tuple[str, float]]
    frequency_words: frozenset[str]
    not_per_after: frozenset[str]
    period_bound_cues: frozenset[str]
    age_group_nouns: frozenset[str]
    temperature_cues: patterns.LazyPattern
    difference_before: patterns.LazyPattern
    difference_after: patterns.LazyPattern
    points_words: frozenset[str]
    weight_cues: patterns.LazyPattern
    money_nouns: frozenset[str]
    index_point_cues: patterns.LazyPattern
    multiplier_followers: frozenset[str]
    metre_events: frozenset[str]
    age_cues: patterns.LazyPattern
    weak_age_cues: patterns.LazyPattern

    def unit_form(self, written: str, attached: bool) -> UnitForm | None:
        """The unit a written form stands for, honouring case and attachment rules."""
        single_spaced = " ".join(written.split())
        for form in self.unit_forms.get(single_spaced.lower(), ()):
            if form.case_sensitive and single_spaced != form.form:
                continue
            if form.attached_only and not attached:
                continue
            return form
        return None

    def currency_code(self, word: str) -> str:
        """The ISO code of a currency word as written ("Swiss francs" → CHF)."""
        key = " ".join(word.split()).lower()
        return next(v for k, v in self.currency_words.items() if k.lower() == key)


@functools.cache
def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    """Load and compile the lexicon (cached for the process)."""
    data = read_yaml(path)
    case_sensitive = set(data["case_sensitive_units"])
    attached = set(data["attached_only"])
    forms: dict[str, list[UnitForm]] = {}
    for unit, written_forms in data["units"].items():
        for written in written_forms:
            form = UnitForm(unit, 1.0, written in case_sensitive, written in attached, written)
            forms.setdefault(written.lower(), []).append(form)
    for written, (unit, factor) in data["unit_multiples"].items():
        forms.setdefault(written.lower(), []).append(
            UnitForm(unit, float(factor), written in case_sensitive, written in attached, written))
    all_forms = [form.form for entries in forms.values() for form in entries]
    unit_pattern = patterns.LiteralChoice(r"(?i)(?:{choice})(?![\p{L}\d²³])", all_forms)

    hedges = {phrase.lower(): qualifier for qualifier, phrases in data["hedges"].items() for phrase in phrases}
    # Matched backwards from the number (``(?r)``), so each look costs the hedge's length, not the window's.
    hedge_before = patterns.LiteralChoice(
        r"(?ri)(?:^|(?<=[\s\"'“‘(\[]))(?P<hedge>{choice})\s*[\"'“‘]?\s*", list(hedges),
        skip=_SPACES + "\"'“‘", backwards=True)
    hedges_after = {phrase.lower(): q for q, phrases in data["hedges_after"].items() for phrase in phrases}
    hedge_after_pattern = patterns.LiteralChoice(r"(?i)\s*(?P<hedge>{choice})(?![\p{L}])", list(hedges_after),
                                                 skip=_SPACES)
    currency_words = dict(data["currency_words"])
    minor_units = {k.lower(): (v[0], float(v[1])) for k, v in data["currency_minor_units"].items()}
    months = {name: i + 1 for i, name in enumerate(data["months"])}
    months.update(data["month_abbreviations"])
    vague = {k: (float(v[0]), float(v[1])) for k, v in data["vague"].items()}
    numbers = data["number_words"]
    difference_before = data["difference_before"]
    return Lexicon(
        number_words=NumberWords(numbers["small"], numbers["tens"], numbers["scales"]),
        scale_words={k: float(v) for k, v in numbers["scales"].items()},
        scale_abbreviations={k: float(v) for k, v in data["scale_abbreviations"].items()},
        unit_forms={k: tuple(v) for k, v in forms.items()},
        unit_pattern=unit_pattern,
        attached_letters=data["attached_letters"],
        currency_signs=data["currency_signs"],
        letter_currency_signs=data["letter_currency_signs"],
        currency_codes=frozenset(data["currency_codes"]),
        currency_words=currency_words,
        currency_word_pattern=patterns.LiteralChoice(r"(?i)\s+(?P<word>{choice})(?![\p{L}])", list(currency_words),
                                                     skip=_SPACES),
        minor_units=minor_units,
        minor_pattern=patterns.compile(
            rf"(?:(?P<attached>[pc])(?![\p{{L}}\d])|\s*(?i:(?P<word>{_alternation([k for k in minor_units if k not in ('p', 'c')])}))(?![\p{{L}}]))"),
        cents_of=frozenset(data["cents_of"]),
        hedges=hedges,
        hedge_before=hedge_before,
        hedges_after=hedges_after,
        hedge_after_pattern=hedge_after_pattern,
        change_verbs=frozenset(data["change_verbs"]),
        strength_words=frozenset(data["strength_words"]),
        stop_words=frozenset(data["stop_words"]),
        irregular_plurals=frozenset(data["irregular_plurals"]),
        year_nouns=frozenset(data["year_nouns"]),
        noun_modifiers=frozenset(data["noun_modifiers"]),
        irregular_past=frozenset(data["irregular_past"]),
        person_nouns=frozenset(data["person_nouns"]),
        not_name_words=frozenset(data["not_name_words"]),
        label_words=frozenset(data["label_words"]),
        name_nouns=frozenset(data["name_nouns"]),
        months=months,
        month_abbreviations=frozenset(data["month_abbreviations"]),
        weekdays=tuple(data["weekdays"]),
        ordinal_words=data["ordinal_words"],
        vague=vague,
        vague_pattern=patterns.compile(
            rf"(?i)\b(?P<vague>{_alternation(list(vague))})\b(?P<of>\s+of\b)?"),
        time_units=frozenset(data["time_units"]),
        compound_units={k: (v[0], float(v[1])) for k, v in data["compound_units"].items()},
        frequency_words=frozenset(data["frequency_words"]),
        not_per_after=frozenset(data["not_per_after"]),
        period_bound_cues=frozenset(data["period_bound_cues"]),
        age_group_nouns=frozenset(data["age_group_nouns"]),
        temperature_cues=_word_list(data["temperature_cues"]),
        difference_before=patterns.compile(
            rf"(?ri)(?<![\p{{L}}])(?:{_alternation(difference_before)})\s+"),
        difference_after=patterns.compile(rf"(?i)\s*(?:{_alternation(data['difference_after'])})(?![\p{{L}}])"),
        points_words=frozenset(data["points_words"]),
        weight_cues=_word_list(data["weight_cues"]),
        money_nouns=frozenset(data["money_nouns"]),
        index_point_cues=_word_list(data["index_point_cues"]),
        multiplier_followers=frozenset(data["multiplier_followers"]),
        metre_events=frozenset(data["metre_events"]),
        age_cues=patterns.compile(rf"(?ri)(?<![\p{{L}}])(?:{_alternation(data['age_cues'])})\s+(?:between\s+)?"),
        weak_age_cues=patterns.compile(rf"(?ri)(?<![\p{{L}}])(?:{_alternation(data['weak_age_cues'])})\s+"),
    )
