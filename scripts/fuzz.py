#!/usr/bin/env python3
"""Long fuzz runs: feed fzlint mutated inputs and group what goes wrong into classes.

    nice -n 10 python scripts/fuzz.py -n 100000 -j 2 --timeout 5 --out /tmp/fzlint-fuzz

Targets (each input is drawn from one, by weight):

* ``txt`` / ``text``  mutated seed reports: byte flips, splices, repeats, control and
  zero-width characters, lone surrogates (``text`` only), long runs, headings up to 一百;
* ``docx``  the seeds as .docx with XML mutations (symbols, auto-numbering with huge start
  values, deep nesting) and zip mutations (flipped bytes, truncation, dropped members);
* ``html`` / ``pdf``  government-page and text-layer PDF versions of the seeds, mutated
  (deep nesting, page trees that repeat a page, huge numbers, flipped bytes);
* ``config`` / ``waivers``  .fzlint.yaml, pyproject.toml, setup.cfg and waiver files (deep
  nesting, alias bombs, inf/nan/huge numbers, wrong types);
* ``roster``  a bureau's list of units as CSV (UTF-8/GBK, English or Chinese headers, title
  rows, stray cells, control characters) or .xlsx, either perhaps damaged; what reads is
  written into a workbook, as the overview does;
* ``lsp``  framed LSP messages (bad headers, oversized Content-Length, broken JSON, real
  requests with odd parameters) sent to one ``fzlint lsp`` process per worker, each input
  followed by a probe request that must be answered.

Every successful lint is also rendered as JSON, SARIF and text, because an output format
that crashes loses every other file's result. An input passes when it gives a result or a
``FzlintError`` (``ReadError``/``ConfigError``) within ``--timeout`` CPU seconds; anything else
is a failure class keyed by exception type and the innermost fzlint frame (or "hang" and
the frame the alarm interrupted). One example per class is written to ``--out``.
"""
from __future__ import annotations

import argparse
import collections
import io
import json
import multiprocessing as mp
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

WEIGHTS = {"txt": 22, "text": 24, "docx": 14, "html": 10, "pdf": 10, "config": 8, "waivers": 6, "lsp": 6,
           "roster": 4}
ODD = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u3000", "\x00", "\x0c", "\r", "\u2028", "\U0001F600",
       "[bookmark: _Toc1]", "（", "）", "(", ")", "一", "十", "百", "九十九、", "一百、", "（一百）",
       "99.", "①", "⑳", "\u0301", "\ue000", "&", "<", "》", "《", "“", "—", "\t", " " * 50, "0" * 40,
       "一二三四五六七八九十" * 3, "依法行政", "法治政府建设", "2023年", "二〇二三年", "3月1日前"]
SURROGATES = ["\ud800", "\udfff", "\udc80", "\ud83d"]


class Timeout(BaseException):
    """Raised by the alarm; a BaseException so ``except Exception`` in fzlint cannot hide it."""


# -- seeds and base files ---------------------------------------------------------------

_CACHE: dict = {}


def seeds() -> list[str]:
    if "seeds" not in _CACHE:
        _CACHE["seeds"] = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*_*.txt"))]
    return _CACHE["seeds"]


def base_files(kind: str) -> list[bytes]:
    key = "base-" + kind
    if key not in _CACHE:
        import fixtures
        texts = seeds()
        if kind == "docx":
            made = [fixtures.docx_plain(t.splitlines()[:k]) for t in texts[:3] for k in (30, 400)]
            made += [fixtures.docx_autonumbered(t.splitlines()[:k]) for t in texts[3:] for k in (30, 400)]
        elif kind == "html":
            made = [fixtures.gov_page(t.splitlines()[1:k], t.splitlines()[0]) for t in texts for k in (30, 400)]
        else:
            made = [fixtures.pdf_with_text(t.splitlines()[:k]) for t in texts[:3] for k in (30, 400)]
        _CACHE[key] = made
    return _CACHE[key]


# -- mutations ----------------------------------------------------------------------------

