"""The work a pool worker does for one upload (see ``pool.py``); runs in the worker process.

Each job takes the upload's bytes and its (cleaned) name and returns a plain dict, so
nothing but picklable values crosses the pipe: ``{"error": {code, message}}`` for a file
that cannot be read as a report (the ``ReadError``'s code and Chinese message), else the
result. The name is used only to choose a reader; it never reaches the file system.
"""
from __future__ import annotations

from ...config import Config
from ...errors import FzlintError


def _config(year: int | None, level: str | None) -> Config:
    """The CLI's defaults (rules, and the reader's limit on what is read: a .docx's text parts,
    not its pictures); the server's own limit on the request body comes first."""
    return Config(year=year, level=level)


def check(data: bytes, name: str, year: int | None, level: str | None) -> dict:
    """Read and lint: the FileResult, and the lines as the reader saw them (for the page)."""
    from ...engine.run import lint
    from ...readers import read_bytes
    config = _config(year, level)
    try:
        doc = read_bytes(data, name, config.max_bytes)
        result = lint(doc, config)
    except FzlintError as exc:
        return {"error": exc.to_dict()}
    return {"result": result, "lines": [ln.text for ln in doc.lines],
            "chrome": [ln.number for ln in doc.lines if ln.chrome]}


def annotate(data: bytes, name: str, year: int | None, level: str | None) -> dict:
    """The .docx with a Word comment (批注) per finding (``linter.writers.docx_comments``)."""
    from ...writers.docx_comments import annotate_upload
    try:
        docx, result = annotate_upload(data, name, _config(year, level))
    except FzlintError as exc:
        return {"error": exc.to_dict()}
    return {"docx": docx, "result": result}


def warm_up() -> None:
    """Load the rule sets and the readers once, so the first upload is not slower."""
    from ...engine.ruleset import available_rulesets, load_ruleset
    from ...engine.run import lint_text
    for name in available_rulesets():
        try:
            load_ruleset(name)
        except FzlintError:
            pass
    lint_text("关于2023年法治政府建设情况的报告\n2023年，我镇坚持依法行政。\n")
    from ...readers import docx, html, pdf, txt  # noqa: F401 - imported now, not on the first upload
    import docx as python_docx  # noqa: F401 - reading no longer imports it; writing the comments does
