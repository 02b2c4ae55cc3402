"""Page chrome: lines of the web page around a report are not report content."""
import pytest

from linter.document.chrome import is_chrome_text
from linter.document.document import Document
from linter.readers import read_path


def test_seed_004_chrome_lines(seed):
    doc = read_path(str(seed("004")))
    chrome = [ln.number for ln in doc.lines if ln.chrome]
    assert chrome == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 15, 104, 105, 106]
    # the title, the body and the 落款 stay content
    assert not doc.line(12).chrome and not doc.line(99).chrome and not doc.line(101).chrome


@pytest.mark.parametrize("line", [
    "今天是:2019年10月31日 星期三 农历十月初七",
    "天津市某某区人民政府 2019年12月3日星期二",
    "来源:某某区人民政府办公室 发布时间:2024-03-28 09:18",
    "日期:2022-01-26 来源:某某镇",
    "[ 成文日期 ] 2022-01-26",
    "【发布机构】某某县司法局",
    "索引号：11500101/2022-00001",
    "| 索引号: | 4300000001/2026-00628 | 分类: | |",
    "您当前位置: 首页 > 政务公开 > 法治政府建设年度报告",
    "首页→ 网站公告",
    "【字体: 【打印文本】",
    "无障碍 简体| 繁体",
    "扫一扫在手机打开当前页面",
    "上一篇：某某镇2020年法治政府建设情况报告",
    "责任编辑：张三",
    "版权所有：某某县人民政府办公室",
    "2024-03-15 来源：某某县人民政府 【字体：大 中 小】",
    "2024年3月15日 10:20 浏览次数：126",
    "所属机构 长沙市天心区坡子街街道办事处",
    "信息索引号 11430100MB1234567X/2024-00012",
    "生成日期 2024-02-27",
    # (a flattened metadata table: the field, a tab, its value — or the title is read as 有效…)
    "有效性\t有效",
    # a printed page's number in a copy out of a PDF
    "— 1 —",
    "- 12 -",
    "第3页 共8页",
])
def test_chrome_lines(line):
    assert is_chrome_text(line)


@pytest.mark.parametrize("line", [
    "2022年1月26日",
    "二〇二二年一月二十六日",
    "某某镇人民政府",
    "一、2021年工作情况",
    "（一）加强组织领导，构建法治政府建设长效机制",
    "2021年，在区委、区政府的坚强领导下，某某镇坚持依法行政。",
    "全年发布行政执法信息公示来源数据120条，浏览量逾万次。",
    "今天是全国宪法宣传周的第一天，我镇组织开展宪法宣誓活动。",
    "2024年3月15日",
    "成文日期前完成报送，全年主动公开政府信息452条。",
    "2023年12月4日，镇司法所在集镇广场开展宪法宣传活动，资料来源：县普法办。",
    "— 全年开展法治讲座4次",
    "1.加强组织领导",
    # a table's row pasted as text, its cells holding sentences
    "| 述职述法 | 局党组书记、局长于12月20日在全局干部大会上述法，班子成员同步述法5人次 | 完成 |",
])
def test_report_lines_are_not_chrome(line):
    assert not is_chrome_text(line)


def test_footer_marks_everything_after_it():
    doc = Document.from_text("一、主要举措和成效\n全年开展普法活动12场次。\n相关文章\n"
                             "某某镇2020年法治政府建设情况报告\n某某镇2019年法治政府建设情况报告\n")
    assert [ln.chrome for ln in doc.lines] == [False, False, True, True, True]


def test_site_clock_is_never_the_date_but_the_filed_date_field_is():
    from linter.engine.run import analyze

    doc = Document.from_text("今天是:2019年10月31日 星期三\n[ 成文日期 ] 2021-02-03\n"
                             "某某县2020年法治政府建设情况报告\n2020年，某某县坚持依法行政。\n一、主要举措\n")
    m = analyze(doc).meta
    assert m.date == "2021-02-03" and m.date_source == "field"
    assert m.report_year == 2020


def test_iso_site_clock_with_weekday_is_chrome():
    assert is_chrome_text("2019-10-31 星期四")
    assert not is_chrome_text("2019-10-31")   # alone it may be a 落款 typed with dashes


def test_a_print_and_close_bar_above_the_report_is_no_footer():
    # Some sites set 【打印本页】【关闭窗口】 between the title and the text: the report follows it.
    doc = Document.from_text("南门街道办事处2023年度法治政府建设情况报告\n发布日期：2024-01-22\n【打印本页】【关闭窗口】\n"
                             "2023年，南门街道坚持以习近平法治思想为指导，全面推进依法行政。\n"
                             "一、推进法治政府建设的主要举措和成效\n（一）依法全面履行政府职能，全年办理事项186项。\n")
    assert [ln.chrome for ln in doc.lines] == [False, True, True, False, False, False]


def test_a_navigation_bar_of_short_names_is_chrome_but_a_table_row_of_prose_is_not():
    assert is_chrome_text("青衣县人民政府 | 政府信息公开 | 乡镇信息")
    assert is_chrome_text("首页 | 走进澄溪 | 政务公开 | 政务服务 | 互动交流")
    assert not is_chrome_text("全年办理案件12件 | 其中")
    assert not is_chrome_text("全年办理行政处罚案件12件，罚没款3.2万元 | 较上年增长10% | 其中简易程序8件")


def test_a_field_and_its_value_in_one_bracket_is_chrome():
    assert is_chrome_text("【发布单位：湖北省生态环境厅】　【发布时间：2021-03-05 16:20】　【阅读次数：】")
    assert is_chrome_text("[来源：某某县司法局] [浏览次数：152]")
    assert not is_chrome_text("【典型案例：某某镇依法化解一起土地纠纷】")


def test_the_site_name_heading_the_page_is_chrome_but_a_sentence_naming_the_site_is_not():
    assert is_chrome_text("巴彦查干盟行政公署门户网站")
    assert is_chrome_text("城东区人民政府门户网站  今天是：2021年6月8日 星期二")
    assert not is_chrome_text("通过区政府门户网站公开执法信息3200条。")


def test_a_page_copied_onto_one_line_keeps_its_report(seed):
    """A scraper's copy of seed 004's page with every line break lost opens on the site's
    bars and breadcrumbs: the report on that line is still read (not "没有可读的正文文字"),
    and F944 says the parts cannot be told apart."""
    from linter import lint_text
    flat = seed("004").read_text(encoding="utf-8").replace("\n", "")
    doc = Document.from_text(flat)
    assert not doc.line(1).chrome
    result = lint_text(flat, "page.txt")
    assert result.error is None
    codes = {d.code for d in result.diagnostics}
    # (its first part, run on after the intro's 报告如下：, is still found; the later ones are not)
    assert "F944" in codes and "S102" in codes
    # the same page with its lines: its bars are chrome, and its parts are read
    lined = lint_text(seed("004").read_text(encoding="utf-8"), "page.txt")
    assert not {"F944", "S102"} & {d.code for d in lined.diagnostics}
