"""The pipeline: load, segment, extract, relate, check, modify findings.

A :class:`Checker` is built once per run (plugins, rules, units) and then
checks documents one at a time. A plugin that raises inside a pipeline hook
or a check kind becomes an ``internal-error`` finding on that document,
naming the plugin; the run goes on.
"""
from __future__ import annotations

import gc
import os
import stat
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import pluggy

from factcheck.config import Config
from factcheck.errors import PLUGIN_FAILURES, ConfigError, InputError, PluginError
from factcheck.formatters import Formatter
from factcheck.kinds import CheckContext, CheckKind
from factcheck.manager import build_manager
from factcheck.model import Claim, Date, Document, FileReport, Finding, Mention, Quantity, Rule, Severity, Span
from factcheck.rules import load_rules
from factcheck.segment import segment
from factcheck.units import Units

INTERNAL_ERROR = "internal-error"
_LOAD = "factcheck_load_document"
_BUILTIN_KINDS = "factcheck.builtin.kinds"  # the plugin that registers the built-in check kinds
STDIN_PATH = "-"


@dataclass(frozen=True)
class Analysis:
    """What the pipeline found in one document before any rule ran."""

    document: Document
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    failures: tuple[Finding, ...] = ()

    @property
    def quantities(self) -> list[Quantity]:
        """The quantity mentions, in text order."""
        return [m for m in self.mentions if isinstance(m, Quantity)]

    @property
    def dates(self) -> list[Date]:
        """The date mentions, in text order."""
        return [m for m in self.mentions if isinstance(m, Date)]


@dataclass
class _Registered:
    """Components registered by plugins, with the plugin that registered each."""

    kinds: dict[str, CheckKind] = field(default_factory=dict)
    kind_plugins: dict[str, str] = field(default_factory=dict)
    formatters: dict[str, Formatter] = field(default_factory=dict)
    formatter_plugins: dict[str, str] = field(default_factory=dict)


def _failure(plugin: str, what: str, err: BaseException, hook: str | None = None) -> Finding:
    """The ``internal-error`` finding for a plugin that raised: what failed, the plugin, its hook, the error."""
    detail = str(err) or type(err).__name__
    where = f"{plugin} ({hook})" if hook else plugin
    message = f"{what} failed in plugin {where}: {type(err).__name__}: {detail}"
    return Finding(INTERNAL_ERROR, Severity.ERROR, message, Span(0, 0), plugin=plugin)


def _check_span(span: object, document: Document, what: str) -> None:
    """Raise unless ``span`` is a Span inside the document's text."""
    if not isinstance(span, Span) or span.end > len(document.text):
        raise ValueError(f"returned {what} at {span!r}, outside the text of {len(document.text)} characters")


def _checked_mentions(found: Iterable[Any] | None, document: Document) -> list[Mention]:
    """An extract plugin's result, once every item is a Quantity or Date inside the text.

    :raises TypeError, ValueError: naming the first item that is not.
    """
    mentions = list(found or ())
    for mention in mentions:
        if not isinstance(mention, (Quantity, Date)):
            raise TypeError(f"returned {type(mention).__name__} {mention!r:.60}, not a Quantity or Date")
        _check_span(mention.span, document, "a mention")
    return mentions


def _check_findings(findings: list[Any], document: Document) -> None:
    """Raise unless every item is a Finding whose spans lie inside the text."""
    for finding in findings:
        if not isinstance(finding, Finding):
            raise TypeError(f"left {type(finding).__name__} {finding!r:.60} among the findings")
        for span in (finding.span, *finding.related):
            _check_span(span, document, "a finding")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while one document is read.

    Reading a document makes objects by the hundred thousand and almost no
    reference cycles, and the collector's passes over everything alive made
    checking a 4 MB document cost 4.0 times a 1 MB one where 3.6 is the work
    itself (12% of its time). Turned back on after the document, it collects
    what it must in one pass.
    """
    if not gc.isenabled():
        yield  # already paused by a caller
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class LoadFailure(Exception):
    """A loader plugin raised: the document could not be read, and ``finding`` names the plugin."""

    def __init__(self, path: str, finding: Finding) -> None:
        super().__init__(finding.message)
        self.path = path
        self.finding = finding

    def report(self) -> FileReport:
        """The failed document's report: empty text, and the ``internal-error`` finding."""
        return FileReport(Document(path=self.path, text=""), (self.finding,))


