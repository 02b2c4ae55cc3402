"""GitLab Code Quality report (a JSON array, ``artifacts: reports: codequality``).

Each active finding: description, check_name (the rule code), fingerprint (unique per
finding, stable across unrelated edits), severity (error → critical, warning → major,
info → minor), location.path and location.lines.begin/end. Waived findings are left out
(GitLab has no notion of an accepted finding); an unreadable file is one ``critical``
entry at line 1.
"""
import hashlib
import json

from ._fingerprint import fingerprints
from ._paths import display_path

_SEVERITY = {"error": "critical", "warning": "major", "info": "minor"}


def render(results, options) -> str:
    issues = []
    for r in results:
        path = display_path(r.path, options.base)
        if r.error:
            issues.append({
                "type": "issue", "check_name": f"fzlint/{r.error.get('code', 'read-error')}",
                "description": f"无法读取：{r.error['message']}", "categories": ["Bug Risk"],
                "fingerprint": hashlib.md5(f"{path}\0error".encode("utf-8")).hexdigest(),
                "severity": "critical", "location": {"path": path, "lines": {"begin": 1, "end": 1}}})
            continue
        for d, fp in zip(r.diagnostics, fingerprints(r.diagnostics)):
            if d.suppressed:
                continue
            issues.append({
                "type": "issue", "check_name": d.code,
                "description": f"{d.code} {d.message}", "categories": ["Clarity"],
                "fingerprint": hashlib.md5(f"{path}\0{fp}".encode("utf-8")).hexdigest(),
                "severity": _SEVERITY[d.severity],
                "location": {"path": path, "lines": {"begin": d.line, "end": max(d.end_line, d.line)}}})
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
