"""Figures laid out rather than written in sentences: table columns and bulleted lists above a total, table
rows that give a figure at two times and the change between them ("| 12,900 | 16,640 | +22% |" under a
"Change" header; columns newest first, "| FY2025 | FY2024 |", are read the other way), and table rows the
prose restates ("In the north ward 1,420 households have now signed up" for "| North ward | 1,240 |").

    | District | Rate per $1,000 | Share of bill |
    | --- | --- | --- |
    | School district | $5.40 | 45% |
    | County | $3.00 | 25% |
    | **Total** | **$12.00** | **100%** |

A table column whose last row is labelled a total ("Total", "All",
"Overall") and whose other rows hold one figure each is a breakdown:
percentages, when the total row says 100%, are shares of one whole; other
figures in the total's unit are its parts, the table's rows covering it.
Columns whose rows add up to nowhere near the total row (an average, a
rate) are left alone, as are tables without a total row, unless a column's header names
shares ("Share of electricity supplied"): a column of growth rates or
turnouts shares out nothing; or names what the line above the table
totals ("declared 18,420 valid votes cast" over a "Votes" column): its
rows are parts of that total, not said to be all of it.

    - Sarah Hughes (Labour) 1,412
    - Owain Pryce (Liberal Democrat) 1,036

    Total valid votes: 3,855.

A bulleted or numbered list whose items each hold one figure (a percentage
beside it aside), followed by a sentence that opens on a total ("Total
valid votes: 3,855", "A total of 4,280 votes were cast"), lists parts of
that total. The list is not said to be complete, so only parts adding up to
more than the total disagree with it; a list opened by a line that makes
its one figure up of the items ("the £1,849 typical bill is made up of:")
covers it; one opened by a line that ends on a count and a colon ("The
committee considered 23 applications:") lists parts of it when the items
add up to about the count. A list opened by a line that names
shares ("The shares of the vote were:", "Full result:") or one answer each
("asked to choose the one mode they use") whose items each
hold one percentage shares out one whole, as do consecutive items that each
name the same whole ("- 62%: share of walkers who were international").
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterator, Sequence

from factcheck import patterns
from factcheck.builtin.extract.lexicon import load_lexicon as load_extract_lexicon
from factcheck.builtin.relate.changes import align
from factcheck.builtin.relate.lexicon import load_lexicon
from factcheck.builtin.relate.remainder import paragraph_start, whole_before
from factcheck.builtin.relate.text import RESTRICTING_RELATIVE, STOP_WORDS, WORD, YARDSTICKS, lemma
from factcheck.builtin.tolerance import agree, value_ratio
from factcheck.model import Change, Document, Parts, Quantity, Same, Share, Span

_ROW = patterns.compile(r"(?m)^[^\n|]*\|.*$")  # the outer bars may be left out: "Town | Sales"
_DIVIDER = patterns.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*")
_TOTAL_LABEL = patterns.compile(r"(?i)[\s*_]*(?:grand\s+)?(?:total|all|overall|sum)\b")
_SHARE_HEADER = patterns.compile(r"(?i)\b(?:share|proportion|breakdown|split)\b|%\s+of\b")
_EXCEEDS = patterns.compile(r"(?i)\b(?:adds?|adding|comes?|totals?)\s+(?:up\s+)?to\s+more\s+than\b|\bmore\s+than\s+one\s+"
                            r"(?:role|group|category|team|site|service|activity)\b")
_ANSWERS_REACH = 300  # characters above a table or list in which a note of several answers may stand
_INTRO_REACH = 400  # characters of the line before a list that are read as its opening line
_PLAUSIBLE_SUM = (0.5, 1.5)  # parts adding to outside these times the total are no breakdown of it
# The line that opens a list of shares: "The shares of the vote were:", "How the vote split:", "Full result:"
_SHARES_INTRO = patterns.compile(r"(?i)\b(?:shares?|of\s+the\s+vote|breakdown|split|results?)\b[^\n]*:$")
# "Respondents were asked to choose the one mode they use": one answer each, so the items share out those asked
_ONE_ANSWER_INTRO = patterns.compile(r"(?i)\b(?:the\s+one|a\s+single|the\s+single|their\s+main|the\s+main|one\s+answer|"
                                     r"only\s+one)\b")
_MEASURED_AGAINST = YARDSTICKS | {"budget", "plan", "capacity", "quota", "allocation", "last", "previous", "prior"}
_SHARE_OF = patterns.compile(r"(?i)\b(?:share|proportion|percentage)\s+of\s+(?:the\s+|all\s+)?(?P<whole>[\p{L}-]+)")
_INCLUDING = patterns.compile(r"(?i),?\s+(?:including|among\s+them|of\s+which|of\s+whom)\b")
_COLON_AFTER = patterns.compile(r"[^\d:]{0,40}:")  # "23 applications:": the figure's own words, then the colon
_LABEL_REACH = 40  # characters before a prose figure in which a row's label may name it
_DIGIT = patterns.compile(r"\d")
_UNIT_HEADER = patterns.compile(r"[\s*_]*(?:in\s+)?(?P<sign>[£$€¥])\s*(?P<scale>m|bn|k|000|million|billion)?[\s*_]*")
_NOT_MEASURES = frozenset({"", "percent", "percentage_point"})
_LABEL_TIMES = frozenset({"year", "end", "start", "month", "quarter", "annual", "yearly"})  # "Employees at year end"
_SLIP = 1.3  # how far apart a row's figure and the prose's may be and still be one figure, mistyped
_HEADER_YEAR = patterns.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_CHANGE_HEADER = patterns.compile(r"(?i)\b(?:change|growth|increase|decrease|rise|fall|difference|diff)\b|[%±]|\+/[-−]")
_HEADER_NOUN = patterns.compile(r"[\s*_]*(?:(?:number\s+of|no\.\s+of)\s+)?(?P<noun>[\p{L}]+)(?:\s+\p{Ll}+)?[\s*_]*")  # "Votes", "Jobs cut"
# "published the following breakdown of the reductions by country:": a line that opens a breakdown
_BREAKDOWN_INTRO = patterns.compile(r"(?i)\b(?:breakdown|broken\s+down|breaks\s+down|split|as\s+follows)\b[^\n]*:\s*$")
_ITEM = patterns.compile(r"(?m)^[ \t]*(?:[-*+•]|\d{1,2}[.)])[ \t]+\S.*$")
# What opens the sentence after a list, before its total: "Total valid votes:", "A total of", "In total,"
_TOTAL_OPENER = patterns.compile(r"(?i)\s*(?:[*_]*total\b[^.;\d\n]{0,40}?[:\-–—]?[*_]*\s*|a\s+total\s+of\s+|in\s+(?:total|all),?\s+)"
                                 r"(?:(?:some|about|around)\s+)?$")


@dataclass(frozen=True, slots=True)
class _Row:
    """One row of a table: where each cell's text lies, the divider bars left out."""

    cells: tuple[Span, ...]


