"""The ``change-descriptor`` kind: a word that sizes a change must fit its from/to amounts.

The lexicon is the rule's ``params.classes``; each class holds words and one
test::

    small:    {max_change: 0.25, words: [slight, incremental, ...]}   # |r - 1| may not exceed 25 %
    large:    {min_change: 0.05, words: [sharp, surge, ...]}          # |r - 1| must reach 5 %
    multiple: {tolerance: 0.1, words: {doubled: 2, halved: 0.5}}      # r must be near the multiple
    rise:     {direction: up, words: [rose, increased, ...]}          # r must exceed 1
    fall:     {direction: down, words: [fell, dropped, ...]}          # r must be below 1

with r = after / before. The amounts are read with the tolerance model, so a
word is flagged only when no reading of the figures fits it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import regex

from factcheck.builtin.kinds.params import number, reject_unknown, require_mapping, words
from factcheck.builtin.tolerance import ratio_range
from factcheck.errors import ParamError
from factcheck.kinds import CheckContext
from factcheck.model import Change, Finding, Rule, Span

_TESTS = ("max_change", "min_change", "tolerance", "direction")


@dataclass(frozen=True)
class WordClass:
    """One class of the lexicon: its test and its words (with a multiple each, for multiples)."""

    name: str
    test: str
    limit: float | str
    words: Mapping[str, float | None]


@dataclass(frozen=True)
class Lexicon:
    """The parsed ``classes`` parameter and one pattern that finds all its words."""

    classes: tuple[WordClass, ...]
    by_word: Mapping[str, WordClass]
    pattern: regex.Pattern


def _movement(ratio: float) -> str:
    return "a rise" if ratio > 1 else "a fall" if ratio < 1 else "no change"


class ChangeDescriptor:
    """Flags change words that do not fit the change they describe."""

    fields = frozenset({"descriptor", "before", "after", "ratio", "change", "movement", "change_word", "allowed",
                        "class"})

    def parse_params(self, params: Mapping[str, Any]) -> Lexicon:
        """Validate ``classes``: each with ``words`` and exactly one test."""
        reject_unknown(params, {"classes"})
        classes_param = require_mapping(params.get("classes"), "classes")
        classes, by_word = [], {}
        for name, spec in classes_param.items():
            key = f"classes.{name}"
            spec = require_mapping(spec, key)
            reject_unknown(spec, {"words", *_TESTS}, f"{key}.")
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
            if test == "tolerance":
                mapping = require_mapping(raw_words, f"{key}.words")
                entries = {w: number(v, f"{key}.words.{w}", minimum=0.001) for w, v in mapping.items()}
            else:
                entries = {w: None for w in words(raw_words, f"{key}.words")}
            for word in entries:
                if word.lower() in by_word:
                    raise ParamError(f"{key}.words", f"{word!r} is already in class {by_word[word.lower()].name!r}")
            word_class = WordClass(name, test, limit, entries)
            classes.append(word_class)
            by_word.update({w.lower(): word_class for w in entries})
        if not by_word:
            raise ParamError("classes", "needs at least one class with words")
        alternation = "|".join(regex.escape(w).replace(r"\ ", r"[\s-]+")
                               for w in sorted(by_word, key=len, reverse=True))
        return Lexicon(tuple(classes), by_word, regex.compile(rf"(?i)(?<![\p{{L}}-])(?:{alternation})(?![\p{{L}}])"))

    def check(self, context: CheckContext, rule: Rule) -> Iterable[Finding]:
        """One finding per describing word that no reading of its change's figures fits."""
        lexicon: Lexicon = rule.options
        document = context.document
        changes = [c for c in context.claims_of(Change)
                   if c.before is not None and c.context is not None
                   and c.before.value not in (None, 0) and c.after.value is not None]
        seen: set[tuple[int, int]] = set()
        for change in changes:
            for match in lexicon.pattern.finditer(document.text, change.context.start, change.context.end):
                span = Span(match.start(), match.end())
                if (span.start, span.end) in seen or document.in_skipped(span):
                    continue
                if any(m.span.overlaps(span) for m in (change.before, change.after)):
                    continue
                if self._nearest(changes, span) is not change:
                    continue
                seen.add((span.start, span.end))
                word = regex.sub(r"[\s-]+", " ", match.group().lower())
                finding = self._judge(rule, lexicon.by_word[word], match.group(), span, change)
                if finding:
                    yield finding

    @staticmethod
    def _nearest(changes: list[Change], span: Span) -> Change:
        def distance(change: Change) -> int:
            if change.context is None or not change.context.contains(span):
                return 10**9
            if span.start >= change.span.end:
                return span.start - change.span.end
            if span.end <= change.span.start:
                return change.span.start - span.end
            return 0
        return min(changes, key=distance)

    def _judge(self, rule: Rule, word_class: WordClass, written: str, span: Span,
               change: Change) -> Finding | None:
        assert change.before is not None and change.before.value and change.after.value is not None
        low, high = ratio_range(change.before, change.after)
        ratio = change.after.value / change.before.value
        test, limit = word_class.test, word_class.limit
        if test == "max_change":
            nearest = 1.0 if low <= 1.0 <= high else (low if low > 1 else high)
            wrong = abs(nearest - 1) > float(limit)
            allowed = f"a change of at most {float(limit):.0%} (×{1 - float(limit):.2f} to ×{1 + float(limit):.2f})"
        elif test == "min_change":
            wrong = max(abs(low - 1), abs(high - 1)) < float(limit)
            allowed = f"a change of at least {float(limit):.0%}"
        elif test == "direction":
            wrong = high < 1 if limit == "up" else low > 1
            allowed = "a rise" if limit == "up" else "a fall"
        else:
            target = word_class.words[next(w for w in word_class.words if w.lower() == regex.sub(
                r"[\s-]+", " ", written.lower()))]
            assert target is not None
            tolerance = float(limit)
            wrong = high < target * (1 - tolerance) or low > target * (1 + tolerance)
            allowed = f"×{target:g} (±{tolerance:.0%})"
        if not wrong:
            return None
        related = tuple(s for s in (change.span,) if s != span)
        return rule.finding(
            span, related,
            descriptor=written, before=change.before.text, after=change.after.text, ratio=ratio,
            change=ratio - 1, movement=_movement(ratio), change_word=change.verb or "change", allowed=allowed, **{"class": word_class.name},
        )
