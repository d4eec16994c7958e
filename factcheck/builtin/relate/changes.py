"""Changes from one amount to another, read within a sentence.

Four shapes are read: "from X to Y", "to Y from X" or "Y, up (25%) from X"
(or "Y, a 24% increase on X" or "over X"; the base may be named by a level and "of":
"Y, down from Friday's close of X"; a "from" that opens a time may stand
between: "£58 from March, up from £42"),
a change word with a stated size and an end ("rose 0.4% to 158,000"), and a
figure set beside its level at an earlier time ("1,190 waited, compared with
1,480 in March last year"), a change no word names, whose direction is the
figures' own and which a lede may describe ("... has halved").
Each change takes the change word nearest to it (its verb) and the stated
size attached to that word or written beside the change ("a 40% increase").
A change's ``context`` runs on into the next few sentences that refer back
to a change ("the increase", "the decline") without stating a new one, where
a describing word may stand ("the increases would be incremental"), and
back to a lede that names the change without its figures ("Sales soared
last year. The total reached 412,000, up from 405,000.").
"""
from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Sequence

import regex

from factcheck import patterns
from factcheck.builtin.relate.conversions import PAREN_GAP
from factcheck.builtin.relate.lexicon import RelateLexicon, phrase_source
from factcheck.builtin.relate.sizes import RELATIVE_UNITS, SizeReader, StatedSize
from factcheck.builtin.relate.text import STOP_WORDS, TIME_UNITS, WORD, Sentences, lemma, owner_named_in
from factcheck.builtin.tolerance import value_ratio
from factcheck.builtin.wordindex import Occurrences, first_words, word_index
from factcheck.model import Change, Document, Quantity, Span

# "from 500", "from the 1,200", and a base named by a level and "of": "down from Friday's close of
# 8,214.9", "up from a low of 31", "from last year's total of 412".
_FROM_BEFORE = patterns.compile(r"(?i)\bfrom\s*(?:(?:the|an?|its|their)\s+)?(?:(?:[\p{L}]+\s+)?[\p{L}\d]+['’]s?\s+)?"
                                r"(?:(?:[\p{L}-]+\s+){1,2}of\s+)?[\"“]?\s*$")
_FROM_REACH = 50  # characters before a figure in which its "from" may stand
# "a 24% increase on the A$265 million", "up 5% on last year's 1,200", "a 12% increase over the $842 billion":
# the base of a change, right after its word.
_ON_BEFORE = patterns.compile(r"(?i)\b(?:on|over)\s+(?:(?:the|an?|its|their)\s+)?(?:[\p{L}]+\s+)?(?:[\p{L}\d]+['’]s?\s+)?"
                              r"(?:(?:[\p{L}-]+\s+){1,2}of\s+)?$")  # "on last season's league average of 22,500"
# Between a change word and "on": nothing, or the change's size ("up 5% on", "up by 12 points on").
_SIZE_TO_ON = patterns.compile(r"(?i)\s*(?:(?:by|of)\s+)?(?:[\d.,]+\s*(?:%|per\s*cent|percent|percentage\s+points?|points?)\s*)?")
# "to 318,900", "to a club-record 318,900": an indefinite article and a word or two may name the new level
_TO_BEFORE = patterns.compile(r"(?i)\b(?:to|at)\s*[\"“]?\s*$|\bto\s+an?\s+(?:[\p{L}-]+\s+){1,2}$")
_OWNER_RIGHT_BEFORE = patterns.compile(r"\b(?P<owner>\p{Lu}[\p{L}-]+)['’]s?\s+$")  # "from Labor's 55.9 per cent"
# "winning 49 of the 93 seats, down from the 53 it held": the whole a count is of did not change
_WHOLE_OF_COUNT = patterns.compile(r"(?i)\d[\d,]*\s+(?:out\s+)?of\s+(?:the|its|their)\s+$")
_STEP_TAKING = patterns.compile(r"(?i)\s*,\s*(?:taking|bringing|leaving|pushing|lifting)\s+(?:the|its|their)\s+"
                                r"(?:[\p{L}-]+\s+){1,3}(?:up|down)\s+")
_RATED_AT = patterns.compile(r"\s+at\s+")  # "41 districts at five stars": a figure's grade right after it
_APPOSED_SIZE = patterns.compile(r"(?i)[^.;,\d]{0,25},\s*(?:an?\s+)?")  # "A$412 million a year earlier, a "
_PER_LENT = 2.0  # how far apart an amount a share and a base without "a share" may be and still be one change
_PLAYED = frozenset({"game", "match", "round", "appearance", "start", "outing", "fixture", "innings", "race"})
_THING_REACH = 100  # characters before a change in which the thing it is of is named
_TO_REACH = 30  # characters before a change's new level in which its "to" may stand
_FROM_TO_GAP = patterns.compile(r"(?i)^(?:[^.;!?]|(?<=\d)\.(?=\d)){0,80}?\bto\s*(?:[\"“]\s*|an?\s+(?:[\p{L}-]+\s+){1,2})?$")  # "(18.5 sq mi)" may stand
_AFTER_FROM_GAP = patterns.compile(r"(?i)^[^;!?]{0,90}$")
_TO_AFTER_SIZE = patterns.compile(r"(?i)\s*,?\s*(?:(?:[\p{L}]+|(?:19|20)\d\d)\s+){0,4}?to\s*[\"“]?\s*(?:(?:close|end|finish|settle)\s+(?:the\s+\p{L}+\s+)?at\s+)?$")  # "rose 5.3% in 2024 to", "to close at"
_CLAUSE_BREAK = patterns.compile(r"(?i)[;:]|,\s*(?:and|but|while|whereas)\b|\b(?:while|whereas)\b")
# "..., up 21% on the previous 12 months": a size against a time whose figure is given elsewhere
_SIZE_ON_TIME = patterns.compile(r"(?i)[^,.;]{0,40}?,\s*(?P<dir>up|down)\s+(?P<size>\d[\d.]*)\s*(?:%|per\s*cent|percent)\s+on\s+"
                                 r"(?P<time>(?:the\s+)?(?:previous|preceding|prior|same)\s+[^,.;]{2,30}?)(?=[,.;]|$)")
_IN_TIME = patterns.compile(r"(?i)[^,.;]{0,20}?\s(?:in|during|over)\s+(?P<time>(?:the\s+)?(?:previous|preceding|prior|same)\s+"
                            r"[^,.;]{2,30}?)(?=[,.;]|\s+(?:when|as|while|after|before)\b|$)")
_TIME_WORD = patterns.compile(r"[\p{L}\d]+")
_TIME_BASE_REACH = 4  # sentences after a change in which the figure of its base time may be given
# An earlier level of the same thing, in the sentence after a change: "Inflation had stood at 5.8% in March".
_HAD_STOOD = patterns.compile(r"(?i)\bhad\s+(?:stood|been|reached|peaked|run)\s+(?:at\s+)?(?:about\s+|around\s+)?$")
# A change named as the time of another: "after the first increase", "since the cut", "following a rise".
_AFTER_EVENT = patterns.compile(r"(?i)\b(?:after|since|before|following|despite|amid)\s+(?:the|a|an|its|their|this|that)\s+"
                                r"(?:[\p{L}-]+\s+)?$")
# What opens a clause after a change: its words are that clause's, not the change's.
_LATER_CLAUSE = patterns.compile(r"(?i)[;:]|(?:,|\s[—–])\s*(?:and|but|while|whereas|as|when|after|because|since|although|"
                                 r"though|which|who)\b")  # "..., to £27,800 — but prices rose by about 30%"
_COORDINATED = patterns.compile(r"(?i)\b(?:and|but)\s+(?:[\p{L}]+\s+)?$")
_OBJECT_OF = patterns.compile(r"(?i)\bof\s+(?:the\s+|its\s+|their\s+|an?\s+)?$")
# "the increase", "this modest rise", "This is a modest adjustment": a change noun that refers back
_ANAPHOR_DETERMINER = patterns.compile(r"(?i)\b(?:the|this|that|these|those|such|its|their|it|(?:this|that|it)\s+"
                                       r"(?:is|was|will\s+be|would\s+be)\s+an?)\s+(?:[\p{L}-]+\s+)?$")
_MAX_VERB_DISTANCE = 150
_SUBJECT_WORDS = 12  # words before a change in which the thing a lede named may be named again
_ON_REACH = 110  # characters between a change's end and the "on" that names its base
# ", the National Institute of Public Health said on Monday,": who said it, no part of the change's words
_ATTRIBUTION = patterns.compile(r",\s+(?:the\s+)?(?:[\p{L}'’.&-]+\s+){1,8}?(?:said|says|reported|announced|estimated)"
                                r"(?:\s+on\s+\p{Lu}\p{Ll}+|\s+\p{Lu}\p{Ll}+day|\s+today|\s+yesterday)?\s*,")
# "compared with 1,480 in March last year", "against 1,420 a year earlier": a base set at an earlier time.
# "£212.4m (2023: £189.6m)", "9.1p for the year (FY2023: 8.6p)": the figure of an earlier year in brackets, as reports give it
_PRIOR_YEAR_GAP = patterns.compile(r"(?i)(?:\s+(?:for|in|over)\s+(?:the\s+)?(?:\p{L}+\s+)?(?:year|period|quarter|half|(?:19|20)\d\d))?"
                                   r"\s*\(\s*(?:FY\s?)?(?:19|20)\d\d(?:[/–-]\d\d(?:\d\d)?)?\s*:\s*")
# "38 league goals in 46 matches": the figure after "in" frames the one before it
_FRAME_BEFORE = patterns.compile(r"\d[\p{L}\s]{0,20}\bin\s+$")
_ELSEWHERE = patterns.compile(r"(?i)\W*(?:elsewhere|by\s+contrast|in\s+contrast|meanwhile|in\s+other\s+[\p{L}]+)\b")
_COMPARED_BEFORE = patterns.compile(r"(?i)\b(?:compared\s+(?:with|to)|against|versus)\s+(?:the\s+)?$")
_PAST_AFTER = patterns.compile(
    r"(?i)\s*(?:in\s+(?:[\p{L}]+\s+){0,6}?(?:last\s+year|(?:19|20)\d\d)|(?:a|one|two|three|\d+)\s+(?:years?|months?|weeks?|"
    r"quarters?|decades?)\s+(?:earlier|ago|before)|(?:(?:at|by)\s+the\s+(?:end|close|start)\s+of\s+)?(?:in\s+)?(?:the\s+)?(?:last|previous|prior)\s+"
    r"(?:(?:[\p{L}]+|\d+)\s+(?=(?:years|months|weeks|quarters|days)\b))?"  # "in the previous twelve months"
    r"(?:years?|months?|weeks?|quarters?|days|season|winter|spring|summer|autumn|term|period|session)|(?:(?:in|during|over)\s+)?the\s+(?:[\p{L}]+\s+){1,2}before|(?:(?:in|over|during)\s+)?the\s+same\s+(?:periods?|months?|quarters?|weeks?)\s+(?:of\s+|a\s+year\s+)?(?:last\s+year|earlier|ago))\b")
# "£2.59 in April against £2.68 in October": two figures each of a month, the one set against the other its base
_IN_MONTH = patterns.compile(r"(?i)\s+(?:in|at\s+the\s+(?:end|start|beginning)\s+of)\s+(?:January|February|March|April|May|June|July|August|September|October|"
                             r"November|December)\b(?!\s+\d)")
