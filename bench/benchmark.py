"""Benchmark fzlint: warm speed, scaling, adversarial inputs, cold start, batch, memory.

    python bench/benchmark.py                       # measure this checkout, print Markdown
    python bench/benchmark.py --root /tmp/main --save bench/before.json   # measure another checkout
    python bench/benchmark.py --before bench/before.json --write-readme    # figures into README.md
    python bench/benchmark.py --before-root /tmp/main --before bench/before.json --write-readme
                                                    # both measured in one run, in turn
    python bench/benchmark.py --only batch --runs 5  # only the batch rows and the peer, to iterate
    python bench/benchmark.py --only batch --before-root /tmp/main   # … against another checkout
    python bench/benchmark.py --only cold --cold 15  # only the cold rows (--before-root too)

Every measurement runs in a new process whose ``sys.path`` starts with ``--root``, so a
checkout of main (``git clone /work/main /tmp/main``) is measured by the same code as this
one. ``--write-readme`` replaces the block between ``<!-- bench:start -->`` and
``<!-- bench:end -->`` in README.md. Not a test: timings depend on the machine (and on
its load), so nothing here asserts a threshold; the figures are medians.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


# -- workers: run in a child process with the measured checkout first on sys.path ----------

def _worker_warm(root: Path, repeat: int) -> dict:
    from linter import lint_text
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    for t in texts:
        lint_text(t)
    per_10k = []
    for _ in range(repeat):
        for t in texts:
            start = time.perf_counter()
            lint_text(t)
            per_10k.append((time.perf_counter() - start) * 1000 * 10_000 / len(t))
    # The same, with the caches keyed by a sentence's text emptied before each report: what a
    # report whose sentences this process has not seen costs (a district's distinct reports).
    # The seeds repeated above find every sentence already judged by the lint before.
    import importlib
    sys.path.insert(0, str(HERE))
    from instructions import SENTENCE_CACHES
    sentence_caches = []
    for module, names in SENTENCE_CACHES:
        try:
            loaded = importlib.import_module(module)
        except ImportError:
            continue
        sentence_caches += [getattr(loaded, n) for n in names if hasattr(getattr(loaded, n, None), "cache_clear")]
    per_10k_new = []
    for _ in range(repeat):
        for t in texts:
            for cache in sentence_caches:
                cache.cache_clear()
            start = time.perf_counter()
            lint_text(t)
            per_10k_new.append((time.perf_counter() - start) * 1000 * 10_000 / len(t))
    return {"warm_ms_per_10k": statistics.median(per_10k),
            "warm_new_ms_per_10k": statistics.median(per_10k_new)}


def _worker_scaling(root: Path, sizes: list[int]) -> dict:
    sys.path.insert(0, str(HERE))
    from adversarial import seed_text
    from linter import lint_text
    lint_text(seed_text(10_000, root))
    out = {}
    for size in sizes:
        text = seed_text(size, root)
        runs = 3                 # (the median: one run of a second or two swings with the machine's load)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            lint_text(text)
            times.append(time.perf_counter() - start)
        out[str(size)] = statistics.median(times)
    return out


def _worker_case(root: Path, name: str, size: int) -> dict:
    sys.path.insert(0, str(HERE))
    from adversarial import make
    from linter import lint_text
    lint_text("热身。")
    text = make(name, size)
    start = time.perf_counter()
    lint_text(text, f"{name}.txt")
    return {"seconds": time.perf_counter() - start, "kb": len(text.encode("utf-8")) / 1000}


def _worker_annotate(root: Path, repeat: int) -> dict:
    """annotate_upload (read, lint, write Word comments, save) on each seed as a .docx."""
    import io

    import docx
    try:
        from linter.writers.docx_comments import annotate_upload
    except ImportError:
        return {}
    uploads = []
    for f in sorted((root / "seeds").glob("*.txt")):
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
            start = time.perf_counter()
            annotate_upload(data, "报告.docx")
            times.append(time.perf_counter() - start)
    return {"annotate_ms": statistics.median(times) * 1000, "comments": comments / len(uploads)}


def _worker_lint_each(root: Path, folder: str, repeat: int) -> dict:
    """Read and lint every file of a batch folder in this one process, warm: the time a
    batch would take per report if nothing but the lint cost anything."""
    from linter import Config
    try:
        from linter.engine.run import lint_path
    except ImportError:
        from linter import lint_path
    files = sorted(str(p) for p in Path(folder).glob("*.txt"))
    config = Config()
    for f in files[:5]:
        lint_path(f, config)
    runs, cpu = [], []
    for _ in range(repeat):
        start, used = time.perf_counter(), time.process_time()
        for f in files:
            lint_path(f, config)
        runs.append((time.perf_counter() - start) / len(files))
        cpu.append((time.process_time() - used) / len(files))
    return {"lint_ms": statistics.median(runs) * 1000, "lint_cpu_ms": statistics.median(cpu) * 1000}


def _worker_rss(argv: list[str]) -> dict:
    """Run a command; report its wall time, the processor time of it and its workers (less
    swayed by other work on a shared machine than the wall time) and peak resident memory."""
    import resource
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"seconds": wall, "cpu_seconds": used.ru_utime + used.ru_stime, "peak_mib": used.ru_maxrss / 1024}


_CACHES: list[Path] = []       # the run's own folder for the measured checkouts' rule-set caches


def _env(root: Path) -> dict:
    """The children's environment: the measured checkout first; byte code written and read
    as in an installed package (PYTHONDONTWRITEBYTECODE would make every start compile); the
    rule-set cache in a folder of this run's own, one per checkout (in the shared user cache
    another checkout's run replaces it, and a run then pays for parsing the rule files)."""
    env = dict(os.environ, PYTHONPATH=str(root))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not _CACHES:
        _CACHES.append(Path(tempfile.mkdtemp(prefix="fzlint-bench-cache-")))
    env["FZLINT_CACHE_DIR"] = str(_CACHES[0] / hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12])
    return env