def mutate_text(rng: random.Random, text: str, surrogates: bool = False) -> str:
    pool = ODD + (SURROGATES if surrogates else [])
    for _ in range(rng.randint(1, 8)):
        op = rng.random()
        pos = rng.randint(0, len(text))
        if op < 0.3:
            text = text[:pos] + rng.choice(pool) * rng.choice([1, 1, 3, 50, 2000]) + text[pos:]
        elif op < 0.45:
            end = min(len(text), pos + rng.randint(1, 2000))
            text = text[:pos] + text[end:]
        elif op < 0.6:
            end = min(len(text), pos + rng.randint(1, 300))
            text = text[:pos] + text[pos:end] * rng.choice([2, 5, 40]) + text[pos:]
        elif op < 0.7:
            other = rng.choice(seeds())
            a = rng.randint(0, len(other))
            text = text[:pos] + other[a:a + rng.randint(1, 3000)] + text[pos:]
        elif op < 0.8:   # sibling headings running on (一百 and beyond)
            start = rng.choice([1, 90, 95, 99])
            style = rng.choice(["{}、", "（{}）", "{}.", "（{}）"])
            from linter.text.numerals import chinese_numeral
            heads = [style.format(chinese_numeral(n) if "、" in style or "（" in style and rng.random() < .7 else n)
                     + "工作情况\n正文内容。" for n in range(start, start + rng.randint(2, 15))]
            text = text[:pos] + "\n" + "\n".join(heads) + "\n" + text[pos:]
        elif op < 0.9:
            chars = (chr(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(1, 30)))
            text = text[:pos] + "".join(c for c in chars if surrogates or not "\ud800" <= c <= "\udfff") + text[pos:]
        else:
            text = text[:pos] + "\n" * rng.randint(1, 500) + text[pos:]
    return text


def flip_bytes(rng: random.Random, data: bytes, count: int | None = None) -> bytes:
    b = bytearray(data)
    for _ in range(count or rng.randint(1, 20)):
        if not b:
            break
        b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def seed_piece(rng: random.Random) -> str:
    """A seed report, or (mostly, to keep the run fast) a slice of one from a line start."""
    text = rng.choice(seeds())
    if rng.random() < 0.15:
        return text
    lines = text.splitlines(keepends=True)
    a = rng.randrange(len(lines))
    return "".join(lines[:2] + lines[a:a + rng.randint(3, 40)])


def gen_txt(rng):
    text = mutate_text(rng, seed_piece(rng))
    enc = rng.choice(["utf-8", "utf-8", "gbk", "utf-16", "utf-8-sig", "gb18030"])
    data = text.encode(enc, "ignore")
    if rng.random() < 0.3:
        data = flip_bytes(rng, data)
    if rng.random() < 0.05:
        data = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4000)))
    return "lint", (data, rng.choice(["r.txt", "r.md", "r.txt"]))


def gen_text(rng):
    return "text", mutate_text(rng, seed_piece(rng), surrogates=True)


_DOCX_SNIPPETS = [
    '<w:p><w:r><w:sym w:font="Wingdings" w:char="{hex}"/></w:r></w:p>',
    '<w:p><w:r><w:t>{text}</w:t></w:r></w:p>',
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>',
    '<w:p><w:pPr><w:outlineLvl w:val="{lvl}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>',
    '<w:p><w:r><w:t xml:space="preserve">{text}</w:t><w:tab/><w:br/><w:cr/></w:r></w:p>',
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    '<w:p><w:r><w:t>&#{ent};</w:t></w:r></w:p>',
    '<w:p><w:bookmarkStart w:id="0" w:name="_Toc1"/><w:r><w:t>{text}</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>',
]
_NUMBERING = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
              '<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
              '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def _docx_fill(rng, snippet: str) -> str:
    return snippet.format(
        hex=rng.choice(["F04A", "FFFFFF", "D800", "DFFF", "110000", "-1", "zz", "0", "7FFFFFFFFFFFFFFF"]),
        text=rng.choice(["一、工作情况", "九十九、", "依法行政", "&amp;", "x" * rng.choice([1, 5000])]),
        lvl=rng.choice(["0", "1", "8", "9", "-1", "99999999999", "x"]),
        num=rng.choice(["1", "2", "0", "999", "-5"]),
        ent=rng.choice(["55296", "0", "1114111", "65535", "12288", "8203"]))