_NOUN_THEN_CHANGE = patterns.compile(r"(?i)(?:\s+in\s+[\p{L}-]+(?:\s+[\p{L}-]+)?)?\s*,?\s*(?:from\s+)?")
# "..., or about $950,000 a month", "..., about 6.3 per seat": a figure restated as a rate after a comma
_APPOSED_GAP = patterns.compile(r"(?i)[^;.]{0,80},\s*(?:or\s+)?")
_PER_AFTER = patterns.compile(r"(?i)\s+(?:per|a|an|each)\s+[\p{L}]+")
# "$2.31 per gallon of jet fuel (61 cents a liter)": the thing measured, then the figure in other units
_OF_THING_PAREN = patterns.compile(r"\s+of\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+\s*\(\s*(?:about\s+|around\s+|roughly\s+)?")
_AND_BETWEEN = patterns.compile(r"\s+and\s+")
_OWN_OBJECT = patterns.compile(r"(?i)\s+(?:its|the|their|his|her|our)\s")
_RELATIVE = patterns.compile(r"(?i),\s+(?:which|who)\b")
# "was £395 this year, a drop of": a level, its time, then the size of its change
_SIZE_AFTER_LEVEL = patterns.compile(r"(?i)(?:\s+(?:this|last)\s+(?:year|month|week|season|quarter))?,\s*(?:an?\s+)?"
                                     r"(?:[\p{L}-]+\s+)?")
# Between a change word and the figure it moved: "rose to", "climbed 4% to", "reached".
_VERB_RIGHT_BEFORE = patterns.compile(r"(?i)[^,;.]{0,25}")
# "15% more than the £3.7 million", "12% higher than last year's 41,000": a size, a comparative, the base.
_MORE_THAN_BEFORE = patterns.compile(
    r"(?i)\d[\d.,]*\s*(?:%|per\s*cent|percent)\s+(?P<word>more|higher|greater|bigger|larger|less|lower|fewer|smaller)"
    r"\s+than\s+(?:(?:the|its|their)\s+)?(?:[\p{L}\d]+['’]s?\s+)?$")
_MORE_THAN_GAP = patterns.compile(r"[^.;:()]{0,30}?,\s*(?:or\s+|about\s+|some\s+|nearly\s+|almost\s+)?")
_LESS = frozenset({"less", "lower", "fewer", "smaller"})
# What a change word says changed, after it: "a 35% rise in annual pre-tax profit".
_NAMED_AFTER = patterns.compile(r"(?i)\s+(?:in|of)\s+(?P<what>(?:[\p{L}-]+\s*){1,5})")
# Between a change verb and the change noun it takes as object: "reduces the total elevation gain".
_OBJECT_BETWEEN = patterns.compile(r"(?i)\s+(?:the|its|their|this|that|these|those|his|her|our)\s+(?:[\p{L}-]+\s+){0,3}")
_COMPARED_REACH = 120  # characters between a figure and the "compared with" that gives its earlier level
# A clause with a subject of its own: the change word after it is that subject's, not the figure's before it.
_NEW_SUBJECT = patterns.compile(r"(?i),\s*(?:when|after|because|since|where|which|who|whereas|although|while|but)\s+"
                                r"(?:the|its|their|his|her|a|an|they|he|she|this|these)\b")
# Between a change and a size set after it as an apposition: a few words of its own, then a comma.
_APPOSED = patterns.compile(r"(?i)(?:\s+(?!(?:and|but|while|whereas|which|who|with)\b)[\p{L}]+){0,6}\s*,\s*")
_PARTICIPLE_LEAD = patterns.compile(r"[^.;:]{0,40},\s*")
# "add 50 soldiers to its 1,150-strong contingent ..., bringing it to 1,200": what is added, to what, and the end
_BRINGING = frozenset({"bringing", "taking", "raising", "lifting", "pushing", "boosting"})
_BROUGHT_TO = patterns.compile(rf"(?i)(?P<verb>{'|'.join(sorted(_BRINGING))})\s+"
                               r"(?:it|them|its\s+[\p{L}-]+|their\s+[\p{L}-]+|the\s+(?:total|number|[\p{L}-]+)"
                               r"(?:\s+(?:to|of)\s+[\p{L}-]+)?)\s+(?:up\s+)?to\s+(?:about\s+|around\s+|some\s+)?")
_ADDING = patterns.compile(r"(?i)\b(?:add|adds|adding|added|send|sends|sending|deploy|deploys|deploying|contribute|"
                           r"contributes|contributing|another|a\s+further|an\s+extra|an\s+additional)\s+$")
_ADDED_TO = patterns.compile(r"(?i)\bto\s+(?:its|their|the|a|an)\s+$")
# "the chance of a quarter-point cut in February at about 20 per cent, down from 35": a change spoken of
_CONTEXT_REACH = 4  # sentences after a change in which a change noun referring back ("the increases") is its own
_CALLED_REACH = 6  # ... and a verdict on it ("This is a modest adjustment", "described the cut as") is
_CALLED_BACK = patterns.compile(r"(?i)\b(?:(?:this|that|it)\s+(?:is|was|will\s+be|would\s+be)\s+an?\s+(?:[\p{L}-]+\s+)?|"
                                r"(?:described|describes|called|calls|termed|labelled|labeled|characteri[sz]ed)\s+"
                                r"(?:the|this|that)\s+)$")
_WHETHER = patterns.compile(r"(?i)\bwhether\b")
_MEASURE_ADJECTIVES = frozenset({"total", "overall", "combined"})  # "total lending": a modifier, not the measure
_MEASURE_VERBS = frozenset({"stood", "came", "hit", "comes", "stands", "reaches", "hits", "topped", "tops"})
_SPOKEN_OF = patterns.compile(r"(?i)\bof\s+an?\s+$")


# A past time or a start stamping a figure, and the present stamping the next sentence's: "began in 2022 with
# 1,200 personnel. It now numbers 2,700"; "In August last year, 96,400 ... By July this year, the list had reached"
_THEN = patterns.compile(r"(?i)\b(?:began|begun|started|launched|opened|(?:in|since)\s+(?:19|20)\d\d|last\s+(?:year|month|"
                         r"week|season|spring|summer|autumn|winter)|(?:a|one|two|three|five|ten)\s+years?\s+ago)\b")
_NOW = patterns.compile(r"(?i)\b(?:now|today|currently|this\s+(?:year|month|week|season)|(?:has|had|have)\s+(?:now\s+)?"
                        r"(?:reached|risen|grown|fallen|climbed|dropped|swelled|shrunk))\b")
# "The figure fell to 45,000": a generic word opening a sentence, a change verb, "to"
_GENERIC_MOVED_TO = patterns.compile(
    r"\s*(?:The|That|This)\s+(?:figure|number|total|tally|count|level)\s+(?:has\s+|had\s+)?"
    r"(?P<verb>fell|fallen|dropped|rose|risen|climbed|increased|decreased|grew|grown|shrank|slipped|jumped)"
    r"\s+to\s+")
_UP_FROM_RIGHT_BEFORE = patterns.compile(r"(?i),\s*(?:up|down)\s+from\s+$")
_THAN_AFTER = patterns.compile(r"(?i)\s+than\b")
_SIZE_GAP = patterns.compile(r"(?i)[^,;.]{0,40},\s*(?:an?\s+)?")  # " by 6pm on Monday, a " before "drop of 75%"
_LAST_YEAR = patterns.compile(r"(?i)\blast\s+year\b")
_LONG_AGO = patterns.compile(r"(?i)\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:years|decades?)\s+ago|"
                             r"in\s+(?:19|20)\d\d)\b")
_LATER_STAMP = patterns.compile(r"(?i)\b(?:now|today|currently|this\s+(?:year|month|week|season)|(?:has|had|have)\s+|"
                                r"last\s+year\b)")  # where _NOW or _LAST_YEAR may match: a first look
_NOW_STARTS = first_words(["now", "today", "currently", "this", "has", "had", "have", "last"])
# A sentence that opens on the base of the figure before it: "That compared with 1.57 billion the year before"
_THAT_COMPARED = patterns.compile(r"(?i)(?:that|this|it)\s+(?:compared|compares|was\s+compared|is\s+compared)\s+(?:with|to)\s+")
_THAT_COMPARED_STARTS = first_words(["that", "this", "it"])
# "we've cut the waiting list by ": a verb of change, its object, then "by" and the size
_VERB_OBJECT_BY = patterns.compile(r"(?i)\b(?P<verb>cut|reduced|lowered|slashed|trimmed|raised|increased|boosted|lifted)"
                                   r"\s+(?P<object>(?:the|its|their|our|this|that)(?:\s+[\p{L}-]+){1,3}?)\s+by\s+"
                                   r"(?:(?:about|around|almost|nearly|more\s+than|over)\s+)?$")
_SINCE_AFTER = patterns.compile(r"(?i)\s+(?:since|from|compared|over\s+the\s+(?:last|past)\s+\d)")  # a base of its own
# "That is an ", "This represents a ", "The report describes this as an ": a sentence calling the change before it
_CALLS_IT = patterns.compile(r"(?i)(?:(?:that|this|it)\s+(?:is|was|represents|represented|amounts\s+to|amounted\s+to|"
                             r"marks|marked)|(?:the|its|a)\s+(?:[\p{L}-]+\s+){1,4}?(?:describes|described|calls|called)"
                             r"\s+(?:this|that|it)\s+as)\s+(?:an?\s+)?")
_FIGURE_WAS_CUE = patterns.compile(r"(?i)(?:figure|number|total|tally|count|level|they|it)\s+"
                                    r"(?:(?:for|in)\s+(?:[\p{L}\d]+\s+){1,5}?)?(?:was|were|stood|had)\b")
_FIGURE_WAS_STARTS = first_words(["figure", "number", "total", "tally", "count", "level", "they", "it"])
_NOW_WORD = patterns.compile(r"(?i)now|today|currently|this|year|month|week|season|has|had|have|reached")
# "In 2023 the figure was 18,400", "A year earlier, the total stood at": a generic word giving an earlier level
# ... or "The comparable figure for the previous twelve months was 212"
_FIGURE_WAS = patterns.compile(r"(?i)\b(?:(?:the|that)\s+(?:comparable\s+|equivalent\s+|same\s+)?(?:figure|number|total|tally|"
                               r"count|level)(?:\s+(?:for|in)(?:\s+[\p{L}\d]+){1,5}?)?|they|it)\s+"
                               r"(?:was|were|stood\s+at|had\s+been)\s+(?:about\s+|around\s+|just\s+|only\s+)?$")
_EARLIER_TIME = patterns.compile(r"(?i)\b(?:in\s+(?:19|20)\d\d|(?:a|one|the)\s+(?:year|month|week|season)\s+(?:earlier|before)|"
                                 r"last\s+(?:year|month|week|season)|the\s+(?:previous|prior)\s+(?:(?:[\p{L}]+|\d+)\s+)?(?:years?|months?|weeks?|season)|"
                                 r"at\s+the\s+(?:start|end|beginning)\s+of\s+(?:January|February|March|April|May|June|July|"
                                 r"August|September|October|November|December))\b")
_TIMED_CLAUSE = patterns.compile(r"(?i)\s*(?:(?:last|this)\s+(?:year|month|week|season|quarter)|(?:in|by)\s+(?:19|20)\d\d|now|today)\b")
# "from 1,840 last fall to 1,290": the season, not a change word between the two figures
_SEASON_FALL = patterns.compile(r"(?i)\b(?:last|this|next|early|late)\s+fall\b")
# "in each of its five year groups": the set a figure is spread over, not a figure that changed.
_DISTRIBUTIVE = patterns.compile(r"(?i)\b(?:each|every\s+one|all)\s+of\s+(?:the|its|their|our|his|her)\s+$")


