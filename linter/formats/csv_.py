"""CSV for Excel: one row per finding (waived ones included, ``suppressed`` = true).

UTF-8 with a byte-order mark and CRLF line ends, so Excel opens Chinese text correctly.
Columns: path, line, column, code, name, severity, message, basis, checklist, suppressed,
then suggestion, fixable, justification (of the waiver), issuer, report_year. A file
that could not be read is one row with its error code and message. Cells that Excel
would run as a formula (starting with = + @) are prefixed with an apostrophe.
"""
import csv
import io

from ._paths import display_path

COLUMNS = ("path", "line", "column", "code", "name", "severity", "message", "basis", "checklist",
           "suppressed", "suggestion", "fixable", "justification", "issuer", "report_year")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "@") else text


def _rows(rows) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerows(rows)
    return buf.getvalue()


def head(options) -> str:
    return "\ufeff" + _rows([COLUMNS])


def item(r, options, n: int = 0) -> str:
    path = display_path(r.path, options.base)
    meta = r.meta or {}
    if r.error:
        return _rows([[_cell(v) for v in (path, "", "", r.error.get("code"), "unreadable", "error",
                                          r.error.get("message"), "", "", False, "", "", "", "", "")]])
    rows = []
    for d in r.diagnostics:
        fixable = "" if d.fix is None else ("safe" if d.fix.safe else "unsafe")
        row = (path, d.line, d.column, d.code, d.name, d.severity, d.message, d.basis, d.checklist,
               d.suppressed, d.suggestion, fixable, (d.waiver or {}).get("justification", ""),
               meta.get("issuer"), meta.get("report_year"))
        rows.append([_cell(v) for v in row])
    return _rows(rows)


def render(results, options=None) -> str:
    """The whole output for a list of results (the format also streams: see formats/__init__)."""
    from . import render as render_all
    return render_all("csv", results, options)
