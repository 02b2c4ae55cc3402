"""Adversarial inputs: texts of a given size built to hit the worst case of some step.

Each generator returns a text of about ``size`` characters; ``make(name, budget)`` sizes a
case to a budget of UTF-8 bytes (default 200 KB, the largest upload the target covers). They are the input classes that hung the linter for 15–60 s before
issue 12 (one line full of zero-width characters or ``[bookmark:]`` remnants, a line of
spaces, nested half-width parentheses, one sentence with many topic hits, long runs of
digits or 一) and a few more of the same spirit (many headings, many enumeration lines,
unclosed brackets and quotes, many short lines).

    python bench/adversarial.py            # time every case in this process
    python bench/adversarial.py --size 300000

Used by bench/benchmark.py (the README figures) and tests/test_linear.py (work counts).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HEAD = "某某镇人民政府关于2024年度法治政府建设工作情况的报告\n"
# Phrases that many topic rules look for, so one sentence holds hundreds of topic hits.
TOPIC_WORDS = ("法律顾问", "执法记录仪", "行政复议", "普法", "合法性审查", "行政执法", "公平竞争审查",
               "宪法宣誓", "法治培训", "行政诉讼", "重大行政决策", "三项制度", "依法行政", "八五普法")


def _fill(unit: str, size: int) -> str:
    return (unit * (size // max(1, len(unit)) + 1))[:size]


def zero_width(size: int) -> str:
    return HEAD + _fill("依法\u200b行政\u200d", size) + "。\n"


def bookmarks(size: int) -> str:
    return HEAD + _fill("推进[bookmark:_Toc12345]依法行政", size) + "。\n"


def unclosed_bookmarks(size: int) -> str:
    return HEAD + _fill("[bookmark:", size) + "\n"


def spaces(size: int) -> str:
    return HEAD + "一、" + " " * size + "法治建设\n"


def untitled_spaces(size: int) -> str:
    """No title, and first lines of nothing but spaces: the metadata block's title field is
    looked for there (an optional bracket between two runs of spaces split them n² ways)."""
    return "\n".join([" " * (size // 2)] * 2) + "\n今年以来，全镇法治建设稳步推进。\n"


def nested_parens(size: int) -> str:
    half = size // 2
    return HEAD + "(" * half + "法治" + ")" * half + "\n"


def open_parens(size: int) -> str:
    return HEAD + _fill("(（依法", size) + "\n"


def long_sentence(size: int) -> str:
    return HEAD + _fill("，".join(TOPIC_WORDS) + "，", size) + "。\n"


def titles(size: int) -> str:
    """One line copied over and over with no stop: a "sentence" of thousands of 《…》 titles
    naming the topics (a hit's own title was blanked and the whole window read again for
    each title: quadratic; seen in a fuzzed seed)."""
    line = ("我镇坚持以《某省行政执法公示办法》《某省行政执法全过程记录办法》"
            "《某省重大行政执法决定法制审核办法》等文件为指导纲领，完善执法公示、\n")
    return HEAD + _fill(line, size)


def space_lines(size: int) -> str:
    """Lines of nothing but spaces, each after a line break or a page's form feed, with a year
    at the end: a pattern with two space loops in a row at a line's start retried every split of
    every line (a fuzzed report with 90,000 such characters took 31 s)."""
    return HEAD + _fill("\n" + " " * 1500, size - 8) + "\n2020年。\n"


def digits(size: int) -> str:
    return HEAD + "共开展" + "1" * size + "次\n"


def topic_digits(size: int) -> str:
    """Topic hits, then a run of digits with no unit after it (every figure regex retried
    from each digit was quadratic)."""
    return HEAD + "2024年，" + "，".join(TOPIC_WORDS) + "1" * size + "\n第" + "1" * 100 + "\n"


def topic_yi(size: int) -> str:
    return HEAD + "2024年，" + "，".join(TOPIC_WORDS) + "一" * size + "\n"


def word_run(size: int) -> str:
    """Half-width marks around a long run of letters (the e-mail pattern retried from every letter)."""
    return HEAD + "推进," + "a" * size + ",法治\n"


def dotted(size: int) -> str:
    return HEAD + "推进," + "1." * (size // 2) + "法治\n"


def digit_groups(size: int) -> str:
    return HEAD + _fill("1,2.3:4", size) + "\n"


def yi_run(size: int) -> str:
    return HEAD + "开展" + "一" * size + "次\n"


def numerals(size: int) -> str:
    return HEAD + _fill("二十三次四百五十人", size) + "\n"


def headings(size: int) -> str:
    lines, i = [], 0
    while sum(map(len, lines)) < size:
        i += 1
        lines.append(f"{'一二三四五六七八九十'[i % 10]}、加强法治建设\n（{'一二三四五六七八九十'[i % 10]}）推进依法行政\n{i}.落实")
    return HEAD + "\n".join(lines) + "\n"


def contents(size: int) -> str:
    """Pairs of part headings with no text between them, none typed twice: every pair near the
    top is tried as a table of contents, each trial reading the report to its end."""
    lines, i = [], 0
    while sum(map(len, lines)) < size:
        i += 1
        lines.append(f"一、加强法治建设第{i}项\n二、推进依法行政第{i}项\n落实。")
    return HEAD + "\n".join(lines) + "\n"


def enumerations(size: int) -> str:
    return HEAD + _fill("一是加强领导；二是健全制度；三是强化监督。\n", size)


def quotes(size: int) -> str:
    return HEAD + _fill("“《〔（【依法行政", size) + "\n"


def short_lines(size: int) -> str:
    return HEAD + _fill("法\n", size)


def stops(size: int) -> str:
    return HEAD + _fill("。；！？", size) + "\n"


def spaced_prose(size: int) -> str:
    """One line of prose whose every character a PDF set a space apart, commas between: each
    space between two Chinese characters is cut for matching (normalize)."""
    return HEAD + _fill("法 律 顾 问 审 查 合 同，", size) + "\n"


def years(size: int) -> str:
    return HEAD + _fill("2024年1月1日至2025年12月31日，", size) + "\n"


def lookahead_run(size: int) -> str:
    """A report that tells leaders' study, then one run of a word that opens a study pattern
    (日前, 邀请, 主持) with no stop: each pattern's lookahead read to the run's end from every one
    (fuzzing found it, 1.7 s on 74 KB; 8.5 s on 180 KB before the lookaheads were bounded)."""
    return HEAD + "镇党委理论学习中心组开展集中学习4次，邀请律师授课讲解民法典。\n" + _fill("日前邀请主持", size) + "\n"


def gap_heading(size: int) -> str:
    """A heading followed by one long gap of spaces: where its title ends was searched by a
    regex that gave the gap back a space at a time, reading 200 characters ahead after each
    (1.9 s on 200 KB; fuzzing found it)."""
    return HEAD + "（8）强化" + _fill(" ", size) + "x\n"


def year_gap(size: int) -> str:
    """A part heading whose year is followed by one long gap of spaces: the years were read by a
    regex with two \\s* in a row there, which split the gap n ways (14.9 s of CPU on a 108 KB
    report; fuzzing found it)."""
    return HEAD + "一、2024" + _fill(" ", size) + "推进法治政府建设的主要举措和成效\n"


def enumerated_run(size: int) -> str:
    """One line of thousands of enumerated items (一是…，一是…) with no stop: each item's opening
    clause was looked for by splitting the rest of the line at its first stop, from every item."""
    return HEAD + _fill("一是认真学习领会习近平法治思想，", size) + "。\n"


def shortfall_run(size: int) -> str:
    """One sentence of thousands of clauses telling work not done well enough (…有待加强): each
    mention's clause was found by a scan back through the whole report for every stop character."""
    return HEAD + "一、2024年推进法治政府建设的主要举措和成效\n" + _fill("“以案释法”开展力度有待加强，", size) + "。\n"


