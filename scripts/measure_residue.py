#!/usr/bin/env python
"""Recall of the template-residue check (F952), measured by simulating copies.

Usage (from the repository root):

    python scripts/measure_residue.py [CORPUS_DIR] [-v]

For each seed report and dev excerpt whose issuer the division table resolves, the script
pretends a neighbouring unit of the same level (same parent) copied the report and changed only
its title and signature: the issuer is swapped after analysis and F952 is run. A copy is caught
when F952 names the original unit. The table stops at county level, so a township's neighbour
is a made-up township of the same county (新华镇, 和平街道…: a name the text does not contain). Reports that never call themselves by name in the sentences
F952 reads cannot be caught, so this is a floor for how often a real copy is flagged. The
excerpts are read in place; no text is copied into the repository.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import corpus_dir  # noqa: E402
from linter.document import places  # noqa: E402
from linter.engine.ruleset import load_ruleset  # noqa: E402
from linter.engine.run import analyze  # noqa: E402
from linter.kinds import place  # noqa: E402
from linter.readers import read_path  # noqa: E402


def neighbour(division):
    """Another unit of the same level under the same parent, if any."""
    t = places.table()
    parent = t.parent(division)
    if parent is None:
        return None
    code = next((c for c in t.names if len(c) == len(division.code) and c != division.code
                 and c.startswith(parent.code)), None)
    return t.division(code) if code else None


_MADE_UP = ("新华", "和平", "团结", "红星", "建国")


def made_up_township(own: str, text: str) -> str | None:
    """Another township of the same kind as ``own`` (镇, 乡, 街道), with a name not in the text."""
    word = next((w for w in ("街道", "苏木", "镇", "乡") if own.endswith(w)), None)
    if word is None:
        return None
    return next((n + word for n in _MADE_UP if n + word != own and n + word not in text), None)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", help="dev corpus folder (default ../shared/corpus/dev)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    corpus = corpus_dir(args.corpus, "dev", "index.tsv", "measure_residue.py")
    rule = load_ruleset().by_code("F952")
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted(corpus.glob("*.txt"))
    tried = caught = 0
    for path in files:
        analysis = analyze(read_path(str(path)))
        meta = analysis.meta
        if meta.level == "department" or not meta.places:
            continue
        original = meta.places[-1]
        if places.suffix_level(original) == "township":
            other_name = made_up_township(original, "\n".join(ln.norm for ln in analysis.doc.lines))
            if other_name is None:
                continue
            meta.issuer = "".join(meta.places[:-1]) + other_name + "人民政府"
            meta.places = meta.places[:-1] + [other_name]
        else:
            own = places.table().named(original)
            other = neighbour(own[0]) if len(own) == 1 else None
            if other is None:
                continue
            original = own[0].name
            other_name = other.name
            meta.issuer = other.name + "人民政府"
            meta.places = [u.name for u in places.chain(other.name)]
        found = [d for d in place.check(analysis, rule) if f"“{original}”" in d.message]
        tried += 1
        caught += bool(found)
        if args.verbose:
            print(f"{path.name[:3]} {original} -> {other_name}: {'caught' if found else 'missed'}")
    print(f"simulated copies: {tried}; caught by F952: {caught}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
