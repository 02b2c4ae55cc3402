"""Sibling headings that reach 一百 (an IndexError before): labels and numerals past 九十九."""
from linter import lint_text
from linter.text.numerals import chinese_numeral, cn_number


def test_numerals_both_ways_past_ninety_nine():
    for n, text in [(1, "一"), (10, "十"), (12, "十二"), (99, "九十九"), (100, "一百"), (101, "一百零一"),
                    (110, "一百一十"), (999, "九百九十九")]:
        assert chinese_numeral(n) == text and cn_number(text) == n
    assert chinese_numeral(1000) == "1000" and cn_number("一二") is None and cn_number("百") is None


def test_a_repeated_ninety_ninth_heading_asks_for_one_hundred():
    heads = "\n".join(f"{chinese_numeral(n)}、第{n}项工作情况\n本项工作全年开展{n}次。" for n in range(1, 100))
    text = "某县2024年法治政府建设工作情况报告\n" + heads + "\n九十九、第一百项工作情况\n本项工作全年开展100次。\n"
    result = lint_text(text)
    repeat = [d for d in result.diagnostics if d.code == "F902"]
    assert len(repeat) == 1 and "应为“一百、”" in repeat[0].message
