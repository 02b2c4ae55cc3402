"""Benchmark the district overview (``fzlint report``) on synthetic folders made from the seeds.

Synthetic reports: each is a seed with its unit renamed and about 12% of its Chinese
characters replaced at random (the first four characters of a line are kept, so headings
and 一是… numbering still read), so no two are copies of each other; 1% are *planted copies*
of an earlier synthetic report with only the unit's name swapped. Not a test: nothing here
asserts a threshold.

    nice -n 10 python bench/overview.py lint --reports 2000 [--jobs N] [--memory-sizes 250,500,1000,2000]
        reports per second of ``fzlint report``, cold (empty cache) then cached, and the
        peak memory of the main process and of the largest worker; with --memory-sizes, the
        main process's peak on growing subsets of the same folder (from the cache)
    nice -n 10 python bench/overview.py memory --sizes 250,500,1000,2000
        peak memory of ``fzlint report`` as the folder grows (cached, so it is quick)
    nice -n 10 python bench/overview.py copies --reports 10000
        copy detection alone on N reports: shingling, MinHash, LSH candidates, close
        comparison; how many planted copies are found and how many honest pairs are compared
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAMES = "安宁平和丰乐兴隆永福长青金山玉泉清溪龙潭凤鸣白云石桥新华东升西林南湖北岭"
CJK = [chr(c) for c in range(0x4E00, 0x9FA5)]


def _seeds() -> list[tuple[str, str]]:
    """(text, the seed's own township name) for each seed."""
    from linter import lint_path
    out = []
    for path in sorted((ROOT / "seeds").glob("0*.txt")):
        issuer = (lint_path(str(path)).meta or {}).get("issuer") or ""
        town = next((p for p in __import__("re").findall(r"[\u4e00-\u9fff]{2,3}镇", issuer)), "")
        out.append((path.read_text(encoding="utf-8"), town))
    return out


def synthetic(n: int, seed: int = 7):
    """Yield (name, text, copied_from or None) for n synthetic reports."""
    rng = random.Random(seed)
    bases = _seeds()
    made: list[str] = []
    for i in range(n):
        town = "".join(rng.choice(NAMES) for _ in range(2)) + f"{i}镇"
        if made and rng.random() < 0.01:
            source = rng.randrange(len(made))
            text = made[source]
            copy = text.replace(_town_of(text), town)       # the name swapped, nothing else
            made.append(copy)
            yield f"r{i:05d}.txt", copy, source
            continue
        base, own = bases[i % len(bases)]
        lines = []
        for line in (base.replace(own, town) if own else base).split("\n"):
            chars = list(line)
            for k in range(4, len(chars)):
                if "\u4e00" <= chars[k] <= "\u9fff" and rng.random() < 0.12 and town.find(chars[k]) < 0:
                    chars[k] = rng.choice(CJK)
            lines.append("".join(chars))
        text = f"{town}人民政府2024年法治政府建设情况报告\n" + "\n".join(lines)
        made.append(text)
        yield f"r{i:05d}.txt", text, None


def _town_of(text: str) -> str:
    return text.split("人民政府", 1)[0]


def _write(folder: Path, n: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    planted = 0
    for name, text, source in synthetic(n):
        (folder / name).write_text(text, encoding="utf-8")
        planted += source is not None
    return planted


def _run_report(folder: Path, out: Path, jobs: int | None, extra=()) -> dict:
    """Run ``fzlint report`` in a child and return its wall time and peak memories."""
    code = ("import resource,sys,time;from linter.frontends.cli import main;t=time.perf_counter()\n"
            "try:\n main()\nexcept SystemExit:\n pass\n"
            "import json;print(json.dumps({'seconds':time.perf_counter()-t,"
            "'main_kb':resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
            "'worker_kb':resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))")
    args = ["report", str(folder), "-o", str(out), *extra]
    if jobs:
        args += ["--jobs", str(jobs)]
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=ROOT)
    if proc.returncode or not proc.stdout.strip():
        raise SystemExit(f"fzlint report failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def cmd_lint(args) -> None:
    work = Path(tempfile.mkdtemp(prefix="fzlint-bench-"))
    try:
        planted = _write(work / "reports", args.reports)
        cold = _run_report(work / "reports", work / "out", args.jobs)
        cached = _run_report(work / "reports", work / "out", args.jobs)
        data = json.loads((work / "out" / "overview.json").read_text(encoding="utf-8"))
        found = sum(1 for c in data["copies"] if c["similarity"] >= 0.9)
        jobs = args.jobs or len(os.sched_getaffinity(0))
        print(f"{args.reports} synthetic reports, {jobs} processes, {planted} planted copies "
              f"({found} pairs at ≥ 90% found)")
        print("| run | wall time | reports/s | main process peak | largest worker peak |")
        print("|---|---|---|---|---|")
        for label, r in (("cold (empty cache)", cold), ("cached (nothing changed)", cached)):
            print(f"| {label} | {r['seconds']:.1f} s | {args.reports / r['seconds']:.1f} | "
                  f"{r['main_kb'] / 1024:.0f} MB | {r['worker_kb'] / 1024:.0f} MB |")
        if args.memory_sizes:
            # the same reports in growing folders, from the cache the cold run filled: what the
            # main process holds as the folder grows
            files = sorted((work / "reports").iterdir())
            print("\n| reports (cached) | main process peak | wall time |")
            print("|---|---|---|")
            for size in [int(x) for x in args.memory_sizes.split(",")]:
                folder = work / f"n{size}"
                folder.mkdir()
                for f in files[:size]:
                    os.link(f, folder / f.name)
                r = _run_report(folder, work / f"out{size}", args.jobs,
                                ["--cache-dir", str(work / "out" / ".fzlint-cache")])
                print(f"| {size} | {r['main_kb'] / 1024:.0f} MB | {r['seconds']:.1f} s |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def cmd_memory(args) -> None:
    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="fzlint-bench-"))
    try:
        _write(work / "reports", max(sizes))
        files = sorted((work / "reports").iterdir())
        print("| reports | main process peak | largest worker peak | wall time |")
        print("|---|---|---|---|")
        cache = work / "cache"
        for size in sizes:
            folder = work / f"n{size}"
            folder.mkdir()
            for f in files[:size]:
                os.link(f, folder / f.name)
            r = _run_report(folder, work / f"out{size}", args.jobs, ["--cache-dir", str(cache)])
            print(f"| {size} | {r['main_kb'] / 1024:.0f} MB | {r['worker_kb'] / 1024:.0f} MB | {r['seconds']:.1f} s |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def cmd_copies(args) -> None:
    from linter import Document
    from linter.batch import copies
    from linter.batch.words import shingle_hashes, without_common_wording, words

    t0 = time.perf_counter()
    details, index, planted = [], copies.Index(), []
    sig_time = 0.0
    for i, (_, text, source) in enumerate(synthetic(args.reports)):
        doc = Document.from_text(text)
        lines, shown, all_hashes = [], {}, set()
        for ln in doc.lines:
            if ln.chrome or not ln.stripped:
                continue
            hashes = shingle_hashes(words(without_common_wording(ln.stripped)), copies.SHINGLE_WORDS)
            if hashes:
                lines.append((ln.number, hashes))
                shown[ln.number] = ln.stripped
                all_hashes.update(hashes)
        t = time.perf_counter()
        sig = copies.signature(all_hashes)
        index.add(i, sig)
        sig_time += time.perf_counter() - t
        details.append({"lines": lines, "text": shown})
        if source is not None:
            planted.append((source, i))
    t1 = time.perf_counter()
    candidates = index.candidates()
    t_lsh = time.perf_counter() - t1
    found = set()
    for a, b in candidates:
        if copies.compare(details[a], details[b]):
            found.add((a, b))
    t2 = time.perf_counter()
    hit = sum(1 for p in planted if p in found)
    n = args.reports
    print(f"{n} synthetic reports, {len(planted)} planted copies")
    print("| stage | time | per report |")
    print("|---|---|---|")
    print(f"| shingling (jieba) + MinHash, one process | {t1 - t0:.1f} s | {(t1 - t0) / n * 1000:.1f} ms |")
    print(f"| of which MinHash | {sig_time:.1f} s | {sig_time / n * 1000:.2f} ms |")
    print(f"| LSH: candidate pairs from the band keys (sorting, all reports) | {t_lsh:.2f} s | |")
    print(f"| close comparison of {len(candidates)} candidate pairs (of {n * (n - 1) // 2} possible) | "
          f"{t2 - t1 - t_lsh:.1f} s | |")
    print(f"planted copies found: {hit}/{len(planted)}; pairs reported as copies: {len(found)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("lint")
    p.add_argument("--reports", type=int, default=2000)
    p.add_argument("--jobs", type=int, default=None)
    p.add_argument("--memory-sizes", default="", help="e.g. 250,500,1000,2000: main-process memory as the folder grows")
    p.set_defaults(func=cmd_lint)
    p = sub.add_parser("memory")
    p.add_argument("--sizes", default="250,500,1000,2000")
    p.add_argument("--jobs", type=int, default=None)
    p.set_defaults(func=cmd_memory)
    p = sub.add_parser("copies")
    p.add_argument("--reports", type=int, default=10000)
    p.set_defaults(func=cmd_copies)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
