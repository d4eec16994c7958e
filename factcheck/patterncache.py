"""The built-in patterns' compiled form, kept between runs so that start-up does not parse them again.

``re`` parses a pattern and turns it into opcodes in Python; only the last
step, ``_sre.compile``, is in C. A short document needs about 170 of the
built-in patterns, and parsing them is a third of ``factcheck check``'s time
on it. The opcodes are plain data: they are stored with :mod:`marshal` (no
code is ever loaded) in a file per Python version and ``_sre.MAGIC`` in the
user's cache folder, and handed straight to ``_sre.compile`` on later runs.

This leans on CPython's private ``re._parser``, ``re._compiler`` and
``_sre``: where they are missing or differ, or the file cannot be read or
written, patterns compile with ``re.compile`` as usual. The folder is
``$FACTCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/factcheck``, else
``~/.cache/factcheck``; ``FACTCHECK_PATTERN_CACHE=0`` turns the cache off.
User rule patterns never come here (they compile with ``regex``).
"""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

try:  # CPython's own parts of re; other implementations compile as usual
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not on CPython
    _sre = None

_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]  # flags, code, groups, both indexes
_entries: dict[tuple[str, int], _Entry] | None = None  # read from the file on first use
_added = False  # entries this process compiled that the file lacks


def enabled() -> bool:
    """True when compiled patterns are kept between runs (CPython, and not turned off)."""
    return _sre is not None and os.environ.get("FACTCHECK_PATTERN_CACHE", "1") != "0"


def cache_file() -> Path:
    """The file for this Python's compiled patterns."""
    folder = os.environ.get("FACTCHECK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "factcheck")
    version = "".join(map(str, sys.version_info[:3]))
    return Path(folder) / f"patterns-{sys.implementation.name}{version}-{_sre.MAGIC}.marshal"


def compile(pattern: str, flags: int) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the stored opcodes when an earlier run kept them."""
    global _added
    if not enabled():
        return re.compile(pattern, flags)
    entries = _load()
    key = (pattern, int(flags))
    entry = entries.get(key)
    if entry is not None:
        try:
            return _sre.compile(pattern, entry[0], entry[1], entry[2], entry[3], entry[4])
        except Exception:
            del entries[key]  # stored by another build of this Python: compile afresh below
    try:
        entry = _opcodes(pattern, flags)
        compiled = _sre.compile(pattern, entry[0], entry[1], entry[2], entry[3], entry[4])
    except (re.error, FutureWarning):
        raise  # syntax re does not read (the caller turns to regex), as re.compile would say
    except Exception:
        return re.compile(pattern, flags)
    entries[key] = entry
    if not _added:
        _added = True
        atexit.register(_save)
    return compiled


def _opcodes(pattern: str, flags: int) -> _Entry:
    """What ``re._compiler.compile`` hands ``_sre.compile``, worked out as it does."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # opcodes are int subclasses with names, and flags an enum: plain ints keep marshal to built-in types
    return (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def _load() -> dict[tuple[str, int], _Entry]:
    global _entries
    if _entries is None:
        _entries = {}
        try:
            stored: Any = marshal.loads(cache_file().read_bytes())
            if isinstance(stored, dict):
                _entries = stored
        except (OSError, ValueError, EOFError, TypeError):
            pass
    return _entries


def _save() -> None:
    """Write the entries out at exit, through a temporary file, so that parallel runs never see half a file."""
    if not _entries:
        return
    target = cache_file()
    temporary = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".patterns-")
        with os.fdopen(handle, "wb") as out:
            out.write(marshal.dumps(_entries))
        os.replace(temporary, target)
    except (OSError, ValueError):
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
