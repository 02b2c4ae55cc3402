"""The district overview (``fzlint report``): many reports, one page and one spreadsheet.

One module per job: ``units`` (who a report is from, the roster), ``pool`` (every core, in
order), ``cache`` (results kept between runs), ``collect`` (what one report contributes),
``copies`` (shared passages, MinHash LSH), ``promises`` (last year's plan), ``words``
(jieba), ``overview`` (the model and the run), ``html``, ``xlsx``, ``json_`` (the outputs).
"""
import importlib

# Loaded on first use: ``fzlint check`` needs only ``pool``; the overview's modules (jieba,
# MinHash, the spreadsheet writer) would add most of a one-file run's start-up.
_EXPORTS = {"Overview": "overview", "build_overview": "overview", "lint_many": "pool",
            "run_many": "pool", "read_roster": "units"}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