def _bare(q: Quantity) -> bool:
    return q.unit == "" and (q.noun is None or q.noun_inferred) and not q.age


def _lends(source: Quantity, bare: Quantity) -> bool:
    """True when ``bare`` may take ``source``'s unit: not a length of time when it was read as a count of things.

    "From 12 weeks to 8" lends weeks to 8; "up to 210 pupils ... in its five
    year groups, up from 168" does not make 168 (a count of pupils, by the
    noun it borrowed) a number of years.
    """
    if source.unit_text and any(c.isdigit() for c in source.unit_text):
        return False  # "from 66 years and four months to 67": 67 is in years, not the compound's months
    return not (bare.noun_inferred and bare.noun and source.unit in TIME_UNITS)


def align(first: Quantity, second: Quantity) -> tuple[Quantity, Quantity] | None:
    """Two figures of one change in one unit, or None when they cannot be compared.

    A bare number takes its partner's unit ("from 52 hours a week to 40"), and
    a figure without a per-unit takes its partner's ("from 28 cents per watt to
    15 cents"); a figure that counts things takes no length of time.
    """
    if first.vague or second.vague or first.value is None or second.value is None or first.age or second.age:
        return None
    if first.per != second.per and not (_bare(first) or _bare(second)):
        if first.unit == second.unit and (first.per is None) != (second.per is None) and \
                max(abs(first.value), abs(second.value)) <= _PER_LENT * min(abs(first.value), abs(second.value)):
            # "$2.14 a share ..., up 34% from $1.72": a base of the same order takes the amount's per-unit
            per = first.per or second.per
            return replace(first, per=per), replace(second, per=per)
        return None  # "$412 million, or $1.27 a share, up from $268 million": a total and an amount a share
    if first.unit == second.unit:
        return first, second
    if any(_bare(q) and abs(q.value or 0) > 100 for q in (first, second)) and \
            {first.unit, second.unit} & {"percent", "percentage_point"}:
        return None  # "16,440 of 42,150 (39.0%), down from 43.2%": no bare number past 100 is a percentage
    if _bare(second):
        return (first, replace(second, unit=first.unit, unit_text=first.unit_text)) if _lends(first, second) else None
    if _bare(first):
        return (replace(first, unit=second.unit, unit_text=second.unit_text), second) if _lends(second, first) else None
    if second.unit and first.unit.startswith(second.unit + " /"):
        return first, replace(second, unit=first.unit)
    if first.unit and second.unit.startswith(first.unit + " /"):
        return replace(first, unit=second.unit), second
    return None


def _owners_first(text: str, sentence: Span, candidates: list[Quantity], base: Quantity) -> list[Quantity]:
    """The candidates for what a named owner's base became: those its owner's name goes with, when any does.
    "Labor's Rebecca Nguyen won 52.8 per cent ... to 47.2 per cent for the Liberals' Tom Gallagher, a swing of
    3.1 points from Labor's 55.9 per cent" is Labor's 52.8, never the Liberals' 47.2."""
    owner = _OWNER_RIGHT_BEFORE.search(text, max(sentence.start, base.span.start - 30), base.span.start)
    if owner is None:
        return candidates
    named = [y for y in candidates if owner["owner"] in text[max(sentence.start, y.span.start - 40):y.span.start]]
    return named or candidates


def _thing_named_after(text: str, size: StatedSize, end: int | None = None) -> set[str] | None:
    """The content words of what a size names after it ("a 22 per cent increase in click-and-collect orders"),
    or None when it names nothing."""
    named = _NAMED_AFTER.match(text, max(size.anchor.end, size.span.end), len(text) if end is None else end)
    return None if named is None else {lemma(w.group()) for w in WORD.finditer(named["what"])} - STOP_WORDS


def _time_between(quantity: Quantity) -> bool:
    """True for a length of time that may stand inside "from X ... to Y": "in the first six months of"."""
    return quantity.unit in TIME_UNITS and not quantity.age


def _other_things(y: Quantity, x: Quantity) -> bool:
    """True when both figures name what they count, and not alike: "two local firms" did not become
    "900 donors" ("a crowdfunding appeal that raised £31,000 from more than 900 donors")."""
    if not (y.noun and x.noun) or y.noun_inferred or x.noun_inferred:
        return False
    return lemma(y.noun.split()[-1]) != lemma(x.noun.split()[-1])


def _within_tenfold(first: Quantity, second: Quantity) -> bool:
    """True when two figures are less than ten times apart (in their units' base, when they align)."""
    aligned = align(first, second)
    ratio = value_ratio(aligned[0].value or 0, aligned[1].value or 0) if aligned else None
    return ratio is None or ratio < 10


_SLIP_LIMIT = 1000  # how far apart a change's ends may be, when no end within ten times of its base is given


def _context_through(change: Change, end: int) -> Span:
    """A change's context run on to ``end``, where a later sentence gives its size."""
    context = change.context or change.span
    return Span(context.start, max(context.end, end))


def _of_an_order(first: Quantity, second: Quantity) -> bool:
    """True when two figures, neither of them zero, are at most ten times apart."""
    ratio = value_ratio(first.value or 0, second.value or 0)
    return ratio is not None and ratio <= 10


def _spans_of_changes(changes: Sequence[Change]) -> set[Span]:
    """Where the figures of ``changes`` stand: their starts, ends and stated sizes."""
    return {q.span for c in changes for q in (c.before, c.after, c.by) if q is not None}


def _told_apart(noun: str, first: list[str], second: list[str]) -> bool:
    """True when a noun both subjects share comes with a different word before it in each ("sewer rates",
    "meter rates"): two things of a kind, not one."""
    def modifier(words: list[str]) -> str | None:
        if noun not in words:
            return None  # named only by a figure's noun
        at = words.index(noun)
        return words[at - 1] if at and words[at - 1] not in STOP_WORDS else None
    before, after = modifier(first), modifier(second)
    return before is not None and after is not None and before != after


def _time_words(phrase: str) -> frozenset[str]:
    """The content words of a time phrase, as lemmas: "the previous 12 months" → {previous, 12, month}."""
    return frozenset(lemma(w) for w in _TIME_WORD.findall(phrase.lower()) if w not in STOP_WORDS)


def _relative_clause(text: str, start: int, end: int) -> Span | None:
    """The relative clause (", which cost him £650 a tonne in 2023,") between ``start`` and ``end``, if any."""
    relative = _RELATIVE.search(text, start, end)
    if relative is None:
        return None
    closing = text.find(",", relative.end(), end)
    return Span(relative.start(), end if closing < 0 else closing)


