"""Checking many files on several cores, with output in the order of a serial run.

Workers are forked from the process that built the checker, so they share
its plugins and rules without rebuilding them; where fork is unavailable each
worker builds its own checker from the configuration. Results come back in
input order (``imap``), so the output is identical to a serial run's and is
written as soon as each file's turn comes.

Workers ignore Ctrl-C: a terminal sends it to every process of the run, and
the main process alone stops the run (ending the workers as it leaves the
pool), so that a worker never prints a traceback of its own.
"""
from __future__ import annotations

import gc
import os
import signal
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from factcheck.errors import InputError
from factcheck.model import FileReport

if TYPE_CHECKING:
    from pathlib import Path

    from factcheck.checker import Checker
    from factcheck.config import Config

_worker: Callable[[str], FileReport | InputError] | None = None
# A paragraph that wakes most readers: a change with its size and word, money, units, a date, shares, a list.
_WARM_UP = ("On Tuesday, 3 March 2026, the council said spending rose 12% from £4.1m to £4.6m, a modest rise, "
            "while 58% of the 1,200 residents polled backed the 26-mile (42 km) route and 40% opposed it. "
            "About 3,000 homes, including 1,200 flats and 800 houses, were built in the 1990s.")


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _install(check_one: Callable[[str], FileReport | InputError]) -> None:
    global _worker
    _worker = check_one


def _build_and_install(config: Config, plugins: Sequence[object], cache_folder: Path | None,
                       stdin_text: str | None) -> None:
    _ignore_interrupts()
    from factcheck.checker import Checker

    checker = Checker(config, plugins=plugins)
    _install(checker.file_checker(cache_folder, stdin_text))


def _run(name: str) -> FileReport | InputError:
    assert _worker is not None
    return _worker(name)


def check_in_parallel(checker: Checker, names: Sequence[str], jobs: int,
                      check_one: Callable[[str], FileReport | InputError],
                      cache_folder: Path | None = None, stdin_text: str | None = None) -> Iterator[FileReport | InputError]:
    """Each file's report (or its input error) in the order of ``names``, computed by ``jobs`` workers."""
    import multiprocessing

    chunksize = max(1, min(8, len(names) // (jobs * 4)))
    if "fork" in multiprocessing.get_all_start_methods():
        # word lists and patterns load on first use: loaded here once, every forked worker has them
        checker.warm_up(_WARM_UP)
        _install(check_one)
        # what the workers inherit is never collected in them: a collection would touch, and so copy, every page
        gc.freeze()
        pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_ignore_interrupts)
    else:
        pool = multiprocessing.get_context("spawn").Pool(
            jobs, initializer=_build_and_install,
            initargs=(checker.config, checker.code_plugins, cache_folder, stdin_text))
    try:
        with pool:
            yield from pool.imap(_run, names, chunksize)
    finally:
        gc.unfreeze()  # this process goes on (a pytest session may check more): its objects are collectable again
