"""Copies: passages two reports share, found without comparing every pair.

Each report is cut into *shingles* (runs of ``SHINGLE_WORDS`` jieba words, figures and
years folded to one placeholder, what every report must say removed first — see
``words.without_common_wording`` — and headings left out). A MinHash signature of the
shingle set goes into a locality-sensitive index (``BANDS`` bands of ``ROWS`` rows): two
reports become *candidates* only when some band of their signatures agrees, which happens
with high probability for reports sharing a third or more of their text and almost never
for honest ones. Only candidates are compared closely, from the detail records on disk.

The similarity of a pair is the share of the *shorter* report's shingles found in the
other (a short report copied whole into a long one is 1.0). A pair is a copy at
``THRESHOLD`` or more. Its passages are the runs of lines of the one report whose shingles
are mostly (``LINE_SHARE``) in the other, each with the lines in both.
"""
from __future__ import annotations

import numpy as np

SHINGLE_WORDS = 5
BANDS, ROWS = 40, 3
PERMUTATIONS = BANDS * ROWS
THRESHOLD = 0.3
LINE_SHARE = 0.5
_PRIME = (1 << 61) - 1
_rng = np.random.RandomState(20260301)      # fixed: signatures are cached on disk
_A = _rng.randint(1, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.randint(0, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)
_EMPTY = np.full(PERMUTATIONS, np.iinfo(np.uint32).max, dtype=np.uint32)


def signature(hashes) -> np.ndarray:
    """MinHash of a set of 32-bit shingle hashes: for each of ``PERMUTATIONS`` hash
    functions (a·x + b mod 2^61−1, folded to 32 bits) the least value over the set."""
    if not hashes:
        return _EMPTY.copy()
    x = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    out = np.empty(PERMUTATIONS, dtype=np.uint32)
    # in slices, so a long report does not need a (permutations × shingles) array at once
    for start in range(0, PERMUTATIONS, 40):
        a, b = _A[start:start + 40, None], _B[start:start + 40, None]
        values = ((a * x[None, :] + b) % _PRIME) & np.uint64(0xFFFFFFFF)
        out[start:start + 40] = values.min(axis=1)
    return out


def band_keys(sig: np.ndarray) -> np.ndarray:
    """One 64-bit key per band of a signature (what the index keeps: 320 bytes a report)."""
    rows = sig.reshape(BANDS, ROWS).astype(np.uint64)
    keys = np.zeros(BANDS, dtype=np.uint64)
    for r in range(ROWS):
        keys = (keys * np.uint64(0x100000001B3)) ^ rows[:, r]     # FNV-style mixing, wraps
    return keys


class Index:
    """Band keys of every report; ``candidates()`` gives the pairs agreeing on a band.

    Keys go into one growing array (no per-report dictionaries), and pairs are found at the
    end by sorting each band: memory is ``BANDS`` × 8 bytes a report. A band value shared by
    more than ``MAX_BUCKET`` reports is wording common to all of them (a formula the
    common-wording list lacks), not a copy: it yields no pairs (true copies agree on other
    bands as well)."""

    MAX_BUCKET = 100

    def __init__(self):
        self._chunks: list[np.ndarray] = []
        self._numbers: list[int] = []

    def add(self, number: int, sig: np.ndarray | None) -> None:
        if sig is None or (sig == _EMPTY).all():
            return
        self._chunks.append(band_keys(sig))
        self._numbers.append(number)

    def candidates(self) -> set[tuple[int, int]]:
        if len(self._numbers) < 2:
            return set()
        keys = np.vstack(self._chunks)                 # reports × bands
        numbers = np.asarray(self._numbers)
        pairs: set[tuple[int, int]] = set()
        for band in range(BANDS):
            column = keys[:, band]
            order = np.argsort(column, kind="stable")
            ordered = column[order]
            starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
            ends = np.r_[starts[1:], len(ordered)]
            for start, end in zip(starts[ends - starts > 1], ends[ends - starts > 1]):
                if end - start > self.MAX_BUCKET:
                    continue
                members = sorted(numbers[order[start:end]].tolist())
                pairs.update((a, b) for i, a in enumerate(members) for b in members[i + 1:])
        return pairs


def compare(a: dict, b: dict) -> dict | None:
    """Similarity and shared passages of two detail records; None when below THRESHOLD.
    ``a``/``b`` in the result keep the order given; the share is of the shorter one."""
    set_a = {h for _, hs in a["lines"] for h in hs}
    set_b = {h for _, hs in b["lines"] for h in hs}
    if not set_a or not set_b:
        return None
    swap = len(set_b) < len(set_a)
    short, long_ = (b, a) if swap else (a, b)
    long_set = set_a if swap else set_b
    short_set = set_b if swap else set_a
    similarity = len(short_set & long_set) / len(short_set)
    if similarity < THRESHOLD:
        return None
    where: dict[int, int] = {}          # shingle -> first line of the longer report holding it
    for number, hashes in long_["lines"]:
        for h in hashes:
            where.setdefault(h, number)
    passages, run = [], []
    for number, hashes in short["lines"]:
        shared = [where[h] for h in hashes if h in where]
        if len(shared) >= 3 and len(shared) >= LINE_SHARE * len(hashes):
            run.append((number, shared))
            continue
        if run:
            passages.append(run)
            run = []
    if run:
        passages.append(run)
    shared_out = []
    for run in passages:
        short_lines = [n for n, _ in run]
        long_lines = sorted({ln for _, shared in run for ln in shared})
        text = short["text"].get(short_lines[0], "")
        entry_short = {"start": short_lines[0], "end": short_lines[-1]}
        entry_long = {"start": long_lines[0], "end": long_lines[-1]}
        a_lines, b_lines = (entry_long, entry_short) if swap else (entry_short, entry_long)
        shared_out.append({"a_lines": a_lines, "b_lines": b_lines,
                           "text": text if len(text) <= 120 else text[:118] + "……"})
    return {"similarity": round(similarity, 3), "shared": shared_out}
