"""Compiling the built-in patterns: the standard library's ``re`` where it can, ``regex`` where it must.

Compiling is most of factcheck's start-up, and ``re`` compiles the same
pattern about three times faster than ``regex``. Patterns that need what only
``regex`` has (reverse matching ``(?r)``, variable-width look-behind, Unicode
properties inside a character class) compile with ``regex``; everything else
with ``re``, after writing ``\\p{L}`` (a letter) as ``[^\\W\\d_]``. Both give
match objects with the same interface for what factcheck uses.

Beware: a ``regex`` pattern's ``match(text, pos)`` without an end position
scans the rest of ``text`` for the literals the pattern needs before it
tries to match, so calling it once per figure is quadratic in the length of
the document. Always bound it (``match(text, pos, sentence.end)``); ``re``
does not have this cost.

User-supplied rule patterns never come here: they compile with ``regex`` in
the ``pattern`` kind, which runs them with a timeout.
"""
from __future__ import annotations

import functools
import re
import warnings
from typing import TYPE_CHECKING, Any, Iterable, Iterator, TypeAlias

import regex

from factcheck import patterncache
Pattern: TypeAlias = re.Pattern | regex.Pattern  # what a LazyPattern becomes
Match: TypeAlias = re.Match | regex.Match  # what its match, search and finditer give

# \p{L} outside a character class; inside one it has no re spelling and the pattern goes to regex.
_LETTER = re.compile(r"(?<!\\)((?:\\\\)*)\\p\{L\}")
_CLASS = re.compile(r"(?<!\\)\[(?:\\.|[^\]\\])*\]")
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_LEADING_FLAGS = re.compile(r"\(\?([a-zA-Z]+)\)")
_RE_FLAGS = {regex.IGNORECASE: re.IGNORECASE, regex.MULTILINE: re.MULTILINE, regex.DOTALL: re.DOTALL,
             regex.VERBOSE: re.VERBOSE, regex.ASCII: re.ASCII}


def _for_re(pattern: str, flags: int) -> tuple[str, int] | None:
    """The pattern and flags in ``re``'s terms, or None when only ``regex`` can read them."""
    re_flags = 0
    for flag, equivalent in _RE_FLAGS.items():
        if flags & flag:
            re_flags |= equivalent
            flags &= ~flag
    if flags & ~regex.UNICODE:
        return None
    if "\\p{" in pattern or "\\P{" in pattern:
        pattern = _CLASS.sub(_class_for_re, pattern)
        if any("\\p{" in c or "\\P{" in c for c in _CLASS.findall(pattern)):
            return None  # a negated class, or another property, inside brackets
        pattern = _LETTER.sub(r"\1[^\\W\\d_]", pattern)
        if "\\p{" in pattern or "\\P{" in pattern:
            return None
    return pattern, re_flags


def _class_for_re(match: re.Match) -> str:
    """A character class with \\p{L} in it, as a group re reads: [\\p{L}\\d-] is (?:[^\\W\\d_]|[\\d-])."""
    body = match.group()[1:-1]
    if "\\p{L}" not in body or body.startswith("^"):
        return match.group()  # left for regex when it holds \\p{L} (negated) or another property
    rest = body.replace("\\p{L}", "")
    return "[^\\W\\d_]" if not rest else f"(?:[^\\W\\d_]|[{rest}])"


@functools.lru_cache(maxsize=1024)
def compile_now(pattern: str, flags: int = 0) -> Pattern:
    """A compiled pattern, from ``re`` when it can read it, else from ``regex``.

    Cached, so that building the same pattern twice costs nothing.
    """
    translated = _for_re(pattern, flags)
    if translated is not None:
        with warnings.catch_warnings():
            # re warns where a future version will read a set differently ("[[", "--"): leave those to regex
            warnings.simplefilter("error", FutureWarning)
            try:
                return patterncache.compile(*translated)
            except (re.error, FutureWarning):
                pass  # syntax only regex reads: (?r), variable-width look-behind, \m ...
    return regex.compile(pattern, flags)


