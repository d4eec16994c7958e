"""The built-in extractor: quantities and dates in English news and report prose."""
from __future__ import annotations

import functools

from factcheck import hookimpl
from factcheck.builtin.extract.dates import DateReader
from factcheck.builtin.extract.lexicon import load_lexicon
from factcheck.builtin.extract.quantities import QuantityReader
from factcheck.model import Document, Mention
from factcheck.units import Units


@functools.cache
def readers() -> tuple[DateReader, QuantityReader]:
    """The date and quantity readers, built once per process."""
    lexicon = load_lexicon()
    return DateReader(lexicon), QuantityReader(lexicon)


def extract_mentions(document: Document) -> list[Mention]:
    """The dates and quantities of a document, in text order, none inside ``document.skip``."""
    date_reader, quantity_reader = readers()
    dates, date_spans = date_reader.find(document.text, list(document.skip))
    quantities = quantity_reader.read(document.text, list(document.skip) + date_spans)
    return sorted([*dates, *quantities], key=lambda m: (m.span.start, m.span.end))


@hookimpl(trylast=True)
def factcheck_extract(document: Document, units: Units) -> list[Mention]:
    """Quantities and dates, read with the lexicon in ``factcheck/data/lexicon.yaml``."""
    return extract_mentions(document)
