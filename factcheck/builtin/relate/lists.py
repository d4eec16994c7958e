"""Lists of amounts within a sentence: "£21m for roads, £17m for schools and £14m for housing".

A list is a run of at least two figures in one unit joined by commas and
"and" (with the words that say what each is for between them, however
long when the later item leaves out the verb: "Women made up 58% of ...,
and men 49%"). A
comparison ("compared with", "while", "from", "than"; not the hedge of a
figure within an item's words: "less than 18 weeks"), a change ("up from", "rising
to 99%"), "against" unless it opens a contest's side ("against 48% for her
rival"; "to Rovers' 46%" opens one too), a definite figure ("the county's three areas"), a figure marked as
the sum ("96 in all"), a clause opened by "where" ("home to 60% of voters, where she
won 50.8%"), a colon (it opens a list: "three counties: 940,000
in ..."), a coverage phrase
("split between", "including": the figure before it is the total; "which
together make up": the figure after it is) or a sentence break ends it.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace
from typing import Sequence


from factcheck import patterns
from factcheck.builtin.relate.lexicon import RelateLexicon
from factcheck.builtin.relate.text import TIME_UNITS
from factcheck.model import Quantity, Span

_JOIN = patterns.compile(r"(?<!\d),|,(?!\d)|\band\b|;")  # not the comma of "2,300"
# "than" compares ("higher than the 40% ..."), except in a hedge of an item's own figure ("54% had waited
# less than 18 weeks, 31% ...", "21% more than a year").
_BREAK = patterns.compile(r"(?i)\b(?:compared|versus|vs|while|whereas|where|(?<!\b(?:more|less|fewer)\s+)than|than(?!\s+(?:\d|an?\b))"
                       r"|but|rather|instead|up(?![\s-]*front\b)|down|rose|fell|target|cap|ceiling|of\s+which)\b|[.!?]\s|:\s|\n")
_DEFINITE = patterns.compile(r"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]hese|[Tt]hose)|[\p{L}]['’]s?)\s+(?:[\p{Ll}-]+\s+)?$")
# "Of the 900 applicants, ...", "Of those 1,240 patients, ...": the figure is the total of what follows.
OF_TOTAL = patterns.compile(r"(?i)\b(?:of|out\s+of|among)\s+(?:the|its|their|all|these|those|this|that)\s+$")
# "against" compares ("500 against 300") unless it is a side in a vote ("71 voted against").
# "410 against and 190 abstained", "would vote against, and": a side with no object compares nothing.
_COMPARED_AGAINST = patterns.compile(r"(?i)(?<!\bvot(?:ed|ing)\s+)\bagainst\b(?!\s*(?:[,;.]|and\b|or\b))")
# "56.4% of the vote against 48.1% for her challenger": a contest, when "against" governs the figure itself.
_CONTEST_AGAINST = patterns.compile(r"(?i)\bagainst\s+(?:just\s+|only\s+)?$")
_CONTEST_SIDE = patterns.compile(r"\s+(?:for|to)\b")
# "58% of possession to Rovers' 46%", "52% of the vote to Okafor's 41%": the other side's figure.
# Only the whole may stand between the figures: "48% of its waste, close to Kent's 61%" compares.
_CONTEST_TO = patterns.compile(r"\s*(?:of\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?\s+)?to\s+(?:the\s+)?"
                            r"\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3}['’]s?\s+")
# ", in three instalments": a phrase set off by a comma that opens on a preposition, inside an item's words
_ASIDE_PHRASE = patterns.compile(r"(?i)[^;,]*,\s*(?:in|over|across|with|from|for|by|at)\s+(?:the\s+|its\s+|their\s+)?")
_ADJECTIVE_FIGURE = patterns.compile(r"-[\p{L}]+$")  # "one-room", "two-bedroom": a figure that sizes its noun
_HYPHEN_AFTER = patterns.compile(r"-[\p{L}]")  # "one-BHK": the same, its noun not read into the figure
MAX_GAP = 90  # characters between items: "46% of visitors, people staying overnight in hotels, ... 37%"
MAX_GAPPED = 160
# "..., and men 49%": a holder of one or two words, then the figure, then the clause ends.
# ", and men 49%", ", with renewables contributing 12.3%": another holder, its verb left out or a participle
_GAPPED_HOLDER = patterns.compile(r",\s+(?:and\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?|with\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?"
                                  r"\s+\p{Ll}+ing)\s+$")
_GAPPED_END = patterns.compile(r"\s*(?:[,;.!?]|$)")
_NEXT_WORD = patterns.compile(r"\s+(?P<word>[\p{L}]+)")
# "46% said they drive alone, 31% use the bus": "alone" is how they drive, not a part set apart ("Kent alone")
_ALONE_AS_ADVERB = patterns.compile(r"(?i)\b(?:they|who|we|you|he|she|i|to)\s+[\p{L}]+\s+alone\b")
_WON_BEFORE = patterns.compile(r"(?i)\b(?:won|winning|wins)\s+$")
_RESULT_BEFORE = patterns.compile(r"(?i)\b(?:won|wins|drew|drawn|draws|tied|lost|losses)\s+$")
_LOST_BEFORE = patterns.compile(r"(?i)\b(?:lost|losing|losses)\s+$")
_WORDS = patterns.compile(r"[\p{L}]+")
_FRAME_WORDS = 8  # how far into an item's words its frame may stand
# Words too common to show two items framed alike: articles, prepositions, conjunctions.
_FUNCTION_WORDS = frozenset("""a an the and or but nor of in on at to for from by with as than into over under
per about after before between among against""".split())


@dataclass(frozen=True)
class ListRun:
    """Figures written as one list, in one unit, in text order."""

    items: tuple[Quantity, ...]

    @property
    def span(self) -> Span:
        """From the first item to the last."""
        return Span(self.items[0].span.start, self.items[-1].span.end)

    def until_whole(self, text: str, whole: float, slack: float, then: patterns.LazyPattern) -> ListRun:
        """The items up to those that add up to ``whole`` (within ``slack``), when the words to the next item
        match ``then``: another statement starts there ("57% were men and 43% women, and about 30% ...")."""
        total = 0.0
        for i, (item, following) in enumerate(zip(self.items, self.items[1:])):
            total += item.value or 0
            if i and abs(total - whole) <= slack and then.fullmatch(text, item.span.end, following.span.start):
                return ListRun(self.items[:i + 1])
        return self


def _same_unit(first: Quantity, item: Quantity) -> Quantity | None:
    """``item`` in ``first``'s unit: its own, or lent to a bare figure (not a length of time to a count of things)."""
    if item.unit == first.unit:
        return item
    if item.unit == "" and (item.noun is None or item.noun_inferred) and not (
            item.noun_inferred and item.noun and first.unit in TIME_UNITS):
        return replace(item, unit=first.unit)
    return None