class LazyPattern:
    """A pattern that compiles on first use, then behaves as the compiled one.

    A short document uses about half of the built-in patterns (no shares, no
    ages, no dates...), so compiling each only when it is first needed
    spares start-up a third of its compiling. The first attribute looked up
    compiles the pattern and copies its methods onto this object, so later
    calls go straight to them.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.source = (pattern, flags)

    @property
    def compiled(self) -> Pattern:
        """The compiled ``re`` or ``regex`` pattern."""
        return compile_now(*self.source)

    if TYPE_CHECKING:  # declared for mypy only: at run time __getattr__ supplies them
        pattern: str

        def match(self, string: str, pos: int = ..., endpos: int = ...) -> Match | None: ...
        def search(self, string: str, pos: int = ..., endpos: int = ...) -> Match | None: ...
        def fullmatch(self, string: str, pos: int = ..., endpos: int = ...) -> Match | None: ...
        def finditer(self, string: str, pos: int = ..., endpos: int = ...) -> Iterator[Match]: ...

    def __getattr__(self, name: str) -> Any:
        compiled = self.compiled
        for method in ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


@functools.lru_cache(maxsize=1024)
def compile(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern that compiles, with ``re`` where it can and ``regex`` where it must, when first used."""
    return LazyPattern(pattern, flags)


class LiteralChoice:
    """A pattern built around one long alternation of literal phrases, split by the phrase's key character.

    Trying every alternative at a position costs as many tries as there
    are phrases (several hundred units); only the phrases that begin (or,
    for a ``(?r)`` pattern matched backwards, end) with the character at
    hand can match, so each look tries only those. ``template`` holds the
    pattern with ``{choice}`` where the alternation goes, which must be
    where matching starts, after any characters of ``skip``. Only
    :meth:`match` is offered: it is what an anchored look needs.
    """

    def __init__(self, template: str, phrases: list[str], flags: int = 0, *, skip: str = "",
                 backwards: bool = False) -> None:
        groups: dict[str, list[str]] = {}
        for phrase in longest_first(set(phrases)):  # longest first, as in one alternation
            if phrase:
                groups.setdefault((phrase[-1] if backwards else phrase[0]).lower(), []).append(phrase)
        self._by_key = {key: compile(template.replace("{choice}", alternation(group)), flags)
                        for key, group in groups.items()}
        self.pattern = template.replace("{choice}", alternation([p for g in groups.values() for p in g]))
        self._skip = skip
        self._backwards = backwards

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        """``compile(pattern).match(string, pos, endpos)``, trying only the phrases that can match there."""
        end = len(string) if endpos is None else min(endpos, len(string))
        skip = self._skip
        if self._backwards:
            k = end - 1
            while k >= pos and string[k] in skip:
                k -= 1
            if k < pos:
                return None
        else:
            k = pos
            while k < end and string[k] in skip:
                k += 1
            if k >= end:
                return None
        sub = self._by_key.get(string[k].lower())
        return sub.match(string, pos, end) if sub is not None else None


def longest_first(phrases: Iterable[str]) -> list[str]:
    """The phrases, longest first, as an alternation must try them; alike in length, in alphabetical order,
    so that a pattern built from a set reads the same in every run."""
    return sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))


def alternation(phrases: list[str]) -> str:
    """Literal phrases as one alternation, in the order given, a space written as any run of white space."""
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in phrases)


def any_of(*choices: LazyPattern) -> LazyPattern:
    """One pattern that matches where any of ``choices`` matches, for a quick test before trying each.

    Each choice keeps its own case-insensitivity; all must read in the
    same direction (forwards, or backwards with ``(?r)``).
    """
    parts, backwards = [], None
    for choice in choices:
        source, flags = choice.source
        reverse = False
        while leading := _LEADING_FLAGS.match(source):  # "(?r)(?i)", "(?ri)": flags for the whole pattern
            if set(leading[1]) - {"r", "i"}:
                raise ValueError(f"any_of: cannot scope the flags of {source!r}")
            reverse = reverse or "r" in leading[1]
            flags |= regex.IGNORECASE if "i" in leading[1] else 0
            source = source[leading.end():]
        if backwards is not None and reverse != backwards:
            raise ValueError("any_of: every choice must read in the same direction")
        backwards = reverse
        if "(?P=" not in source:
            source = _NAMED_GROUP.sub("(?:", source)  # two choices may name a group alike
        parts.append(f"(?i:{source})" if flags & regex.IGNORECASE else f"(?:{source})")
    return compile(("(?r)" if backwards else "") + "|".join(parts))
