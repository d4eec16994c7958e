"""A total and the listed parts of it.

The total of a list is found by what the words say:

1. the first part is partitive ("610 of the cases", "Of these, 3,100 ...",
   "Of the homes completed, 1,240 ...", "Of the 60 seats, Labour won 31,
   ..."): the total is the nearest earlier
   figure with that noun (or, for "these"/"them", the nearest earlier figure
   in the parts' unit) in this or the previous sentence;
2. a coverage phrase joins the total to the list ("£48m budget, split
   between ...", "1,000 pharmacies, including ...");
3. "The homes will comprise ...", "The budget is split between adult care
   (£11.2m), ...": the subject's noun refers back to an earlier figure (its
   head or a word of its noun phrase: "a £24.6m spending plan");
4. a figure earlier in the sentence counts the parts' own noun and is larger
   than each ("the 60-seat council with 28 seats, ... 19, ... 11");
5. a figure of this or the previous sentence sizes a thing by the parts'
   noun, and the thing is named again with the list ("the 60-seat council"
   ... "27 seats, ... 19, ... with every seat on the council up for
   election") or sized in the sentence right before it ("short of a
   majority on the 84-seat authority. Final results gave Reform 38 seats,
   the Conservatives 24, ...");
6. holders take bare counts ("Labour won 24, the Conservatives 12, ...") of a
   whole this or the previous sentence gives with "all" ("All 45 seats on
   the council were up for election");
7. words after the list say it makes up a later figure of the sentence
   ("£21m, £17m and £6m, which together make up the £48m programme"), or
   the figure that follows it is marked as the sum ("..., 96 in all").

``exhaustive`` is set where the words say the parts make up the whole
("split between", "comprising", "of these ... and the remaining 230", "which
make up"); "including" lists are never exhaustive, nor are lists followed by
a remainder without a figure ("...; the rest returned").
"""
from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Iterator, Sequence


from factcheck import patterns
from factcheck.builtin.relate.describe import Describer
from factcheck.builtin.relate.lexicon import RelateLexicon, phrase_source
from factcheck.builtin.relate.lists import OF_TOTAL, ListRun, find_lists, record_of_results, record_run
from factcheck.builtin.relate.text import STOP_WORDS, WORD, WORD_BEFORE, YARDSTICKS, Sentences, lemma, verb_stems
from factcheck.builtin.tolerance import as_counted, sum_gap, value_ratio
from factcheck.model import Change, Document, Parts, Quantity, Span

_PARTITIVE_ITEM = patterns.compile(r"(?i)\s+(?:of|out\s+of)\s+(?:the|its|their|these|those|them)\b\s*(?P<noun>[\p{L}-]+)?")
_OF_THESE = patterns.compile(r"(?i)\bof\s+(?:them|this\s+total|(?:the|these|those)\s+(?P<noun>[\p{L}-]+)(?:\s+[\p{L}-]+)?"
                             r"|these|those)\s*,\s*$")
_REFERS_BACK = patterns.compile(r"(?i)\b(?:the|these|those|its|their)\s+(?P<noun>[\p{L}-]+)\s+(?:will\s+|would\s+|are\s+to\s+)?"
                             r"(?:be\s+)?(?P<verb>[\p{L}]+(?:\s+(?:up\s+)?of)?)\s*$")

# What may stand between a list and the words that say it makes up a whole: the last item's own
# words up to a comma, then nothing, "which", or a phrase renaming the parts ("the three budgets that").
_LIST_SUBJECT = patterns.compile(
    r"(?i)(?:[^,;:–—.]{0,40}[,–—])?[\s,–—-]*(?:(?:which|that|all\s+of\s+which)\s+"
    r"|(?:(?:the|these|those|all)\s+)?(?:[\p{L}\d,-]+\s+){1,3}?(?:which|that)\s+"
    r"|(?:the|these|those|all)\s+(?:[\p{L}\d,-]+\s+){0,3}?)?"
    r"(?:together\s+|between\s+them\s+|in\s+all\s+|altogether\s+)?(?:will\s+|would\s+)?")

# "The budget is split between ...", "Its spending will be divided among ...": a definite subject and auxiliaries.
_AUXILIARY = r"(?:is|are|was|were|will|would|has|have|had|be|been|being|to)\b"
_DEFINITE_SUBJECT = patterns.compile(
    rf"(?i)\b(?:the|these|those|its|their|this)\s+(?:[\p{{L}}\p{{Sc}}\d.,-]+(?:['’]s)?\s+)?(?P<noun>(?!{_AUXILIARY})[\p{{L}}-]+)"
    # "The appeal, led by the UN, is made up of"; "The project of Bahay Likha Land Inc. is made up of"
    rf"(?:\s*,[^,;.]{{1,60}},|\s+of\s+(?:\p{{Lu}}[\p{{L}}.&-]*\s+){{1,6}}?)?\s*(?:{_AUXILIARY}\s+){{0,3}}$")
# A plural noun with no article opening the sentence: "Parcels were split between ..."
# ... or after who said it: "The group said sales were split between ..."
_BARE_SUBJECT = patterns.compile(rf"\s*(?:(?P<noun>\p{{Lu}}[\p{{Ll}}-]+s)|(?:[Tt]he\s+)?\p{{L}}+\s+(?:said|says|added|reported)\s+"
                                 rf"(?:that\s+)?(?P<noun>\p{{Ll}}[\p{{Ll}}-]+s))\s+(?:{_AUXILIARY}\s+){{1,3}}")
# What may stand between a coverage phrase and the first part: that part's label ("adult social care (",
# "adult social care, which receives ", "the 14 branch libraries, which will get ").
_PART_LABEL = patterns.compile(r"(?i)\s*:?\s*(?:(?:[\p{L}\d'’-]+\s+){0,6}\(?|(?:[\p{L}\d'’-]+\s+){0,5}[\p{L}'’-]+:\s+"
                               # "split between its three centres: 4,310 at ..., 3,275 at ...": the holders, then a colon
                               # "split between its three divisions: Food, which took £2.91bn, ...": holders, then a label
                               r"|(?:(?:[\p{L}\d'’-]+\s+){0,5}[\p{L}'’-]+:\s+)?(?:[\p{L}\d'’&-]+\s+){0,4}[\p{L}'’-]+,\s+"
                               r"(?:which|that|who)\s+(?:(?:will|would)\s+)?[\p{L}]+\s+(?:[\p{L}]+\s+)?"
                               # "six stages: Stage 1, a Tanunda circuit of 147km": a numbered label, then its words
                               r"|\p{Lu}[\p{L}]+\s+\d{1,2},\s+(?:[\p{L}'’-]+\s+){0,5})\s*")
