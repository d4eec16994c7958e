"""Plain-text pieces that several formats share: a claim marked in its sentence,
and a finding written out as a short block a person reads.

The JUnit format puts these blocks inside ``<failure>`` and the pytest plugin
shows them when a document fails, so both read like the ``text`` format.
"""
from __future__ import annotations

from factcheck.builtin.formatters.location import excerpt
from factcheck.model import Document, Finding, Span

WIDTH = 100
INTERNAL_ERROR = "internal-error"


def _squash(text: str) -> str:
    return " ".join(text.split())


def marked_sentence(document: Document, span: Span, width: int = WIDTH) -> tuple[str, str]:
    """The sentence holding ``span`` on one line, cut to ``width`` around it, and a caret line under the span.

    Runs of white space (line breaks included) are shown as one space, so the
    carets stay under the claim however the sentence was wrapped.
    """
    sentence = document.sentence_at(span.start)
    start, end = min(sentence.start, span.start), max(sentence.end, span.end)
    before_raw, after_raw = document.text[start:span.start], document.text[span.end:end]
    before = _squash(before_raw) + (" " if before_raw.strip() and before_raw[-1:].isspace() else "")
    after = (" " if after_raw.strip() and after_raw[:1].isspace() else "") + _squash(after_raw)
    claim = _squash(document.text[span.start:span.end]) or " "
    room = max(width - len(claim), 0)
    left = room // 2 + max(room - room // 2 - len(after), 0)
    right = room - min(len(before), left)
    if len(before) > left:
        before = "…" + before[len(before) - left + 1:] if left > 0 else ""
    if len(after) > right:
        after = after[:right - 1] + "…" if right > 0 else ""
    return before + claim + after, " " * len(before) + "^" * len(claim)


def finding_heading(path: str, document: Document, finding: Finding) -> str:
    """``path:line:col: severity [rule] message``, the first line of every plain report of a finding."""
    line, column = document.position(finding.span.start)
    return f"{path}:{line}:{column}: {finding.severity.value} [{finding.rule}] {finding.message}"


def finding_block(path: str, document: Document, finding: Finding, indent: str = "    ") -> str:
    """A finding as a few lines: where and why, the claim marked in its sentence, the related mentions."""
    lines = [finding_heading(path, document, finding)]
    if finding.span.end > finding.span.start:
        shown, carets = marked_sentence(document, finding.span)
        lines += [indent + shown, indent + carets]
    for span in finding.related:
        r_line, r_column = document.position(span.start)
        lines.append(f"{indent}compared with {r_line}:{r_column}: {excerpt(document, span)}")
    return "\n".join(line.rstrip() for line in lines)


def counts_phrase(findings: tuple[Finding, ...] | list[Finding]) -> str:
    """"2 findings (1 error, 1 warning)"."""
    by_severity: dict[str, int] = {}
    for finding in findings:
        by_severity[finding.severity.value] = by_severity.get(finding.severity.value, 0) + 1
    parts = [f"{by_severity[s]} {s}{'' if by_severity[s] == 1 else 's'}"
             for s in ("error", "warning", "info") if s in by_severity]
    noun = "finding" if len(findings) == 1 else "findings"
    return f"{len(findings)} {noun} ({', '.join(parts)})" if parts else "no findings"


def at_or_above(finding: Finding, fail_on: str) -> bool:
    """True when ``finding`` is as serious as the fail level or more (never, for ``fail_on="never"``)."""
    if fail_on == "never":
        return False
    return finding.severity.rank >= ("info", "warning", "error").index(fail_on)
