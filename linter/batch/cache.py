"""Results cache: a file linted once is not linted again until something that could change
its result changes.

The key is a SHA-256 of the file's bytes, the rule set and program (every file under
``linter/`` and ``rules/``, so a new rule or a changed word list empties the cache for all),
and the run's configuration (selection, fail level, waivers, overrides; for waivers without
a fixed ``--today``, today's date, since waivers expire). The path is not in the key: a
file moved or renamed is still found.

Entries are pickles under the cache folder (``OUTDIR/.fzlint-cache`` for ``fzlint report``
unless ``--cache-dir`` says otherwise), written to a temporary name and renamed, so two
workers or an interrupted run never leave a half-written entry. A damaged or unreadable
entry counts as a miss.
"""
from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

CACHE_FOLDER = ".fzlint-cache"


@functools.lru_cache(maxsize=1)
def program_fingerprint() -> str:
    """A hash of the linter's code and rule files (computed once per process)."""
    from ..data import VERSION as __version__, rules_dir
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent.parent
    for root in (package, rules_dir()):
        for file in sorted(root.rglob("*")):
            if file.is_file() and file.suffix in (".py", ".yaml", ".yml", ".tsv", ".txt"):
                digest.update(str(file.relative_to(root)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()


def config_fingerprint(config) -> str:
    parts = [repr(config)]
    if getattr(config, "waivers", None) and not getattr(config, "today", None):
        parts.append(_dt.date.today().isoformat())
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def key_for(data: bytes, config, extra: str = "") -> str:
    digest = hashlib.sha256(data)
    digest.update(program_fingerprint().encode())
    digest.update(config_fingerprint(config).encode())
    digest.update(extra.encode())
    return digest.hexdigest()


class Cache:
    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str):
        try:
            with open(self._file(key), "rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError):
            return None

    def put(self, key: str, value) -> None:
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        except OSError:
            pass            # a cache that cannot be written only costs time
