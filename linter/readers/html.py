""".html / .htm: a report saved from a government web site (or from Word as a web page).

Only the article is read. The article container is found first among the content
containers government CMSs use (``div.TRS_Editor``, ``#zoom``, ``#UCAP-CONTENT``,
``.pages_content`` …), else as the deepest block holding most of the page's non-link text.
Inside it, site chrome is dropped (share bars, "相关文章" link lists, 索引号 metadata
tables, print/close buttons). A page title (``<h1>``) outside the container is kept as the
first line when the article does not repeat it. Whatever chrome is left is marked by
``linter.chrome`` when the ``Document`` is built.

Positions: **line N is the N-th line of the extracted text** — each paragraph (``<p>``,
``<div>``, ``<h1>``…, ``<li>``, table row, or text between ``<br>``) is one line, blank ones
dropped, leading/trailing spaces (including 全角 indentation) removed. The column is the
character position in that line. ``fzlint outline`` shows the lines as read.

Decoding: a BOM, else the ``<meta charset>`` (GB2312/GBK read as GB18030) when the bytes
agree with it, else UTF-8/GB18030 detection as for .txt.
"""
from __future__ import annotations

import re

from ..document.document import Document
from . import txt

# Content containers of common government CMSs (TRS WCM, 开普云 UCAP, 大汉, 拓尔思, 政府网站集约化平台 …)
CONTAINERS = (
    "div.TRS_Editor", "div.TRS_UEDITOR", ".trs_editor_view", "#UCAP-CONTENT", "#zoom", ".zoom",
    ".pages_content", "#pages_content", ".article-content", ".article_content", ".articleContent",
    "#articleContent", ".art_con", ".art-con", ".detail-content", ".detail_content", ".news_content",
    ".news-content", "#news_content", ".xxgk_content", "#xxgk_content", ".con_text", ".view",
    "#vsb_content", ".v_news_content", ".wp_articlecontent", "#mainText", ".main-txt", ".zw",
    "#zw", ".content", "#content", ".article", "article", "main",
)
_DROP_TAGS = ("script", "style", "noscript", "iframe", "template", "svg", "canvas", "form", "select",
              "button", "input", "textarea", "object", "embed", "nav", "aside", "footer", "head", "map",
              "audio", "video")
_BLOCK = frozenset(("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                    "table", "tbody", "thead", "tfoot", "tr", "section", "article", "main", "header",
                    "blockquote", "center", "pre", "address", "figure", "figcaption", "hr", "body", "html"))
_CELL = frozenset(("td", "th"))
_CHROME_TOKEN = re.compile(
    r"^(?:nav|navbar|menu|breadcrumbs?|crumbs?|bread|location|position|weizhi|dqwz|footer|foot|"
    r"bottom|share|bdshare|bdsharebuttonbox|related|xgwz|xgxx|xglj|relevant|sidebar|copyright|"
    r"qrcode|ewm|erweima|print|dayin|tools?|fontsize|zihao|pager|pagination|comment|xxgk[-_]?(?:table|info|meta))"
    r"(?:[-_].*)?$", re.IGNORECASE)