def small_or_whole(rng: random.Random, files: list[bytes]) -> bytes:
    """Base files come in pairs (30 lines, 400 lines): mostly the small one, for speed."""
    k = rng.randrange(len(files) // 2) * 2
    return files[k + (rng.random() < 0.2)]


def gen_docx(rng):
    data = small_or_whole(rng, base_files("docx"))
    if rng.random() < 0.75:
        zin = zipfile.ZipFile(io.BytesIO(data))
        members = {i.filename: zin.read(i) for i in zin.infolist()}
        xml = members["word/document.xml"].decode("utf-8")
        op = rng.random()
        at = xml.find("<w:body>") + len("<w:body>")
        if op < 0.5:
            extra = "".join(_docx_fill(rng, rng.choice(_DOCX_SNIPPETS)) for _ in range(rng.randint(1, 20)))
            xml = xml[:at] + extra + xml[at:]
        elif op < 0.65:   # deep nesting (tables in tables, or sdt blocks)
            depth = rng.choice([50, 500, 3000])
            tag = rng.choice([("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"),
                              ("<w:tbl><w:tr><w:tc>", "<w:p/></w:tc></w:tr></w:tbl>")])
            xml = xml[:at] + tag[0] * depth + "<w:p><w:r><w:t>深处</w:t></w:r></w:p>" + tag[1] * depth + xml[at:]
        elif op < 0.8:
            members["word/numbering.xml"] = _NUMBERING.format(
                start=rng.choice(["1", "0", "-3", "99", "1000000", "999999999999", "1e9", "x"]),
                fmt=rng.choice(["decimal", "chineseCounting", "upperRoman", "lowerLetter", "ideographTraditional",
                                "chineseLegalSimplified", "decimalEnclosedCircle", "bullet", "none", "weird"]),
                text=rng.choice(["%1、", "（%1）", "%1.%2", "%9", "%", "%1" * 50])).encode()
            xml = xml[:at] + "".join(_docx_fill(rng, _DOCX_SNIPPETS[2]) for _ in range(rng.randint(1, 30))) + xml[at:]
        else:
            b = xml.encode("utf-8")
            xml = flip_bytes(rng, b, rng.randint(1, 5)).decode("utf-8", "replace")
        members["word/document.xml"] = xml.encode("utf-8", "surrogatepass")
        if rng.random() < 0.1:
            members.pop(rng.choice(sorted(members)))
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
            for name, body in members.items():
                zout.writestr(name, body)
        data = buf.getvalue()
    else:
        op = rng.random()
        if op < 0.5:
            data = flip_bytes(rng, data)
        elif op < 0.8:
            data = data[:rng.randint(0, len(data))]
        else:
            data = data + flip_bytes(rng, data[:2000])
    return "lint", (data, rng.choice(["r.docx", "r.docx", "r.doc", "r.wps"]) if data[:2] == b"PK" else "r.docx")


def gen_html(rng):
    text = small_or_whole(rng, base_files("html")).decode("utf-8", "replace")
    op = rng.random()
    at = text.find("<body") if "<body" in text else 0
    if op < 0.3:
        depth = rng.choice([100, 1200, 5000])
        tag = rng.choice(["div", "span", "p", "table", "font", "b"])
        text = text[:at] + f"<{tag}>" * depth + "一、深层内容正文。" + f"</{tag}>" * depth + text[at:]
    elif op < 0.6:
        text = mutate_text(rng, text)
    elif op < 0.75:
        extra = rng.choice(["<meta charset='gbk'>", "<meta charset='xx-nope'>", "<script>" * 50, "<!--",
                            "&#55296;", "&#1114112;", "&" * 1000, "<![CDATA[", "<" * 5000, "<br>" * 20000])
        text = text[:at] + extra + text[at:]
    data = text.encode(rng.choice(["utf-8", "gbk", "utf-16"]), "ignore")
    if op >= 0.75:
        data = flip_bytes(rng, data)
    return "lint", (data, rng.choice(["r.html", "r.htm", "r.shtml"]))


def gen_pdf(rng):
    data = small_or_whole(rng, base_files("pdf"))
    op = rng.random()
    if op < 0.4:
        data = flip_bytes(rng, data)
    elif op < 0.55:
        data = data[:rng.randint(0, len(data))]
    elif op < 0.75:   # a page tree that references one page many times, or kids loops
        text = data.decode("latin-1")
        import re
        m = re.search(r"/Kids\s*\[([^\]]*)\]", text)
        if m:
            first = m.group(1).split("R")[0].strip() + " R"
            kids = " ".join([first] * rng.choice([2, 100, 900, 5000]))
            if rng.random() < 0.3:
                kids = m.group(1) + " 2 0 R"   # the page tree itself as a kid
            text = text[:m.start(1)] + kids + text[m.end(1):]
            text = re.sub(r"/Count\s+\d+", "/Count " + rng.choice(["900", "0", "-1", "99999999999"]), text)
        data = text.encode("latin-1")
    else:
        text = data.decode("latin-1")
        for _ in range(rng.randint(1, 5)):
            pos = rng.randint(0, len(text))
            text = text[:pos] + rng.choice([" 99999999999 ", " -1 ", "<<" * 300, "[" * 1000, " 1e309 ",
                                            "/Filter /FlateDecode", " 0 0 R ", "(\\377\\376)"]) + text[pos:]
        data = text.encode("latin-1")
    return "lint", (data, "r.pdf")


_CONFIG_VALUES = ["inf", "nan", "-inf", "9223372036854775808", "1e309", "0", "-1", "'10'", "[]", "{}", "true",
                  "1e-300", "99999999999999999999999", "\"\\ud800\""]


def _nest_yaml(rng, depth):
    return "max-size: " + "[" * depth + "1" + "]" * depth + "\n"


def gen_config(rng):
    kind = rng.choice([".fzlint.yaml", "pyproject.toml", "setup.cfg"])
    op = rng.random()
    value = rng.choice(_CONFIG_VALUES)
    key = rng.choice(["max-size", "select", "ignore", "fail-on", "ruleset", "exclude", "per-file-ignores",
                      "waivers", "extend-select", "nonsense"])
    if kind == ".fzlint.yaml":
        if op < 0.2:
            text = _nest_yaml(rng, rng.choice([10, 1000, 5000]))
        elif op < 0.35:
            text = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
                f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
                for p, c in zip("abcdefgh", "bcdefghi")) + "max-size: *i\n"
        else:
            text = f"{key}: {value}\n"
    elif kind == "pyproject.toml":
        if op < 0.2:
            d = rng.choice([10, 1000, 5000])
            text = "[tool.fzlint]\nmax-size = " + "[" * d + "1" + "]" * d + "\n"
        elif op < 0.3:
            d = rng.choice([100, 1000])
            text = "[tool.fzlint]\nselect = " + "{a=" * d + "1" + "}" * d + "\n"
        else:
            tv = {"'10'": "'10'", "[]": "[]", "{}": "{}", "true": "true"}.get(value, value)
            text = f"[tool.fzlint]\n{key} = {tv}\n"
    else:
        text = f"[fzlint]\n{key} = {value}\n"
    if rng.random() < 0.2:
        text = flip_bytes(rng, text.encode("utf-8")).decode("utf-8", "replace")
    return "config", (kind, text)


