"""Terminal columns and wrapping of Chinese help text (linter.text.width)."""
from __future__ import annotations

from hypothesis import given, strategies as st

from linter.text.width import display_width, wrap_display

HELP = "报告单位层级（覆盖自动识别）：township、county、city、province、department"


def test_chinese_characters_take_two_columns_and_latin_one():
    assert display_width("fzlint") == 6
    assert display_width("检查报告") == 8
    assert display_width("（默认：text）") == 14


def test_a_help_line_breaks_between_chinese_characters_not_inside_an_english_word():
    lines = wrap_display(HELP, 40)
    assert all(display_width(ln) <= 40 for ln in lines)
    assert "".join(lines) == HELP
    for word in ("township", "county", "province", "department"):
        assert any(word in ln for ln in lines)


def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one():
    text = "达到此级别的问题使退出码为 1：error、warning（默认）、info"
    for width in range(8, 40):
        for ln in wrap_display(text, width):
            assert ln[:1] not in "，。、；：）" and ln[-1:] not in "（“"


def test_a_mark_after_a_space_may_start_the_next_line():
    # found by the property below: " 、.a" at 4 columns came out as one 5-column line
    assert wrap_display(" 、.a", 4) == ["、.a"]
    assert wrap_display("检查 、报告", 4) == ["检查", "、报", "告"]


_MIXED = st.text(alphabet=st.sampled_from(list("检查报告（）、，。“”") + list("abc-. ")), max_size=80)
_CHINESE = st.text(alphabet=st.sampled_from(list("检查报告依法行政")), max_size=80)


@given(_MIXED, st.integers(min_value=4, max_value=60))
def test_wrapping_keeps_every_character_but_the_spaces_it_breaks_at(text, width):
    lines = wrap_display(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(display_width(ln) <= width or " " not in ln for ln in lines)   # over only when unbreakable


@given(_CHINESE, st.integers(min_value=2, max_value=60))
def test_chinese_text_fills_each_line_to_the_width(text, width):
    lines = wrap_display(text, width)
    assert all(display_width(ln) <= width for ln in lines)
    assert all(display_width(ln) > width - 2 for ln in lines[:-1])      # no line broken early
