"""fzlint: a compliance linter for 法治政府建设年度报告.

Library API (front ends call only these)::

    from linter import lint_path, lint_bytes, lint, Config
    result = lint_path("report.docx")          # FileResult
    result.to_dict()                           # the JSON contract
"""
from .config import Config
from .document.document import Document
from .engine.run import analyze, lint, lint_bytes, lint_path, lint_text
from .errors import ConfigError, FzlintError, ReadError
from .document.result import Diagnostic, FileResult, run_to_dict

from .data import VERSION as __version__
__all__ = ["Config", "Document", "analyze", "lint", "lint_bytes", "lint_path", "lint_text",
           "FzlintError", "ReadError", "ConfigError", "Diagnostic", "FileResult", "run_to_dict",
           "__version__"]
