#!/usr/bin/env python
"""Count the findings some rules raise on the seed reports and the dev excerpts.

Usage (from the repository root):

    python scripts/measure_findings.py F930 F922 Q610 ... [--corpus DIR] [-v]

Reads seeds/*.txt and DIR/*.txt (default ../shared/corpus/dev) in place, lints each with only
the named rules, and prints per rule how many findings it raised on each set. With -v every
finding is listed with its line and text, so a person can judge it right or wrong (the judged
figures go into the README by hand: they are a reading, not something a script can know).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import corpus_dir  # noqa: E402
from linter import Config, lint_path  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("codes", nargs="+")
    ap.add_argument("--corpus", default=None, help="the dev excerpts (default ../shared/corpus/dev)")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    # (the same default as the other measurement scripts: it looked two folders up, found no
    # corpus there and counted the dev set as 0 files without saying so)
    corpus = corpus_dir(args.corpus, "dev", "index.tsv", "measure_findings.py")
    sets = {"seeds": sorted((ROOT / "seeds").glob("*.txt")), "dev": sorted(corpus.glob("*.txt"))}
    counts: dict[str, Counter] = {name: Counter() for name in sets}
    for name, files in sets.items():
        for path in files:
            result = lint_path(str(path), Config(select=list(args.codes)))
            for d in result.diagnostics:
                counts[name][d.code] += 1
                if args.v:
                    print(f"{name}/{path.name}:{d.line}:{d.column} {d.code} {d.message} | {d.context[:120]}")
    print(f"{'rule':6} " + " ".join(f"{n:>8}" for n in sets) + "   (files: " +
          ", ".join(f"{n} {len(f)}" for n, f in sets.items()) + ")")
    for code in args.codes:
        print(f"{code:6} " + " ".join(f"{counts[n][code]:>8}" for n in sets))
    return 0


if __name__ == "__main__":
    sys.exit(main())
