"""The ``change-descriptor`` kind: a word that sizes a change must fit its from/to amounts.

The lexicon is the rule's ``params.classes``; each class holds words and one
test::

    small:    {max_change: 0.25, words: [slight, incremental, ...]}   # |r - 1| may not exceed 25 %
    large:    {min_change: 0.05, words: [sharp, surge, ...]}          # |r - 1| must reach 5 %
    multiple: {tolerance: 0.1, words: {doubled: 2, halved: 0.5}}      # r must be near the multiple
    rise:     {direction: up, words: [rose, increased, ...]}          # r must exceed 1
    fall:     {direction: down, words: [fell, dropped, ...]}          # r must be below 1

with r = after / before (or 1 ± a stated percentage when the starting figure
is not given). A ``max_change`` class may set ``max_change_rates``, its
limit for a change of a rate ("edged up from 2.3% to 2.7%" moves by points,
and its ratio overstates it); a ``min_change`` class may set
``min_points_rates``, a move of a rate in points that is enough for its
words whatever the ratio ("a jump" from 85.1% to 88.4%). A ``min_change`` class may set
``accepted_change``, the size at which readers accept its words: when the
stated figures, unhedged, fall short of ``min_change``, rounding may rescue
the word only if its far ends reach ``accepted_change``. A word may stand in one direction class and
one class that sizes ("dipped": a fall, and a small one); a change is
flagged for its size once. The amounts are read with the tolerance model, so a word is
flagged only when no reading of the figures fits it.

Where a word may stand: a direction word only as the change's own verb
("rose from 40 to 32"); an adjective or adverb of a class with
``needs_anchor: true`` only within ``anchor_window`` words of a change word
("a slight fall", "rose sharply", "the increases would be incremental"),
or when the phrase holds a change word itself ("edged up"), so that "only slightly above" or "a significant number" is not read as a
description of a nearby change. A word whose change words all name a change
of their own clause ("..., while imports rose slightly"; "Journey times rose
slightly, by 40 seconds" in the next sentence) describes that change, and is
not judged against another one; so does a word in a later clause of a lede
tied to the change ("Arrears fell sharply, while fines edged lower."). A rule that lists no ``anchors`` places no
such limit. A hedge before a multiple counts: "more than
doubled" wants r above 2, "nearly doubled" r up to 2.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, replace
from typing import Any, Iterable, Mapping

import regex

from factcheck import patterns
from factcheck.builtin.relate.lexicon import load_lexicon
from factcheck.builtin.relate.text import STOP_WORDS, WORD, lemma, owner_named_in
from factcheck.builtin.kinds.params import number, reject_unknown, require_mapping, words
from factcheck.builtin.tolerance import hedge_qualifier, hedge_width, hedge_words, interval, ratio_range
from factcheck.builtin.wordindex import first_words, word_index
from factcheck.errors import ParamError
from factcheck.kinds import CheckContext
from factcheck.model import Change, Document, Finding, Qualifier, Quantity, Rule, Span

_TESTS = ("max_change", "min_change", "tolerance", "direction")
_RATE_UNITS = frozenset({"percent", "percentage_point"})
_NEARBY = 12  # changes before a word that may still reach it
_IN_COMPOUND = patterns.compile(r"-\p{L}")  # a word hyphened to the next one
_WORD = patterns.compile(r"[\p{L}]+(?:['’-][\p{L}]+)*")
# A determiner before a change noun refers back to a change named before: "the increase", "this modest rise".
_REFERS_BACK = patterns.compile(r"(?i)\b(?:the|this|that|these|those|such|its|their|(?:this|that|it)\s+"
                                r"(?:is|was|will\s+be|would\s+be)\s+an?)\s+(?:[\p{L}-]+\s+)?$")
# Between a multiple and the figure it takes: "double the 450", "twice last year's 1,200".
_OBJECT_LEAD = patterns.compile(r"(?i)\s+(?:(?:the|its|their|that|this)\s+|[\p{L}]+\s+[\p{L}]+['’]s\s+|[\p{L}]+['’]s\s+)?")
_RESULT_LEAD = patterns.compile(r"(?i)\s+(?:to|at)\s+")  # "doubled to two an hour": the multiple's own result
# What ends one change's clause and opens another's: "..., while imports rose slightly".
# "a surge in mail ballots": what a change word says changed.
_IN_WHAT = patterns.compile(r"\s+in\s+(?:the\s+|its\s+|their\s+)?(?P<noun>[\p{L}][\p{L}-]*)")
_OF_NEXT = patterns.compile(r"\s+of\b")
# a clause of its own between a word and a change: "..., so ...", "..., but ..." (not "; the increases will be ...")
_OTHER_CLAUSE = patterns.compile(r"(?i),\s+(?:so|but|while|whereas)\b")
_NAMED_SUBJECT = patterns.compile(r",\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*\s+$")  # ", the Greens "
# "whether crime has halved", "if wholesale prices doubled", "rather than doubling": a change supposed, not told
_SUPPOSED_BEFORE = patterns.compile(r"(?i)\b(?:whether|if)\b[^.;:!?]*$|\brather\s+than\s+$")
_MODAL_BEFORE = patterns.compile(r"(?i)\b(?:to|will|would|could|can|may|might|should|must|shall)\s+$")
_DETERMINER_BEFORE = patterns.compile(r"(?i)\b(?:the|a|an|its|their|under|with|for)\s+$")
_NEXT_NOUN = patterns.compile(r"[ \t]+(?P<noun>[\p{L}]+)\b(?![-’'])")  # the word right after, on the same line
# The noun a change noun names, before it: "the profit increase", "this fare rise".
_MODIFIER_BEFORE = patterns.compile(r"(?i)\b(?:the|this|that|these|those|its|their)\s+(?P<noun>[\p{L}][\p{L}-]*)\s+$")
# The rest of a time phrase after its first word: "(financial) year", "(first) quarter", "(last) six months".
_TIME_PHRASE = patterns.compile(r"(?i)(?:\s+[\p{L}-]+)?\s+(?:year|years|quarter|quarters|month|months|week|weeks|season|"
                                r"half|period|decade)\b")
# "..., an increase of 50%, before falling slightly to 301": a later clause with a change of its own
# "cost rises again as launch slips to 2031": "as" opening a clause with a subject of its own, not "as much as"
_CLAUSE_BREAK = patterns.compile(r"(?i);|\b(?:while|whereas|but|although|though)\b|,\s*(?:and|before|after)\b|"
                                 r"\bas\s+(?!(?:much|many|well|expected|forecast|planned|high|low|far|little|"
                                 r"a|an|part|of|if|though|soon|long\s+as|usual|ever|before|such)\b)[\p{L}]")


def _clause_words(change: Change, changes: list[Change], document: Document) -> set[str]:
    """The lemmas of a change's clause: from the end of the change before it in its sentence (or the
    sentence's start) to its own end."""
    sentence = document.sentence_at(change.span.start)
    start = max([sentence.start, *(c.span.end for c in changes if sentence.start <= c.span.end <= change.span.start)])
    return {lemma(w.group()) for w in WORD.finditer(document.text, start, change.span.end)}