def _cells(text: str, line: Span) -> tuple[Span, ...]:
    """The spans between the bars of one table line, with or without its outer bars."""
    bars = [i for i in range(line.start, line.end) if text[i] == "|" and (i == 0 or text[i - 1] != "\\")]
    row = text[line.start:line.end]
    if not row.lstrip().startswith("|"):
        bars.insert(0, line.start - 1)
    if not row.rstrip().endswith("|"):
        bars.append(line.end)
    return tuple(Span(a + 1, b) for a, b in zip(bars, bars[1:]))


def _tables(text: str) -> Iterator[tuple[_Row | None, list[_Row]]]:
    """Each table: its header row (the line above the divider) and its body rows in order."""
    rows: list[_Row] = []
    header: _Row | None = None
    previous: _Row | None = None
    last_end, body = -2, False
    for match in _ROW.finditer(text):
        line = Span(match.start(), match.end())
        if match.start() > last_end + 1:  # a line that is not a table row came between
            if body and rows:
                yield header, rows
            rows, body, header, previous = [], False, None, None
        last_end = match.end()
        if _DIVIDER.fullmatch(text, line.start, line.end):
            body, header = True, previous
        elif body:
            rows.append(_Row(_cells(text, line)))
        else:
            previous = _Row(_cells(text, line))
    if body and rows:
        yield header, rows


def _one_figure(quantities: Sequence[Quantity], starts: list[int], cell: Span) -> Quantity | None:
    """The figure a cell holds when it holds exactly one."""
    first = bisect.bisect_left(starts, cell.start)
    inside = [q for q in quantities[first:first + 2] if q.span.end <= cell.end]
    return inside[0] if len(inside) == 1 and not inside[0].vague and inside[0].value is not None else None