# Between a total and the breakdown set beside it: "14 medals — six gold, ...", "£12m (£7m from ...".
_APPOSITION = patterns.compile(r"\s*(?:—|–|--|\()\s*")


def _another_count(first: Quantity, item: Quantity) -> bool:
    """True for a count of another noun, a thousand times or more from the first item's."""
    if not (first.noun and item.noun) or first.noun_inferred or item.noun_inferred or \
            first.noun.split()[-1].lower() == item.noun.split()[-1].lower():
        return False
    ratio = value_ratio(first.value or 0, item.value or 0)
    return ratio is not None and ratio >= _ORDERS_APART


def _same_unit_total(total: Quantity, part: Quantity) -> bool:
    """True when a part is in the total's unit, or is a bare count beside a count."""
    return part.unit == total.unit and (total.unit != "" or not part.noun or part.noun_inferred or
                                        total.noun is not None)


_RESTATES = 0.9  # a part this close to its total restates it rather than breaking it down
_SEMICOLON = patterns.compile(r"(?s)[^;]*;.*")  # words to the next part that a semicolon breaks
_LINE_LEAD = patterns.compile(r"\s*(?:[-*•]\s+)?")  # a list line's bullet, before its words
_COLON = patterns.compile(r"\s*:")
_GAMES = frozenset({"game", "match", "fixture", "outing", "bout", "contest", "race", "start"})
_SUBJECT_LEAD = 140  # characters before a list's first part in which its subject may stand ("The budget, agreed ..., is")
_SUBJECT_REACH = 4  # sentences back that a subject naming its figure's own noun may reach
# "By division, revenue in Ireland was": a breakdown by a kind, then the noun it breaks down
_BY_KIND_OPENER = patterns.compile(r"\s*By\s+[\p{L}-]+(?:\s+[\p{L}-]+)?,\s*(?P<noun>\p{Ll}+)\b")  # not a holder's name
# "Every one of the 230 members": the whole of a body, before what its members did
_EVERY_ONE_BEFORE = patterns.compile(r"(?i)\b(?:every\s+one|each|all)\s+of\s+(?:the|its|their)\s+$")
_FIT_SLACK = 0.005  # the share of a whole by which its parts may miss it and still fit (sum-mismatch's default)
_MEASURE_OF = patterns.compile(r"(?i)\b(?:an?|the)\s+(?:quota|threshold|target|limit|cap|ceiling|majority)\s+of\s+$")
_WITH_MORE = patterns.compile(r"[^,;.]{0,30},\s*with\s+")  # a list's end, then what some of it is
_WITH_BREAKDOWN = patterns.compile(r"(?i),\s*(?:with|of\s+which)\b")
# A verb that shares out its object: "breaks the gap down into", "splits its budget between".
_SHARES_OUT = patterns.compile(
    r"(?i)\b(?:break|breaks|broke|breaking|split|splits|splitting|divide|divides|divided|dividing)\s+"
    r"(?:the|its|their|this|that)\s+(?:[\p{L}-]+\s+)??(?P<noun>[\p{L}-]+)\s+(?:down\s+)?(?:into|between|among)\b")
# Between a list and a figure marked as its sum ("..., 96 in all"): the last part's own words, then a comma.
_BEFORE_SUM = patterns.compile(r"[^,;:.!?]{0,60},\s*")
# Between "the rest" and the figure it gives: "the remaining 230", "the rest, 230,".
_TO_FIGURE = patterns.compile(r"[\s,:–—-]*")
# "marks out of 20:", "a score of 8 per 10": a scale the parts are measured on, not their whole.
_SCALE_BEFORE = patterns.compile(r"(?i)\b(?:out\s+of|per|in\s+every)\s+$")
_SIZE_ADJECTIVE = patterns.compile(r"\d-[\p{L}]+$")  # "a 20-team league": sizes a thing, whose parts are other things
# The rest of an "Of the 900 applicants ..." opener: its own words up to the comma before the first part.
_OPENER_REST = patterns.compile(r"[^,;.:]{0,120},\s*")
# The rest of an opener, then a holder of one to three words: "Of the 60 seats on the council, Labour won ".
_OPENER_HOLDER = patterns.compile(r"[^,;.:]{0,120},\s*(?:[\p{L}'’.-]+\s+){2,4}")
_ALL_BEFORE = patterns.compile(r"(?i)\ball\s+(?:the\s+|its\s+|their\s+)?$")  # "All 45 seats", "all the 120 places"
_TO_WHOLE = patterns.compile(r"(?i)\s*(?:all\s+of\s+)?(?:(?:the|its|their|this|an?)\s+)?(?:(?!(?:third|quarter|half|fifth|"
                             r"tenth|share|proportion|fraction|part|majority|minority|bulk)\b)[\p{L}'’-]+\s+){0,2}(?:of\s+)?")


def _nested(text: str, items: Sequence[Quantity]) -> bool:
    """True when the figures after ", with" add up to the one before it: they break it down, not its siblings.

    "231,900 were valid, with 127,080 in favour and 104,820 against".
    """
    for i in range(len(items) - 2):
        if not _WITH_BREAKDOWN.search(text, items[i].span.end, items[i + 1].span.start):
            continue
        rest = items[i + 1:]
        slack = min((q.resolution or 0) for q in items[i:]) / 2  # round figures must still add up exactly
        if abs((items[i].value or 0) - sum(q.value or 0 for q in rest)) <= slack:
            return True
    return False


_BASE_BEFORE = patterns.compile(r"(?i)\b(?:from|compared\s+with|against)\s+$")
_OF_THE_BETWEEN = patterns.compile(r"\s+(?:out\s+)?of\s+(?:the\s+)?")  # "22 of the 43 seats"


