"""Load test of ``fzlint serve`` on loopback: N uploads at once.

Starts ``fzlint serve`` (its defaults: 2 workers, 30 MB limit, 60 s time limit, unless
given), sends ``--uploads`` POSTs at the same moment (the five seed reports as .docx, in
turn; ``--route annotate`` for the Word-comment download), checks every answer (status 200
and, for /check, the same error/warning/info counts as ``lint_bytes`` in this process; for
/annotate, a .docx with at least one comment per finding), and measures:

- the time from sending to the last answer, and each answer's latency (median, max);
- the peak memory of the server: the resident set of the server process plus its worker
  processes, sampled every 20 ms.

    python bench/web_load.py [--uploads 50] [--workers 2] [--route check|annotate] [--photo-mb 10]

Not a test (timings depend on the machine); prints one Markdown table row for the README.
"""
from __future__ import annotations

import argparse
import io
import os
import platform
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "frontends" / "web"))

import psutil  # noqa: E402

import fixtures as F  # noqa: E402
from webutil import post, start_server  # noqa: E402

from linter import lint_bytes  # noqa: E402

SEEDS = ["000", "001", "002", "003", "004"]


def counts(result) -> tuple[int, int, int]:
    return tuple(sum(1 for d in result.active() if d.severity == s) for s in ("error", "warning", "info"))


def memory_sampler(pid: int, stop: threading.Event, peak: list[int]) -> None:
    root = psutil.Process(pid)
    while not stop.is_set():
        try:
            total = root.memory_info().rss + sum(c.memory_info().rss for c in root.children(recursive=True))
            peak[0] = max(peak[0], total)
        except psutil.Error:
            pass
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uploads", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--route", choices=("check", "annotate"), default="check")
    parser.add_argument("--photo-mb", type=int, default=0,
                        help="give each .docx a photo of this many MB (memory stays bounded by the server's limits)")
    args = parser.parse_args()

    if args.photo_mb:
        files = [(f"{s}.docx", F.docx_with_photo(F.seed_lines(s), args.photo_mb)) for s in SEEDS]
    else:
        files = [(f"{s}.docx", F.docx_styled(F.seed_lines(s))) for s in SEEDS]
    expected = {name: lint_bytes(data, name) for name, data in files}
    with tempfile.TemporaryDirectory() as base:
        server = start_server(Path(base), "--workers", str(args.workers))
        for name, data in files[:args.workers]:         # the workers are warm before we measure
            post(f"{server.url}/{args.route}", data, name)
        idle = psutil.Process(server.process.pid)
        idle_rss = idle.memory_info().rss + sum(c.memory_info().rss for c in idle.children(recursive=True))
        stop, peak = threading.Event(), [idle_rss]
        sampler = threading.Thread(target=memory_sampler, args=(server.process.pid, stop, peak), daemon=True)
        sampler.start()
        answers: dict[int, tuple] = {}
        go = threading.Barrier(args.uploads + 1)

        def one(i: int) -> None:
            name, data = files[i % len(files)]
            go.wait()
            t = time.perf_counter()
            status, headers, body = post(f"{server.url}/{args.route}", data, name, timeout=600)
            answers[i] = (name, status, body, time.perf_counter() - t)

        threads = [threading.Thread(target=one, args=(i,)) for i in range(args.uploads)]
        for t in threads:
            t.start()
        go.wait()
        start = time.perf_counter()
        for t in threads:
            t.join()
        last = time.perf_counter() - start
        stop.set()
        sampler.join()
        server.stop()

    wrong = []
    for i, (name, status, body, _) in sorted(answers.items()):
        if status != 200:
            wrong.append(f"#{i} {name}: HTTP {status}")
        elif args.route == "check":
            m = re.search(r"错误 (\d+) 个，警告 (\d+) 个，提示 (\d+) 个", body.decode("utf-8"))
            if not m or tuple(int(x) for x in m.groups()) != counts(expected[name]):
                wrong.append(f"#{i} {name}: counts differ")
        else:
            import docx
            comments = list(docx.Document(io.BytesIO(body)).comments)
            if len(comments) < len(expected[name].active()):
                wrong.append(f"#{i} {name}: {len(comments)} comments")
    latencies = [a[3] for a in answers.values()]
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    size = sum(len(d) for _, d in files) / len(files) / 2**20
    print(f"| route | uploads at once | upload size | workers | all correct | time to last answer "
          f"| median / max latency | server memory idle → peak |")
    print(f"| /{args.route} | {args.uploads} | {size:.2f} MB | {args.workers} | {'yes' if not wrong else f'NO ({len(wrong)})'} "
          f"| {last:.1f} s | {statistics.median(latencies):.1f} s / {max(latencies):.1f} s "
          f"| {idle_rss / 2**20:.0f} MB → {peak[0] / 2**20:.0f} MB |")
    for w in wrong:
        print("  wrong:", w)
    return 1 if wrong or len(answers) != args.uploads else 0


if __name__ == "__main__":
    sys.exit(main())