def gen_waivers(rng):
    op = rng.random()
    if op < 0.15:
        text = "a: &a ['x','x','x','x','x','x','x','x','x']\n" + "".join(
            f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    elif op < 0.3:
        text = "waivers:\n  - " + "[" * rng.choice([100, 1000, 5000]) + "]" * 3
    else:
        entry = {"code": rng.choice(["FZ101", "FZ", "", "ALL", 5, None, "x" * 1000]),
                 "file": rng.choice(["*.txt", "", None, "[", "**"]),
                 "reason": rng.choice(["已核实", "", None, 7]),
                 "expires": rng.choice(["2099-12-31", "2020-01-01", "9999-99-99", "", 20991231, None, "inf"]),
                 "line": rng.choice([1, 0, -1, 10 ** 30, "x", None])}
        entry = {k: v for k, v in entry.items() if v is not None or rng.random() < 0.3}
        text = json.dumps({"waivers": [entry] * rng.randint(1, 3)}, ensure_ascii=False)
    return "waivers", text


_LSP_BODIES = [
    {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": "file:///tmp/fz{n}.txt", "languageId": "plaintext", "version": 1, "text": "{text}"}}},
    {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {
        "uri": "file:///tmp/fz{n}.txt", "version": 2}, "contentChanges": [{"range": {
            "start": {"line": 9999, "character": -1}, "end": {"line": 0, "character": 99999}}, "text": "{text}"}]}},
    {"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": "file:///tmp/fz{n}.txt"}, "position": {"line": 0, "character": 3}}},
    {"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {
        "textDocument": {"uri": "file:///tmp/fz{n}.txt"}, "range": {"start": {"line": 0, "character": 0},
                                                                    "end": {"line": 5, "character": 0}},
        "context": {"diagnostics": []}}},
    {"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": "file:///tmp/fz{n}.txt"}}},
    {"jsonrpc": "2.0", "id": 3, "method": "no/such/method", "params": None},
]


