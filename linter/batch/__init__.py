"""The district overview (``fzlint report``): many reports, one page and one spreadsheet.

One module per job: ``units`` (who a report is from, the roster), ``pool`` (every core, in
order), ``pieces`` (``fzlint check``'s files checked and rendered in the workers), ``cache`` (results kept between runs), ``collect`` (what one report contributes),
``copies`` (shared passages, MinHash LSH), ``promises`` (last year's plan), ``words``
(jieba), ``overview`` (the model and the run), ``run`` (the command as a call), ``html``,
``xlsx``, ``json_`` (the outputs).

Names are imported on first use, so ``fzlint check --jobs`` (which needs only the pool)
does not load numpy, openpyxl or jieba.
"""
import importlib

_HOMES = {"Overview": "overview", "build_overview": "overview", "lint_many": "pool", "run_many": "pool",
          "read_roster": "units"}
__all__ = list(_HOMES)


def __getattr__(name):
    if name in _HOMES:
        return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(name)
