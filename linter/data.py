"""Where the package's data lives (rule files, tables, its version) and how tables are read.

The YAML rules and the TSV/YAML tables under ``rules/`` ship inside the installed package as
``linter.rulesets``; in a source checkout they are read from ``rules/`` directly. Every reader of
rule data (the rule loader, the law registry, metadata lists, the checklist catalogue) asks this
module, so none of them needs to import another to find a file.

What is built from that data (validated rule sets, tables) is kept between processes by
``cached``: a one-file run reads the results instead of parsing YAML, and PyYAML itself is
imported only when something is parsed.
"""
from __future__ import annotations

import functools
import os
import pickle
import sys
import zlib
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")

# The package version (setup.cfg reads it from here; caches and SARIF name it).
VERSION = "0.1.0"

# The manifest every installation has; used to tell a real rules folder from an empty namespace.
_MARKER = "outline-2021-2025.yaml"


def yaml_loader():
    """PyYAML's safe loader, libyaml's when PyYAML was built with it (~10× faster)."""
    import yaml
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def __getattr__(name: str):
    if name == "YAML_LOADER":          # the loader by its old name, still without importing yaml early
        return yaml_loader()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.lru_cache(maxsize=1)
def rules_dir() -> Path:
    """The folder holding the rule-set manifests: inside the package, or ``rules/`` in a checkout.
    Found from the package's import spec first (importlib.resources loads tempfile, shutil,
    zipfile … for what is a folder on disk in every ordinary installation)."""
    # A checkout's code reads the checkout's rules, even when another tree is installed in
    # editable mode (whose mapping of linter.rulesets would answer for every checkout on
    # sys.path: a benchmark of an older clone would lint with the newer rules).
    checkout = Path(__file__).resolve().parent.parent / "rules"
    if (checkout / _MARKER).exists() and (checkout.parent / "setup.cfg").exists():
        return checkout
    import importlib.util
    try:
        spec = importlib.util.find_spec("linter.rulesets")
    except (ImportError, ValueError):
        spec = None
    for location in (spec.submodule_search_locations or ()) if spec is not None else ():
        if (Path(location) / _MARKER).exists():
            return Path(location)
    if spec is None and (checkout / _MARKER).exists():
        return checkout
    try:
        from importlib.resources import files
        path = Path(str(files("linter.rulesets")))
        if (path / _MARKER).exists():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return checkout


def data_dir() -> Path:
    """``rules/data``: the tables (law titles, place names, the checklist catalogue)."""
    return rules_dir() / "data"


def read_tsv(name: str) -> list[list[str]]:
    """Rows of ``rules/data/NAME`` without its header row, split on tabs, blank lines skipped."""
    lines = (data_dir() / name).read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines[1:] if ln.strip()]


@functools.lru_cache(maxsize=None)
def read_yaml(name: str):
    """``rules/data/NAME`` parsed as YAML (read once per process, kept in the cache folder
    while the file is unchanged; callers must not mutate it)."""
    path = data_dir() / name

    def parse():
        import yaml
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=yaml_loader())

    return cached(f"data-{name}", [path], parse)


# -- the cache folder ----------------------------------------------------------------------

def digest(data: bytes) -> str:
    """A 64-bit checksum (CRC-32 and Adler-32) as 16 hex digits: enough to tell one set of
    files' sizes and times from another's, or a damaged cache file from a whole one, and
    cheaper to load than hashlib (OpenSSL) in a run that needs nothing else from it."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def cache_dir() -> Path | None:
    """Where fzlint keeps its caches: $FZLINT_CACHE_DIR, else the user's cache folder
    (%LOCALAPPDATA% on Windows, $XDG_CACHE_HOME or ~/.cache elsewhere). None (no caching)
    when FZLINT_CACHE_DIR is empty."""
    configured = os.environ.get("FZLINT_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "fzlint" / "cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "fzlint"


def cache_file(kind: str, sources: Iterable[Path]) -> Path | None:
    """The cache file for what ``kind`` builds from ``sources``: named by a slot (which files,
    by path) and a key (their sizes and modification times, fzlint's version, the Python
    build). Each installation or checkout has slots of its own, so two of them never evict
    each other's files; an edited source changes the key. None when caching is off or a
    source cannot be read."""
    folder = cache_dir()
    if folder is None:
        return None
    slot, key = [kind], [VERSION, sys.version]
    try:
        for file in sources:
            st = os.stat(file)
            slot.append(str(file))
            key.append(f"{file}|{st.st_size}|{st.st_mtime_ns}")
    except OSError:
        return None
    return folder / f"{kind}-{digest(chr(0).join(slot).encode())}-{digest(chr(0).join(key).encode())}.pickle"


_MISSING = object()


def cached(kind: str, sources: Iterable[Path], build: Callable[[], T],
           valid: Callable[[object], bool] | None = None) -> T:
    """``build()``, or what an earlier process built from the same, unchanged ``sources``
    (see ``cache_file``). A missing, unreadable or broken cache file (or one whose value
    ``valid`` refuses) is rebuilt, never an error; without a writable cache folder the value
    is simply built each time. ``sources`` must name everything the value depends on,
    code included."""
    file = cache_file(kind, list(sources))
    value = _read_cache(file)
    if value is not _MISSING and (valid is None or valid(value)):
        return value
    value = build()
    _write_cache(file, value)
    return value


def read_cache(file: Path | None, default=None):
    """What a cache file holds, or ``default`` when it is missing or damaged."""
    value = _read_cache(file)
    return default if value is _MISSING else value


def write_cache(file: Path | None, value) -> None:
    """Write a cache file (replacing its slot's files for earlier sources); never an error."""
    _write_cache(file, value)


def _read_cache(file: Path | None):
    if file is None:
        return _MISSING
    try:
        with open(file, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # noqa: BLE001 - any damage to a cache file only means rebuilding it
        return _MISSING


def _write_cache(file: Path | None, value) -> None:
    if file is None:
        return
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        slot = file.name.rsplit("-", 1)[0]
        for old in file.parent.glob(f"{slot}-*.pickle"):
            old.unlink(missing_ok=True)          # this slot's files for earlier versions of the sources
        tmp = file.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, file)
    except (OSError, pickle.PicklingError):
        pass
