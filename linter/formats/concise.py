"""``path:line:col: CODE message`` — one finding per line, for editors' quickfix lists.

``[*]`` after the code marks a finding ``--fix`` can repair (as in ruff).
"""
from ._paths import display_path


def item(r, options, n: int = 0) -> str:
    path = display_path(r.path, options.base)
    if r.error:
        return f"{path}:1:1: {r.error['code']} {r.error['message']}\n"
    lines = []
    for d in r.active():
        mark = " [*]" if d.fix is not None and d.fix.safe else ""
        lines.append(f"{path}:{d.line}:{d.column}: {d.code}{mark} {d.message}\n")
    return "".join(lines)


def render(results, options=None) -> str:
    """The whole output for a list of results (the format also streams: see formats/__init__)."""
    from . import render as render_all
    return render_all("concise", results, options)
