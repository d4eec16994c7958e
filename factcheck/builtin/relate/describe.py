"""What a figure is about: its noun phrase, owner, time and role, read from the words around it.

Linking mentions of one thing needs more than the counted noun: "the €185
million annual budget" is a yearly budget, "a fee of £85 million" a fee, "the
first six aircraft" a part of an order, "the 1,100 finished in 2021" a count
of another year, "about 9,000 personnel in total" the sum of several
parties, "$847,300 in restitution" a sum paid as restitution. A :class:`Description` holds what the words say, as lemmas
with newsroom synonyms folded together.
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass


from factcheck import patterns
from factcheck.builtin.relate.lexicon import RelateLexicon
from factcheck.builtin.relate.text import (RESTRICTING_RELATIVE, STOP_WORDS, WORD, WORD_BEFORE, clause_end, clause_start, lemma,
                                          verb_stems)
from factcheck.builtin.wordindex import word_index
from factcheck.model import Document, Quantity, Span

_PER_WORDS = {"annual": "year", "annually": "year", "yearly": "year", "quarterly": "quarter",
              "monthly": "month", "weekly": "week", "daily": "day", "hourly": "hour"}
# "Conservatives lose 19 seats": holdings lost or gained, not the whole they are of (not "cut 1,800 jobs")
_HOLDINGS_CHANGED = frozenset({"lose", "loses", "lost", "losing", "gain", "gains", "gained", "gaining"})
_NEEDED = frozenset({"required", "needed"})
_PERIOD_ORDINALS = frozenset("first second third fourth final full".split())  # "first-quarter", "full-year"
_RELATIVE_TIME = frozenset("last this next previous same coming past that current following prior".split())
_DEFINITE = patterns.compile(  # "all 1,150 workers" are the whole of a thing known: definite too; read backwards
    r"(?r)(?:\b(?i:the|its|their|this|that|these|those|our|his|her|all)|[\p{L}]['’]s?)\s+(?:[\p{Ll}\d][\p{L}-]*\s+)?[\"“]?$")
# "that" after a verb of saying or finding opens a clause: "estimated that 40,000 people", "said that the 40".
_CLAUSE_THAT = patterns.compile(
    r"(?i)\b(?:[\p{L}]+ed|said|says|say|found|finds|shows|show|thinks?|thought|believes?|knows?|knew|means?|meant"
    r"|hopes?|argues?|claims?|suggests?|estimates?|warns?|insists?|told\s+[\p{L}]+)\s+that\s+$")
# "the entire 37 miles of the route": all of it, measured, not a part
_ALL_OF_IT = patterns.compile(r"(?i)\b(?:entire|whole|full|all)\s+(?:the\s+)?$")
_MEASURE_OF = patterns.compile(r"\s+of\s+(?:the|its|their)\s+(?P<noun>\p{Ll}[\p{L}-]+)\b")
_PARTITIVE_AFTER = patterns.compile(
    r"(?i)\s+(?:[\p{L}]+\s+)?(?:of|out\s+of)\s+(?:the|its|their|these|those|them|all|an?\s+estimated)\b")
_NEXT_WORD = patterns.compile(r"[ \t]+(?P<word>[\p{L}][\p{L}'’-]*)")
_OF_TOTAL = patterns.compile(r"(?i)(?:^|[.;:]\s+|\n)(?:of|out\s+of|among)\s+(?:(?:the|these|those|its|their|this|that)\s+)?$")
# "most of the country's 1,400 glaciers": the whole a quantifier takes some of
# matched backwards from the figure: one look, not a search of every place in the window
_QUANTIFIED_WHOLE = patterns.compile(r"(?ri)\b(?:most|many|some|all|half|none|few|several|each|majority)\s+of\s+"
                                     r"(?:the|these|those|its|their)\s+(?:[\p{L}-]+['’]s\s+)?")
_SIZED_BY = patterns.compile(
    r"(?i)\b(?:(?P<article>an?|the)|(?-i:[a-z]{3,}ed))\s+(?:(?P<modifier>[\p{L}-]+)\s+(?:[\p{L}-]+\s+)?)?(?P<noun>[\p{L}]+)\s+(?:of|for)\s+$")
# "won 19 of the 32 seats": the whole a count is taken from
_COUNT_OF = patterns.compile(r"(?i)\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen)"
                             r"\s+(?:out\s+)?of\s+(?:the|its|their)\s+(?:[\p{L}-]+['’]s\s+)?$")
_PERCENT_OF = patterns.compile(r"(?i)(?P<value>\d+(?:\.\d+)?)\s*(?:%|per\s*cent|percent)\s+of\s+(?:the|its|their|all)\s+$")
_COMPOUND = patterns.compile(r"\d-[\p{L}]+$")  # "36-member", "60-seat": an adjective before its noun
_YEAR = patterns.compile(r"\b(?:19|20)\d\d\b")
# "the 6,200 hectares burned", "the £421m we have spent": a verb right after the figure, or after its subject
_PARTICIPLE = patterns.compile(r"\s+(?:(?:we|they|I|you|he|she|it)\s+(?:have\s+|has\s+|had\s+)?)?"
                               r"(?:(?:now|already|still|since|eventually|finally|actually)\s+)?([\p{Ll}]+)\b")
_CURRENCY = patterns.compile(r"[A-Z]{3}")
_IN_WHAT = patterns.compile(r"\s+in\s(?=[\p{Ll}])")
_DIGIT = patterns.compile(r"\d")
# A participle right after a noun phrase says which of the things: "the 45 organisations joining".
_RESTRICTIVE = patterns.compile(r"\s+(?P<ing>[\p{Ll}]{3,}ing)\b")
# A negated relative clause right after the noun picks out some of a group ("the 1,140 employees who could
# not work"); an affirmative one as often restates the whole in other words ("the 2,640 homes that lost power").
_AND_ONE_MORE = patterns.compile(r"(?i)\s+(?:and|plus)\s+(?:an?|one|another)\s+[\p{L}]")
_PRONOUN_VERB = patterns.compile(r"(?i)(?:that|this|it)\s+(?:is|was|are|were|meant|means|makes|made|gives|gave|"
                                 r"leaves|left|puts|put|equals|equalled|equaled|comes|came)\s+$")
_THEN_BEFORE = patterns.compile(r"(?i)\b(?:the|its|their)\s+then\s+$")
_ONLY_THE = patterns.compile(r"(?i)\bonly\s+(?:(?:of|to|for|among|from|by)\s+)?(?:the|its|their|those)\s+$")
_SUBSET = frozenset({"remaining", "other"})  # "the 6 remaining schools": some of them, not all
# A clause's subject: its first noun, after a determiner, before what qualifies it ("Turnout in ...")
_CLAUSE_SUBJECT = patterns.compile(r"\s*(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+)?(?P<noun>\p{L}[\p{Ll}-]+)\s+(?:in|of|for|at|among|on|across)\b")
_FROM_LEAD = 60  # characters before "from" in which a change word makes it a comparison
_PICKED_OUT = patterns.compile(r"\s+(?P<verb>\p{Ll}{3,}ed)\s+(?:for|as|under)\b")
# "the 2,300 patients in the treatment group": a group of a study or survey that picks out some of the whole
_IN_GROUP = patterns.compile(r"(?i)\s+(?:in|of)\s+the\s+(?P<group>[\p{L}-]+(?:\s+[\p{L}-]+)?)\s+(?:group|arm|cohort)s?\b")
_ADDED = frozenset({"more", "extra", "additional", "further"})  # "900 more troops": added to the ones there
_NP_WORDS = 4
# A pronoun or determiner after a word ending in "s" makes that word a verb: "deal makes him", "plan gives the".
_OBJECT_AFTER = patterns.compile(r"(?i)\s+(?:him|her|them|it|us|me|you|its|their|his|the)\b")
_NAME_AFTER = patterns.compile(r"[ \t]+\p{Lu}\p{Ll}")  # "makes Marchand": a name as a verb's object
_INCLUDED_BEFORE = patterns.compile(r"(?i)\b(?:including|includes|included|among\s+them|of\s+whom)\s+"
                                    r"(?:the\s+|some\s+|about\s+|around\s+|nearly\s+)?$")
# "Of the 12,600 apprentices in engineering, ...": a phrase of place or kind between an opener's noun and its
# comma picks out a group ("due to go" restates what the group is)
_OPENER_WORDS = patterns.compile(r"\s+(?:in|at|from|with|aged|under|over|across|outside|inside|on)\s+[^,;.:\d]{1,50}(?=,)")
_PEOPLE = frozenset({"people", "person", "runner", "participant", "entrant", "competitor"})
# the verb right after: "18,500 runners completed", "120,000 people have fled"
_DID_AFTER = patterns.compile(r"\s+(?:(?:have|has|had)\s+)?(?P<verb>[\p{Ll}]{3,}ed|fled)\b")
_DONE_TO = patterns.compile(r"\s+(?:had|have|has)?\s*(?:been|were|was|are|is)\s+(?P<verb>[\p{Ll}]+)")
_WHO_AFTER = patterns.compile(r"\s+(?:who|that)\s+(?P<verb>[\p{Ll}]+)(?:\s+(?P<rest>[\p{Ll}]+))?")
# "put the city's population at 486,300", "valued the business at £2bn": the thing a figure is put at
_PUT_AT = patterns.compile(r"(?i)\b(?:put|puts|putting|estimated|estimates|estimate|valued|values|valuing|pegged|pegs)\s+"
                           r"(?:the\s+|its\s+|their\s+)?(?:[\p{L}-]+['’]s?\s+)?(?:[\p{L}-]+\s+)?(?P<noun>[\p{L}]+)\s+"
                           r"at\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+)?$")
# "all 4.2 million pupils in families on ...", "all 300 staff who ...": words after the noun that pick out a group
_NEW_GROUP_AFTER = patterns.compile(r"\s+(?:in|on(?!\s+board\b)|with|who|whose|that|from|under|over|aged)\s+(?![\p{Lu}])")
# "twenty-foot equivalent units (TEU)": an abbreviation in brackets after the words it stands for
_ABBREVIATION = patterns.compile(r"\((?P<short>\p{Lu}[\p{Lu}&]{1,7})\)")
_CAPITALS = patterns.compile(r"\b\p{Lu}{2,6}\b")  # "MRC", "NHS": a word of capitals only
_NAME_RUN = patterns.compile(r"\b\p{Lu}\p{Ll}+(?:\s+(?:(?:of|and|for)\s+)?\p{Lu}\p{Ll}+){1,5}")
_PLAIN_WORD = patterns.compile(r"[\p{L}][\p{L}'’-]*")
_ABBREVIATED_WORDS = 8  # how many words before the brackets an abbreviation may stand for
_UNSEEN = ""  # no word's normal form: marks a word not normalised yet
_CLAUSE_WORDS = 8


@dataclass(frozen=True)
class Description:
    """What the words around one figure say it is.

    ``head`` is the noun the figure describes ("mirror" for "6.5-metre
    primary mirror", "troop" for "4,200 soldiers"), ``counted`` the noun it
    counts when that differs ("seat" in "60-seat council"). ``bag`` holds the
    content words of its clause, ``lead`` those before it ("Net profit for
    the quarter was"); ``times`` and ``roles`` the words that set
    it apart from other figures about the same noun, ``statuses`` the roles
that give the status of the thing itself ("plans for 2,400 homes"). ``head_word`` is the
    head before synonyms are folded ("supporter" where ``head`` is
    "crowd"); a bare count with no noun after it takes the noun it sizes
    ("a crowd of 41,212"). ``whole_of_parts`` marks a whole about to be
    broken down ("Of the 3,050 seats, ..."), ``taken`` a figure a holder
    takes, loses or gains ("Labour won 1,158 seats", "Conservatives lose 19 seats"). ``participle`` is a
    verb form right after the figure ("the 6,200 hectares burned"), which
    names the thing when no noun does. ``restriction`` holds the content
    words of a negated relative clause after the noun ("the 1,140 employees
    who could not work during the closure"): some of a group, unless an
    earlier mention said the same of it. ``share_of_it`` is the percentage
    the text says is of this figure ("25.6% of the 962,512 candidates").
    """

    quantity: Quantity
    head: str | None
    counted: str | None
    modifiers: frozenset[str]
    bag: frozenset[str]
    lead: frozenset[str]
    times: frozenset[str]
    roles: frozenset[str]
    statuses: frozenset[str]
    per: str | None
    participle: str | None
    definite: bool
    comparison: bool
    partitive_part: bool
    head_word: str | None = None
    whole_of_parts: bool = False
    taken: bool = False
    restriction: frozenset[str] = frozenset()
    share_of_it: float | None = None

    @functools.cached_property
    def nouns(self) -> frozenset[str]:
        """The head and the counted noun (worked out once: the repeat linker asks for it tens of thousands of
        times in a long document)."""
        return frozenset(n for n in (self.head, self.counted) if n)


_ABBREVIATIONS: list[tuple[str, dict[str, str]]] = []  # the document read last, and what it defines


def abbreviations(text: str) -> dict[str, str]:
    """The abbreviations a text defines, each with the last of the words it stands for: "the 1.26 million TEU"
    counts what "1.62 million twenty-foot equivalent units (TEU)" does."""
    if _ABBREVIATIONS and _ABBREVIATIONS[0][0] is text:
        return _ABBREVIATIONS[0][1]  # each reader of one document asks again
    defined: dict[str, str] = {}
    _ABBREVIATIONS[:] = [(text, defined)]
    for match in _ABBREVIATION.finditer(text) if "(" in text else ():
        before = text[max(0, match.start() - 120):match.start()]
        if not before[-1:].isspace():
            continue
        written: list[str] = []
        for token in reversed(before.split()[-_ABBREVIATED_WORDS:]):
            if not _PLAIN_WORD.fullmatch(token):
                break
            written.insert(0, token)
        short = match["short"].replace("&", "").lower()
        words = [w for w in written if w.lower() not in STOP_WORDS]
        for count in range(len(words), 0, -1):
            tail = words[-count:]
            # "twenty-foot equivalent units (TEU)": a hyphened word gives one initial, or one for each part
            if short in ("".join(w[0] for w in tail).lower(),
                         "".join(part[0] for w in tail for part in w.split("-") if part).lower()):
                defined.setdefault(match["short"], words[-1])
                break
    if _CAPITALS.search(text):
        _define_by_initials(text, defined)
    return defined


def _define_by_initials(text: str, defined: dict[str, str]) -> None:
    """Abbreviations with no brackets that are a name's initials: "the £3.1m MRC award" and "a grant from the
    Medical Research Council" (a name of two to six capitalised words, "of", "and" or "for" between them)."""
    wanted = {m.group() for m in _CAPITALS.finditer(text)} - defined.keys()
    if not wanted:
        return
    for name in _NAME_RUN.finditer(text):
        words = [w for w in name.group().split() if w[0].isupper()]
        short = "".join(w[0] for w in words)
        if short in wanted:
            defined[short] = words[-1]
            wanted.discard(short)
            if not wanted:
                return


def _per_of(unit: str) -> str | None:
    if " / " not in unit:
        return None
    return unit.split(" / ", 1)[1].strip("() ")


class Describer:
    """Describes the figures of one document."""

    def __init__(self, lexicon: RelateLexicon, document: Document) -> None:
        self.lexicon = lexicon
        self.document = document
        self.text = document.text
        self._norms: dict[str, str] = {}  # a document's words repeat: each is normalised once
        self._contents: dict[str, str | None] = {}
        self._abbreviations = abbreviations(self.text)
        index = word_index(self.text)
        self._comparisons = index.starts(lexicon.comparison_starts)  # where a comparison word begins
        # where a run of digits opens with 19 or 20, as a year does: most clauses hold none
        self._year_starts = [n for n in index.numeral_starts() if self.text.startswith(("19", "20"), n)]
        # a time word as written, possessive or not ("last year's"): most clauses hold none
        self._time_forms = frozenset(t + end for t in lexicon.times for end in ("", "'s", "’s", "’s's"))

    def _norm(self, word: str) -> str:
        norm = self._norms.get(word)
        if norm is None:
            low = self._abbreviations.get(word, word).lower()
            norm = _PER_WORDS[low] if low in _PER_WORDS else self.lexicon.canonical(lemma(low))
            self._norms[word] = norm
        return norm

    def _content(self, words: list[str]) -> list[str]:
        """The normal forms of ``words`` that are not stop words."""
        cache = self._contents
        found = []
        for word in words:
            norm = cache.get(word, _UNSEEN)
            if norm is _UNSEEN:
                norm = cache[word] = None if word.lower() in STOP_WORDS else self._norm(word)
            if norm is not None:
                found.append(norm)
        return found

    def _noun_phrase_after(self, start: int, limit: int, compound: bool = False) -> list[str]:
        """The noun phrase right after a figure; after a compound ("36-member") or an amount of money ("the
        £58m signing": money does nothing itself) it may open with "-ing"."""
        return self._phrase_after(start, limit, compound)[0]

    def _phrase_after(self, start: int, limit: int, compound: bool = False) -> tuple[list[str], list[int]]:
        """The words of :meth:`_noun_phrase_after`, and where each ends."""
        words: list[str] = []
        ends: list[int] = []
        for match in WORD.finditer(self.text, start, limit):
            between = self.text[start:match.start()]
            if between.strip(" \t\"'“”‘’") or "\n" in between:
                break
            word = match.group()
            low = word.lower()
            if low in STOP_WORDS or low in self.lexicon.times or low in self.lexicon.past_verbs:
                break
            if words and low.endswith("s") and (_OBJECT_AFTER.match(self.text, match.end(), limit) or
                                                _NAME_AFTER.match(self.text, match.end(), limit)):
                break  # "the four-year deal makes him one of ...", "the £54m fee makes Marchand": a verb and its object
            if (len(low) > 4 and low.endswith("ed") and not low.endswith("eed")) or (
                    not words and not compound and len(low) > 5 and low.endswith("ing")
                    and not self._noun_follows(match.end(), limit)):
                break  # a participle: "the 1,100 finished in 2021", "the 40 waiting" (not "£24m spending plan")
            words.append(word)
            start = match.end()
            ends.append(start)
            if len(words) == _NP_WORDS:
                break
        return words, ends

    def _subject_moved_to(self, sentence: Span, start: int) -> str | None:
        """The noun that opens a clause whose verb of change moves it to the figure at ``start``: "Turnout in
        Thursday's election rose to 63.8%" is a turnout."""
        text = self.text
        if not text.endswith("to ", max(0, start - 3), start) or \
                self.lexicon.change_before.search(text, max(sentence.start, start - 40), start) is None:
            return None
        opening = _CLAUSE_SUBJECT.match(text, clause_start(text, sentence, start))
        if opening is None or opening["noun"].lower() in STOP_WORDS:
            return None
        return opening["noun"].lower()

    def _noun_follows(self, end: int, limit: int) -> bool:
        """True when the word right after ``end`` carries a noun phrase on ("spending plan")."""
        following = _NEXT_WORD.match(self.text, end, limit)
        if following is None:
            return False
        low = following["word"].lower()
        return low not in STOP_WORDS and low not in self.lexicon.times and not low.endswith("ed")

    def describe(self, quantity: Quantity, sentence: Span) -> Description:
        """The description of one figure in its sentence."""
        text = self.text
        span = quantity.span
        noun = quantity.noun if quantity.noun and not quantity.noun_inferred else ""
        noun_words = noun.split()
        # "14 sailings a week": a count of a thing in a time holds its noun before the time
        noun_written = bool(noun_words) and (quantity.text.lower().endswith(noun.lower()) or quantity.unit.startswith(
            "1 / ") and f" {noun.lower()} " in f" {quantity.text.lower()} ")
        # after a measure an "-ing" word is a noun ("the 45.2C reading"), as after an amount of money
        measure = quantity.unit not in ("", "percent", "percentage_point")
        after, ends = self._phrase_after(span.end, min(sentence.end, span.end + 80),
                                         compound=bool(_COMPOUND.search(quantity.text) or measure))
        if noun_written:
            # The noun ends with the figure's text, unless a plural noun carries it on ("1,240 measles cases").
            after = after[:1] if after and after[0].lower().endswith("s") and not after[0].lower().endswith(
                "ss") and not _OBJECT_AFTER.match(text, ends[0]) else []  # "18 league goals tells you": a verb
        inner: list[str] = []
        if noun_written:
            # "6 remaining schools" read with the noun "schools": a role may stand between
            hedged = quantity.hedge is not None and quantity.text.lower().startswith(quantity.hedge)
            written = [m.group().lower() for m in WORD.finditer(quantity.text[len(quantity.hedge or "") if hedged else 0:])]
            inner = written[:len(written) - len(noun_words)]  # "more than 60,000 homes": not the hedge's "more"
        counted = self._norm(noun_words[-1]) if noun_words else None
        head_word = after[-1] if after else noun_words[-1] if noun_words else None
        sized_definite = None
        if head_word is None and (quantity.unit in ("", "percent") or _CURRENCY.fullmatch(quantity.unit)):
            sized = self._sized_noun(span.start)
            if sized is not None:
                head_word = sized["noun"].lower()
                if (sized["article"] or "").lower() == "the":
                    sized_definite = sized  # "the quarterly net income of $386 million" names a thing given before
        if head_word is None and (quantity.unit == "" or _CURRENCY.fullmatch(quantity.unit)):
            valued = _PUT_AT.search(text, max(0, span.start - 60), span.start) if " at" in text[
                max(0, span.start - 12):span.start] else None  # the pattern ends in "at": most figures have none
            if valued is not None and valued["noun"].lower() not in STOP_WORDS:
                head_word = valued["noun"].lower()  # "put the city's population at 486,300"
        all_of_it = _ALL_OF_IT.search(text, max(0, span.start - 20), span.start) is not None
        if head_word is None and measure and all_of_it:
            whole = _MEASURE_OF.match(text, span.end, sentence.end)
            if whole is not None:
                head_word = whole["noun"].lower()  # "the entire 37 miles of the route": a measure of the route
        if head_word is None and quantity.unit == "percent":
            head_word = self._subject_moved_to(sentence, span.start)  # "Turnout in ... rose to 63.8%"
        if head_word is None and _CURRENCY.fullmatch(quantity.unit):
            after = self._money_in(span.end, min(sentence.end, span.end + 80))
            head_word = after[-1] if after else None
            ends = []  # these words follow "in": where they end is counted afresh
        if head_word is not None and lemma(head_word.lower()) in _PEOPLE:
            # "employs 1,450 people", "the 1,450 people who work there": the verb says who they are
            before = WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
            left_word = before["word"] if before else None
            who = _WHO_AFTER.match(text, span.end, sentence.end) if noun_written else None
            relative_verb = who["verb"] if who is not None else None
            if who is not None and who["rest"] and who["rest"].lower() not in ("there", "here"):
                who = None  # "the 2,300 people who work underground": some of the workforce, not all of it
            done = _DONE_TO.match(text, span.end, sentence.end) if noun_written else None  # "had been evacuated"
            did = _DID_AFTER.match(text, span.end, sentence.end) if noun_written else None  # "18,500 runners completed"
            for verb in (left_word, who["verb"] if who else None, done["verb"] if done else None,
                         did["verb"] if did else None):
                forms = verb_stems(verb.lower()) | {lemma(verb)} if verb else set()
                head_word = next((self.lexicon.people_verbs[f] for f in forms if f in self.lexicon.people_verbs),
                                 head_word)
            if relative_verb is not None and lemma(head_word.lower()) in _PEOPLE:
                # "the 1.9 million people who visited in 2025": the visitors, when the document calls them so
                head_word = self._agent_noun(relative_verb) or head_word
        head = self._norm(head_word) if head_word else None
        head_word = lemma(head_word) if head_word else None
        if quantity.per:
            # "$14,600 per student": an amount for each of a thing is named by what it is for each of,
            # and stands only with other amounts for each of it
            per_key = f"per {self._norm(quantity.per)}"
            if head is None:
                head = head_word = per_key
            elif counted is None:
                counted = per_key
        # a count's "weekly" is its unit ("12 weekly sailings" are 12 a week), not a kind of the thing
        modifiers = {self._norm(w) for w in [*noun_words[:-1], *after[:-1]]
                     if w.lower() not in self.lexicon.neutral_modifiers
                     and not (quantity.unit == "" and w.lower() in _PER_WORDS)}
        phrase_end = (ends[len(after) - 1] if len(ends) >= len(after) and after else
                      self._phrase_end(span.end, len(after)))
        restricting = _RESTRICTIVE.match(text, phrase_end, sentence.end)
        lead_window = text[max(0, span.start - 40):span.start].lower()
        of_words = "of" in lead_window or "among" in lead_window  # each pattern below needs one of them
        opened = of_words and _OF_TOTAL.search(text, max(0, span.start - 20), span.start) is not None
        whole_of_parts = opened or of_words and bool(_QUANTIFIED_WHOLE.match(text, max(0, span.start - 40), span.start)
                                                     or _COUNT_OF.search(text, max(0, span.start - 25), span.start))
        if opened:
            opener = _OPENER_WORDS.match(text, phrase_end, sentence.end)
            if opener is not None:
                modifiers |= set(self._content([w.group() for w in WORD.finditer(opener.group())]))
        verb = restricting and restricting["ing"]
        if verb and verb not in self.lexicon.neutral_modifiers and verb not in STOP_WORDS:
            # "the 45 organisations joining the portfolio": some of the 214, not all
            modifiers.add(self._norm(verb))
        relative = RESTRICTING_RELATIVE.match(text, span.end, sentence.end) if noun_written else None
        restriction = frozenset(self._norm(w) for w in self._content(
            [m.group() for m in WORD.finditer(relative["clause"])])) if relative else frozenset()
        picked = _PICKED_OUT.match(text, phrase_end, sentence.end) if noun_written and not restriction else None
        if picked is not None and picked["verb"].lower() not in self.lexicon.statuses | self.lexicon.roles:
            # "the 20 stores earmarked for refurbishment": some of the stores, picked out by what is done to them
            restriction = frozenset({self._norm(picked["verb"])})
        grouped = _IN_GROUP.match(text, phrase_end, sentence.end) if noun_written and not restriction else None
        if grouped is not None:
            restriction = frozenset(self._norm(w) for w in self._content(grouped["group"].split()))
        if not restriction and opened and noun_written:
            # "Of the 1,140 students who applied for Year 9 places, ...": the opener picks out those who did
            opener_verb = _WHO_AFTER.match(text, span.end, sentence.end)
            if opener_verb is not None and opener_verb["verb"].lower() not in STOP_WORDS:
                restriction = frozenset({self._norm(opener_verb["verb"])})
        left_start = clause_start(text, sentence, span.start)
        right_end = clause_end(text, sentence, span.end)
        left = [m.group() for m in WORD.finditer(text, left_start, span.start)][-_CLAUSE_WORDS:]
        right = [m.group() for m in WORD.finditer(text, span.end, right_end)][:_CLAUSE_WORDS]
        lead = self._content(left)
        bag = [*lead, *self._content([*after, *right])]
        definite = _DEFINITE.search(text, max(0, span.start - 40), span.start)
        if definite and "that" in lead_window and _CLAUSE_THAT.search(text, max(0, span.start - 40), span.start):
            definite = None  # "Police estimated that 40,000 people marched": a clause, not a thing named before
        if definite and definite.group().split()[-1].lower() in ("that", "this") and quantity.noun and \
                quantity.noun.lower().endswith("s") and quantity.value != 1:
            definite = None  # "and that six clubs would play": "that" before a plural opens a clause
        if definite and quantity.hedge and len(definite.group().split()) > 1 and \
                quantity.text.lower().startswith(quantity.hedge):
            definite = None  # "leaves the country about 63,000 homes behind": "the" is the object's, not the figure's
        if definite and definite.group().lower().startswith("all") and _NEW_GROUP_AFTER.match(text, phrase_end):
            definite = None  # "extended to all 4.2 million pupils in families on universal credit": a group named anew
        if definite and _PRONOUN_VERB.match(definite.group()):
            definite = None  # "That meant 50 points at home", "That is 1,062 balls": a pronoun and its verb
        definite = definite or sized_definite
        if definite:
            # A definite noun phrase names a thing already there; a modal or verb of the clause
            # before it ("would sustain the brigade's 4,800 soldiers") does not make it another.
            near_left = [w.group() for w in WORD.finditer(text, definite.start(), span.start)]
        else:
            near_left = left[-4:]
        # an acronym is a name, not a role: "AIMS scientists surveyed 124 reefs"
        near_left = ["" if len(w) > 1 and w.isupper() else w.lower() for w in near_left]
        # a role word before the clause's verb is its subject's: "A former treasurer stole £2.46 million"
        verb_at = max((i for i, w in enumerate(near_left) if w in self.lexicon.past_verbs), default=-1)
        roles = {w for i, w in enumerate(near_left) if w in self.lexicon.roles and i > verb_at and not (
            w in self.lexicon.attributes and i and near_left[i - 1] in ("a", "an"))  # "a record field of"
            and near_left[i + 1:i + 2] != ["cent"]}  # "rose 4.5 per cent to 1.62 million": no role of its own
        roles |= {w.lower() for w in after if w.lower() in self.lexicon.roles} | {w for w in inner if w in _SUBSET or w in _ADDED}
        # "since peaking at 7.75 million": a role's verb in "-ing" right before the figure gives it that role
        roles |= {stem for w in near_left[-2:] if w.endswith("ing") and w not in self.lexicon.roles
                  for stem in verb_stems(w) if stem in self.lexicon.roles and stem != w}
        if _AND_ONE_MORE.match(text, phrase_end, sentence.end):
            roles.add("part")  # "three blood pressure drugs and a statin": not all four drugs
        if "only" in text[max(0, span.start - 20):span.start] and _ONLY_THE.search(text, max(0, span.start - 20),
                                                                                   span.start):
            roles.add("only")  # "covers only the 142 members who returned the survey": some of the 186
        if _THEN_BEFORE.search(text, max(0, span.start - 12), span.start):
            roles.add("then")  # "13 of the then 325 schools": the number at another time
        trailing = _PARTICIPLE.match(text, phrase_end, sentence.end)
        if trailing is not None:
            # "the 1,050 residents surveyed": a verb of a role after the noun phrase gives the role
            roles |= {stem for stem in verb_stems(trailing.group(1)) if stem in self.lexicon.roles
                      and stem not in self.lexicon.statuses and stem != trailing.group(1)}
            if trailing.group(1) in _NEEDED:
                roles.add(trailing.group(1))  # "the 21 seats required for a majority": what is needed, not held
        window = text[max(0, span.start - 25):span.start]
        if ("includ" in window or "among" in window or "whom" in window) and \
                _INCLUDED_BEFORE.search(text, max(0, span.start - 25), span.start):
            roles.add("including")  # "employs about 410 people, including the 146 staff at its roastery": a part
        statuses = {w for w in roles if w in self.lexicon.statuses}
        if self.lexicon.total_mark.match(text, phrase_end):
            roles.add("total")  # "around 9,000 personnel in total": the sum of several, not one party's figure
        times = self._times([*left, *after, *right]) | self._years(left_start, right_end)
        per = _per_of(quantity.unit) or next((_PER_WORDS[w.lower()] for w in after if w.lower() in _PER_WORDS), None)
        return Description(
            quantity=quantity, head=head, counted=counted if counted != head else None,
            modifiers=frozenset(modifiers - {head}), bag=frozenset(bag),
            lead=frozenset(lead), times=frozenset(times),
            roles=frozenset(roles - statuses), statuses=frozenset(statuses), per=per, participle=self._participle(span.end, sentence.end) if not after else None,
            definite=bool(definite),
            comparison=self._compared(span.start, left_start),
            # "9,200 of the troops" is a part; "the 9,200 troops of the support mission" are the mission's own
            partitive_part=not noun_written and not all_of_it and bool(
                _PARTITIVE_AFTER.match(text, span.end, sentence.end)),
            head_word=head_word,
            whole_of_parts=whole_of_parts, restriction=restriction, share_of_it=self._share_of_it(span.start),
            taken=bool(left) and (left[-1].lower() in self.lexicon.share_takers and left[-1].lower() != "with"
                                  or left[-1].lower() in _HOLDINGS_CHANGED),
        )

    def _compared(self, start: int, clause: int) -> bool:
        """True when the figure at ``start`` is what another is compared with ("3.1%, against 2.9% a year ago").

        "Against" and "behind" compare only when a figure stands before
        them in the clause; "would not appeal against the £4.2m penalty"
        opposes, "Behind the 1,482 people who waited" is what lies beneath.
        """
        reach = max(0, start - 30)
        nearest = bisect.bisect_left(self._comparisons, reach)
        if nearest == len(self._comparisons) or self._comparisons[nearest] >= start:
            return False  # no comparison word begins within reach
        match = self.lexicon.comparison_before.search(self.text, reach, start)
        if match is None:
            return False
        word = match.group().lower().lstrip(" \"“")
        if word.startswith(("against", "behind")):
            return _DIGIT.search(self.text, clause, match.start()) is not None
        if word.startswith("from"):
            # "up from 212", "doubled its tally from the 202 seats", "slowed, from 1,610"; not "gate receipts from
            # the 3,218 spectators": a source, with no change or figure before it
            lead = max(0, match.start() - _FROM_LEAD)
            return _DIGIT.search(self.text, clause, match.start()) is not None or \
                self.lexicon.change_word.search(self.text, lead, match.start()) is not None
        return True

    def _agent_noun(self, verb: str) -> str | None:
        """The noun for who does ``verb`` that the document uses: "visitor" for "visited", "applicant" for
        "applied"; None when it uses none."""
        index = word_index(self.document.text)
        for stem in patterns.longest_first(verb_stems(verb.lower())):
            for noun in (stem + "or", stem + "er", stem + "cant", stem + "ant"):
                if len(stem) >= 4 and index.starts(frozenset({noun, noun + "s"})):
                    return noun
        return None

    def _money_in(self, start: int, limit: int) -> list[str]:
        """What a sum is paid in: "$847,300 in restitution", "£2m in damages" (not "in the first year")."""
        match = _IN_WHAT.match(self.text, start, limit)
        if match is None:
            return []
        words = self._noun_phrase_after(match.end() - 1, limit)
        return [] if not words or words[-1].lower() in self.lexicon.times else words

    def _phrase_end(self, start: int, words: int) -> int:
        """Where the noun phrase of ``words`` words after a figure ends."""
        end = start
        for i, match in enumerate(WORD.finditer(self.text, start, start + 80)):
            if i == words:
                break
            end = match.end()
        return end

    def _sized_noun(self, start: int) -> patterns.Match | None:
        """The phrase whose noun a bare count or sum sizes from before it: "a crowd of 41,212", "a net revenue
        budget of £284m", "an emergency appeal for $42 million"; its groups are ``article``, ``modifier``, ``noun``.

        Not a change ("a rise of 12"), a role ("a total of 96", "an average
        of 40") or a generic measure ("a figure of 532").
        """
        window = self.text[max(0, start - 40):start].lower()
        if "of" not in window and "for" not in window:
            return None  # the pattern ends in "of" or "for": most figures have neither before them
        match = _SIZED_BY.search(self.text, max(0, start - 40), start)
        if match is None:
            return None
        word = match["noun"].lower()
        modifier = (match["modifier"] or "").lower()
        attribute = modifier in self.lexicon.attributes and (match["article"] or "").lower() in ("a", "an")  # "a record crowd of"
        if modifier in self.lexicon.roles and not attribute or modifier in self.lexicon.times or \
                self.lexicon.change_word.fullmatch(modifier):
            return None  # "a further batch of 200", "an annual rise of 12"
        if word in STOP_WORDS or word in self.lexicon.roles or word in self.lexicon.times or \
                lemma(word) in self.lexicon.measure_anaphors:
            return None
        return match

    def _years(self, start: int, end: int) -> set[str]:
        """Years that stamp the clause ("in 2021"), not those that bound a span ("since 2019")."""
        years: set[str] = set()
        first = bisect.bisect_left(self._year_starts, start)
        if first == len(self._year_starts) or self._year_starts[first] >= end:
            return years
        for match in _YEAR.finditer(self.text, start, end):
            before = [w.group().lower() for w in WORD.finditer(self.text, max(start, match.start() - 15), match.start())]
            # "since 2019" bounds a span; "a budget for 2026-27" is that year's
            if not (before and before[-1] in self.lexicon.time_spans and before[-1] != "for"):
                years.add(match.group())
        return years

    def _participle(self, start: int, limit: int) -> str | None:
        """A verb form right after a figure: "the 6,200 hectares burned", "the 14,800 sold" (an irregular past)."""
        match = _PARTICIPLE.match(self.text, start, limit)
        if match is None:
            return None
        word = match.group(1)
        return word if (word.endswith("ed") and len(word) > 4) or word in self.lexicon.past_verbs else None

    def _share_of_it(self, start: int) -> float | None:
        """The percentage said to be of this figure: 25.6 in "25.6% of the 962,512 candidates who sat"."""
        if "%" not in self.text[max(0, start - 20):start] and "cent" not in self.text[max(0, start - 24):start]:
            return None
        share = _PERCENT_OF.search(self.text, max(0, start - 30), start)
        return float(share["value"]) if share else None

    def _times(self, words: list[str]) -> set[str]:
        """Time stamps among ``words``: "last year", "march", "saturday" (not "until the spring")."""
        tokens: set[str] = set()
        for word in words:
            if "-" in word:  # "first-quarter sales", "full-year profit": a period named in one word
                first, _, last = word.lower().rpartition("-")
                if first in _PERIOD_ORDINALS and last in self.lexicon.times:
                    tokens.add(f"{first} {last}")
        if self._time_forms.isdisjoint(map(str.lower, words)):
            return tokens
        for i, word in enumerate(words):
            low = word.lower().removesuffix("'s").removesuffix("’s")  # "last year's 321,000 tonnes" is last year's
            if low not in self.lexicon.times:
                continue
            lead = [w.lower() for w in words[max(0, i - 3):i]]
            previous = lead[-1] if lead else ""
            # "until the spring" spans time; "for next year" names one ("next", "last" make it a point)
            if previous not in _RELATIVE_TIME and (
                    any(w in self.lexicon.time_spans for w in lead[-2:]) or lead[-2:-1] == ["the"] and lead[-3:-2]
                    and lead[-3] in self.lexicon.time_spans):
                continue
            if lead[-2:] == ["of", "the"] and any(w.lower() in self.lexicon.superlatives for w in words[max(0, i - 6):i - 2]):
                continue  # "Sydney's biggest home crowd of the season" ranks the figure; it does not date it
            tokens.add(f"{previous} {lemma(low)}" if previous in _RELATIVE_TIME else lemma(low))
        return tokens