def find_layout_claims(document: Document, quantities: Sequence[Quantity],
                       changes: Sequence[Change] = ()) -> list[Parts | Share | Change | Same]:
    """Breakdowns and shares read from table columns with a total row and from lists followed by a total;
    changes read from table rows that give a figure, a later one and the change between them; a table row's
    figure restated in the prose."""
    starts = [q.span.start for q in quantities]
    return [*_table_claims(document.text, quantities, starts), *_list_claims(document.text, quantities, starts),
            *_row_changes(document.text, quantities, starts),
            *_rows_restated(document, quantities, starts, {c.before.span for c in changes if c.before})]


def _rows_restated(document: Document, quantities: Sequence[Quantity], starts: list[int],
                   bases: set[Span]) -> list[Same]:
    """A prose figure that names a table row by every word of its label and gives, in the unit of the row's
    figures, an amount none of them agrees with but one is close to: "| North ward | 1,240 |" and "In the
    north ward 1,420 households have now signed up". A change's starting figure is another time's.

    Rows are looked up by one word of their label, so a long table against long prose is not every row
    against every sentence.
    """
    text = document.text
    if "|" not in text:
        return []
    lexicon = load_lexicon()
    # a label with a number in it ("Year 7", "Ward 12") or shared by several rows names no one row by its words
    labelled = [(row, label, header) for header, body in _tables(text) for row in body
                if row.cells and not _DIGIT.search(text, row.cells[0].start, row.cells[0].end)
                and (label := _row_label(text, row.cells[0]))]
    counts = Counter(label for _, label, _ in labelled)
    rows = [entry for entry in labelled if counts[entry[1]] == 1]
    by_word: dict[str, list[int]] = {}
    for index, (_, label, _) in enumerate(rows):
        by_word.setdefault(min(label), []).append(index)
    found = []
    for sentence in document.sentences if rows else ():
        figures = [q for q in quantities[bisect.bisect_left(starts, sentence.start):
                                         bisect.bisect_left(starts, sentence.end)]
                   if q.value is not None and not q.vague and q.qualifier is None and q.span not in bases]
        if not figures or "|" in text[sentence.start:sentence.end]:
            continue  # no figure, or a table's own line
        said = {lexicon.canonical(lemma(w.lower())) for w in WORD.findall(text, sentence.start, sentence.end)}
        for index in sorted(i for word in said for i in by_word.get(word, ())):
            row, label, header = rows[index]
            if label <= said:
                found += [same for figure in figures if (same := _restated(text, quantities, starts, figure, row,
                                                                            label, header, sentence)) is not None]
    return found


def _row_label(text: str, cell: Span) -> frozenset[str]:
    """The words that name a row in prose: its label's content words, a synonym by its usual name, with the time
    that dates the row left out ("Employees at year end" is named by "our 4,280 colleagues")."""
    lexicon = load_lexicon()
    return frozenset(lexicon.canonical(w) for w in _label_words(text, cell)) - _LABEL_TIMES


def _table_unit(text: str, header: _Row | None) -> tuple[str, float] | None:
    """The currency and scale a table's first header cell gives its bare figures: "| £m | 2024 | 2023 |"."""
    if header is None or not header.cells:
        return None
    unit = _UNIT_HEADER.fullmatch(text, header.cells[0].start, header.cells[0].end)
    if unit is None:
        return None
    lexicon = load_extract_lexicon()
    scale = unit["scale"] or ""
    factor = lexicon.scale_abbreviations.get(scale) or lexicon.scale_words.get(scale.lower()) or (
        1000.0 if scale == "000" else 1.0 if not scale else None)
    return (lexicon.currency_signs[unit["sign"]], factor) if factor is not None else None


def _in_table_unit(quantity: Quantity, unit: str, factor: float) -> Quantity:
    """A bare figure of a table read in the table's unit: 18.8 under "£m" is £18.8m."""
    if quantity.unit or quantity.value is None:
        return quantity
    resolution = quantity.resolution * factor if quantity.resolution is not None else None
    return replace(quantity, value=quantity.value * factor, unit=unit, resolution=resolution)


