"""Detection quality on every labelled corpus: precision, recall and F1, one line each.

Not a test. It runs the development scorer (``../shared/eval/score.py`` next
to the repository, or ``--scorer PATH``) over the development corpora beside
it and over ``bench/corpora/``::

    .venv/bin/python bench/accuracy.py
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = Path(__file__).resolve().parent / "corpora"


def score(scorer: Path, what: str, corpus: Path, cli: str) -> dict:
    """The scorer's JSON result for one corpus."""
    done = subprocess.run([sys.executable, str(scorer), what, str(corpus), "--cmd", cli, "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _number(corpus: Path) -> int:
    """The set number of ``findings-N.yaml``: set 10 comes after set 9."""
    return int(corpus.stem.rsplit("-", 1)[1])


def main() -> None:
    """Score every corpus and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    parser.add_argument("--cmd", default=str(Path(sys.executable).with_name("factcheck")))
    args = parser.parse_args()
    if not args.scorer.is_file():
        raise SystemExit(f"no scorer at {args.scorer}; pass --scorer PATH to score.py")
    development = args.scorer.parent
    findings = sorted(development.glob("findings-*.yaml")) + sorted(CORPORA.glob("findings-*.yaml"), key=_number)
    quantities = sorted(development.glob("quantities-*.yaml")) + sorted(CORPORA.glob("quantities-*.yaml"),
                                                                         key=_number)
    print(f"{'corpus':<28} {'P':>6} {'R':>6} {'F1':>6}  clean false alarms")
    for corpus in findings:
        result = score(args.scorer, "findings", corpus, args.cmd)
        print(f"{corpus.name:<28} {result['precision']:6.3f} {result['recall']:6.3f} {result['f1']:6.3f}  "
              f"{result['false_alarms_on_clean']} of {result['clean_cases']}")
    print(f"\n{'corpus':<28} {'P':>6} {'R':>6} {'F1':>6}  unit acc.")
    for corpus in quantities:
        result = score(args.scorer, "quantities", corpus, args.cmd)
        print(f"{corpus.name:<28} {result['precision']:6.3f} {result['recall']:6.3f} {result['f1']:6.3f}  "
              f"{result['unit_accuracy']}")


if __name__ == "__main__":
    main()
