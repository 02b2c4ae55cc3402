"""One JSON object per line: each diagnostic with its file's path (waived ones included,
``suppressed: true``), and ``{"path", "error"}`` for a file that could not be read.
Compact, written file by file."""
import json

from ._paths import display_path

# One encoder for every line: ``json.dumps`` with options builds a new encoder on each call,
# and a report has some thirty findings.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def item(r, options, n: int = 0) -> str:
    path = display_path(r.path, options.base)
    if r.error:
        return _ENCODE({"path": path, "error": r.error}) + "\n"
    return "".join([_ENCODE({"path": path, **d.to_dict()}) + "\n" for d in r.diagnostics])


def render(results, options=None) -> str:
    """The whole output for a list of results (the format also streams: see formats/__init__)."""
    from . import render as render_all
    return render_all("json-lines", results, options)
