"""Compiled built-in patterns kept between runs (``factcheck/patterncache.py``)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import patterncache

PATTERNS = [
    (r"(?P<value>\d[\d,]*)\s+(?P<noun>troops|soldiers)", 0),
    (r"\b(?:around|about|nearly)\s+$", re.IGNORECASE),
    (r"(?<![\w.])(?:£|\$)(?P<amount>\d+(?:\.\d+)?)(?:bn|m)?", 0),
]


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, and the module's memory of the file forgotten."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("FACTCHECK_PATTERN_CACHE", raising=False)
    monkeypatch.setattr(patterncache, "_entries", None)
    monkeypatch.setattr(patterncache, "_added", False)
    return tmp_path


@pytest.mark.parametrize("pattern, flags", PATTERNS)
def test_a_pattern_from_the_cache_matches_as_re_compiles_it(fresh_cache: Path, pattern: str, flags: int) -> None:
    text = "Some 9,600 troops and nearly £4.2bn; about $310m for 12 soldiers"
    expected = re.compile(pattern, flags)
    first = patterncache.compile(pattern, flags)
    patterncache._save()
    patterncache._entries = None  # as a later run finds it: read back from the file
    second = patterncache.compile(pattern, flags)
    for compiled in (first, second):
        assert compiled.flags == expected.flags and compiled.groupindex == expected.groupindex
        assert [m.groupdict() or m.group() for m in compiled.finditer(text)] == \
            [m.groupdict() or m.group() for m in expected.finditer(text)]


def test_a_later_run_does_not_parse_a_stored_pattern(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterncache.compile(r"\d+\s+(?P<unit>km|miles)", 0)
    patterncache._save()
    assert patterncache.cache_file().is_file()
    patterncache._entries = None

    def no_parsing(pattern: str, flags: int) -> None:
        raise AssertionError(f"parsed again: {pattern}")

    monkeypatch.setattr(patterncache, "_opcodes", no_parsing)
    assert patterncache.compile(r"\d+\s+(?P<unit>km|miles)", 0).match("12 km")["unit"] == "km"


def test_a_damaged_cache_file_is_ignored(fresh_cache: Path) -> None:
    patterncache.cache_file().write_bytes(b"\x00not marshal data at all")
    assert patterncache.compile(r"a+b", 0).fullmatch("aaab")


def test_syntax_re_cannot_read_is_reported_as_re_would(fresh_cache: Path) -> None:
    with pytest.raises(re.error):
        patterncache.compile(r"(?r)abc", 0)  # reverse matching is regex's: the caller compiles it there


def test_turned_off_it_writes_nothing(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_PATTERN_CACHE", "0")
    assert patterncache.compile(r"x\d", 0).match("x1")
    patterncache._save()
    assert list(fresh_cache.iterdir()) == []


def test_a_run_fills_the_cache_and_the_next_reads_it(tmp_path: Path) -> None:
    env = {"FACTCHECK_CACHE_DIR": str(tmp_path / "cache"), "PATH": ""}
    seed = Path(__file__).resolve().parent.parent / "seeds" / "nato-missions.txt"
    runs = [subprocess.run([sys.executable, "-m", "factcheck", "check", str(seed)], capture_output=True,
                           text=True, env=env) for _ in range(2)]
    files = list((tmp_path / "cache").iterdir())
    assert len(files) == 1 and files[0].stat().st_size > 10_000
    assert runs[0].stdout == runs[1].stdout and "incremental" in runs[0].stdout


def test_a_cache_folder_that_cannot_be_made_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(patterncache, "_entries", None)
    assert patterncache.compile(r"y\d", 0).match("y2")
    patterncache._save()
    assert blocker.read_text() == "not a folder"
