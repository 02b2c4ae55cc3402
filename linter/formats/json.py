"""The JSON contract (README, "JSON result"): version, files, summary.

Compact (no indentation: a machine reads it; ``python -m json.tool`` shows it indented)
and written file by file, so a run over thousands of reports never holds them all.
"""
import json

from ..document.result import RESULT_VERSION

_COMPACT = {"ensure_ascii": False, "separators": (",", ":")}


def head(options) -> str:
    return '{"version":%d,"files":[' % RESULT_VERSION


def item(result, options, n: int) -> str:
    return ("," if n else "") + "\n" + json.dumps(result.to_dict(), **_COMPACT)


def tail(totals, options) -> str:
    return '\n],"summary":' + json.dumps(totals.counts, **_COMPACT) + "}\n"


def render(results, options=None) -> str:
    """The whole output for a list of results (the format also streams: see formats/__init__)."""
    from . import render as render_all
    return render_all("json", results, options)
