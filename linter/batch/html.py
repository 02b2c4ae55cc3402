"""The dashboard ``index.html`` and the unit pages ``units/NNNN.html``.

Opened straight from disk with no internet: every style, script and chart is inside the
file (the chart is inline SVG drawn here; the script only sorts and filters the table). The
matrix shows each checklist state as a colour *and* a symbol (✓ △ ✗ ？ —), so it prints in
black and white. Every piece of report text is escaped.

A unit page is written in two steps, so a report's text is never held for the whole run:
its body (what the tool understood, the checklist, the text with findings highlighted —
the clerk's page's fragments, ``linter.formats.report_html``) goes to ``NNNN.part`` as soon
as the report is checked; at the end the page gets its head (roster status, copies, last
year's plan) and the body is copied in.
"""
from __future__ import annotations

import os
import shutil
from html import escape

from ..formats.report_html import checklist_html, line_id, meta_html, report_text_html, stylesheet
from ..vocab import LEVEL_LABELS as LEVEL_NAMES, SHOWN_STATES, STATE_LABELS as STATE_NAMES, STATE_MARKS, \
    checklist_label as label

STATE_OF_CODE = {"P": "present", "W": "weak", "M": "missing", "N": "n/a", "U": "unknown"}
ON_TIME = {True: "按时", False: "逾期", None: "未知"}


def _e(value) -> str:
    return escape("" if value is None else str(value), quote=True)


def report_fragment(doc, result) -> str:
    """A unit page's body: the tool's reading, the checklist, the text with findings."""
    return meta_html(result) + checklist_html(result) + report_text_html(doc, result)


def unit_page_name(number: int) -> str:
    return f"units/{number:04d}.html"


def write_part(outdir: str, number: int, fragment: str) -> None:
    with open(os.path.join(outdir, unit_page_name(number)[:-5] + ".part"), "w", encoding="utf-8") as fh:
        fh.write(fragment)