class ChangeReader:
    """Finds the changes of one document."""

    def __init__(self, lexicon: RelateLexicon) -> None:
        self.lexicon = lexicon
        self.sizes = SizeReader(lexicon)
        self._contexts: dict[int, Span] = {}  # by sentence index, for the document being read
        self._orphans: list[tuple[Quantity, int]] = []  # "has edged up from 5.9 million": no end in its sentence
        self._compared: set[int] = set()  # the starting figures of changes read from "compared with"
        self._prior_years: set[int] = set()  # the starting figures read from "(2023: £189.6m)"
        self._quantity_starts: tuple[Sequence[Quantity], list[int]] | None = None
        self._change_words = Occurrences(())  # of the document being read
        # "an 18 per cent rise in standalone net profit to": a change noun and what it is in, before "to"
        self._noun_in_to = patterns.compile(rf"(?i)\b(?:{phrase_source(sorted(lexicon.change_nouns))})\s+in\s+"
                                            rf"(?:[\p{{L}}-]+\s+){{1,4}}to\s*$")

    def find(self, document: Document, quantities: Sequence[Quantity]) -> list[Change]:
        """Every change in the document, in text order."""
        self._contexts = {}
        self._orphans = []
        self._compared = set()
        self._prior_years = set()
        self._change_words = self.sizes.change_words(document.text)
        sentences = Sentences.of(document)
        by_sentence: dict[int, list[Quantity]] = {}
        for quantity in quantities:
            by_sentence.setdefault(sentences.index(quantity.span.start), []).append(quantity)
        changes: list[Change] = []
        for index, members in by_sentence.items():
            sentence = sentences.span(members[0].span.start)
            changes += self._in_sentence(document, sentence, members, index)
        changes += self._ends_before(document, sentences, quantities, changes)
        changes += self._bases_after(document, quantities, changes)
        for reader in (self._bases_of_time, self._then_now_across, self._figure_was_before, self._moved_from_before,
                       self._added_to, self._compared_next):
            changes += reader(document, quantities, changes)
        changes.sort(key=lambda c: c.span.start)
        changes = self._sized_next(document, sentences, changes, quantities)
        changes = self._sized_by_name(document, sentences, changes, quantities)
        return self._with_ledes(document, sentences, changes, quantities)

    def _sized_by_name(self, document: Document, sentences: Sentences, changes: list[Change],
                       quantities: Sequence[Quantity]) -> list[Change]:
        """Changes sized later by a verb whose object names what changed: "The waiting list stood at 7.2 million,
        down from 7.6 million. ... 'In six months we've cut the waiting list by 18%,' he said."

        The one earlier change with both ends and no size, whose words before it name the object's noun and
        whose direction the verb shares, takes the size; a clause dating the size ("since 2022") keeps it apart.
        """
        text = document.text
        if " by " not in text:
            return changes
        out = list(changes)
        for size in quantities:
            if size.unit != "percent" or size.value is None or "by " not in text[max(0, size.span.start - 20):size.span.start]:
                continue  # the pattern needs "by" before the size: most sizes have none
            verb = _VERB_OBJECT_BY.search(text, max(0, size.span.start - 60), size.span.start)
            if verb is None or _SINCE_AFTER.match(text, size.span.end):
                continue
            direction = self.lexicon.change_direction.get(verb["verb"].lower(), 0)
            thing = lemma(verb["object"].split()[-1].lower())
            named = [i for i, c in enumerate(out) if c.span.end <= verb.start() and c.before is not None
                     and c.by is None and c.factor is None and c.direction == direction
                     and thing in self._subject_words(document, sentences, c)]
            if len(named) != 1:
                continue
            change = out[named[0]]
            out[named[0]] = replace(change, by=size, verb=verb["verb"].lower(),
                                    verb_span=Span(verb.start("verb"), verb.end("verb")),
                                    context=_context_through(change, sentences.span(size.span.start).end))
        return out

    @staticmethod
    def _subject_words(document: Document, sentences: Sentences, change: Change) -> set[str]:
        """The lemmas of a change's sentence before its first figure: what it says changed."""
        sentence = sentences.span(change.span.start)
        first = min(q.span.start for q in (change.before, change.after) if q is not None)
        return {lemma(w.group().lower()) for w in WORD.finditer(document.text, sentence.start, first)}

    def _sized_next(self, document: Document, sentences: Sentences, changes: list[Change],
                    quantities: Sequence[Quantity]) -> list[Change]:
        """Changes sized by the next sentence, which opens by calling the change a rise of some size: "...,
        against 1.24 million in the previous twelve months. That is an increase of 35 per cent", "The report
        describes this as an increase of 35 per cent".

        Only a change with no size of its own, alone in its sentence, takes it.
        """
        text = document.text
        by_sentence: dict[int, list[int]] = {}
        for i, change in enumerate(changes):
            by_sentence.setdefault(sentences.index(change.span.start), []).append(i)
        out = list(changes)
        for index, members in by_sentence.items():
            change = changes[members[0]]
            if len(members) != 1 or change.by is not None or change.factor is not None or change.before is None \
                    or index + 1 >= len(document.sentences):
                continue
            following = document.sentences[index + 1]
            opener = _CALLS_IT.match(text, following.start, following.end)
            if opener is None:
                continue
            size = next((z for z in self._sizes_in(text, following, quantities)
                         if z.amount is not None and z.after_word and z.anchor.start == opener.end()), None)
            if size is None or self.lexicon.change_direction.get(size.anchor_word, 0) not in (0, change.direction):
                continue
            out[members[0]] = replace(change, by=size.amount, verb=size.anchor_word, verb_span=size.anchor,
                                      context=_context_through(change, following.end))
        return out

    def _ends_before(self, document: Document, sentences: Sentences, quantities: Sequence[Quantity],
                     changes: list[Change]) -> list[Change]:
        """Changes whose end the sentence before gives: "The list stood at 7.6 million. The list has edged
        up from 5.9 million."

        A "from" with no end in its own sentence takes the one figure of the
        sentence before in its unit that no change has taken, when the
        subject before the change word names that sentence's subject (or is
        "it").
        """
        text = document.text
        taken = {q.span for c in changes for q in (c.before, c.after) if q is not None}
        found = []
        for x, index in self._orphans:
            if index == 0:
                continue
            verb = self.lexicon.change_before.search(text, max(0, x.span.start - 40), x.span.start)
            word = self.lexicon.change_word.search(text, verb.start(), x.span.start) if verb else None
            if word is None:
                continue
            previous = document.sentences[index - 1]
            starts = self._starts(quantities)
            window = quantities[bisect.bisect_left(starts, previous.start):bisect.bisect_left(starts, previous.end)]
            earlier = [q for q in window if q.span not in taken and align(q, x) is not None and not q.vague]
            earlier = [q for q in earlier if q.unit == x.unit] or earlier  # figures in its own unit first
            if len(earlier) != 1:
                continue
            sentence = document.sentences[index]
            subject = [lemma(w.group()) for w in WORD.finditer(text, sentence.start, word.start())]
            subject = [w for w in subject if w not in STOP_WORDS and not self.lexicon.change_word.fullmatch(w)]
            named = {lemma(w.group()) for w in WORD.finditer(text, previous.start, earlier[0].span.start)}
            if not (subject and (subject[-1] in named or subject[-1] == "it")) or len(subject) > 3:
                continue
            aligned = align(x, earlier[0])
            assert aligned is not None
            verb_word = word.group().lower()
            found.append(Change(span=Span(earlier[0].span.start, x.span.end), after=aligned[1], before=aligned[0],
                                direction=self.lexicon.change_direction.get(verb_word, 0), verb=verb_word,
                                verb_span=Span(word.start(), word.end()),
                                context=Span(previous.start, self._context(document, index).end)))
        return found

    def _bases_of_time(self, document: Document, quantities: Sequence[Quantity],
                       changes: list[Change]) -> list[Change]:
        """Changes sized against a time whose figure a later sentence gives: "handled 7.13 million passengers in
        the year to March, up 21% on the previous 12 months. ... carried 6.2 million passengers in the previous
        12 months".

        The base is the one figure in the change's unit, within the next
        few sentences, that the same time phrase stamps ("in the previous 12
        months"), in no change of its own.
        """
        text = document.text
        taken = _spans_of_changes(changes)
        by_start = {q.span.start: q for q in quantities}
        starts = self._starts(quantities)
        found = []
        for y in quantities:
            if y.span in taken or y.value is None or y.vague or " on " not in text[y.span.end:y.span.end + 60]:
                continue
            sized = _SIZE_ON_TIME.match(text, y.span.end)
            size = by_start.get(sized.start("size")) if sized else None
            if sized is None or size is None or size.unit != "percent":
                continue
            time = _time_words(sized["time"])
            index = document.sentence_index(y.span.start)
            last = document.sentences[min(len(document.sentences) - 1, index + _TIME_BASE_REACH)]
            window = quantities[bisect.bisect_left(starts, sized.end()):bisect.bisect_left(starts, last.end)]
            bases = [x for x in window if x.span not in taken and align(x, y) is not None
                     and (stamp := _IN_TIME.match(text, x.span.end)) is not None and _time_words(stamp["time"]) == time]
            if len(bases) != 1:
                continue
            aligned = align(bases[0], y)
            assert aligned is not None
            word = sized["dir"].lower()
            found.append(Change(span=Span(y.span.start, size.span.end), after=aligned[1], before=aligned[0], by=size,
                                direction=self.lexicon.change_direction.get(word, 0), verb=word,
                                verb_span=Span(sized.start("dir"), sized.end("dir")),
                                context=Span(document.sentences[index].start, last.end)))
        return found

    def _then_now_across(self, document: Document, quantities: Sequence[Quantity],
                         changes: list[Change]) -> list[Change]:
        """A level at an earlier time, then the level now in the next sentence: "The mission began in 2022 with
        1,200 personnel. It now numbers 2,700." A change no word names; its context may describe it.

        The earlier sentence must stamp its one figure in the unit with a past
        time ("in 2022", "last year") or a start ("began with"), the next one
        its first figure in that unit with the present ("now", "this year",
        "had reached"), and the next one's subject must be a pronoun or a
        word of the earlier sentence. Neither figure may be in a change.
        """
        text, sentences = document.text, document.sentences
        taken = _spans_of_changes(changes)
        starts = self._starts(quantities)
        found = []
        present = [m.start() for m in word_index(text).finditer(_LATER_STAMP, _NOW_STARTS)]  # few sentences have one
        for index in range(len(sentences) - 1):
            then_sentence, now_sentence = sentences[index], sentences[index + 1]
            first = bisect.bisect_left(present, now_sentence.start)
            if first == len(present) or present[first] >= now_sentence.end or \
                    not _THEN.search(text, then_sentence.start, then_sentence.end):
                continue
            now = self._figures_in(quantities, starts, now_sentence)
            if not now or now[0].span in taken:
                continue
            after = now[0]
            then = [q for q in self._figures_in(quantities, starts, then_sentence) if align(q, after) is not None
                    and _of_an_order(q, after)]
            if len(then) != 1 or then[0].span in taken:
                continue  # "began in 2022 with 1,200 personnel drawn from eleven member states": one of its order
            before = then[0]
            aligned = align(before, after)
            if aligned is None or before.noun and after.noun and lemma(before.noun) != lemma(after.noun) \
                    and not after.noun_inferred:
                continue
            if not _THEN.search(text, then_sentence.start, before.span.start) or \
                    not self._later(text, Span(now_sentence.start, after.span.start), then_sentence):
                continue  # the times stamp these figures, not others of their sentences
            if not self._same_subject(text, then_sentence, now_sentence, after):
                continue
            change = self._unworded(document, index, *aligned)
            found.append(self._sized_after_base(document, now_sentence, quantities, change, after, _SIZE_GAP))
        return found

    def _figure_was_before(self, document: Document, quantities: Sequence[Quantity],
                           changes: list[Change]) -> list[Change]:
        """ "Builders finished 21,900 homes in 2024. In 2023 the figure was 18,400": the next sentence gives the
        level at an earlier time through a generic word ("the figure", "the total"); the change runs from it."""
        text, sentences = document.text, document.sentences
        taken = _spans_of_changes(changes)
        starts = self._starts(quantities)
        found = []
        cues = [m.start() for m in word_index(text).finditer(_FIGURE_WAS_CUE, _FIGURE_WAS_STARTS)]
        for index in range(len(sentences) - 1):
            now_sentence, then_sentence = sentences[index], sentences[index + 1]
            first = bisect.bisect_left(cues, then_sentence.start)
            if first == len(cues) or cues[first] >= then_sentence.end:
                continue  # most sentences give no level through "the figure was" or "they were"
            then = [q for q in self._figures_in(quantities, starts, then_sentence) if q.span not in taken
                    and _FIGURE_WAS.search(text, max(then_sentence.start, q.span.start - 80), q.span.start)]
            if len(then) != 1 or not _EARLIER_TIME.search(text, then_sentence.start, then[0].span.start):
                continue
            before = then[0]
            now = self._sole_partner(quantities, starts, now_sentence, before, taken)
            if now is None and index and not any(align(q, before) for q in self._figures_in(quantities, starts,
                                                                                             now_sentence)):
                # "... showed 318 burglaries in the twelve months to September. Much of the rise was ... The
                # comparable figure for the previous twelve months was 212": a sentence of no such figure between
                index -= 1
                now = self._sole_partner(quantities, starts, sentences[index], before, taken)
            if now is None:
                continue
            aligned = align(before, now)
            assert aligned is not None
            change = self._unworded(document, index, *aligned)
            found.append(self._sized_after_base(document, then_sentence, quantities, change))
        return found

    def _compared_next(self, document: Document, quantities: Sequence[Quantity], changes: list[Change]) -> list[Change]:
        """ "Passenger numbers soared in the year to March, with 1.61 billion journeys made. That compared with
        1.57 billion journeys the year before": the next sentence opens on the base of the figure before."""
        text, sentences = document.text, document.sentences
        taken = _spans_of_changes(changes)
        starts = self._starts(quantities)
        found = []
        for opener in word_index(text).finditer(_THAT_COMPARED, _THAT_COMPARED_STARTS):
            index = document.sentence_index(opener.start())
            if index == 0 or sentences[index].start != opener.start():
                continue
            before = self._figure_at(quantities, starts, opener.end())
            if before is None or before.span in taken:
                continue
            now = self._sole_partner(quantities, starts, sentences[index - 1], before, taken)
            if now is None:
                continue
            aligned = align(before, now)
            assert aligned is not None
            found.append(self._unworded(document, index - 1, *aligned))
        return found

    def _sized_after_base(self, document: Document, sentence: Span, quantities: Sequence[Quantity],
                          change: Change, figure: Quantity | None = None, gap: patterns.LazyPattern | None = None
                          ) -> Change:
        """The change with the size set right after its base (or ``figure``), when one is: "At the start of April
        they were 82%, a drop of 21 percentage points"."""
        figure = figure or change.before
        assert figure is not None
        for size in self._sizes_in(document.text, sentence, quantities):
            # "82%, a drop of 21 percentage points" (the size after its word); "$412,000, a 25% jump" (before it)
            opens = size.anchor.start if size.after_word else size.span.start
            if size.amount is None or not (gap or _SIZE_AFTER_LEVEL).fullmatch(document.text, figure.span.end, opens):
                continue
            if self.lexicon.change_direction.get(size.anchor_word, 0) in (0, change.direction):
                return replace(change, by=size.amount, verb=size.anchor_word, verb_span=size.anchor)
        return change

    def _moved_from_before(self, document: Document, quantities: Sequence[Quantity],
                           changes: list[Change]) -> list[Change]:
        """ "About 120,000 properties had lost supply. The figure fell to 45,000 by 6pm on Monday, a drop of 75%":
        a generic word's move to a figure, whose start is the one figure of the sentence before in its unit."""
        text, sentences = document.text, document.sentences
        taken = _spans_of_changes(changes)
        starts = self._starts(quantities)
        found = []
        for index in range(1, len(sentences)):
            sentence = sentences[index]
            moved = _GENERIC_MOVED_TO.match(text, sentence.start, sentence.end)
            if moved is None:
                continue
            after = next((q for q in self._figures_in(quantities, starts, sentence) if q.span.start == moved.end()),
                         None)
            if after is None or after.span in taken:
                continue
            base = self._sole_partner(quantities, starts, sentences[index - 1], after, taken)
            if base is None:
                continue
            aligned = align(base, after)
            assert aligned is not None
            word = moved["verb"].lower()
            change = Change(span=Span(base.span.start, after.span.end), after=aligned[1], before=aligned[0],
                            direction=self.lexicon.change_direction.get(word, 0), verb=word,
                            verb_span=Span(moved.start("verb"), moved.end("verb")),
                            context=Span(sentences[index - 1].start, self._context(document, index).end))
            found.append(self._sized_after_base(document, sentence, quantities, change, after, _SIZE_GAP))
        return found

    def _added_to(self, document: Document, quantities: Sequence[Quantity], changes: list[Change]) -> list[Change]:
        """ "will add 50 soldiers to its 1,150-strong contingent ..., bringing it to 1,200": from the figure added
        to, by the figure added, to the figure it is brought to; all three in one sentence, none in a change."""
        text = document.text
        taken = _spans_of_changes(changes)
        found = []
        for to in word_index(text).finditer(_BROUGHT_TO, _BRINGING):
            brought = Span(to.start("verb"), to.end("verb"))
            after = self._figure_at(quantities, self._starts(quantities), to.end())
            if after is None or after.span in taken:
                continue
            sentence = document.sentence_at(brought.start)
            earlier = [q for q in self._figures_in(quantities, self._starts(quantities), sentence)
                       if q.span.end <= brought.start and q.span not in taken]
            added = [q for q in earlier if _ADDING.search(text, max(sentence.start, q.span.start - 25), q.span.start)]
            bases = [q for q in earlier if _ADDED_TO.search(text, max(sentence.start, q.span.start - 12), q.span.start)]
            if len(added) != 1 or len(bases) != 1 or added[0].span.start > bases[0].span.start:
                continue
            base, step = bases[0], added[0]
            if align(base, after) is None or align(step, after) is None:
                continue
            found.append(Change(span=Span(step.span.start, after.span.end), after=after, before=base, by=step,
                                direction=1, verb=to["verb"].lower(), verb_span=brought,
                                context=self._context(document, document.sentence_index(brought.start))))
        return found

    @staticmethod
    def _figure_at(quantities: Sequence[Quantity], starts: list[int], start: int) -> Quantity | None:
        """The figure that begins at ``start``, if any (``starts`` are the figures' offsets)."""
        at = bisect.bisect_left(starts, start)
        return quantities[at] if at < len(quantities) and quantities[at].span.start == start else None

    @staticmethod
    def _later(text: str, stretch: Span, then_sentence: Span) -> bool:
        """True when ``stretch`` stamps its figure with the present ("now", "this year"), or with last year
        against a sentence of years ago ("Ten years ago, ... sold for $310,000. Last year it sold for")."""
        if _NOW.search(text, stretch.start, stretch.end):
            return True
        return _LAST_YEAR.search(text, stretch.start, stretch.end) is not None and \
            _LONG_AGO.search(text, then_sentence.start, then_sentence.end) is not None

    def _sole_partner(self, quantities: Sequence[Quantity], starts: list[int], sentence: Span, figure: Quantity,
                      taken: set[Span]) -> Quantity | None:
        """The one figure of ``sentence``, in no change yet, that may be the other end of a change with ``figure``
        (in its unit and of its order); None when there is none or more than one."""
        found = [q for q in self._figures_in(quantities, starts, sentence) if q.span not in taken
                 and align(q, figure) is not None and _of_an_order(q, figure)]
        return found[0] if len(found) == 1 else None

    @staticmethod
    def _figures_in(quantities: Sequence[Quantity], starts: list[int], sentence: Span) -> list[Quantity]:
        """The amounts of a sentence that a change may join: no ages, vague amounts or percentages of a share."""
        inside = quantities[bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)]
        return [q for q in inside if q.value is not None and not q.vague and not q.age]

    @staticmethod
    def _same_subject(text: str, then_sentence: Span, now_sentence: Span, after: Quantity) -> bool:
        """True when what the later sentence says changed is a pronoun ("It now numbers") or a word of the earlier."""
        lead = [w.group().lower() for w in WORD.finditer(text, now_sentence.start, after.span.start)]
        if lead and lead[0] in ("it", "they", "this"):
            return True
        earlier = {lemma(w.group().lower()) for w in WORD.finditer(text, then_sentence.start, then_sentence.end)}
        return any(lemma(w) in earlier for w in lead if w not in STOP_WORDS and not _NOW_WORD.fullmatch(w))

    def _bases_after(self, document: Document, quantities: Sequence[Quantity], changes: list[Change]) -> list[Change]:
        """Changes whose base the next sentence gives as an earlier level: "Inflation eased slightly to 4.1% in
        August. Inflation had stood at 5.8% in March, its peak for the year."

        A figure that a change word moves to ("eased to", "rose 3% to"), in no
        change of its own sentence, takes as its base the one figure in its
        unit that the next sentence says the same subject "had stood at" (or
        "had been", "had reached"); the subject must be named again, or be "it".
        """
        text = document.text
        taken = {q.span for c in changes for q in (c.before, c.after) if q is not None}
        starts = self._starts(quantities)
        found = []
        for y in quantities:
            if y.span in taken or y.vague or y.value is None or "to" not in text[max(0, y.span.start - 6):y.span.start]:
                continue  # most figures have no "to" before them: the change-word search is left for those that do
            if not _TO_BEFORE.search(text, max(0, y.span.start - 6), y.span.start):
                continue
            verb = self.lexicon.change_before.search(text, max(0, y.span.start - 40), y.span.start)
            word = self.lexicon.change_word.search(text, verb.start(), y.span.start) if verb else None
            if word is None:
                continue
            index = document.sentence_index(y.span.start)
            if index + 1 >= len(document.sentences):
                continue
            following = document.sentences[index + 1]
            window = quantities[bisect.bisect_left(starts, following.start):bisect.bisect_left(starts, following.end)]
            earlier = [x for x in window if x.span not in taken and align(x, y) is not None
                       and _HAD_STOOD.search(text, max(following.start, x.span.start - 30), x.span.start)]
            if len(earlier) != 1:
                continue
            x = earlier[0]
            sentence = document.sentences[index]
            subject = {lemma(w.group()) for w in WORD.finditer(text, sentence.start, word.start())} - STOP_WORDS
            again = [lemma(w.group()) for w in WORD.finditer(text, following.start, x.span.start)]
            if not (subject & set(again) or again[:1] == ["it"]):
                continue
            aligned = align(x, y)
            assert aligned is not None
            verb_word = word.group().lower()
            found.append(Change(span=Span(y.span.start, x.span.end), after=aligned[1], before=aligned[0],
                                direction=self.lexicon.change_direction.get(verb_word, 0), verb=verb_word,
                                verb_span=Span(word.start(), word.end()),
                                context=Span(sentence.start, following.end)))
        return found

    def _with_ledes(self, document: Document, sentences: Sentences, changes: list[Change],
                    quantities: Sequence[Quantity] = ()) -> list[Change]:
        """Changes whose context reaches back to a lede that names the change without its figures.

        "Consumer price inflation surged in March. The annual rate reached
        3.2%, up from 3.1%." The lede's change word describes the change of
        the next sentence when the lede states no change of its own, the
        next sentence speaks of the same thing (a pronoun or a generic
        measure such as "the annual rate", or a noun of the lede's subject),
        and the words agree on the direction.
        """
        with_change = {sentences.index(c.span.start) for c in changes}
        out, seen = [], set()
        referred_until = 0  # the end of the sentences that refer back to a change before ("the increase was modest")
        for change in changes:
            index = sentences.index(change.span.start)
            if index in seen or index - 1 in with_change or index == 0 or change.context is None:
                out.append(change)
                referred_until = max(referred_until, change.context.end if change.context else 0)
                continue
            seen.add(index)
            lede = document.sentences[index - 1]
            if "\n\n" in document.text[lede.end:document.sentences[index].start] and \
                    "\n\n" in document.text[:lede.start].strip():
                out.append(change)  # a sentence closing another paragraph is no lede, unless it opens the story
                continue
            later = [document.sentences[i] for i in (index + 1, index + 2)
                     if i in with_change and i < len(document.sentences)]
            if self._lede_describes(document.text, lede, document.sentences[index], change,
                                    refers_back=lede.start < referred_until, later=later):
                change = replace(change, context=Span(lede.start, change.context.end))
                if change.by is None and change.factor is None:
                    change = self._lede_verb_size(document, lede, change, quantities)
            elif change.by is None and change.factor is None:
                change = self._lede_size(document, lede, document.sentences[index], change, quantities)
            out.append(change)
            referred_until = max(referred_until, change.context.end if change.context else 0)
        return out

    def _starts(self, quantities: Sequence[Quantity]) -> list[int]:
        """The start offsets of a document's quantities (in text order), worked out once per document."""
        if self._quantity_starts is None or self._quantity_starts[0] is not quantities:
            self._quantity_starts = (quantities, [q.span.start for q in quantities])
        return self._quantity_starts[1]

    def _sizes_in(self, text: str, sentence: Span, quantities: Sequence[Quantity]) -> list[StatedSize]:
        """The stated sizes of one sentence."""
        starts = self._starts(quantities)
        members = quantities[bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)]
        return self.sizes.find(text, sentence, {q.span.start: q for q in members}, {q.span.end: q for q in members})

    def _lede_verb_size(self, document: Document, lede: Span, change: Change, quantities: Sequence[Quantity]) -> Change:
        """A change given its size by the lede that describes it: "Completions rose 35% last year. Builders
        finished 21,900 homes in 2024. In 2023 the figure was 18,400." The lede's one relative size, moved
        the change's way, unless "than" gives it a base of its own."""
        # "about 52% higher than the pre-industrial level": a size with a base of its own sizes no other change
        sizes = [s for s in self._sizes_in(document.text, lede, quantities)
                 if s.amount is not None and s.amount.unit in RELATIVE_UNITS
                 and not _THAN_AFTER.match(document.text, s.anchor.end)]
        if len(sizes) != 1 or self.lexicon.change_direction.get(sizes[0].anchor_word, 0) != change.direction:
            return change
        text = document.text
        lede_words = [lemma(w.group()) for w in WORD.finditer(text, lede.start, sizes[0].anchor.start)]
        sentence = document.sentence_at(change.span.start)
        words = [lemma(w.group()) for w in WORD.finditer(text, sentence.start, min(change.span.start,
                                                                                     change.after.span.start))]
        shared = {w for w in words if w in lede_words and w not in STOP_WORDS}
        if shared and all(_told_apart(w, lede_words, words) for w in shared):
            return change  # "Water and sewer rates rise 6%. Parking meter rates rise from $2.50 to $3": other rates
        what = _thing_named_after(text, sizes[0], lede.end)
        if what is not None and not what & {lemma(w.group()) for w in WORD.finditer(text, sentence.start, sentence.end)}:
            return change  # "falls of 4.5% in skim milk powder. ... 38,417 tonnes was sold, down from 41,052": its own thing
        return replace(change, by=sizes[0].amount)

    def _lede_size(self, document: Document, lede: Span, sentence: Span, change: Change,
                   quantities: Sequence[Quantity]) -> Change:
        """A change given its size by a lede that names what changed after the word: "reported a 35% rise in
        annual pre-tax profit. Profit before tax rose to £18.6m from £14.9m."."""
        text = document.text
        sizes = self._sizes_in(text, lede, quantities)
        first = min(change.span.start, change.after.span.start)
        subject = {lemma(w.group()) for w in WORD.finditer(text, sentence.start, first)} - STOP_WORDS
        for size in sizes:
            named = _NAMED_AFTER.match(text, size.anchor.end, lede.end)
            if named is None or size.amount is None or size.amount.unit not in RELATIVE_UNITS:
                continue
            if self.lexicon.change_direction.get(size.anchor_word, 0) != change.direction:
                continue
            what = {lemma(w.group()) for w in WORD.finditer(named["what"])} - STOP_WORDS
            if what & subject:
                return replace(change, by=size.amount, context=Span(lede.start, change.context.end)
                               if change.context else None)
        return change

    def _lede_describes(self, text: str, lede: Span, sentence: Span, change: Change, refers_back: bool = False,
                        later: Sequence[Span] = ()) -> bool:
        """True when ``lede``, the sentence before the change's, describes it: see :meth:`_with_ledes`.

        A lede that already refers back to an earlier change (``refers_back``)
        is tied to this one only through what both name. No change takes the
        lede when this sentence leaves out the lede's subject and one of the
        ``later`` sentences with changes of their own names it ("Profits edged
        up. The group employed 4,200 people, compared with 3,100 ... Pre-tax
        profit was £41.2m, up from £40.1m": the profit is the lede's).
        """
        # the first word that gives a direction: "going" in "going up" gives none, "up" does
        word = next((w for w in self.lexicon.change_word.finditer(text, lede.start, lede.end)
                     if self.lexicon.change_direction.get(w.group().lower(), 0)), None)
        if word is None or not change.direction:
            return False
        if self.lexicon.change_direction[word.group().lower()] != change.direction:
            return False
        if _WHETHER.search(text, lede.start, word.start()):
            return False  # "nobody can say whether crime has halved": a change wondered about
        lede_words = [lemma(w.group()) for w in WORD.finditer(text, lede.start, word.start())]
        lede_subject = set(lede_words) - STOP_WORDS
        head = next((w for w in lede_words if w not in STOP_WORDS), None)  # "Profits at the Harbour Group edged up"
        first = min(change.span.start, change.after.span.start)
        relative = _relative_clause(text, sentence.start, first)  # "fertiliser, which cost him £650, ...": no subject
        matches = [w for w in WORD.finditer(text, sentence.start, first)
                   if relative is None or not relative.start <= w.start() < relative.end]
        words = [lemma(w.group()) for w in matches]
        subject = words[:8] + words[8:][-_SUBJECT_WORDS:]  # the opening words, and those right before the change
        subject += [lemma(q.noun.split()[-1]) for q in (change.before, change.after) if q is not None and q.noun]
        if head is not None and head not in words and any(
                head in {lemma(w.group()) for w in WORD.finditer(text, s.start, s.end)} for s in later):
            return False  # a change just after names the lede's subject: the lede is that change's
        if change.verb is None and not refers_back:
            return True  # "Puffin numbers soared. Rangers counted 3,380 burrows, compared with 3,290": no word of its own
        if word.group().lower() in self.lexicon.change_nouns and _ANAPHOR_DETERMINER.search(
                text, max(lede.start, word.start() - 30), word.start()):
            # "The board papers describe the increases as modest. The charge will rise from ...";
            # but within an earlier change's context "the fall" is that change ("described the fall as slight")
            return not refers_back

        return any(w in lede_subject for w in subject if w not in STOP_WORDS) or \
            self._names_a_measure(matches[:8] + matches[8:][-_SUBJECT_WORDS:]) or bool(words) and words[0] in ("it", "this")

    def _names_a_measure(self, words: Sequence[patterns.Match]) -> bool:
        """True when a generic measure among a subject's ``words`` stands for the thing: "The total rose", "the
        annual rate reached"; not "total lending rose", where "total" only modifies a noun of its own."""
        for i, word in enumerate(words):
            if lemma(word.group()) not in self.lexicon.measure_anaphors:
                continue
            following = words[i + 1].group().lower() if i + 1 < len(words) else None
            if word.group().lower() in _MEASURE_ADJECTIVES and following is not None and following not in STOP_WORDS \
                    and following not in self.lexicon.change_direction and not following.endswith("ed") \
                    and following not in _MEASURE_VERBS:
                continue
            return True
        return False

    # ------------------------------------------------------------ one sentence

    def _in_sentence(self, document: Document, sentence: Span, members: list[Quantity],
                     index: int) -> list[Change]:
        text = document.text
        change_words = self._change_words.within(sentence.start, sentence.end)
        # "by up to 12 minutes": a hedge's word is no change word
        hedges = [Span(q.span.start, q.span.start + len(q.hedge)) for q in members if q.hedge]
        words = [(m.group().lower(), Span(m.start(), m.end())) for m in change_words
                 if not any(h.start <= m.start() and m.end() <= h.end for h in hedges)]
        starting_at = {q.span.start: q for q in members}
        ending_at = {q.span.end: q for q in members}
        sizes = self.sizes.find(text, sentence, starting_at, ending_at)
        size_spans = {s.span for s in sizes}
        pairs = self._pairs(text, sentence, [q for q in members if q.span not in size_spans], index, sizes)
        paired = {q.span for pair in pairs for q in pair}
        changes = []
        verbed = []
        for before, after in pairs:
            start, end = min(before.span.start, after.span.start), max(before.span.end, after.span.end)
            verb = self._verb(text, words, start, end, [p for p in pairs if p != (before, after)],
                              base_last=before.span.start > after.span.start)
            if verb is not None and id(before) in self._compared and not (
                    start <= verb[1].start and verb[1].end <= end or _VERB_RIGHT_BEFORE.fullmatch(
                        text, verb[1].end, start)):
                verb = None  # "Donations fell by a tenth, and the charity spent £86,000, compared with £31,000"
            if verb is not None:  # "from 20C to 25C" with no change word is a range, not a change
                verbed.append((before, after, Span(start, end), verb))
            elif id(before) in self._compared or id(before) in self._prior_years:
                size = self._apposed_size(text, before, sizes)
                if size is not None:
                    # "A$538 million ..., compared with A$412 million a year earlier, a rise of 41 per cent": the
                    # size set after the base sizes the change it closes
                    verbed.append((before, after, Span(min(before.span.start, after.span.start), before.span.end),
                                   (size.anchor_word, size.anchor)))
                else:
                    changes.append(self._unworded(document, index, before, after))
        # each size goes to the change it fits best, closest fits first: in "doubled, from 2.6GW to 4.2GW,
        # as it reported a 22% rise in profits to £1.34bn from £1.1bn" the 22% is the profits' own
        ranked = sorted(((rank, distance, i, size) for i, (before, _, span, verb) in enumerate(verbed)
                         for rank, distance, size in self._size_candidates(text, sizes, span, verb, words, before)),
                        key=lambda c: c[:3])
        chosen: dict[int, StatedSize] = {}
        used_sizes: set[Span] = set()
        for _, _, i, size in ranked:
            if i not in chosen and size.span not in used_sizes:
                chosen[i] = size
                used_sizes.add(size.span)
        for i, (before, after, span, verb) in enumerate(verbed):
            stated = chosen.get(i)
            amount = None
            if stated is not None:
                amount = self._with_steps(text, stated, span.start, members, paired,
                                          self.lexicon.change_direction[verb[0]])
            changes.append(self._change(document, index, before, after, verb, stated, amount))
        changes += self._more_than(document, sentence, index, members, paired | used_sizes)
        for size in sizes:
            if size.span in used_sizes or not size.after_word:
                continue
            sized = self._sized_only(document, sentence, index, size, members)
            change = sized or self._then_and_now(document, sentence, index, size, members, paired)
            if change is None:
                continue
            compared = next((c for c in changes if sized and c.verb is None and c.by is None and c.factor is None
                             and c.after.span == sized.after.span), None)
            if compared is not None:
                # "gaining 2.4% ... to close at 81,320 on Friday, against 78,150": the size's change has the base
                # the comparison gives its end
                changes.remove(compared)
                change = replace(change, before=compared.before, after=compared.after,
                                 span=Span(min(change.span.start, compared.span.start),
                                           max(change.span.end, compared.span.end)))
            changes.append(change)
        return changes

    def _then_and_now(self, document: Document, sentence: Span, index: int, size: StatedSize,
                      members: list[Quantity], paired: set[Span]) -> Change | None:
        """ "fertiliser, which cost him £650 a tonne in the spring of 2023, was £395 this year, a drop of 25%".

        A size set after a figure ("..., a drop of 25%") sizes the change to
        it from the figure before it in the sentence, in its unit, that an
        earlier time stamps.
        """
        text = document.text
        now = next((q for q in reversed(members) if q.span.end <= size.anchor.start), None)
        if now is None or now.span in paired or not _SIZE_AFTER_LEVEL.fullmatch(text, now.span.end, size.anchor.start):
            return None
        for then in reversed([q for q in members if q.span.end <= now.span.start and q.span not in paired]):
            gap = text[then.span.end:now.span.start]
            aligned = align(then, now)
            if len(gap) > _COMPARED_REACH or aligned is None:
                continue
            if ";" in gap and not _TIMED_CLAUSE.match(gap.rsplit(";", 1)[1]):
                continue  # "produced 1.8 million callipers in 2019; last year it made 1.2 million": a clause of its time
            if not _PAST_AFTER.match(text, then.span.end, now.span.start):
                return None
            before, after = aligned
            return Change(span=Span(then.span.start, size.span.end), after=after, before=before, by=size.amount,
                          factor=size.factor, direction=self.lexicon.change_direction.get(size.anchor_word, 0),
                          verb=size.anchor_word, verb_span=size.anchor, context=self._context(document, index))
        return None

    def _pairs(self, text: str, sentence: Span, members: list[Quantity], sentence_index: int,
               sizes: Sequence[StatedSize] = ()) -> list[tuple[Quantity, Quantity]]:
        """(before, after) pairs: "from X to Y", "to Y from X", "Y, up from X"."""
        pairs: list[tuple[Quantity, Quantity]] = []
        taken: set[int] = set()
        for i, x in enumerate(members):
            if id(x) in taken:
                continue
            reach = max(sentence.start, x.span.start - _FROM_REACH)
            near = text[reach:x.span.start].lower()  # each pattern needs its word: most figures have neither
            base = "from" in near and _FROM_BEFORE.search(text, reach, x.span.start) or \
                (" on " in near or " over " in near) and _ON_BEFORE.search(text, reach, x.span.start) or None
            if base is None and i and "(" in near and id(members[i - 1]) not in taken and \
                    _PRIOR_YEAR_GAP.fullmatch(text, members[i - 1].span.end, x.span.start):
                aligned = align(x, members[i - 1])
                if aligned is not None:
                    pairs.append(aligned)
                    taken.update({id(x), id(members[i - 1])})
                    self._prior_years.add(id(aligned[0]))
                continue
            if base is None:
                partner = self._compared_with(text, sentence, members, i, taken)
                if partner is not None:
                    pairs.append(partner)
                    taken.add(id(x))
                    self._compared.add(id(x))
                continue
            on = base.group().lower().startswith(("on", "over"))
            if on and _time_between(x):
                continue  # "a rise of 17.5% over the two decades": the period it took, not a base
            if x.noun and not x.noun_inferred and lemma(x.noun.split()[-1].lower()) in _PLAYED:
                continue  # "take them to nine from three rounds", "27 goals from 35 appearances": a record, not a base
            partner = None
            # "from X to Y": nothing but words between them, or a length of time ("from 412 in the first
            # six months of last year to 298"), or X's conversion in brackets ("from 48 km² (18.5 sq mi) to 36")
            # "3,960 families, up from 3,410 last year, with the average grant coming to €310": after "up from"
            # the change's end stands before its base, never after it
            ends_before = bool(_UP_FROM_RIGHT_BEFORE.search(text, max(sentence.start, x.span.start - 14), x.span.start))
            following = [] if on or ends_before else members[i + 1:i + 3] if i + 1 < len(members) and (_time_between(
                members[i + 1]) or PAREN_GAP.match(text[x.span.end:members[i + 1].span.start])) else members[i + 1:i + 2]
            for y in reversed(following):  # past the length of time first, then the length itself
                gap = text[x.span.end:y.span.start]
                if _TO_BEFORE.search(text, max(sentence.start, y.span.start - _TO_REACH), y.span.start) and \
                        _FROM_TO_GAP.match(gap) and not _CLAUSE_BREAK.search(gap) and \
                        not self.lexicon.change_word.search(_SEASON_FALL.sub(" ", gap)) and align(x, y):
                    partner = align(x, y)
                    break
            if partner is None:
                from_at = base.start()
                for y in self._earlier_candidates(text, sentence, members[max(0, i - 3):i], x):
                    aligned = align(y, x)
                    assert aligned is not None  # _earlier_candidates keeps only figures that align with x
                    if id(y) in taken or self._is_base(text, sentence, y):
                        continue  # "grew 30% from $8.6bn, while devices fell 4% from $7.8bn": a base ends nothing
                    gap = text[y.span.end:from_at]
                    if self._reference_value(text, sentence, y, gap):
                        continue  # "short of the target of 300,000 and down from 248,000": the change is the subject's
                    if on and not self._ends_on_change(text, y.span.end, from_at, sizes):
                        continue  # "on" is the base only right after the change word: "an increase on"
                    if on and _FRAME_BEFORE.search(text, max(sentence.start, y.span.start - 30), y.span.start):
                        continue  # "conceded 38 league goals in 46 matches, an improvement on the 61": a frame
                    if _NEW_SUBJECT.search(gap):
                        continue  # "£13 a month, follows a cut in January, when the cap fell from £1,711"
                    if _STEP_TAKING.fullmatch(gap):
                        break  # "opened 12 and closed five, taking the estate up from 280": steps; the level is not given
                    if on and len(_ATTRIBUTION.sub(",", gap)) <= _ON_REACH:
                        # "£412m, up from its guidance of £385m and a rise of a fifth on last year's £338m":
                        # the change word right before "on" ties it to the figure, whatever stands between,
                        # when the figure lies the word's way ("187 officers left, giving a net increase of 125 on
                        # the 2,039" is no increase to 187)
                        if self._against_word(y, x, from_at):
                            continue
                        partner = (aligned[1], aligned[0])
                        break
                    if _AFTER_FROM_GAP.match(gap) and not self._other_from(gap) and (
                            self.lexicon.change_word.search(gap) or _TO_BEFORE.search(
                                text, max(sentence.start, y.span.start - 6), y.span.start) and (
                                len(gap) < 25 or self.lexicon.change_before.search(
                                    text, max(sentence.start, y.span.start - 30), y.span.start)
                                or self._noun_in_to.search(text, max(sentence.start, y.span.start - 60), y.span.start))):
                        # "doubled to $41.6bn in the year to March, from $27.3bn": a verb of change before
                        # "to" holds the end, however long the time words between it and "from"
                        partner = (aligned[1], aligned[0])
                        break
            if partner is not None:
                before, after = partner
                pairs.append((before, after))
                taken.update({id(x)})
            elif not on:
                self._orphans.append((x, sentence_index))
        return pairs

    @staticmethod
    def _is_base(text: str, sentence: Span, quantity: Quantity) -> bool:
        """True when "from" makes the figure a change's starting point ("grew 30% from $8.6bn")."""
        reach = max(sentence.start, quantity.span.start - _FROM_REACH)
        return "from" in text[reach:quantity.span.start].lower() and \
            _FROM_BEFORE.search(text, reach, quantity.span.start) is not None

    def _compared_with(self, text: str, sentence: Span, members: list[Quantity], i: int,
                       taken: set[int]) -> tuple[Quantity, Quantity] | None:
        """ "1,190 patients waited ..., compared with 1,480 in March last year": a change the words do not name.

        A figure compared with, set against or put beside an earlier time is
        where the figure before it in the sentence, in its unit, came from.
        """
        x = members[i]
        reach = max(sentence.start, x.span.start - 20)
        near = text[reach:x.span.start].lower()
        if not ("compared" in near or "against" in near or "versus" in near) or \
                not _COMPARED_BEFORE.search(text, reach, x.span.start):
            return None
        past = _PAST_AFTER.match(text, x.span.end, sentence.end) is not None
        if not past and not _IN_MONTH.match(text, x.span.end, sentence.end):
            return None
        for y in self._earlier_candidates(text, sentence, members[max(0, i - 3):i], x):
            gap = text[y.span.end:x.span.start]
            if id(y) in taken or len(gap) > _COMPARED_REACH or _NEW_SUBJECT.search(gap) or ";" in gap:
                continue
            if not past and not _IN_MONTH.match(text, y.span.end, x.span.start):
                continue  # a month is a base's time only against a figure of another month
            aligned = align(y, x)
            assert aligned is not None
            return aligned[1], aligned[0]
        return None

    def _more_than(self, document: Document, sentence: Span, index: int, members: list[Quantity],
                   taken: set[Span]) -> list[Change]:
        """ "raised £4.6 million, 15% more than the £3.7 million raised last year": a change stated as a comparison.

        A percentage, a word of more or less and "than" name the base; the
        figure before them, in its unit, is where it went.
        """
        text = document.text
        found = []
        for i, x in enumerate(members):
            reach = max(sentence.start, x.span.start - 60)
            compared = _MORE_THAN_BEFORE.search(text, reach, x.span.start) if "than" in text[
                reach:x.span.start].lower() else None  # the pattern needs "than": most figures have none before
            if compared is None or x.span in taken:
                continue
            size = next((q for q in members if q.span.end <= compared.start("word") and
                         q.span.start >= compared.start() and q.unit == "percent"), None)
            if size is None:
                continue
            for y in self._earlier_candidates(text, sentence, [m for m in members[max(0, i - 4):i] if m is not size], x):
                gap = text[y.span.end:size.span.start]
                if y.span in taken or not _MORE_THAN_GAP.fullmatch(gap):
                    continue
                aligned = align(x, y)
                assert aligned is not None
                word = compared["word"].lower()
                found.append(Change(span=Span(y.span.start, x.span.end), after=aligned[1], before=aligned[0], by=size,
                                    direction=-1 if word in _LESS else 1, verb=word,
                                    verb_span=Span(compared.start("word"), compared.end("word")),
                                    context=self._context(document, index)))
                break
        return found

    @staticmethod
    def _apposed_size(text: str, base: Quantity, sizes: Sequence[StatedSize]) -> StatedSize | None:
        """The size a comma sets right after a compared figure and its time: ", a rise of 41 per cent"."""
        for size in sizes:
            if size.after_word and size.anchor.start > base.span.end and \
                    _APPOSED_SIZE.fullmatch(text, base.span.end, size.anchor.start):
                return size
        return None

    def _unworded(self, document: Document, index: int, before: Quantity, after: Quantity) -> Change:
        """A change no word names: its direction is the figures' own."""
        direction = (after.value or 0) > (before.value or 0) and 1 or (after.value or 0) < (before.value or 0) and -1
        return Change(span=Span(min(before.span.start, after.span.start), max(before.span.end, after.span.end)),
                      after=after, before=before, direction=int(direction), context=self._context(document, index))

    def _other_from(self, gap: str) -> bool:
        """True when ``gap`` holds a "from" of its own: another change's base, not a time ("from March")."""
        times = sum(1 for _ in self.lexicon.from_time.finditer(gap))
        return len(regex.findall(r"(?i)\bfrom\b", gap)) > times

    def _ends_on_change(self, text: str, start: int, end: int, sizes: Sequence[StatedSize]) -> bool:
        """True when ``text[start:end]`` ends with a change word, or one and its size ("a 24% increase",
        "up 5%", "a rise of more than a fifth")."""
        words = self._change_words.within(start, end)
        if not words:
            return False
        last = words[-1]
        if _SIZE_TO_ON.fullmatch(text, last.end(), end) is not None:
            return True
        return any(size.anchor == Span(last.start(), last.end()) and size.after_word and
                   not text[size.span.end:end].strip() for size in sizes)

    def _against_word(self, after: Quantity, base: Quantity, end: int) -> bool:
        """True when the last change word before ``end`` goes the other way from ``base`` to ``after``."""
        words = self._change_words.within(after.span.end, end)
        direction = self.lexicon.change_direction.get(words[-1].group().lower(), 0) if words else 0
        if not direction or after.value is None or base.value is None or after.value == base.value:
            return False
        return (after.value > base.value) != (direction > 0)

    @staticmethod
    def _earlier_candidates(text: str, sentence: Span, earlier: list[Quantity], x: Quantity) -> list[Quantity]:
        """The figures before "up from X" that may be what changed, nearest first.

        The end of "to Y from X" comes first: in "fallen only slightly, to
        2,310 pounds an acre from 2,380" the figure right after "to" is what
        2,380 became, whatever came before it. Otherwise figures in X's own
        unit come first: in "16,240 runners started the 42.195km (26.2-mile)
        race, up from 14,900" the bare 14,900 is a count of runners, not a
        length; a unit is lent to X only when no figure has X's own. A figure
        that a change is spread over ("in each of its five year groups") is
        none of them, nor is the whole a count is of ("49 of the 93 seats,
        down from the 53"), nor a figure in brackets that restates the one
        before it ("95.3 million acres (38.6 million hectares)", "$2.31 per gallon of jet fuel (61 cents a
        liter)"), or a rate
        set after it by a comma ("298 candidates, about 6.3 per seat, up
        from 224").
        """
        restated = {id(z) for y, z in zip(earlier, earlier[1:]) if PAREN_GAP.match(text[y.span.end:z.span.start])
                    or y.unit and z.unit and y.unit != z.unit and _OF_THING_PAREN.fullmatch(
                        text, y.span.end, z.span.start)
                    or _APPOSED_GAP.fullmatch(text, y.span.end, z.span.start) and (
                        " / " in z.unit or _PER_AFTER.match(text, z.span.end) is not None)}
        candidates = [y for y in reversed(earlier) if align(y, x) is not None and not _DISTRIBUTIVE.search(
            text, max(sentence.start, y.span.start - 25), y.span.start) and id(y) not in restated
            and not _other_things(y, x) and not _WHOLE_OF_COUNT.search(text, max(sentence.start, y.span.start - 20),
                                                                       y.span.start)]
        if candidates and candidates[0] is earlier[-1] and _TO_BEFORE.search(
                text, max(sentence.start, candidates[0].span.start - 6), candidates[0].span.start) and \
                _within_tenfold(candidates[0], x) and not (len(earlier) > 1 and _RATED_AT.fullmatch(
                    text, earlier[-2].span.end, candidates[0].span.start)):
            return _owners_first(text, sentence, candidates, x)
        if len(earlier) > 1 and _RATED_AT.fullmatch(text, earlier[-2].span.end, earlier[-1].span.start):
            # "rated 41 districts at five stars, up from 33": "at" gives the figure before it a grade
            candidates = [y for y in candidates if y is not earlier[-1]]
        own = [y for y in candidates if y.unit == x.unit] or candidates
        # "counting 6,418 animals across 512 species, up from 6,102": a figure of another order is another thing
        near = [y for y in own if _within_tenfold(y, x)]
        # "plunged 23% to 318p after it cut its forecast ..., from £185 million": no slip of a digit or two makes
        # one the other's end
        reachable = [y for y in own if (ratio := value_ratio(y.value or 0, x.value or 0)) is None or ratio <= _SLIP_LIMIT]
        return _owners_first(text, sentence, near or reachable, x)

    def _reference_value(self, text: str, sentence: Span, y: Quantity, gap: str) -> bool:
        """True when ``y`` is a figure the subject is measured against, with a change coordinated after it.

        In "completed 234,000 homes, short of the target of 300,000 and down
        from 248,000" the coordinated "and down from" is a second predicate
        of the subject; 300,000, the object of "of" or marked by a role
        ("target", "forecast"), is the yardstick of the first, not the
        figure that fell.
        """
        change = self.lexicon.change_word.search(gap)
        if change is None or not _COORDINATED.search(gap, 0, change.start()):
            return False
        lead = text[max(sentence.start, y.span.start - 40):y.span.start]
        if _OBJECT_OF.search(lead):
            return True
        return any(w.lower() in self.lexicon.roles for w in regex.findall(r"[\p{L}]+", lead)[-4:])

    def _verb(self, text: str, words: list[tuple[str, Span]], start: int, end: int,
              others: list[tuple[Quantity, Quantity]], base_last: bool = False) -> tuple[str, Span] | None:
        """The change word of a change: one between its figures (the last, when the base comes last),
        else the nearest before, else just after.

        A change noun that is the object of a change verb before it names
        what changed, and the verb says how: in "reduces the total elevation
        gain from 140 metres to 95 metres" the change is a reduction.
        """
        inside = [w for w in words if start <= w[1].start and w[1].end <= end]
        if inside:
            # "£412m, up from £385m and a rise of a fifth on £338m": the word nearest the base is its change's
            return inside[-1] if base_last else inside[0]
        other_spans = [Span(min(a.span.start, b.span.start), max(a.span.end, b.span.end)) for a, b in others]
        best = None
        for word, span in words:
            if _AFTER_EVENT.search(text, max(0, span.start - 30), span.start) and \
                    not (span.end <= start and _NOUN_THEN_CHANGE.fullmatch(text, span.end, start)):
                # "fell slightly after the first increase, to 13.2 million": a time, not this change's word; but
                # "after a modest rise in registrations, from 18,000 ... to 27,500" names the change right after it
                continue
            if span.end <= start:
                distance = start - span.end
                if any(span.end <= o.start and o.end <= start for o in other_spans):
                    continue  # another change stands between the word and this one
            elif span.start >= end:
                if _LATER_CLAUSE.search(text, end, span.start):
                    continue  # "to £3.2bn from £2.6bn, as higher interest rates ...": another clause's word
                if _AND_BETWEEN.fullmatch(text, end, span.start) and _OWN_OBJECT.match(text, span.end):
                    continue  # "to 18% from 24% and increased its holding of gilts": a verb with an object of its own
                distance = (span.start - end) * 3
            else:
                continue
            if distance <= _MAX_VERB_DISTANCE and (best is None or distance < best[0]):
                best = (distance, word, span)
        if best is None:
            return None
        if best[1] in self.lexicon.change_nouns and best[2].end <= start:
            governing = [(w, s) for w, s in words if s.end <= best[2].start
                         and _OBJECT_BETWEEN.fullmatch(text, s.end, best[2].start)]
            if governing:
                return governing[-1]
        return best[1], best[2]

    def _size_candidates(self, text: str, sizes: list[StatedSize], change: Span, verb: tuple[str, Span],
                         words: list[tuple[str, Span]], before: Quantity) -> list[tuple[int, int, StatedSize]]:
        """The stated sizes that may belong to a change, each with its rank and distance (lower fits better):
        inside it, on its verb, or beside it.

        After the change a size stands beside it as a noun ("..., a rise of
        25%") or set off by a comma going the change's way ("from 1.32
        million to 1.58 million, up 26%"); a size after a change word with
        words of its own between ("... and exports were up 5%") is another
        change's.
        """
        candidates = []
        direction = self.lexicon.change_direction.get(verb[0], 0)
        for size in sizes:
            if size.amount is not None and size.amount.span == before.span:
                continue
            # "up by a third last year, rising from ...": the change's own verb, a participle after a comma;
            # not a size of another clause ("jumped 9% to 412p, while the index was flat at 20,510, down from ...")
            agreeing = direction != 0 and self.lexicon.change_direction.get(size.anchor_word, 0) == direction \
                and verb[0].endswith("ing") and _PARTICIPLE_LEAD.fullmatch(text, size.span.end, verb[1].start) is not None
            if change.start <= size.span.start and size.span.end <= change.end:
                rank = 0
            elif size.anchor == verb[1]:
                rank = 1
            elif size.anchor.end <= change.start and change.start - size.span.end <= 100 and \
                    (verb[1].start < change.start or not size.after_word or
                     _TO_BEFORE.search(text, max(0, change.start - 6), change.start)) and \
                    not _SPOKEN_OF.search(text, max(0, size.span.start - 8), size.span.start) and not any(
                    size.span.end <= s.start and s.end <= change.start and s != size.anchor
                    and not (s == verb[1] and agreeing)
                    for _, s in words) and not _CLAUSE_BREAK.search(text, size.span.end, change.start):
                # "up by a third, rising from 90,000 to 150,000": only the change's own verb may stand
                # between, and only when it goes the size's way ("a 21% cut" has its own noun after it); a change
                # with its verb after its first figure has its own ("rose 5.1% ... now 38%, up from 35%"), unless
                # the size's verb leads to that figure ("rose 40% last year to 2.9 million, up from 2.3 million")
                # or the size is a noun ("a 21% cut in its quota ... 41,000 tonnes, down from 48,000")
                rank = 2
            elif size.anchor.start >= change.end and size.anchor.start - change.end <= 90 and (
                    not size.after_word or size.joiner == "of" or self._apposed(text, change, size, direction)) and \
                    not _CLAUSE_BREAK.search(text, change.end, size.span.start) and \
                    not _NEW_SUBJECT.search(text, change.end, size.span.start) and \
                    not self._of_another_thing(text, size, change):
                # not "... fell to 4.08% from 4.17%, and traders priced in a quarter-point cut", nor "slipped to
                # $1.02bn from $1.11bn, because the year-earlier quarter included a gain of $240m": another clause's
                rank = 3
            else:
                continue
            candidates.append((rank, abs(size.span.start - change.start), size))
        return candidates

    @staticmethod
    def _of_another_thing(text: str, size: StatedSize, change: Span) -> bool:
        """True when a size after a change names a thing of its own that the change's words do not: "38 per cent of
        the total, up from 35 per cent ..., helped by a 22 per cent increase in click-and-collect orders"."""
        what = _thing_named_after(text, size)
        if what is None or what & (TIME_UNITS | {"quarter"}):
            return False  # "a rise of 28% in five years": the time it took, not a thing
        around = {lemma(w.group()) for w in WORD.finditer(text, max(0, change.start - _THING_REACH), change.end)}
        return bool(what) and not what & around

    def _apposed(self, text: str, change: Span, size: StatedSize, direction: int) -> bool:
        """True for a size set after a change by a comma, going its way: "from 1.32m to 1.58m last year, up 26%"."""
        return direction != 0 and self.lexicon.change_direction.get(size.anchor_word, 0) == direction and \
            _APPOSED.fullmatch(text, change.end, size.anchor.start) is not None

    def _with_steps(self, text: str, size: StatedSize, change_start: int, members: list[Quantity],
                    paired: set[Span], direction: int) -> Quantity | None:
        """The size of a change stated in steps: "a 5.5% rise ... and a further 4% ..., taking it from X to Y".

        Percentages between a stated size and its change, each marked as a
        further step ("a further", "then"), make the change their compound;
        either the compound or the plain sum is accepted. Other
        percentages there leave the change without a size it can be held to.
        """
        first = size.amount
        if first is None or first.unit not in RELATIVE_UNITS or size.span.end > change_start:
            return first
        steps = [q for q in members if size.span.end <= q.span.start and q.span.end <= change_start
                 and q.unit in RELATIVE_UNITS and q.span not in paired]
        if not steps:
            return first
        if any(q.unit != first.unit or q.value is None or q.qualifier or not self.lexicon.step_cue.search(
                text, max(size.span.end, q.span.start - 25), q.span.start) for q in steps) or first.qualifier:
            return None
        values = [first.value or 0.0, *(q.value or 0.0 for q in steps)]
        total = sum(values)
        compound = total
        if first.unit == "percent":
            sign = -1 if direction < 0 else 1
            product = 1.0
            for value in values:
                product *= 1 + sign * value / 100
            compound = abs(product - 1) * 100
        resolution = max((q.resolution or 0.0) for q in (first, *steps))
        return Quantity(Span(first.span.start, steps[-1].span.end), " and ".join(q.text for q in (first, *steps)),
                        None, unit=first.unit, low=min(total, compound), high=max(total, compound),
                        resolution=resolution)

    def _change(self, document: Document, index: int, before: Quantity, after: Quantity,
                verb: tuple[str, Span], size: StatedSize | None, amount: Quantity | None) -> Change:
        word, verb_span = verb
        start = min(before.span.start, after.span.start, verb_span.start)
        end = max(before.span.end, after.span.end)
        if amount is not None and amount.unit not in RELATIVE_UNITS and align(before, amount) is None:
            amount = None  # an absolute size must be in the change's own unit
        return Change(span=Span(start, end), after=after, before=before, by=amount,
                      factor=size.factor if size else None, direction=self.lexicon.change_direction.get(word, 0),
                      verb=word, verb_span=verb_span, context=self._context(document, index))

    def _sized_only(self, document: Document, sentence: Span, index: int, size: StatedSize,
                    members: list[Quantity]) -> Change | None:
        """ "rose 0.4% to 158,000": a change word with a size and an end, but no starting figure."""
        text = document.text
        for quantity in members:
            if quantity.span.start < size.span.end or quantity.span.start - size.span.end > 60:
                continue
            gap = text[size.span.end:quantity.span.start]
            if _TO_AFTER_SIZE.match(gap):
                return Change(span=Span(size.anchor.start, quantity.span.end), after=quantity, by=size.amount,
                              factor=size.factor, direction=self.lexicon.change_direction.get(size.anchor_word, 0),
                              verb=size.anchor_word, verb_span=size.anchor, context=self._context(document, index))
            if not quantity.text[0].isalpha():
                break  # a figure in words may stand in the stretch it took: "gaining 2.4% over the five sessions to"
        return None

    def _context(self, document: Document, index: int) -> Span:
        """The change's sentence, run on through following sentences that refer back to a change.

        Every change of a sentence has the same context: it is read once per sentence.
        """
        if index not in self._contexts:
            self._contexts[index] = self._read_context(document, index)
        return self._contexts[index]

    def _read_context(self, document: Document, index: int) -> Span:
        sentences = document.sentences
        if not sentences:
            return Span(0, len(document.text))
        start, end = sentences[index].start, sentences[index].end
        for n, following in enumerate(sentences[index + 1:index + 1 + _CALLED_REACH]):
            if _ELSEWHERE.match(document.text, following.start, following.end):
                break  # "Elsewhere the changes were small": other changes, told after it
            # "the increases would be incremental" within four sentences; "This is a modest adjustment" within six
            anaphor = _ANAPHOR_DETERMINER if n < _CONTEXT_REACH else _CALLED_BACK
            if any(anaphor.search(document.text, max(following.start, m.start() - 30), m.start())
                   or n < _CONTEXT_REACH and owner_named_in(document.text, sentences[index], following.start, m.start())
                   for m in self._change_words.within(following.start, following.end)):
                end = following.end
        return Span(start, end)