def _child(root: Path, worker: str, *args, timeout: float | None = None) -> dict | None:
    env = _env(root)
    cmd = [sys.executable, str(Path(__file__)), "--root", str(root), "--worker", worker, json.dumps(list(args))]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=root)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(f"worker {worker} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- inputs ------------------------------------------------------------------------------

# A development install's editable finder would serve ``linter.rulesets`` (the rule files)
# from the installed checkout whatever --root says: measured runs drop it first.
_NO_EDITABLE = "import sys; sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f).lower()]"


def _fzlint(root: Path) -> list[str]:
    entry = "linter" if (root / "linter" / "__main__.py").exists() else "linter.cli"
    return [sys.executable, "-c", f"{_NO_EDITABLE}; import runpy; sys.argv[0] = 'fzlint'; "
            f"runpy.run_module({entry!r}, run_name='__main__', alter_sys=True)"]


def _format_files(root: Path, folder: Path) -> dict[str, Path]:
    """The third seed as .txt, .docx, .html and .pdf (built by the tests' fixtures)."""
    sys.path.insert(0, str(root))
    try:
        from tests import fixtures
    finally:
        sys.path.pop(0)
    seed = sorted((root / "seeds").glob("*.txt"))[2]
    lines = seed.read_text(encoding="utf-8").splitlines()
    files = {"txt": folder / "report.txt", "docx": folder / "report.docx",
             "html": folder / "report.html", "pdf": folder / "report.pdf"}
    shutil.copy(seed, files["txt"])
    files["docx"].write_bytes(fixtures.docx_styled(lines))
    files["html"].write_bytes(fixtures.gov_page(lines, lines[0]))
    files["pdf"].write_bytes(fixtures.pdf_with_text(fixtures.wrap_for_print(lines)))
    return files


def _batch_folder(root: Path, folder: Path, count: int) -> Path:
    seeds = sorted((root / "seeds").glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        shutil.copy(seeds[i % len(seeds)], folder / f"r{i:04d}.txt")
    return folder


def _has_jobs(root: Path) -> bool:
    env = _env(root)
    out = subprocess.run(_fzlint(root) + ["check", "--help"], capture_output=True, text=True, env=env, cwd=root)
    return "--jobs" in out.stdout


# -- measuring ---------------------------------------------------------------------------

def measure(root: Path, args, peer: bool = False):
    """Measure one checkout, yielding between steps (so two checkouts can take turns).
    ``args.only == "batch"``: only the batch rows (and the peer); ``"cold"``: only the cold rows."""
    root = root.resolve()
    env = _env(root)
    fig: dict = {"commit": subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                                          capture_output=True, text=True).stdout.strip()}
    print(f"measuring {root} ({fig['commit']})", file=sys.stderr)
    if args.only == "batch":
        yield from _measure_batch(root, args, fig, peer)
        return fig
    if args.only == "cold":
        with tempfile.TemporaryDirectory() as tmp:
            yield from _measure_cold(root, Path(tmp), env, fig, args)
        return fig
    fig.update(_child(root, "warm", args.repeat))
    yield
    fig.update(_child(root, "annotate", max(1, args.repeat // 3)))
    yield
    sizes = [10_000, 200_000, 1_000_000]
    fig["scaling"] = _child(root, "scaling", sizes, timeout=600) or {}
    yield
    from adversarial import CASES
    fig["adversarial"] = {}
    for name in CASES:
        r = _child(root, "case", name, args.size, timeout=args.case_timeout)
        fig["adversarial"][name] = r["seconds"] if r else None
        print(f"  {name}: {fig['adversarial'][name]}", file=sys.stderr)
        yield
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        yield from _measure_cold(root, tmp, env, fig, args)
        yield from _measure_batch(root, args, fig, peer)
        big = _batch_folder(root, tmp / "big", args.memory)
        fig["memory"] = {}
        for fmt in ("json", "json-lines"):
            r = _child(root, "rss", _fzlint(root) + ["check", "--no-color", "--format", fmt, str(big)]
                       + (["--jobs", "1"] if _has_jobs(root) else []))
            fig["memory"][fmt] = r["peak_mib"]
            yield
    return fig


def _measure_cold(root: Path, tmp: Path, env: dict, fig: dict, args):
    """``fzlint check FILE`` for one file of each format, a new process each time, with the
    checkout's cache folder as a user's second run finds it: one run first, not counted (it
    fills the cache), and a command that fails is no figure."""
    files = _format_files(root, tmp)
    fig["cold"] = {}
    for fmt, path in files.items():
        command = _fzlint(root) + ["check", "--no-color", str(path)]
        first = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp)
        if first.returncode not in (0, 1):
            raise SystemExit(f"fzlint check {path.name} failed in {root}:\n{first.stderr[-2000:]}")
        times = []
        for _ in range(args.cold):
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tmp)
            times.append(time.perf_counter() - start)
        fig["cold"][fmt] = statistics.median(times)
        yield


# The small folder of the start-up split: two files (a pool of two workers still starts).
SMALL_BATCH = 2


def _measure_batch(root: Path, args, fig: dict, peer: bool):
    """The batch rows: ``check --format json-lines`` over ``args.batch`` seed-sized reports
    with --jobs 1 and 2 (the median of ``args.runs`` runs each, the two taking turns), and
    the lint alone per report in one warm process (what the batch costs beyond it is the
    overhead: start-up, reading, sending results between processes, writing). The peer runs
    once in each round too, between fzlint's runs, and its median is taken: a burst of load
    from the machine's neighbours then weighs on both sides of the ratio alike."""
    with tempfile.TemporaryDirectory() as tmp:
        batch = _batch_folder(root, Path(tmp) / "batch", args.batch)
        small = _batch_folder(root, Path(tmp) / "small", SMALL_BATCH)
        jobs = [1, 2] if _has_jobs(root) else [None]
        # one run first, not counted: byte code and the rule-set cache written, files in the page cache
        _child(root, "rss", _fzlint(root) + ["check", "--no-color", "--format", "json-lines", str(batch)])
        runs: dict = {str(j or 1): [] for j in jobs}
        cpu: dict = {str(j or 1): [] for j in jobs}
        peer_runs: list[dict] = []
        small_runs: list[float] = []
        peer_small: list[dict | None] = []
        for _ in range(args.runs):
            for j in jobs:
                cmd = _fzlint(root) + ["check", "--no-color", "--format", "json-lines", str(batch)]
                cmd += ["--jobs", str(j)] if j else []
                r = _child(root, "rss", cmd)
                runs[str(j or 1)].append(r["seconds"])
                cpu[str(j or 1)].append(r["cpu_seconds"])
                yield
            # The same on SMALL_BATCH files: what a run costs before its first report (start-up)
            cmd = _fzlint(root) + ["check", "--no-color", "--format", "json-lines", str(small)]
            small_runs.append(_child(root, "rss", cmd + (["--jobs", str(jobs[-1])] if jobs[-1] else []))["seconds"])
            if peer and (len(peer_runs) == 0 or peer_runs[-1] is not None):
                peer_runs.append(_peer(batch))
                peer_small.append(_peer(small) if peer_runs[-1] is not None else None)
        fig["batch"] = {j: args.batch / statistics.median(times) for j, times in runs.items()}
        fig["batch_runs"] = runs
        fig["batch_cpu_ms"] = {j: statistics.median(times) * 1000 / args.batch for j, times in cpu.items()}
        fig.update(_child(root, "lint_each", str(batch), 3))
        yield
        widest = str(jobs[-1] or 1)
        fig["split"] = {"fzlint": _split_costs(statistics.median(small_runs), statistics.median(runs[widest]),
                                               args.batch), "jobs": widest, "files": args.batch}
        if peer and peer_runs and peer_runs[-1] is not None:
            seconds = statistics.median(r["seconds"] for r in peer_runs)
            fig["peer"] = dict(peer_runs[0], seconds=seconds, reports_per_s=peer_runs[0]["files"] / seconds,
                               runs=[round(r["seconds"], 3) for r in peer_runs])
            if peer_small and all(peer_small):
                fig["split"]["peer"] = _split_costs(statistics.median(r["seconds"] for r in peer_small), seconds,
                                                    args.batch)


def _split_costs(small_seconds: float, batch_seconds: float, batch: int) -> dict:
    """A run's time as start-up plus a cost per report, from a run on SMALL_BATCH files and
    one on ``batch`` files (a straight line through the two: the ratio of two tools' rates
    at one folder size hides which of the two parts each one spends its time in)."""
    per_report = (batch_seconds - small_seconds) / (batch - SMALL_BATCH)
    return {"start_s": small_seconds - SMALL_BATCH * per_report, "per_report_ms": per_report * 1000}


def _split_sentence(split: dict | None) -> str:
    """The start-up split as a sentence for the README and the batch summary."""
    if not split or "peer" not in split:
        return ""
    f, t = split["fzlint"], split["peer"]
    text = (f"Split into start-up and a cost per report (from runs on {SMALL_BATCH} files and on the "
            f"{split['files']}, in the same rounds): fzlint `--jobs {split['jobs']}` {f['start_s']:.2f} s + {f['per_report_ms']:.1f} ms a "
            f"report; textlint {t['start_s']:.2f} s + {t['per_report_ms']:.1f} ms a report.")
    if f["per_report_ms"] > t["per_report_ms"] and f["start_s"] < t["start_s"]:
        cross = (t["start_s"] - f["start_s"]) / (f["per_report_ms"] - t["per_report_ms"]) * 1000
        text += f" fzlint's batch is the faster one below about {cross:.0f} files, textlint's above."
    return text


def measure_turns(roots: list[Path], args) -> list[dict]:
    """Measure several checkouts step by step in turn, so that a change in the machine's
    load during the run falls on all of them alike."""
    runs = [measure(root, args, peer=args.peer and i == len(roots) - 1) for i, root in enumerate(roots)]
    figures: list = [None] * len(runs)
    while any(f is None for f in figures):
        for i, run in enumerate(runs):
            if figures[i] is None:
                try:
                    next(run)
                except StopIteration as done:
                    figures[i] = done.value
    return figures


def _peer(folder: Path) -> dict | None:
    script = HERE / "peer_textlint.sh"
    done = subprocess.run(["bash", str(script), str(folder)], capture_output=True, text=True)
    match = re.search(r"textlint_seconds=([\d.]+)", done.stdout)
    if not match:
        print(f"textlint peer did not run:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}", file=sys.stderr)
        return None
    seconds = float(match.group(1))
    return {"seconds": seconds, "files": len(list(folder.glob("*.txt"))),
            "reports_per_s": len(list(folder.glob("*.txt"))) / seconds}


# -- Markdown ----------------------------------------------------------------------------

def _ms(v):
    return "—" if v is None else f"{v:.1f} ms"


def _s(v, timeout=None):
    return f"> {timeout:.0f} s (stopped)" if v is None else f"{v:.2f} s"


def markdown(after: dict, before: dict | None, args) -> str:
    b = before or {}
    cols = "| measure | before | after |\n|---|---|---|" if before else "| measure | value |\n|---|---|"

    def row(label, key_b, key_a, fmt=str):
        return f"| {label} | {fmt(key_b)} | {fmt(key_a)} |" if before else f"| {label} | {fmt(key_a)} |"

    lines = [f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores (shared), "
             f"Python {platform.python_version()}, {platform.system()}. "
             f"Before: main at `{b.get('commit', '?')}`; after: `{after['commit']}`. Medians; "
             f"regenerate with `python bench/benchmark.py --before bench/before.json --write-readme`.", "", cols]
    lines.append(row("lint, warm, per 10,000 characters (seeds)", b.get("warm_ms_per_10k"),
                     after["warm_ms_per_10k"], _ms))
    if after.get("warm_new_ms_per_10k") is not None:
        lines.append(row("lint, warm, per 10,000 characters, sentences not seen before", b.get("warm_new_ms_per_10k"),
                         after["warm_new_ms_per_10k"], _ms))
    for size in ("10000", "200000", "1000000"):
        # (in ms below a second: the 10,000-character row is the target's own measure, and
        # "0.01 s" would hide whether it is 6 or 14 ms)
        lines.append(row(f"lint {int(size):,} characters (seeds repeated)", (b.get("scaling") or {}).get(size),
                         after["scaling"].get(size), lambda v: _s(v, 600) if v is None or v >= 1 else _ms(v * 1000)))
    worst_b = _worst(b.get("adversarial"))
    worst_a = _worst(after["adversarial"])
    lines.append(row(f"slowest adversarial input of {args.size // 1000} KB ({len(after['adversarial'])} cases)",
                     worst_b, worst_a, lambda w: "—" if not w else f"{w[1]} ({w[0]})"))
    if "annotate_ms" in after:
        lines.append(row(f"annotate one .docx report, warm (read, lint, {after['comments']:.0f} Word comments, save)",
                         b.get("annotate_ms"), after["annotate_ms"], _ms))
    for fmt in ("txt", "docx", "html", "pdf"):
        lines.append(row(f"`fzlint check` one .{fmt} file, cold", (b.get("cold") or {}).get(fmt),
                         after["cold"][fmt], _s))
    for j in ("1", "2"):
        if j in after["batch"] or j in (b.get("batch") or {}):
            lines.append(row(f"batch, {args.batch} seed-sized reports, `--jobs {j}`, json-lines",
                             (b.get("batch") or {}).get(j), after["batch"].get(j),
                             lambda v: "—" if v is None else f"{v:.0f} reports/s"))
    for fmt in ("json", "json-lines"):
        lines.append(row(f"peak memory, {args.memory:,} reports, `--format {fmt}`",
                         (b.get("memory") or {}).get(fmt), after["memory"][fmt],
                         lambda v: "—" if v is None else f"{v:.0f} MiB"))
    peer = after.get("peer")
    if peer:
        best = max(after["batch"].values())
        lines += ["", f"Peer, same run, same {peer['files']} files: textlint + textlint-rule-prh with four "
                  f"substitution rules (`bench/peer_textlint.sh`, median of {len(peer.get('runs') or [1])} runs "
                  f"taking turns with fzlint's) takes {peer['seconds']:.2f} s "
                  f"({peer['reports_per_s']:.0f} reports/s); fzlint's batch doing every rule and the checklist "
                  f"runs at {best:.0f} reports/s: **{best / peer['reports_per_s']:.2f}×** textlint's rate."]
        split = _split_sentence(after.get("split"))
        if split:
            lines[-1] += " " + split
    lines += ["", f"Adversarial inputs (`bench/adversarial.py`, each just under {args.size // 1000} KB "
              "of UTF-8):", "", cols.replace("measure", "input")]
    before_cases = b.get("adversarial") or {}
    for name, v in after["adversarial"].items():
        if before and name not in before_cases:   # (a case added after the before figures: no before)
            lines.append(f"| `{name}` | — | {_s(v, args.case_timeout)} |")
        else:
            lines.append(row(f"`{name}`", before_cases.get(name), v, lambda x: _s(x, args.case_timeout)))
    return "\n".join(lines) + "\n"


def batch_summary(after: dict, before: dict | None, args) -> str:
    """``--only batch``: the batch rows, the lint alone per report, and the peer, as lines."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    lines = [f"{args.batch} seed-sized reports, `check --format json-lines`, median of {args.runs} runs"
             + (f"; load average at the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}" if load else "")]
    for name, fig in (("before", before), ("after", after)):
        if not fig:
            continue
        lint, lint_cpu = fig.get("lint_ms"), fig.get("lint_cpu_ms")
        lines.append(f"{name} ({fig['commit']}): lint alone (read and lint, one warm process) {lint:.2f} ms "
                     f"a report, processor {lint_cpu:.2f} ms" if lint else f"{name} ({fig['commit']}):")
        for j, rate in fig["batch"].items():
            wall = 1000 / rate
            runs = " ".join(f"{args.batch / t:.0f}" for t in fig.get("batch_runs", {}).get(j, []))
            cpu = fig.get("batch_cpu_ms", {}).get(j)
            lines.append(f"  --jobs {j}: {rate:.0f} reports/s, wall {wall:.2f} ms a report"
                         + (f", processor {cpu:.2f} ms a report (all processes)" if cpu else "")
                         + (f"; runs {runs}" if runs else ""))
    peer = after.get("peer")
    if peer:
        lines.append(f"peer: textlint + textlint-rule-prh {peer['seconds']:.2f} s (runs {peer.get('runs')}), "
                     f"{peer['reports_per_s']:.0f} "
                     f"reports/s; fzlint's best / textlint = {max(after['batch'].values()) / peer['reports_per_s']:.2f}×")
    split = _split_sentence(after.get("split"))
    if split:
        lines.append(split)
    return "\n".join(lines)


def cold_summary(after: dict, before: dict | None, args) -> str:
    """``--only cold``: the cold rows, as the README's table has them."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    lines = [f"median of {args.cold} runs each" + (f"; load average at the end {load[0]:.2f} {load[1]:.2f} "
                                                     f"{load[2]:.2f}" if load else ""),
             f"| measure | before ({before['commit']}) | after ({after['commit']}) |" if before
             else f"| measure | {after['commit']} |", "|---|---|---|" if before else "|---|---|"]
    for fmt in ("txt", "docx", "html", "pdf"):
        label = f"`fzlint check` one .{fmt} file, cold"
        lines.append(f"| {label} | {_s(before['cold'][fmt])} | {_s(after['cold'][fmt])} |" if before
                     else f"| {label} | {_s(after['cold'][fmt])} |")
    return "\n".join(lines)


