"""An opt-in cache of findings keyed by each document's content (``--cache DIR``).

A document whose text, path and format are unchanged, checked with the same
rules, plugins and factcheck code, is not extracted or checked again: its
findings are read back. Entries are JSON (never pickle: a cache folder may be
shared) and written atomically, so an interrupted run leaves no torn entry.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Iterable, Sequence

from factcheck import __version__
from factcheck.errors import ConfigError
from factcheck.model import Document, Finding, Rule, Severity, Span

_FORMAT = 1


_PACKAGE = Path(__file__).resolve().parent
_SOURCE_SUFFIXES = (".py", ".yaml", ".yml", ".txt", ".json")  # code, word lists, definitions, unit table


def _source_files(plugins: Iterable[object]) -> set[Path]:
    """factcheck's own code and data, and every plugin module's file (its whole package for a package)."""
    files = {p for p in _PACKAGE.rglob("*") if p.suffix in _SOURCE_SUFFIXES and "__pycache__" not in p.parts}
    for plugin in plugins:
        module = plugin if hasattr(plugin, "__file__") else sys.modules.get(type(plugin).__module__)
        name = getattr(module, "__file__", None)
        if not name:
            continue
        path = Path(name).resolve()
        if path.name == "__init__.py":
            files |= {p for p in path.parent.rglob("*.py") if "__pycache__" not in p.parts}
        else:
            files.add(path)
    return files


def fingerprint(rules: Sequence[Rule], plugins: Iterable[object]) -> str:
    """A digest of everything besides the document that decides its findings.

    It covers factcheck's version, every rule (kind, severity, message,
    parameters), factcheck's own code and data files, and the source of every
    plugin module, so editing any of them invalidates the cache.
    """
    plugins = list(plugins)
    digest = hashlib.sha256(f"{_FORMAT}:{__version__}".encode())
    for rule in sorted(rules, key=lambda r: r.id):
        digest.update(json.dumps([rule.id, rule.kind, rule.severity.value, rule.message, rule.params],
                                 sort_keys=True, default=str).encode())
    for plugin in plugins:
        if not hasattr(plugin, "__file__") and not getattr(sys.modules.get(type(plugin).__module__), "__file__", None):
            digest.update(repr(type(plugin)).encode())  # defined where no file says what it does
    for path in sorted(_source_files(plugins)):
        digest.update(str(path).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            pass
    return digest.hexdigest()


class ResultCache:
    """Findings stored under ``folder``, one JSON file per document content."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        if folder.exists() and not folder.is_dir():
            raise ConfigError("cannot use as the cache folder: it is a file", path=str(folder))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise ConfigError(f"cannot create cache folder: {err.strerror}", path=str(folder)) from err
        self.folder = folder
        self.fingerprint = fingerprint

    def key(self, document: Document) -> str:
        """The entry name for a document: its path, format and text under this run's fingerprint."""
        digest = hashlib.sha256(self.fingerprint.encode())
        for part in (document.path, document.format, document.text):
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.json"

    def get(self, document: Document) -> tuple[Finding, ...] | None:
        """The cached findings for a document, or None (a damaged entry counts as missing)."""
        try:
            data = json.loads(self._entry(self.key(document)).read_text(encoding="utf-8"))
            findings = tuple(
                Finding(f["rule"], Severity(f["severity"]), f["message"], Span(*f["span"]),
                        tuple(Span(*r) for r in f["related"]), f.get("plugin"))
                for f in data["findings"])
        except (OSError, ValueError, KeyError, TypeError, RecursionError):  # nested deep: damaged too
            return None
        length = len(document.text)
        if any(span.end > length for f in findings for span in (f.span, *f.related)):
            return None  # an entry edited by hand (the folder may be shared) must not reach the formatters
        return findings

    def put(self, document: Document, findings: Sequence[Finding]) -> None:
        """Store a document's findings; a cache that cannot be written is skipped silently."""
        entry = self._entry(self.key(document))
        data = {"findings": [{"rule": f.rule, "severity": f.severity.value, "message": f.message,
                              "span": [f.span.start, f.span.end],
                              "related": [[r.start, r.end] for r in f.related], "plugin": f.plugin}
                             for f in findings]}
        try:
            entry.parent.mkdir(exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out)
            os.replace(temporary, entry)
        except OSError:
            pass