_PAGE_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0 1.5em 3em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}
nav a{margin-right:1em}
table{border-collapse:collapse;font-size:.9em}
th,td{border:1px solid #bbb;padding:.2em .4em;text-align:left;vertical-align:top}
th{background:#eee;position:sticky;top:0}
th.sortable{cursor:pointer}th.sortable:after{content:" ⇅";color:#888}
th[aria-sort=ascending]:after{content:" ▲"}th[aria-sort=descending]:after{content:" ▼"}
td.st{text-align:center;font-weight:bold;min-width:1.4em}
.st-present{background:#d6f5d6;color:#185c18}.st-weak{background:#fff0c2;color:#7a5a00}
.st-missing{background:#f9d0d0;color:#8a1010}.st-unknown{background:#efeaf8;color:#5a4a8a}.st-n\\/a,.st-na{background:#f2f2f2;color:#777}
.status-已报送{color:#185c18}.status-逾期{color:#8a4b00;font-weight:bold}
.status-未报送{color:#8a1010;font-weight:bold}.status-无法读取{color:#8a1010}
.late{color:#8a4b00;font-weight:bold}.unread{color:#8a1010}
.matrix-wrap{overflow:auto;max-height:80vh}
#matrix td:first-child{min-width:12em}
th.item.sortable:not([aria-sort]):after{content:""}
th.item{writing-mode:vertical-rl;white-space:normal;font-weight:normal;max-height:11em;min-width:1.6em}
.filters{margin:.6em 0}.filters label{margin-right:1em}
.legend span{display:inline-block;padding:0 .4em;margin-right:.5em;border:1px solid #bbb}
.followed{color:#185c18}.not-found{color:#8a1010}
@media print{nav,.filters{display:none}.matrix-wrap{overflow:visible;max-height:none}th{position:static}}
"""

_SCRIPT = """
(function(){
  var table=document.getElementById('matrix');
  if(!table)return;
  var body=table.tBodies[0];
  function cellValue(row,i){var c=row.cells[i];var v=c.getAttribute('data-sort');return v===null?c.textContent:v;}
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){
    th.classList.add('sortable');
    th.addEventListener('click',function(){
      var asc=th.getAttribute('aria-sort')!=='ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells,function(o){o.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',asc?'ascending':'descending');
      var rows=Array.prototype.slice.call(body.rows);
      var numeric=rows.every(function(r){var v=cellValue(r,i);return v===''||!isNaN(Number(v));});
      rows.sort(function(a,b){var x=cellValue(a,i),y=cellValue(b,i);
        var d=numeric?(Number(x)-Number(y)):x.localeCompare(y,'zh');return asc?d:-d;});
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
  var text=document.getElementById('filter-text'),item=document.getElementById('filter-item'),
      time=document.getElementById('filter-time');
  function apply(){
    var q=text.value.trim(),it=item.value,tm=time.value,shown=0;
    Array.prototype.forEach.call(body.rows,function(r){
      var ok=(!q||r.getAttribute('data-search').indexOf(q)>=0)&&
             (!tm||r.getAttribute('data-time')===tm);
      if(ok&&it){var c=r.querySelector('td[data-item="'+it+'"]');ok=!!c&&c.getAttribute('data-state')==='missing';}
      r.hidden=!ok;if(ok)shown++;
    });
    document.getElementById('shown-count').textContent=shown;
  }
  [text,item,time].forEach(function(el){el.addEventListener('input',apply);el.addEventListener('change',apply);});
})();
"""


def _state_cell(item: str, state: str) -> str:
    cls = "st-na" if state == "n/a" else f"st-{state}"
    rank = SHOWN_STATES.index(state)
    return (f'<td class="st {cls}" data-item="{_e(item)}" data-state="{_e(state)}" data-sort="{rank}" '
            f'title="{_e(label(item))}：{_e(STATE_NAMES[state])}">{STATE_MARKS[state]}</td>')


def miss_chart(items: list[str], missing: dict[str, int], weak: dict[str, int], total: int) -> str:
    """Per checklist item, how many reports miss it (red) or write it weakly (amber): an
    inline SVG bar chart, most missed first."""
    rows = sorted(items, key=lambda i: (-missing.get(i, 0), -weak.get(i, 0), items.index(i)))
    rows = [i for i in rows if missing.get(i, 0) or weak.get(i, 0)]
    if not rows or not total:
        return "<p>没有缺项或较弱的项目。</p>"
    bar_h, label_w, width = 18, 260, 420
    height = bar_h * len(rows) + 24
    out = [f'<svg role="img" aria-label="各项目缺项单位数" '
           f'width="{label_w + width + 90}" height="{height}" font-size="12">']
    for n, item in enumerate(rows):
        y = n * bar_h + 4
        m, w = missing.get(item, 0), weak.get(item, 0)
        mw, ww = width * m / total, width * w / total
        out.append(f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end">{_e(label(item))}</text>'
                   f'<rect x="{label_w}" y="{y}" width="{mw:.1f}" height="{bar_h - 5}" fill="#d9534f">'
                   f'<title>{_e(label(item))}：缺失 {m}</title></rect>'
                   f'<rect x="{label_w + mw:.1f}" y="{y}" width="{ww:.1f}" height="{bar_h - 5}" fill="#f0ad4e">'
                   f'<title>{_e(label(item))}：较弱 {w}</title></rect>'
                   f'<text x="{label_w + mw + ww + 4:.1f}" y="{y + 12}">✗{m} △{w}</text>')
    out.append(f'<text x="{label_w}" y="{height - 4}" fill="#555">共 {total} 份报告；红：缺失（✗），黄：较弱（△）</text>')
    out.append("</svg>")
    return "".join(out)


def _page(title: str, body: str, extra_css: str = "", script: str = "") -> str:
    """A whole page around ``body``."""
    return ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            f"<title>{_e(title)}</title><style>{_PAGE_CSS}{extra_css}</style></head><body>{body}"
            + (f"<script>{script}</script>" if script else "") + "</body></html>")


def _copies_table(copies: list[dict], reports: list, link_prefix: str = "") -> str:
    if not copies:
        return "<p>没有发现雷同的报告。</p>"
    rows = []
    for c in copies:
        a, b = reports[c["a_index"]], reports[c["b_index"]]
        page_a, page_b = link_prefix + unit_page_name(a.number), link_prefix + unit_page_name(b.number)
        passages = "".join(
            f"<li><a href=\"{page_a}#{line_id(p['a_lines']['start'])}\">甲第{p['a_lines']['start']}–"
            f"{p['a_lines']['end']}行</a> ↔ <a href=\"{page_b}#{line_id(p['b_lines']['start'])}\">乙第"
            f"{p['b_lines']['start']}–{p['b_lines']['end']}行</a>：{_e(p['text'])}</li>" for p in c["shared"][:20])
        more = f"<li>……另 {len(c['shared']) - 20} 段</li>" if len(c["shared"]) > 20 else ""
        rows.append(f"<tr><td><a href=\"{link_prefix}{unit_page_name(a.number)}\">{_e(a.unit_name)}</a>"
                    f"（{_e(a.year or '？')}年）<br><small>{_e(a.path)}</small></td>"
                    f"<td><a href=\"{link_prefix}{unit_page_name(b.number)}\">{_e(b.unit_name)}</a>"
                    f"（{_e(b.year or '？')}年）<br><small>{_e(b.path)}</small></td>"
                    f"<td data-sort=\"{c['similarity']}\">{c['similarity'] * 100:.0f}%</td>"
                    f"<td>{_e(c['kind_label'])}</td><td><details><summary>{len(c['shared'])} 段相同文字</summary>"
                    f"<ul>{passages}{more}</ul></details></td></tr>")
    return ("<table id=\"copies\"><thead><tr><th>报告甲</th><th>报告乙</th><th>雷同比例（较短一份）</th>"
            "<th>类型</th><th>相同段落</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _promises_table(promises: list[dict], reports: list, link_prefix: str = "") -> str:
    if not promises:
        return "<p>没有同一单位连续两年的报告，无法对照上年安排。</p>"
    out = []
    for p in promises:
        earlier, later = reports[p["earlier_index"]], reports[p["later_index"]]
        followed = sum(1 for i in p["items"] if i["state"] == "followed")
        page_e, page_l = link_prefix + unit_page_name(earlier.number), link_prefix + unit_page_name(later.number)
        rows = "".join(
            f"<tr class=\"{_e(i['state'])}\"><td><a href=\"{page_e}#{line_id(i['line'])}\">第{i['line']}行</a></td>"
            f"<td>{_e(i['text'])}</td><td>{'✓ 已落实' if i['state'] == 'followed' else '✗ 未见落实'}</td><td>"
            + "<br>".join(f"<a href=\"{page_l}#{line_id(ev['line'])}\">第{ev['line']}行</a>：{_e(ev['text'])}"
                          for ev in i["evidence"]) + "</td></tr>"
            for i in p["items"])
        out.append(f"<h3>{_e(p['unit'])}：{_e(earlier.year)}年报告的工作安排 → "
                   f"<a href=\"{link_prefix}{unit_page_name(later.number)}\">{_e(later.year)}年报告</a>"
                   f"（{followed}/{len(p['items'])} 项见落实）</h3>"
                   "<table class=\"promises\"><thead><tr><th>上年报告位置</th><th>上年安排</th><th>落实情况</th>"
                   "<th>本年报告中的依据</th></tr></thead><tbody>" + rows + "</tbody></table>")
    return "".join(out)


def _roster_table(roster: list[dict], reports: list, link_prefix: str = "") -> str:
    rows = []
    for r in roster:
        links = "、".join(f"<a href=\"{link_prefix}{unit_page_name(reports[i].number)}\">{_e(reports[i].path)}</a>"
                         for i in r["report_indexes"]) or "—"
        rows.append(f"<tr><td>{_e(r['unit'] or '（未识别单位）')}</td><td>{_e(LEVEL_NAMES.get(r['level'], r['level'] or '—'))}</td>"
                    f"<td class=\"status-{_e(r['status'])}\">{_e(r['status'])}</td>"
                    f"<td>{'是' if r['on_roster'] else '否（名单外）'}</td><td>{_e(r['deadline'] or '—')}</td>"
                    f"<td>{links}</td></tr>")
    return ("<table id=\"roster\"><thead><tr><th>单位</th><th>层级</th><th>报送情况</th><th>在名单内</th>"
            "<th>截止日期</th><th>报告</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def write_dashboard(path: str, overview) -> None:
    """Write ``index.html`` piece by piece (a national folder's matrix is never one string)."""
    with open(path, "w", encoding="utf-8") as fh:
        for piece in dashboard_pieces(overview):
            fh.write(piece)


def dashboard_pieces(overview):
    """``index.html`` as a stream of strings: head, one matrix row at a time, the rest."""
    reports, items = overview.reports, overview.items
    status_counts = overview.status_counts()
    summary = "，".join(f"{k} {v} 个" for k, v in status_counts.items() if v)
    head = (f"<h1>法治政府建设年度报告汇总</h1><p>共 {len(reports)} 份报告，{overview.unit_count()} 个单位"
            f"（报送年度 {_e(overview.year or '—')}）。报送情况：{_e(summary or '—')}。"
            f"雷同 {len(overview.copies)} 对。</p>"
            "<nav><a href=\"#sec-matrix\">总览</a><a href=\"#sec-chart\">缺项统计</a><a href=\"#sec-roster\">报送情况</a>"
            "<a href=\"#sec-copies\">雷同</a><a href=\"#sec-promises\">上年安排落实</a></nav>")
    legend = ("<p class=\"legend\">" + "".join(
        f"<span class=\"{'st-na' if s == 'n/a' else 'st-' + s}\">{STATE_MARKS[s]} {STATE_NAMES[s]}</span>"
        for s in ("present", "weak", "missing", "unknown", "n/a")) + "</p>")
    options = "".join(f"<option value=\"{_e(i)}\">缺：{_e(label(i))}</option>" for i in items)
    filters = ("<div class=\"filters\"><label>查找单位或文件 <input id=\"filter-text\" type=\"search\"></label>"
               f"<label>只看 <select id=\"filter-item\"><option value=\"\">全部项目</option>{options}</select></label>"
               "<label>报送时间 <select id=\"filter-time\"><option value=\"\">全部</option>"
               "<option value=\"按时\">按时</option><option value=\"逾期\">逾期</option>"
               "<option value=\"未知\">未知</option><option value=\"无法读取\">无法读取</option></select></label>"
               f"显示 <span id=\"shown-count\">{len(reports)}</span> / {len(reports)} 份</div>")
    th = ("<tr><th>单位</th><th>年度</th><th>层级</th><th>日期</th><th>按时</th>"
          "<th title=\"错误\">错误</th><th title=\"警告\">警告</th><th title=\"提示\">提示</th>"
          + "".join(f"<th class=\"item\" title=\"{_e(label(i))}\">{_e(label(i))}</th>" for i in items) + "</tr>")
    page_head, page_tail = _page("法治政府建设年度报告汇总", "\0", script=_SCRIPT).split("\0")
    yield page_head + head
    yield (f"<section id=\"sec-matrix\"><h2>总览：单位 × 检查项目</h2>{legend}{filters}"
           f"<div class=\"matrix-wrap\"><table id=\"matrix\"><thead>{th}</thead><tbody>")
    for r in reports:
        page = unit_page_name(r.number)
        search = _e(f"{r.unit_name} {r.path}")
        if r.error:
            yield (
                f"<tr data-search=\"{search}\" data-time=\"无法读取\"><td><a href=\"{page}\">{_e(r.unit_name)}</a>"
                f"<br><small>{_e(r.path)}</small></td><td></td><td></td><td></td><td class=\"unread\">无法读取</td>"
                f"<td data-sort=\"\"></td><td data-sort=\"\"></td><td data-sort=\"\"></td>"
                f"<td colspan=\"{len(items)}\" class=\"unread\">{_e(r.error['message'])}</td></tr>")
            continue
        states = r.states()
        cells = "".join(_state_cell(i, states.get(i, "n/a")) for i in items)
        time = ON_TIME[r.on_time]
        yield (
            f"<tr data-search=\"{search}\" data-time=\"{time}\"><td><a href=\"{page}\">{_e(r.unit_name)}</a>"
            f"<br><small>{_e(r.path)}</small></td><td>{_e(r.year or '')}</td>"
            f"<td>{_e(LEVEL_NAMES.get(r.level, r.level or ''))}</td><td>{_e(r.date or '')}</td>"
            f"<td class=\"{'late' if r.on_time is False else ''}\">{time}</td>"
            f"<td>{r.counts['error']}</td><td>{r.counts['warning']}</td><td>{r.counts['info']}</td>{cells}</tr>")
    yield "</tbody></table></div></section>"
    missing, weak = overview.item_counts()
    readable = sum(1 for r in reports if not r.error)
    chart = f"<section id=\"sec-chart\"><h2>各项目缺项单位数</h2>{miss_chart(items, missing, weak, readable)}</section>"
    roster = f"<section id=\"sec-roster\"><h2>报送情况</h2>{_roster_table(overview.roster, reports)}</section>"
    copies = f"<section id=\"sec-copies\"><h2>雷同</h2>{_copies_table(overview.copies, reports)}</section>"
    promises = (f"<section id=\"sec-promises\"><h2>上年安排落实</h2>"
                f"{_promises_table(overview.promises, reports)}</section>")
    yield chart + roster + copies + promises + page_tail


def finish_unit_page(outdir: str, overview, r) -> None:
    """Write ``units/NNNN.html``: the head known only at the end, then the stored body."""
    target = os.path.join(outdir, unit_page_name(r.number))
    part = target[:-5] + ".part"
    status = overview.status_of_report(r)
    head = [f"<p><a href=\"../index.html\">← 返回汇总</a></p><h1>{_e(r.unit_name)}</h1>",
            f"<p>文件：{_e(r.path)}　报送情况：<span class=\"status-{_e(status)}\">{_e(status)}</span>"
            f"　日期：{_e(r.date or '未识别')}</p>"]
    if r.error:
        head.append(f"<p class=\"unread\">无法读取：{_e(r.error['message'])}</p>")
    mine = [c for c in overview.copies if r.index in (c["a_index"], c["b_index"])]
    if mine:
        head.append("<h2>雷同</h2>" + _copies_table(mine, overview.reports, "../"))
    plans = [p for p in overview.promises if r.index in (p["earlier_index"], p["later_index"])]
    if plans:
        head.append("<h2>上年安排落实</h2>" + _promises_table(plans, overview.reports, "../"))
    with open(target, "w", encoding="utf-8") as out:
        page_head, page_tail = _page(f"{r.unit_name} — 法治政府建设年度报告", "\0", stylesheet()).split("\0")
        out.write(page_head)
        out.write("".join(head))
        if os.path.exists(part):
            with open(part, encoding="utf-8") as fh:
                shutil.copyfileobj(fh, out)
            os.remove(part)
        out.write(page_tail)