def _worst(cases: dict | None):
    if not cases:
        return None
    name, v = max(cases.items(), key=lambda kv: float("inf") if kv[1] is None else kv[1])
    return name, ("stopped" if v is None else f"{v:.2f} s")


def write_readme(block: str) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if START not in text:
        raise SystemExit(f"README.md has no {START} … {END} block")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{START}\n{block}{END}{tail}", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=ROOT, help="the checkout to measure")
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--cold", type=int, default=5)
    ap.add_argument("--size", type=int, default=200_000, help="bytes per adversarial input")
    ap.add_argument("--case-timeout", type=float, default=60)
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3, help="runs of each batch row (their median is shown)")
    ap.add_argument("--only", choices=["batch", "cold"], help="measure only these rows (batch: the batch rows "
                    "and the peer; cold: the one-file rows; printed as a short summary; --write-readme is "
                    "refused)")
    ap.add_argument("--memory", type=int, default=2000)
    ap.add_argument("--no-peer", dest="peer", action="store_false", help="skip textlint")
    ap.add_argument("--save", type=Path, help="write the figures as JSON")
    ap.add_argument("--before", type=Path, help="figures of the checkout before (JSON from --save); "
                    "with --before-root, where to write them")
    ap.add_argument("--before-root", type=Path, help="a checkout to measure in the same run, step by step "
                    "in turn with --root (its figures are the 'before' column)")
    ap.add_argument("--write-readme", action="store_true")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("worker_args", nargs="?", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.only and args.write_readme:
        ap.error("--write-readme needs every row: leave out --only")
    if args.worker:
        exec(_NO_EDITABLE)
        sys.path.insert(0, str(args.root.resolve()))
        fn = {"warm": _worker_warm, "scaling": _worker_scaling, "case": _worker_case,
              "annotate": _worker_annotate, "lint_each": _worker_lint_each}.get(args.worker)
        values = json.loads(args.worker_args)
        print(json.dumps(_worker_rss(values[0]) if args.worker == "rss" else fn(args.root.resolve(), *values)))
        return
    sys.path.insert(0, str(HERE))
    try:
        _run(args)
    finally:
        for folder in _CACHES:
            shutil.rmtree(folder, ignore_errors=True)


def _run(args) -> None:
    if args.before_root:
        before, fig = measure_turns([args.before_root, args.root], args)
        if args.before:
            args.before.write_text(json.dumps(before, indent=1) + "\n", encoding="utf-8")
    else:
        fig = measure_turns([args.root], args)[0]
        before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else None
    if args.save:
        args.save.write_text(json.dumps(fig, indent=1) + "\n", encoding="utf-8")
    if args.only == "batch":
        print(batch_summary(fig, before, args))
        return
    if args.only == "cold":
        print(cold_summary(fig, before, args))
        return
    block = markdown(fig, before, args)
    print(block)
    if args.write_readme:
        write_readme(block)


if __name__ == "__main__":
    main()
