"""Baselines: accept the findings a document has today, report only new ones.

``factcheck check --write-baseline FILE`` records every finding; a later
``factcheck check --baseline FILE`` drops the findings the file records.
A finding is matched by its path, its rule and the text of its claim (white
space squashed), never by line or offset, so edits elsewhere in the document
do not bring old findings back. Each recorded entry absorbs one finding:
a claim flagged twice needs two entries.

Paths are stored relative to the baseline file's folder, so a run from
another folder matches the same files. Plugin crashes (``internal-error``)
are never recorded.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator

from factcheck import hookimpl
from factcheck.config import Config
from factcheck.errors import ConfigError
from factcheck.model import Document, FileReport, Finding

FORMAT_KEY = "factcheck_baseline"
FORMAT_VERSION = 1
INTERNAL_ERROR = "internal-error"
_ENTRY_KEYS = ("path", "rule", "text")

Key = tuple[str, str, str]


def claim_text(document: Document, finding: Finding) -> str:
    """The text of a finding's claim with white space squashed: what a baseline matches on."""
    return " ".join(document.text[finding.span.start:finding.span.end].split())


def stored_path(path: str, root: Path) -> str:
    """``path`` relative to the baseline's folder, with forward slashes (``<stdin>`` as it is)."""
    if path.startswith("<"):
        return path
    return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix()


def finding_key(document: Document, finding: Finding, root: Path) -> Key:
    """The (path, rule, claim text) a baseline entry is matched by."""
    return stored_path(document.path, root), finding.rule, claim_text(document, finding)


class Baseline:
    """The findings accepted by a baseline file, as a multiset of keys.

    It is a ``factcheck_modify_findings`` plugin: register it with the
    checker and it removes the findings it accepts.
    """

    def __init__(self, keys: Iterable[Key], root: Path) -> None:
        self.keys = Counter(keys)
        self.root = root

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """Read a baseline file.

        :raises ConfigError: naming the file, for a missing, unreadable or malformed one.
        """
        shown = str(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as err:
            raise ConfigError("no such baseline file (write one with --write-baseline)", path=shown) from err
        except OSError as err:
            raise ConfigError(f"cannot read baseline file: {err.strerror}", path=shown) from err
        except UnicodeDecodeError as err:
            raise ConfigError("baseline file is not UTF-8 text", path=shown) from err
        except json.JSONDecodeError as err:
            raise ConfigError(f"baseline file is not valid JSON: {err.msg} (line {err.lineno})",
                              path=shown) from err
        except RecursionError as err:
            raise ConfigError("baseline file is nested too deeply to be a baseline", path=shown) from err
        return cls(_parse_entries(data, shown), path.parent)

    def accepts(self, document: Document, finding: Finding) -> bool:
        """Use up one entry for ``finding`` if there is one left; True when it was accepted."""
        key = finding_key(document, finding, self.root)
        if finding.rule == INTERNAL_ERROR or self.keys[key] <= 0:
            return False
        self.keys[key] -= 1
        return True

    @hookimpl(trylast=True)
    def factcheck_modify_findings(self, document: Document, findings: list[Finding], config: Config) -> None:
        """Remove the findings that the baseline accepts.

        Runs after the other plugins (suppression comments among them), so it
        sees the findings as they were when the baseline was written.
        """
        findings[:] = [finding for finding in findings if not self.accepts(document, finding)]


def _parse_entries(data: Any, shown: str) -> list[Key]:
    if not isinstance(data, dict) or data.get(FORMAT_KEY) != FORMAT_VERSION:
        raise ConfigError(f"not a factcheck baseline file (expected an object with "
                          f'"{FORMAT_KEY}": {FORMAT_VERSION})', path=shown)
    entries = data.get("findings")
    if not isinstance(entries, list):
        raise ConfigError('baseline file has no "findings" list', path=shown)
    keys = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in _ENTRY_KEYS):
            raise ConfigError(f'baseline entry {number} needs the strings "path", "rule" and "text"', path=shown)
        keys.append((entry["path"], entry["rule"], entry["text"]))
    return keys


class BaselineWriter:
    """Records the findings of reports as they stream past, then writes them as a baseline file."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.root = target.parent
        self.entries: list[dict[str, str]] = []

    def watch(self, reports: Iterable[FileReport]) -> Iterator[FileReport]:
        """Pass the reports through unchanged, recording their findings."""
        for report in reports:
            for finding in report.findings:
                if finding.rule == INTERNAL_ERROR:
                    continue
                path, rule, text = finding_key(report.document, finding, self.root)
                self.entries.append({"path": path, "rule": rule, "text": text, "message": finding.message})
            yield report

    def content(self) -> str:
        """The baseline file's text: entries sorted so that re-writing it gives small diffs."""
        entries = sorted(self.entries, key=lambda e: (e["path"], e["rule"], e["text"], e["message"]))
        return json.dumps({FORMAT_KEY: FORMAT_VERSION, "findings": entries}, indent=2, ensure_ascii=False) + "\n"
