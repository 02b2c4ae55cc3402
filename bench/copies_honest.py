"""How alike are honest reports? Every pair of different units' texts (the seeds and the
shared dev corpus, read from ../shared, never copied into the repo), compared the way
``fzlint report`` compares candidates: the share of the shorter text's shingles found in the
other, after the common wording is removed. Prints the highest pairs and the shingles most
often shared, so the common-wording list can be judged. Honest pairs should stay far below
``copies.THRESHOLD``.

    python bench/copies_honest.py [--without-common-wording-removal]
"""
from __future__ import annotations

import itertools
import sys
from collections import Counter
from pathlib import Path

from linter import Document
from linter.batch import copies
from linter.batch.words import shingle_hashes, without_common_wording, words

ROOT = Path(__file__).resolve().parent.parent
texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("0*.txt"))}
# shared/ lies beside the repository (or beside the folder of worktrees)
dev = next((p / "shared" / "corpus" / "dev" for p in ROOT.parents if (p / "shared" / "corpus" / "dev").is_dir()),
           ROOT / "missing")
texts.update({f"dev/{p.name}": p.read_text(encoding="utf-8") for p in sorted(dev.glob("*.txt"))})
keep_common = "--without-common-wording-removal" in sys.argv


def detail(text: str) -> dict:
    doc = Document.from_text(text)
    lines, shown = [], {}
    for ln in doc.lines:
        if ln.chrome or not ln.stripped:
            continue
        body = ln.stripped if keep_common else without_common_wording(ln.stripped)
        hashes = shingle_hashes(words(body), copies.SHINGLE_WORDS)
        if hashes:
            lines.append((ln.number, hashes))
            shown[ln.number] = ln.stripped
    return {"lines": lines, "text": shown}


details = {name: detail(t) for name, t in texts.items()}
scores = []
for a, b in itertools.combinations(details, 2):
    sa = {h for _, hs in details[a]["lines"] for h in hs}
    sb = {h for _, hs in details[b]["lines"] for h in hs}
    if sa and sb:
        scores.append((len(sa & sb) / min(len(sa), len(sb)), a, b))
scores.sort(reverse=True)
print(f"{len(details)} texts, {len(scores)} pairs; threshold {copies.THRESHOLD}")
for s, a, b in scores[:8]:
    print(f"  {s:.3f}  {a}  {b}")
above = sum(1 for s, _, _ in scores if s >= copies.THRESHOLD)
print(f"pairs at or above the threshold: {above}")
# which word runs are shared by the most texts
df = Counter()
for name, d in details.items():
    df.update({h for _, hs in d["lines"] for h in hs})
print("shingles in 3+ texts:", sum(1 for v in df.values() if v >= 3))
