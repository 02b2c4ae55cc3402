"""JUnit XML for CI dashboards (GitLab, Jenkins, Azure): one test suite per report.

- One test case per checklist item. It fails when the item has active findings at or
  above the fail level (``--fail-on``); it is skipped when the item is n/a, or when every
  finding on it is waived (the justification is the skip message). A missing/weak item
  whose findings are all below the fail level, or whose rules were switched off
  (``--select``/``--ignore``), passes with its state in ``system-out``. So the failures
  agree with the exit code.
- One more test case per report, "其他问题", for findings not tied to a checklist item.
- A report that could not be read is one test case with an ``error``.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from ..vocab import SEVERITY_LABELS as _SEVERITY, SEVERITY_RANK, STATE_LABELS as _STATE, \
    checklist_label as label
from ._paths import display_path

OTHER = "其他问题（不对应检查清单）"


def _line(d) -> str:
    text = f"第{d.line}行第{d.column}列 {d.code} {_SEVERITY[d.severity]}：{d.message}"
    if d.basis:
        text += f"（依据：{d.basis}）"
    return text


def render(results, options) -> str:
    floor = SEVERITY_RANK.get(options.fail_on, 2)
    root = ET.Element("testsuites", name="fzlint")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for r in results:
        path = display_path(r.path, options.base)
        suite = ET.SubElement(root, "testsuite", name=path)
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}

        def case(name):
            counts["tests"] += 1
            return ET.SubElement(suite, "testcase", classname=path, name=name, time="0")

        if r.error:
            tc = case("读取报告")
            ET.SubElement(tc, "error", message=r.error["message"], type=r.error.get("code", "read-error")).text = \
                f"{path}: 无法读取：{r.error['message']}"
            counts["errors"] += 1
        else:
            items = r.checklist or {}
            tied: dict[str, list] = {item: [] for item in items}
            other = []
            for d in r.diagnostics:
                (tied[d.checklist] if d.checklist in tied else other).append(d)
            for item, entry in items.items():
                tc = case(f"{item} {label(item)}")
                ds = tied[item]
                active = [d for d in ds if not d.suppressed]
                failing = [d for d in active if SEVERITY_RANK[d.severity] >= floor]
                state = _STATE.get(entry.shown_state, entry.state)
                if entry.state == "n/a" and not active:
                    ET.SubElement(tc, "skipped", message=state)
                    counts["skipped"] += 1
                elif failing:
                    message, kind = failing[0].message, failing[0].severity
                    body = [f"检查清单：{label(item)}：{state}"] + [_line(d) for d in active]
                    ET.SubElement(tc, "failure", message=message, type=kind).text = "\n".join(body)
                    counts["failures"] += 1
                elif ds and not active:
                    w = ds[0].waiver or {}
                    ET.SubElement(tc, "skipped", message=f"已豁免：{w.get('justification', '')}")
                    counts["skipped"] += 1
                elif active or entry.state in ("missing", "weak"):
                    ET.SubElement(tc, "system-out").text = "\n".join(
                        [f"检查清单：{label(item)}：{state}"] + [_line(d) for d in active])
            tc = case(OTHER)
            active = [d for d in other if not d.suppressed]
            failing = [d for d in active if SEVERITY_RANK[d.severity] >= floor]
            if failing:
                ET.SubElement(tc, "failure", message=f"{len(failing)} 个问题",
                              type=failing[0].severity).text = "\n".join(_line(d) for d in active)
                counts["failures"] += 1
            elif active:
                ET.SubElement(tc, "system-out").text = "\n".join(_line(d) for d in active)
            if r.notices:
                ET.SubElement(suite, "system-out").text = "\n".join(r.notices)
        for k, v in counts.items():
            suite.set(k, str(v))
            totals[k] += v
    for k, v in totals.items():
        root.set(k, str(v))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
