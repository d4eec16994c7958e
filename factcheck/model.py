"""The data that flows through the pipeline: frozen dataclasses, no behaviour
beyond what describes the data itself.

Offsets are Unicode code points into ``Document.text`` (the file as decoded,
without a UTF-8 byte order mark); lines and columns are 1-based.
"""
from __future__ import annotations

import bisect
import enum
import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Union


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of code points in a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one code point."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end


_NEWLINE = re.compile(r"\n")


class SpanIndex:
    """Spans in any order, asked in logarithmic time whether one overlaps or holds a given span.

    Sorted by start, with the running maximum of their ends: of the spans
    that start before a point, some reaches past another point exactly when
    the furthest end among them does.
    """

    def __init__(self, spans: tuple[Span, ...] | list[Span]) -> None:
        ordered = sorted(spans)
        self.starts = [span.start for span in ordered]
        self.furthest: list[int] = []
        for span in ordered:
            self.furthest.append(max(span.end, self.furthest[-1]) if self.furthest else span.end)

    def overlaps(self, span: Span) -> bool:
        """True when some span of the index shares a code point with ``span`` (see :meth:`Span.overlaps`)."""
        before = bisect.bisect_left(self.starts, span.end)
        return before > 0 and self.furthest[before - 1] > span.start

    def holds(self, span: Span) -> bool:
        """True when some span of the index contains ``span`` (see :meth:`Span.contains`)."""
        before = bisect.bisect_right(self.starts, span.start)
        return before > 0 and self.furthest[before - 1] >= span.end


@dataclass(frozen=True)
class Document:
    """A source text ready for extraction.

    ``skip`` holds regions that are not prose (code blocks, URLs, markup);
    extractors must not report mentions inside them. ``sentences`` is filled
    by the segment stage.
    """

    path: str
    text: str
    format: str = "text"
    skip: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    _line_starts: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)
    _sentence_starts: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)
    _skip_index: SpanIndex = field(default=None, init=False, repr=False, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        starts = (0, *(m.end() for m in _NEWLINE.finditer(self.text)))
        object.__setattr__(self, "_line_starts", starts)
        object.__setattr__(self, "_sentence_starts", tuple(s.start for s in self.sentences))
        object.__setattr__(self, "_skip_index", SpanIndex(self.skip))

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of a code-point offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    def sentence_index(self, offset: int) -> int:
        """Index into ``sentences`` of the sentence holding ``offset`` (or the one before it)."""
        return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)

    def sentence_at(self, offset: int) -> Span:
        """The sentence that holds ``offset``; the whole text when not segmented."""
        if not self.sentences:
            return Span(0, len(self.text))
        return self.sentences[self.sentence_index(offset)]

    def excerpt(self, span: Span, limit: int = 160) -> str:
        """The text of ``span``, shortened in the middle when longer than ``limit``."""
        text = " ".join(self.text[span.start:span.end].split())
        if len(text) <= limit:
            return text
        half = (limit - 1) // 2
        return text[:half] + "…" + text[-half:]

    def in_skipped(self, span: Span) -> bool:
        """True when ``span`` overlaps a region that is not prose."""
        return self._skip_index.overlaps(span)


