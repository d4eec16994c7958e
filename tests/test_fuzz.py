"""Property-based fuzzing of the whole pipeline: no text can make a built-in plugin raise.

Hypothesis generates adversarial documents (random Unicode, and text built
from the tokens the extractor and the relate stage react to) and shrinks any
failure to a minimal input. The committed run is small and derandomized so
that CI is fast and stable (200 examples a property); a long campaign is one
environment variable away, and ``bench/fuzz.py`` runs it and reports the
number of examples::

    .venv/bin/python bench/fuzz.py --examples 1000                    # every property, new seeds
    FACTCHECK_FUZZ=campaign .venv/bin/pytest tests/test_fuzz.py -q    # the same by hand (3000 by default)

Each bug found that way becomes an explicit regression test next to the
code it fixes; this file only holds the properties.
"""
from __future__ import annotations

import functools
import io
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.builtin.formatters.mentions import write_mentions
from factcheck.checker import INTERNAL_ERROR, Checker
from factcheck.config import Config
from factcheck.formatters import RunInfo
from factcheck.model import Span

settings.register_profile("ci", max_examples=200, deadline=2000, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("campaign", max_examples=int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "3000")),
                          deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("FACTCHECK_FUZZ", "ci"))

SUFFIXES = (".txt", ".md", ".html")

WORDS = """
from to between and or of the a an by up down rose fell increased decreased grew doubled halved tripled
slightly sharply incremental modest surge dropped around about nearly almost some roughly more than over
at least up to less than fewer under at most no more than an estimated per a an each total including
which were was is are in on for with percent per cent percentage points times fold threefold half
million billion bn m k thousand hundred dozen dozens hundreds thousands tens of score
km miles mi kg lb tonnes tons metres meters feet ft in inches °C °F C F degrees mph km/h hours days
years months weeks decades year-old aged age people troops personnel jobs homes cases
January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Monday Tuesday Wednesday Thursday Friday Saturday Sunday today yesterday first second third
""".split()

PUNCTUATION = list(".,;:!?()[]{}\"'“”‘’-–—/…%$£€¥") + ["(", ")", " - ", " -- ", "..."]

MARKUP = [
    "<!-- factcheck: ignore -->", "<!-- factcheck: ignore change-descriptor -- why -->",
    "# factcheck: ignore", "<!--", "-->", "<a href='x'>", "</a>", "<a", "<b>", "</b>", "<p>", "</p>",
    "<script>", "</script>", "<pre>", "</pre>", "<code>", "`", "```", "~~~", "    ", "\t", "- ", "* ",
    "1. ", "> ", "# ", "## ", "[", "](", "](http://x.org/a)", "http://example.com/5%", "www.x.org",
    "---\n", "+++\n", "<!DOCTYPE html>", "<![CDATA[", "]]>", "<?", "?>", "&amp;", "&nbsp;", "<br/>",
]


@st.composite
def numbers(draw: st.DrawFn) -> str:
    """Digits with optional separators, decimals, signs, currency, suffixes and units."""
    digits = draw(st.text("0123456789", min_size=1, max_size=12))
    if draw(st.booleans()):
        separator = draw(st.sampled_from([",", ".", " ", "\u202f", "'", "_"]))
        step = draw(st.integers(1, 4))
        digits = separator.join(digits[i:i + step] for i in range(0, len(digits), step))
    if draw(st.booleans()):
        digits += draw(st.sampled_from([".", ","])) + draw(st.text("0123456789", max_size=4))
    if draw(st.integers(0, 5)) == 0:
        digits += draw(st.sampled_from(["e", "E", " × 10^", "x10^", "×10"])) + draw(
            st.sampled_from(["0", "3", "-5", "308", "309", "999", "-400", "⁹⁹⁹", "⁻¹⁵"]))
    prefix = draw(st.sampled_from(["", "", "$", "£", "€", "US$", "-", "+", "−", "~", "c.", "#"]))
    suffix = draw(st.sampled_from(["", "", "%", "bn", "m", "k", "p", "st", "nd", "th", "s", "x", "-fold",
                                   "-strong", "-year-old", " km", "km", " per cent", "°C", "-", "–", "½"]))
    return prefix + digits + suffix


