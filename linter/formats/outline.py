"""``fzlint outline``: how the tool understood a report, in plain Chinese."""
from __future__ import annotations

from ..vocab import PART_LABELS, level_label

_SOURCE = {"title": "取自标题", "body": "标题中没有年度，从正文推断", "date": "从落款日期推断",
           "override": "由命令行指定"}
_ISSUER_SOURCE = {"signature": "取自落款", "title": "取自标题", "byline": "取自标题下的署名", "body": "取自正文开头", "field": "取自网页信息栏"}
_DATE_SOURCE = {"signature": "取自落款", "title": "取自标题下的日期", "field": "取自成文日期"}
_LEVEL_SOURCE = {"issuer": "按单位名称", "title": "按标题", "body": "按正文自称（我镇、我局等）",
                 "override": "由命令行指定"}


def _note(mapping: dict, key) -> str:
    return f"（{mapping.get(key, key)}）" if key else ""


def render_outline(analysis) -> str:
    m = analysis.meta
    issuer = m.issuer or "未识别"
    others = [n for n in (getattr(m, "issuers", None) or []) if n != m.issuer]
    if others:
        issuer += f"（联合署名：{'、'.join(others)}）"
    out = [f"文件：{analysis.doc.path}（{analysis.doc.format}）",
           f"标题：{m.title or '未识别'}" + (f"（第{'、'.join(map(str, m.title_lines))}行）" if m.title_lines else ""),
           f"单位：{issuer}" + _note(_ISSUER_SOURCE, getattr(m, "issuer_source", None) if m.issuer else None),
           f"年度：{m.report_year or '未识别'}" + _note(_SOURCE, m.year_source if m.report_year else None),
           f"层级：{level_label(m.level)}" + _note(_LEVEL_SOURCE, m.level_source if m.level else None),
           f"日期：{m.date or '未识别'}" + _note(_DATE_SOURCE, m.date_source if m.date else None),
           f"规则集：{m.ruleset}", "", "结构："]
    outline = analysis.outline
    for p in outline.parts:
        flags = [w for w, on in (("嵌在其他部分中", p.embedded), ("按主题命名", p.themed),
                                  ("与其他部分合并", p.combined),
                                  ("标题写明原因", getattr(p, "names_causes", False))) if on]
        outer = getattr(p, "outer_start", None)
        if p.combined and outer is not None and outer != p.start:
            flags[flags.index("与其他部分合并")] = f"与其他部分合并，见第{outer}行"
        indent = "    " if p.embedded else "  "
        out.append(f"{indent}第{p.start}-{p.end}行  [{PART_LABELS[p.kind]}] {p.title}"
                   + (f"（{'，'.join(flags)}）" if flags else ""))
        if not p.embedded and p.heading is not None:
            for child in p.heading.children:
                if child.list_item or child.line > p.end:
                    continue
                out.append(f"{indent}    第{child.line}行  {child.label}{child.title}")
    if not outline.parts:
        out.append("  未识别出任何一级标题")
    return "\n".join(out)