@dataclass(frozen=True)
class WordClass:
    """One class of the lexicon: its test, its words (a multiple each, for multiples), and where they may stand."""

    name: str
    test: str
    limit: float | str
    words: Mapping[str, float | None]
    needs_anchor: bool
    rates_limit: float | None = None
    accepted: float | None = None
    rates_points: float | None = None  # for a min_change class: a move of a rate by this many points is enough

    @property
    def sizes(self) -> bool:
        """True for a class that sizes a change; False for one that only directs it."""
        return self.test != "direction"


@dataclass(frozen=True)
class Lexicon:
    """The parsed parameters: classes, the words that anchor a describing word, and search patterns."""

    classes: tuple[WordClass, ...]
    by_word: Mapping[str, tuple[WordClass, ...]]
    pattern: patterns.LazyPattern
    anchors: frozenset[str]
    anchor_window: int
    hedge_before: patterns.LazyPattern
    placed: bool = True
    first_words: frozenset[str] | None = None  # what every match begins with, when each word opens with a letter


_SPACING = patterns.compile(r"[\s-]+")


# "described as", "called", "termed": a verb that passes a verdict on what came before, right before the word
_VERDICT_BEFORE = patterns.compile(r"(?i)\b(?P<verb>described|describing|called|calling|termed|labelled|labeled|"
                                   r"characterised|characterized)\s+(?:(?:it|this|that|them|these)\s+)?(?:as\s+)?"
                                   r"(?:an?\s+)?[\"“'‘]?$")


