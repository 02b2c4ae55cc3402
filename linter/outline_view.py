"""``fzlint outline``: how the tool understood a report, in plain Chinese."""
from __future__ import annotations

_KIND = {"measures": "主要举措和成效", "shortcomings": "存在的不足", "frp": "第一责任人履职情况",
         "plan": "下一年度工作安排", "other": "其他"}
_LEVEL = {"township": "乡镇（街道）", "county": "县（区）", "city": "地级市", "province": "省级",
          "department": "政府部门"}
_SOURCE = {"title": "取自标题", "body": "标题中没有年度，从正文推断", "date": "从落款日期推断",
           "override": "由命令行指定"}


def render_outline(analysis) -> str:
    m = analysis.meta
    out = [f"文件：{analysis.doc.path}（{analysis.doc.format}）",
           f"标题：{m.title or '未识别'}" + (f"（第{'、'.join(map(str, m.title_lines))}行）" if m.title_lines else ""),
           f"单位：{m.issuer or '未识别'}",
           f"年度：{m.report_year or '未识别'}" + (f"（{_SOURCE.get(m.year_source, m.year_source)}）" if m.year_source else ""),
           f"层级：{_LEVEL.get(m.level, '未识别')}",
           f"日期：{m.date or '未识别'}",
           f"规则集：{m.ruleset}", "", "结构："]
    for p in analysis.outline.parts:
        flags = [w for w, on in (("嵌在其他部分中", p.embedded), ("按主题命名", p.themed),
                                  ("与其他部分合并", p.combined)) if on]
        indent = "    " if p.embedded else "  "
        out.append(f"{indent}第{p.start}-{p.end}行  [{_KIND[p.kind]}] {p.title}"
                   + (f"（{'，'.join(flags)}）" if flags else ""))
    if not analysis.outline.parts:
        out.append("  未识别出任何一级标题")
    return "\n".join(out)
