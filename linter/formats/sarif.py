"""SARIF 2.1.0, as GitHub code scanning accepts it (``github/codeql-action/upload-sarif``).

- One run; ``tool.driver`` carries name, version and every rule of the
  rule sets in use (id, name, short/full description, help with the explanation and the
  legal basis, default level).
- Each finding: ruleId, ruleIndex, level (error / warning / note), message.text, one
  location with a path relative to ``%SRCROOT%`` (the folder fzlint ran in) and a region
  in lines and columns (columns count Unicode characters: ``columnKind`` is
  ``unicodeCodePoints``), and ``partialFingerprints`` from the rule code and the paragraph
  text, so an alert survives edits elsewhere in the report.
- A waived finding carries ``suppressions: [{kind: external, status: accepted,
  justification}]`` (expiry, approver and the waiver's source under ``properties``).
- Files that could not be read, and per-file notices (expired waivers, rule-set notes),
  are ``invocations[0].toolExecutionNotifications``.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import quote

from ._fingerprint import fingerprints
from ._paths import display_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "fzlintParagraphHash/v1"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_PRECISION = {"V": "high", "P": "medium", "R": "low"}
_TAGS = {"S": "structure", "R": "first-responsible-person", "E": "enforcement",
         "P": "law-popularization", "O": "outline-coverage", "T": "timeliness",
         "L": "law-citation", "F": "typography", "Q": "quality", "X": "personal-data"}
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def render(results, options) -> str:
    return json.dumps(to_sarif(results, options), ensure_ascii=False, indent=2) + "\n"


def to_sarif(results, options) -> dict:
    rules, index = _rules(results, options)
    sarif_results, notifications = [], []
    for r in results:
        location = _location(r.path, options.base)
        if r.error:
            notifications.append({
                "level": "error",
                "message": {"text": f"无法读取：{r.error['message']}"},
                "descriptor": {"id": r.error.get("code", "read-error")},
                "locations": [location]})
            continue
        for notice in r.notices:
            notifications.append({"level": "note", "message": {"text": notice},
                                  "descriptor": {"id": "notice"}, "locations": [location]})
        for d, fp in zip(r.diagnostics, fingerprints(r.diagnostics)):
            sarif_results.append(_result(d, fp, index[d.code], r.path, options))
    run = {
        "tool": {"driver": {"name": "fzlint", "version": options.version or _version(),
                            "semanticVersion": options.version or _version(),
                            "rules": rules}},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(os.path.abspath(options.base)).as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
        "results": sarif_results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _version() -> str:
    from ..data import VERSION
    return VERSION


def _rules(results, options) -> tuple[list[dict], dict[str, int]]:
    described = dict(options.rules)
    for r in results:                       # a finding whose rule the front end did not pass
        for d in r.diagnostics:
            described.setdefault(d.code, d)
    rules, index = [], {}
    for code in sorted(described):
        index[code] = len(rules)
        rules.append(_rule(described[code]))
    return rules, index


def _rule(rule) -> dict:
    """A reportingDescriptor from a Rule (or, lacking one, from a Diagnostic)."""
    explanation = getattr(rule, "explanation", "") or rule.message
    short = _PLACEHOLDER.sub("…", rule.message)
    help_text = explanation + (f"\n\n依据：{rule.basis}" if rule.basis else "")
    suggestion = _PLACEHOLDER.sub("…", getattr(rule, "suggestion", "") or "")
    if suggestion:
        help_text += f"\n\n怎么改：{suggestion}"
    help_md = f"{explanation}\n\n**依据：** {rule.basis}" if rule.basis else explanation
    if suggestion:
        help_md += f"\n\n**怎么改：** {suggestion}"
    desc = {
        "id": rule.code, "name": rule.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": explanation},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": [_TAGS.get(rule.code[0], "other")]},
    }
    if getattr(rule, "checklist", None):
        desc["properties"]["checklist"] = rule.checklist
    if getattr(rule, "confidence", None):
        desc["properties"]["precision"] = _PRECISION.get(rule.confidence, "medium")
    if getattr(rule, "url", ""):
        desc["helpUri"] = rule.url
    return desc


def _uri(path: str, base: str) -> tuple[str, bool]:
    shown = display_path(path, base)
    if os.path.isabs(shown):
        return Path(shown).as_uri(), False
    return quote(shown, safe="/"), True


def _location(path: str, base: str, region: dict | None = None) -> dict:
    uri, relative = _uri(path, base)
    artifact = {"uri": uri}
    if relative:
        artifact["uriBaseId"] = "%SRCROOT%"
    physical = {"artifactLocation": artifact}
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def _region(d) -> dict:
    line = max(1, d.line)
    column = max(1, d.column)
    end_line = max(line, d.end_line or line)
    end_column = max(1, d.end_column or column)
    if end_line == line and end_column < column:
        end_column = column
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(d, fingerprint: str, rule_index: int, path: str, options) -> dict:
    text = d.message + (f"\n建议：{d.suggestion}" if d.suggestion else "")
    res = {
        "ruleId": d.code, "ruleIndex": rule_index, "level": _LEVEL[d.severity],
        "message": {"text": text},
        "locations": [_location(path, options.base, _region(d))],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {k: v for k, v in (("basis", d.basis), ("checklist", d.checklist)) if v},
    }
    if d.fix is not None:
        res["properties"]["fixable"] = "safe" if d.fix.safe else "unsafe"
    if d.suppressed:
        w = d.waiver or {}
        res["suppressions"] = [{
            "kind": "external", "status": "accepted",
            "justification": w.get("justification", ""),
            "properties": {k: v for k, v in w.items() if k != "justification"}}]
    return res
