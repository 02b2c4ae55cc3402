#!/usr/bin/env python
"""Measure metadata and outline extraction against the labelled dev excerpts.

Usage (from the repository root):

    python scripts/measure_dev.py [CORPUS_DIR] [-v]

CORPUS_DIR defaults to ../shared/corpus/dev (relative to the repository root). It must
hold NNN.txt excerpts, index.tsv (id, url, level, province, report_year, …) and
labels.yaml (a reviewer's reading: issuer, sec_frp, …). The excerpts are third-party
copies: this script reads them in place and never copies their text into the repository.

Reports: how many excerpts read without an exception; report_year and level accuracy
against index.tsv; issuer match rate against labels.yaml (lenient: either name contains
the other); sec_frp detection (heading/subsection/mention/none) as a confusion table.
With -v, every mismatch is listed per file.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import corpus_dir  # noqa: E402
from linter.engine.run import analyze  # noqa: E402
from linter.readers import read_path  # noqa: E402

FRP_CLASSES = ("heading", "subsection", "mention", "none")
_FRP_PHRASE = re.compile(r"第一责任人")
_NAME_NOISE = re.compile(r"^中共|人民政府$|政府$|办事处$")


def load_index(corpus: Path) -> dict[str, dict]:
    with open(corpus / "index.tsv", encoding="utf-8", newline="") as fh:
        return {row["id"].strip().zfill(3): row for row in csv.DictReader(fh, delimiter="\t")}


def load_labels(corpus: Path) -> dict[str, dict]:
    path = corpus / "labels.yaml"
    if not path.exists():
        return {}
    import yaml
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    # Unquoted ids such as 019 may load as str or int depending on the YAML version.
    return {str(k).zfill(3): v for k, v in data.items()}


def frp_class(analysis) -> str:
    """How the report carries the first-responsible-person part, in the labels' terms."""
    parts = analysis.outline.parts_of("frp")
    if any(not p.embedded for p in parts):
        return "heading"
    if parts:
        return "subsection"
    if _FRP_PHRASE.search(analysis.doc.content):
        return "mention"
    return "none"


def issuer_matches(found: str | None, expected: str | None) -> bool:
    if not found or not expected:
        return False
    a, b = _NAME_NOISE.sub("", found), _NAME_NOISE.sub("", expected)
    return bool(a and b) and (a in b or b in a or found in expected or expected in found)


def measure(corpus: Path, verbose: bool = False) -> dict:
    """Metadata and part reading over a corpus: counts [right, labelled] for report_year,
    level and issuer, the sec_frp confusion, files read, and one line per file that differs."""
    index, labels = load_index(corpus), load_labels(corpus)
    files = sorted(corpus.glob("*.txt"))

    read_ok = 0
    year = [0, 0]       # correct, labelled
    level = [0, 0]
    issuer = [0, 0]
    confusion = {(e, f): 0 for e in FRP_CLASSES for f in FRP_CLASSES}
    frp_total = 0
    problems: list[str] = []

    for path in files:
        fid = path.stem.zfill(3)
        row, lab = index.get(fid, {}), labels.get(fid, {})
        try:
            analysis = analyze(read_path(str(path)))
        except Exception as exc:  # the measurement must see every failure, not stop at one
            problems.append(f"{fid}: EXCEPTION {type(exc).__name__}: {exc}")
            if verbose:
                traceback.print_exc(limit=-3)
            continue
        read_ok += 1
        m = analysis.meta
        notes = []
        if row.get("report_year", "").strip():
            year[1] += 1
            expected = int(row["report_year"])
            if m.report_year == expected:
                year[0] += 1
            else:
                notes.append(f"year {m.report_year} ({m.year_source}) != {expected}")
        if row.get("level", "").strip():
            level[1] += 1
            if m.level == row["level"].strip():
                level[0] += 1
            else:
                notes.append(f"level {m.level} ({m.level_source}, issuer {m.issuer}) != {row['level']}")
        if lab.get("issuer"):
            issuer[1] += 1
            if issuer_matches(m.issuer, lab["issuer"]):
                issuer[0] += 1
            else:
                notes.append(f"issuer {m.issuer} != {lab['issuer']}")
        if lab.get("sec_frp"):
            expected_frp, found_frp = str(lab["sec_frp"]), frp_class(analysis)
            frp_total += 1
            confusion[(expected_frp, found_frp)] = confusion.get((expected_frp, found_frp), 0) + 1
            if expected_frp != found_frp:
                notes.append(f"sec_frp {found_frp} != {expected_frp}")
        if notes:
            problems.append(f"{fid}: " + "; ".join(notes))
    return {"files": len(files), "read": read_ok, "year": year, "level": level, "issuer": issuer,
            "frp": [sum(confusion[(c, c)] for c in FRP_CLASSES), frp_total],
            "confusion": confusion, "problems": problems}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=None,
                    help="directory with NNN.txt, index.tsv, labels.yaml (default ../shared/corpus/dev)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list mismatches per file")
    args = ap.parse_args(argv)
    corpus = corpus_dir(args.corpus, "dev", "index.tsv", "measure_dev.py")
    result = measure(corpus, args.verbose)
    read_ok, files, year, level, issuer = (result[k] for k in ("read", "files", "year", "level", "issuer"))
    confusion, problems = result["confusion"], result["problems"]
    frp_total = result["frp"][1]

    def pct(pair):
        return f"{pair[0]}/{pair[1]} = {100 * pair[0] / pair[1]:.1f} %" if pair[1] else "n/a"

    print(f"corpus: {corpus}")
    print(f"read without exception: {read_ok}/{files}")
    print(f"report_year accuracy:   {pct(year)}   (target >= 95 %)")
    print(f"level accuracy:         {pct(level)}   (target >= 90 %)")
    print(f"issuer match (lenient): {pct(issuer)}")
    diag = sum(confusion[(c, c)] for c in FRP_CLASSES)
    print(f"sec_frp agreement:      {pct([diag, frp_total])}")
    print("sec_frp confusion (rows: label, columns: found)")
    print(f"  {'':11}" + "".join(f"{c:>11}" for c in FRP_CLASSES))
    for e in FRP_CLASSES:
        print(f"  {e:11}" + "".join(f"{confusion[(e, f)]:>11}" for f in FRP_CLASSES))
    if args.verbose and problems:
        print("\nmismatches:")
        for line in problems:
            print("  " + line)
    exceptions = [p for p in problems if "EXCEPTION" in p]
    return 1 if exceptions else 0


if __name__ == "__main__":
    sys.exit(main())
