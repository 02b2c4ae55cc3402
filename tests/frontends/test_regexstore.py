"""The command's compiled-pattern store (frontends.regexstore): a run that builds its patterns
from the store finds exactly what a run that compiles them finds, and a damaged store only
means compiling again."""
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = sorted((ROOT / "seeds").glob("*.txt"))[2]


def fzlint(args, cache, cwd):
    """``fzlint ARGS`` as a new process (the store is read and written by the command itself);
    ``cache`` None: no cache folder, so no store."""
    env = dict(os.environ, FZLINT_CACHE_DIR="" if cache is None else str(cache), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)


def after_a_run(tmp_path, script: str) -> None:
    """Check a seed with the store on, then run ``script`` in a new process on that cache folder
    (it asserts what the run left there)."""
    report = tmp_path / "r.txt"
    report.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    fzlint(["check", str(report)], tmp_path / "cache", tmp_path)
    env = dict(os.environ, FZLINT_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=120)


def stores(cache):
    return sorted(Path(cache).glob("regex-*.pickle"))


def test_a_run_from_the_store_finds_what_a_compiling_run_finds(tmp_path):
    report = tmp_path / "报告.txt"
    report.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    compiled = fzlint(["check", "--format", "json", str(report)], None, tmp_path)
    first = fzlint(["check", "--format", "json", str(report)], tmp_path / "cache", tmp_path)
    assert len(stores(tmp_path / "cache")) == 1                     # written by the first run
    second = fzlint(["check", "--format", "json", str(report)], tmp_path / "cache", tmp_path)
    assert compiled.returncode == first.returncode == second.returncode == 1
    assert compiled.stdout == first.stdout == second.stdout
    assert '"diagnostics"' in second.stdout


def test_every_pattern_in_the_store_is_the_one_python_compiles(tmp_path):
    check = ("import re, sys\n"
             "from linter.frontends import regexstore as rs\n"
             "assert rs.install()\n"
             "state = rs._state\n"
             "assert len(state.entries) > 100, len(state.entries)\n"
             "for (p, flags), entry in state.entries.items():\n"
             "    built = rs._build(state.sre, p, entry, state.typecode)\n"
             "    assert rs._same(built, state.original(p, flags)), p\n")
    after_a_run(tmp_path, check)


@pytest.mark.parametrize("damage", ["garbage", "entries changed"])
def test_a_damaged_store_is_compiled_around_and_rewritten(tmp_path, damage):
    import re

    import _sre
    from array import array

    from linter.frontends import regexstore as rs

    report = tmp_path / "r.txt"
    report.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    good = fzlint(["check", "--format", "json", str(report)], tmp_path / "cache", tmp_path)
    store = stores(tmp_path / "cache")[0]
    if damage == "garbage":
        store.write_bytes(b"not a pickle")
    else:   # well-formed, but every pattern's code is a never-matching one: the checksum must refuse it
        fmt, digest, payload = pickle.loads(store.read_bytes())
        typecode = next(t for t in "ILQ" if array(t).itemsize == _sre.CODESIZE)
        never = rs._entry(getattr(re, "_parser", None) or re.sre_parse,
                          getattr(re, "_compiler", None) or re.sre_compile, "(?!)", 0, typecode)[1]
        rewrite, entries, seen = pickle.loads(payload)
        entries = {key: (e[0], never, *e[2:]) for key, e in entries.items()}
        store.write_bytes(pickle.dumps((fmt, digest, pickle.dumps((rewrite, entries, seen)))))
    again = fzlint(["check", "--format", "json", str(report)], tmp_path / "cache", tmp_path)
    assert again.stdout == good.stdout and again.returncode == good.returncode
    assert not again.stderr
    fmt, digest, payload = pickle.loads(store.read_bytes())          # rewritten, whole again
    assert len(pickle.loads(payload)[1]) > 100


def test_no_cache_folder_no_store(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    env = dict(os.environ, FZLINT_CACHE_DIR="", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "linter", "check", str(report)], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 1 and "共检查 1 个文件" in done.stdout
    assert not list(tmp_path.rglob("regex-*.pickle"))


def test_patterns_no_run_asks_for_again_leave_the_store(tmp_path):
    """An alternation whose order changes from process to process is stored once and never
    asked for again: the store must not grow with such variants."""
    code = ("import re\n"
            "from linter.frontends import regexstore as rs\n"
            "assert rs.install()\n"
            "for run in range(rs.KEEP_REWRITES + 2):\n"
            "    re.purge()                       # as a new process would\n"
            "    re.compile('常用[\\u4e00-\\u9fff]+')\n"
            "    for j in range(10):\n"
            "        re.compile(f'run{run}-{j}')\n"
            "    rs.save()\n"
            "rewrite, entries, seen = rs._read(rs._state.file)\n"
            "names = {p for p, flags in entries}\n"
            "assert '常用[\\u4e00-\\u9fff]+' in names\n"
            "assert not any(n.startswith(('run0-', 'run1-')) for n in names), sorted(names)\n"
            "assert {f'run{rs.KEEP_REWRITES + 1}-{j}' for j in range(10)} <= names\n")
    env = dict(os.environ, FZLINT_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)


def test_kept_literal_analyses_are_the_ones_the_module_computes(tmp_path):
    """The program keeps text.literals' analyses of the rules' patterns between runs: each one
    kept must be what analysing the pattern afresh gives."""
    check = ("import re\n"
             "from pathlib import Path\n"
             "from linter.data import cache_file, read_cache\n"
             "from linter.text import literals as L\n"
             "kept = read_cache(cache_file('literals', [Path(L.__file__)]))\n"
             "assert isinstance(kept, dict) and len(kept) > 20, kept\n"
             "plain = lambda v: ((v.alternatives, v.reach, v.reaches) if isinstance(v, L.Factor) else\n"
             "                   tuple(map(plain, v)) if isinstance(v, tuple) else v)\n"
             "fresh = {'factor': L._factor_of, 'required': L._required, 'needs': L._needs_of,\n"
             "         'first': L._first_source, 'line-local': L._line_local, 'wide': L._wide_plan_of,\n"
             "         'window-width': L._window_width, 'refers-back': L._refers_back,\n"
             "         'head': L._head_source, 'lead': L._lead_factor_of}\n"
             "for (kind, p, flags), value in kept.items():\n"
             "    assert plain(value) == plain(fresh[kind](re.compile(p, flags))), (kind, p)\n")
    after_a_run(tmp_path, check)