_DIGIT = patterns.compile(r"\d")
# The opening of a sentence that adds up the list before it: "Together, the four provinces accounted for"
_TOGETHER_OPENS = patterns.compile(r"(?i)\s*(?:together|combined|between\s+them|altogether|in\s+all|in\s+total)\s*,")
# "All of the deaths were recorded in three northern provinces: ": every one of a thing named before, then a colon
_ALL_OF_THEM_IN = patterns.compile(r"\s*All\s+(?:of\s+)?the\s+[\p{L}-]+\s+(?:were|was|are|have\s+been|had\s+been)\b"
                                   r"[^.;:]{0,80}:\s*$")
_ORDERS_APART = 1000  # a count of another noun this much smaller than a list's first item is an aside in it
_TOTAL_OF_BEFORE = patterns.compile(r"(?i)\ba\s+total\s+of\s+$")
_LISTED_TOGETHER = patterns.compile(r"(?i)\s*(?:together|combined|between\s+them)\b")  # the listed items, summed
_OF_THOSE = patterns.compile(r"(?i)\s+(?:of|among)\s+(?:those|them|these|whom)\b")
_WORDS_AFTER = patterns.compile(r"\s+[\p{L}]+\s+[\p{L}]+")  # "were sold": the verb a figure's clause goes on with
_NEEDED_AFTER = patterns.compile(r"(?i)\s+(?:needed|required)\b")
_UNREAL = frozenset({"would", "could", "might"}) | YARDSTICKS  # a figure supposed, or set as a mark to reach
_GUESS_OVERSHOT = 1.15  # parts more than this many times a guessed whole were not its parts
_FUNNEL = 1.5  # parts adding to more than this many times their total are stages of it, each within the last

