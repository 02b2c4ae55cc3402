"""Find the report files under the paths a user names (files and folders, recursively).

Symlinked folders are not followed (no loops); hidden folders and Office lock files
(~$x.docx) are skipped; a file named explicitly is always checked, whatever its suffix.
"""
from __future__ import annotations

import os

from .readers import SUFFIXES


def discover(paths: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Return (files to check, [(path, problem)] for paths that do not exist)."""
    files: list[str] = []
    missing: list[tuple[str, str]] = []
    for path in paths:
        if os.path.isdir(path):
            files.extend(_walk(path))
        elif os.path.exists(path) or os.path.islink(path):
            files.append(path)
        else:
            missing.append((path, "文件或目录不存在"))
    return files, missing


def _walk(root: str) -> list[str]:
    found = []
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("__pycache__", "node_modules"))
        for name in sorted(names):
            if name.startswith((".", "~$")):
                continue
            if name.lower().endswith(SUFFIXES):
                found.append(os.path.join(folder, name))
    return found