_META_CELL = re.compile(r"索引号|发布机构|发文机关|主题分类|体裁分类|成文日期|发布日期|有效性|发文字号")
_TITLE_CLASS = re.compile(r"title|biaoti|bt\b", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_STRIP = " \t\u3000\xa0\u2002\u2003\u200b\ufeff"
_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*(?:["']\s*)?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]")

MAX_DEPTH = 200   # element nesting kept as structure (see _limit_depth)

_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
                    "cp936": "gb18030", "utf8": "utf-8", "unicode": "utf-8"}


def decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return txt.decode(data, name)
    m = _CHARSET.search(data[:8192])
    if m:
        declared = m.group(1).decode("ascii", "replace").lower()
        encoding = _CHARSET_ALIASES.get(declared, declared)
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass   # a page that lies about its charset (common): detect instead
        else:
            if txt._mostly_text(text) and (encoding != "gb18030" or txt._plausible_chinese(text)):
                return text, encoding
    return txt.decode(data, name)


def read(data: bytes, name: str) -> Document:
    text, encoding = decode(data, name)
    lines = extract_lines(text)
    return Document(lines, path=name, fmt="html", encoding=encoding, newline="\n")


def preload() -> None:
    """Import BeautifulSoup and its lxml tree builder now (``readers.preload``)."""
    from bs4 import BeautifulSoup
    BeautifulSoup("<p></p>", "lxml")


def extract_lines(markup: str) -> list[str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    body = soup.body or soup
    depths = _limit_depth(body)
    sizes: dict[int, int] = {}
    _measure(body, sizes)
    container = _choose(soup, body, sizes, depths)
    title = _outside_title(body, container)
    _clean(container)
    lines = _lines(container)
    if title and _squash(title) not in _squash("".join(lines[:12])):
        lines.insert(0, title)
    return lines


# -- choosing the article ----------------------------------------------------------
def _measure(node, sizes: dict[int, int]) -> int:
    """Characters of non-link text under each element (words only, no spaces)."""
    from bs4 import NavigableString, Tag

    total = 0
    for child in node.children:
        if isinstance(child, Tag):
            n = _measure(child, sizes)
            if child.name != "a":
                total += n
        elif isinstance(child, NavigableString) and type(child) is NavigableString:
            total += len(_WORD.findall(str(child)))
    sizes[id(node)] = total
    return total


def _limit_depth(body) -> dict[int, int]:
    """Each element's depth below ``body``; an element nested deeper than ``MAX_DEPTH``
    (real pages stay under 40; a hostile or broken one can nest thousands deep) is
    replaced by its text, so that piece loses its structure but not its words, and the
    rest of the page is read as usual. Iterative: no recursion on the way down."""
    from bs4 import NavigableString, Tag

    depths: dict[int, int] = {id(body): 0}
    too_deep = []
    stack = [(body, 0)]
    while stack:
        node, depth = stack.pop()
        for child in node.children:
            if isinstance(child, Tag):
                if depth + 1 >= MAX_DEPTH:
                    too_deep.append(child)
                else:
                    depths[id(child)] = depth + 1
                    stack.append((child, depth + 1))
    for tag in too_deep:
        tag.replace_with(NavigableString(_SPACES.sub(" ", tag.get_text(" "))))
    return depths


def _selector(text: str) -> tuple[str | None, str | None, str | None]:
    """"div.TRS_Editor" → ("div", "TRS_Editor", None); "#zoom" → (None, None, "zoom")."""
    m = re.fullmatch(r"([a-z]*)(?:\.([\w-]+)|#([\w-]+))?", text)
    return (m.group(1) or None, m.group(2), m.group(3))


_SELECTORS = [_selector(c) for c in CONTAINERS]


def _is_container(el) -> bool:
    """Does ``el`` match one of ``CONTAINERS``? (One pass over the page instead of a CSS
    query per selector: a page of 20,000 elements took seconds per query.)"""
    classes = el.get("class") or []
    ident = el.get("id")
    return any((tag is None or el.name == tag) and (cls is None or cls in classes)
               and (idn is None or ident == idn) for tag, cls, idn in _SELECTORS)


def _choose(soup, body, sizes, depths):
    def _depth(tag) -> int:
        return depths.get(id(tag), 0)

    whole = sizes.get(id(body), 0)
    known = [el for el in body.find_all(True) if _is_container(el)]
    known = [el for el in known if sizes.get(id(el), 0) >= max(60, 0.4 * whole)]
    if known:
        best = max(sizes[id(el)] for el in known)
        return max((el for el in known if sizes[id(el)] >= 0.8 * best), key=_depth)
    blocks = [el for el in body.find_all(("div", "td", "article", "section", "main", "table", "center"))
              if sizes.get(id(el), 0) >= 0.7 * whole]
    if not blocks or whole == 0:
        return body
    return max(blocks, key=_depth)


def _outside_title(body, container) -> str | None:
    """A page heading before the container (the article title many sites print apart)."""
    inside = set(id(t) for t in container.find_all(True))
    order = {id(el): i for i, el in enumerate(body.descendants)}   # "before" without a walk per tag
    where = order.get(id(container), len(order))
    for tag in body.find_all(("h1", "h2", "h3", "div", "p", "td")):
        if id(tag) in inside or tag is container or order.get(id(tag), where) >= where:
            continue
        if tag.name in ("div", "p", "td"):
            classes = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
            if not _TITLE_CLASS.search(classes) or tag.find(("div", "p", "table")):
                continue
        text = _SPACES.sub(" ", tag.get_text(" ")).strip(_STRIP)
        if 8 <= len(text) <= 80 and re.search(r"报告|总结", text) and not tag.find_parent("a"):
            return text
    return None


# -- cleaning -------------------------------------------------------------------------
def _classes(tag) -> list[str]:
    values = list(tag.get("class") or [])
    if tag.get("id"):
        values.append(tag["id"])
    return values


def _clean(container) -> None:
    from bs4 import Tag

    for tag in list(container.find_all(True)):
        if not isinstance(tag, Tag) or tag.decomposed:
            continue
        if any(_CHROME_TOKEN.match(v) for v in _classes(tag)):
            tag.decompose()
            continue
        if tag.name == "table" and len(_META_CELL.findall(tag.get_text(" "))) >= 2:
            tag.decompose()
            continue
        if tag.name in ("ul", "ol", "dl", "div") and _link_list(tag):
            tag.decompose()


def _link_list(tag) -> bool:
    """A list of links (相关文章, 上一篇/下一篇, 友情链接): most of its text is link text."""
    links = tag.find_all("a")
    if len(links) < 3:
        return False
    text = len(_WORD.findall(tag.get_text()))
    linked = sum(len(_WORD.findall(a.get_text())) for a in links)
    return text > 0 and linked / text > 0.6


# -- lines ---------------------------------------------------------------------------
def _lines(container) -> list[str]:
    from bs4 import NavigableString, Tag

    lines: list[str] = []
    current: list[str] = []

    def flush():
        text = "".join(current).strip(_STRIP)
        current.clear()
        if text:
            lines.append(text)

    def walk(node):
        for child in node.children:
            if isinstance(child, Tag):
                name = child.name
                if name == "br":
                    flush()
                elif name == "pre":
                    flush()
                    for part in child.get_text().splitlines():
                        current.append(part)
                        flush()
                elif name in _BLOCK:
                    flush()
                    walk(child)
                    flush()
                elif name in _CELL:
                    if current and not current[-1].endswith(" "):
                        current.append(" ")
                    walk(child)
                    current.append(" ")
                else:
                    walk(child)
            elif type(child) is NavigableString:
                current.append(_SPACES.sub(" ", str(child)))

    walk(container)
    flush()
    return lines


def _squash(text: str) -> str:
    return "".join(_WORD.findall(text))
