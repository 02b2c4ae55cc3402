"""Instructions per 10,000 characters of lint, counted by valgrind: a figure load cannot move.

    python bench/instructions.py                     # this checkout, warm and fresh
    python bench/instructions.py --root /tmp/main    # another checkout (git clone /work/main /tmp/main)
    python bench/instructions.py --mode fresh --rounds 5

Wall-clock timings on a shared virtual machine swing by ±30 %; ``valgrind --tool=callgrind``
counts the instructions a process executes, the same on every run of the same code and input
whatever else the machine does. A lint is measured as the difference between a process that
lints the five seeds ``rounds`` times and one that lints them once (start-up, imports and the
first lints cancel out), after an uncounted run that fills the checkout's cache folder (rule
sets, compiled patterns: without it the first counted run would also pay for writing them).

``warm`` lints the same seeds round after round, as the README's warm row does (the lint keeps
what it judged by sentence text, so most sentences are judged once); ``fresh`` empties those
caches before each report: what a district's distinct reports cost.

Needs valgrind (Debian: ``apt-get install valgrind``). Not a test: it asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The caches keyed by a sentence's text (emptied in the fresh mode), by module.
SENTENCE_CACHES = (("linter.text.figures", ("_figures_cached", "_figures_long")),
                   ("linter.kinds._concepts", ("_intention_clauses", "_deeds_only")))

_CHILD = """
import importlib, sys
from pathlib import Path
root, rounds, fresh = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "fresh"
sys.path.insert(0, str(root))
from linter import lint_text
texts = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
caches = []
for module, names in {caches!r}:
    loaded = importlib.import_module(module)
    caches += [getattr(loaded, n) for n in names if hasattr(getattr(loaded, n, None), "cache_clear")]
for _ in range(2):
    for t in texts:
        lint_text(t)
for _ in range(rounds):
    for t in texts:
        if fresh:
            for c in caches:
                c.cache_clear()
        lint_text(t)
"""


def _count(root: Path, rounds: int, mode: str, env: dict) -> int:
    with tempfile.TemporaryDirectory(prefix="fzlint-ir-") as tmp:
        script = Path(tmp) / "lint.py"
        script.write_text(_CHILD.format(caches=SENTENCE_CACHES), encoding="utf-8")
        out = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out",
                              sys.executable, str(script), str(root), str(rounds), mode],
                             capture_output=True, text=True, env=env, cwd=root)
    found = re.search(r"Collected : (\d+)", out.stderr)
    if out.returncode != 0 or not found:
        sys.exit(f"valgrind 运行失败：{out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode}")
    return int(found.group(1))


def measure(root: Path, mode: str, rounds: int) -> float:
    """Millions of instructions per 10,000 characters of the seeds."""
    env = dict(os.environ)
    env.setdefault("FZLINT_CACHE_DIR", str(Path(tempfile.gettempdir()) / ("fzlint-ir-" + root.name)))
    # One string-hash seed for every count: with Python's random one, the order sets and dicts
    # are walked in changes from process to process, and the count with it (by about ±0.5 %).
    env.setdefault("PYTHONHASHSEED", "0")
    subprocess.run([sys.executable, "-c", _CHILD.format(caches=SENTENCE_CACHES), str(root), "1", mode],
                   check=True, env=env, cwd=root)                     # fills the cache folder, uncounted
    once, more = _count(root, 1, mode, env), _count(root, 1 + rounds, mode, env)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in (root / "seeds").glob("*.txt"))
    return (more - once) / rounds / chars * 10_000 / 1e6


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=str(HERE.parent), help="the checkout to measure (default: this one)")
    ap.add_argument("--mode", choices=("warm", "fresh", "both"), default="both")
    ap.add_argument("--rounds", type=int, default=2, help="counted rounds over the seeds (default 2)")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("需要 valgrind（Debian: apt-get install valgrind）", file=sys.stderr)
        return 2
    root = Path(args.root).resolve()
    for mode in (("warm", "fresh") if args.mode == "both" else (args.mode,)):
        print(f"{root} {mode}: {measure(root, mode, args.rounds):.1f} M instructions per 10,000 characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