def _year_column(text: str, row: _Row, header: _Row | None, sentence: Span) -> int | None:
    """In a table of years ("| Measure | 2024 | 2023 |"), the column a prose sentence speaks of: the year it
    names, or with none the latest. None when the figure columns are not all headed by years."""
    if header is None or len(header.cells) != len(row.cells) or len(row.cells) < 3:
        return None
    years = [_HEADER_YEAR.fullmatch(text[c.start:c.end].strip(" *_")) for c in header.cells[1:]]
    if not all(years):
        return None
    numbers = [int(y.group()) for y in years if y is not None]
    named = [i for i, year in enumerate(numbers) if str(year) in text[sentence.start:sentence.end]]
    return 1 + (named[0] if len(named) == 1 else numbers.index(max(numbers)))


def _restated(text: str, quantities: Sequence[Quantity], starts: list[int], figure: Quantity, row: _Row,
              label: frozenset[str], header: _Row | None, sentence: Span) -> Same | None:
    """The figure of ``row`` that a prose ``figure`` naming the row mistypes, as one figure stated twice."""
    if not _names_row(text, figure, label) or RESTRICTING_RELATIVE.match(text, figure.span.end):
        return None  # "The 47,830 residents who live in households, rather than in care homes": some of the row
    lexicon = load_lexicon()
    headed = [(i, q, frozenset(lexicon.canonical(w) for w in _label_words(text, header.cells[i]))
               if header is not None and i < len(header.cells) else frozenset())
              for i, cell in enumerate(row.cells) if i and (q := _one_figure(quantities, starts, cell))]
    in_unit = _table_unit(text, header)
    if in_unit is not None and figure.unit == in_unit[0]:
        headed = [(i, _in_table_unit(q, *in_unit), words) for i, q, words in headed]
    if any(q.unit == figure.unit and agree(figure, q) for _, q, _ in headed):
        return None  # the prose gives one of the row's figures: "rose 9% to £212.4m (2023: £189.6m)"
    year_column = _year_column(text, row, header, sentence)
    columns = [(q, words) for i, q, words in headed if year_column is None or i == year_column]
    noun = lexicon.canonical(lemma(figure.noun.split()[-1].lower())) if figure.noun else None
    same_unit = [q for q, _ in columns if q.unit == figure.unit]
    # the figure's noun heads the cell's column ("| Households signed up |"), or, in a row of one figure
    # (or of one year's), is the row's own label ("| Customers affected | 1,842 |")
    # a measure or an amount of money has no noun of its own: the label right before names it ("Operating profit
    # rose to £18.3m", "Wind capacity reached 28.4 GW"); a percentage may as well be a change ("paying 12% more")
    named = noun in label if noun is not None else figure.unit not in _NOT_MEASURES and \
        _label_before(text, figure, label)
    same_unit = [q for q, words in columns if q.unit == figure.unit and noun is not None and noun in words] \
        or (same_unit if len(same_unit) == 1 and named else [])
    if not same_unit or any(agree(figure, q) for q in same_unit):
        return None
    nearest = min(same_unit, key=lambda q: value_ratio(q.value or 0, figure.value or 0) or 99)
    if (value_ratio(nearest.value or 0, figure.value or 0) or 99) > _SLIP:
        return None
    first, second = sorted((nearest, figure), key=lambda q: q.span.start)  # the table may stand below the prose
    return Same(span=Span(first.span.start, second.span.end), mentions=(first, second), key=" ".join(sorted(label)))


def _names_row(text: str, figure: Quantity, label: frozenset[str]) -> bool:
    """True when a figure is the row's by its own words: its noun is a word of the label ("1,482 customers" for
    "Customers affected"), or the whole label stands right before it ("In the north ward 1,420 households")."""
    if figure.noun and load_lexicon().canonical(lemma(figure.noun.split()[-1].lower())) in label:
        return True
    return _label_before(text, figure, label)


def _label_before(text: str, figure: Quantity, label: frozenset[str]) -> bool:
    """True when every word of a row's label stands right before a prose figure: "Operating profit rose to £18.3m"."""
    lexicon = load_lexicon()
    before = {lexicon.canonical(lemma(w.lower()))
              for w in WORD.findall(text, max(0, figure.span.start - _LABEL_REACH), figure.span.start)}
    return label <= before


def _label_words(text: str, cell: Span) -> frozenset[str]:
    """The content words of a row's label, lower-cased: "North ward" gives {"north", "ward"}."""
    words = {lemma(w.lower()) for w in WORD.findall(text, cell.start, cell.end)} - STOP_WORDS
    return frozenset(w for w in words if len(w) >= 3 and not _TOTAL_LABEL.fullmatch(w))


