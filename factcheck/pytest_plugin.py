"""The pytest plugin: each document is one test item that fails with its flagged claims.

It does nothing unless asked, either on the command line::

    pytest --factcheck docs/

or in pytest's configuration, which then checks those documents in every run
that does not name its own paths::

    [tool.pytest.ini_options]
    factcheck_paths = ["docs"]

A document whose findings reach the fail level (``fail_on`` of the factcheck
configuration, or ``--factcheck-fail-on``) fails with a readable report; a
clean one passes; a plugin crash (an ``internal-error`` finding) or a file
that cannot be read is an error, not a failure. Items carry the
``factcheck`` marker, so ``-m "not factcheck"`` and ``-k`` select as usual.

Like pytest-mypy, the plugin keeps its state on ``config.stash``, renders
failures in ``repr_failure`` and imports the checker (and pint) only when a
document is actually checked, so pytest starts as fast without it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from factcheck.checker import Checker
    from factcheck.config import Config
    from factcheck.model import FileReport, Finding

FAIL_LEVELS = ("error", "warning", "info", "never")
MARKER = "factcheck"
ITEM_NAME = "factcheck"


@dataclass
class _State:
    """What the plugin knows for one pytest run, kept on ``config.stash``."""

    settings: Config
    roots: tuple[Path, ...] = ()
    baseline: Path | None = None
    checker: Checker | None = None
    startup_error: str | None = None
    reports: dict[Path, Any] = field(default_factory=dict)

    def get_checker(self) -> Checker:
        """The run's checker, built on first use; fails the item with one line when it cannot start."""
        if self.checker is None and self.startup_error is None:
            from factcheck.baseline import Baseline
            from factcheck.checker import Checker
            from factcheck.errors import FactcheckError

            try:
                plugins = [Baseline.load(self.baseline)] if self.baseline else []
                self.checker = Checker(self.settings, plugins=plugins)
            except FactcheckError as err:
                self.startup_error = f"factcheck could not start: {err}"
        if self.checker is None:
            pytest.fail(self.startup_error or "factcheck could not start", pytrace=False)
        return self.checker

    def wants(self, path: Path) -> bool:
        """True for a file with a document suffix, under one of ``factcheck_paths`` when any are set."""
        if path.suffix.lower() not in self.settings.extensions:
            return False
        return not self.roots or any(path == root or root in path.parents for root in self.roots)


STATE = pytest.StashKey[_State]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--factcheck``, ``--factcheck-fail-on`` and the ini settings."""
    group = parser.getgroup("factcheck", "checking documents with factcheck")
    group.addoption("--factcheck", action="store_true", default=False,
                    help="check the documents (.txt, .md, .markdown, .html) among the collected paths; "
                         "each document is one test item")
    group.addoption("--factcheck-fail-on", choices=FAIL_LEVELS, default=None,
                    help="lowest severity that fails a document (default: fail_on of the factcheck "
                         "configuration, else warning)")
    parser.addini("factcheck_paths", type="paths", default=[],
                  help="documents or folders that factcheck checks in every run (turns the plugin on)")
    parser.addini("factcheck_fail_on", default="", help="lowest severity that fails a document")
    parser.addini("factcheck_baseline", default="",
                  help="a baseline file written by `factcheck check --write-baseline`")


def _enabled(config: pytest.Config) -> bool:
    return bool(config.getoption("factcheck") or config.getini("factcheck_paths"))


def _args_were_given(config: pytest.Config) -> bool:
    source = getattr(config, "args_source", None)
    return source is not None and source == pytest.Config.ArgsSource.ARGS


def pytest_configure(config: pytest.Config) -> None:
    """Set up the run's state when the plugin is asked for; otherwise do nothing."""
    if not _enabled(config):
        return
    config.addinivalue_line("markers", f"{MARKER}: a document checked by factcheck")
    from factcheck.config import load_config
    from factcheck.errors import FactcheckError

    fail_on = config.getoption("factcheck_fail_on") or config.getini("factcheck_fail_on") or None
    if fail_on is not None and fail_on not in FAIL_LEVELS:
        raise pytest.UsageError(f"factcheck_fail_on must be one of {', '.join(FAIL_LEVELS)}, not {fail_on!r}")
    try:
        settings = load_config(config.rootpath).with_overrides(fail_on=fail_on)
    except FactcheckError as err:
        raise pytest.UsageError(f"factcheck: {err}") from err
    roots = tuple(Path(p).resolve() for p in config.getini("factcheck_paths"))
    baseline_name = config.getini("factcheck_baseline")
    baseline = (config.inipath.parent if config.inipath else config.rootpath) / baseline_name if baseline_name else None
    config.stash[STATE] = _State(settings, roots, baseline)
    if roots and not _args_were_given(config):
        missing = [str(root) for root in roots if not root.exists()]
        if missing:
            raise pytest.UsageError(f"factcheck_paths: no such file or folder: {', '.join(missing)}")
        config.args = [*config.args, *(str(root) for root in roots)]


