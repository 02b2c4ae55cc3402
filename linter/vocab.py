"""The project's vocabulary: every id a user sees and its one Chinese label.

One table each, here and nowhere else, so the text output, the outline view, the web page, the
Word comments and the district matrix say the same words. The checklist catalogue (item ids,
labels and their order) is data: ``rules/data/checklist.yaml``.
"""
from __future__ import annotations

import functools

from .data import read_yaml

# -- severities ------------------------------------------------------------------------------
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}

# -- checklist states ------------------------------------------------------------------------
STATES = ("present", "weak", "missing", "n/a")
# "unknown" is shown, not stored: an n/a entry noted "unknown" (ChecklistEntry.shown_state)
STATE_LABELS = {"present": "已写明", "weak": "较弱", "missing": "缺失", "n/a": "不适用", "unknown": "未能判断"}
STATE_MARKS = {"present": "✓", "weak": "△", "missing": "✗", "n/a": "—", "unknown": "？"}
# the order every view groups a checklist in: what needs work first
SHOWN_STATES = ("missing", "weak", "unknown", "present", "n/a")
STATE_RANK = {"missing": 0, "weak": 1, "present": 2}   # worst first: the worst reading wins

# -- levels of government --------------------------------------------------------------------
LEVELS = ("township", "county", "city", "province", "department")
LEVEL_LABELS = {"township": "乡镇（街道）", "county": "县（区、县级市）", "city": "地级市",
                "province": "省级", "department": "政府部门"}
# how people write a level where fzlint asks for one (--level, a roster's level column)
LEVEL_WORDS = {"乡镇": "township", "乡镇（街道）": "township", "街道": "township", "镇": "township", "乡": "township",
               "县": "county", "区": "county", "县级": "county", "县（区）": "county", "县（区、县级市）": "county",
               "县级市": "county", "市": "city", "地级市": "city", "市级": "city", "省": "province",
               "省级": "province", "部门": "department", "政府部门": "department"}
UNKNOWN = "未识别"
# what ``fzlint annotate`` names its copy of 报告.docx (or .txt, .pdf …): 报告.批注.docx
ANNOTATED_SUFFIX = ".批注.docx"
# the file ``fzlint report`` leaves in its output folder: a folder holding it is fzlint's own
# pages (index.html, units/…), which a later ``check`` or ``report`` of a parent folder skips
OVERVIEW_MARKER = ".fzlint-overview"

# -- the five parts of a report (督察规定 第二十五条) -----------------------------------------
PART_KINDS = ("measures", "shortcomings", "frp", "plan", "other")
PART_LABELS = {"measures": "主要举措和成效", "shortcomings": "存在的不足", "frp": "第一责任人履职情况",
               "plan": "下一年度工作安排", "other": "其他"}

# -- rule families: the letter of a rule code (rules/data/families.yaml) ----------------------
_FAMILY_DATA = read_yaml("families.yaml")["families"]
FAMILIES = {f["id"]: f["label"] for f in _FAMILY_DATA}
FAMILY_SUMMARIES = {f["id"]: f["summary"] for f in _FAMILY_DATA}

# -- how sure a rule's basis is (requirements.md: V verified, P partly, R recalled) ------------
CONFIDENCE_LABELS = {"V": "已核实", "P": "部分核实", "R": "凭记忆，未核实原文（因此规则保持为警告或提示）"}


def level_label(level: str | None) -> str:
    return LEVEL_LABELS.get(level, UNKNOWN) if level else UNKNOWN


# -- the checklist catalogue ------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def checklist_items() -> dict[str, str]:
    """Checklist ids → Chinese labels, in the order users see them (rules/data/checklist.yaml)."""
    return {entry["id"]: entry["label"] for entry in read_yaml("checklist.yaml")["items"]}


# Items a bureau profile adds (local.<name>): labelled by the profile that defines them.
LOCAL_LABELS: dict[str, str] = {}


def checklist_label(item: str) -> str:
    return checklist_items().get(item) or LOCAL_LABELS.get(item, item)
