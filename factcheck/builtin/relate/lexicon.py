"""The relate stage's word lists (``factcheck/data/relate.yaml``), validated and compiled once."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import regex
import yaml

from factcheck import patterns
from factcheck.builtin.relate.text import lemma, verb_stems
from factcheck.builtin.wordindex import first_words
from factcheck.errors import FactcheckError
from factcheck.yamlfile import read_yaml

RELATE_FILE = Path(__file__).resolve().parents[2] / "data" / "relate.yaml"
_KEYS = ("change_words", "change_nouns", "particle_verbs", "multiples", "number_words", "fractions", "synonyms",
         "nationalities", "separators", "comparisons", "coverage",
         "several_answers", "difference_before", "difference_after", "span_start", "span_end", "share_verbs",
         "past_verbs", "share_takers", "measure_anaphors", "answer_choices", "level_wholes",
         "step_cues", "share_nouns", "part_verbs", "day_nouns", "events", "people_verbs",
         "superlatives", "opposites")


class LexiconError(FactcheckError):
    """The relate word list is malformed; the message names the key."""


def phrase_source(phrases: Iterable[str]) -> str:
    """The text of a pattern matching any of ``phrases`` as whole words (case-sensitive: add ``(?i)``).

    For building larger patterns: it compiles nothing.
    """
    alternation = "|".join(regex.escape(p).replace(r"\ ", r"\s+").replace(r"\-", r"[\s-]?")
                           for p in patterns.longest_first(set(phrases)))
    return rf"(?<![\p{{L}}\d-])(?:{alternation})(?![\p{{L}}\d])"


def phrase_pattern(phrases: Iterable[str]) -> patterns.LazyPattern:
    """One case-insensitive pattern matching any of ``phrases`` as whole words."""
    return patterns.compile("(?i)" + phrase_source(phrases))


@dataclass(frozen=True)
class RelateLexicon:
    """Compiled word lists for relating amounts."""

    change_direction: Mapping[str, int]
    change_word: patterns.LazyPattern
    change_word_starts: frozenset[str]  # the words a change_word match begins with, for a WordIndex
    change_nouns: frozenset[str]
    step_cue: patterns.LazyPattern
    multiples: Mapping[str, float]
    number_words: Mapping[str, float]
    fractions: Mapping[str, float]
    synonym_of: Mapping[str, str]
    roles: frozenset[str]
    attributes: frozenset[str]
    neutral_modifiers: frozenset[str]
    statuses: frozenset[str]
    role_of: patterns.LazyPattern
    times: frozenset[str]
    time_spans: frozenset[str]
    from_time: patterns.LazyPattern
    comparison_before: patterns.LazyPattern
    comparison_starts: frozenset[str]  # the words a comparison_before match begins with, for a WordIndex
    change_before: patterns.LazyPattern
    whole_cue: patterns.LazyPattern
    partial_cue: patterns.LazyPattern
    remainder_cue: patterns.LazyPattern
    whole_after_cue: patterns.LazyPattern
    total_mark: patterns.LazyPattern
    several_answers: patterns.LazyPattern
    answer_choice: patterns.LazyPattern
    level_wholes: frozenset[str]
    difference_before: patterns.LazyPattern
    difference_after: patterns.LazyPattern
    span_start: patterns.LazyPattern
    span_end: patterns.LazyPattern
    share_verbs: frozenset[str]
    share_nouns: frozenset[str]
    part_verb_before: patterns.LazyPattern
    past_verbs: frozenset[str]
    share_takers: frozenset[str]
    measure_anaphors: frozenset[str]
    day_nouns: frozenset[str]
    event_of: Mapping[str, str]
    people_verbs: Mapping[str, str]
    superlatives: frozenset[str]
    opposite_of: Mapping[str, frozenset[str]]  # "revenue": {"expense", "expenditure", ...}
    person_nouns: frozenset[str]  # canonical lemmas of nouns that count people

    def canonical(self, lemma: str) -> str:
        """The word that stands for ``lemma``'s synonym set ("soldier" → "troop")."""
        return self.synonym_of.get(lemma, lemma)

    def says_several_answers(self, text: str, start: int, end: int) -> bool:
        """True when ``text[start:end]`` says a respondent could give several answers ("could choose more than
        one", "tick as many as applied")."""
        return bool(self.several_answers.search(text, start, end) or self.answer_choice.search(text, start, end))

    def same_event(self, first: str, second: str) -> bool:
        """True when two words name one event: forms of one verb ("closed", "closing") or words of one
        ``events`` set ("shut", "closure")."""
        events = [{self.event_of.get(stem, stem) for stem in verb_stems(word.lower())} for word in (first, second)]
        return not events[0].isdisjoint(events[1])