def _gapped(text: str, sentence: Span, gap: str, quantity: Quantity) -> bool:
    """True for a clause whose verb is left out: "Women made up 58% of the workforce of 6,420 ..., and men 49%".

    Such an item ("and men 49%") restates the clause before it for another
    holder, however long that clause was.
    """
    return len(gap) <= MAX_GAPPED and _GAPPED_HOLDER.search(gap) is not None and \
        _GAPPED_END.match(text, quantity.span.end, sentence.end) is not None


def _parallel(text: str, quantity: Quantity, gap: str) -> bool:
    """True for items framed alike: "62% said they intended to stay ..., 31% said they planned to leave".

    The content word right after a figure ("said") opens the previous
    item's words as well, within its first few words ("58% of the 2,300
    staff who replied said ..."): the two are one list however long the
    first item runs.
    """
    if len(gap) > MAX_GAPPED:
        return False
    frame = _NEXT_WORD.match(text, quantity.span.end)
    if frame is None or frame["word"].lower() in _FUNCTION_WORDS:
        return False
    opening = [w.lower() for w in _WORDS.findall(gap)[:_FRAME_WORDS]]
    return frame["word"].lower() in opening


def _opens_item(cue: patterns.LazyPattern, gap: str) -> bool:
    """True when a cue stands at most a word before the next figure: "including 14 trolleys", "partly by £4m";
    not "31% were partially bleached and 17% ...", where it is an item's own word."""
    last = None
    for last in cue.finditer(gap):
        pass
    return last is not None and len(_WORDS.findall(gap, last.end())) <= 1


def _governed(text: str, sentence: Span, quantity: Quantity, lexicon: RelateLexicon) -> bool:
    """True when a comparison or change word governs the figure ("from 93%", "against 71%", "rising to 99%")."""
    start = max(sentence.start, quantity.span.start - 30)
    return bool(lexicon.comparison_before.search(text, start, quantity.span.start)
                or lexicon.change_before.search(text, start, quantity.span.start))


def record_of_results(text: str, run: ListRun) -> tuple[bool, bool] | None:
    """For a list of games won, drawn and lost ("won 28, drew 7 and lost 4"): whether it has a draw and a
    defeat; None for any other list."""
    verbs = [_RESULT_BEFORE.search(text, max(0, q.span.start - 12), q.span.start) for q in run.items]
    if not all(verbs) or not verbs[0] or not _WON_BEFORE.search(verbs[0].group()):
        return None
    words = {v.group().strip().lower() for v in verbs if v}
    return bool(words & {"drew", "drawn", "draws", "tied"}), bool(words & {"lost", "losses"})


def record_run(text: str, run: ListRun) -> ListRun:
    """A record of results ends with its last result: "won 27, drew 11 and lost 9, and finished on 92 points"."""
    if len(run.items) < 3 or record_of_results(text, ListRun(run.items[:2])) is None:
        return run
    results = [bool(_RESULT_BEFORE.search(text, max(0, q.span.start - 12), q.span.start)) for q in run.items]
    end = results.index(False) if False in results else len(results)
    return ListRun(run.items[:end]) if end >= 2 else run