def _special(path: str) -> bool:
    """True for a pipe, socket or device found in a folder: not a document, and opening a pipe would block."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # a broken link: the loader reports it
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


class Checker:
    """Runs the rules of one configuration over documents.

    :param config: the run's settings.
    :param plugins: plugin objects to register after all others (they run first).
    :raises PluginError, RuleError, ConfigError, UnitError: when the run cannot start.
    """

    def __init__(self, config: Config | None = None, plugins: Sequence[object] = ()) -> None:
        self.config = config or Config()
        self.code_plugins = tuple(plugins)
        self.pm = build_manager(self.config, plugins)
        self._registered = self._collect_components()
        self.units = Units(self._joined("factcheck_unit_definitions", config=self.config))
        self.all_rules = load_rules(self._rule_paths(), self._registered.kinds)
        self.rules = self._selected(self.all_rules)

    # ------------------------------------------------------------ registration

    def _impls(self, hook_name: str) -> list[pluggy.HookImpl]:
        """A hook's implementations in registration order (built-ins first)."""
        hook = getattr(self.pm.hook, hook_name)
        return [impl for impl in reversed(hook.get_hookimpls()) if not (impl.hookwrapper or impl.wrapper)]

    @staticmethod
    def _call(impl: pluggy.HookImpl, **kwargs: Any) -> Any:
        return impl.function(*(kwargs[name] for name in impl.argnames))

    def _joined(self, hook_name: str, **kwargs: Any) -> list[Any]:
        results = []
        for impl in self._impls(hook_name):
            try:
                results += list(self._call(impl, **kwargs) or ())
            except PLUGIN_FAILURES as err:
                raise PluginError(f"{hook_name} failed in plugin {impl.plugin_name}: "
                                  f"{type(err).__name__}: {err}") from err
        return results

    def _collect_components(self) -> _Registered:
        registered = _Registered()
        for impl in self._impls("factcheck_check_kinds"):
            try:
                kinds = dict(self._call(impl) or {})
            except PLUGIN_FAILURES as err:
                raise PluginError(f"factcheck_check_kinds failed in plugin {impl.plugin_name}: "
                                  f"{type(err).__name__}: {err}") from err
            for name, kind in kinds.items():
                if name in registered.kinds:
                    raise PluginError(f"check kind {name!r} is registered by both "
                                      f"{registered.kind_plugins[name]} and {impl.plugin_name}")
                if not isinstance(kind, CheckKind):
                    raise PluginError(f"check kind {name!r} of plugin {impl.plugin_name} lacks "
                                      "fields, parse_params() or check()")
                registered.kinds[name] = kind
                registered.kind_plugins[name] = impl.plugin_name
        for impl in self._impls("factcheck_formatters"):
            try:
                formatters = dict(self._call(impl) or {})
            except PLUGIN_FAILURES as err:
                raise PluginError(f"factcheck_formatters failed in plugin {impl.plugin_name}: "
                                  f"{type(err).__name__}: {err}") from err
            registered.formatters.update(formatters)
            registered.formatter_plugins.update(dict.fromkeys(formatters, impl.plugin_name))
        return registered

    def _rule_paths(self) -> list[Path]:
        return [Path(p) for p in self._joined("factcheck_rule_paths", config=self.config)] + list(self.config.rules)

    def _selected(self, rules: list[Rule]) -> list[Rule]:
        known = {rule.id for rule in rules}
        for option in ("select", "ignore"):
            for rule_id in getattr(self.config, option):
                if rule_id not in known:
                    raise ConfigError(f"no rule with id {rule_id!r} (see `factcheck rules`)", key=option)
        chosen = [r for r in rules if not self.config.select or r.id in self.config.select]
        return [r for r in chosen if r.id not in self.config.ignore]

    @property
    def kinds(self) -> Mapping[str, CheckKind]:
        """The check kinds that plugins registered, by name."""
        return self._registered.kinds

    @property
    def formatters(self) -> Mapping[str, Formatter]:
        """The output formats that plugins registered, by name."""
        return self._registered.formatters

    def kind_plugin(self, kind: str) -> str:
        """The name of the plugin that registered a check kind."""
        return self._registered.kind_plugins[kind]

    def formatter_plugin(self, name: str) -> str:
        """The name of the plugin that registered an output format."""
        return self._registered.formatter_plugins[name]

    # ------------------------------------------------------------ documents

    def load(self, path: Path) -> Document:
        """Read a file through the ``factcheck_load_document`` hook (the first loader to answer wins).

        :raises InputError: when no loader can read it, or the file is unreadable.
        :raises LoadFailure: when a loader plugin raises anything else.
        """
        for impl in self._impls("factcheck_load_document"):
            try:
                document = self._call(impl, path=path, config=self.config)
            except InputError:
                raise
            except PLUGIN_FAILURES as err:
                raise LoadFailure(str(path), _failure(impl.plugin_name, "loading the document", err, _LOAD)) from err
            if document is None:
                continue  # this loader leaves the file to the next one
            if not isinstance(document, Document):
                wrong = TypeError(f"returned {type(document).__name__}, not a Document")
                raise LoadFailure(str(path), _failure(impl.plugin_name, "loading the document", wrong, _LOAD))
            return document
        raise InputError("no loader could read this file", path=str(path))

    def document_from_text(self, text: str, path: str = "<text>") -> Document:
        """A Document for text held in memory, its format picked by ``path``'s suffix."""
        from factcheck.builtin.loader import document_from_text

        return document_from_text(text, path)

    def analyse(self, document: Document) -> Analysis:
        """Segment a document, then run the extract and relate hooks over it."""
        with collector_paused():
            return self._analyse(document)

    def _analyse(self, document: Document) -> Analysis:
        document = Document(path=document.path, text=document.text, format=document.format,
                            skip=document.skip, sentences=segment(document.text, document.skip))
        failures: list[Finding] = []
        mentions: list[Mention] = []
        for impl in self._impls("factcheck_extract"):
            try:
                mentions += _checked_mentions(self._call(impl, document=document, units=self.units), document)
            except (InputError, ConfigError) as err:
                if err.path is None and isinstance(err, InputError):
                    err.path = document.path
                raise  # the document is more than can be read ("holds 300,000 figures"): not a plugin's fault
            except PLUGIN_FAILURES as err:
                failures.append(_failure(impl.plugin_name, "extraction", err, "factcheck_extract"))
        mentions.sort(key=lambda m: (m.span.start, m.span.end))
        claims: list[Claim] = []
        for impl in self._impls("factcheck_relate"):
            try:
                claims += self._call(impl, document=document, mentions=tuple(mentions)) or ()
            except PLUGIN_FAILURES as err:
                failures.append(_failure(impl.plugin_name, "relating mentions", err, "factcheck_relate"))
        return Analysis(document, tuple(mentions), tuple(claims), tuple(failures))

    def run_rules(self, analysis: Analysis) -> list[Finding]:
        """Every selected rule's findings on an analysed document, sorted by position."""
        context = CheckContext(analysis.document, analysis.quantities, analysis.dates,
                               analysis.claims, self.units)
        findings = list(analysis.failures)
        for rule in self.rules:
            try:
                found = list(self._registered.kinds[rule.kind].check(context, rule))
                _check_findings(found, analysis.document)
                findings += found
            except PLUGIN_FAILURES as err:
                plugin = self.kind_plugin(rule.kind)
                findings.append(_failure(plugin, f"rule {rule.id} ({rule.source})", err))
        findings.sort(key=lambda f: (f.span.start, f.span.end, f.rule))
        return findings

    def check_document(self, document: Document) -> FileReport:
        """Analyse one document, run the rules and the ``factcheck_modify_findings`` hooks."""
        with collector_paused():
            analysis = self.analyse(document)
            findings = self.run_rules(analysis)
        for impl in self._impls("factcheck_modify_findings"):
            before = list(findings)
            try:
                self._call(impl, document=analysis.document, findings=findings, config=self.config)
                _check_findings(findings, analysis.document)
            except PLUGIN_FAILURES as err:
                findings[:] = before  # a plugin that fails leaves the findings as they were
                findings.append(_failure(impl.plugin_name, "modifying findings", err,
                                         "factcheck_modify_findings"))
        return FileReport(analysis.document, tuple(findings))

    def warm_up(self, text: str) -> None:
        """Load the built-in word lists and compile their patterns by reading ``text`` once.

        Only built-in code runs: no plugin's hook sees this text, so a plugin
        that counts or logs documents sees only the user's own.
        """
        from factcheck.builtin.extract import extract_mentions
        from factcheck.builtin.relate import relate

        loaded = self.document_from_text(text, "warm-up.txt")
        document = replace(loaded, sentences=segment(loaded.text, loaded.skip))
        try:
            mentions = extract_mentions(document)
            analysis = Analysis(document, tuple(mentions), tuple(relate(document, mentions)), ())
            context = CheckContext(document, analysis.quantities, analysis.dates, analysis.claims, self.units)
            for rule in self.rules:
                if self.kind_plugin(rule.kind) == _BUILTIN_KINDS:
                    list(self._registered.kinds[rule.kind].check(context, rule))
        except PLUGIN_FAILURES:
            pass  # warming up only saves time: the run itself reports any failure

    def check_text(self, text: str, path: str = "<text>") -> FileReport:
        """Check text held in memory."""
        return self.check_document(self.document_from_text(text, path))

    def extract_text(self, text: str, path: str = "<text>") -> Analysis:
        """Extract and relate the mentions of text held in memory."""
        return self.analyse(self.document_from_text(text, path))

    # ------------------------------------------------------------ files

    def iter_files(self, paths: Iterable[str]) -> Iterator[str]:
        """The files to check: files as named, folders walked for the configured extensions.

        Hidden folders (".git") are not entered, and pipes, sockets and devices inside folders are
        passed over. ``-`` stands for standard input.

        :raises InputError: for a path that does not exist.
        """
        for name in paths:
            if name == STDIN_PATH:
                yield name
                continue
            path = Path(name)
            if path.is_dir():
                for root, dirs, files in os.walk(path):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    for file in sorted(files):
                        found = os.path.join(root, file)
                        if Path(file).suffix.lower() in self.config.extensions and not _special(found):
                            yield found
            elif path.exists():
                yield name
            else:
                raise InputError("no such file or folder", path=name)

    def file_checker(self, cache_folder: Path | None = None,
                     stdin_text: str | None = None) -> Callable[[str], FileReport | InputError]:
        """A function that checks one named file and returns its report, or the error that stopped it.

        With ``cache_folder``, a document seen before with the same rules and
        plugins is not analysed again (see :mod:`factcheck.cache`). ``-`` names
        standard input, read beforehand as ``stdin_text``.
        """
        cache = None
        if cache_folder is not None:
            from factcheck.cache import ResultCache, fingerprint

            cache = ResultCache(cache_folder, fingerprint(self.rules, self.pm.get_plugins()))

        def check_one(name: str) -> FileReport | InputError:
            try:
                if name == STDIN_PATH:
                    document = self.document_from_text(stdin_text or "", "<stdin>")
                else:
                    document = self.load(Path(name))
            except InputError as err:
                return err
            except LoadFailure as failure:
                return failure.report()
            try:
                if cache is None:
                    return self.check_document(document)
                findings = cache.get(document)
                if findings is not None:
                    sentences = segment(document.text, document.skip)
                    return FileReport(replace(document, sentences=sentences), findings)
                report = self.check_document(document)
            except InputError as err:
                return err
            cache.put(report.document, report.findings)
            return report

        return check_one

    def check_paths(self, paths: Iterable[str], on_error: Callable[[InputError], None],
                    read_stdin: Callable[[], str] | None = None, *, jobs: int = 1,
                    cache_folder: Path | None = None) -> Iterator[FileReport]:
        """Check files, yielding each report in input order as soon as it is ready.

        A file that cannot be read is passed to ``on_error`` and skipped.
        With ``jobs`` above 1 and more than one file, files are checked on
        that many processes; the reports and errors come in the same order as
        a serial run's.
        """
        names = list(paths)
        stdin_text = read_stdin() if STDIN_PATH in names and read_stdin else None
        check_one = self.file_checker(cache_folder, stdin_text)
        if jobs > 1 and len(names) > 1:
            from factcheck.parallel import check_in_parallel

            results: Iterable[FileReport | InputError] = check_in_parallel(
                self, names, min(jobs, len(names)), check_one, cache_folder, stdin_text)
        else:
            results = map(check_one, names)
        for result in results:
            if isinstance(result, InputError):
                on_error(result)
            else:
                yield result
