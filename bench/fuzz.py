"""The long run of the property tests: every Hypothesis property with many examples and fresh seeds.

Not part of the test suite: CI runs the same properties with 200 derandomized
examples each (the ``ci`` profile in tests/test_fuzz.py); this runs them under
the ``campaign`` profile, with new random seeds each time and as many examples
as asked, and reports how many each property passed. Run it from the
repository root::

    .venv/bin/python bench/fuzz.py                   # 5000 examples a property (about three minutes)
    .venv/bin/python bench/fuzz.py --examples 500    # shorter
    .venv/bin/python bench/fuzz.py -k json           # only the properties whose name holds a word

The properties (tests/test_fuzz.py, tests/test_fuzz_inputs.py): no built-in
plugin raises on any text, and every span lies inside the text; every
mention's text is the text it spans; ``extract`` and ``check`` JSON are valid
and keep the contract; a second run gives the same findings and byte-identical
JSON; any bytes decode to text or one input error; any rule or settings file
loads or gives one error line. A failure is shrunk to a minimal example,
printed by pytest, and saved in .hypothesis/ so that the next run tries it
first. The exit code is pytest's.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ["tests/test_fuzz.py", "tests/test_fuzz_inputs.py"]
# Each property's statistics block: its name, then "- N passing, M failing, and K invalid test cases".
_STATS = re.compile(r"^(tests/\S+?)::(\S+):\s*$\n(?:.*\n)*?\s*- (\d+) passing, (\d+) failing", re.MULTILINE)


def main() -> int:
    """Run the campaign and print the number of examples each property passed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=5000, help="examples a property (default 5000)")
    parser.add_argument("-k", dest="select", help="only the properties whose name matches (pytest -k)")
    args = parser.parse_args()
    env = {**os.environ, "FACTCHECK_FUZZ": "campaign", "FACTCHECK_FUZZ_EXAMPLES": str(args.examples)}
    # The command-line determinism test is no property and has no examples to multiply: left to the suite.
    select = "not command_line" + (f" and ({args.select})" if args.select else "")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics",
               "-k", select, *FILES]
    print(f"running every property with {args.examples} examples, fresh seeds: {' '.join(command[2:])}", flush=True)
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    found = _STATS.findall(done.stdout)
    for _, name, passing, failing in found:
        print(f"{int(passing):>7} passing {int(failing):>3} failing  {name}")
    total = sum(int(passing) for _, _, passing, _ in found)
    print(f"{total} examples passed over {len(found)} properties in {elapsed:.0f} s "
          f"({args.examples} asked for each); pytest exit code {done.returncode}")
    if done.returncode:
        print(done.stdout[-20000:] + done.stderr[-5000:])
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
