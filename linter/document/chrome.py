"""Recognise lines that belong to a web page around the report, not to the report.

Reports copied from government sites carry navigation bars, breadcrumbs, metadata
blocks (索引号, 发布机构 …), share widgets and footers. Those lines are marked as chrome so
no rule reads them as content (a date in a site header is not the report's date). The
metadata block's 成文日期 stays readable to ``meta`` (it is the report's own date), but as
chrome it is never report text.
"""
from __future__ import annotations

import re

from ..text.literals import FirstCharacter

# Field names of a site's metadata block. Sites pad short names to one width with spaces
# ("标  题", "发 布 机 构"), so each name matches with spaces between its characters.
FIELD_NAMES = ("索引号", "发文字号", "主题分类", "体裁分类", "发布机构", "有效性", "成文日期", "发布日期",
               "文号", "发文机关", "发文日期", "信息分类", "公开方式", "公开范围", "公开时限", "组配分类",
               "所属机构", "生成日期", "标题", "文件名称", "发文单位", "信息索引号", "发布单位")


def spaced(name: str) -> str:
    """A regex for a field name, with optional spaces between its characters."""
    return r"\s*".join(map(re.escape, name))


_FIELDS = "|".join(spaced(n) for n in sorted(FIELD_NAMES, key=len, reverse=True))
# Some sites set a field's value after a space instead of a colon ("所属机构 某某街道办事处");
# only the longer names, whose value then holds no sentence mark ("标题 …" could be prose).
# (有效性 too: its value is 有效 or 失效, and a flattened table sets it after a tab)
_LONG_FIELDS = "|".join(map(re.escape, sorted((n for n in FIELD_NAMES if len(n) >= 4 or n in ("索引号", "有效性")),
                                              key=len, reverse=True)))
# A page's own fields: "来源：…", "浏览次数：…"
_PAGE_FIELDS = (r"日期|时间|发布时间|发布日期|更新时间|来源|文章来源|信息来源|栏目|点击数|浏览次数|阅读次数|访问量|"
                r"作者|编辑|责任编辑|审核|字号|主办|承办|协办|地址|联系电话|联系方式|邮编|传真|备案号")
# The alternatives of a chrome line (each matched from the line's start to its end).
_PLAIN = (
    # the metadata block: "[ 索引号 ] …", "【发布机构】…", "索引号：…", "| 索引号: | … |"
    r"[\[【]\s*(?:" + _FIELDS + r")\s*[\]】].*",
    # the field and its value in one bracket: "【发布单位：某某厅】　【发布时间：2021-03-05】"
    r"[\[【]\s*(?:" + _FIELDS + r"|" + _PAGE_FIELDS + r")\s*[:：][^\]】\n]{0,60}[\]】].*",
    r"(?:" + _FIELDS + r")\s*[:：].{0,80}",
    r"(?:" + _LONG_FIELDS + r")\s+[^。，；,;\s][^。，；,;]{0,80}",
    r"(?:您当前(?:的)?位置|您所在的位置|当前位置|所在位置)\s*[:：].*",
    r"(?:首页|网站首页)\s*(?:>|→|»|＞|/).*",
    r"(?:" + _PAGE_FIELDS + r")\s*[:：].{0,60}",
    # a page's date first, then its fields: "2024-03-15 来源：某某县人民政府 【字体：大 中 小】"
    # (each optional part carries the spaces after it: \s*日?(?:\s*…)?\s* split a run of spaces
    # three ways, cubic in a line's gap)
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*(?:日\s*)?(?:\d{1,2}:\d{2}(?::\d{2})?\s*)?"
    r"(?:来源|文章来源|信息来源|发布机构|作者|浏览次数|阅读次数|点击数|字号)\s*[:：].{0,80}",
    r"语音播报|扫一扫在手机打开当前页面|我要找政策|打印本页|关闭窗口|分享到[:：]?.*|【\s*字体.*|"
    r"【\s*(?:打印|关闭|收藏|大|中|小)\s*】.*|字体\s*(?:[:：]\s*)?(?:大|【大】).*|"
    r"无障碍.*|简体\s*\|\s*繁体.*|繁体\s*\|\s*简体.*|简\s*\|\s*繁|内容|发送至邮箱",
    r"相关(?:文章|链接|阅读|信息)(?:\s*[:：])?|(?:上|下)一篇\s*[:：]?.*",
    # a printed page's number, copied out of a PDF: "— 1 —", "- 2 -", "第3页 共8页", "3/8"
    r"[—－\-–]{1,2}\s*\d{1,3}\s*[—－\-–]{1,2}|第\s*\d{1,3}\s*页(?:\s*(?:[，,/]\s*)?共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3}",
    # the site's name heading the page: "巴彦查干盟行政公署门户网站", "某某区人民政府网 今天是…"
    r"[^\s。，；、]{2,30}(?:门户网站|政府网|政务网|网站)(?:首页)?(?:\s+.*)?",
    r"今天是\s*(?:[:：]\s*)?\d{4}\s*年.*|(?:网站地图|联系我们|版权所有|主办单位|承办单位|技术支持|网站标识码|ICP备|"
    r"\S{0,6}公网安备|政府网站找错|"
    r"Copyright|copyright|©).*",
)
# Alternatives that look through the whole line (".*") for a breadcrumb arrow, a table's
# bars or 【打印文本】. A line holding none of those (most report text) is matched without
# them, so a long paragraph is not scanned again for each.
_ANYWHERE = (
    r".*(?:>|→|»|＞)\s*(?:政务公开|信息公开|政府信息公开目录|新闻动态|工作报告|网站公告|基层动态|"
    r"法治政府建设年度报告|通知公告|工作动态|部门动态)(?:\s*(?:>|→|»|＞).*)?",
    r".*【打印文本】.*",
    r".*(?:\|\s*){2,}.*",
    # a navigation bar: "某某县人民政府 | 政府信息公开 | 乡镇信息" (three short names or more; each
    # name starts and ends on a non-space, so the spaces around a bar are read one way only)
    r"[^|\s。，；](?:[^|。，；]{0,18}[^|\s。，；])?(?:\s*\|\s*[^|\s。，；](?:[^|。，；]{0,18}[^|\s。，；])?){2,}",
    # (bars around cells holding sentences, "| 述职述法 | 局长于12月20日在全局干部大会上述法，… | 完成 |",
    # are a table's row pasted as text: the report's content, not the page's)
    r"\|[^。，；、]*\|",
)
_ANYWHERE_SIGN = re.compile(r"[>→»＞|]|【打印文本】")
_ANYWHERE_SIGN_SCAN = FirstCharacter(_ANYWHERE_SIGN)     # (asked of every line)
_ANYWHERE_OPENERS = ">→»＞|【"                          # what those signs start with


