"""GitHub Actions workflow commands: one annotation per active finding.

``::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::message``; error →
``error``, warning → ``warning``, info → ``notice``. Values are escaped as the Actions
runner expects: in the message ``%``, ``\\r``, ``\\n``; in properties also ``:`` and ``,``.
Unreadable files are ``::error`` annotations on the file; waived findings are left out.
"""
from ._paths import display_path

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, props: dict, message: str) -> str:
    args = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{level} {args}::{escape_data(message)}"


def item(r, options, n: int = 0) -> str:
    lines = []
    path = display_path(r.path, options.base)
    if r.error:
        lines.append(_command("error", {"file": path, "title": f"fzlint {r.error['code']}"},
                              f"无法读取：{r.error['message']}"))
        return lines[0] + "\n"
    for notice in r.notices:
        lines.append(_command("notice", {"file": path, "title": "fzlint"}, notice))
    for d in r.active():
        props = {"file": path, "line": d.line, "col": d.column,
                 "endLine": max(d.end_line, d.line), "endColumn": d.end_column,
                 "title": f"{d.code} {d.name}"}
        message = d.message
        if d.suggestion:
            message += f"\n建议：{d.suggestion}"
        if d.basis:
            message += f"\n依据：{d.basis}"
        lines.append(_command(_LEVEL[d.severity], props, message))
    return "".join(line + "\n" for line in lines)


def render(results, options=None) -> str:
    """The whole output for a list of results (the format also streams: see formats/__init__)."""
    from . import render as render_all
    return render_all("github", results, options)
