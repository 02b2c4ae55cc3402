"""Compiled regular expressions kept between runs of the ``fzlint`` command.

Compiling regular expressions is about half of a one-file run's start: the rule kinds, the
document model and the readers' libraries compile some 300 patterns, and Python's compiler
walks every character of a range such as ``[\\u4e00-\\u9fff]`` (some 21,000) each time it meets
one. What the compiler produces is a list of integers, the matcher's code, which
``_sre.compile`` turns into a pattern object. This module keeps those lists in the cache folder
and, when the command compiles the same pattern again, builds the pattern object from them.

- The store belongs to one Python build (its version string and the matcher's magic number
  and code size are in the file's name): another Python never reads it.
- A pattern built from the store is the one the compiler makes: every entry is compared with
  the compiler's own result (``==`` on patterns compares their code) before it is written, a
  file whose checksum fails is not read, and ``_sre.compile`` checks the code it is given.
  Patterns whose code may depend on the locale (``re.LOCALE``) are not kept.
- A pattern not in the store is compiled as usual. Only when such misses are many or cost
  noticeable time (a new fzlint or Python, an edited rule, another format's library) is the
  store rewritten: this run's patterns first, then earlier ones, at most ``MAX_ENTRIES``; a
  pattern no run used during the last ``KEEP_REWRITES`` rewrites is dropped (an alternation
  whose order changes from process to process is never asked for again). Patterns made from
  a report's own words (one or two, cheap) do not trigger a rewrite.
- Anything unexpected (another implementation of Python, changed ``re`` internals, a damaged
  file, no cache folder) and it steps aside: patterns are compiled as Python compiles them.

Installed when the program starts (``frontends.startup``), before the package's modules are
imported; written when the command exits (``save``).
"""
from __future__ import annotations

import io
import os
import pickle
import re
import sys
import time
from array import array

from ..data import cache_dir, digest

MAX_ENTRIES = 1000        # a one-file run uses about 300, all formats and commands about 500
KEEP_REWRITES = 4
# The store is rewritten when this many patterns were missing, or compiling the missing ones
# took this long: not for the one or two patterns made from a report's own words.
WORTH_SAVING = (8, 0.020)
_FORMAT = 4               # of the file's content

_state: "_Store | None" = None


class _Store:
    def __init__(self, file, stored, original, parser, compiler, sre, typecode):
        self.file = file
        # the store as read: its rewrite count, key -> entry, key -> the rewrite that last kept it used
        self.rewrite, self.entries, self.seen = stored
        self.original, self.parser, self.compiler, self.sre = original, parser, compiler, sre
        self.typecode = typecode      # an array type of the matcher's code unit (packed in the file)
        self.used: dict = {}          # key -> entry: what this run took from the store
        self.missed: dict = {}        # key -> pattern: what this run compiled itself
        self.miss_time = 0.0


def install() -> bool:
    """Serve ``re``'s compiles from the store from now on (idempotent); False when it stepped aside."""
    global _state
    if _state is not None:
        return True
    try:
        import _sre
        compiler = getattr(re, "_compiler", None) or getattr(re, "sre_compile")   # 3.11+ / 3.10
        parser = getattr(re, "_parser", None) or getattr(re, "sre_parse")
        if sys.implementation.name != "cpython" or not hasattr(compiler, "_code"):
            return False
        file = _store_file(_sre)
        typecode = next(t for t in "ILQ" if array(t).itemsize == _sre.CODESIZE)
        if file is None:
            return False
        original = compiler.compile
        # The code below rebuilds what ``compiler.compile`` does; on a Python where it no
        # longer does, step aside.
        probe = r"(?P<name>[\u4e00-\u4e0f]{2,8}?)(?:市|县)(\d+)?|(?i:abc)"
        entry = _entry(parser, compiler, probe, 0, typecode)
        if not _same(_build(_sre, probe, entry, typecode), original(probe, 0)):
            return False
    except Exception:  # noqa: BLE001 - whatever goes wrong, compile as usual
        return False
    _state = _Store(file, _read(file), original, parser, compiler, _sre, typecode)
    compiler.compile = _compile
    return True


