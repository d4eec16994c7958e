"""The ``factcheck`` command line.

::

    factcheck check [PATH...|-] [--format FORMAT] [--rules PATH]... [--select IDS] [--ignore IDS]
                    [--fail-on LEVEL] [--output FILE] [--baseline FILE | --write-baseline FILE]
                    [--jobs N] [--cache DIR]
    factcheck extract [PATH...|-] [--format text|json]
    factcheck rules [--format text|json]
    factcheck explain RULE_ID

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 usage, configuration or input errors (one line each on standard error).
"""
from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence, TextIO

from factcheck import __version__
from factcheck.config import FAIL_LEVELS, Config, load_config, load_config_file
from factcheck.errors import PLUGIN_FAILURES, ExitCode, FactcheckError, InputError, PluginError
from factcheck.model import FileReport, Summary

if TYPE_CHECKING:
    from factcheck.checker import Analysis, Checker
    from factcheck.formatters import RunInfo

PROG = "factcheck"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit with code 2 and one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(ExitCode.USAGE)


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return number


def _comma_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = _Parser(prog=PROG, description="Flag the numbers in a document that disagree with each other.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--config", type=Path, metavar="FILE",
                         help="read settings from FILE instead of searching for factcheck.yaml or pyproject.toml")
        sub.add_argument("--no-config", action="store_true", help="ignore configuration files")
        sub.add_argument("--rules", action="append", type=Path, metavar="FILE_OR_DIR", default=[],
                         help="extra rule files or folders (repeatable)")
        sub.add_argument("--plugins", action="append", type=Path, metavar="FILE_OR_DIR", default=[],
                         help="plugin files or folders to load (repeatable)")

    check = commands.add_parser("check", help="check documents and report inconsistent figures")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to check; - reads standard input")
    check.add_argument("--format", default="text",
                       help="output format: text (default), json, sarif, junit, github, html, or a plugin's")
    check.add_argument("--output", "-o", type=Path, metavar="FILE",
                       help="write the report to FILE (replaced whole, only once the run has finished)")
    baseline = check.add_mutually_exclusive_group()
    baseline.add_argument("--baseline", type=Path, metavar="FILE",
                          help="report only findings that the baseline FILE does not record")
    baseline.add_argument("--write-baseline", type=Path, metavar="FILE",
                          help="record every finding in FILE as accepted, and exit 0 unless a file cannot be read")
    check.add_argument("--select", type=_comma_list, metavar="ID,...", help="run only these rules")
    check.add_argument("--ignore", type=_comma_list, metavar="ID,...", help="never run these rules")
    check.add_argument("--fail-on", choices=FAIL_LEVELS, help="lowest severity that makes the exit code 1 "
                       "(default: warning)")
    check.add_argument("--extensions", type=_comma_list, metavar="EXT,...",
                       help="file suffixes to check inside folders (default: .txt,.md,.markdown,.html)")
    check.add_argument("--jobs", "-j", type=_positive_int, metavar="N",
                       help="check files on N processes (default: the number of cores); output order is unchanged")
    check.add_argument("--cache", type=Path, metavar="DIR",
                       help="reuse findings for documents unchanged since a run with the same rules (stored in DIR)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the text format (default: auto, off when NO_COLOR is set)")
    common(check)

    extract = commands.add_parser("extract", help="list the quantities and dates found in documents")
    extract.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; - reads standard input")
    extract.add_argument("--format", default="text", choices=("text", "json"))
    extract.add_argument("--extensions", type=_comma_list, metavar="EXT,...")
    common(extract)

    rules = commands.add_parser("rules", help="list the rules in force")
    rules.add_argument("--format", default="text", choices=("text", "json"))
    common(rules)

    explain = commands.add_parser("explain", help="show what a rule flags, with examples")
    explain.add_argument("rule_id", metavar="RULE_ID")
    common(explain)
    return parser


def _config(args: argparse.Namespace) -> Config:
    if args.no_config:
        config = Config()
    elif args.config:
        config = load_config_file(args.config)
    else:
        config = load_config()
    extensions = getattr(args, "extensions", None)
    return config.with_overrides(
        rules=tuple(config.rules) + tuple(args.rules) if args.rules else None,
        plugins=tuple(config.plugins) + tuple(args.plugins) if args.plugins else None,
        select=tuple(args.select) if getattr(args, "select", None) else None,
        ignore=tuple(args.ignore) if getattr(args, "ignore", None) else None,
        fail_on=getattr(args, "fail_on", None),
        extensions=tuple(e if e.startswith(".") else "." + e for e in extensions) if extensions else None,
        jobs=getattr(args, "jobs", None),
        cache=getattr(args, "cache", None),
    )


