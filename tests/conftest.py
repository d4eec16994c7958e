"""Shared fixtures: run the CLI in-process, build checkers without reading any config file."""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

import pytest

from factcheck.checker import Checker
from factcheck.cli import main
from factcheck.config import Config

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "nato-missions.txt"


def pytest_configure(config: pytest.Config) -> None:
    """Keep compiled patterns in a folder of this run, not the user's cache (subprocesses inherit it)."""
    if "FACTCHECK_CACHE_DIR" not in os.environ:
        os.environ["FACTCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="factcheck-test-cache-")


@dataclass
class CliResult:
    """What one CLI run printed and returned."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        """Standard output parsed as JSON."""
        return json.loads(self.out)


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
            tmp_path: Path) -> Callable[..., CliResult]:
    """Run ``factcheck ARGS`` in-process from an empty folder (so no config file is found)."""

    def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> CliResult:
        monkeypatch.chdir(cwd or tmp_path)
        if stdin is not None:
            import io
            import sys

            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def make_checker() -> Callable[..., Checker]:
    """Build a Checker from settings and extra plugins, with no configuration file."""

    def make(plugins: Sequence[object] = (), **settings: Any) -> Checker:
        return Checker(Config().with_overrides(**settings), plugins=plugins)

    return make