CASES = {f.__name__: f for f in (zero_width, bookmarks, unclosed_bookmarks, spaces, nested_parens,
                                 open_parens, long_sentence, titles, space_lines, digits, topic_digits, topic_yi, word_run, dotted,
                                 digit_groups, yi_run, numerals,
                                 headings, contents, enumerations, quotes, short_lines, stops, years, untitled_spaces,
                                 spaced_prose, lookahead_run, gap_heading, year_gap, enumerated_run, shortfall_run)}


def make(name: str, budget: int = 200_000) -> str:
    """Case ``name`` at (just under) ``budget`` bytes of UTF-8."""
    fn, chars = CASES[name], budget
    for _ in range(4):
        text = fn(chars)
        size = len(text.encode("utf-8"))
        if size <= budget:
            return text
        chars = int(chars * budget / size * 0.99)
    return text


def seed_text(size: int, root: Path | None = None) -> str:
    """Seed reports repeated to ``size`` characters (whole lines), for the scaling rows."""
    root = root or Path(__file__).resolve().parent.parent
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt")))
    lines, n = [], 0
    src = seeds.splitlines()
    while n < size:
        for line in src:
            lines.append(line)
            n += len(line) + 1
            if n >= size:
                break
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=200_000, help="bytes (UTF-8) per case")
    ap.add_argument("cases", nargs="*", default=list(CASES))
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from linter import lint_text
    lint_text("热身。")
    for name in args.cases:
        text = make(name, args.size)
        t = time.perf_counter()
        lint_text(text, f"{name}.txt")
        print(f"{name:20s} {len(text.encode('utf-8')) / 1000:7.0f} KB {time.perf_counter() - t:7.2f} s", flush=True)


if __name__ == "__main__":
    main()