# "described the increase in the overall budget as slight": a verdict on a change the object names
_VERDICT_ON_OBJECT = patterns.compile(r"(?i)\b(?:describe[sd]?|describing|call(?:s|ed|ing)?|term(?:s|ed)|"
                                      r"label(?:s|led|ed)|characteri[sz](?:es|ed|ing))\s+"
                                      r"(?P<object>(?:[\p{L}\d'’-]+\s+){1,7}?)as\s+(?:an?\s+)?[\"“'‘]?(?:an?\s+)?$")


def _goes(change: Change) -> int:
    """+1 for a change whose figures rise, -1 for one whose figures fall, 0 when they do not say."""
    if change.before is None or change.before.value is None or change.after.value is None:
        return change.direction
    return (change.after.value > change.before.value) - (change.after.value < change.before.value)


def _normal(word: str) -> str:
    return _SPACING.sub(" ", word.lower())


def _movement(ratio: float) -> str:
    return "a rise" if ratio > 1 else "a fall" if ratio < 1 else "no change"


def _parse_class(name: str, spec: Any, taken: Mapping[str, tuple[WordClass, ...]]) -> WordClass:
    key = f"classes.{name}"
    spec = require_mapping(spec, key)
    reject_unknown(spec, {"words", "needs_anchor", "max_change_rates", "min_points_rates", "accepted_change",
                          *_TESTS}, f"{key}.")
    tests = [t for t in _TESTS if t in spec]
    if len(tests) != 1:
        raise ParamError(key, f"needs exactly one of {', '.join(_TESTS)}")
    test = tests[0]
    if test == "direction":
        if spec[test] not in ("up", "down"):
            raise ParamError(f"{key}.direction", "must be up or down")
        limit: float | str = spec[test]
    else:
        limit = number(spec[test], f"{key}.{test}", minimum=0)
    raw_words = spec.get("words")
    entries: dict[str, float | None]
    if test == "tolerance":
        mapping = require_mapping(raw_words, f"{key}.words")
        entries = {_normal(w): number(v, f"{key}.words.{w}", minimum=0.001) for w, v in mapping.items()}
    else:
        entries = {_normal(w): None for w in words(raw_words, f"{key}.words")}
    sizes = test != "direction"
    for word in entries:
        # a word may both direct a change and size it ("dipped": a fall, and a small one), no more
        clash = next((c for c in taken.get(word, ()) if c.sizes == sizes), None)
        if clash is not None:
            raise ParamError(f"{key}.words", f"{word!r} is already in class {clash.name!r}")
    needs_anchor = spec.get("needs_anchor", test in ("max_change", "min_change"))
    if not isinstance(needs_anchor, bool):
        raise ParamError(f"{key}.needs_anchor", "must be true or false")
    rates_limit = None
    if "max_change_rates" in spec:
        if test != "max_change":
            raise ParamError(f"{key}.max_change_rates", "goes only with max_change")
        rates_limit = number(spec["max_change_rates"], f"{key}.max_change_rates", minimum=0)
    accepted = None
    if "accepted_change" in spec:
        if test != "min_change":
            raise ParamError(f"{key}.accepted_change", "goes only with min_change")
        accepted = number(spec["accepted_change"], f"{key}.accepted_change", minimum=0)
    rates_points = None
    if "min_points_rates" in spec:
        if test != "min_change":
            raise ParamError(f"{key}.min_points_rates", "goes only with min_change")
        rates_points = number(spec["min_points_rates"], f"{key}.min_points_rates", minimum=0)
    return WordClass(name, test, limit, entries, needs_anchor and sizes, rates_limit, accepted, rates_points)


