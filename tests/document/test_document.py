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
