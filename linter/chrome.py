"""Recognise lines that belong to a web page around the report, not to the report.

Reports copied from government sites carry navigation bars, breadcrumbs, metadata
blocks (索引号, 发布机构 …), share widgets and footers. Those lines are marked as chrome so
no rule reads them as content (a date in a site header is not the report's date).
"""
from __future__ import annotations

import re

_CHROME_LINE = re.compile(
    r"^\s*(?:"
    r"\[\s*(?:索引号|发文字号|主题分类|体裁分类|发布机构|有效性|成文日期|发布日期|文号|发文机关)\s*\].*"
    r"|(?:您当前(?:的)?位置|您所在的位置|当前位置)\s*[:：].*"
    r"|(?:首页|网站首页)\s*(?:>|→|»).*"
    r"|.*(?:>|→|»)\s*(?:政务公开|信息公开|政府信息公开目录|新闻动态|工作报告|网站公告|基层动态)(?:\s*(?:>|→|»).*)?"
    r"|(?:日期|发布时间|发布日期|更新时间|来源|文章来源|栏目|点击数|浏览次数)\s*[:：].{0,60}"
    r"|语音播报|扫一扫在手机打开当前页面|我要找政策|打印本页|关闭窗口|分享到[:：]?.*|【\s*字体.*|"
    r"无障碍.*|简体\s*\|\s*繁体.*|繁体\s*\|\s*简体.*|内容|发送至邮箱|.*【打印文本】.*|相关(?:文章|链接|阅读|信息)\s*[:：]?"
    r"|今天是\s*[:：].*|(?:网站地图|联系我们|版权所有|主办单位|承办单位|技术支持|网站标识码|ICP备).*"
    r"|.*(?:\|\s*){2,}.*"
    r"|\|.*\|"
    r")\s*$"
)
# A site header with a date and a weekday is the site's clock, not the report's date.
_SITE_CLOCK = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天]")
_FOOTER_START = re.compile(r"^\s*(?:扫一扫在手机打开当前页面|相关(?:文章|链接|阅读)|【打印本页】|网站地图)")


def mark_chrome(lines) -> None:
    """Mark chrome lines in place; a footer marker marks everything after it too."""
    in_footer = False
    for ln in lines:
        text = ln.norm if ln.norm else ln.text
        if in_footer:
            ln.chrome = True
            continue
        if _FOOTER_START.match(text):
            in_footer = True
            ln.chrome = True
            continue
        if _CHROME_LINE.match(text) or (_SITE_CLOCK.search(text) and len(text) < 40):
            ln.chrome = True