def _newest_first(text: str, left: Span, right: Span, first: Quantity, second: Quantity, sign: int) -> bool:
    """True when a table's two value columns run from the later to the earlier: by the years their headers name
    ("FY2025 | FY2024"), else, when the headers name none, by the way the change's sign goes."""
    years = [[int(y) for y in _HEADER_YEAR.findall(text, cell.start, cell.end)] for cell in (left, right)]
    if years[0] and years[1]:
        return max(years[0]) > max(years[1])
    if first.value is None or second.value is None or first.value == second.value:
        return False
    return (second.value > first.value) != (sign > 0)


def _row_changes(text: str, quantities: Sequence[Quantity], starts: list[int]) -> list[Change]:
    """ "| Online appeal | 12,900 | 16,640 | +22% |" under "| Event | 2024 | 2025 | Change |": the last two
    figures before a column of changes in per cent are a change of that size."""
    if "|" not in text:
        return []
    found = []
    for header, rows in _tables(text):
        if header is None:
            continue
        width = len(header.cells)
        for column in range(3, width):
            cell = header.cells[column]
            if not _CHANGE_HEADER.search(text, cell.start, cell.end) or _SHARE_HEADER.search(text, cell.start, cell.end) \
                    or any(w.lower() in _MEASURED_AGAINST for w in WORD.findall(text, cell.start, cell.end)):
                continue  # "% of target", "Share of sales": no change
            for row in rows:
                if len(row.cells) != width:
                    continue
                before, after, size = (_one_figure(quantities, starts, row.cells[c]) for c in (column - 2, column - 1,
                                                                                               column))
                if before is None or after is None or size is None or size.unit != "percent" \
                        or before.unit != after.unit or (value_ratio(before.value or 0, after.value or 0) or 99) > 10:
                    continue  # "| Sales | Average price | Change |": two measures, not one at two times
                sign = -1 if (size.value or 0) < 0 or text[row.cells[column].start:size.span.start].strip() in (
                    "-", "−", "–") else 1
                if _newest_first(text, header.cells[column - 2], header.cells[column - 1], before, after, sign):
                    before, after = after, before  # "| FY2025 | FY2024 | Change |"
                pair = align(before, after)
                if pair is None or not before.value:
                    continue
                by = replace(size, value=abs(size.value or 0.0))
                found.append(Change(span=Span(before.span.start, size.span.end), after=pair[1], before=pair[0], by=by,
                                    direction=sign, context=Span(row.cells[0].start, row.cells[-1].end)))
    return found


def _list_claims(text: str, quantities: Sequence[Quantity], starts: list[int]) -> list[Parts | Share]:
    """Parts: the one figure of each item of a list, when the sentence right after the list opens on its total;
    shares: the one percentage of each item, when the line that opens the list names shares of one whole."""
    claims: list[Parts | Share] = []
    for items, after in _lists(text):
        shares = [_item_share(quantities, starts, item) for item in items]
        intro_line = _line_before(text, items[0].start)
        intro = text[intro_line.start:intro_line.end]
        if len(shares) >= 2 and all(shares) and (_SHARES_INTRO.search(intro) or _ONE_ANSWER_INTRO.search(intro)):
            listed = tuple(q for q in shares if q is not None)
            claims.append(Share(span=Span(listed[0].span.start, listed[-1].span.end), parts=listed,
                                whole="votes" if "vote" in intro.lower() else None,
                                multiple_answers=_several_answers_above(text, items[0].start)))
        else:
            claims += _shares_named_alike(text, items, shares)
        parts = [_item_figure(text, quantities, starts, item) for item in items]
        if len(parts) < 2 or any(p is None for p in parts):
            continue
        listed_parts = [p for p in parts if p is not None]
        introduced = _introduced_total(text, quantities, starts, intro_line, listed_parts)
        counted = _counted_before_colon(text, quantities, starts, intro_line) if introduced is None else None
        if introduced is not None:
            claim = _breakdown(introduced, listed_parts, exhaustive=True, end=items[-1].end)
        elif counted is not None:
            # "The committee considered 23 applications:" over "1. Approved: 14 ... 2. Refused: 6 ...": parts of it,
            # not said to be all; only a list adding up to about the figure is one
            claim = _breakdown(counted, listed_parts, exhaustive=False, end=items[-1].end)
            if claim is not None and not _PLAUSIBLE_SUM[0] <= sum(p.value or 0 for p in claim.parts) / (
                    counted.value or 1) <= _PLAUSIBLE_SUM[1]:
                claim = None
        else:
            first = bisect.bisect_left(starts, after)
            total = quantities[first] if first < len(quantities) else None
            if total is None or total.value is None or total.vague or \
                    not _TOTAL_OPENER.fullmatch(text, after, total.span.start):
                continue
            claim = _breakdown(total, listed_parts, exhaustive=False, end=total.span.end)
        if claim is not None:
            claims.append(claim)
    return claims


