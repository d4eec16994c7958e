"""Every speed and memory figure of factcheck, each as a ratio to a baseline measured in the same run.

Not a test: these machines are shared and noisy, so the figures are ratios of
interleaved runs, never absolute times. Run it from the repository root::

    .venv/bin/python bench/run.py                 # everything (several minutes)
    .venv/bin/python bench/run.py --quick         # smaller inputs, same ratios
    .venv/bin/python bench/run.py startup jobs    # some sections only

Sections and their targets:

* ``startup``    ``factcheck check`` on the seed / ``python -c "import pint; pint.UnitRegistry()"``: <= 0.75 (aim 0.5),
                 with the compiled patterns a first run keeps (the figure without them printed beside)
* ``throughput`` ``factcheck extract`` chars/s / quantulum3's (paragraph by paragraph): >= 50, judged with
                 factcheck's start-up in its time (quantulum3's is left out of its own, and the rate
                 after start-up is printed beside); ``factcheck check`` time / ``factcheck extract``
                 time on the same text: <= 2
* ``scaling``    ``factcheck check`` on a 4 MB document / on a 1 MB one: <= 4.8
* ``jobs``       serial time / ``--jobs 2`` time over 500 articles: >= 1.7, with identical output
* ``memory``     peak RSS checking 100 MB of articles: < 300 MB (against a bare interpreter's RSS)
* ``cache``      a second ``--cache`` run over an unchanged folder: no document extracted
* ``bigfile``    one 10 MB document on a single line: checked, peak RSS < 600 MB; one 100 MB document:
                 refused at the 64 MiB size limit within 2 s, with the limit and how to raise it

quantulum3 is installed only for the benchmark (``pip install quantulum3``);
without it the throughput ratio is skipped and said so.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path
from typing import Callable, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article, text_of_size  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "nato-missions.txt"
PYTHON = sys.executable
FACTCHECK = str(Path(PYTHON).with_name("factcheck"))
MB = 1_000_000


def environment() -> dict[str, str]:
    """The environment for timed runs: bytecode caches allowed, as on a user's machine."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["NO_COLOR"] = "1"
    return env


ENV = environment()


def run(command: Sequence[str], **options) -> subprocess.CompletedProcess:
    """Run a command with the benchmark environment, capturing its output."""
    return subprocess.run(list(command), env=ENV, capture_output=True, **options)


def timed(command: Sequence[str]) -> float:
    """Wall time of one run of ``command``, in seconds."""
    start = time.perf_counter()
    run(command)
    return time.perf_counter() - start


def interleaved(commands: dict[str, Sequence[str]], repeats: int) -> dict[str, float]:
    """The median time of each command, run in turn so that load drifts hit all of them alike."""
    for command in commands.values():
        run(command)  # warm the page cache and write bytecode caches
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, command in commands.items():
            times[name].append(timed(command))
    return {name: statistics.median(values) for name, values in times.items()}


def report(name: str, value: float, target: str, ok: bool, detail: str) -> None:
    """One result line: the ratio, its target, and the measurements behind it."""
    print(f"  {name:<34} {value:8.2f}   target {target:<8} {'PASS' if ok else 'MISS'}   {detail}")


# ---------------------------------------------------------------- sections


def startup(args: argparse.Namespace) -> None:
    """factcheck check on the seed against building a bare pint registry."""
    no_pattern_cache = ["env", "FACTCHECK_PATTERN_CACHE=0", FACTCHECK, "check", str(SEED)]
    times = interleaved({
        "factcheck": [FACTCHECK, "check", str(SEED)],
        "uncached": no_pattern_cache,
        "pint": [PYTHON, "-c", "import pint; pint.UnitRegistry()"],
        "bare": [PYTHON, "-c", "import pluggy, yaml, regex"],
    }, args.repeats)
    ratio = times["factcheck"] / times["pint"]
    # the first run on a machine compiles the built-in patterns and keeps them (factcheck/patterncache.py);
    # interleaved() runs each command once before timing, so the cache is warm, as it is for every later run
    report("startup: check seed / pint registry", ratio, "<= 0.75", ratio <= 0.75,
           f"(check {times['factcheck']:.3f}s, pint {times['pint']:.3f}s, "
           f"python+pluggy+yaml+regex {times['bare']:.3f}s = {times['bare'] / times['pint']:.2f} of pint; "
           f"without the kept patterns {times['uncached'] / times['pint']:.2f})")