class PartsReader:
    """Finds totals and their parts in one document."""

    def __init__(self, document: Document, quantities: Sequence[Quantity], changes: Sequence[Change],
                 lexicon: RelateLexicon) -> None:
        self.document = document
        self.text = document.text
        self.quantities = list(quantities)
        self.starts = [q.span.start for q in self.quantities]
        self.lexicon = lexicon
        self.describer = Describer(lexicon, document)
        self._cue = patterns.any_of(lexicon.whole_cue, lexicon.partial_cue)
        self.sentences = Sentences.of(document)
        self._taker = patterns.compile("(?i)" + phrase_source(lexicon.share_takers) + r"\s+$")
        # a figure set beside an earlier one with no word of change ("£4.2m (2023: £3.9m), made up of ...") is
        # the thing's state now, which may be shared out
        self.skip = {c.before.span for c in changes if c.before} | {c.after.span for c in changes if c.verb} | {
            c.by.span for c in changes if c.by}
        # the end of a change is the thing's new state: a later definite noun may name it as a whole
        # ("approved a £6.4m budget, down from £6.9m. The budget is split between ...")
        self.change_ends = {c.after.span for c in changes}

    def _nouns(self, quantity: Quantity) -> frozenset[str]:
        return self.describer.describe(quantity, self.sentences.span(quantity.span.start)).nouns

    def _names(self, quantity: Quantity, loose: bool) -> frozenset[str]:
        description = self.describer.describe(quantity, self.sentences.span(quantity.span.start))
        names = description.nouns | description.modifiers if loose else description.nouns
        if description.head == "time":
            # "launched 147 times": the occasions are named by the verb's noun ("Of the launches, ...")
            verb = WORD_BEFORE.search(self.text, max(0, quantity.span.start - 30), quantity.span.start)
            if verb:
                names |= {self.lexicon.canonical(stem) for stem in verb_stems(verb["word"].lower())}
        return names

    def _covered_subject(self, first: Quantity, sentence: Span) -> tuple[str, bool] | None:
        """ "The budget is split between adult care (£11.2m), ...": the noun a coverage phrase shares out.

        The noun may also be the object of a verb that shares it out: "the
        report breaks the gap down into adult care (£21.4m), ...".

        The subject is a definite noun phrase naming a figure given before;
        between the phrase and the first part only a label of that part may
        stand. Returns the noun and whether the phrase says the parts cover it.
        """
        lead_start = max(sentence.start, first.span.start - _SUBJECT_LEAD)
        for verb in _SHARES_OUT.finditer(self.text, lead_start, first.span.start):
            if _PART_LABEL.fullmatch(self.text, verb.end(), first.span.start):
                return verb["noun"], True
        cue = None
        for match in self._cue.finditer(self.text, lead_start, first.span.start):
            cue = match
        if cue is None or not _PART_LABEL.fullmatch(self.text, cue.end(), first.span.start):
            return None
        subject = _DEFINITE_SUBJECT.search(self.text, lead_start, cue.start()) or \
            _BARE_SUBJECT.fullmatch(self.text, sentence.start, cue.start())  # "Parcels were split between ..."
        if subject is None:
            return None
        return subject["noun"], bool(self.lexicon.whole_cue.fullmatch(cue.group()))

    def _broken_down_by_kind(self, first: Quantity, sentence: Span) -> tuple[str, bool] | None:
        """ "By division, revenue in Ireland was €1,120 million, the UK business contributed €964 million and
        ...": the noun a breakdown by a kind opens on, with no word that the parts cover it all."""
        framed = _BY_KIND_OPENER.match(self.text, sentence.start, first.span.start)
        if framed is None or framed["noun"] in STOP_WORDS:
            return None
        return framed["noun"], False

    def _earlier(self, before: int, unit: str, noun: str | None, loose: bool = False,
                 ends: bool = False, back: int = 1) -> Quantity | None:
        """The nearest figure before ``before`` in this or the previous sentence, with ``noun`` when given
        (see :meth:`_earliers`)."""
        return next(self._earliers(before, unit, noun, loose, ends, back), None)

    def _earliers(self, before: int, unit: str, noun: str | None, loose: bool = False,
                  ends: bool = False, back: int = 1) -> Iterator[Quantity]:
        """The figures before ``before`` in this or the previous sentence, with ``noun`` when given, nearest first.

        ``loose`` lets the noun be a modifier of the figure's noun phrase
        ("the budget" for "a £24.6m spending plan"). A change's new level
        counts when a noun names it, or when ``ends`` says a generic word does.
        ``back`` is how many sentences before this one are looked at. A
        generic word ("the total") never names a yardstick: in "raised £2.3m,
        beating its £2m target" it is the £2.3m.
        """
        index = self.sentences.index(before)
        floor = self.document.sentences[max(0, index - back)].start if self.document.sentences else 0
        for i in range(bisect.bisect_left(self.starts, before) - 1, -1, -1):
            quantity = self.quantities[i]
            if quantity.span.start < floor:
                break
            if quantity.unit != unit or quantity.vague or quantity.value is None or quantity.span in self.skip and (
                    noun is None and not ends or quantity.span not in self.change_ends):
                continue
            if noun is None and ends and self._yardstick(quantity):
                continue
            if self._base(quantity):
                continue
            if noun is None or self.lexicon.canonical(lemma(noun)) in self._names(quantity, loose):
                yield quantity

    def _opens_on_coverage(self, start: int, end: int) -> bool:
        """True when the text from ``start`` opens on a phrase of making up and a colon: "- Made up of: ..."."""
        lead = _LINE_LEAD.match(self.text, start, end)
        cue = self.lexicon.whole_cue.match(self.text, lead.end(), end) if lead else None
        return cue is not None and _COLON.match(self.text, cue.end(), end) is not None

    def _not_held(self, quantity: Quantity) -> bool:
        """True for a figure a thing would, could or needs to reach ("61 seats needed", "would have 62"), not has."""
        if _NEEDED_AFTER.match(self.text, quantity.span.end):
            return True
        description = self.describer.describe(quantity, self.sentences.span(quantity.span.start))
        return bool(description.roles & _UNREAL)

    def _yardstick(self, quantity: Quantity) -> bool:
        """True for a figure set as a target, limit or forecast ("its £2m target"), or one another is compared
        with ("far more than the 750,000 it had forecast"), not an amount reached."""
        description = self.describer.describe(quantity, self.sentences.span(quantity.span.start))
        return bool(description.roles & YARDSTICKS) or description.comparison

    def _games_played(self, run: ListRun, sentence: Span) -> tuple[Quantity, bool] | None:
        """The games a record of results shares out ("Over 38 games they won 28, drew 7 and lost 4"): the count
        of games in its sentence; covered when the record has a draw and a defeat."""
        record = record_of_results(self.text, run)
        if record is None:
            return None
        low, high = bisect.bisect_left(self.starts, sentence.start), bisect.bisect_left(self.starts, sentence.end)
        games = [q for q in self.quantities[low:high] if q.unit == "" and q.noun and q.value is not None
                 and lemma(q.noun.split()[-1].lower()) in _GAMES and q not in run.items]
        return (games[0], all(record)) if len(games) == 1 else None

    def _total(self, run: ListRun, sentence: Span) -> tuple[Quantity, bool] | None:
        text, first = self.text, run.items[0]
        unit = first.unit
        played = self._games_played(run, sentence)
        if played is not None:
            return played
        partitive = _PARTITIVE_ITEM.match(text, first.span.end, sentence.end)
        if partitive:
            noun = partitive["noun"]
            pronoun = text[partitive.start():partitive.end()].split()[-1].lower() in ("these", "those", "them")
            # "620,000 of the total": a generic measure names the nearest figure, a change's new level too
            generic = noun is not None and lemma(noun.lower()) in self.lexicon.measure_anaphors
            total = self._earlier(first.span.start, unit, None if pronoun or noun is None or generic else noun,
                                  ends=generic)
            return (total, self._remainder(run, sentence)) if total else None
        lead = text[max(sentence.start, first.span.start - 60):first.span.start]
        of_these = _OF_THESE.search(lead)
        if of_these:
            # "recorded 1,284 collisions, down from 1,347. Of these, ...": a change's new level is the whole now
            total = self._earlier(first.span.start, unit, of_these["noun"], ends=True)
            if total is not None:  # else "... in the first three months of the year, 188 ...": read on
                return total, self._remainder(run, sentence)
        refers = _REFERS_BACK.search(lead)
        if refers and (self.lexicon.whole_cue.fullmatch(refers["verb"]) or self.lexicon.partial_cue.fullmatch(
                refers["verb"])):
            total = self._earlier(first.span.start, unit, refers["noun"])
            if total is not None:
                return total, bool(self.lexicon.whole_cue.fullmatch(refers["verb"]))
        if self._opens_on_coverage(sentence.start, first.span.start):
            # "- Total capital budget: $486 million ... - Made up of: transit $212M; roads $141M; ...": a line that
            # opens on the phrase shares out the nearest larger figure before it
            opened_total = self._nearest_larger(run, sentence)
            if opened_total is not None:
                return opened_total, True
        if _ALL_OF_THEM_IN.match(text, sentence.start, first.span.start):
            # "The death toll rose to 47. All of the deaths were recorded in three provinces: 21 in ..., 14 ...":
            # the nearest figure before, a change's new level too, all shared out
            total = self._earlier(sentence.start, unit, None, ends=True)  # not "three provinces" of the opener
            if total is not None and all((p.value or 0) < (total.value or 0) for p in run.items):
                return total, True
        covered = self._covered_subject(first, sentence) or self._broken_down_by_kind(first, sentence)
        if covered is not None and lemma(covered[0].lower()) in self.lexicon.measure_anaphors:
            # "The total was split between 7.1 million ... and 6.0 million": the nearest figure, a change's level too,
            # a few sentences back at most ("ordered to pay £18,500. He admitted six offences. The total is made up of")
            total = self._earlier(first.span.start, unit, None, ends=True, back=_SUBJECT_REACH)
            if total is not None:
                return total, covered[1]
        if covered is not None:
            total = self._earlier(first.span.start, unit, covered[0], loose=True) or self._fitting(
                self._earliers(first.span.start, unit, covered[0], back=_SUBJECT_REACH), run,  # "The appeal ..." later
                self._earliers(first.span.start, unit, None, back=_SUBJECT_REACH))
            if total is None and covered[1]:
                # "approved a $486 million capital budget. The plan is split among roads ($212 million), ...":
                # a subject that names no figure shares out the nearest one larger than every part, a few
                # sentences back at most ("pulled 8.4 tonnes of rubbish ... The haul was made up of 3.1 tonnes ...")
                total = self._nearest_larger(run, sentence, back=_SUBJECT_REACH)
            if total is not None:
                return total, covered[1]
        apposed = self._apposed_breakdown(run, sentence)
        if apposed is not None:
            return apposed, True
        introduced = self._before_colon(run, sentence)
        if introduced is not None:
            return introduced
        low, high = bisect.bisect_left(self.starts, sentence.start), bisect.bisect_left(self.starts, first.span.start)
        for quantity in reversed(self.quantities[low:high]):
            if quantity.unit != unit or quantity.value is None or quantity.vague or quantity.span in self.skip:
                continue
            between = text[quantity.span.end:first.span.start]
            if OF_TOTAL.search(text, max(sentence.start, quantity.span.start - 12), quantity.span.start) and (
                    _OPENER_REST.fullmatch(between) or self._opener_taker(between, first)):
                # "Of the 900 applicants, 420 ...", "Of the 312 cases completed at the court in the first
                # three months of the year, 188 ...": the opener runs to its comma, however long
                return quantity, self._remainder(run, sentence)
            whole = self.lexicon.whole_cue.search(between)
            partial = self.lexicon.partial_cue.search(between)
            if (whole or partial) and len(between) <= 80:
                return quantity, bool(whole) and not partial
            nouns = self._nouns(quantity)
            larger = all(quantity.value > (p.value or 0) for p in run.items)
            if nouns & self._nouns(first) and larger:
                return quantity, False
            if larger and _EVERY_ONE_BEFORE.search(text, max(sentence.start, quantity.span.start - 20),
                                                   quantity.span.start):
                # "Every one of the 230 members ... was present for the vote, in which 124 deputies voted in favour,
                # 88 against and 24 abstained": all of a body, then what its members did
                return quantity, False
            break
        sized = self._sized_whole(run, sentence) or self._all_of(run, sentence)
        return (sized, False) if sized is not None else None

    @staticmethod
    def _fitting(candidates: Iterator[Quantity], run: ListRun, unnamed: Iterator[Quantity] = iter(())) -> Quantity | None:
        """The nearest of the figures a noun names that the parts add up to, else the nearest unnamed figure
        they add up to exactly, else the nearest named one.

        "Of the 965,501 candidates who sat the exams, ... Last year ... of
        899,453 candidates ... The candidates were split between 489,000
        girls and 476,501 boys": either figure may be the candidates meant,
        and the parts fit the first, so they are no mismatch. "a target of
        2,400 social homes ... it had delivered 1,312 ... Those homes are
        made up of 704 ..., 418 ... and 190": the homes are the 1,312.
        """
        nearest = None
        parts = [as_counted(p) for p in run.items]
        for candidate in candidates:
            nearest = nearest or candidate
            gap_low, gap_high = sum_gap(parts, as_counted(candidate))
            room = abs(candidate.value or 0) * _FIT_SLACK
            if gap_low <= room and gap_high >= -room:
                return candidate
        if nearest is not None:
            central = sum(p.value or 0 for p in run.items)
            exact = next((q for q in unnamed if q.value == central and q.span.start > nearest.span.start), None)
            if exact is not None:
                return exact
        return nearest

    def _continued(self, run: ListRun) -> tuple[tuple[Quantity, bool], ListRun] | None:
        """ "Of the 63 seats, Labour won 29, ... The Conservatives won 18, the Greens 4 ...": a list carried on.

        Holders taking bare counts right after a sentence whose opener gives
        the whole and whose first holder takes the first part share out that
        whole together with that part; so do holders after a sentence in
        which one took a part "of the" whole ("Independents took 22 of the 43
        seats. The Conservatives won 12 seats, ..."). Nothing says they cover it.
        """
        first = run.items[0]
        if not self._taker.search(self.text, max(0, first.span.start - 30), first.span.start):
            return None
        index = self.sentences.index(first.span.start)
        if index == 0 or not self.document.sentences:
            return None
        previous = self.document.sentences[index - 1]
        low, high = bisect.bisect_left(self.starts, previous.start), bisect.bisect_left(self.starts, previous.end)
        opening = self.quantities[low:high]
        taken = self._taken_of_whole(opening, run)
        if taken is not None:
            return taken
        if first.noun and not first.noun_inferred:
            return None
        for whole, part in zip(opening, opening[1:]):
            if whole.value is None or part.value is None or whole.vague or part.vague or not OF_TOTAL.search(
                    self.text, max(previous.start, whole.span.start - 12), whole.span.start):
                continue
            between = self.text[whole.span.end:part.span.start]
            if not self._opener_taker(between, part) or part.unit not in ("", whole.unit) or \
                    part.noun and not part.noun_inferred:
                return None
            items = tuple(replace(q, unit=whole.unit) if q.unit != whole.unit else q for q in (part, *run.items))
            if run.items[0].unit != whole.unit or any((q.value or 0) >= whole.value for q in items):
                return None
            return (whole, False), ListRun(items)
        return None

    def _taken_of_whole(self, opening: Sequence[Quantity], run: ListRun) -> tuple[tuple[Quantity, bool], ListRun] | None:
        """The whole and the parts when the sentence before gives one holder's part "of the" whole
        ("taking 22 of the 43 seats") and ``run`` gives the other holders' parts of the same thing."""
        first = run.items[0]
        for part, whole in zip(opening, opening[1:]):
            if whole.value is None or part.value is None or whole.vague or part.vague or not whole.noun or \
                    not _OF_THE_BETWEEN.fullmatch(self.text, part.span.end, whole.span.start):
                continue
            if first.noun and not first.noun_inferred and lemma(first.noun) != lemma(whole.noun):
                return None
            items = (part, *run.items)
            if any(q.unit != whole.unit or (q.value or 0) >= whole.value for q in items):
                return None
            return (whole, False), ListRun(items)
        return None

    def _guessed_whole(self, run: ListRun, sentence: Span) -> Quantity | None:
        """The whole a list with no total of its own shares out, guessed (the caller flags only parts over it).

        A list ending in "the remaining" shares out the nearest larger figure
        in its unit in its sentence or the one before ("runs 4,200 trains on a
        normal weekday. During the walkout it plans to run 1,900 services, ...,
        with the remaining 2,600 cancelled"); one whose first part a verb of
        making up opens, two sentences back at most ("with 12,300 people
        seeking protection. Applicants came from 90 countries. Nationals of
        Nigeria accounted for 5,100 applications, Somalia for 3,800, ...").
        """
        if self._remainder(run, sentence):
            guess = self._nearest_larger(run, sentence)
        elif self.lexicon.part_verb_before.search(self.text, max(sentence.start, run.items[0].span.start - 30),
                                                  run.items[0].span.start):
            guess = self._nearest_larger(run, sentence, back=2)
        else:
            guess = self._said_alike(run, sentence)
        # "... work, at 390,000. Study accounted for 300,000, family 92,000 and humanitarian routes, including ...,
        # 108,000": a guess the sentence's own figures of the unit already pass is a sibling, not the whole
        if guess is None or self._other_times(guess, run.items[0]):
            return None
        later = [q for q in self.quantities[bisect.bisect_right(self.starts, run.items[-1].span.start):
                                            bisect.bisect_left(self.starts, sentence.end)]
                 if q.unit == run.items[0].unit and q.value is not None and not q.vague and q is not guess]
        listed = sum(q.value or 0 for q in run.items)
        if listed > _GUESS_OVERSHOT * (guess.value or 0):
            return None  # parts far past a guessed whole say it was a sibling; a slip over a real one is small
        return None if later and listed + sum(q.value or 0 for q in later) > (guess.value or 0) else guess

    def _other_times(self, first: Quantity, second: Quantity) -> bool:
        """True when two figures' clauses name different times ("implying first-quarter sales of NOK 8.18 billion"
        ... "contributed NOK 4.12 billion in the quarter")."""
        times = [self.describer.describe(q, self.sentences.span(q.span.start)).times for q in (first, second)]
        return bool(times[0] and times[1] and not times[0] & times[1])

    def _said_alike(self, run: ListRun, sentence: Span) -> Quantity | None:
        """ "18,500 tickets were sold for the three shows. ... 7,200 tickets were sold for Friday, 6,400 for
        Saturday and 5,900 for the Sunday matinee": a larger figure two sentences back at most, of the first
        part's noun and followed by the same words, is what the parts share out."""
        first = run.items[0]
        said = _WORDS_AFTER.match(self.text, first.span.end)
        if said is None or not self._nouns(first):
            return None
        largest = max(p.value or 0 for p in run.items)
        for quantity in self._backwards(first, self._previous_sentence_start(first, 2)):
            if quantity.unit != first.unit or quantity.value is None or quantity.vague or quantity.value <= largest:
                continue
            alike = _WORDS_AFTER.match(self.text, quantity.span.end)
            if alike is not None and alike.group().lower() == said.group().lower() and \
                    self._nouns(quantity) & self._nouns(first):
                return quantity
        return None

    def _nearest_larger(self, run: ListRun, sentence: Span, back: int = 1) -> Quantity | None:
        """The nearest figure before a list, in this or the ``back`` sentences before, in its unit and larger than
        each part."""
        first = run.items[0]
        largest = max(p.value or 0 for p in run.items)
        for quantity in self._backwards(first, self._previous_sentence_start(first, back)):
            if quantity.unit == first.unit and quantity.value is not None and not quantity.vague and \
                    (quantity.span not in self.skip or quantity.span in self.change_ends) and \
                    quantity.value > largest and not self._base(quantity) and not self._yardstick(quantity) and \
                    not _OF_THESE.search(self.text, max(0, quantity.span.start - 40), quantity.span.start):
                # not "beating its £1.5m target": a target is no amount to share out; nor "Of those cases, 1,744,
                # ...": a part of another whole
                return quantity
        return None

    def _base(self, quantity: Quantity) -> bool:
        """True for where a change or comparison started: "rose 14% from 8,630 parcels", not the whole now."""
        return _BASE_BEFORE.search(self.text, max(0, quantity.span.start - 20), quantity.span.start) is not None

    def _opener_taker(self, between: str, first: Quantity) -> bool:
        """ "Of the 60 seats on the council, Labour won 31, the Conservatives 22, ...": after the opener's
        comma, a holder of a few words and a verb of taking hand out the first part."""
        return _OPENER_HOLDER.fullmatch(between) is not None and self._taker.search(
            self.text, max(0, first.span.start - 30), first.span.start) is not None

    def _all_of(self, run: ListRun, sentence: Span) -> Quantity | None:
        """ "All 45 seats on the council were up for election. Labour won 24, the Conservatives 12, ...".

        Holders taking bare counts ("won 24") share out a whole that this or
        the previous sentence gives with "all" ("All 45 seats"), when it is
        larger than each part.
        """
        first = run.items[0]
        if first.noun and not first.noun_inferred or not self._taker.search(
                self.text, max(sentence.start, first.span.start - 30), first.span.start):
            return None
        floor = self._previous_sentence_start(first)
        for quantity in self._backwards(first, floor):
            if quantity.unit == first.unit and quantity.value is not None and not quantity.vague and \
                    quantity.span not in self.skip and _ALL_BEFORE.search(
                        self.text, max(floor, quantity.span.start - 12), quantity.span.start) and \
                    all(quantity.value > (p.value or 0) for p in run.items):
                return quantity
        return None

    def _apposed_breakdown(self, run: ListRun, sentence: Span) -> Quantity | None:
        """ "14 medals — six gold, five silver and four bronze —": a list set right after its total by a dash or bracket."""
        first = run.items[0]
        i = bisect.bisect_left(self.starts, first.span.start) - 1
        if i < 0:
            return None
        total = self.quantities[i]
        if total.span.start < sentence.start or total.value is None or total.vague or total.span in self.skip:
            return None
        if not _APPOSITION.fullmatch(self.text, total.span.end, first.span.start):
            return None
        # "nearly 9,000 staff (8,940 at 31 March), of whom 3,120 ...": a figure near the total restates it
        if _same_unit_total(total, first) and all(total.value * _RESTATES > (p.value or 0) for p in run.items):
            return total
        return None

    def _before_colon(self, run: ListRun, sentence: Span) -> tuple[Quantity, bool] | None:
        """ "The 2.1 million people in need are spread across three counties: 940,000 in ..., ...".

        A list that a colon opens (only a label of its first part between)
        sets out the nearest figure before the colon in the parts' unit
        that is larger than each part; figures smaller than a part ("three
        counties") count the parts, not their whole. A scale ("out of 10"),
        a size adjective ("a 20-team league") or a colon in brackets
        ("(2025: £1.1m, £0.9m)") is no whole. The parts cover it when a
        coverage phrase says so ("is spent as follows:").
        """
        text, first = self.text, run.items[0]
        colon = text.rfind(":", sentence.start, first.span.start)
        if colon < 0 or not _PART_LABEL.fullmatch(text, colon + 1, first.span.start) or \
                text.rfind("(", sentence.start, colon) > text.rfind(")", sentence.start, colon):
            return None
        largest = max(p.value or 0 for p in run.items)
        low, high = bisect.bisect_left(self.starts, sentence.start), bisect.bisect_left(self.starts, colon)
        for quantity in reversed(self.quantities[low:high]):
            if quantity.unit != first.unit or quantity.value is None or quantity.vague or quantity.age or \
                    quantity.span in self.skip or quantity.value <= largest:
                continue
            if _SCALE_BEFORE.search(text, max(sentence.start, quantity.span.start - 12), quantity.span.start) or \
                    _SIZE_ADJECTIVE.search(quantity.text):
                return None
            return quantity, bool(self.lexicon.whole_cue.search(text, quantity.span.end, colon + 1))
        return None

    def _sized_whole(self, run: ListRun, sentence: Span) -> Quantity | None:
        """A figure that sizes a thing by the parts' noun ("the 60-seat council"), the thing named again.

        "Labour won 27 seats, the Conservatives 19 ... with every seat on the
        council up for election" shares out the seats of "the 60-seat council"
        of this or the previous sentence.
        """
        first = run.items[0]
        parts_nouns = self._nouns(first)
        named = {self.lexicon.canonical(lemma(w.group())) for w in WORD.finditer(self.text, sentence.start, sentence.end)}
        floor = self._previous_sentence_start(first)
        for quantity in self._backwards(first, floor):
            if quantity.unit != first.unit or quantity.value is None or quantity.vague or quantity.span in self.skip:
                continue
            description = self.describer.describe(quantity, self.sentences.span(quantity.span.start))
            # the thing is named again with the list, or sized in the sentence right before it
            near = quantity.span.start < sentence.start
            if description.counted and description.counted in parts_nouns and (description.head in named or near) \
                    and all(quantity.value > (p.value or 0) for p in run.items):
                return quantity
        return None

    def _total_after(self, run: ListRun, sentence: Span) -> Quantity | None:
        """The figure that words after the list say it makes up: "..., which together make up the £48m budget"."""
        last = run.items[-1]
        i = bisect.bisect_right(self.starts, last.span.start)
        for quantity in self.quantities[i:]:
            if quantity.span.start >= sentence.end or quantity.span.start - last.span.end > 80:
                return None
            if quantity.unit != last.unit:
                continue  # "the three budgets" counts the parts, it is not their whole
            if quantity.value is None or quantity.vague or quantity.span in self.skip:
                return None
            between = self.text[last.span.end:quantity.span.start]
            if _BEFORE_SUM.fullmatch(between) and self.lexicon.total_mark.match(self.text, quantity.span.end):
                return quantity  # "..., 52 on Saturday and 19 on Sunday, 96 in all"
            cue = self.lexicon.whole_after_cue.search(between)
            # The cue must speak of the list itself ("..., which together make up"), not of
            # another noun ("..., with loans totalling £9m").
            # ... and lead straight to the whole ("make up the £48m programme"), not a share of it
            # ("make up a third of the £27m programme").
            return quantity if cue and _LIST_SUBJECT.fullmatch(between, 0, cue.start()) and _TO_WHOLE.fullmatch(
                between, cue.end()) else None
        return None

    def _total_of_before(self, run: ListRun, sentence: Span) -> Quantity | None:
        """A total of the items' noun stated in the sentence before the list: "handled a total of 22.7 million
        passengers ... Terminal 1 handled 11.2 million passengers, Terminal 2 8.9 million and ...". The list is
        not said to be all of it."""
        first = run.items[0]
        if not first.noun or first.noun_inferred:
            return None
        noun = lemma(first.noun.split()[-1].lower())
        index = self.sentences.index(sentence.start)
        if index == 0:
            return None
        before = self.document.sentences[index - 1]
        i, j = bisect.bisect_left(self.starts, before.start), bisect.bisect_left(self.starts, before.end)
        stated = [q for q in self.quantities[i:j] if q.unit == first.unit and q.noun and not q.noun_inferred
                  and lemma(q.noun.split()[-1].lower()) == noun and q.value is not None and q.qualifier is None
                  and _TOTAL_OF_BEFORE.search(self.text, max(before.start, q.span.start - 14), q.span.start)]
        if len(stated) != 1 or any((p.value or 0) >= (stated[0].value or 0) for p in run.items):
            return None
        return stated[0]

    def _total_next(self, run: ListRun, sentence: Span) -> tuple[Quantity, bool] | None:
        """The figure of the next sentence when it opens by adding the list up: "... and the Western Cape with
        1,050. Together, the four provinces accounted for 5,310 of the murders", and whether the list is all of
        it: "together" adds up what was listed, "in total" what was said before the list as well."""
        opener = _TOGETHER_OPENS.match(self.text, sentence.end)
        if opener is None:
            return None
        following = self.sentences.span(opener.end())
        i = bisect.bisect_left(self.starts, opener.end())
        # "the four provinces" counts the items, not what they hold
        figures = [q for q in self.quantities[i:i + 3] if q.span.start < following.end and q.unit == run.items[0].unit
                   and q.value != len(run.items)]
        if not figures or figures[0].value is None or figures[0].vague or figures[0].qualifier is not None:
            return None
        total = figures[0]
        if not all((p.value or 0) < (total.value or 0) for p in run.items):
            return None
        return total, _LISTED_TOGETHER.match(opener.group()) is not None

    def _remainder(self, run: ListRun, sentence: Span) -> bool:
        """True when the last part is "the rest" ("and the remaining 230", "230 others"): the parts cover the whole.

        A remainder named without a figure ("...; the remainder returned to
        the profession") says the listed parts do not cover the whole.
        """
        last = run.items[-1]
        lead_from = max(run.items[-2].span.end, last.span.start - 40)
        for cue in self.lexicon.remainder_cue.finditer(self.text, lead_from, last.span.start):
            if _TO_FIGURE.fullmatch(self.text, cue.end(), last.span.start):
                return True  # "and the remaining 230", "the rest, 230,"
        return bool(self.lexicon.remainder_cue.match(self.text, last.span.end + 1, sentence.end)) and \
            self.text[last.span.end:last.span.end + 1].isspace()  # "230 others"

    def _rest_unfigured(self, run: ListRun, sentence: Span) -> bool:
        """True when "the rest" follows the list with no figure of its own ("£3m from the council and the rest
        from private donors"): the listed parts fall short of the whole."""
        last = run.items[-1]
        cue = self.lexicon.remainder_cue.search(self.text, last.span.end, min(sentence.end, last.span.end + 60))
        return cue is not None and not _DIGIT.search(self.text, cue.end(), min(sentence.end, cue.end() + 40))

    def find(self) -> list[Parts]:
        """Every total with its listed parts."""
        by_sentence: dict[int, list[Quantity]] = {}
        for quantity in self.quantities:
            by_sentence.setdefault(self.sentences.index(quantity.span.start), []).append(quantity)
        found = []
        for members in by_sentence.values():
            sentence = self.sentences.span(members[0].span.start)
            for run in find_lists(self.text, sentence, members, self.lexicon, self.skip):
                if run.items[0].unit in ("percent", "percentage_point"):
                    continue
                subset = next((i for i, item in enumerate(run.items) if i and _OF_THOSE.match(self.text, item.span.end)),
                              None)
                if subset is not None:
                    # "141 completed their VCE, and 62 of those also completed a VET certificate": a part of a part
                    if subset < 2:
                        continue
                    run = ListRun(run.items[:subset])
                run = record_run(self.text, run)
                cut = next((i for i, item in enumerate(run.items) if i > 1 and (_WITH_MORE.fullmatch(
                    self.text, run.items[i - 1].span.end, item.span.start) or _MEASURE_OF.search(
                    self.text, max(0, item.span.start - 30), item.span.start))), None)
                if cut is not None:
                    # "19 forwards and 15 backs, with three uncapped players": a subset; "a valid poll of 27,050 and
                    # a quota of 13,526": a yardstick worked out from the rest, not a part
                    run = ListRun(run.items[:cut])
                opened = self._all_first(run)
                total: tuple[Quantity, bool] | None
                if opened is not None:
                    total, run = opened
                else:
                    total = self._total(run, sentence)
                if total is None:
                    continued = self._continued(run)
                    if continued is not None:
                        total, run = continued
                if total is None:
                    after = self._total_after(run, sentence)
                    if after is not None:
                        total = after, True
                    elif (summed := self._total_next(run, sentence)) is not None:
                        total = summed
                    elif (stated := self._total_of_before(run, sentence)) is not None:
                        total = stated, False
                        # "Terminal 3, used mainly by one low-cost airline, 4.6 million": a count of another noun
                        # far from the passengers' millions is an aside
                        run = ListRun(tuple(p for p in run.items if not _another_count(run.items[0], p)))
                    else:
                        remaining = self._guessed_whole(run, sentence)
                        if remaining is None:
                            continue
                        # which earlier figure "the remaining" counts from is a guess: only parts over it are flagged
                        total = remaining, False
                quantity, exhaustive = total
                exhaustive = exhaustive and not self._rest_unfigured(run, sentence)
                if quantity.value is not None:
                    # "Of the 270 films selected, 180 are features and 90 are shorts; 62 are Indian productions"
                    run = run.until_whole(self.text, quantity.value, 1e-9 * max(1.0, abs(quantity.value)), _SEMICOLON)
                fitting = len(run.items)
                while fitting and (run.items[fitting - 1].value or 0) > (quantity.value or 0):
                    fitting -= 1  # "..., 3,600 from Ghana, and is charged with ... about 180,000 displaced people"
                if fitting < len(run.items) and fitting >= 2:
                    run = ListRun(run.items[:fitting])
                if any((p.value or 0) > (quantity.value or 0) for p in run.items):
                    continue  # a "part" larger than the whole: the list is not a breakdown of it
                if any(self._not_held(item) for item in run.items):
                    continue  # "With 61 seats needed for a majority, a coalition ... would have 62": no parts held
                if _nested(self.text, run.items):
                    continue  # "231,900 were valid, with 127,080 in favour and 104,820 against": a breakdown of a part
                if sum(p.value or 0 for p in run.items) > _FUNNEL * (quantity.value or 0):
                    continue  # "Of the 24,600 who entered, 22,150 started and 21,870 finished": stages, not pieces
                span = Span(min(quantity.span.start, run.span.start), max(quantity.span.end, run.span.end))
                found.append(Parts(span=span, total=quantity, parts=run.items, exhaustive=exhaustive))
        return found

    def _all_first(self, run: ListRun) -> tuple[tuple[Quantity, bool], ListRun] | None:
        """ "With all 48 seats declared, Labour held 25, the Conservatives 13, ...": a list that opens with
        every one of a thing, then shares it out. The first figure is the whole of the rest; whether they
        cover it the words do not say ("All 12 schools reopened, four of them late and two early")."""
        first = run.items[0]
        if len(run.items) < 3 or not _ALL_BEFORE.search(self.text, max(0, first.span.start - 12), first.span.start):
            return None
        return (first, False), ListRun(run.items[1:])

    def _previous_sentence_start(self, first: Quantity, back: int = 1) -> int:
        """Where the sentence ``back`` sentences before ``first``'s starts (or the first sentence's)."""
        index = self.sentences.index(first.span.start)
        return self.document.sentences[max(0, index - back)].start if self.document.sentences else 0

    def _backwards(self, first: Quantity, floor: int) -> Iterator[Quantity]:
        """The quantities before ``first``, nearest first, back to offset ``floor``."""
        for i in range(bisect.bisect_left(self.starts, first.span.start) - 1, -1, -1):
            quantity = self.quantities[i]
            if quantity.span.start < floor:
                return
            yield quantity


def find_parts(document: Document, quantities: Sequence[Quantity], changes: Sequence[Change],
               lexicon: RelateLexicon) -> list[Parts]:
    """Totals and their listed parts in one document."""
    return PartsReader(document, quantities, changes, lexicon).find()