TOKENS = st.one_of(
    numbers(),
    st.sampled_from(WORDS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(MARKUP),
    st.text(max_size=3),
)
SEPARATORS = st.sampled_from([" ", " ", " ", "", "\n", "\n\n", ", ", ". ", "\r\n", "\u00a0", "  ", " \t "])


@st.composite
def token_texts(draw: st.DrawFn) -> str:
    """Text built from the tokens that matter, joined by spaces, line breaks and punctuation."""
    tokens = draw(st.lists(TOKENS, max_size=60))
    pieces = []
    for token in tokens:
        pieces.append(token)
        pieces.append(draw(SEPARATORS))
    return "".join(pieces)


AMOUNTS = st.one_of(numbers(), st.sampled_from(["0", "zero", "nine", "a dozen", "hundreds", "half a million",
                                                  "two and a half", "1e999", "-0"]))
CLAIMS = [
    "{verb} from {a} {noun} to {hedge} {b}",
    "{verb} {a}% to {b} from {c}",
    "{b}, {verb} {a}% from {c}",
    "a {a}% {verb} from {b} to {c}",
    "{verb} {size} from {a} to {b}",
    "{a} {noun}, of which {b} were {noun} and {c} were not",
    "{a}% of the {b} {noun}",
    "{a} km ({b} miles)",
    "{a}°C ({b}°F)",
    "on {weekday}, {month} {day}, {year}",
    "{weekday} {day} {month} {year}",
    "between {a} and {b} {noun}",
    "the {hedge} {a} {noun}",
    "for {a} years from {year} to {year}",
    "aged {a}",
    "the {a}-year-old",
    "<!-- factcheck: ignore {rule} -->",
    "{a} {noun}: {b} here, {c} there and {a} everywhere",
    "{a} {noun} {after}",
]


@st.composite
def claims(draw: st.DrawFn) -> str:
    """A sentence shaped like the claims the relate stage reads, with adversarial amounts."""
    template = draw(st.sampled_from(CLAIMS))
    fields = {name: draw(AMOUNTS) for name in ("a", "b", "c")}
    fields.update(
        verb=draw(st.sampled_from(["rose", "fell", "grew", "doubled", "halved", "surged slightly", "rise", "up"])),
        noun=draw(st.sampled_from(["troops", "people", "km", "jobs", "", "the"])),
        hedge=draw(st.sampled_from(["", "around", "more than", "at least", "nearly", "up to"])),
        size=draw(st.sampled_from(["threefold", "by a quarter", "by half", "tenfold", "0-fold"])),
        weekday=draw(st.sampled_from(["Monday", "Tuesday", "Sunday"])),
        month=draw(st.sampled_from(["February", "April", "Feb.", "May"])),
        day=draw(st.sampled_from(["0", "1", "29", "30", "31", "32", "99"])),
        year=draw(st.sampled_from(["0", "1900", "2000", "2023", "2024", "9999", "99999"])),
        rule=draw(st.sampled_from(["", "change-descriptor", "x, y"])),
        after=draw(st.sampled_from(["or more", "and over", "and  under", "or\nhigher", "or so", "plus"])),
    )
    return template.format(**fields)


@st.composite
def claim_texts(draw: st.DrawFn) -> str:
    """Several claims, in sentences or run together, with tokens between them."""
    parts = draw(st.lists(st.one_of(claims(), TOKENS), min_size=1, max_size=12))
    return "".join(part + draw(SEPARATORS) for part in parts)


DOCUMENTS = st.tuples(st.one_of(token_texts(), claim_texts(), st.text(max_size=200)), st.sampled_from(SUFFIXES))


@functools.cache
def checker() -> Checker:
    """One checker for every example: building it (rules, units) is the slow part."""
    built = Checker(Config())
    built.check_text("warm up: from 5 km to 6 km.")
    return built


@pytest.fixture(autouse=True, scope="module")
def warm_checker() -> None:
    """Build the checker before any example runs, so that no example's deadline pays for it."""
    checker()


def assert_span_in(span: Span, text: str, what: str) -> None:
    """A span lies inside the text, start before end."""
    assert 0 <= span.start <= span.end <= len(text), f"{what} {span} outside a text of {len(text)}"


@given(DOCUMENTS)
def test_no_builtin_plugin_raises_and_every_span_is_inside_the_text(document):
    text, suffix = document
    report = checker().check_text(text, path="fuzz" + suffix)
    failures = [f.message for f in report.findings if f.rule == INTERNAL_ERROR]
    assert not failures, failures
    for finding in report.findings:
        assert_span_in(finding.span, text, f"finding {finding.rule}")
        for related in finding.related:
            assert_span_in(related, text, f"related span of {finding.rule}")
    sentences = report.document.sentences
    for sentence in sentences:
        assert_span_in(sentence, text, "sentence")
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:])), "sentences overlap or are unordered"


@given(DOCUMENTS)
def test_every_mention_spans_its_own_text_inside_the_text_and_outside_skipped_regions(document):
    text, suffix = document
    analysis = checker().extract_text(text, path="fuzz" + suffix)
    assert not analysis.failures, [f.message for f in analysis.failures]
    for mention in analysis.mentions:
        assert_span_in(mention.span, text, f"mention {mention.text!r}")
        assert mention.text == text[mention.span.start:mention.span.end], "a mention's text is the text it spans"
        assert not analysis.document.in_skipped(mention.span), f"{mention.text!r} is inside a skipped region"
    for claim in analysis.claims:
        assert_span_in(claim.span, text, f"claim {type(claim).__name__}")


