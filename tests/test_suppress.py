"""Suppression comments, as the factcheck_modify_findings plugin applies them."""
from __future__ import annotations

import pytest

import factcheck
from factcheck.builtin.suppress import paragraph_end, parse_directive, suppressions
from factcheck.builtin.loader import document_from_text
from factcheck.model import Span

FLAGGED = "The mission will grow from 500 personnel to around 4,000; the increases will be incremental."


def flagged_lines(text: str, path: str) -> list[int]:
    report = factcheck.check_text(text, path=path)
    return [report.document.position(f.span.start)[0] for f in report.findings]


@pytest.mark.parametrize("comment, verb, rules, reason", [
    ("<!-- factcheck: ignore change-descriptor -- the quote is verbatim -->", "ignore",
     {"change-descriptor"}, "the quote is verbatim"),
    ("<!-- factcheck: ignore -->", "ignore", set(), ""),
    ("<!--factcheck:ignore a, b c-->", "ignore", {"a", "b", "c"}, ""),
    ("# factcheck: ignore-start figure-conflict -- checked\n", "ignore-start", {"figure-conflict"}, "checked"),
    ("# factcheck: ignore-end", "ignore-end", set(), ""),
])
def test_parse_directive(comment, verb, rules, reason):
    directive = parse_directive(comment, Span(0, len(comment)))
    assert (directive.verb, set(directive.rules), directive.reason) == (verb, rules, reason)


@pytest.mark.parametrize("comment", ["<!-- a note -->", "<!-- factcheck: check everything -->",
                                     "# factcheck is great"])
def test_ordinary_comments_are_not_directives(comment):
    assert parse_directive(comment, Span(0, len(comment))) is None


def test_markdown_ignore_silences_the_named_rule_for_the_next_paragraph():
    text = f"<!-- factcheck: ignore change-descriptor -- the quote is verbatim -->\n{FLAGGED}\n\n{FLAGGED}\n"
    assert flagged_lines(text, "doc.md") == [4]


def test_ignore_without_ids_silences_every_rule_and_passes_over_blank_lines():
    assert flagged_lines(f"<!-- factcheck: ignore -->\n\n{FLAGGED}\n\n{FLAGGED}\n", "doc.md") == [5]


def test_ignore_of_another_rule_leaves_the_finding():
    assert flagged_lines(f"<!-- factcheck: ignore figure-conflict -->\n{FLAGGED}\n", "doc.md") == [2]


def test_directive_shown_in_a_code_block_does_not_count():
    assert flagged_lines(f"```\n<!-- factcheck: ignore -->\n```\n{FLAGGED}\n", "doc.md") == [4]


def test_plain_text_comment_line():
    text = f"# factcheck: ignore change-descriptor -- checked with the desk\n{FLAGGED}\n\n{FLAGGED}\n"
    assert flagged_lines(text, "doc.txt") == [4]


def test_markdown_heading_is_not_a_directive():
    assert flagged_lines(f"# factcheck: ignore\n{FLAGGED}\n", "doc.md") == [2]


def test_ignore_start_and_end_silence_a_span():
    text = f"# factcheck: ignore-start\n{FLAGGED}\n\n{FLAGGED}\n# factcheck: ignore-end\n\n{FLAGGED}\n"
    assert flagged_lines(text, "doc.txt") == [7]


def test_unclosed_ignore_start_runs_to_the_end():
    assert flagged_lines(f"<!-- factcheck: ignore-start -->\n{FLAGGED}\n\n{FLAGGED}\n", "doc.md") == []


def test_html_paragraph_ends_at_its_closing_tag():
    text = f"<!-- factcheck: ignore --><p>{FLAGGED}</p>\n<p>{FLAGGED}</p>\n"
    assert flagged_lines(text, "doc.html") == [2]


def test_suppression_scopes_and_reasons():
    text = f"<!-- factcheck: ignore change-descriptor -- verbatim -->\n{FLAGGED}\n\nNext.\n"
    [suppression] = suppressions(document_from_text(text, "doc.md"))
    assert text[suppression.scope.start:suppression.scope.end].strip() == FLAGGED
    assert suppression.reason == "verbatim" and suppression.rules == {"change-descriptor"}


def test_plugin_crash_is_never_silenced(tmp_path, run_cli):
    from ci_helpers import write_crashing_plugin

    plugin = write_crashing_plugin(tmp_path)
    (tmp_path / "doc.md").write_text("<!-- factcheck: ignore -->\nThis makes the plugin crash.\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "--plugins", str(plugin), "doc.md")
    assert [f["rule"] for f in result.json()["files"][0]["findings"]] == ["internal-error"]


def test_suppressed_findings_stay_out_of_a_baseline(tmp_path, run_cli):
    text = f"<!-- factcheck: ignore -->\n{FLAGGED}\n\n{FLAGGED}\n"
    (tmp_path / "doc.md").write_text(text, encoding="utf-8")
    assert run_cli("check", "--write-baseline", "b.json", "doc.md").code == 0
    assert '"text": "incremental"' in (tmp_path / "b.json").read_text(encoding="utf-8")
    assert run_cli("check", "--baseline", "b.json", "doc.md").code == 0


@pytest.mark.parametrize("text, fmt, start, end", [
    ("a\n\n\n\nb c\n\nd", "text", 1, 8),          # leading blank lines are passed over; a run of them ends it
    ("a\n \t\r\nb", "text", 0, 1),                 # a blank line of spaces and a carriage return
    ("x <p>one 5</p> two\n\nthree", "html", 1, 14),  # the end of the block element comes first
    ("x <p>one\n\ntwo</p>", "html", 1, 8),           # the blank line comes first
    ("x   ", "text", 1, 4),                        # nothing follows: the end of the text
])
def test_paragraph_end(text, fmt, start, end):
    document = document_from_text(text, "doc." + {"text": "txt", "html": "html"}[fmt])
    assert paragraph_end(document, start) == end


def test_many_directives_with_many_rule_ids_each_silence_their_own_finding():
    text = "".join(f"<!-- factcheck: ignore rule-{i} -->\nline {i}\n" for i in range(300)) + FLAGGED + "\n"
    assert flagged_lines(text, "doc.md") == [601]
    silenced = "<!-- factcheck: ignore rule-1 change-descriptor -->\n" + text
    assert flagged_lines(silenced, "doc.md") == []