def _read_stdin() -> str:
    from factcheck.builtin.loader import decode, read_limited

    return decode(read_limited(sys.stdin.buffer, "<stdin>"), "<stdin>")


def _use_color(choice: str, out: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    return out.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


class _Errors:
    """Collects input errors: one line each on standard error, and exit code 2 at the end.

    A file found by walking a folder (``walked``) that is binary or cannot be
    opened is no document the user asked for: it gets a warning, and the
    exit code does not change.
    """

    def __init__(self, walked: Iterable[str] = ()) -> None:
        self.count = 0
        self.walked = {os.path.normpath(name) for name in walked}

    def __call__(self, error: InputError) -> None:
        if error.not_a_document and error.path and os.path.normpath(error.path) in self.walked:
            sys.stderr.write(f"{PROG}: warning: {error}; skipped\n")
            return
        self.count += 1
        sys.stderr.write(f"{PROG}: error: {error}\n")


def _walked(names: Iterable[str], args: argparse.Namespace) -> list[str]:
    """The files found inside the folders given, not named on the command line."""
    named = {os.path.normpath(name) for name in args.paths}
    return [name for name in names if os.path.normpath(name) not in named]


def _paths(checker: Checker, args: argparse.Namespace) -> list[str]:
    from factcheck.builtin.loader import max_file_bytes

    max_file_bytes()  # a bad size limit in the environment stops the run before any file is read
    if not args.paths:
        raise FactcheckError("give a file or folder to check, or - to read standard input")
    names = list(checker.iter_files(args.paths))
    if not names:
        suffixes = ", ".join(checker.config.extensions)
        raise FactcheckError(f"no files with the suffixes {suffixes} under {', '.join(args.paths)}")
    return names


def _note_empty(reports: Iterable[FileReport], out_err: TextIO) -> Iterator[FileReport]:
    for report in reports:
        if not report.document.text.strip() and not report.findings:
            out_err.write(f"{PROG}: note: {report.path}: empty file, nothing to check\n")
        yield report


def cmd_check(args: argparse.Namespace) -> int:
    """``factcheck check``: run the rules and write the findings."""
    from factcheck.checker import Checker
    from factcheck.formatters import RunInfo

    from factcheck.baseline import Baseline, BaselineWriter
    from factcheck.output import atomic_output, check_target, refuse_inputs

    plugins = [Baseline.load(args.baseline)] if args.baseline else []
    checker = Checker(_config(args), plugins=plugins)
    if args.format not in checker.formatters:
        raise FactcheckError(f"unknown format {args.format!r} (available: {', '.join(sorted(checker.formatters))})",
                             key="--format")
    names = _paths(checker, args)
    for target, what in ((args.output, "report"), (args.write_baseline, "baseline")):
        if target:
            check_target(target, what)
            refuse_inputs(target, names, what)
    errors = _Errors(_walked(names, args))
    from factcheck.parallel import default_jobs

    jobs = checker.config.jobs or default_jobs()
    reports = _note_empty(checker.check_paths(names, errors, _read_stdin, jobs=jobs,
                                              cache_folder=checker.config.cache), sys.stderr)
    recorder = BaselineWriter(args.write_baseline) if args.write_baseline else None
    if recorder:
        reports = recorder.watch(reports)
    with atomic_output(args.output) if args.output else contextlib.nullcontext(sys.stdout) as out:
        run = RunInfo(PROG, __version__, tuple(checker.rules), checker.config.fail_on,
                      color=_use_color(args.color, out))
        summary = _write(checker, args.format, reports, out, run)
        out.flush()
    if recorder:
        with atomic_output(args.write_baseline, "baseline") as baseline_file:
            baseline_file.write(recorder.content())
        count = len(recorder.entries)
        sys.stderr.write(f"{PROG}: wrote {count} accepted finding{'' if count == 1 else 's'} "
                         f"to {args.write_baseline}\n")
    if errors.count:
        return ExitCode.USAGE
    return ExitCode.OK if recorder else _exit_code(summary, checker.config.fail_on)


class _PipelineFailure(Exception):
    """An exception raised while the reports were produced, not by the formatter that consumed them."""


def _produced(reports: Iterable[FileReport]) -> Iterator[FileReport]:
    """The reports, with any exception from producing them set apart from the formatter's own."""
    try:
        yield from reports
    except Exception as err:
        raise _PipelineFailure() from err


def _write(checker: Checker, fmt: str, reports: Iterable[FileReport], out: TextIO, run: RunInfo) -> Summary:
    """Write the reports in ``fmt``; a formatter plugin that raises is named, not taken for a bug in factcheck."""
    try:
        return checker.formatters[fmt].write(_produced(reports), out, run)
    except _PipelineFailure as failure:
        cause = failure.__cause__
        assert cause is not None  # _produced always raises it "from" the original exception
        raise cause from None
    except (FactcheckError, BrokenPipeError):
        raise
    except PLUGIN_FAILURES as err:
        plugin = checker.formatter_plugin(fmt)
        if plugin.startswith("factcheck."):
            raise  # a built-in formatter: a bug in factcheck itself
        raise PluginError(f"format {fmt!r} failed in plugin {plugin}: {type(err).__name__}: {err}") from err


def _exit_code(summary: Summary, fail_on: str) -> int:
    worst = summary.worst()
    if fail_on == "never" or worst is None:
        return ExitCode.OK
    threshold = ("info", "warning", "error").index(fail_on)
    return ExitCode.FINDINGS if worst.rank >= threshold else ExitCode.OK


def cmd_extract(args: argparse.Namespace) -> int:
    """``factcheck extract``: list the mentions found in each document."""
    from factcheck.builtin.formatters.mentions import write_mentions
    from factcheck.builtin.relate import changes_only
    from factcheck.checker import Checker, LoadFailure

    checker = Checker(_config(args))
    names = _paths(checker, args)
    errors = _Errors(_walked(names, args))

    def analyses() -> Iterator[Analysis]:
        for name in names:
            try:
                document = (checker.document_from_text(_read_stdin(), "<stdin>") if name == "-"
                            else checker.load(Path(name)))
            except InputError as err:
                errors(err)
                continue
            except LoadFailure as failure:
                errors(InputError(failure.finding.message, path=failure.path))
                continue
            try:
                with changes_only():  # the listing shows mentions and changes, no other claim
                    analysis = checker.analyse(document)
            except InputError as err:
                errors(err)
                continue
            for crash in analysis.failures:  # a plugin that raised: its mentions are missing
                errors(InputError(crash.message, path=document.path))
            yield analysis

    write_mentions(analyses(), sys.stdout, args.format, __version__)
    return ExitCode.USAGE if errors.count else ExitCode.OK


def cmd_rules(args: argparse.Namespace) -> int:
    """``factcheck rules``: the rule catalogue in force."""
    from factcheck.checker import Checker

    checker = Checker(_config(args))
    selected = {rule.id for rule in checker.rules}
    if args.format == "json":
        rows = [{"id": r.id, "kind": r.kind, "severity": r.severity.value, "enabled": r.id in selected,
                 "source": r.source, "summary": _first_line(r.description)} for r in checker.all_rules]
        json.dump({"rules": rows}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return ExitCode.OK
    width = max((len(r.id) for r in checker.all_rules), default=10)
    for rule in checker.all_rules:
        mark = " " if rule.id in selected else "-"
        sys.stdout.write(f"{mark} {rule.id:<{width}}  {rule.severity.value:<7}  {_first_line(rule.description)}\n")
    sys.stdout.write(f"\n{len(selected)} of {len(checker.all_rules)} rules enabled"
                     " ('-' marks a rule left out by select/ignore). `factcheck explain ID` tells more.\n")
    return ExitCode.OK


def _first_line(text: str) -> str:
    """The first sentence of a rule's description, on one line."""
    paragraph = " ".join(text.strip().split("\n\n")[0].split())
    end = paragraph.find(". ")
    return paragraph if end < 0 else paragraph[:end + 1]


def cmd_explain(args: argparse.Namespace) -> int:
    """``factcheck explain RULE_ID``: the rule's documentation."""
    from factcheck.checker import Checker

    checker = Checker(_config(args))
    rules = {rule.id: rule for rule in checker.all_rules}
    rule = rules.get(args.rule_id)
    if rule is None:
        close = difflib.get_close_matches(args.rule_id, rules, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; `factcheck rules` lists them"
        raise FactcheckError(f"no rule with id {args.rule_id!r}{hint}")
    sys.stdout.write(f"{rule.id}  ({rule.severity.value}, kind {rule.kind}, from {rule.source})\n\n")
    sys.stdout.write((rule.description.strip() or "No description.") + "\n")
    return ExitCode.OK


COMMANDS = {"check": cmd_check, "extract": cmd_extract, "rules": cmd_rules, "explain": cmd_explain}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (and exits with it when run as a script)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    try:
        return COMMANDS[args.command](args)
    except FactcheckError as err:
        sys.stderr.write(f"{PROG}: error: {err}\n")
        return ExitCode.USAGE
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.OK
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130
    except Exception as err:  # a bug in factcheck itself: one line, never a traceback
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        sys.stderr.write(f"{PROG}: internal error: {type(err).__name__}: {err} "
                         "(set FACTCHECK_DEBUG=1 to see where; please report it)\n")
        return ExitCode.USAGE


def entry() -> None:
    """Console-script entry point."""
    raise SystemExit(main())


if __name__ == "__main__":
    entry()
