"""The district overview (``fzlint report``): many reports, one page and one spreadsheet.

One module per job: ``units`` (who a report is from, the roster), ``pool`` (every core, in
order), ``cache`` (results kept between runs), ``collect`` (what one report contributes),
``copies`` (shared passages, MinHash LSH), ``promises`` (last year's plan), ``words``
(jieba), ``overview`` (the model and the run), ``html``, ``xlsx``, ``json_`` (the outputs).
"""
from .overview import Overview, build_overview
from .pool import lint_many, run_many
from .units import read_roster

__all__ = ["Overview", "build_overview", "lint_many", "run_many", "read_roster"]
