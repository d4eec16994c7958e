"""Markup awareness: what the loader puts in Document.skip for Markdown and HTML, offsets kept true."""
from __future__ import annotations

import pytest

import factcheck
from factcheck.builtin.markup import markdown_code_blocks, scan
from factcheck.segment import segment

FLAGGED = "The mission will grow from 500 personnel to around 4,000; the increases will be incremental."

MARKDOWN = """\
---
title: Budget
troops: 9999
---
# Results

See [the report](https://example.org/r?id=42 "Report 7") and <https://x.org/3>, or https://example.com/a/88.

```python
troops = 12345
```

Inline `x = 777` and <span data-x="5">six</span>.

    indented code 31337

- a list item

    a list paragraph with 2,000 troops

<!-- a comment with 66 -->
[ref]: https://example.org/999 "Title 1"
<script>var a = 1 < 2;</script>
"""


def skipped_texts(text: str, format: str) -> list[str]:
    return [text[span.start:span.end] for span in scan(text, format).skip]


def prose(text: str, format: str) -> str:
    """The text with every skipped region blanked out (same length, so offsets match)."""
    chars = list(text)
    for span in scan(text, format).skip:
        chars[span.start:span.end] = " " * (span.end - span.start)
    return "".join(chars)


def test_markdown_regions_that_are_not_prose():
    skipped = skipped_texts(MARKDOWN, "markdown")
    assert skipped == [
        "---\ntitle: Budget\ntroops: 9999\n---\n",
        '(https://example.org/r?id=42 "Report 7")',
        "<https://x.org/3>",
        "https://example.com/a/88",
        "```python\ntroops = 12345\n```",
        "`x = 777`",
        '<span data-x="5">',
        "</span>",
        "    indented code 31337",
        "<!-- a comment with 66 -->",
        '[ref]: https://example.org/999 "Title 1"',
        "<script>var a = 1 < 2;</script>",
    ]
    kept = prose(MARKDOWN, "markdown")
    assert "[the report]" in kept and "six" in kept and "2,000 troops" in kept and "# Results" in kept


def test_unclosed_fence_runs_to_the_end_and_longer_fences_nest():
    text = "Intro 1.\n\n````\n```\ncode 2\n```\n````\nAfter 3.\n\n~~~\nnever closed 4\n"
    blocks = [text[s.start:s.end] for s in markdown_code_blocks(text)]
    assert blocks == ["````\n```\ncode 2\n```\n````", "~~~\nnever closed 4"]


def test_indented_code_needs_a_blank_line_before_it():
    text = "A paragraph that wraps\n    onto an indented line of 5 items.\n\n    code 6\n"
    assert skipped_texts(text, "markdown") == ["    code 6"]


def test_html_regions_that_are_not_prose():
    html = ('<!DOCTYPE html><html><head><title>Report 5</title><style>p{width:300px}</style></head>'
            '<body><p class="x">Rose from <b>500</b> to 4,000 &amp; more.</p><pre>code 42</pre>'
            '<!-- c 9 --><script>let n = 7;</script></body></html>')
    kept = [part for part in prose(html, "html").split() if part]
    assert kept == ["Report", "5", "Rose", "from", "500", "to", "4,000", "&amp;", "more."]


def test_text_format_skips_only_directive_lines():
    text = "# factcheck: ignore -- approved by 3 editors\nSales rose 5%.\n# A heading 2\n"
    assert skipped_texts(text, "text") == ["# factcheck: ignore -- approved by 3 editors"]


def test_inline_markup_does_not_split_a_sentence_but_a_block_does():
    text = "The mission grew from <b>500</b> to 4,000.</p>\n<p>Next one.</p>"
    sentences = [text[s.start:s.end] for s in segment(text, scan(text, "html").skip)]
    assert sentences == ["The mission grew from <b>500</b> to 4,000.", "Next one."]


def test_loader_fills_skip_and_keeps_the_text(tmp_path, make_checker):
    path = tmp_path / "doc.md"
    path.write_bytes(("\ufeff" + MARKDOWN).encode("utf-8"))
    document = make_checker().load(path)
    assert document.text == MARKDOWN
    assert document.skip == scan(MARKDOWN, "markdown").skip


@pytest.mark.parametrize("path, text", [
    ("doc.md", f"```\n{FLAGGED}\n```\n"),
    ("doc.md", f"    {FLAGGED}\n"),
    ("doc.md", f"`{FLAGGED}`\n"),
    ("doc.md", f"---\nsummary: {FLAGGED}\n---\n"),
    ("doc.md", f"<!-- {FLAGGED} -->\n"),
    ("doc.html", f"<pre>{FLAGGED}</pre>"),
    ("doc.html", f"<script>// {FLAGGED}\n</script>"),
])
def test_numbers_in_code_and_markup_are_not_checked(path, text):
    assert factcheck.check_text(text, path=path).findings == ()
    assert factcheck.check_text(text, path="doc.txt").findings != ()


def test_prose_in_markup_is_still_checked_at_its_true_offset(run_cli, tmp_path):
    text = f"---\ntitle: x\n---\n\n```\ncode 1\n```\n\n<p>{FLAGGED}</p>\n"
    (tmp_path / "doc.md").write_text(text, encoding="utf-8")
    result = run_cli("check", "--format", "json", "doc.md")
    [finding] = result.json()["files"][0]["findings"]
    assert text[finding["start"]:finding["end"]] == "incremental"
    assert (finding["line"], finding["column"]) == (9, 84)


def test_extract_ignores_numbers_in_code(run_cli, tmp_path):
    (tmp_path / "doc.md").write_text("Some 300 delegates came.\n\n```\nport = 8080\n```\n", encoding="utf-8")
    quantities = run_cli("extract", "--format", "json", "doc.md").json()["files"][0]["quantities"]
    assert [q["text"] for q in quantities if "8080" in q["text"]] == []


@pytest.mark.parametrize("text", [
    "<a" + " " * 100_000 + "x",
    "<a " + '"' * 100_000,
    "](" + "a(b)" * 50_000,
    '](x "' * 50_000,
    "`a " * 100_000,
    "<!--" * 50_000,
    "http://" + "a." * 100_000,
    "".join("`" * k + " w " for k in range(1, 400)) + " word" * 20_000,  # took 500 s: no run closes
    "<!" * 100_000,
    "<pre " * 40_000,
    "<script " * 40_000,
])
def test_hostile_markup_is_scanned_in_linear_time(text):
    import time

    started = time.perf_counter()
    for format in ("markdown", "html"):
        scan(text, format)
    assert time.perf_counter() - started < 3


@pytest.mark.parametrize("text, code", [
    ("Use `x = 5` or ``y = `6` `` here.", ["`x = 5`", "``y = `6` ``"]),
    ("A run of two `` never closes with one `.", []),
    ("`` ` `` and ``` `` ```", ["`` ` ``", "``` `` ```"]),
    ("Not across `a\n\nparagraph` break.", []),
    ("Across `a\nline` break.", ["`a\nline`"]),
    ("`` ` ", []),  # a backtick string is the whole run: "``" is not "`" twice
])
def test_inline_code_runs_from_a_backtick_run_to_the_next_run_of_its_length(text, code):
    assert skipped_texts(text, "markdown") == code
