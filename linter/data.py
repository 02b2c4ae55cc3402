"""Where the package's data lives (rule files, tables, its version) and how tables are read.

The YAML rules and the TSV/YAML tables under ``rules/`` ship inside the installed package as
``linter.rulesets``; in a source checkout they are read from ``rules/`` directly. Every reader of
rule data (the rule loader, the law registry, metadata lists, the checklist catalogue) asks this
module, so none of them needs to import another to find a file.
"""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

# The package version (setup.cfg reads it from here; caches and SARIF name it).
VERSION = "0.1.0"

# The manifest every installation has; used to tell a real rules folder from an empty namespace.
_MARKER = "outline-2021-2025.yaml"
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10× faster


@functools.lru_cache(maxsize=1)
def rules_dir() -> Path:
    """The folder holding the rule-set manifests: inside the package, or ``rules/`` in a checkout."""
    try:
        from importlib.resources import files
        path = Path(str(files("linter.rulesets")))
        if (path / _MARKER).exists():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "rules"


def data_dir() -> Path:
    """``rules/data``: the tables (law titles, place names, the checklist catalogue)."""
    return rules_dir() / "data"


def read_tsv(name: str) -> list[list[str]]:
    """Rows of ``rules/data/NAME`` without its header row, split on tabs, blank lines skipped."""
    lines = (data_dir() / name).read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines[1:] if ln.strip()]


@functools.lru_cache(maxsize=None)
def read_yaml(name: str):
    """``rules/data/NAME`` parsed as YAML (read once per process; callers must not mutate it)."""
    with open(data_dir() / name, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=YAML_LOADER)