def _strings(value: Any, key: str) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError("must be a non-empty list of words", path=str(RELATE_FILE), key=key)
    return [v.strip().lower() for v in value]


def _numbers(value: Any, key: str) -> dict[str, float]:
    if not isinstance(value, dict) or not value:
        raise LexiconError("must be a mapping of words to numbers", path=str(RELATE_FILE), key=key)
    for word, number in value.items():
        if isinstance(number, bool) or not isinstance(number, (int, float)) or number <= 0:
            raise LexiconError("must be a positive number", path=str(RELATE_FILE), key=f"{key}.{word}")
    return {str(w).lower(): float(n) for w, n in value.items()}


def _mapping(value: Any, key: str, keys: set[str]) -> Mapping[str, Any]:
    if not isinstance(value, dict) or set(value) != keys:
        raise LexiconError(f"must be a mapping with keys {', '.join(sorted(keys))}", path=str(RELATE_FILE), key=key)
    return value


def _kinds_of_role(separators: Mapping[str, Any], key: str, roles: list[str]) -> list[str]:
    """A list of ``separators`` whose every word must be one of its roles."""
    words = _strings(separators[key], f"separators.{key}")
    for i, word in enumerate(words):
        if word not in roles:
            raise LexiconError(f"{word!r} is not one of separators.roles", path=str(RELATE_FILE),
                               key=f"separators.{key}[{i}]")
    return words


def _change_word(direction: Mapping[str, int], particle_verbs: list[str]) -> patterns.LazyPattern:
    """Any change word, but not "up"/"down" as the particle of a verb such as "made up"."""
    particles = {"up", "down"}
    words = "|".join(regex.escape(p).replace(r"\ ", r"\s+").replace(r"\-", r"[\s-]?")
                     for p in patterns.longest_first(set(direction) - particles))
    # one look-behind a verb, each of fixed width, so that re can compile it (regex takes four times as long)
    not_after_verb = "".join(rf"(?<!\b{regex.escape(v)}\s)" for v in patterns.longest_first(particle_verbs))
    return patterns.compile(rf"(?i)(?<![\p{{L}}\d-])(?:{words}|{not_after_verb}(?:up|down))(?![\p{{L}}\d])")


def _answer_choice(choices: Mapping[str, Any], numbers: Mapping[str, float]) -> patterns.LazyPattern:
    """ "could choose more than one", "allowed to pick up to three": a verb of choosing and an amount of answers."""
    verbs, amounts, bounds = (phrase_source(_strings(choices[key], f"answer_choices.{key}"))
                              for key in ("verbs", "amounts", "bounds"))
    number = "|".join([r"\d+", *patterns.longest_first(numbers)])
    return patterns.compile(rf"(?i){verbs}(?:\s+[\p{{L}}'’-]+){{0,2}}?\s+(?:{amounts}|{bounds}\s+(?:{number})\b(?![.,]\d))")


def _from_time(times: list[str]) -> patterns.LazyPattern:
    """ "from March", "from next year", "from 2027": "from" opening a time, not the base of a change."""
    words = phrase_source(times)
    return patterns.compile(rf"(?i)\bfrom\s+(?:(?:next|this|early|late|mid|the(?:\s+(?:start|end|middle)\s+of)?)[\s-]+)?"
                            rf"(?:{words}|(?:19|20)\d\d\b)")