class Qualifier(str, enum.Enum):
    """How a hedge bounds a figure: around it, at least it, at most it."""

    APPROX = "approx"
    MIN = "min"
    MAX = "max"


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount as written: a value or a range, its unit and what it counts.

    ``value``, ``low`` and ``high`` are in ``unit`` after scale words. ``unit``
    is a pint expression in long names ("kilometer / hour", "USD", "" for a
    plain count). ``resolution`` is the place value of the last significant
    digit as written ("4,000" → 1000, "4.25" → 0.01): the basis of rounding
    tolerance. ``hedge`` is the hedge word as written ("nearly"), which the
    tolerance model reads; ``qualifier`` is its class. ``noun_inferred`` is
    True when the noun was borrowed from a neighbouring figure ("from 500 to
    4,000 personnel") rather than written after this one.
    """

    span: Span
    text: str
    value: float | None
    unit: str = ""
    unit_text: str | None = None
    low: float | None = None
    high: float | None = None
    noun: str | None = None
    qualifier: Qualifier | None = None
    hedge: str | None = None
    vague: bool = False
    age: bool = False
    resolution: float | None = None
    per: str | None = None
    difference: bool = False
    noun_inferred: bool = False

    @property
    def bounds(self) -> tuple[float, float]:
        """The stated extremes: (value, value) for a figure, (low, high) for a range."""
        if self.value is not None:
            return self.value, self.value
        return (self.low if self.low is not None else float("-inf"),
                self.high if self.high is not None else float("inf"))


@dataclass(frozen=True, slots=True)
class Date:
    """A calendar date as far as the text says it.

    ``value`` is ISO 8601: "2026-03-03", "2020-02", "2019" or "--05-01" (no
    year). ``weekday`` is the weekday the text names for it, if any.
    """

    span: Span
    text: str
    value: str
    weekday: str | None = None

    @property
    def year(self) -> int | None:
        """The year, when the text gives one."""
        return None if self.value.startswith("--") else int(self.value[:4])

    @property
    def month(self) -> int | None:
        """The month, when the text gives one."""
        part = self.value[2:4] if self.value.startswith("--") else self.value[5:7]
        return int(part) if part else None

    @property
    def day(self) -> int | None:
        """The day of the month, when the text gives one."""
        part = self.value[5:7] if self.value.startswith("--") else self.value[8:10]
        return int(part) if part else None


Mention = Union[Quantity, Date]


# ---------------------------------------------------------------- claims


@dataclass(frozen=True, slots=True)
class Change:
    """A change from one amount to another ("rose from 500 to 4,000").

    ``before`` may be missing ("expand to 4,000"). ``direction`` is what the
    words say: +1 a rise, -1 a fall, 0 not said. ``by`` is a stated size of
    the change ("up 25%", "by £21", "11 points", "by a quarter" as 25 %);
    ``factor`` a stated multiple ("threefold" is 3, "three times more" the
    range 3–4), a plain number as after / before. ``context`` is the stretch
    of text whose words may describe this change, which can reach into the
    next sentence ("the increases would be incremental").
    """

    span: Span
    after: Quantity
    before: Quantity | None = None
    by: Quantity | None = None
    factor: Quantity | None = None
    direction: int = 0
    verb: str | None = None
    verb_span: Span | None = None
    context: Span | None = None


@dataclass(frozen=True, slots=True)
class Parts:
    """A total and parts of it ("1,200 delegates: 700 ..., 450 ..., 150 ...").

    ``exhaustive`` is True when the text says the parts make up the whole
    ("split between", "comprising"), False for "including".
    """

    span: Span
    total: Quantity
    parts: tuple[Quantity, ...]
    exhaustive: bool = False


@dataclass(frozen=True, slots=True)
class Conversion:
    """One amount restated in other units ("10 km (6.2 miles)")."""

    span: Span
    source: Quantity
    target: Quantity


@dataclass(frozen=True, slots=True)
class Share:
    """Percentages of one whole ("58% voted yes and 46% no").

    ``multiple_answers`` is True when the text says a respondent could be
    counted in several shares.
    """

    span: Span
    parts: tuple[Quantity, ...]
    whole: str | None = None
    multiple_answers: bool = False
    exhaustive: bool = False


@dataclass(frozen=True, slots=True)
class Proportion:
    """A count of a whole with the percentage it is said to be ("62 of the 128 places, or 58%")."""

    span: Span
    part: Quantity
    whole: Quantity
    share: Quantity


@dataclass(frozen=True, slots=True)
class Bounded:
    """A figure of one of the members a stated range covers ("ranges from 26% in the North East to 36% in
    London" ... "Renters in the South West, who now hand over 39% of their pay")."""

    span: Span
    low: Quantity
    high: Quantity
    member: Quantity


@dataclass(frozen=True, slots=True)
class Same:
    """Mentions that speak of one thing ("9,600-strong mission" ... "the 9,600 troops")."""

    span: Span
    mentions: tuple[Quantity, ...]
    key: str = ""


@dataclass(frozen=True, slots=True)
class Duration:
    """A stated length of time with the dates or years it spans."""

    span: Span
    length: Quantity
    start: Date
    end: Date


@dataclass(frozen=True, slots=True)
class AgeClaim:
    """An age stated beside a birth year ("the 27-year-old, who was born in 1998")."""

    span: Span
    age: Quantity
    born: Date
    reference_year: int | None = None


Claim = Union[Change, Parts, Conversion, Share, Proportion, Bounded, Same, Duration, AgeClaim]


# ---------------------------------------------------------------- rules and findings


class Severity(str, enum.Enum):
    """How serious a finding is; ``rank`` orders them."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return ("info", "warning", "error").index(self.value)


@dataclass(frozen=True)
class Rule:
    """A validated rule: a check kind with its id, severity, message and options.

    ``options`` is what the kind's ``parse_params`` made of ``params``.
    ``source`` and ``line`` say where the rule was defined.
    """

    id: str
    kind: str
    severity: Severity
    message: str
    description: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)
    options: Any = None
    source: str = "<code>"
    line: int = 0

    def finding(self, span: Span, related: tuple[Span, ...] = (), **fields: Any) -> Finding:
        """A finding of this rule at ``span``, its message formatted from ``fields``."""
        return Finding(self.id, self.severity, self.message.format(**fields), span, tuple(related))


@dataclass(frozen=True)
class Finding:
    """One flagged claim: where it is, which rule, why, and what it was compared with."""

    rule: str
    severity: Severity
    message: str
    span: Span
    related: tuple[Span, ...] = ()
    plugin: str | None = None


@dataclass(frozen=True)
class FileReport:
    """The findings for one document, with the document to place them in."""

    document: Document
    findings: tuple[Finding, ...] = ()

    @property
    def path(self) -> str:
        """The document's path as given on the command line."""
        return self.document.path


@dataclass
class Summary:
    """Counts over a run, updated as file reports stream past."""

    files: int = 0
    findings: int = 0
    by_severity: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})

    def add(self, report: FileReport) -> None:
        """Count one file's findings."""
        self.files += 1
        self.findings += len(report.findings)
        for finding in report.findings:
            self.by_severity[finding.severity.value] += 1

    def worst(self) -> Severity | None:
        """The most serious severity seen, or None when there were no findings."""
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            if self.by_severity[severity.value]:
                return severity
        return None

    def as_dict(self) -> dict[str, int]:
        """The summary object of the JSON output contract."""
        return {"files": self.files, "findings": self.findings, **self.by_severity}