def _shares_named_alike(text: str, items: list[Span], shares: list[Quantity | None]) -> list[Share]:
    """Shares of one whole from consecutive items that each name it: "- 62%: share of walkers who were
    international visitors", "- 41%: share of walkers who were New Zealand residents"."""
    found: list[Share] = []
    run: list[Quantity] = []
    whole = None
    for item, share in [*zip(items, shares), (None, None)]:
        named = _SHARE_OF.search(text, item.start, item.end) if item is not None and share is not None else None
        name = named["whole"].lower() if named else None
        if share is not None and name is not None and (not run or name == whole):
            run.append(share)
            whole = name
            continue
        if len(run) >= 2 and whole is not None:
            found.append(Share(span=Span(run[0].span.start, run[-1].span.end), parts=tuple(run), whole=whole))
        run, whole = ([share], name) if share is not None and name is not None else ([], None)
    return found


def _introduced_total(text: str, quantities: Sequence[Quantity], starts: list[int], intro: Span,
                      parts: Sequence[Quantity]) -> Quantity | None:
    """The whole that the line opening a list with a phrase of making up and a colon names: its one figure in the
    parts' unit ("the £1,849 typical bill is made up of:", "The 6,480 patients waiting more than a year break down
    as follows:"), or, when it has none, the figure before it that the parts' sum fits ("the money will be
    allocated as follows:")."""
    if not text.endswith(":", intro.start, intro.end) or \
            not load_lexicon().whole_cue.search(text, intro.start, intro.end):
        return None
    inside = quantities[bisect.bisect_left(starts, intro.start):bisect.bisect_left(starts, intro.end)]
    figures = [q for q in inside if q.value is not None and not q.vague and q.unit != "percent"]
    if len(figures) > 1:
        figures = [q for q in figures if q.unit == parts[0].unit]  # "more than a year" is no total of counts
    if len(figures) == 1:
        return figures[0]
    if any(q.unit == parts[0].unit for q in inside):
        return None
    return whole_before(text, quantities, starts, paragraph_start(text, intro.start), parts, set())


def _counted_before_colon(text: str, quantities: Sequence[Quantity], starts: list[int], intro: Span) -> Quantity | None:
    """The one count of a line that opens a list with a colon right after it: "considered 23 applications:"."""
    if not text.endswith(":", intro.start, intro.end):
        return None
    inside = quantities[bisect.bisect_left(starts, intro.start):bisect.bisect_left(starts, intro.end)]
    figures = [q for q in inside if q.value is not None and not q.vague and q.unit != "percent"]
    if len(figures) != 1 or not figures[0].noun or not _COLON_AFTER.fullmatch(text, figures[0].span.end, intro.end):
        return None
    return figures[0]


def _breakdown(total: Quantity, parts: list[Quantity], exhaustive: bool, end: int) -> Parts | None:
    """The parts of ``total`` in its unit, or None when one cannot be."""
    aligned = [align(p, total) for p in parts]
    if any(a is None or a[1].unit != total.unit for a in aligned):
        return None
    return Parts(span=Span(min(total.span.start, parts[0].span.start), end), total=total,
                 parts=tuple(a[0] for a in aligned if a is not None), exhaustive=exhaustive)


def _lists(text: str) -> Iterator[tuple[list[Span], int]]:
    """Each run of list items on consecutive lines, with where the first line after it (blank lines skipped) starts."""
    items: list[Span] = []
    for match in _ITEM.finditer(text):
        if items and text[items[-1].end:match.start()].strip():
            yield items, _next_line(text, items[-1].end)
            items = []
        items.append(Span(match.start(), match.end()))
    if items:
        yield items, _next_line(text, items[-1].end)