def _frame(body: bytes, length: int | None = None) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % (len(body) if length is None else length) + body


def gen_lsp(rng):
    op = rng.random()
    n = rng.randint(0, 5)
    if op < 0.5:
        body = json.loads(json.dumps(rng.choice(_LSP_BODIES)).replace("{n}", str(n)).replace(
            "{text}", json.dumps(mutate_text(rng, rng.choice(seeds())[:3000]))[1:-1]))
        raw = json.dumps(body, ensure_ascii=rng.random() < 0.5).encode("utf-8")
        if rng.random() < 0.3:
            raw = flip_bytes(rng, raw, rng.randint(1, 3))
        data = _frame(raw)
    elif op < 0.65:
        data = _frame(b'{"jsonrpc": "2.0"}', rng.choice([99999999999, 2 ** 63, 10 ** 30]))
    elif op < 0.75:
        data = rng.choice([b"Content-Length: abc\r\n\r\n{}", b"Content-Length: -5\r\n\r\n",
                           b"Content-Length: 10\r\n", b"X" * rng.choice([100, 100000]) + b"\r\n\r\n",
                           b"\r\n\r\n\r\n", b"Content-Length: 2\r\nContent-Type: x\r\n\r\n[]"])
    elif op < 0.85:
        depth = rng.choice([100, 10000, 100000])
        data = _frame(b"[" * depth + b"]" * depth)
    else:
        data = _frame(json.dumps({"jsonrpc": "2.0", "id": rng.choice([None, 1.5, "x", [], 2 ** 70]),
                                  "method": rng.choice(["initialize", "shutdown", "textDocument/hover", ""]),
                                  "params": rng.choice([None, [], {}, "x", 5])}).encode())
    return "lsp", data


_ROSTER_CELLS = ["南岸区鸡冠石镇", "峡口镇", "重庆市南岸区长生桥镇人民政府", "区司法局", "", " ", "乡镇", "街道",
                 "township", "county", "部门", "3月15日", "2025-03-15", "13月40日", "下个月", "\x00", "\x01镇",
                 "\ufeff单位", '"', ",", "\n", "某" * 300, 12, 3.5, None]


def gen_roster(rng):
    """A bureau's list of units: a CSV (UTF-8 or GBK, headed in English or Chinese, perhaps
    under a title row) or an .xlsx, either perhaps damaged."""
    header = rng.choice([["unit", "level", "deadline"], ["单位", "层级", "截止日期"], ["序号", "单位名称", "级别"],
                         ["名称"], []])
    rows = [[rng.choice(_ROSTER_CELLS) for _ in range(rng.randint(0, 5))] for _ in range(rng.randint(0, 8))]
    if rng.random() < 0.3:
        rows.insert(0, header)
        header = ["2024年度应报送单位名单"]
    if rng.random() < 0.5:
        import io
        import openpyxl
        book = openpyxl.Workbook()
        for row in [header] + rows:
            book.active.append(["" if isinstance(c, str) and c in ("\x00", "\x01镇") else c for c in row])
        buffer = io.BytesIO()
        book.save(buffer)
        data = buffer.getvalue()
        if rng.random() < 0.4:
            data = flip_bytes(rng, data, rng.randint(1, 4))
        return "roster", ("名单.xlsx", data)
    text = "\n".join(",".join("" if c is None else str(c) for c in row) for row in [header] + rows) + "\n"
    data = text.encode(rng.choice(["utf-8", "utf-8-sig", "gbk"]), "replace")
    if rng.random() < 0.2:
        data = flip_bytes(rng, data, rng.randint(1, 3))
    return "roster", (rng.choice(["名单.csv", "名单.xls", "名单"]), data)


GENERATORS = {"txt": gen_txt, "text": gen_text, "docx": gen_docx, "html": gen_html, "pdf": gen_pdf,
              "config": gen_config, "waivers": gen_waivers, "lsp": gen_lsp, "roster": gen_roster}


