"""Find the report files under the paths a user names (files and folders, recursively).

Symlinked folders met while walking are not followed (no loops, no escaping the tree);
hidden folders, Office lock files (~$x.docx), fzlint's own annotated copies beside their
report (报告.批注.docx next to 报告.docx: the same report, whose findings would count twice)
and the folders ``fzlint report`` wrote (they hold ``OVERVIEW_MARKER``) are skipped; a file
named explicitly is always checked, whatever its suffix. Each file is listed once, however
often it is named.
A folder that cannot be listed is reported, and the rest is still found.
"""
from __future__ import annotations

import os

from ..errors import os_problem
from ..readers import SUFFIXES
from ..vocab import ANNOTATED_SUFFIX, OVERVIEW_MARKER

_SKIP_DIRS = frozenset(("__pycache__", "node_modules"))


def nothing_found(doing: str = "检查") -> str:
    """The line for paths that hold no report file (the formats a clerk has, not every suffix read)."""
    return f"没有找到可{doing}的报告文件（.docx .doc .wps .pdf .txt .md .html）"


def discover(paths: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Return (files to check, [(path, problem)] for paths that do not exist or cannot be listed)."""
    files: list[str] = []
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            files.append(path)

    for path in paths:
        if os.path.isdir(path):
            for found in _walk(path, problems):
                add(found)
        elif os.path.exists(path) or os.path.islink(path):
            add(path)       # a broken link or a link loop is reported when it is read
        else:
            problems.append((path, "文件或目录不存在"))
    return files, problems


def _walk(root: str, problems: list[tuple[str, str]]) -> list[str]:
    found = []

    def onerror(exc: OSError) -> None:
        problems.append((exc.filename or root, f"无法读取目录：{os_problem(exc)}"))

    for folder, dirs, names in os.walk(root, onerror=onerror, followlinks=False):
        if OVERVIEW_MARKER in names and folder != root:     # an overview's own pages, not reports
            dirs[:] = []
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS
                         and not os.path.islink(os.path.join(folder, d)))
        reports = sorted(n for n in names if not n.startswith((".", "~$")) and n.lower().endswith(SUFFIXES))
        stems = {os.path.splitext(n)[0] for n in reports}
        found += [os.path.join(folder, n) for n in reports if not _annotated_copy(n, stems)]
    return found


def _annotated_copy(name: str, stems: set[str]) -> bool:
    """Is ``name`` the copy ``fzlint annotate`` wrote of a report in the same folder?"""
    return name.endswith(ANNOTATED_SUFFIX) and name[:-len(ANNOTATED_SUFFIX)] in stems