def quantulum_rate(paragraphs: list[str]) -> float | None:
    """quantulum3's characters per second, one paragraph at a time (its best case), or None."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser as quantulum
    except Exception:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantulum.parse(paragraphs[0])
        start = time.perf_counter()
        for paragraph in paragraphs:
            quantulum.parse(paragraph)
        elapsed = time.perf_counter() - start
    return sum(len(p) for p in paragraphs) / elapsed


def throughput(args: argparse.Namespace) -> None:
    """Characters per second of extract and check on one large text, against quantulum3."""
    size = MB // 4 if args.quick else MB
    text = text_of_size(size)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "news.txt"
        path.write_text(text, encoding="utf-8")
        times = interleaved({
            "extract": [FACTCHECK, "extract", "--format", "json", str(path)],
            "check": [FACTCHECK, "check", "--format", "json", str(path)],
            "start": [FACTCHECK, "extract", "--format", "json", str(SEED)],
        }, max(1, args.repeats // 5))
    extract_rate = len(text) / times["extract"]
    # quantulum3's rate leaves out its start-up; ours is judged with it, and shown without it beside
    running_rate = len(text) / max(times["extract"] - times["start"], 1e-9)
    sample = text.split("\n\n")[:120 if args.quick else 400]  # the same text, paragraph by paragraph
    rate = quantulum_rate(sample)
    if rate is None:
        print(f"  throughput: quantulum3 is not installed (pip install quantulum3): ratio skipped; "
              f"factcheck extract reads {extract_rate:,.0f} chars/s")
    else:
        ratio = extract_rate / rate
        report("throughput: extract / quantulum3", ratio, ">= 50", ratio >= 50,
               f"({extract_rate:,.0f} vs {rate:,.0f} chars/s on {len(text):,} chars; quantulum3 on "
               f"{len(sample)} paragraphs; after start-up {running_rate:,.0f} chars/s = "
               f"{running_rate / rate:.1f}x)")
    ratio = times["check"] / times["extract"]
    report("throughput: check / extract time", ratio, "<= 2", ratio <= 2,
           f"(check {times['check']:.2f}s, extract {times['extract']:.2f}s)")


def scaling(args: argparse.Namespace) -> None:
    """One 4 MB document against one 1 MB document."""
    small, large = (MB // 4, MB) if args.quick else (MB, 4 * MB)
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for name, size in (("small", small), ("large", large)):
            paths[name] = Path(folder) / f"{name}.txt"
            paths[name].write_text(text_of_size(size, seed=5), encoding="utf-8")
        times = interleaved({name: [FACTCHECK, "check", "--format", "json", str(path)]
                             for name, path in paths.items()}, 1 if not args.quick else 3)
    ratio = times["large"] / times["small"]
    report(f"scaling: {large // MB or large / MB:g} MB / {small / MB:g} MB document", ratio, "<= 4.8",
           ratio <= 4.8, f"({times['large']:.1f}s vs {times['small']:.1f}s; linear would be 4.0)")


def write_articles(folder: Path, count: int, seed: int = 21) -> int:
    """``count`` article files in ``folder``; returns their total size in bytes."""
    import random

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for index in range(count):
        body = article(rng)
        (folder / f"{index:06d}.txt").write_text(body, encoding="utf-8")
        total += len(body.encode())
    return total


def jobs(args: argparse.Namespace) -> None:
    """500 articles checked serially and on two processes."""
    count = 100 if args.quick else 500
    with tempfile.TemporaryDirectory() as folder:
        write_articles(Path(folder), count)
        serial = [FACTCHECK, "check", "--format", "json", "--jobs", "1", folder]
        parallel = [FACTCHECK, "check", "--format", "json", "--jobs", "2", folder]
        same = run(serial).stdout == run(parallel).stdout
        times = interleaved({"serial": serial, "parallel": parallel}, max(1, args.repeats // 5))
    ratio = times["serial"] / times["parallel"]
    report(f"jobs: serial / --jobs 2, {count} articles", ratio, ">= 1.7", ratio >= 1.7 and same,
           f"({times['serial']:.1f}s vs {times['parallel']:.1f}s; output {'identical' if same else 'DIFFERS'}; "
           f"{os.cpu_count()} cores)")


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and its children, in bytes (Linux /proc)."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for each in pids:
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def peak_rss(command: Sequence[str]) -> tuple[int, float]:
    """The peak resident memory of a command and its worker processes, sampled every 20 ms, and its time."""
    peak = 0
    start = time.perf_counter()
    process = subprocess.Popen(list(command), env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    process.wait()
    done.set()
    sampler.join()
    return peak, time.perf_counter() - start


def memory(args: argparse.Namespace) -> None:
    """Peak memory while checking 100 MB of articles, results streamed to a file."""
    target = 10 * MB if args.quick else 100 * MB
    with tempfile.TemporaryDirectory() as folder:
        articles = Path(folder) / "articles"
        written = 0
        batch = 0
        while written < target:
            written += write_articles(articles / f"{batch:03d}", 1000, seed=batch)
            batch += 1
        output = Path(folder) / "report.json"
        peak, elapsed = peak_rss([FACTCHECK, "check", "--format", "json", "--output", str(output),
                                  "--fail-on", "never", str(articles)])
        bare, _ = peak_rss([PYTHON, "-c", "import time; time.sleep(0.2)"])
    report(f"memory: peak RSS, {written / MB:.0f} MB of articles (MB)", peak / MB, "< 300", peak < 300 * MB,
           f"(all processes together; a bare interpreter is {bare / MB:.0f} MB; {elapsed:.0f}s)")


def cache(args: argparse.Namespace) -> None:
    """Two --cache runs over an unchanged folder: the second must extract nothing."""
    count = 50 if args.quick else 200
    with tempfile.TemporaryDirectory() as folder:
        docs = Path(folder) / "docs"
        write_articles(docs, count)
        counter = Path(folder) / "count.py"
        calls = Path(folder) / "calls.txt"
        counter.write_text(
            "from factcheck import hookimpl\n\n"
            "@hookimpl\n"
            "def factcheck_extract(document, units):\n"
            f"    with open({str(calls)!r}, 'a') as log:\n"
            "        log.write('.')\n"
            "    return []\n")
        command = [FACTCHECK, "check", "--format", "json", "--cache", str(Path(folder) / "cache"),
                   "--plugins", str(counter), str(docs)]
        first = timed(command)
        after_first = len(calls.read_text()) if calls.exists() else 0
        second = timed(command)
        after_second = len(calls.read_text()) if calls.exists() else 0
    extracted = after_second - after_first
    report("cache: documents extracted again", extracted, "0", extracted == 0,
           f"(first run extracted {after_first} of {count}; second run took {second / first:.2f} of the first)")


def bigfile(args: argparse.Namespace) -> None:
    """One huge document: a 10 MB one on a single line is checked in bounded memory; a 100 MB one is refused."""
    size = 2 * MB if args.quick else 10 * MB
    with tempfile.TemporaryDirectory() as folder:
        one_line = Path(folder) / "one-line.txt"
        text = text_of_size(size).replace("\n", " ")
        one_line.write_text(text, encoding="utf-8")
        output = Path(folder) / "report.json"
        peak, elapsed = peak_rss([FACTCHECK, "check", "--format", "json", "--output", str(output),
                                  "--fail-on", "never", str(one_line)])
        checked = output.exists()
        report(f"bigfile: peak RSS, {size / MB:.0f} MB on one line (MB)", peak / MB, "< 600",
               checked and peak < 600 * MB,
               f"({'checked' if checked else 'NOT CHECKED'} in {elapsed:.0f}s, {size / MB / elapsed:.2f} MB/s)")
        huge = Path(folder) / "huge.txt"
        with huge.open("w", encoding="utf-8") as stream:
            for _ in range(100 * MB // len(text) + 1):
                stream.write(text)
        huge_size = huge.stat().st_size
        peak, elapsed = peak_rss([FACTCHECK, "check", str(huge)])
        done = run([FACTCHECK, "check", str(huge)], text=True)
    refused = done.returncode == 2 and "(set FACTCHECK_MAX_FILE_MIB to raise it)" in done.stderr
    report(f"bigfile: {huge_size / MB:.0f} MB document refused in (s)", elapsed, "< 2", refused and elapsed < 2,
           f"(peak RSS {peak / MB:.0f} MB; {done.stderr.strip() if refused else 'NOT REFUSED: ' + done.stderr[-200:]})")


SECTIONS: dict[str, Callable[[argparse.Namespace], None]] = {
    "startup": startup, "throughput": throughput, "scaling": scaling, "jobs": jobs, "memory": memory,
    "cache": cache, "bigfile": bigfile,
}


def main() -> None:
    """Run the chosen sections and print one line per figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sections", nargs="*", metavar="SECTION",
                        help=f"any of {', '.join(SECTIONS)} (default: all)")
    parser.add_argument("--quick", action="store_true", help="smaller inputs; the same ratios, noisier")
    parser.add_argument("--repeats", type=int, default=15, help="runs per command for the start-up medians")
    args = parser.parse_args()
    unknown = [name for name in args.sections if name not in SECTIONS]
    if unknown:
        parser.error(f"unknown section {unknown[0]!r}; choose from {', '.join(SECTIONS)}")
    print(f"factcheck benchmarks on {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"{'quick' if args.quick else 'full'} sizes")
    for name in args.sections or SECTIONS:
        SECTIONS[name](args)


if __name__ == "__main__":
    main()