QUANTITY_KEYS = {"text", "start", "end", "value", "low", "high", "unit", "unit_text", "noun", "qualifier",
                 "vague", "age"}
DATE_KEYS = {"text", "start", "end", "value", "weekday"}
CHANGE_KEYS = {"from", "to", "text", "start", "end"}


def reject_constant(name: str) -> None:
    """NaN and Infinity are not JSON, though Python writes and reads them."""
    raise AssertionError(f"{name} in the JSON output")


@given(DOCUMENTS)
def test_extract_json_is_valid_and_keeps_the_contract(document):
    text, suffix = document
    out = io.StringIO()
    write_mentions([checker().extract_text(text, path="fuzz" + suffix)], out, "json", "0.1.0")
    data = json.loads(out.getvalue(), parse_constant=reject_constant)
    assert set(data) == {"tool", "files"}
    [entry] = data["files"]
    assert set(entry) == {"path", "quantities", "dates", "changes"}
    for quantity in entry["quantities"]:
        assert set(quantity) == QUANTITY_KEYS
        assert quantity["qualifier"] in (None, "approx", "min", "max")
        ranged = quantity["low"] is not None and quantity["high"] is not None
        assert (quantity["value"] is None) == ranged, f"a value, or low and high: {quantity}"
    for date in entry["dates"]:
        assert set(date) == DATE_KEYS
    for change in entry["changes"]:
        assert set(change) == CHANGE_KEYS
        assert change["to"] is not None and 0 <= change["to"] < len(entry["quantities"])


@given(DOCUMENTS)
def test_the_pipeline_is_deterministic(document):
    text, suffix = document
    first = checker().check_text(text, path="fuzz" + suffix)
    second = checker().check_text(text, path="fuzz" + suffix)
    assert first.findings == second.findings
    assert checker().extract_text(text, "fuzz" + suffix).mentions == \
        checker().extract_text(text, "fuzz" + suffix).mentions


FINDING_KEYS = {"rule", "severity", "message", "start", "end", "line", "column", "end_line", "end_column",
                "excerpt", "related"}


def check_json(text: str, path: str) -> str:
    """``factcheck check --format json`` of one document, from a fresh run of the pipeline."""
    out = io.StringIO()
    checker().formatters["json"].write([checker().check_text(text, path=path)], out, RunInfo("factcheck", "0.1.0"))
    return out.getvalue()


@given(DOCUMENTS)
def test_check_json_is_valid_keeps_the_contract_and_is_byte_identical_run_after_run(document):
    text, suffix = document
    first = check_json(text, "fuzz" + suffix)
    assert check_json(text, "fuzz" + suffix) == first, "a second run wrote other bytes"
    data = json.loads(first, parse_constant=reject_constant)
    assert set(data) == {"tool", "files", "summary"}
    [entry] = data["files"]
    assert data["summary"]["findings"] == len(entry["findings"])
    for finding in entry["findings"]:
        assert set(finding) == FINDING_KEYS and finding["severity"] in ("error", "warning", "info")
        for place in (finding, *finding["related"]):
            assert 0 <= place["start"] <= place["end"] <= len(text)
            assert place["line"] >= 1 and place["column"] >= 1


def test_two_runs_of_the_command_line_write_byte_identical_output(tmp_path):
    """Across processes too: another hash seed (set order) or another number of jobs changes no byte."""
    import subprocess
    import sys

    import yaml

    from conftest import REPO

    docs = tmp_path / "docs"
    docs.mkdir()
    for corpus in sorted((REPO / "tests" / "fixtures").glob("*-findings.yaml")):
        for article in yaml.safe_load(corpus.read_text(encoding="utf-8")):
            (docs / f"{article['id']}.md").write_text(article["text"], encoding="utf-8")
    outputs = set()
    for seed, jobs in (("1", "1"), ("2", "2")):
        for fmt in ("json", "text"):
            done = subprocess.run([sys.executable, "-m", "factcheck", "check", "--format", fmt, "--jobs", jobs, "docs"],
                                  cwd=tmp_path, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed},
                                  timeout=300)
            assert done.returncode == 1 and done.stderr == b"", done.stderr
            outputs.add((fmt, done.stdout))
    assert len(outputs) == 2, "two runs of the same documents wrote different bytes"
    assert json.loads(dict(outputs)["json"])["summary"]["files"] == len(list(docs.iterdir()))
