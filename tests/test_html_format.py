"""The html format from the command line, its structure read back with html.parser."""
from __future__ import annotations

from html.parser import HTMLParser

from ci_helpers import CLEAN, write_crashing_plugin, write_rule
from conftest import SEED


class PageStructure(HTMLParser):
    """Collects ids, links, sources, claim marks, related spans and notes of a report page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.urls: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.tags: list[str] = []
        self.claims: dict[str, str] = {}  # id -> text
        self.related: dict[str, str] = {}
        self.messages: list[str] = []
        self._capture: list[tuple[str, str, str, int]] = []  # (kind, key, tag, depth)
        self._depth = 0
        self._texts: dict[tuple[str, str], list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        self._depth += 1
        if "id" in attrs:
            self.ids.append(attrs["id"])
        for name in ("href", "src", "action", "poster", "data"):
            if name in attrs:
                self.urls.append((tag, name, attrs[name]))
        classes = (attrs.get("class") or "").split()
        if tag == "mark" and "claim" in classes and "id" in attrs:
            self._start("claim", attrs["id"], tag)
        elif tag == "span" and "related" in classes and "id" in attrs:
            self._start("related", attrs["id"], tag)
        elif tag == "p" and "message" in classes:
            self._start("message", str(len(self.messages)), tag)

    def _start(self, kind, key, tag):
        self._capture.append((kind, key, tag, self._depth))
        self._texts[(kind, key)] = []

    def handle_endtag(self, tag):
        if self._capture and self._capture[-1][2] == tag and self._capture[-1][3] == self._depth:
            kind, key, _, _ = self._capture.pop()
            text = "".join(self._texts.pop((kind, key)))
            {"claim": self.claims, "related": self.related}.get(kind, {})[key] = text
            if kind == "message":
                self.messages.append(text)
        self._depth -= 1

    def handle_data(self, data):
        for kind, key, _, _ in self._capture:
            self._texts[(kind, key)].append(data)


def parse(page: str) -> PageStructure:
    parser = PageStructure()
    parser.feed(page)
    parser.close()
    return parser


def test_html_page_marks_the_claim_and_links_the_related_mention(run_cli, tmp_path):
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    result = run_cli("check", "--format", "html", str(SEED), "clean.txt")
    assert result.code == 1
    page = parse(result.out)
    assert result.out.startswith("<!DOCTYPE html>")
    assert list(page.claims.values()) == ["incremental"]
    assert list(page.related.values()) == ["increase from 500 personnel to around 4,000"]
    assert page.messages == [
        "'incremental' does not fit the change it describes: 500 personnel → around 4,000 is ×8.0; "
        "'incremental' allows a change of at most 25% (×0.75 to ×1.25)"]
    fragment_links = [value for _, _, value in page.urls if value.startswith("#")]
    related_id = next(iter(page.related))
    claim_id = next(iter(page.claims))
    assert f"#{related_id}" in fragment_links  # the note links the related mention
    assert f"#{claim_id}" in fragment_links  # and its number links back to the claim
    assert "clean.txt ✓" in result.out


def test_html_links_resolve_and_nothing_is_fetched(run_cli, tmp_path):
    rules = write_rule(tmp_path, severity="error")
    (tmp_path / "multi.md").write_text(
        "Turnout rose slightly, from 20 per cent to 45 per cent, while membership grew modestly, "
        "from 300 to 900.\n\nSee <https://example.org/1> and [the report](https://example.org/2).\n",
        encoding="utf-8")
    result = run_cli("check", "--format", "html", "--rules", str(rules), "multi.md", str(SEED))
    page = parse(result.out)
    assert len(page.ids) == len(set(page.ids)), "ids are unique"
    for tag, attribute, value in page.urls:
        assert value.startswith("#"), f"<{tag} {attribute}={value!r}> would leave the page"
        assert value[1:] in page.ids, f"link {value} has no target"
    assert "link" not in page.tags and "script" not in page.tags and "img" not in page.tags
    assert "@import" not in result.out and "url(" not in result.out
    assert sorted(page.claims.values()) == ["incremental", "modestly", "per cent", "per cent", "slightly"]
    # Overlapping marks nest: a mention cut by claims is split into pieces, its id on the first one.
    assert {"grew ", "rose "} <= set(page.related.values())
    assert '<span class="related"><mark class="claim error"' in result.out


def test_html_escapes_document_text_and_messages(run_cli, tmp_path):
    rules = write_rule(tmp_path, severity="warning")
    (tmp_path / "doc.txt").write_text("<script>alert(1)</script> costs 5 per cent & more.\n", encoding="utf-8")
    result = run_cli("check", "--format", "html", "--rules", str(rules), "doc.txt")
    page = parse(result.out)
    assert "script" not in page.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.out
    assert page.messages == ["write 'percent', not 'per cent': 100% house style, see: the book"]


def test_html_shows_a_plugin_crash(run_cli, tmp_path):
    plugin = write_crashing_plugin(tmp_path)
    (tmp_path / "doc.txt").write_text("This text makes the plugin crash.\n", encoding="utf-8")
    result = run_cli("check", "--format", "html", "--plugins", str(plugin), "doc.txt")
    assert "This document was not fully checked." in result.out
    assert "RuntimeError: boom" in result.out


def test_html_with_nothing_flagged(run_cli, tmp_path):
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    result = run_cli("check", "--format", "html", "-o", "report.html", "clean.txt")
    assert result.code == 0
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Nothing flagged" in page and parse(page).claims == {}


def test_marks_are_placed_in_every_paragraph_they_touch_and_only_there():
    from factcheck.builtin.formatters.html_format import _Mark, marks_by_block, paragraphs
    from factcheck.model import Span

    text = "one 1\n\ntwo 2\n\nthree 3"
    blocks = paragraphs(text)
    across = _Mark(Span(4, 9), "related", "a")    # "1\n\ntw": the first two paragraphs
    empty = _Mark(Span(10, 10), "claim", "b")     # an empty mark inside the second paragraph
    at_end = _Mark(Span(5, 5), "claim", "c")      # an empty mark at the end of the first: in none
    assert marks_by_block(blocks, [across, empty, at_end]) == [[across], [across, empty], []]