def _record(text: str, first: Quantity, quantity: Quantity) -> bool:
    """True for the games lost in a record of results: "won 12, drew 4 and lost 7" (no change of anything)."""
    return _LOST_BEFORE.search(text, max(0, quantity.span.start - 12), quantity.span.start) is not None and \
        _WON_BEFORE.search(text, max(0, first.span.start - 12), first.span.start) is not None


def find_lists(text: str, sentence: Span, members: Sequence[Quantity], lexicon: RelateLexicon,
               skip: set[Span], allow_against: bool = False) -> list[ListRun]:
    """The lists of one sentence; ``skip`` holds spans of figures that are no list item (changes, sizes).

    Figures of another kind inside an item's own words ("£520,000 from the
    closure of two offices and £600,000 ...", "58% of the 2,300 staff who
    replied said they would try it for at least a year, 39% said ...") do
    not end the list: they are held aside, and read again (a list may start
    there) only when the list does not go on past them. Each figure is read
    again at most once for each list it was held aside from.
    """
    runs: list[ListRun] = []
    current: list[Quantity] = []

    stretched = False  # linked only by a frame both items share, across a long gap

    def close() -> None:
        nonlocal stretched
        # two long clauses framed alike ("71% said ..., and 44% said ...") are as often two questions as one
        if len(current) >= (3 if stretched else 2):
            runs.append(ListRun(tuple(current)))
        current.clear()
        stretched = False

    def joined(quantity: Quantity) -> Quantity | None:
        """``quantity`` in the list's unit when it carries the current list on, else None.

        The cheap tests come first: most figures fail the unit or the joining words.
        """
        nonlocal stretched
        aligned = _same_unit(current[0], quantity)
        if aligned is None:
            return None
        # past figures held aside, what joins this item to the list is what follows them
        gap = text[aside[-1].span.end if aside else current[-1].span.end:quantity.span.start]
        against = _COMPARED_AGAINST.search(gap) is not None
        other_side = allow_against and _CONTEST_TO.fullmatch(text, current[-1].span.end, quantity.span.start) is not None
        contest = against and allow_against and _CONTEST_AGAINST.search(
            text, max(sentence.start, quantity.span.start - 14), quantity.span.start) is not None and \
            _CONTEST_SIDE.match(text, quantity.span.end) is not None or other_side
        short = len(gap) <= MAX_GAP or _gapped(text, sentence, gap, quantity)
        linked = ((short or _parallel(text, quantity, gap))
                  and (_JOIN.search(gap) is not None or contest)
                  and not _BREAK.search(gap) and (contest or not against))
        if not linked:
            return None
        covers = lexicon.whole_cue.search(gap) or _opens_item(lexicon.partial_cue, _ALONE_AS_ADVERB.sub(" ", gap)) or \
            lexicon.whole_after_cue.search(gap) or OF_TOTAL.search(
            text, max(sentence.start, current[-1].span.start - 12), current[-1].span.start)
        if covers:
            return None
        definite = _DEFINITE.search(text, max(sentence.start, quantity.span.start - 30), quantity.span.start)
        if definite and lexicon.remainder_cue.match(definite.group()):
            definite = None  # "and the remaining 200": the last part, not a figure named before
        if other_side:
            definite = None  # "to Rovers' 46%": the possessive names the side, not a figure given before
        if definite:
            return None
        if not contest and _governed(text, sentence, quantity, lexicon) and not _record(text, current[0], quantity):
            return None  # "slipped to 91.4% ..., from 93.0%", "93% ..., rising to 99%": one figure changing
        if lexicon.total_mark.match(text, quantity.span.end):
            return None  # "..., 96 in all": the sum
        if not short:
            stretched = True
        return aligned

    def inside_item(quantity: Quantity) -> bool:
        """True for a figure of another kind within the last item's words ("... of two offices"), or in a
        list of its own that the item opens ("2.6 tonnes of scrap metal, including 14 trolleys and two
        motorbikes, and ...")."""
        gap = text[current[-1].span.end:quantity.span.start]
        # "1,560 are one-room units, 620 are one-BHK units": a figure that sizes its noun names a kind of item
        adjective = _ADJECTIVE_FIGURE.search(quantity.text) is not None or _HYPHEN_AFTER.match(text, quantity.span.end)
        if _same_unit(current[0], quantity) is not None and not adjective or len(gap) > MAX_GAPPED or \
                _BREAK.search(gap):
            return False
        return not _JOIN.search(gap) or lexicon.partial_cue.search(gap) is not None or \
            _ASIDE_PHRASE.fullmatch(gap) is not None

    pending = deque(q for q in members
                    if q.span not in skip and not q.vague and q.value is not None and not q.age)
    aside: list[Quantity] = []
    while pending:
        quantity = pending.popleft()
        if current:
            aligned = joined(quantity)
            if aligned is not None:
                current.append(aligned)
                aside.clear()
                continue
            if inside_item(quantity):
                aside.append(quantity)
                continue
            close()
            if aside:
                # the list did not go on past the figures held aside: they are read again, as a list may start there
                pending.extendleft(reversed([*aside, quantity]))
                aside.clear()
                continue
        current.append(quantity)
    close()
    return runs