# -- running one input ---------------------------------------------------------------------

def render_all(result, formats=("json", "sarif")) -> None:
    from linter.formats import Options, render
    for fmt in formats:
        render(fmt, [result], Options())


def check_positions(result, text: str | None) -> None:
    """Every finding must point inside the document it names."""
    if result.error:
        return
    lines = result.lines if hasattr(result, "lines") else None
    for d in result.diagnostics:
        if d.line < 1 or d.end_line < d.line or d.column < 1 or (d.end_line == d.line and d.end_column < d.column):
            raise AssertionError(f"bad position {d.code} {d.line}:{d.column}-{d.end_line}:{d.end_column}")
        if text is not None:
            rows = text.splitlines() or [""]
            if d.end_line > len(rows) or d.column > len(rows[d.line - 1]) + 1 \
                    or d.end_column > len(rows[d.end_line - 1]) + 1:
                raise AssertionError(f"position outside the text {d.code} {d.line}:{d.column}-{d.end_line}:{d.end_column}")
    del lines


PROBE = {"jsonrpc": "2.0", "method": "textDocument/hover", "params": {
    "textDocument": {"uri": "file:///tmp/fzlint-probe.txt"}, "position": {"line": 0, "character": 0}}}


class LspPeer:
    """One ``fzlint lsp`` process, kept across inputs and restarted when it dies."""

    def __init__(self, exit_timeout: float | None = None):
        self.proc = None
        self.probe = 1000
        self.buf = b""
        self.exit_timeout = exit_timeout    # None: the input's timeout

    def start(self):
        self.proc = subprocess.Popen([sys.executable, "-m", "linter", "lsp"], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buf = b""
        self.send(_frame(json.dumps({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "processId": None, "rootUri": None, "capabilities": {}}}).encode()))
        self.wait_for(0, 30)
        self.send(_frame(b'{"jsonrpc": "2.0", "method": "initialized", "params": {}}'))

    def send(self, data: bytes):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def wait_for(self, ident, timeout):
        out = self.proc.stdout
        deadline = time.time() + timeout
        import select
        while True:
            found = self._take(ident)
            if found is not None:
                return found
            if time.time() >= deadline:
                break
            ready, _, _ = select.select([out], [], [], max(0.0, deadline - time.time()))
            if not ready:
                break
            chunk = os.read(out.fileno(), 65536)
            if not chunk:
                raise AssertionError("the server exited")
            self.buf += chunk
        raise Timeout("no answer to the probe")

    def _take(self, ident):
        """The answer to request ``ident`` among the complete messages read so far (the
        others are dropped; a partial message stays for the next read)."""
        while b"\r\n\r\n" in self.buf:
            head, _, rest = self.buf.partition(b"\r\n\r\n")
            length = next(int(h.split(b":")[1]) for h in head.split(b"\r\n")
                          if h.lower().startswith(b"content-length:"))
            if len(rest) < length:
                return None
            body, self.buf = rest[:length], rest[length:]
            message = json.loads(body)
            if message.get("id") == ident and "method" not in message:
                return message
        return None

    def run(self, data: bytes, timeout: float):
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        self.send(data)
        if b'"shutdown"' in data or b'"exit"' in data:
            # the session may be over: after shutdown a client sends only exit, and the
            # server must then end by itself
            self.send(b"\r\n" + _frame(b'{"jsonrpc": "2.0", "method": "exit"}'))
            limit = self.exit_timeout or timeout
            try:
                self.proc.wait(timeout=limit)
            except subprocess.TimeoutExpired:
                self.close()
                raise Timeout(f"the server did not exit within {limit:g} s after shutdown/exit") from None
            self.proc = None
            return
        # Probes follow, each after a blank line (which closes a header block the input left
        # open). A probe may be swallowed as the body of a broken frame, as a real client's
        # next message would be: the server passes if it answers one of three.
        try:
            for attempt in range(3):
                self.probe += 1
                self.send(b"\r\n" + _frame(json.dumps(dict(PROBE, id=self.probe)).encode()))
                try:
                    self.wait_for(self.probe, timeout / 3)
                    return
                except Timeout:
                    if attempt == 2:
                        raise
        except BaseException:
            self.close()
            raise

    def close(self):
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


