"""Output of ``factcheck extract``: the mentions and changes found in each document."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Iterable, TextIO

from factcheck.model import Change, Date, Quantity

if TYPE_CHECKING:
    from factcheck.checker import Analysis


# json.dumps with options builds a new encoder for every call: one encoder serves every mention
_encode = json.JSONEncoder(ensure_ascii=False).encode


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def quantity_object(quantity: Quantity) -> dict[str, Any]:
    """A quantity as the extract output contract shapes it."""
    return {
        "text": quantity.text, "start": quantity.span.start, "end": quantity.span.end,
        "value": _number(quantity.value), "low": _number(quantity.low), "high": _number(quantity.high),
        "unit": quantity.unit, "unit_text": quantity.unit_text, "noun": quantity.noun,
        "qualifier": quantity.qualifier.value if quantity.qualifier else None,
        "vague": quantity.vague, "age": quantity.age,
    }


def date_object(date: Date) -> dict[str, Any]:
    """A date as the extract output contract shapes it."""
    return {"text": date.text, "start": date.span.start, "end": date.span.end,
            "value": date.value, "weekday": date.weekday}


def file_object(analysis: Analysis) -> dict[str, Any]:
    """One document's quantities, dates and changes (changes index into quantities)."""
    quantities = analysis.quantities
    # By span, not identity: the relate stage hands a change copies of its figures in one unit
    # ("from 52 hours a week to 40" gives the 40 hours a week).
    index = {q.span: i for i, q in reversed(list(enumerate(quantities)))}
    text = analysis.document.text
    changes = [
        {"from": index.get(c.before.span) if c.before is not None else None, "to": index.get(c.after.span),
         "text": text[c.span.start:c.span.end], "start": c.span.start, "end": c.span.end}
        for c in analysis.claims if isinstance(c, Change)
    ]
    return {"path": analysis.document.path,
            "quantities": [quantity_object(q) for q in quantities],
            "dates": [date_object(d) for d in analysis.dates],
            "changes": changes}


def _describe(quantity: Quantity) -> str:
    if quantity.vague or quantity.value is None:
        amount = f"{_number(quantity.low)}–{_number(quantity.high)}"
    else:
        amount = f"{_number(quantity.value)}"
    parts = [amount, quantity.unit or "count"]
    if quantity.noun:
        parts.append(f"of {quantity.noun}")
    if quantity.qualifier:
        parts.append(f"({quantity.qualifier.value})")
    if quantity.vague:
        parts.append("(vague)")
    if quantity.age:
        parts.append("(age)")
    return " ".join(parts)


def _file_json(entry: dict[str, Any]) -> str:
    """One file's entry, a mention per line as in the contract's example.

    Each mention is encoded on its own line by json's C encoder: indenting
    every key of every mention in Python took a sixth of ``factcheck
    extract``'s time on a large document.
    """
    lines = ["    {"]
    keys = list(entry)
    for n, key in enumerate(keys):
        value = entry[key]
        end = "," if n + 1 < len(keys) else ""
        if isinstance(value, list) and value:
            items = [f"        {_encode(item)}" for item in value]
            lines.append(f"      {json.dumps(key)}: [\n" + ",\n".join(items) + f"\n      ]{end}")
        else:
            lines.append(f"      {json.dumps(key)}: {_encode(value)}{end}")
    lines.append("    }")
    return "\n".join(lines)


def write_mentions(analyses: Iterable[Analysis], out: TextIO, fmt: str, version: str) -> None:
    """Write each document's mentions as text lines or as the JSON contract."""
    if fmt == "json":
        out.write(f'{{\n  "tool": {json.dumps({"name": "factcheck", "version": version})},\n  "files": [')
        for i, analysis in enumerate(analyses):
            out.write(("," if i else "") + "\n" + _file_json(file_object(analysis)))
        out.write("\n  ]\n}\n")
        return
    for analysis in analyses:
        document = analysis.document
        for mention in analysis.mentions:
            line, column = document.position(mention.span.start)
            if isinstance(mention, Date):
                detail = f"date {mention.value}" + (f" ({mention.weekday})" if mention.weekday else "")
            else:
                detail = _describe(mention)
            out.write(f"{document.path}:{line}:{column}: {mention.text!r} → {detail}\n")