def _compile(p, flags=0):
    """``re``'s compiler, for a pattern the store has: the pattern object from the kept code."""
    state = _state
    if type(p) not in (str, bytes) or flags & (re.DEBUG | re.LOCALE):
        return state.original(p, flags)
    key = (p, int(flags))
    entry = state.entries.get(key)
    if entry is not None:
        try:
            pattern = _build(state.sre, p, entry, state.typecode)
        except Exception:  # noqa: BLE001 - a bad entry: forget it, compile as usual
            state.entries.pop(key, None)
        else:
            state.used[key] = entry
            return pattern
    start = time.perf_counter()
    pattern = state.original(p, flags)
    state.miss_time += time.perf_counter() - start
    state.missed[key] = pattern
    return pattern


def save() -> None:
    """Rewrite the store if this run compiled enough that it lacked; never an error."""
    state = _state
    if state is None or (len(state.missed) < WORTH_SAVING[0] and state.miss_time < WORTH_SAVING[1]):
        return
    try:
        rewrite = state.rewrite + 1
        entries, seen = {}, {}
        for (p, flags), pattern in state.missed.items():
            try:
                entry = _entry(state.parser, state.compiler, p, flags, state.typecode)
                if _same(_build(state.sre, p, entry, state.typecode), pattern):
                    entries[(p, flags)], seen[(p, flags)] = entry, rewrite
            except Exception:  # noqa: BLE001 - not kept, compiled as usual next time
                continue
        for key, entry in state.used.items():
            entries.setdefault(key, entry)
            seen[key] = rewrite
        older = sorted(state.entries, key=lambda k: -state.seen.get(k, 0))     # most recently used first
        for key in older:
            if len(entries) >= MAX_ENTRIES or state.seen.get(key, 0) <= rewrite - KEEP_REWRITES:
                break
            if key not in entries:
                entries[key], seen[key] = state.entries[key], state.seen[key]
        state.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = state.file.with_suffix(f".{os.getpid()}.tmp")
        payload = pickle.dumps((rewrite, entries, seen), protocol=pickle.HIGHEST_PROTOCOL)
        with open(tmp, "wb") as fh:
            pickle.dump((_FORMAT, digest(payload), payload), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, state.file)
        state.rewrite, state.entries, state.seen = rewrite, entries, seen
        state.used, state.missed, state.miss_time = {}, {}, 0.0
    except Exception:  # noqa: BLE001 - a cache that cannot be written is only slower
        pass


def _entry(parser, compiler, p, flags: int, typecode: str) -> tuple:
    """What ``compiler.compile(p, flags)`` hands to ``_sre.compile``, as plain data (the code
    packed: a list of small numbers is slow to unpickle)."""
    parsed = parser.parse(p, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (int(flags | parsed.state.flags), array(typecode, code).tobytes(), parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


def _build(sre, p, entry, typecode: str):
    flags, code, groups, groupindex, indexgroup = entry
    return sre.compile(p, flags, array(typecode, code).tolist(), groups, dict(groupindex), tuple(indexgroup))


def _same(a, b) -> bool:
    return a == b and a.groups == b.groups and dict(a.groupindex) == dict(b.groupindex)


def _store_file(sre):
    folder = cache_dir()
    if folder is None:
        return None
    build = f"{_FORMAT}|{sys.version}|{sys.platform}|{sys.byteorder}|{sre.MAGIC}|{sre.CODESIZE}|{sys.maxunicode}"
    return folder / f"regex-{digest(build.encode())}.pickle"


class _PlainData(pickle.Unpickler):
    """The store holds only strings, numbers, lists, tuples and dicts: nothing else is loaded."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"{module}.{name} in the regex store")


def _read(file) -> tuple[int, dict, dict]:
    """The store (rewrite count, entries, when each was last used); empty when the file is
    missing, of another format, or damaged (its checksum: a changed byte in a pattern's code
    must not make a wrong pattern)."""
    try:
        with open(file, "rb") as fh:
            fmt, checksum, payload = _PlainData(fh).load()
        if fmt == _FORMAT and digest(payload) == checksum:
            rewrite, entries, seen = _PlainData(io.BytesIO(payload)).load()
            if isinstance(rewrite, int) and isinstance(entries, dict) and isinstance(seen, dict):
                return rewrite, entries, seen
    except Exception:  # noqa: BLE001 - missing or damaged: start empty
        pass
    return 0, {}, {}
