"""Fold rules' observations into the stable checklist (present / weak / missing / n/a).

Several rules may read the same item; the worst reading wins (missing over weak over
present) and n/a stands only when every reading is n/a. Ids are a contract: the order
below is the order users see.
"""
from __future__ import annotations

from ..document.result import ChecklistEntry, Observation

ITEMS = {
    "section.measures": "主要举措和成效",
    "section.shortcomings": "存在的不足",
    "section.causes": "不足的原因分析",
    "section.frp": "党政主要负责人履行第一责任人职责情况",
    "section.plan": "下一年度工作安排",
    "section.other": "其他需要报告的情况",
    "frp.four-personally": "四个亲自",
    "frp.report-law": "述法",
    "frp.study-law": "领导干部学法（含次数）",
    "frp.court-appearance": "行政机关负责人出庭应诉",
    "frp.special-study": "专题研究法治建设",
    "enforcement.publicity": "行政执法公示制度",
    "enforcement.recording": "执法全过程记录制度",
    "enforcement.legal-review": "重大执法决定法制审核制度",
    "enforcement.discretion": "行政裁量权基准",
    "enforcement.leniency": "轻微违法免罚与包容审慎监管",
    "enforcement.personnel": "执法人员资格与培训",
    "enforcement.integrated": "乡镇综合行政执法",
    "popularization.whoever-enforces": "谁执法谁普法",
    "popularization.constitution": "宪法宣传",
    "popularization.civil-code": "民法典宣传",
    "popularization.legal-literate": "法律明白人",
    "popularization.current-plan": "现行普法规划",
    "popularization.demo-village": "民主法治示范村（社区）",
    "popularization.youth": "青少年法治教育",
    "decision.major-procedure": "重大行政决策程序",
    "decision.legal-advisor": "法律顾问／公职律师",
    "evidence.quantified": "举措有具体数据",
    "evidence.plan-linked": "下一年度安排回应存在的不足",
    "outline.power-list": "权责清单",
    "outline.normative-documents": "行政规范性文件管理",
    "outline.disputes": "矛盾纠纷化解",
    "outline.reconsideration": "行政复议与应诉",
    "outline.openness": "政务公开",
    "outline.supervision": "行政权力制约监督",
    "outline.digital": "数字法治政府",
    "outline.emergency": "突发事件应对",
    "outline.business-environment": "法治化营商环境",
    "outline.assessment": "法治建设考核与督察",
    "time.deadline": "按时报送和公开",
    "time.current-references": "引用的文件和提法现行有效",
}
_RANK = {"missing": 0, "weak": 1, "present": 2}


def fold(observations: list[Observation]) -> dict[str, ChecklistEntry]:
    grouped: dict[str, list[Observation]] = {}
    for obs in observations:
        grouped.setdefault(obs.item, []).append(obs)
    order = {item: i for i, item in enumerate(ITEMS)}
    result = {}
    for item in sorted(grouped, key=lambda k: (order.get(k, len(order)), k)):
        result[item] = _combine(grouped[item])
    return result


def _combine(readings: list[Observation]) -> ChecklistEntry:
    live = [o for o in readings if o.state != "n/a"]
    if not live:
        return ChecklistEntry("n/a", [], [o.code for o in readings])
    state = min((o.state for o in live), key=lambda s: _RANK[s])
    evidence, seen = [], set()
    for o in live:
        for e in o.evidence:
            if e.line not in seen:
                seen.add(e.line)
                evidence.append(e)
    evidence.sort(key=lambda e: e.line)
    return ChecklistEntry(state, evidence, [o.code for o in live])


def label(item: str) -> str:
    return ITEMS.get(item, item)