class ChangeDescriptor:
    """Flags change words that do not fit the change they describe."""

    fields = frozenset({"descriptor", "before", "after", "ratio", "change", "movement", "change_word", "allowed",
                        "class", "comparison"})

    def parse_params(self, params: Mapping[str, Any]) -> Lexicon:
        """Validate ``classes`` (each with ``words`` and exactly one test), ``anchors`` and ``anchor_window``."""
        reject_unknown(params, {"classes", "anchors", "anchor_window"})
        classes_param = require_mapping(params.get("classes"), "classes")
        classes: list[WordClass] = []
        by_word: dict[str, tuple[WordClass, ...]] = {}
        for name, spec in classes_param.items():
            word_class = _parse_class(str(name), spec, by_word)
            if "anchors" not in params:  # with no change words to anchor to, every word stands free
                word_class = replace(word_class, needs_anchor=False)
            classes.append(word_class)
            for word in word_class.words:
                by_word[word] = (*by_word.get(word, ()), word_class)
        if not by_word:
            raise ParamError("classes", "needs at least one class with words")
        anchors = {_normal(w) for w in words(params["anchors"], "anchors")} if "anchors" in params else set()
        anchors |= {w for c in classes if not c.needs_anchor for w in c.words}
        window = int(number(params.get("anchor_window", 3), "anchor_window", minimum=0, maximum=10))
        alternation = "|".join(regex.escape(w).replace(r"\ ", r"[\s-]+")
                               for w in patterns.longest_first(by_word))
        hedges = "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in hedge_words())
        return Lexicon(tuple(classes), by_word,
                       patterns.compile(rf"(?i)(?<![\p{{L}}-])(?:{alternation})(?![\p{{L}}])"),
                       frozenset(anchors), window, patterns.compile(rf"(?i)\b(?P<hedge>{hedges})\s+$"),
                       placed="anchors" in params,
                       first_words=first_words(by_word) if all(w[:1].isalpha() for w in by_word) else None)

    def check(self, context: CheckContext, rule: Rule) -> Iterable[Finding]:
        """One finding per describing word that no reading of its change's figures fits."""
        lexicon: Lexicon = rule.options
        document = context.document
        changes = [c for c in context.claims_of(Change) if c.context is not None and self._ratios(c) is not None]
        starts = [c.span.start for c in changes]
        seen: set[tuple[int, int]] = set()
        sized: set[Span] = set()  # changes already flagged for their size: one problem, one finding
        figures = {q.span.start: q for q in context.quantities}
        for change in changes:
            assert change.context is not None
            # the word nearest the change first: one change is sized once, by the body's word before a headline's
            words = sorted(self._words_in(lexicon, document.text, change.context),
                           key=lambda m: max(change.span.start - m.end(), m.start() - change.span.end, 0))
            for match in words:
                span = Span(match.start(), match.end())
                if (span.start, span.end) in seen or document.in_skipped(span):
                    continue
                if _IN_COMPOUND.match(document.text, span.end):
                    continue  # "triple-zero calls", "double-digit growth": part of a hyphened word
                if any(m is not None and m.span.overlaps(span) for m in (change.before, change.after, change.by)):
                    continue
                if self._nearest(changes, starts, span, self._named(lexicon, span, document.text),
                                 document) is not change:
                    continue
                for word_class in lexicon.by_word[_normal(match.group())]:
                    if not self._stands_for(lexicon, word_class, span, change, document):
                        continue
                    if word_class.test == "tolerance" and self._own_base(span, change, figures, document.text):
                        continue
                    if word_class.sizes and change.span in sized:
                        continue
                    seen.add((span.start, span.end))
                    finding = self._judge(rule, lexicon, word_class, match.group(), span, change, document.text)
                    if finding:
                        if word_class.sizes:
                            sized.add(change.span)
                        yield finding
                        break

    @staticmethod
    def _words_in(lexicon: Lexicon, text: str, context: Span) -> Iterable[patterns.Match]:
        """The describing words within ``context``, tried only where one of their first words begins."""
        if lexicon.first_words is None:
            return lexicon.pattern.finditer(text, context.start, context.end)
        return word_index(text).finditer(lexicon.pattern, lexicon.first_words, context.start, context.end)

    @staticmethod
    def _hedged(change: Change) -> bool:
        """True when a figure of the change, or its stated size, carries a hedge ("around 4,000")."""
        return any(q is not None and q.qualifier is not None for q in (change.before, change.after, change.by))

    @staticmethod
    def _ratios(change: Change) -> tuple[float, float, float] | None:
        """(low, high, central) after/before ratios the change allows, or None when they cannot be known."""
        before, after = change.before, change.after
        if before is not None and before.value and after.value is not None and before.value > 0:
            # a hedged figure is rounded as roughly as its hedge says, not by both in turn
            low, high = ratio_range(before, after, overlapping=True)
            return low, high, after.value / before.value
        if change.by is not None and change.by.unit == "percent" and change.direction and change.by.value is not None:
            low, high = interval(change.by)
            sign = change.direction
            ends = sorted((1 + sign * low / 100, 1 + sign * high / 100))
            return ends[0], ends[1], 1 + sign * change.by.value / 100
        return None

    def _stands_for(self, lexicon: Lexicon, word_class: WordClass, span: Span, change: Change,
                    document: Document) -> bool:
        """True when the word is placed to describe this change (see the module docstring)."""
        if word_class.test == "direction":
            return change.verb_span is not None and change.verb_span == span
        if _SUPPOSED_BEFORE.search(document.text, max(document.sentence_at(span.start).start, span.start - 80),
                                   span.start):
            return False  # "nobody can say whether crime has halved": a change wondered about, not described
        if not lexicon.placed:
            return True  # a rule that names no change words places no limit on where a word stands
        low, high = (span.end, change.span.start) if span.end <= change.span.start else (change.span.end, span.start)
        if low < high and document.sentence_at(span.start) == document.sentence_at(change.span.start) and (
                _OTHER_CLAUSE.search(document.text, low, high) or _NAMED_SUBJECT.search(document.text, low, high)):
            # "the number of stages more than tripled, so the average stage ... 166 km against 400 km"; "Labour fell
            # from 11 to three, the Greens doubled their representation": another clause's word
            return False
        if self._attributive(lexicon, span, document.text, multiple=word_class.test == "tolerance"):
            return False
        anchors = self._anchors(lexicon, span, document.text)
        if word_class.needs_anchor and not anchors:
            return False
        if not anchors:
            return True
        # "an increase of 50%, before falling slightly to 301": the change word right beside it decides
        nearest = min(anchors, key=lambda a: max(a.start - span.end, span.start - a.end, 0))
        return not self._another_change(nearest, change, document)

    @staticmethod
    def _attributive(lexicon: Lexicon, span: Span, text: str, multiple: bool = False) -> bool:
        """True for an adjective that sizes the noun right after it: a plural ("as more small merchants signed up")
        or one that takes "of" ("a small part of the increase"); for a ``multiple``, any noun after a
        determiner ("the triple lock", not "a triple rise").

        "a sharp rise" and "modest increases" size a change: their noun is one.
        """
        following = _NEXT_NOUN.match(text, span.end)
        if following is None or text[span.start:span.end].lower().endswith("ly"):
            return False
        noun = following["noun"].lower()
        if noun in lexicon.anchors or noun in load_lexicon().change_nouns or noun in STOP_WORDS:
            return False
        # "more small merchants"; "only a small part of the increase"; "the triple lock" (not "a triple fare
        # increase"): the word sizes its own noun
        if (noun.endswith("s") and not noun.endswith("ss")) or _OF_NEXT.match(text, following.end()) is not None:
            return True
        compound = _NEXT_NOUN.match(text, following.end())
        if compound is not None:
            verb = compound["noun"].lower()
            relate = load_lexicon()
            if verb in relate.change_direction and verb not in relate.change_nouns:
                return True  # "a knife or sharp instrument rose 4%": the word sizes the subject, whose verb follows
        if not multiple:
            return False
        if compound and compound["noun"].lower() in lexicon.anchors | load_lexicon().change_nouns:
            return False  # "a triple fare increase"
        # "the triple lock", "completion of double track"; not "plans to double capacity", "doubled output"
        word = text[span.start:span.end].lower()
        return _DETERMINER_BEFORE.search(text, max(0, span.start - 8), span.start) is not None or not (
            word.endswith(("ed", "ing")) or _MODAL_BEFORE.search(text, max(0, span.start - 12), span.start))

    def _anchors(self, lexicon: Lexicon, span: Span, text: str) -> list[Span]:
        """The change words that place a describing word: itself ("edged up", "surged"), or one within the window."""
        if any(w in lexicon.anchors for w in _normal(text[span.start:span.end]).split()):
            return [span]  # a phrase that is itself a change verb ("edged up") anchors itself
        named = self._verdict_object(span, text)
        if named is not None:
            return [named]
        verdict = _VERDICT_BEFORE.search(text, max(0, span.start - 40), span.start)
        if verdict is not None:
            # "expand its mission from 300 instructors to about 2,500, a step ministers described as 'gradual'":
            # a word a verb of calling gives sizes what the clause before it did
            return [Span(verdict.start("verb"), verdict.end("verb"))]
        window = lexicon.anchor_window + 1
        before = list(_WORD.finditer(text, max(0, span.start - 60), span.start))[-window:]
        after = list(_WORD.finditer(text, span.end, span.end + 60))[:window]
        return [Span(m.start(), m.end()) for m in (*before, *after)
                if ((w := _normal(m.group())) in lexicon.anchors
                    or any(c.test == "direction" for c in lexicon.by_word.get(w, ())))
                # "cost rises again as launch slips": a word past a clause break sizes that clause's change
                and not _CLAUSE_BREAK.search(text, min(m.end(), span.end), max(m.start(), span.start))]

    @staticmethod
    def _verdict_object(span: Span, text: str) -> Span | None:
        """The change noun a verb of calling passes its verdict on: "rise" in "describes the rise in 12-hour
        waits as marginal"; None when the verb's object names no change."""
        verdict = _VERDICT_ON_OBJECT.search(text, max(0, span.start - 90), span.start)
        if verdict is None:
            return None
        change_nouns = load_lexicon().change_nouns
        for word in _WORD.finditer(text, verdict.start("object"), verdict.end("object")):
            if _normal(word.group()) in change_nouns:
                return Span(word.start(), word.end())
        return None

    @staticmethod
    def _own_base(span: Span, change: Change, figures: Mapping[int, Quantity], text: str) -> bool:
        """True when a multiple takes a figure of its own: "more than double the 450 recorded in 2005", or
        names its own result: "trains were doubled to two an hour, rising 62% to 1.34 million journeys".

        The multiple then compares with that figure, not with the change's
        starting one ("up from 968 last year").
        """
        lead = _OBJECT_LEAD.match(text, span.end)
        base = figures.get(lead.end()) if lead else None
        if base is not None and (change.before is None or base.span != change.before.span):
            return True
        to = _RESULT_LEAD.match(text, span.end)
        result = figures.get(to.end()) if to else None
        return result is not None and all(result.span != q.span for q in (change.before, change.after) if q)

    @staticmethod
    def _another_change(anchor: Span, change: Change, document: Document) -> bool:
        """True when a change word names a change of its own clause, not this one.

        "Collisions fell from 61 to 50. ... Journey times rose slightly, by
        about 40 seconds": "rose" has its own subject, in another sentence
        or after "while", "but", "and" or a semicolon, so "slightly" sizes
        that change, which has no figures to judge it by. The change's own
        verb, a word inside it, a noun that refers back ("the increase was
        modest") and a lede the change reaches back to are not another change.
        """
        if change.span.overlaps(anchor) or anchor == change.verb_span:
            return False
        text = document.text
        if ChangeDescriptor._names_other(anchor, change, document):
            return True
        if _normal(text[anchor.start:anchor.end]) in load_lexicon().change_nouns and (_REFERS_BACK.search(
                text, max(0, anchor.start - 30), anchor.start) or owner_named_in(
                text, document.sentence_at(change.span.start), 0, anchor.start)):
            return False  # "the increase", "this modest rise", "The Greens' marginal improvement"; not "the bypass rose"
        if anchor.end <= change.span.start:
            if document.sentence_index(anchor.start) != document.sentence_index(change.span.start):
                # a lede the relate stage tied to the change ("Sales soared. ... up from ...") by its first
                # change word; a word of a later clause of the lede (", while the market edged higher") has
                # a subject of its own
                lede = document.sentence_at(anchor.start)
                tied = load_lexicon().change_word.search(text, lede.start, lede.end)
                return tied is not None and tied.end() <= anchor.start and \
                    _CLAUSE_BREAK.search(text, tied.end(), anchor.start) is not None
            between = Span(anchor.end, change.span.start)
        else:
            between = Span(change.span.end, anchor.start)
            if document.sentence_index(anchor.start) != document.sentence_index(change.span.end):
                # a noun in a sentence that refers back to the change describes it ("described the fall as
                # a slight dip"); a verb there has a subject of its own
                return not ChangeDescriptor._describes_referred(anchor, document)
        return _CLAUSE_BREAK.search(text, between.start, between.end) is not None

    @staticmethod
    def _describes_referred(anchor: Span, document: Document) -> bool:
        """True for a change noun in a sentence that names a change already given ("the fall", "this rise")."""
        text = document.text
        change_nouns = load_lexicon().change_nouns
        if _normal(text[anchor.start:anchor.end]) not in change_nouns:
            return False
        sentence = document.sentence_at(anchor.start)
        for word in _WORD.finditer(text, sentence.start, sentence.end):
            if _normal(word.group()) in change_nouns and \
                    _REFERS_BACK.search(text, max(sentence.start, word.start() - 30), word.start()):
                return True
        return False

    @staticmethod
    def _names_other(anchor: Span, change: Change, document: Document) -> bool:
        """True when a change word names what changed, and that is not the change's subject.

        "Turnout fell from 65.8% to 63.4%, which both sides blamed on a late
        surge in mail ballots": the surge is in mail ballots, which the
        words before the change do not name.
        """
        text = document.text
        named = _IN_WHAT.match(text, anchor.end)
        if named is None:
            return False
        lexicon = load_lexicon()
        noun = named["noun"].lower()
        if noun in STOP_WORDS or noun in lexicon.times:
            return False  # "a surge in March", "a rise in the"
        if _TIME_PHRASE.match(text, named.end("noun")):
            return False  # "doubled in the financial year that ended ...": a time, not a thing
        sentence = document.sentence_at(change.span.start)
        subject = {lemma(w.group()) for w in WORD.finditer(text, sentence.start, change.span.start)}
        return lemma(noun) not in subject

    @staticmethod
    def _of_rates(change: Change) -> bool:
        """True for a change of a rate ("from 2.3% to 2.7%"): its ratio overstates a move of a few points."""
        return change.after.unit in _RATE_UNITS and (change.before is None or change.before.unit in _RATE_UNITS)

    def _named(self, lexicon: Lexicon, span: Span, text: str) -> str | None:
        """What the change noun beside a describing word names, as a lemma: "the profit increase",
        "the rise in fares"; None when it names nothing."""
        change_nouns = load_lexicon().change_nouns
        for anchor in self._anchors(lexicon, span, text):
            if _normal(text[anchor.start:anchor.end]) not in change_nouns:
                continue
            modifier = _MODIFIER_BEFORE.search(text, max(0, anchor.start - 40), anchor.start)
            noun = modifier["noun"] if modifier else None
            if noun is None or noun.lower() in STOP_WORDS or _normal(noun) in lexicon.by_word:
                after = _IN_WHAT.match(text, anchor.end)
                noun = after["noun"] if after else None
            if noun is not None and noun.lower() not in STOP_WORDS and _normal(noun) not in lexicon.by_word:
                return lemma(noun)
        return None

    @staticmethod
    def _nearest(changes: list[Change], starts: list[int], span: Span, named: str | None,
                 document: Document) -> Change:
        """The change nearest to a word among those whose context holds it, and among them those whose
        clause names what the word's change noun names ("the profit increase"), when one does.

        ``changes`` are in text order (``starts`` are their start offsets,
        listed once per document) and a context runs at most a few sentences
        on, so only the changes just before the word are looked at.
        """
        end = bisect.bisect_right(starts, span.end)
        nearby = changes[max(0, end - _NEARBY):end + 1] or changes

        def distance(change: Change) -> int:
            if change.context is None or not change.context.contains(span):
                return 10**9
            if span.start >= change.span.end:
                return span.start - change.span.end
            if span.end <= change.span.start:
                return change.span.start - span.end
            return 0
        if named is not None:
            naming = [c for c in nearby if distance(c) < 10**9 and named in _clause_words(c, nearby, document)]
            nearby = naming or nearby
        heading = load_lexicon().change_direction.get(_normal(document.text[span.start:span.end]), 0)
        holding = [c for c in nearby if distance(c) < 10**9]
        if heading and holding and all(span.start >= c.span.end for c in holding):
            # "flu admissions rose from 187 to 412 ... Covid admissions slipped to 298 from 311. ... the jump was
            # expected": a word of its own direction after the changes names the one that went its way
            going = [c for c in holding if _goes(c) == heading]
            nearby = going or nearby
        return min(nearby, key=distance)

    def _judge(self, rule: Rule, lexicon: Lexicon, word_class: WordClass, written: str, span: Span,
               change: Change, text: str) -> Finding | None:
        ratios = self._ratios(change)
        assert ratios is not None
        low, high, ratio = ratios
        test, limit = word_class.test, word_class.limit
        if test == "max_change" and word_class.rates_limit is not None and self._of_rates(change):
            limit = word_class.rates_limit
        if test == "max_change":
            nearest = 1.0 if low <= 1.0 <= high else (low if low > 1 else high)
            wrong = abs(nearest - 1) > float(limit)
            allowed = f"a change of at most {float(limit):.0%} (×{1 - float(limit):.2f} to ×{1 + float(limit):.2f})"
        elif test == "min_change":
            widest = max(abs(low - 1), abs(high - 1))
            wrong = widest < float(limit)
            if word_class.accepted is not None and not self._hedged(change):
                # rounding alone may not rescue a word whose stated figures fall short of it: "surged to
                # 3.1% from 3.0%" is ×1.033, and only the far ends of both roundings reach ×1.07
                wrong = wrong or abs(ratio - 1) < float(limit) and widest < word_class.accepted
            if word_class.rates_points is not None and self._of_rates(change) and change.before is not None \
                    and change.before.value is not None and change.after.value is not None \
                    and abs(change.after.value - change.before.value) >= word_class.rates_points:
                wrong = False  # "the biggest single-year jump": 85.1% to 88.4% is 3.3 points of a rate
            allowed = f"a change of at least {float(limit):.0%}"
        elif test == "direction":
            wrong = high < 1 if limit == "up" else low > 1
            allowed = "a rise" if limit == "up" else "a fall"
        else:
            target = word_class.words[_normal(written)]
            assert target is not None
            t_low, t_high = target * (1 - float(limit)), target * (1 + float(limit))
            hedge = lexicon.hedge_before.search(text, max(0, span.start - 25), span.start)
            wording = f"×{target:g}"
            if hedge:
                word = hedge["hedge"].lower()
                qualifier = hedge_qualifier(word)
                # a hedged multiple is a rounded ratio, not a guess: the median reader's width
                width, side = hedge_width(word, target, generous=False)
                # "nearly doubled" stops short of ×2 from below; "nearly halved" of ×0.5 from above.
                shrinking = target < 1
                if qualifier == Qualifier.MIN:
                    t_low, t_high = (0.0, target) if shrinking else (target, math.inf)
                    wording = f"{'under' if shrinking else 'more than'} ×{target:g}"
                elif qualifier == Qualifier.MAX or side == "below":
                    t_low, t_high = (target, t_high + width) if shrinking else (t_low - width, target)
                    wording = f"{'down to' if shrinking else 'up to'} ×{target:g}"
                else:
                    t_low, t_high = t_low - width, t_high + width
            wrong = high < t_low or low > t_high
            allowed = f"{wording} (±{float(limit):.0%})" if not hedge else wording
        if not wrong:
            return None
        related = tuple(s for s in (change.span,) if not s.overlaps(span)) or (change.span,)
        before_text = change.before.text if change.before is not None else "?"
        if change.before is not None:
            comparison = f"{before_text} → {change.after.text} is ×{f'{ratio:.2f}'.replace('.00', '.0')}"
        else:
            comparison = f"{change.verb or 'a change'} {change.by.text if change.by else ''} is ×{ratio:.3g}"
        return rule.finding(
            span, related,
            descriptor=written, before=before_text, after=change.after.text, ratio=ratio, change=ratio - 1,
            movement=_movement(ratio), change_word=change.verb or "change", allowed=allowed,
            comparison=comparison, **{"class": word_class.name},
        )
