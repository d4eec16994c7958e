"""Ages against birth dates.

An age is tied to "born in 1998" in its sentence. An obituary states the
age at death apart from the birth date ("died on Tuesday, February 10,
2026, at her home. She was 92. ... Born on June 4, 1931, ..."): when the
document gives one birth date, an age in a sentence that tells of a death
("who has died aged 87") or in the short sentence right after it ("She was
92.") is tied to it; so is an age in a later sentence of her or his death
("She died at home at the age of 94"). The year an age is measured in is that of the death's
own date when the sentence gives one, or the year just before "when he was
25", else the year of the latest full date in the document; a death dated
before that year is another person's.
"""
from __future__ import annotations

from typing import Sequence


from factcheck import patterns
from factcheck.builtin.relate.text import Sentences
from factcheck.builtin.relate.timespans import AGE_TEXT, by_sentence
from factcheck.model import AgeClaim, Date, Document, Quantity, Same, Span

_BORN = patterns.compile(r"(?i)\bborn\s+(?:in\s+|on\s+)?$")
_DEATH = patterns.compile(r"(?i)\b(?:died|dies|has\s+died|death\s+(?:on|in))\b")
# Between "died" and the date of the death: "died on Tuesday, February 10, 2026", "died in March 2024".
_TO_DEATH_DATE = patterns.compile(r"(?i)\s+(?:on\s+|in\s+)?(?:[\p{L}]+day,?\s+)?$")
# A sentence that only states the age of the one who died: "She was 92."
_AGE_SENTENCE = patterns.compile(r"\s*(?:She|He)\s+was\s+")
_WHEN_AGED = patterns.compile(r"(?i)\bwhen\s+(?:he|she|they|i|we)\s+(?:was|were)\s+(?:aged\s+)?$")
_SAME_PERSON = patterns.compile(r"\s*(?:She|He)\b")  # a later sentence about the one who died


def reference_year(dates: Sequence[Date]) -> int | None:
    """The year of the latest full date in the document: when its ages are measured."""
    full = [d for d in dates if d.day is not None and d.year is not None]
    return max(d.year for d in full) if full else None  # type: ignore[type-var]


def _claim(age: Quantity, born: Date, year: int | None) -> AgeClaim:
    span = Span(min(age.span.start, born.span.start), max(age.span.end, born.span.end))
    return AgeClaim(span=span, age=age, born=born, reference_year=year)


def find_ages(document: Document, quantities: Sequence[Quantity],
              dates: Sequence[Date]) -> list[AgeClaim | Same]:
    """Ages stated with a birth date: in its sentence, or as the age at a death the document tells of.

    When an obituary gives the age at its one death more than once, those
    ages are also one age stated twice (a :class:`~factcheck.model.Same`).
    """
    text = document.text
    sentences = Sentences.of(document)
    births = [d for d in dates if d.year is not None and _BORN.search(text, max(0, d.span.start - 12), d.span.start)]
    if not births:
        return []
    ages = by_sentence(sentences, [q for q in quantities if q.value is not None and (
        q.age or AGE_TEXT.search(q.text)) and q.unit == "year"])
    year = reference_year(dates)
    found: list[AgeClaim | Same] = []
    for born in births:
        members = ages.get(sentences.index(born.span.start), [])
        if len(members) == 1:
            age = members[0]
            if _WHEN_AGED.search(text, max(0, age.span.start - 30), age.span.start):
                # "born in 1966 and had held a licence since 1991, when he was 25": the age then, not now
                then = [d for d in dates if d is not born and d.year is not None
                        and born.span.end <= d.span.start and d.span.end <= age.span.start]
                if then:
                    found.append(_claim(age, born, then[-1].year))
                continue
            found.append(_claim(age, born, year))
    if len(births) == 1:
        at_death = _ages_at_death(document, sentences, ages, dates, births[0], year)
        if not found:
            found += at_death
        if len(at_death) >= 2:
            mentions = tuple(sorted((c.age for c in at_death), key=lambda q: q.span.start))
            found.append(Same(span=Span(mentions[0].span.start, mentions[-1].span.end), mentions=mentions,
                              key="age at death"))
    return found


def _ages_at_death(document: Document, sentences: Sentences, ages: dict[int, list[Quantity]], dates: Sequence[Date],
                   born: Date, year: int | None) -> list[AgeClaim]:
    """The age at the one death the document tells of, tied to the one birth date it gives."""
    text = document.text
    found: dict[Span, AgeClaim] = {}
    restated: set[Span] = set()
    for match in _DEATH.finditer(text):
        index = sentences.index(match.start())
        sentence = sentences.span(match.start())
        dated = next((d for d in dates if d.year is not None and match.end() <= d.span.start < sentence.end
                      and _TO_DEATH_DATE.fullmatch(text, match.end(), d.span.start)), None)
        if dated is not None and year is not None and dated.year != year:
            continue  # "her husband died in 2019": an earlier death, another person's
        members = ages.get(index, [])
        if not members and index + 1 < len(document.sentences):
            following = document.sentences[index + 1]
            if _AGE_SENTENCE.match(text, following.start, following.end):
                members = ages.get(index + 1, [])
        if len(members) == 1:
            found[members[0].span] = _claim(members[0], born, dated.year if dated is not None else year)
            if _SAME_PERSON.match(text, sentence.start, sentence.end):
                restated.add(members[0].span)
    if len(found) > 1:
        # ages at several deaths: whose birth is unclear, unless the later ones are told of "she" or "he"
        # ("Margaret Ilsley, who has died aged 93, ... She died at home at the age of 94")
        first = min(found)
        if all(span == first or span in restated for span in found):
            return list(found.values())
        return []
    return list(found.values())