def _line_pattern(alternatives) -> "re.Pattern[str]":
    # (matched on a line with its leading spaces stripped, so no ^\s*: before an alternative
    # opening on .* it would split a line of spaces n ways)
    return re.compile(r"^(?:" + "|".join(alternatives) + r")\s*$")


_CHROME_LINE = _line_pattern(_PLAIN + _ANYWHERE)
_CHROME_PROSE = _line_pattern(_PLAIN)
# A site header with a date and a weekday is the site's clock, not the report's date.
_SITE_CLOCK = re.compile(r"\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})\s*"
                         r"(?:星期|周|礼拜)[一二三四五六日天]")
_FOOTER_START = re.compile(r"^\s*(?:扫一扫在手机打开当前页面|相关(?:文章|链接|阅读)|【打印本页】|网站地图|"
                           r"【\s*关闭窗口\s*】|(?:上|下)一篇\s*[:：])")


def is_chrome_text(text: str, signs: bool = True) -> bool:
    """Whether one line, on its own, reads as page chrome (``signs=False``: the caller knows
    it holds no breadcrumb arrow, table bar or 【打印文本】)."""
    # (leading spaces stripped first, which the patterns count on: a ^\s* of their own would
    # be retried once per alternative over a line of 60,000 spaces)
    text = text.lstrip()
    pattern = _CHROME_LINE if signs and _ANYWHERE_SIGN_SCAN.search(text) else _CHROME_PROSE
    return bool(pattern.match(text) or (len(text.rstrip()) < 40 and _SITE_CLOCK.search(text)))


_SENTENCE_MARK = re.compile(r"[。，；]")
# A page copied onto one line (a scraper's text, a paste with its line breaks lost) opens on
# the site's bars and breadcrumbs, and the whole report follows on that line: read as
# chrome, the report would have no text at all. A line holding this many sentences is kept.
_PAGE_ON_ONE_LINE = 20


def _holds_a_report(text: str) -> bool:
    return text.count("。") >= _PAGE_ON_ONE_LINE


def mark_chrome(lines) -> None:
    """Mark chrome lines in place; a footer marker marks everything after it too — unless
    more report text follows the marker than comes before it: then the marker sits in the
    page's header (a 【打印本页】【关闭窗口】 bar above the title, as some sites place it) and
    only its own line is chrome. Report text: lines holding a sentence mark."""
    # a few substring tests of the whole report instead of a class search of every line
    joined = "\n".join(ln.norm if ln.norm else ln.text for ln in lines)
    signs = any(c in joined for c in _ANYWHERE_OPENERS)
    markers, prose = [], []         # footer markers' indexes; characters of report text per line
    for i, ln in enumerate(lines):
        text = ln.norm if ln.norm else ln.text
        if _FOOTER_START.match(text):
            markers.append(i)
            ln.chrome = True
            prose.append(0)
        elif is_chrome_text(text, signs) and not _holds_a_report(text):
            ln.chrome = True
            prose.append(0)
        else:
            # only sentences count: a related-article list of titles after a footer is no prose
            prose.append(len(text.strip()) if _SENTENCE_MARK.search(text) else 0)
    if not markers:
        return
    before, after = 0, sum(prose)
    at = 0
    for i in markers:
        while at < i:
            before += prose[at]
            after -= prose[at]
            at += 1
        if after <= before:
            for ln in lines[i:]:
                ln.chrome = True
            return
