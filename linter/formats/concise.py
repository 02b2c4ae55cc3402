"""``path:line:col: CODE message`` — one finding per line, for editors' quickfix lists."""
from ._paths import display_path


def render(results, options) -> str:
    lines = []
    for r in results:
        path = display_path(r.path, options.base)
        if r.error:
            lines.append(f"{path}:1:1: {r.error['code']} {r.error['message']}")
            continue
        for d in r.active():
            lines.append(f"{path}:{d.line}:{d.column}: {d.code} {d.message}")
    return "\n".join(lines) + ("\n" if lines else "")