def _next_line(text: str, end: int) -> int:
    """Where the first line with text after ``end`` begins."""
    position = end
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _item_figure(text: str, quantities: Sequence[Quantity], starts: list[int], item: Span) -> Quantity | None:
    """The one figure of a list item, a percentage beside it aside ("ANC: 2,130 (49.8%)"), and figures of a part
    of it aside ("Approved: 14, including ... six householder extensions")."""
    first = bisect.bisect_left(starts, item.start)
    including = _INCLUDING.search(text, item.start, item.end)
    end = including.start() if including else item.end
    inside = [q for q in quantities[first:first + 4] if q.span.end <= end]
    figures = [q for q in inside if q.unit != "percent"]
    if len(figures) != 1 or len(inside) - len(figures) > 1 or figures[0].vague or figures[0].value is None:
        return None
    return figures[0]


def _line_before(text: str, start: int) -> Span:
    """Where the last line with text before ``start`` stands, its trailing white space left out."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    floor = max(0, end - _INTRO_REACH)
    newline = text.rfind("\n", floor, end)
    return Span(newline + 1 if newline >= 0 else floor, end)


def _item_share(quantities: Sequence[Quantity], starts: list[int], item: Span) -> Quantity | None:
    """The one percentage of a list item ("Reform UK: 41.5%", "ANC: 2,130 (49.8%)")."""
    first = bisect.bisect_left(starts, item.start)
    shares = [q for q in quantities[first:first + 4] if q.span.end <= item.end and q.unit == "percent"]
    return shares[0] if len(shares) == 1 and shares[0].value is not None and not shares[0].vague else None


def _table_claims(text: str, quantities: Sequence[Quantity], starts: list[int]) -> list[Parts | Share]:
    """Breakdowns and shares read from the columns of each table with a total row."""
    if "|" not in text:
        return []
    claims: list[Parts | Share] = []
    for header, rows in _tables(text):
        total_row, body = rows[-1], rows[:-1]
        # "| **Total income** | ... |" part way down: the rows after it are the last total's parts
        subtotal = max((i for i, row in enumerate(body)
                        if row.cells and _TOTAL_LABEL.match(text, row.cells[0].start, row.cells[0].end)), default=-1)
        body = body[subtotal + 1:]
        if len(body) < 2 or not total_row.cells or not _TOTAL_LABEL.match(text, total_row.cells[0].start,
                                                                           total_row.cells[0].end):
            claims += _share_columns(text, quantities, starts, header, rows)
            claims += _columns_of_a_total_before(text, quantities, starts, header, rows)
            continue
        beyond = _columns_said_to_exceed(text, header, rows)
        for column in range(1, len(total_row.cells)):
            if any(len(row.cells) != len(total_row.cells) for row in body):
                break
            if beyond is not None and (not beyond or column in beyond):
                continue  # "Many volunteers cover more than one role, so the Volunteers column adds up to more"
            total = _one_figure(quantities, starts, total_row.cells[column])
            parts = [_one_figure(quantities, starts, row.cells[column]) for row in body]
            if total is None or any(p is None for p in parts):
                continue
            claim = _column_claim(total, [p for p in parts if p is not None])
            if claim is not None:
                claims.append(claim)
    return claims


def _share_columns(text: str, quantities: Sequence[Quantity], starts: list[int], header: _Row | None,
                   rows: list[_Row]) -> list[Share]:
    """Shares from a column with no total row whose header names shares ("Share of electricity supplied")."""
    if header is None or len(rows) < 2:
        return []
    found = []
    for column, cell in enumerate(header.cells):
        if column == 0 or not _SHARE_HEADER.search(text, cell.start, cell.end):
            continue
        if any(w.lower() in _MEASURED_AGAINST for w in WORD.findall(text, cell.start, cell.end)):
            continue  # "% of target", "% of budget": each row measured against its own yardstick
        shares = [_one_figure(quantities, starts, row.cells[column]) if len(row.cells) == len(header.cells) else None
                  for row in rows]
        if any(q is None or q.unit != "percent" for q in shares):
            continue
        listed = tuple(q for q in shares if q is not None)
        found.append(Share(span=Span(listed[0].span.start, listed[-1].span.end), parts=listed, exhaustive=True,
                           multiple_answers=_several_answers_above(text, header.cells[0].start)))
    return found


def _columns_said_to_exceed(text: str, header: _Row | None, rows: list[_Row]) -> set[int] | None:
    """The columns a note just above or below a table says add up to more than its total (all of them when the
    note names none), or None when no note says so."""
    lexicon = load_lexicon()
    start = text.rfind("\n", 0, (header or rows[0]).cells[0].start) + 1
    end = rows[-1].cells[-1].end
    for low, high in ((max(0, start - _ANSWERS_REACH), start), (end, min(len(text), end + _ANSWERS_REACH))):
        note = lexicon.several_answers.search(text, low, high) or _EXCEEDS.search(text, low, high)
        if note is None:
            continue
        sentence_start = max(text.rfind(".", low, note.start()), text.rfind("\n", low, note.start()), low - 1) + 1
        said = text[sentence_start:note.end()].lower()
        headers = header.cells if header is not None else ()
        return {i for i, cell in enumerate(headers) if i and (name := text[cell.start:cell.end].strip(" *_").lower())
                and name in said}
    return None


def _several_answers_above(text: str, start: int) -> bool:
    """True when the lines just above a table or list say a respondent could give several answers ("Respondents
    could tick as many as applied, so the shares below add up to more than 100%")."""
    lexicon = load_lexicon()
    above = max(0, start - _ANSWERS_REACH)
    return lexicon.says_several_answers(text, above, start)


def _columns_of_a_total_before(text: str, quantities: Sequence[Quantity], starts: list[int], header: _Row | None,
                               rows: list[_Row]) -> list[Parts]:
    """Parts from a column with no total row whose header names what the line before the table totals: "showed
    18,420 valid votes cast" above a "Votes" column. The rows are not said to be all of it: only overs disagree."""
    if header is None or len(rows) < 2 or not header.cells:
        return []
    before = _line_before(text, text.rfind("\n", 0, header.cells[0].start) + 1)
    inside = quantities[bisect.bisect_left(starts, before.start):bisect.bisect_left(starts, before.end)]
    found = []
    for column, cell in enumerate(header.cells):
        name = _HEADER_NOUN.fullmatch(text, cell.start, cell.end)
        if column == 0 or name is None:
            continue
        noun = lemma(name["noun"].lower())
        totals = [q for q in inside if q.noun and q.value is not None and not q.vague
                  and lemma(q.noun.split()[-1].lower()) == noun]
        parts = [_one_figure(quantities, starts, row.cells[column]) if len(row.cells) == len(header.cells) else None
                 for row in rows]
        if any(p is None for p in parts):
            continue
        if not totals and _BREAKDOWN_INTRO.search(text, before.start, before.end):
            # "published the following breakdown of the reductions by country:" above a "Jobs cut" column: the
            # whole is the figure of the column's noun before it that the rows' sum fits ("cut 2,400 jobs")
            whole = whole_before(text, quantities, starts, paragraph_start(text, before.start),
                                 [p for p in parts if p is not None], set())
            totals = [whole] if whole is not None and whole.noun and \
                lemma(whole.noun.split()[-1].lower()) == noun else []
        if len(totals) != 1:
            continue
        claim = _breakdown(totals[0], [p for p in parts if p is not None], exhaustive=False, end=rows[-1].cells[-1].end)
        if claim is not None and totals[0].value and _PLAUSIBLE_SUM[0] <= sum(
                p.value or 0 for p in claim.parts) / totals[0].value <= _PLAUSIBLE_SUM[1]:
            found.append(claim)
    return found


def _column_claim(total: Quantity, parts: list[Quantity]) -> Parts | Share | None:
    """The shares or the breakdown one column states, or None when its total row is no sum of its rows."""
    if total.unit == "percent":
        if total.value != 100 or any(p.unit != "percent" for p in parts):
            return None  # a column of rates or changes: its "total" is no whole
        return Share(span=Span(parts[0].span.start, total.span.end), parts=tuple(parts), exhaustive=True)
    claim = _breakdown(total, parts, exhaustive=True, end=total.span.end)
    if claim is None or not total.value:
        return None
    share_of_total = sum(p.value or 0 for p in claim.parts) / total.value
    if not _PLAUSIBLE_SUM[0] <= share_of_total <= _PLAUSIBLE_SUM[1]:
        return None  # "Average price" or "Rate" under a total row: not parts of it
    return claim