def _groups(value: Any, key: str) -> dict[str, str]:
    """Each word of a list of word lists, mapped to the first word of its list (the first list holding it wins)."""
    if not isinstance(value, list):
        raise LexiconError("must be a list of word lists", path=str(RELATE_FILE), key=key)
    first_of: dict[str, str] = {}
    for i, group in enumerate(value):
        members = _strings(group, f"{key}[{i}]")
        for member in members:
            first_of.setdefault(member, first_of.get(members[0], members[0]))
    return first_of


def _opposites(value: Any, key: str) -> dict[str, frozenset[str]]:
    """Each word of a list of [word, opposite] pairs, mapped to its opposites."""
    if not isinstance(value, list):
        raise LexiconError("must be a list of [word, opposite] pairs", path=str(RELATE_FILE), key=key)
    opposite_of: dict[str, set[str]] = {}
    for i, pair in enumerate(value):
        words = _strings(pair, f"{key}[{i}]")
        if len(words) != 2:
            raise LexiconError("must be a pair of words", path=str(RELATE_FILE), key=f"{key}[{i}]")
        opposite_of.setdefault(words[0], set()).add(words[1])
        opposite_of.setdefault(words[1], set()).add(words[0])
    return {word: frozenset(others) for word, others in opposite_of.items()}


def _words_to_words(value: Any, key: str) -> dict[str, str]:
    """A mapping of lower-case words to lower-case words."""
    if not isinstance(value, dict) or not value or not all(
            isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip() for k, v in value.items()):
        raise LexiconError("must be a mapping of words to words", path=str(RELATE_FILE), key=key)
    return {k.strip().lower(): v.strip().lower() for k, v in value.items()}


