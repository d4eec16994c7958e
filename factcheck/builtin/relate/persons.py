"""Ages of one person: "Ruth Chebet, 27," ... "The 27-year-old" ... "Chebet, 29,".

An age belongs to the person the words attach it to:

1. a name right before it, set off by commas ("Chebet, 29,", "Ann Roe, aged
   71,", "Teixeira, a 24-year-old forward");
2. a name right after an "N-year-old" ("the 27-year-old striker Lucas
   Teixeira");
3. for "The 27-year-old" opening a sentence with no name of its own, the one
   person named in the subject of the sentence before ("Kenyan runner Ruth
   Chebet won ... The 27-year-old broke clear"), unless another person is
   given that age: the age itself may be what names them;
4. for a bare "the 43-year-old" elsewhere, with no noun after it
   ("Sentencing the 43-year-old, the judge said"), the one person the
   document has given an age before, on the same terms.

A name is a run of capitalised words; a surname alone stands for the one
full name in the document that ends with it, and is left unresolved when
two full names share it ("John Smith, 45, and his son Tom Smith, 19"). The
ages of one resolved person form a :class:`~factcheck.model.Same` claim,
unless their sentences name different years (ages at different times).
Each age is read once and names are indexed once, so the work is linear.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Sequence


from factcheck import patterns
from factcheck.builtin.relate.lexicon import RelateLexicon
from factcheck.builtin.relate.text import STOP_WORDS, WORD, Sentences
from factcheck.model import Document, Quantity, Same, Span

_NAME = patterns.compile(r"\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*")
_NAME_BEFORE = patterns.compile(r"(?P<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)\s*,\s*(?:a\s+|an\s+|aged\s+)?$")
# "the 27-year-old Ruth Chebet", "the 24-year-old striker Lucas Teixeira"
_NAME_AFTER = patterns.compile(r"\s+(?:(?P<between>[\p{Ll}-]+)\s+)?(?P<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)")
_ANAPHOR = patterns.compile(r"(?:^|[.!?]\s+|\n)\s*The\s+$")
_YEAR_OLD = patterns.compile(r"(?i)-year-old$")
_THE = patterns.compile(r"(?i)\bthe\s+$")
_NEXT = patterns.compile(r"\s*(?:(?P<mark>[,.;:!?)])|(?P<word>[\p{L}]+))")
_YEAR = patterns.compile(r"\b(?:19|20)\d\d\b")
_SENTENCE_VERBS = frozenset("is was are were has had have will would said says told".split())


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(name.replace("’", "'").split())


class AgeOwners:
    """Finds whose age each age mention is, in one document."""

    def __init__(self, document: Document, lexicon: RelateLexicon) -> None:
        self.text = document.text
        self.document = document
        self.lexicon = lexicon
        self.sentences = Sentences.of(document)
        self.full_names: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for match in _NAME.finditer(self.text):
            tokens = self._trim(_tokens(match.group()))
            if len(tokens) >= 2:
                self.full_names[tokens[-1]].add(tokens)

    @staticmethod
    def _trim(tokens: tuple[str, ...]) -> tuple[str, ...]:
        """A name without the capitalised function word that opens a sentence ("The", "In")."""
        while tokens and tokens[0].lower() in STOP_WORDS:
            tokens = tokens[1:]
        return tokens

    def resolve(self, tokens: tuple[str, ...]) -> tuple[str, ...] | None:
        """The full name a written name stands for, or None when two full names share its surname."""
        tokens = self._trim(tokens)
        if not tokens:
            return None
        if len(tokens) >= 2:
            return tokens
        full = self.full_names.get(tokens[0], set())
        if len(full) > 1:
            return None
        return next(iter(full)) if full else tokens

    def years_of(self, age: Quantity) -> frozenset[str]:
        """The years named in the sentence of an age: the time it is stated for."""
        sentence = self.sentences.span(age.span.start)
        return frozenset(_YEAR.findall(self.text, sentence.start, sentence.end))

    def is_anaphor(self, age: Quantity) -> bool:
        """True for "The 27-year-old" opening a sentence with no name of its own."""
        return bool(_YEAR_OLD.search(age.text) and _ANAPHOR.search(self.text, max(0, age.span.start - 8),
                                                                    age.span.start))

    def owner(self, age: Quantity) -> tuple[str, ...] | None:
        """The resolved name of the person whose age ``age`` is, or None."""
        start, end = age.span.start, age.span.end
        before = _NAME_BEFORE.search(self.text, max(0, start - 60), start)
        if before:
            return self.resolve(_tokens(before["name"]))
        if not _YEAR_OLD.search(age.text):
            return None
        after = _NAME_AFTER.match(self.text, end, min(len(self.text), end + 60))
        if after and not (after["between"] and self._verb(after["between"])):
            return self.resolve(_tokens(after["name"]))
        if _ANAPHOR.search(self.text, max(0, start - 8), start):
            return self._subject_of_previous(start)
        return None

    def is_bare_definite(self, age: Quantity) -> bool:
        """True for "the 43-year-old" standing alone: no noun after it says who else it may be."""
        start, end = age.span.start, age.span.end
        if not _YEAR_OLD.search(age.text) or not _THE.search(self.text, max(0, start - 6), start):
            return False
        following = _NEXT.match(self.text, end)
        return following is None or bool(following["mark"]) or self._verb(following["word"]) or \
            following["word"].lower() in STOP_WORDS

    def _verb(self, word: str) -> bool:
        low = word.lower()
        return (low in self.lexicon.past_verbs or low in _SENTENCE_VERBS or low in self.lexicon.change_direction
                or low.endswith("ed"))

    def _subject_of_previous(self, offset: int) -> tuple[str, ...] | None:
        """The one person named in the subject of the sentence before ``offset``."""
        index = self.sentences.index(offset)
        if index == 0 or not self.document.sentences:
            return None
        previous = self.document.sentences[index - 1]
        end = previous.end
        for word in WORD.finditer(self.text, previous.start, previous.end):
            if word.group()[0].islower() and self._verb(word.group()):
                end = word.start()
                break
        else:
            return None
        people = {self.resolve(_tokens(m.group())) for m in _NAME.finditer(self.text, previous.start, end)}
        people = {p for p in people if p and (len(p) >= 2 or p[-1] in self.full_names)}
        return people.pop() if len(people) == 1 else None


def find_age_groups(document: Document, quantities: Sequence[Quantity], lexicon: RelateLexicon) -> list[Same]:
    """The ages of each person the document gives more than one age for."""
    ages = [q for q in quantities if q.age and q.value is not None and q.unit == "year"]
    if len(ages) < 2:
        return []
    owners = AgeOwners(document, lexicon)
    groups: dict[tuple[str, ...], list[Quantity]] = defaultdict(list)
    anaphors = []
    for age in ages:
        owner = owners.owner(age)
        if owner is None and owners.is_bare_definite(age) and len(groups) == 1:
            owner = next(iter(groups))
            anaphors.append((owner, age))
        elif owner and owners.is_anaphor(age):
            anaphors.append((owner, age))
        elif owner:
            groups[owner].append(age)
    owners_by_age: dict[int, set[tuple[str, ...]]] = defaultdict(set)
    for owner, members in groups.items():
        for member in members:
            owners_by_age[round(member.value or 0)].add(owner)
    for owner, age in anaphors:
        # "The 58-year-old" names its person by the age: if someone else is 58, it may be them.
        years = round(age.value or 0)
        if not any(owners_by_age.get(y, set()) - {owner} for y in (years - 1, years, years + 1)):
            groups[owner].append(age)
    for owner, members in list(groups.items()):
        members.sort(key=lambda q: q.span.start)
        if len({years for years in (owners.years_of(m) for m in members) if years}) > 1:
            del groups[owner]  # "in 2019, Chebet, 27, ..." and "in 2024, Chebet, 32, ...": ages at other times
    return [Same(span=Span(members[0].span.start, members[-1].span.end), mentions=tuple(members),
                 key=" ".join(owner)) for owner, members in groups.items() if len(members) >= 2]
