"""``path:line:col: CODE message`` — one finding per line, for editors' quickfix lists.

``[*]`` after the code marks a finding ``--fix`` can repair (as in ruff).
"""
from ._paths import display_path


def render(results, options) -> str:
    lines = []
    for r in results:
        path = display_path(r.path, options.base)
        if r.error:
            lines.append(f"{path}:1:1: {r.error['code']} {r.error['message']}")
            continue
        for d in r.active():
            mark = " [*]" if d.fix is not None and d.fix.safe else ""
            lines.append(f"{path}:{d.line}:{d.column}: {d.code}{mark} {d.message}")
    return "\n".join(lines) + ("\n" if lines else "")
