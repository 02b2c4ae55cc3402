from linter.document.document import Document


def test_positions_map_back_through_removed_remnants():
    doc = Document.from_text("[bookmark: _GoBack]2021年，我镇规范字文件合法性审查")
    start = doc.content.index("规范字文件")
    span = doc.span(start, start + 5)
    assert (span.line, span.column) == (1, 19 + 9)
    assert doc.line(1).text[span.column - 1: span.end_column - 1] == "规范字文件"


def test_half_width_punctuation_folds_for_matching_but_not_for_the_user():
    doc = Document.from_text("(一)系统谋划,推进法治政府建设\n罚没收入1,300元")
    assert doc.line(1).norm.startswith("（一）系统谋划，")
    assert doc.line(1).text.startswith("(一)系统谋划,")
    assert "1,300" in doc.line(2).norm


def test_web_chrome_lines_are_not_content():
    doc = Document.from_text("您当前位置: 首页 > 政务公开 > 法治政府建设年度报告\n[ 成文日期 ] 2022-01-26\n"
                             "一、2021年工作情况\n扫一扫在手机打开当前页面\n我要找政策")
    assert [ln.chrome for ln in doc.lines] == [True, True, False, True, True]
    assert "首页" not in doc.content and "2021年工作情况" in doc.content


def test_traditional_copy_is_matched_as_simplified_with_original_columns():
    doc = Document.from_text("一、2021年推進法治政府建設的主要舉措和成效")
    assert "推进法治政府建设的主要举措和成效" in doc.content
    assert doc.line(1).text == "一、2021年推進法治政府建設的主要舉措和成效"



def test_a_few_traditional_characters_left_in_a_simplified_report_are_read_simplified():
    # a paste or an OCR pass leaves 況, 處 and 記 here and there
    doc = Document.from_text("一、2023年法治政府建设工作完成情況\n组织学习《行政處罰法》，规范执法全过程記录。")
    assert "完成情况" in doc.content and "行政处罚法" in doc.content and "全过程记录" in doc.content


def _opening_class(pattern):
    """The characters every match of a pattern starts with (from the first-character scan)."""
    import re
    from linter.text import literals
    finder = literals.by_first_character(pattern)
    members = re.match(r"(\[(?:\\.|[^\]\\])*\])\(\?<=", finder.pattern).group(1)
    cls = re.compile(members)
    return {chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000 and cls.match(chr(c))}


def test_what_is_looked_for_once_per_report_covers_what_each_line_was_searched_for():
    # a report without any of these characters is not searched line by line for remnants or
    # chrome signs: the lists must hold every character such a match can start with
    from linter.document import chrome
    from linter.text import normalize
    assert _opening_class(normalize._REMNANTS) <= set(normalize.REMNANT_OPENERS)
    assert _opening_class(chrome._ANYWHERE_SIGN) <= set(chrome._ANYWHERE_OPENERS)


def test_remnants_surrogates_and_chrome_signs_are_still_handled_line_by_line():
    text = ("某镇2023年法治政府建设情况报告\n首页 > 政务公开 > 法治政府建设年度报告\n"
            "一、主要举措\n开展[bookmark: _Toc1]法治\u200b宣传\ufeff活动12场\ud800。")
    doc = Document.from_text(text)
    assert doc.line(2).chrome                                    # a breadcrumb: chrome
    assert doc.line(4).norm == "开展法治宣传活动12场\ufffd。"        # remnants cut, a lone surrogate replaced
    plain = Document.from_text("某镇2023年法治政府建设情况报告\n一、主要举措\n开展法治宣传活动12场。")
    assert not any(ln.chrome for ln in plain.lines) and plain.line(3).norm == "开展法治宣传活动12场。"
