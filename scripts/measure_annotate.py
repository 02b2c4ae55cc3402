#!/usr/bin/env python
"""Check the Word-comment writer on real text: every report of a corpus, as a styled, a
hand-numbered and an auto-numbered .docx, read → lint → annotate → read back.

Usage (from the repository root):

    python scripts/measure_annotate.py [CORPUS_DIR ...]

Defaults to seeds/ and ../shared/corpus/dev (read in place, never copied). For each file it
checks what tests/writers/test_docx_comments.py checks on the seeds (same text per paragraph, one
comment per finding anchored to exactly the finding's text, formatting kept) and prints the
counts, the failures and the time annotate took per file.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "writers"))
sys.path.insert(0, str(ROOT))

import fixtures as F  # noqa: E402
from test_docx_comments import BUILDERS, _formatting, assert_annotated  # noqa: E402

from linter.writers.docx_comments import annotate_upload  # noqa: E402


def main(folders: list[str]) -> int:
    files = [p for folder in folders for p in sorted(Path(folder).glob("*.txt"))]
    checked = failed = comments = 0
    spent = 0.0
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        for kind, build in BUILDERS.items():
            original = build(lines)
            started = time.perf_counter()
            annotated, result = annotate_upload(original, "报告.docx")
            spent += time.perf_counter() - started
            checked += 1
            try:
                _, found = assert_annotated(original, annotated, "报告.docx")
                assert _formatting(annotated) == _formatting(original), "formatting changed"
                comments += len(found)
            except AssertionError as exc:
                failed += 1
                print(f"FAIL {path.name} {kind}: {str(exc).splitlines()[0][:200]}")
    print(f"{checked} documents ({len(files)} reports × {len(BUILDERS)} shapes), {comments} comments, "
          f"{failed} failed; annotate {spent / max(checked, 1) * 1000:.0f} ms per document")
    return 1 if failed else 0


if __name__ == "__main__":
    default = [str(F.SEEDS), os.path.join(ROOT.parent, "shared", "corpus", "dev")]
    sys.exit(main(sys.argv[1:] or [d for d in default if os.path.isdir(d)]))
