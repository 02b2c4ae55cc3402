"""fzlint: a compliance linter for 法治政府建设年度报告.

Library API (front ends call only these)::

    from linter import lint_path, lint_bytes, lint, Config
    result = lint_path("report.docx")          # FileResult
    result.to_dict()                           # the JSON contract

The names are loaded on first use: importing a part of the package (``linter.frontends.cli``,
which the ``fzlint`` command runs) does not load the whole library first, so that part decides
what it needs and when.
"""
from .data import VERSION as __version__

# name -> the module that defines it
_API = {
    "Config": "config", "Document": "document.document",
    "analyze": "engine.run", "lint": "engine.run", "lint_bytes": "engine.run", "lint_path": "engine.run",
    "lint_text": "engine.run",
    "FzlintError": "errors", "ReadError": "errors", "ConfigError": "errors",
    "Diagnostic": "document.result", "FileResult": "document.result", "run_to_dict": "document.result",
}
__all__ = ["Config", "Document", "analyze", "lint", "lint_bytes", "lint_path", "lint_text",
           "FzlintError", "ReadError", "ConfigError", "Diagnostic", "FileResult", "run_to_dict",
           "__version__"]


def __getattr__(name: str):
    module = _API.get(name)
    if module is None:      # also how ``from linter import kinds`` finds that it is a submodule
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
