"""One JSON object per line: each diagnostic with its file's path (waived ones included,
``suppressed: true``), and ``{"path", "error"}`` for a file that could not be read."""
import json

from ._paths import display_path


def render(results, options) -> str:
    lines = []
    for r in results:
        path = display_path(r.path, options.base)
        if r.error:
            lines.append(json.dumps({"path": path, "error": r.error}, ensure_ascii=False))
            continue
        for d in r.diagnostics:
            lines.append(json.dumps({"path": path, **d.to_dict()}, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
