"""Where the measurement scripts find the real-report corpus (never part of this repository)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# In the project's workplace the corpus sits beside the checkout; elsewhere pass its folder.
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_dir(given: str | None, name: str, needs: str, script: str) -> Path:
    """The corpus folder ``name`` (e.g. ``dev``), or one line saying where to point the script
    and exit code 2 when it is not there."""
    path = Path(given) if given else DEFAULT_CORPUS / name
    if not path.is_absolute() and not path.exists():
        path = ROOT / path
    if not (path / needs).is_file():
        print(f"{script}: 找不到语料 {path}（需要其中的 {needs}）；请指定语料目录："
              f"python scripts/{script} /path/to/corpus/{name}", file=sys.stderr)
        raise SystemExit(2)
    return path