def pytest_report_header(config: pytest.Config) -> str | None:
    """Say that documents are checked, and at which level they fail."""
    state = config.stash.get(STATE, None)
    if state is None:
        return None
    where = ", ".join(str(root) for root in state.roots) or "the collected paths"
    return f"factcheck: documents in {where}, failing on {state.settings.fail_on}"


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> DocumentFile | None:
    """A document becomes a :class:`DocumentFile` when the plugin is on."""
    state = parent.config.stash.get(STATE, None)
    if state is None or not state.wants(file_path.resolve()):
        return None
    return DocumentFile.from_parent(parent, path=file_path)


class DocumentFile(pytest.File):
    """One document, holding its one test item."""

    def collect(self) -> list[DocumentItem]:
        """The document's single item."""
        return [DocumentItem.from_parent(self, name=ITEM_NAME)]


class DocumentFindings(Exception):
    """Raised by a document's test when it has findings at or above the fail level."""

    def __init__(self, report: FileReport, findings: list[Finding], fail_on: str, shown_path: str) -> None:
        super().__init__(f"{len(findings)} findings")
        self.report = report
        self.findings = findings
        self.fail_on = fail_on
        self.shown_path = shown_path

    def render(self) -> str:
        """Every failing finding as a plain-text block, under a one-line headline."""
        from factcheck.builtin.formatters.plain import counts_phrase, finding_block

        head = f"{self.shown_path}: {counts_phrase(self.findings)} at or above {self.fail_on}"
        blocks = [finding_block(self.shown_path, self.report.document, f) for f in self.findings]
        return "\n\n".join([head, *blocks])


class DocumentItem(pytest.Item):
    """The test of one document: passes when factcheck flags nothing at or above the fail level."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_marker(MARKER)

    @property
    def shown_path(self) -> str:
        """The document's path relative to pytest's root folder."""
        return self.path.relative_to(self.config.rootpath).as_posix() \
            if self.config.rootpath in self.path.parents else str(self.path)

    def setup(self) -> None:
        """Check the document. An unreadable file or a plugin crash stops here, as an error."""
        from factcheck.builtin.formatters.plain import INTERNAL_ERROR
        from factcheck.errors import InputError

        state = self.config.stash[STATE]
        checker = state.get_checker()
        unreadable: str | None
        try:
            document = checker.load(self.path)
        except InputError as err:
            unreadable = f"factcheck cannot read {self.shown_path}: {err.message}"
        else:
            unreadable = None
        if unreadable:  # failed outside the except block, so no chained traceback is shown
            pytest.fail(unreadable, pytrace=False)
        report = checker.check_document(document)
        crashes = [f for f in report.findings if f.rule == INTERNAL_ERROR]
        if crashes:
            pytest.fail("\n".join(f"{self.shown_path}: {f.message}" for f in crashes), pytrace=False)
        state.reports[self.path] = report

    def runtest(self) -> None:
        """Fail when a finding reaches the fail level; findings below it are kept as a report section."""
        from factcheck.builtin.formatters.plain import at_or_above, finding_block

        state = self.config.stash[STATE]
        report = state.reports.pop(self.path)
        fail_on = state.settings.fail_on
        failing = [f for f in report.findings if at_or_above(f, fail_on)]
        below = [f for f in report.findings if not at_or_above(f, fail_on)]
        if below:
            self.add_report_section("call", "factcheck findings below the fail level", "\n\n".join(
                finding_block(self.shown_path, report.document, f) for f in below))
        if failing:
            raise DocumentFindings(report, failing, fail_on, self.shown_path)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str | Any:
        """The flagged claims as text, not a traceback into factcheck."""
        if isinstance(excinfo.value, DocumentFindings):
            return excinfo.value.render()
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Name the item by its document's path in pytest's report headings."""
        return self.path, None, f"factcheck {self.shown_path}"