def run_one(kind: str, payload, peer: LspPeer, timeout: float):
    from linter import ConfigError, FzlintError, lint_bytes, lint_text
    if kind == "lint":
        data, name = payload
        result = lint_bytes(data, name)
        render_all(result)
        check_positions(result, None)
    elif kind == "text":
        result = lint_text(payload)
        render_all(result, ("json", "sarif", "text"))
        check_positions(result, payload)
    elif kind == "config":
        from linter.workspace import configfile
        name, text = payload
        with tempfile.TemporaryDirectory(prefix="fzfuzz-") as tmp:
            with open(os.path.join(tmp, name), "w", encoding="utf-8", errors="surrogatepass") as fh:
                fh.write(text)
            try:
                config = configfile.config_for_path(os.path.join(tmp, "r.txt"))
                lint_text("一、主要举措\n依法行政。", config=config)
            except ConfigError as exc:
                if len(exc.line()) > 2000:
                    raise AssertionError(f"config error message of {len(exc.line())} characters")
    elif kind == "waivers":
        from linter.workspace.waiverfile import load_waivers
        with tempfile.TemporaryDirectory(prefix="fzfuzz-") as tmp:
            path = os.path.join(tmp, "waivers.yaml")
            with open(path, "w", encoding="utf-8", errors="surrogatepass") as fh:
                fh.write(payload)
            try:
                load_waivers(path)
            except FzlintError as exc:
                if len(exc.line()) > 2000:
                    raise AssertionError(f"waiver error message of {len(exc.line())} characters")
    elif kind == "roster":
        from linter.batch.units import read_roster
        from linter.batch.xlsx import OverviewWorkbook
        name, data = payload
        with tempfile.TemporaryDirectory(prefix="fzfuzz-") as tmp:
            path = os.path.join(tmp, name)
            with open(path, "wb") as fh:
                fh.write(data)
            try:
                entries = read_roster(path)
            except FzlintError as exc:
                if len(exc.line()) > 2000:
                    raise AssertionError(f"roster error message of {len(exc.line())} characters")
                return
            book = OverviewWorkbook(os.path.join(tmp, "overview.xlsx"))   # the roster's names in a workbook
            book.append_row("报送情况", [e.unit for e in entries] + [e.level for e in entries])
            book.book.save(book.path)
    elif kind == "lsp":
        peer.run(payload, timeout * 5)