def build_lexicon(data: Any) -> RelateLexicon:
    """Validate the parsed YAML of the relate word list and compile it.

    :raises LexiconError: naming the first bad key.
    """
    if not isinstance(data, dict):
        raise LexiconError("must be a mapping", path=str(RELATE_FILE))
    for key in _KEYS:
        if key not in data:
            raise LexiconError("missing", path=str(RELATE_FILE), key=key)
    words = _mapping(data["change_words"], "change_words", {"up", "down", "none"})
    direction: dict[str, int] = {}
    for name, sign in (("none", 0), ("down", -1), ("up", 1)):
        for word in _strings(words[name], f"change_words.{name}"):
            direction.setdefault(word, sign)
    nouns = _strings(data["change_nouns"], "change_nouns")
    for i, noun in enumerate(nouns):
        if noun not in direction:
            raise LexiconError(f"{noun!r} is not one of change_words", path=str(RELATE_FILE), key=f"change_nouns[{i}]")
    synonym_of = {**_groups(data["nationalities"], "nationalities"), **_groups(data["synonyms"], "synonyms")}
    separators = _mapping(data["separators"], "separators",
                          {"roles", "attributes", "statuses", "times", "time_spans", "neutral"})
    roles = _strings(separators["roles"], "separators.roles")
    attributes, statuses = (_kinds_of_role(separators, key, roles) for key in ("attributes", "statuses"))
    coverage = _mapping(data["coverage"], "coverage", {"whole", "partial", "remainder", "whole_after", "total_after"})
    comparisons = _strings(data["comparisons"], "comparisons")
    choices = _mapping(data["answer_choices"], "answer_choices", {"verbs", "amounts", "bounds"})
    numbers = _numbers(data["number_words"], "number_words")
    return RelateLexicon(
        change_direction=direction,
        change_word=_change_word(direction, _strings(data["particle_verbs"], "particle_verbs")),
        change_word_starts=first_words(direction),
        change_nouns=frozenset(nouns),
        step_cue=phrase_pattern(_strings(data["step_cues"], "step_cues")),
        multiples=_numbers(data["multiples"], "multiples"),
        number_words=numbers,
        fractions=_numbers(data["fractions"], "fractions"),
        synonym_of=synonym_of,
        roles=frozenset(roles),
        attributes=frozenset(attributes),
        neutral_modifiers=frozenset(_strings(separators["neutral"], "separators.neutral")),
        statuses=frozenset(statuses),
        role_of=patterns.compile("(?i)" + phrase_source(_strings(separators["roles"], "separators.roles"))
                                 + r"\s+(?:of|at)\s+$"),
        times=frozenset(_strings(separators["times"], "separators.times")),
        time_spans=frozenset(_strings(separators["time_spans"], "separators.time_spans")),
        from_time=_from_time(_strings(separators["times"], "separators.times")),
        comparison_before=patterns.compile("(?i)" + phrase_source(comparisons) + r"[\s\"“]*(?:the\s+|its\s+)?$"),
        comparison_starts=first_words(comparisons),
        # "rose to", "grew 85% to", "eased slightly to": a change word, its size or an adverb, then "to" or "from"
        change_before=patterns.compile("(?i)" + phrase_source(direction)
                                    + r"(?:\s+(?:by\s+)?\d[\d.,]*\s*(?:%|per\s*cent|percent)|\s+[\p{L}]+ly)?"
                                    + r"(?:\s+(?:back\s+)?(?:to|from|at))?(?:\s+(?:just|only|about|around|some))?\s*$"),
        whole_cue=phrase_pattern(_strings(coverage["whole"], "coverage.whole")),
        partial_cue=phrase_pattern(_strings(coverage["partial"], "coverage.partial")),
        remainder_cue=phrase_pattern(_strings(coverage["remainder"], "coverage.remainder")),
        whole_after_cue=phrase_pattern(_strings(coverage["whole_after"], "coverage.whole_after")),
        total_mark=patterns.compile(r"(?i)\s+" + phrase_source(
            _strings(coverage["total_after"], "coverage.total_after"))),
        several_answers=phrase_pattern(_strings(data["several_answers"], "several_answers")),
        answer_choice=_answer_choice(choices, numbers),
        level_wholes=frozenset(lemma(w) for w in _strings(data["level_wholes"], "level_wholes")),
        difference_before=patterns.compile(
            "(?i)" + phrase_source(_strings(data["difference_before"], "difference_before"))
            + r"(?:\s+(?:an?\s+)?(?:average\s+of\s+|about\s+|around\s+|some\s+|nearly\s+|almost\s+)?)?\s*$"),
        difference_after=patterns.compile(
            # one bracketed conversion may stand between ("1.5C (2.7F) warmer"), never past its own bracket
            r"(?i)\s*(?:\([^()]{0,25}\)\s*)?" + phrase_source(_strings(data["difference_after"], "difference_after"))),
        span_start=phrase_pattern(_strings(data["span_start"], "span_start")),
        span_end=phrase_pattern(_strings(data["span_end"], "span_end")),
        share_verbs=frozenset(_strings(data["share_verbs"], "share_verbs")),
        share_nouns=frozenset(lemma(w) for w in _strings(data["share_nouns"], "share_nouns")),
        part_verb_before=patterns.compile("(?i)" + phrase_source(_strings(data["part_verbs"], "part_verbs"))
                                          + r"\s+(?:just\s+|only\s+|about\s+|around\s+|nearly\s+|almost\s+)?$"),
        past_verbs=frozenset(_strings(data["past_verbs"], "past_verbs")),
        share_takers=frozenset(_strings(data["share_takers"], "share_takers")),
        measure_anaphors=frozenset(lemma(w) for w in _strings(data["measure_anaphors"], "measure_anaphors")),
        day_nouns=frozenset(lemma(w) for w in _strings(data["day_nouns"], "day_nouns")),
        event_of=_groups(data["events"], "events"),
        people_verbs=_words_to_words(data["people_verbs"], "people_verbs"),
        superlatives=frozenset(_strings(data["superlatives"], "superlatives")),
        opposite_of=_opposites(data["opposites"], "opposites"),
        person_nouns=frozenset(synonym_of.get(lemma(w), lemma(w)) for w in _strings(data["person_nouns"], "person_nouns")),
    )


@functools.cache
def load_lexicon(path: Path = RELATE_FILE) -> RelateLexicon:
    """The relate word list, read once per process."""
    try:
        data = read_yaml(path)
    except (OSError, yaml.YAMLError) as err:
        raise LexiconError(f"cannot read the relate word list: {err}", path=str(path)) from err
    return build_lexicon(data)
