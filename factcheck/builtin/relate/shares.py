"""Percentages of one whole: "58% voted yes and 46% no", "72% of the water ..., factories 21%".

A list of percentages in one sentence is read as shares of one whole when
the words name that whole: "of" after an item ("58% of cases", "56.4% of the
vote"), "Of those taking part, 52% ..." before the list, or a verb that
shares out a whole ("voting", "cited", "accounted"). Percentages set apart
by different places or groups ("38% in the north, 61% in London", "uptake
among pregnant women"), or by different times, are rates of different
wholes and are left out, as are changes and stated sizes of changes.

Holders each put "on" or "at" a share ("A poll put Labour on 41%, Reform on 33%,
...", "puts the Party for Wales at 31%, ... and smaller parties at 23%") share
out the whole the sentence names by a noun of a shared whole ("poll", "vote",
"support"). Two clauses joined by "while" or "whereas",
each giving a part by a verb of parts ("International sales accounted for
58% of revenue, while North America made up 47%"), share out the whole the
first names. Two findings joined only by a verb, the first running on for
a clause of its own ("61% said their workload had grown ..., and 47% said
they had worked through lunch"), are two statements, not two shares.

A list that a colon opens after a noun of a shared whole ("put national
support at: Liberals 41 per cent, Conservatives 35, NDP 17") is shares of
it, its bare figures in the percentage of the first.

Shares of a named whole may run on into the next sentences ("won with 41%
of the vote. Her rival took 35%, while ... finished third with 19%."): a
following sentence carries them on when each of its percentages is handed
to a new holder by a verb of taking, with no new frame at its start ("In
the county, ...") and no pronoun for a holder already named ("It took
61%").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence


from factcheck import patterns
from factcheck.builtin.relate.lexicon import RelateLexicon, phrase_source
from factcheck.builtin.relate.lists import ListRun, find_lists
from factcheck.builtin.relate.sizes import SizeReader
from factcheck.builtin.relate.text import STOP_WORDS, WORD, YARDSTICKS, Sentences, is_time_word, lemma
from factcheck.model import Change, Document, Quantity, Share, Span

# "58% of the vote", "58% of Calder Engineering's UK workforce" (the owner is not the whole), "58% of the
# 2,300 staff".
_BLANK_LINE = patterns.compile(r"\n[ \t]*\n")
_NEXT_WORD = patterns.compile(r"\s+(?P<word>[\p{L}]+)")
_CHOICE_PREPOSITIONS = frozenset({"for", "to"})  # "31% for Ashdown", "12% to the Greens"
_CHOICE_WORDS = 8  # how far into the first item's words the verb's preposition may stand
_OF_WHOLE_AFTER = patterns.compile(r"(?i)\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[£$€]?[\d][\d,.]*(?:m|bn|k)?\s+)?"
                                r"(?:[\p{L}-]+(?:\s+[\p{L}-]+)?['’]s\s+)?"
                                r"(?P<whole>(?!(?:the|an?|its|their)\b)(?:(?:\p{Lu}\.){2,}|[\p{L}-]+)(?:\s+(?!(?:to|and|or|for|of|in|at|on|from|against|with|by|than|last|this|next|is|are|was|were|had|have|has|will|would|said|says)\b)"
                                r"[\p{L}-]+)?)")
_OF_WHOLE_BEFORE = patterns.compile(
    r"(?i)\b(?:of|among)\s+(?:the\s+|all\s+|those\s+|these\s+)?(?P<whole>(?:[^,;.]|(?<=\d)[,.](?=\d)){2,40}),\s*$"
    # "Of the annual budget, theatre will receive 31%, ...": an opener, then the first holder and its verb
    r"|(?:^|[.;:]\s+|\n)(?:Of|Among)\s+(?:the\s+|all\s+|those\s+|these\s+)?(?P<opened>(?:[^,;.]|(?<=\d)[,.](?=\d)){2,40}),"
    r"\s*(?:[\p{L}'’-]+\s+){1,5}$")
# ... or the test or exam a rate is on: "scored proficient on the state's English II test, and 47.3% on Algebra I"
_GROUP = patterns.compile(r"\b(?:[Ii]n|[Aa]mong|[Aa]t|[Ff]or|[Oo]n)\s+(?:the\s+)?(?:\p{Ll}+['’]s\s+)?"
                          r"(?P<group>\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)"
                       r"|\b[Aa]mong\s+(?P<among>[\p{L}-]+(?:\s+[\p{L}-]+)?)")
_CLAUSE_END = patterns.compile(r"\s*(?:[,;.]|and\b)")
_OWN_MEASURE = patterns.compile(r"(?i)\bthe\s+(?:[\p{L}-]+\s+)?(?:rate|figure|level|score|proportion)\s+"
                               r"(?:was|is|were|stood\s+at|reached|rose\s+to|fell\s+to)\s+$")
_OF_ALL = patterns.compile(r"(?i)\s+of\s+all\b")  # the whole named afresh
_OF_SUBSET = patterns.compile(r"(?i)\s+of\s+(?:those|them|these|whom)\b")
_LABELLED_WHOLE = patterns.compile(r"\s+of\s+(?:the\s+)?(?:[\p{L}-]+\s+){1,2}(?P<label>\d+[A-Za-z]?)\b")
# "44% of those on the drug and 17% on placebo": the arms of a trial, once one is named as people on something
_ARM = patterns.compile(r"\b(?:on|taking|receiving|given)\s+(?:the\s+|a\s+)?(?P<arm>\p{Ll}[\p{L}-]*)")
_PEOPLE_ON = patterns.compile(r"(?i)\b(?:those|patients|people|participants|volunteers|adults|children)\s+"
                              r"(?:on|taking|receiving|given)\b")
# "Labour on 41%, Reform on 33%", "the PCs at 38 per cent": a holder's name (which may hold "for", "of" or
# "and": "Alternative for Germany"), or the rest ("smaller parties"), then "on" or "at", right before a share.
# "A regional party is put at 17 per cent": a holder of any name, put at its share by a verb of estimating
_PUT_AT = patterns.compile(r"(?i)\b(?:is|was|are|were)\s+(?:put|placed|projected|estimated|forecast)\s+at\s+$")
_HOLDER_ON = patterns.compile(r"(?:(?:\p{Lu}[\p{L}'’.-]*\s+(?:(?:for|of|and)\s+)?){0,3}\p{Lu}[\p{L}'’.-]*,?\s+"
                              r"|\b(?:other|all\s+other|smaller|minor)\s+[\p{Ll}]+\s+|\bothers\s+)"
                              r"(?:(?:is|was|are|were|stands|stood|remains|remained)\s+)?(?:on|at)\s+$")
_OWN = patterns.compile(r"(?i)\s+of\s+(?:its|their|his|her)\s")  # "of its patients": a holder's own whole
# "..., while Green Party candidate Jonah Reyes took 3.4%": one more holder's share of the same whole
_THIRD_TAKER = patterns.compile(r"(?i)\bwhile\s+(?:[\p{L}'’-]+\s+){1,5}(?:took|won|got|received|polled|secured)\s+"
                                r"(?:just\s+|only\s+)?$")
_REST_BEFORE = patterns.compile(r"(?i)\bthe\s+(?:remaining|rest\s+of\s+the|other)\s+$")
_ITEM_WORDS_END = patterns.compile(r"[,;:]")
_CONTRAST = patterns.compile(r"(?i)\b(?:while|whereas)\b")
_ANSWER_WORDS = 6  # words after a share before it reads as a statement of its own rather than an answer
_AGO = frozenset({"ago", "earlier", "before", "later", "previously"})  # "a year ago" dates, "for a year" lasts
# "for the next six months", "over the past two years": a stretch of time that dates a share as a year does
_STRETCH = patterns.compile(r"(?i)\b(?:next|coming|past|last|previous|first|final)\s+(?:[\p{L}\d-]+\s+)?"
                            r"(?:days|weeks|months|quarters|years)\b")
_YEARISH = patterns.compile(r"\b(?:19|20)\d\d\b")
_NEW_FRAME = patterns.compile(r"\s*(?:(?:In|Among|At|Across|Outside|Within|For|By|After|Before|During|Since|On|Of|Over|Under)"
                           r"\b|\p{Lu}\p{Ll}+ly,|Elsewhere\b|Overall\b|Meanwhile\b)")
_MEASURE_OF = patterns.compile(r"(?i)\b(?:a|an)\s+(?:[\p{L}-]+\s+)?(?P<noun>[\p{L}]+)\s+of\s+$")
# "With 91 per cent of the vote counted, ...": how far a count has gone, not a part of what is counted
_WITH_BEFORE = patterns.compile(r"(?i)\bwith\s+(?:just\s+|about\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$")
_PROGRESS_AFTER = patterns.compile(r"(?i)\s+of\s+(?:the\s+|all\s+)?(?:[\p{L}-]+\s+){1,2}(?:[\p{L}]+ed|in|done|complete)\b")
# A list that a colon opens, only a holder's name between: "... national support at: Liberals 41 per cent".
_COLON_LEAD = patterns.compile(r"(?P<lead>[^:;.]*):\s*(?:\p{Lu}[\p{L}'’-]*\s+){0,3}$")
_COLON_WORDS = 4  # how far before the colon the whole may be named
_BY_KIND = patterns.compile(r"(?i)(?:[.;:]\s+|\n)?by\s")
_COPULA_END = patterns.compile(r"(?i)\b(?:is|was|are|were)\s+$")
# "47% approve ..., while 49% disapprove and 8% are unsure": the answer a share gives, right after it
_ANSWER_AFTER = patterns.compile(r"(?i)\s+(?:(?:are|were|is|was|said\s+they|say\s+they)\s+)?(?P<answer>not\s+sure|[\p{L}]+)\b")
_UNDECIDED = frozenset({"unsure", "undecided", "not sure", "neutral"})  # the third answer beside two opposed ones
_JOINED = patterns.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
# "and New Brunswick residents for 61 per cent": a holder, then the particle of a verb given before
_VERB_LEFT_OUT = patterns.compile(r"\s*,?\s*and\s+(?:[\p{L}'’-]+\s+){1,4}(?P<particle>for|up|to|on|at)\s+")
_FACT_WORDS = 4  # words after a share that, with a verb like "had made", tell a fact of its own
# "had made", "has used": things each group did; "were eligible" names a category of one whole
_AUXILIARIES = frozenset({"had", "have", "has"})
_REPORTING_VERBS = frozenset({"said", "say", "says", "told", "reported", "believed", "believe", "felt", "feel", "agreed"})
_STATING_VERBS = frozenset({"were", "was", "are", "is", "had", "have", "has"})
_CLAUSE_MARK = patterns.compile(r"[,;:]")
_VERB_REACH = 8  # words after a share within which its verb stands ("of the nurses who replied were")
_COMPLETE = 0.6  # how far from 100% the first shares may add up to and still make the whole
_AND_ANOTHER = patterns.compile(r"[^,;%\d]*,\s*and\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?")
# A frame that opens the sentence, then a holder and its verb: "In terms of vote share, the BJP polled 38.4 per cent"
_FRAME_LEAD = patterns.compile(r"(?i)(?:^|[.;:]\s+|\n)(?:in\s+terms\s+of|on|by|as\s+for)\s+(?P<lead>[^,;.:]{2,40}),"
                               r"\s*(?:[\p{L}'’()-]+\s+){1,6}$")
# A holder's name right before a bare figure, and the end of a list item after it.
_HOLDER_BEFORE = patterns.compile(r"(?:^|[,:;]\s*|\band\s+)(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}$")
_ITEM_END = patterns.compile(r"\s*(?:[,;.]|and\b|$)")
_SAME_HOLDER = patterns.compile(r"(?i)\b(?:it|she|he|they)\b")
# A sentence that opens on its whole, then gives a share of it: "Of the 9,870 attendances recorded during the month, ".
_OPENER = patterns.compile(r"\s*(?:Of|Among)\s+(?:(?:the|these|those|all)\s+(?P<whole>[^;.]{2,70}?)|(?P<them>these|those|them)),"
                           r"\s*$")
# A sentence that opens on more of the same whole, right before its first share: "A further 31% waited ...".
_FURTHER_OPENS = patterns.compile(r"(?i)\s*(?:a\s+further|another)\s+$")
# A sentence that opens on the rest of a whole: "The remaining 32.1% fell below grade 4".
_REST_OPENS = patterns.compile(r"(?i)\s*(?:the\s+)?(?:remaining|other|rest\s+of\s+the)\s+")
# Between a verb of taking and its share: "took 35%", "shared the remaining 12%", "with just 4%".
_TAKEN_GAP = r"\s+(?:the\s+(?:remaining|rest\s+of\s+the|other)\s+|a\s+further\s+|another\s+|just\s+|only\s+)?$"


@dataclass
class _Chain:
    """Shares of one whole that run on from one sentence into the next ones."""

    items: list[Quantity]
    whole: str
    first: Share | None


_HOLDER_OPENS = 60  # characters from a sentence's start within which a holder and its verb hand out a share


class ShareReader:
    """Finds shares of one whole in one document."""

    def __init__(self, document: Document, quantities: Sequence[Quantity], changes: Sequence[Change],
                 lexicon: RelateLexicon) -> None:
        self.document = document
        self.text = document.text
        self.quantities = list(quantities)
        self.lexicon = lexicon
        self.sizes = SizeReader(lexicon)
        self.replaced: set[int] = set()  # shares of one sentence that a longer chain took over
        self.taker = patterns.compile("(?i)" + phrase_source(lexicon.share_takers) + _TAKEN_GAP)
        # a change's new level is a share when a holder is put on it or takes it: "Labour on 34%, down from 38%",
        # "won 48.9% of the vote, down from 57.3%"
        self.skip = {c.before.span for c in changes if c.before} | {c.after.span for c in changes if not (
            c.after.unit == "percent" and (self._held(c.after) or self._won(c.after)))} | \
            {c.by.span for c in changes if c.by}

    def _whole(self, run: ListRun, sentence: Span) -> str | None:
        """The whole the items share out, or None when the words name none, several, or a level of each holder."""
        whole = self._named_whole(run, sentence)
        if whole is not None and any(lemma(w) in self.lexicon.level_wholes for w in whole.split()):
            return None  # "48% of capacity, against an average of 71%": each holder's own level
        return whole

    def _named_whole(self, run: ListRun, sentence: Span) -> str | None:
        text = self.text
        matches = [m for m in (_OF_WHOLE_AFTER.match(text, item.span.end, sentence.end) for item in run.items) if m]
        if matches and _OWN.match(matches[0].group()) and any(_HOLDER_BEFORE.search(
                text, max(sentence.start, item.span.start - 40), item.span.start) for item in run.items[1:]):
            return None  # "NHS Lothian treated 78.4% of its patients ..., NHS Grampian 61.2%": each holder's own
        named = [m["whole"] for m in matches]
        if named:
            first = self._content(named[0])
            # "64% of drivers and 58% of passengers" are shares of two wholes; "of the vote", "of votes cast" one;
            # "62% of coastal stations and 57% of inland stations" two again: each names a kind the other lacks
            return named[0] if all(self._content(whole) & first and not (
                self._content(whole) - first and first - self._content(whole)) for whole in named[1:]) else None
        lead = text[max(sentence.start, run.items[0].span.start - 60):run.items[0].span.start]
        match = _OF_WHOLE_BEFORE.search(lead)
        if match:
            return match["whole"] or match["opened"]
        opened = _COLON_LEAD.search(lead) or _FRAME_LEAD.search(text[sentence.start:run.items[0].span.start])
        if opened:
            # "put national support at: Liberals 41 per cent, Conservatives 35, ...": the whole before the colon;
            # "In terms of vote share, the BJP polled 38.4 per cent, ...": the whole the frame names
            words = [w.group() for w in WORD.finditer(opened["lead"])][-_COLON_WORDS:]
            for i in range(len(words) - 1, -1, -1):
                if lemma(words[i]) in self.lexicon.share_nouns:
                    modifier = words[i - 1] if i and words[i - 1].lower() not in STOP_WORDS else ""
                    return f"{modifier} {words[i]}".strip()  # "national support", "voting intention"
            if words and _BY_KIND.match(opened.group()) and _COPULA_END.search(lead):
                # "By ethnicity, the trial population was 58% white, 21% south Asian, ...": one thing broken
                # down by a kind, each share naming one
                return words[-1]
        for item in run.items:
            following = WORD.match(text, item.span.end + 1)
            if following and following.group().lower() in self.lexicon.share_verbs:
                return following.group().lower()
        return self._standing(run, sentence)

    def _standing(self, run: ListRun, sentence: Span) -> str | None:
        """ "A poll had put Labour on 41%, Reform on 33%, ...": holders each put on a share of a whole the sentence names."""
        text = self.text
        if not all(_HOLDER_ON.search(text, max(sentence.start, item.span.start - 40), item.span.start)
                   for item in run.items):
            return None
        named = [w.group() for w in WORD.finditer(text, sentence.start, run.items[0].span.start)
                 if lemma(w.group()) in self.lexicon.share_nouns]
        return named[-1].lower() if named else None

    def _won(self, quantity: Quantity) -> bool:
        """True when a verb of taking hands a share of a named whole: "won 48.9% of the vote"."""
        return self.taker.search(self.text, max(0, quantity.span.start - 40), quantity.span.start) is not None and \
            _OF_WHOLE_AFTER.match(self.text, quantity.span.end) is not None

    def _held(self, quantity: Quantity) -> bool:
        """True when a holder is put on a share: "Labour on 34%", "Reform UK is on 21%", "A regional party is put
        at 17 per cent"."""
        start = max(0, quantity.span.start - 40)
        return _HOLDER_ON.search(self.text, start, quantity.span.start) is not None or \
            _PUT_AT.search(self.text, start, quantity.span.start) is not None

    def _with_rest(self, run: ListRun, free: list[Quantity]) -> ListRun:
        """The list with the rest of its whole given after it: "..., while smaller parties shared the remaining 13.1%"."""
        later = [q for q in free if q.span.start > run.items[-1].span.end]
        if later and _REST_BEFORE.search(self.text, max(run.items[-1].span.end, later[0].span.start - 20),
                                         later[0].span.start):
            return ListRun((*run.items, later[0]))
        if later and _THIRD_TAKER.search(self.text, max(run.items[-1].span.end, later[0].span.start - 60),
                                         later[0].span.start) and _OF_WHOLE_AFTER.match(self.text, run.items[0].span.end):
            return ListRun((*run.items, later[0]))  # "54.2% of the vote to Lopez's 44.1%, ..., while Reyes took 3.4%"
        return run

    def _contrasted(self, sentence: Span, free: list[Quantity], taken: set[Span]) -> list[Share]:
        """ "International sales accounted for 58% of revenue, while North America made up 47%", "Northway holds
        38% of the market, while its two main rivals hold 34% and 31%".

        Two clauses joined by "while" or "whereas", each giving a part by a
        verb of parts ("accounted for", "made up"), share out the whole the
        first names when the second names none (or the same one).
        """
        text, shares = self.text, []
        for first, second in zip(free, free[1:]):
            if first.span in taken or second.span in taken:
                continue
            if not _CONTRAST.search(text, first.span.end, second.span.start):
                continue
            named = _OF_WHOLE_AFTER.match(text, first.span.end)
            other = _OF_WHOLE_AFTER.match(text, second.span.end)
            if named is None or other is not None and not self._content(other["whole"]) & self._content(named["whole"]):
                continue
            if not all(self.lexicon.part_verb_before.search(text, max(sentence.start, q.span.start - 30), q.span.start)
                       for q in (first, second)):
                continue
            items = [first, second]
            verb = self.lexicon.part_verb_before.search(text, max(sentence.start, second.span.start - 30),
                                                        second.span.start)
            particle = verb.group().split()[-1].lower() if verb else ""
            for following in free[free.index(second) + 1:]:
                # "..., while its two main rivals hold 34% and 31%": the second clause may list several, and
                # may leave its verb out ("account for 29 per cent and New Brunswick residents for 61 per cent")
                if following.span in taken:
                    break
                if not _JOINED.fullmatch(text, items[-1].span.end, following.span.start):
                    elided = _VERB_LEFT_OUT.fullmatch(text, items[-1].span.end, following.span.start)
                    if elided is None or elided["particle"].lower() != particle:
                        break
                items.append(following)
            run = ListRun(tuple(items))
            whole = self._whole(run, sentence)
            if whole is None or self._set_apart(run, sentence):
                continue
            shares.append(Share(span=run.span, parts=run.items, whole=whole,
                                multiple_answers=self._several_answers(sentence.start, sentence.end)))
            taken = taken | {q.span for q in items}
        return shares

    def _opposed(self, sentence: Span, free: list[Quantity], taken: set[Span]) -> list[Share]:
        """ "found 47% approve of the job she is doing, while 49% disapprove and 8% are unsure".

        Percentages each followed by an answer, two of them opposed by "dis-"
        ("approve", "disapprove"; "agree", "disagree"), are the answers of
        one question: shares of those asked, with an undecided answer beside
        them when the sentence gives one.
        """
        answers: dict[str, Quantity] = {}
        for quantity in free:
            match = _ANSWER_AFTER.match(self.text, quantity.span.end, sentence.end)
            if match is not None and quantity.span not in taken:
                answers.setdefault(" ".join(match["answer"].lower().split()), quantity)
        opposed = [answer for answer in answers if f"dis{answer}" in answers]
        if len(opposed) != 1:
            return []
        parts = sorted((answers[a] for a in answers if a in (opposed[0], f"dis{opposed[0]}") or a in _UNDECIDED),
                       key=lambda q: q.span.start)
        run = ListRun(tuple(parts))
        return [Share(span=run.span, parts=run.items, whole="those asked")]

    def _compact_item(self, quantity: Quantity) -> bool:
        """A bare figure after a holder's name in a list: the 35 of "Liberals 41 per cent, Conservatives 35, ..."."""
        if quantity.unit or quantity.value is None or quantity.vague or quantity.age or (
                quantity.noun and not quantity.noun_inferred):
            return False
        return bool(_HOLDER_BEFORE.search(self.text, max(0, quantity.span.start - 40), quantity.span.start)
                    and _ITEM_END.match(self.text, quantity.span.end))

    def _measure(self, item: Quantity) -> bool:
        """True when an item is the value of a measure of its own: "..., on a turnout of 58%", "an average of 71%".

        "a 41.2% share" and "a share of 35%" name a share; other nouns before
        "of" name a rate or level, not a part of the whole.
        """
        named = _MEASURE_OF.search(self.text, max(0, item.span.start - 40), item.span.start)
        return named is not None and lemma(named["noun"]) not in self.lexicon.share_verbs

    def _progress(self, item: Quantity) -> bool:
        """True for how far a count has gone: "With 91 per cent of the vote counted, ..."."""
        return _WITH_BEFORE.search(self.text, max(0, item.span.start - 20), item.span.start) is not None and \
            _PROGRESS_AFTER.match(self.text, item.span.end) is not None

    def _without_measures(self, run: ListRun) -> ListRun | None:
        """The run without its measures ("..., on a turnout of 38%"), or None when fewer than two shares are left.

        A measure at the end of a list is a rate of its own; one within it
        leaves the list in doubt.
        """
        measures = [i for i, item in enumerate(run.items) if self._measure(item)]
        if not measures:
            return run
        if measures != list(range(measures[0], len(run.items))) or measures[0] < 2:
            return None
        return ListRun(run.items[:measures[0]])

    def _content(self, whole: str) -> set[str]:
        """The content words of a named whole, as lemmas with synonyms folded."""
        return {self.lexicon.canonical(lemma(w)) for w in whole.split() if w.lower() not in STOP_WORDS}

    def _several_answers(self, start: int, end: int) -> bool:
        """True when the text just before, in or in the sentence after a stretch says a respondent could give
        several answers ("... and 22% said they had borrowed money. Parents could give more than one answer.").

        The sentence after counts only in the same paragraph: one that opens
        a new paragraph speaks of the next question ("Parents who said no were
        asked why, and could give more than one reason").
        """
        start = max(0, start - 200)
        sentences = self.document.sentences
        if sentences:
            following = self.document.sentence_index(max(start, end - 1)) + 1
            if following < len(sentences) and not _BLANK_LINE.search(self.text, end, sentences[following].start):
                end = max(end, sentences[following].end)
        return self.lexicon.says_several_answers(self.text, start, end)

    def _set_apart(self, run: ListRun, sentence: Span, places: bool = True) -> bool:
        """True when items carry different places, groups or times, or some are set as a target and some
        not: rates of different wholes, or a yardstick and a result.

        ``places`` False leaves places and groups out: the whole was named
        first ("Of the 214,000 customers ...") and is shared out over them.

        An item's time is in its own words; the words before the first item
        date the whole ("A poll last week put ...").
        """
        groups, times, yardsticks, ranks = [], [], set(), set()
        previous_end = sentence.start
        for i, item in enumerate(run.items):
            end = run.items[i + 1].span.start if i + 1 < len(run.items) else self._own_words_end(item, sentence)
            clause = self.text[previous_end:end]
            lead = self.text[previous_end:item.span.start]
            yardsticks.add(any(w.group().lower() in YARDSTICKS for w in WORD.finditer(lead)))
            # "In the best-performing region, ..., 77.8% ...; in the worst, the Midlands, 66.2%": ranked holders
            ranks |= {part for w in WORD.finditer(lead) for part in w.group().lower().split("-")
                      if part in self.lexicon.superlatives}
            previous_end = item.span.end
            group = {(m["group"] or m["among"]).lower() for m in _GROUP.finditer(clause)
                     if not is_time_word((m["group"] or m["among"]).split()[0])}  # "on Thursday" dates, not groups
            if _PEOPLE_ON.search(self.text, sentence.start, sentence.end):
                group |= {m["arm"].lower() for m in _ARM.finditer(clause)}
            if group:
                groups.append(frozenset(group))
            # the words before the first item frame them all ("A poll last week put ..."): no item's own time
            own = clause if i else self.text[item.span.start:end]
            stamp = self._stamps(own) | set(_YEARISH.findall(own)) | {m.group().lower() for m in _STRETCH.finditer(own)}
            if stamp:
                times.append(frozenset(stamp))
        if self._measures_apart(run):
            return True  # "averaged 63.4% possession ... and completed 89.1% of their passes": two measures
        if any(_OWN_MEASURE.search(self.text, max(0, item.span.start - 40), item.span.start) for item in run.items[1:]):
            return True  # "where 68% of students qualify for free meals, the rate was 74.5%": another measure named
        if not _OF_ALL.match(self.text, run.items[0].span.end) and \
                any(_OF_ALL.match(self.text, item.span.end) for item in run.items[1:]):
            return True  # "Of this year's cases, 61% were under five, and 94% of all patients ...": a new statement
        if any(_OF_SUBSET.match(self.text, item.span.end) for item in run.items[1:]):
            return True  # "about 96 per cent know their status, and roughly 79 per cent of those who know it": nested
        # "100% of category 1 patients ..., and 91% of category 2 patients": wholes told apart by their labels
        labels = {m["label"] for m in (_LABELLED_WHOLE.match(self.text, item.span.end) for item in run.items) if m}
        if len(labels) > 1:
            return True
        # "The target is to treat 92% of patients ...; in June the figure was 59.2%": a yardstick and a result
        return places and len(set(groups)) > 1 or len(set(times)) > 1 or len(yardsticks) > 1 or len(ranks) > 1

    def _measures_apart(self, run: ListRun) -> bool:
        """True when one share names its whole with "of" and another is a share of a noun right after it that
        is not that whole ("63.4% possession", "89.1% of their passes")."""
        wholes, nouns = set(), set()
        for item in run.items:
            named = _OF_WHOLE_AFTER.match(self.text, item.span.end)
            if named is not None:
                wholes.add(lemma(named["whole"].split()[-1].lower()))
                continue
            following = _NEXT_WORD.match(self.text, item.span.end)
            word = following["word"].lower() if following else ""
            # "63.4% possession, the highest": a noun that ends its clause, not a verb that goes on ("22% chose")
            if word and word not in STOP_WORDS and following is not None and _CLAUSE_END.match(self.text, following.end()):
                nouns.add(lemma(word))
        return bool(wholes and nouns and nouns - wholes)

    def _one_choice(self, run: ListRun) -> bool:
        """True for the answers to one choice, the verb said once: "38% intend to vote for Reyes, 31% for
        Ashdown and 19% for Voss". Each later item opens with the preposition the first item's verb took,
        so the names after it are the holders, not places or groups of their own."""
        following = [_NEXT_WORD.match(self.text, item.span.end) for item in run.items]
        words = [f["word"].lower() if f else None for f in following]
        if len(run.items) < 3 or words[1] not in _CHOICE_PREPOSITIONS or len(set(words[1:])) != 1:
            return False
        first = run.items[0]
        opening = [w.group().lower() for w in WORD.finditer(self.text, first.span.end, run.items[1].span.start)]
        return words[1] in opening[1:_CHOICE_WORDS]

    def _two_statements(self, run: ListRun, whole: str) -> bool:
        """True for two findings that only a verb joins: "61% said their workload had grown ..., and 47% said ...",
        or for three or more that each have a verb and a clause of their own.

        Answers to one question are short ("58% said yes and 40% no",
        "52% backed the plan and 45% opposed it"); two items whose first runs
        on for a clause of its own are two statements, each of its own whole.
        """
        verbs = [WORD.match(self.text, item.span.end + 1) for item in run.items]
        if self._rates_of_several(verbs):
            return True
        if len(run.items) > 2:
            # "91% said they felt more confident ..., 74% had made at least one video call ..., and 62% had used
            # the NHS App": findings each with a clause of its own, told as facts ("had made"), not answers to
            # one question ("54% backed ..., 31% favoured ..., and 22% chose ...")
            stated = sum(1 for v in verbs if v is not None and v.group().lower() in _AUXILIARIES)
            return stated >= 2 and all(
                len(WORD.findall(self.text, a.span.end, b.span.start)) > _FACT_WORDS
                for a, b in zip(run.items, run.items[1:]))
        if len(run.items) != 2:
            return False
        if self._fact_and_report(run):
            return True
        answered = all(v is not None and v.group().lower() in self.lexicon.share_verbs for v in verbs)
        if whole not in self.lexicon.share_verbs and not answered:
            return False  # "Of the 2,300 staff who replied, 61% said ..., and 47% said ...": each by its verb
        first, second = run.items
        return len(WORD.findall(self.text, first.span.end, second.span.start)) > _ANSWER_WORDS

    def _rates_of_several(self, verbs: list[patterns.Match | None]) -> bool:
        """True when one verb of doing (not of choosing) follows two items with different objects: "64% passed
        writing and 69% passed numeracy" are pass rates of two tests, not shares of one whole."""
        objects: dict[str, set[str]] = {}
        for verb in verbs:
            if verb is None or not verb.group().lower().endswith("ed") or verb.group().lower() in self.lexicon.share_verbs:
                continue  # "56% are children under 18, 31% are women": a copula names parts of one whole
            thing = WORD.match(self.text, verb.end() + 1)
            if thing is not None and thing.group().lower() not in STOP_WORDS:
                objects.setdefault(verb.group().lower(), set()).add(thing.group().lower())
        return any(len(things) > 1 for things in objects.values())

    def _fact_and_report(self, run: ListRun) -> bool:
        """True when one share states a fact and the other reports what people said: "About 78% of employed
        graduates were in jobs classed as highly skilled, and 82% said their work fitted their plans"."""
        kinds = set()
        for item, following in zip(run.items, (*run.items[1:], None)):
            end = following.span.start if following else item.span.end + 60
            clause = _CLAUSE_MARK.search(self.text, item.span.end, end)  # its own clause only
            words = [w.group().lower() for w in WORD.finditer(self.text, item.span.end, clause.start() if clause else end)]
            words = words[:_VERB_REACH]
            verb = next((w for w in words if w in _REPORTING_VERBS or w in _STATING_VERBS), "")
            kinds.add("report" if verb in _REPORTING_VERBS else "fact" if verb else "other")
        return kinds == {"report", "fact"}  # "58% said they support ..., 47% oppose them" answer one question

    def _own_words_end(self, item: Quantity, sentence: Span) -> int:
        """Where the last item's own words end: at a comma ("41%, the retailer said on Thursday") or 40 characters on."""
        limit = min(sentence.end, item.span.end + 40)
        found = _ITEM_WORDS_END.search(self.text, item.span.end, limit)
        return found.start() if found else limit

    def _stamps(self, clause: str) -> set[str]:
        """The time words that date a clause ("in March", "last year"), not lengths ("for at least a year", "a four-day week")."""
        words = [w.group().lower() for w in WORD.finditer(clause)]
        return {w for i, w in enumerate(words) if w in self.lexicon.times
                and (not any(p in self.lexicon.time_spans for p in words[max(0, i - 2):i])
                     or words[i + 1:i + 2] and words[i + 1] in _AGO)}

    def _carries_on(self, sentence: Span, free: list[Quantity], whole: str) -> bool:
        """True when a sentence hands out more of the whole named before: every percentage goes to a new holder.

        A sentence that opens on a new frame ("In the county, ...", "Nationally,
        ...") or gives a share to a holder already named ("It took 61%") speaks
        of another whole.
        """
        if _NEW_FRAME.match(self.text, sentence.start, sentence.end):
            return False
        if _FURTHER_OPENS.match(self.text, sentence.start, free[0].span.start):
            return True  # "A further 31% waited between four and twelve hours, while 14% spent more than 12"
        # "Buy-to-let landlords made up 27% and existing owners moving home 41%": a verb of making up (or of
        # taking) hands out the first, and the others follow it as one list
        listed = self._handed_list(sentence, free) and all(self._of_whole(q, whole) for q in free)
        start = sentence.start
        for quantity in free:
            handed = self._taken(quantity, sentence, whole) or self._held(quantity) or listed or \
                quantity is free[0] and _REST_OPENS.fullmatch(self.text, sentence.start, quantity.span.start)
            if not handed or _SAME_HOLDER.search(self.text, start, quantity.span.start):
                return False
            start = quantity.span.end
        return True

    def _of_whole(self, quantity: Quantity, whole: str) -> bool:
        """True unless the words after a percentage name a whole other than ``whole`` ("61% of deaths")."""
        named = _OF_WHOLE_AFTER.match(self.text, quantity.span.end)
        return named is None or lemma(named["whole"].split()[-1]) == lemma(whole.split()[-1])

    def _handed_list(self, sentence: Span, free: list[Quantity]) -> bool:
        """True when a verb of making up or taking hands out the sentence's first percentage to the holder that
        opens the sentence ("Landlords made up 27% ...", "The DA took 34.6%, the EFF 11.2% ..."), and all of its
        percentages form one list."""
        first = free[0]
        lead_start = max(sentence.start, first.span.start - 30)
        if first.qualifier is not None or first.span.start - sentence.start > _HOLDER_OPENS or not (
                self.lexicon.part_verb_before.search(self.text, lead_start, first.span.start)
                or self.taker.search(self.text, lead_start, first.span.start)):
            return False  # "where outdoor watering can account for up to 60% of household use": a bound, later on
        runs = find_lists(self.text, sentence, free, self.lexicon, set())
        return len(free) == 1 or any(len(run.items) == len(free) for run in runs)

    def _taken(self, quantity: Quantity, sentence: Span, whole: str) -> bool:
        """True when a verb of taking hands ``quantity`` to someone ("took 35%", "finished third with 19%")."""
        match = self.taker.search(self.text, max(sentence.start, quantity.span.start - 40), quantity.span.start)
        return match is not None and self._of_whole(quantity, whole)

    def _in_sentence(self, sentence: Span, members: list[Quantity]) -> tuple[list[Share], list[Quantity]]:
        """The shares of one sentence, and its free percentages (not changes or their sizes)."""
        starting = {q.span.start: q for q in members}
        ending = {q.span.end: q for q in members}
        sized = {s.span for s in self.sizes.find(self.text, sentence, starting, ending)}
        skip = sized | {q.span for q in members if q.span in self.skip or self._progress(q)}  # this sentence's only
        free = [q for q in members if q.span not in skip and not q.vague and q.value is not None
                and q.unit == "percent"]
        shares = []
        for listed in find_lists(self.text, sentence, members, self.lexicon, skip, allow_against=True):
            run = self._without_measures(listed)
            if run is None or run.items[0].unit != "percent":
                continue  # bare figures are shares only after a percentage gives them the unit
            whole = self._whole(run, sentence)
            # "Of the 214,000 customers who lost power, 62% were in Harris County, 31% in Fort Bend ...":
            # a whole named first is shared out over the places, not measured in each
            lead = self.text[max(sentence.start, run.items[0].span.start - 60):run.items[0].span.start]
            opened = _OF_WHOLE_BEFORE.search(lead) is not None or self._one_choice(run)
            if whole is None or self._set_apart(run, sentence, places=not opened) or self._two_statements(run, whole):
                continue
            several = self._several_answers(sentence.start, sentence.end)
            # "57% were men and 43% women, and about 30% were running for the first time": a whole, then another
            run = run.until_whole(self.text, 100, _COMPLETE, _AND_ANOTHER)
            run = self._with_rest(run, free)
            shares.append(Share(span=run.span, parts=run.items, whole=whole, multiple_answers=several))
        shares += self._contrasted(sentence, free, {q.span for share in shares for q in share.parts})
        shares += self._opposed(sentence, free, {q.span for share in shares for q in share.parts})
        return shares, free

    def _opening(self, shares: list[Share], free: list[Quantity]) -> _Chain | None:
        """A chain of shares that may run on into the next sentences: the sentence's last share of a named whole."""
        if not free:
            return None
        last = free[-1]
        if shares and shares[-1].parts[-1].span == last.span:
            return _Chain(list(shares[-1].parts), shares[-1].whole or "", shares[-1])
        named = _OF_WHOLE_AFTER.match(self.text, last.span.end)
        if named:
            return _Chain([last], named["whole"], None)
        sentence = self.document.sentence_at(last.span.start)
        opener = _OPENER.match(self.text, sentence.start, last.span.start)
        if not shares and len(free) == 1 and opener:
            return _Chain([last], opener["whole"] or opener["them"], None)  # "Of the 9,870 attendances, 62% ..."
        if not shares and all(self._held(q) for q in free):
            # "The poll puts Labour on 34%, down four points, with the Conservatives on 26%."
            sentence = self.document.sentence_at(free[0].span.start)
            whole = self._standing(ListRun(tuple(free)), sentence)
            return _Chain(list(free), whole, None) if whole else None
        return None

    def _close(self, chain: _Chain | None, start: int, end: int, found: list[Share]) -> None:
        """Emit a chain that ran into later sentences, in place of its first sentence's own share."""
        if chain is None or len(chain.items) == len(chain.first.parts if chain.first else ()) or len(chain.items) < 3:
            return
        run = ListRun(tuple(chain.items))
        if self._set_apart(run, Span(start, end)):
            return
        if chain.first is not None:
            self.replaced.add(id(chain.first))
        several = self._several_answers(start, end)
        found.append(Share(span=run.span, parts=run.items, whole=chain.whole, multiple_answers=several))

    def find(self) -> list[Share]:
        """Every list of shares of one whole, within a sentence or run on through the next ones."""
        sentences = Sentences.of(self.document)
        by_sentence: dict[int, list[Quantity]] = {}
        for quantity in self.quantities:
            if quantity.unit == "percent" or self._compact_item(quantity):
                by_sentence.setdefault(sentences.index(quantity.span.start), []).append(quantity)
        by_sentence = {i: members for i, members in by_sentence.items() if any(q.unit == "percent" for q in members)}
        found: list[Share] = []
        chain: _Chain | None = None
        chain_start = chain_end = last_index = -1
        for index in sorted(by_sentence):
            members = by_sentence[index]
            sentence = sentences.span(members[0].span.start)
            shares, free = self._in_sentence(sentence, members)
            found += shares
            if chain is not None and index == last_index + 1 and free and not shares and self._carries_on(
                    sentence, free, chain.whole):
                chain.items += free  # "The Conservative candidate took 35%, while ... finished third with 19%."
                chain_end, last_index = sentence.end, index
                continue
            self._close(chain, chain_start, chain_end, found)
            chain = self._opening(shares, free)
            chain_start, chain_end, last_index = sentence.start, sentence.end, index
        self._close(chain, chain_start, chain_end, found)
        found = [share for share in found if id(share) not in self.replaced]
        found.sort(key=lambda share: share.span.start)
        return found

def find_shares(document: Document, quantities: Sequence[Quantity], changes: Sequence[Change],
                lexicon: RelateLexicon) -> list[Share]:
    """Lists of percentages that share out one whole."""
    return ShareReader(document, quantities, changes, lexicon).find()
