"""Benchmark fzlint on the seed reports.

Measures (1) the median lint time per report in one process after warm-up (reading,
analysis, every rule), (2) the wall time of ``fzlint check`` on one file from a cold
start (a new process: interpreter start, imports, rule loading, one report) and (3) the
time to annotate one report given as a .docx (read, lint, write the Word comments, save).

    python bench/benchmark.py [--repeat 30] [--cold 5]

Prints figures as a Markdown table for the README. Not a test: timings depend on the
machine, so nothing here asserts a threshold.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter import lint_path  # noqa: E402


def warm(files: list[Path], repeat: int) -> list[float]:
    for f in files:                      # warm-up: imports, rule set, law registry
        lint_path(str(f))
    per_report = []
    for _ in range(repeat):
        for f in files:
            t = time.perf_counter()
            lint_path(str(f))
            per_report.append(time.perf_counter() - t)
    return per_report


def annotate(files: list[Path], repeat: int) -> tuple[list[float], int]:
    """annotate_upload on each seed as a .docx (one paragraph per line); also the comments written."""
    import io

    import docx

    from linter.writers.docx_comments import annotate_upload

    uploads = []
    for f in files:
        word = docx.Document()
        for line in f.read_text(encoding="utf-8").splitlines():
            word.add_paragraph(line)
        buf = io.BytesIO()
        word.save(buf)
        uploads.append(buf.getvalue())
    comments = sum(len(annotate_upload(data, "报告.docx")[1].active()) + 1 for data in uploads)
    times = []
    for _ in range(repeat):
        for data in uploads:
            t = time.perf_counter()
            annotate_upload(data, "报告.docx")
            times.append(time.perf_counter() - t)
    return times, comments


def cold(file: Path, runs: int) -> list[float]:
    exe = shutil.which("fzlint")
    cmd = [exe] if exe else [sys.executable, "-m", "linter"]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd + ["check", "--no-color", str(file)], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - t)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--cold", type=int, default=5)
    args = ap.parse_args()
    files = sorted((ROOT / "seeds").glob("*.txt"))
    w = warm(files, args.repeat)
    c = cold(files[2], args.cold)
    a, comments = annotate(files, max(1, args.repeat // 6))
    chars = sum(len(f.read_text(encoding="utf-8")) for f in files) / len(files)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()}")
    print(f"reports: {len(files)} seeds, {chars:.0f} characters on average\n")
    print("| measure | median | min | max |")
    print("|---|---|---|---|")
    print(f"| lint one report, warm (x{args.repeat * len(files)}) | {statistics.median(w) * 1000:.1f} ms | "
          f"{min(w) * 1000:.1f} ms | {max(w) * 1000:.1f} ms |")
    print(f"| `fzlint check` one file, cold (x{args.cold}) | {statistics.median(c):.2f} s | "
          f"{min(c):.2f} s | {max(c):.2f} s |")
    print(f"| annotate one .docx report, warm ({comments // len(files)} comments on average, "
          f"x{len(a)}) | {statistics.median(a) * 1000:.0f} ms | {min(a) * 1000:.0f} ms | {max(a) * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