def classify(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/linter/" in f.filename]
    where = ours[-1] if ours else (frames[-1] if frames else None)
    place = f"{Path(where.filename).name}:{where.lineno} {where.name}" if where else "?"
    if isinstance(exc, Timeout):
        return f"hang at {place}"
    if isinstance(exc, MemoryError):
        return f"memory at {place}"
    return f"{type(exc).__name__} at {place}"


def worker(index: int, start: int, stop: int, seed: int, timeout: float, out: str, queue,
           exit_timeout: float | None = None) -> None:
    import resource
    os.nice(0)
    try:
        limit = 2 * 1024 ** 3
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass
    sys.setrecursionlimit(10000)

    def alarm(signum, frame):
        raise Timeout(f"over {timeout} s of CPU")

    # CPU time, not wall time: the machine may be shared, and a lint that waits for the
    # CPU is not a hang
    signal.signal(signal.SIGPROF, alarm)
    peer = LspPeer(exit_timeout)
    names, weights = zip(*WEIGHTS.items())
    for i in range(start, stop):
        rng = random.Random(seed * 1_000_003 + i)
        target = rng.choices(names, weights)[0]
        status, key, began = "ok", "", time.process_time()
        kind, payload = None, None
        try:
            kind, payload = GENERATORS[target](rng)
            signal.setitimer(signal.ITIMER_PROF, timeout)
            run_one(kind, payload, peer, timeout)
        except BaseException as exc:  # noqa: BLE001 - everything is a finding here
            signal.setitimer(signal.ITIMER_PROF, 0)
            if isinstance(exc, KeyboardInterrupt):
                raise
            status, key = "fail", f"{target}: {classify(exc)}"
            if isinstance(exc, Timeout) and target == "lsp":
                key = f"lsp: no answer ({exc})"
            save(out, key, i, target, kind, payload, exc)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        queue.put((index, i, target, status, key, time.process_time() - began))
    peer.close()
    queue.put((index, None, None, "done", "", 0.0))


def save(out: str, key: str, i: int, target: str, kind, payload, exc) -> None:
    folder = Path(out) / "".join(c if c.isalnum() else "_" for c in key)[:120]
    if folder.exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "traceback.txt").write_text(f"input {i} ({target})\n" + "".join(
        traceback.format_exception(type(exc), exc, exc.__traceback__)), encoding="utf-8")
    if kind in ("lint",):
        data, name = payload
        (folder / ("input" + os.path.splitext(name)[1])).write_bytes(data)
    elif kind in ("text", "waivers"):
        (folder / "input.txt").write_text(payload, encoding="utf-8", errors="surrogatepass")
    elif kind == "config":
        (folder / payload[0]).write_text(payload[1], encoding="utf-8", errors="surrogatepass")
    elif kind == "lsp":
        (folder / "input.lsp").write_bytes(payload)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--inputs", type=int, default=2000)
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first input index (to resume a run)")
    ap.add_argument("--timeout", type=float, default=2.0,
                    help="CPU seconds per input (the LSP target: wall seconds for the server's answer, x5)")
    ap.add_argument("--exit-timeout", type=float, default=None,
                    help="wall seconds the LSP server has to end after shutdown/exit (default: 5 x --timeout)")
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "fzlint-fuzz"))
    ap.add_argument("--only", help="comma-separated targets (default: all)")
    args = ap.parse_args(argv)
    if args.only:
        for name in list(WEIGHTS):
            if name not in args.only.split(","):
                del WEIGHTS[name]
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    total = args.inputs
    bounds = [args.start + total * k // args.jobs for k in range(args.jobs + 1)]
    procs, last_seen, position = {}, {}, {}

    def launch(k, start):
        p = ctx.Process(target=worker, args=(k, start, bounds[k + 1], args.seed, args.timeout, args.out, queue,
                                                    args.exit_timeout),
                        daemon=True)
        p.start()
        procs[k], last_seen[k], position[k] = p, time.time(), start

    for k in range(args.jobs):
        launch(k, bounds[k])
    counts = collections.Counter()
    classes = collections.Counter()
    slow = 0
    done, began = 0, time.time()
    running = set(range(args.jobs))
    while running:
        try:
            k, i, target, status, key, seconds = queue.get(timeout=1.0)
        except Exception:  # queue.Empty
            k = None
        now = time.time()
        if k is not None:
            last_seen[k] = now
            if status == "done":
                running.discard(k)
                continue
            position[k] = i + 1
            done += 1
            counts[(target, status)] += 1
            slow += seconds > 1.0
            if seconds > 1.0:     # named, so it can be replayed: --start INDEX -n 1 --seed SEED
                print(f"slow: input {i} ({target}) took {seconds:.2f} s of CPU", flush=True)
            if status == "fail":
                classes[key] += 1
            if done % 1000 == 0:
                print(f"{done} inputs, {sum(classes.values())} failures in {len(classes)} classes, "
                      f"{done / (now - began):.1f}/s", flush=True)
        for j in list(running):   # a worker stuck in C code (or killed by the kernel): restart it
            dead = not procs[j].is_alive()
            if dead or now - last_seen[j] > args.timeout * 3 + 30:
                procs[j].kill()
                procs[j].join()
                key = "worker died" if dead else "hang (no alarm)"
                classes[key] += 1
                done += 1
                if position[j] + 1 < bounds[j + 1]:
                    launch(j, position[j] + 1)
                else:
                    running.discard(j)
    elapsed = time.time() - began
    ok = sum(v for (t, s), v in counts.items() if s == "ok")
    print(f"\n{done} inputs in {elapsed:.0f} s ({done / max(elapsed, 1e-9):.1f}/s), seed {args.seed}; "
          f"{ok} clean ({100.0 * ok / max(done, 1):.2f} %), {slow} took over 1 s of CPU")
    by_target = collections.Counter()
    for (t, s), v in counts.items():
        by_target[t] += v
    print("per target: " + ", ".join(f"{t} {v}" for t, v in sorted(by_target.items())))
    if classes:
        print(f"{len(classes)} failure classes (examples in {args.out}):")
        for key, n in classes.most_common():
            print(f"  {n:6d}  {key}")
    else:
        print("no failures")
    return 1 if classes else 0


if __name__ == "__main__":
    sys.exit(main())
