"""What a report says about itself: title, issuer, year, level, date.

Seed expectations were read from seeds/*.txt by hand; the other cases are sentences
written the way reports are written.
"""
import pytest

from linter.document.document import Document
from linter.engine.run import analyze
from linter.document.meta import level_of_name
from linter.readers import read_path


def meta_of(text: str):
    return analyze(Document.from_text(text)).meta


def seed_meta(seed, prefix):
    return analyze(read_path(str(seed(prefix)))).meta


# -- the seeds -------------------------------------------------------------------
def test_seed_000_no_title_year_from_the_body(seed):
    m = seed_meta(seed, "000")
    assert m.title is None and m.title_lines == []
    assert "中梁镇" in m.issuer
    assert (m.report_year, m.year_source) == (2021, "body")
    assert m.level == "township"
    assert m.date is None


def test_seed_001_title_over_two_lines(seed):
    m = seed_meta(seed, "001")
    assert m.title == "城口县庙坝镇人民政府2020年法治政府建设工作情况报告"
    assert m.title_lines == [1, 2]
    assert m.issuer == "城口县庙坝镇人民政府"
    assert (m.report_year, m.year_source) == (2020, "title")
    assert m.level == "township"
    assert m.date is None


def test_seed_002_title_over_lines_one_and_three(seed):
    m = seed_meta(seed, "002")
    assert m.title == "重庆市南岸区鸡冠石镇人民政府关于2024年度法治政府建设情况的报告"
    assert m.title_lines == [1, 3]
    assert m.issuer == "重庆市南岸区鸡冠石镇人民政府"
    assert m.report_year == 2024 and m.level == "township" and m.date is None


def test_seed_003_title_after_blank_lines(seed):
    m = seed_meta(seed, "003")
    assert m.title == "梅县区松源镇2021年法治政府建设年度报告"
    assert m.title_lines == [5, 6]
    assert m.issuer == "梅县区松源镇"
    assert m.report_year == 2021 and m.level == "township" and m.date is None


def test_seed_004_web_copy(seed):
    m = seed_meta(seed, "004")
    assert m.title == "重庆市万州区孙家镇人民政府关于2021年度法治政府建设情况的报告"
    assert m.title_lines == [12]          # the first complete copy of a repeated title
    assert m.issuer == "重庆市万州区孙家镇人民政府"
    assert m.issuer_source == "signature"
    assert (m.report_year, m.year_source) == (2021, "title")
    assert m.level == "township"
    assert (m.date, m.date_source) == ("2022-01-26", "signature")


# -- sentences -------------------------------------------------------------------
def test_frp_first_county_report():
    m = meta_of("2023年，静安县坚持以习近平法治思想为指导，扎实推进法治政府建设。\n"
                "一、县政府主要负责同志履行推进法治建设第一责任人职责情况\n"
                "县政府常务会议专题学法4次。\n")
    assert m.issuer == "静安县" and m.level == "county"
    assert (m.report_year, m.year_source) == (2023, "body")


def test_themed_report_issuer_and_year_from_the_opening_sentence():
    m = meta_of("2022年，在区委、区政府的坚强领导下，友爱路街道深入学习贯彻习近平法治思想。"
                "现将友爱路街道2022年法治政府建设工作报告如下：\n"
                "一、加强党的领导，压实法治建设责任\n二、深化普法宣传，营造法治氛围\n")
    assert m.issuer == "友爱路街道" and m.level == "township" and m.report_year == 2022


def test_county_level_city_is_county():
    m = meta_of("2022年，清河市坚持以习近平新时代中国特色社会主义思想为指导，在安阳市委、市政府的坚强"
                "领导下，推动政府各项工作全面纳入法治轨道。\n一、2022年法治政府建设情况\n")
    assert m.issuer == "清河市" and m.level == "county"


def test_prefecture_city_is_city():
    m = meta_of("石家庄市人民政府关于2016年度法治政府建设情况的报告\n"
                "2016年以来，在省委、省政府的正确领导下，我市全面推进依法行政。\n一、主要工作\n")
    assert m.issuer == "石家庄市人民政府" and m.level == "city" and m.report_year == 2016


def test_department_of_any_level():
    m = meta_of("青川县司法局\n2025年法治政府建设报告\n"
                "青川县司法局全面贯彻习近平法治思想，现就2025年法治政府建设情况报告如下：\n"
                "一、推进法治政府建设的主要举措和成效\n")
    assert m.title == "青川县司法局2025年法治政府建设报告"
    assert m.issuer == "青川县司法局" and m.level == "department" and m.report_year == 2025
    assert level_of_name("重庆市生态环境局") == "department"
    assert level_of_name("北京市大兴区司法局") == "department"
    assert level_of_name("某某县人民政府办公室") == "department"


def test_province_reports():
    m = meta_of("2021年，黑龙江省深入贯彻习近平法治思想，扎实推进依法行政。\n"
                "一、省委、省政府坚持政治站位，加强组织领导\n")
    assert m.issuer == "黑龙江省" and m.level == "province"
    joint = meta_of("中共某某省委 某某省人民政府关于2022年度法治政府建设情况的报告\n"
                    "2022年，全省上下深入学习贯彻习近平法治思想。\n一、主要举措和成效\n")
    assert joint.level == "province" and joint.report_year == 2022
    assert level_of_name("重庆市人民政府") == "province"
    assert level_of_name("天津市静海区") == "county"


def test_joint_township_party_committee_and_government():
    m = meta_of("中共某某县永庆镇委员会 某某县永庆镇人民政府关于2024年度法治政府建设工作情况的报告\n"
                "2024年，永庆镇坚持依法行政。\n一、主要举措和成效\n")
    assert m.issuer == "某某县永庆镇人民政府"
    assert m.issuers == ["中共某某县永庆镇委员会", "某某县永庆镇人民政府"]
    assert m.level == "township"


def test_traditional_character_title():
    m = meta_of("某某縣人民政府關於2022年度法治政府建設情況的報告\n"
                "2022年，某某縣堅持以習近平法治思想為指導。\n一、主要舉措和成效\n")
    assert m.title == "某某县人民政府关于2022年度法治政府建设情况的报告"
    assert m.report_year == 2022 and m.year_source == "title"
    assert m.level == "county"


def test_chinese_numeral_signature_date():
    m = meta_of("某某镇2021年度法治政府建设情况报告\n一、主要举措和成效\n全年开展普法活动12场次。\n"
                "某某镇人民政府\n二〇二二年一月二十六日\n")
    assert (m.date, m.date_source) == ("2022-01-26", "signature")
    assert m.issuer == "某某镇人民政府"


def test_site_clock_and_publish_time_are_not_the_report_date_or_year():
    m = meta_of("今天是:2019年10月31日 星期四\n"
                "发布时间:2024-03-28 09:18\n"
                "某某区2023年度法治政府建设情况报告\n"
                "2023年，某某区坚持依法行政。\n一、主要举措和成效\n全年办理行政复议案件8件。\n")
    assert m.report_year == 2023
    assert m.date is None
    assert m.title_lines == [3]


def test_filed_date_field_is_a_date_source():
    m = meta_of("[ 成文日期 ] 2022-01-26\n某某镇人民政府关于2021年度法治政府建设情况的报告\n"
                "2021年，某某镇坚持依法行政。\n一、2021年工作情况\n全年开展普法活动12场次。\n")
    assert (m.date, m.date_source) == ("2022-01-26", "field")


def test_two_line_title_and_a_year_that_only_the_body_gives():
    m = meta_of("青石乡人民政府\n关于法治政府建设工作的情况报告\n"
                "2025年，我乡认真落实《法治政府建设实施纲要（2021—2025年）》各项任务。青石乡坚持依法行政。\n"
                "一、加强组织领导，压实法治建设责任\n")
    assert m.title == "青石乡人民政府关于法治政府建设工作的情况报告" and m.title_lines == [1, 2]
    assert (m.report_year, m.year_source) == (2025, "body")
    assert m.issuer == "青石乡人民政府" and m.level == "township"


def test_a_heading_year_does_not_override_the_title():
    m = meta_of("某某镇2020年法治政府建设工作报告\n"
                "一、2021年工作情况\n（一）加强组织领导。2021年召开会议3次。\n")
    assert (m.report_year, m.year_source) == (2020, "title")


def test_year_from_the_plan_heading_when_nothing_else_says():
    m = meta_of("我镇坚持依法行政，法治政府建设取得新成效。\n一、主要举措和成效\n全年开展普法活动。\n"
                "二、存在的不足\n形式单一。\n三、2023年工作思路\n加强学习。\n")
    assert (m.report_year, m.year_source) == (2022, "body")
    assert m.level == "township"        # from 我镇


def test_salutation_is_not_the_issuer():
    m = meta_of("市委全面依法治市委员会：\n2025年，上村乡法治政府建设在市委、市政府领导下，"
                "各项工作有序推进。现把全年工作情况报告如下：\n一、2025年度工作总体情况\n")
    assert m.issuer == "上村乡" and m.level == "township" and m.report_year == 2025


@pytest.mark.parametrize("name,level", [
    ("某某街道办事处", "township"), ("某某镇人民政府", "township"), ("中共某某镇委员会", "township"),
    ("某某自治县", "county"), ("某某旗", "county"), ("某某区人民政府", "county"),
    ("某某自治州", "city"), ("镇江市", "city"), ("某某省人民政府", "province"),
    ("某某省司法厅", "department"), ("某某市发展和改革委员会", "department"),
])
def test_level_of_name(name, level):
    assert level_of_name(name) == level


def test_opening_sentence_words_are_not_taken_for_a_department():
    m = meta_of("2021年，某某县立足全局，围绕中心工作，服务发展大局。\n一、主要举措和成效\n")
    assert m.issuer == "某某县" and m.level == "county"
    m = meta_of("2021年，某某镇党委、政府坚持依法行政。\n一、主要举措和成效\n")
    assert m.issuer == "某某镇" and m.level == "township"
    m = meta_of("2021年，某某市城市管理综合行政执法支队坚持依法行政。\n一、主要举措和成效\n")
    assert m.level == "department"


# -- classes of report read wrongly before (issue 9) ---------------------------------
@pytest.mark.parametrize("text,issuer,level", [
    ("广西壮族自治区人民政府关于2022年度法治政府建设情况的报告\n2022年，全区各级各部门深入学习贯彻习近平法治思想。\n"
     "一、主要举措和成效\n", "广西壮族自治区人民政府", "province"),
    ("2022年法治政府建设情况报告\n2022年，宁夏回族自治区坚持以习近平法治思想为指导。\n一、主要举措和成效\n",
     "宁夏回族自治区", "province"),
    ("恩施土家族苗族自治州人民政府关于2023年度法治政府建设情况的报告\n2023年，全州坚持依法行政。\n一、主要举措和成效\n",
     "恩施土家族苗族自治州人民政府", "city"),
    ("锡林郭勒盟行政公署2022年法治政府建设情况报告\n一、主要举措和成效\n", "锡林郭勒盟行政公署", "city"),
    ("2022年，双江拉祜族佤族布朗族傣族自治县坚持依法行政。\n一、主要举措和成效\n",
     "双江拉祜族佤族布朗族傣族自治县", "county"),
    ("2022年，科尔沁左翼中旗坚持以习近平法治思想为指导，扎实推进法治政府建设。\n一、主要举措和成效\n",
     "科尔沁左翼中旗", "county"),
])
def test_autonomous_units_and_banners(text, issuer, level):
    m = meta_of(text)
    assert (m.issuer, m.level) == (issuer, level)


def test_county_government_without_its_place_name():
    m = meta_of("关于2023年度法治政府建设情况的报告\n2023年，在市委、市政府的坚强领导下，我县坚持依法行政。\n"
                "一、主要举措和成效\n全年办理行政复议案件8件。\n县人民政府\n2024年1月20日\n")
    assert (m.issuer, m.issuer_source, m.level) == ("县人民政府", "signature", "county")
    m = meta_of("2023年，县人民政府坚持以习近平法治思想为指导，在市委、市政府的领导下推进依法行政。\n"
                "一、主要举措和成效\n")
    assert (m.issuer, m.level) == ("县人民政府", "county")


@pytest.mark.parametrize("text,issuer", [
    ("某某市人民政府办公室2023年度法治政府建设工作报告\n2023年，市政府办公室坚持依法行政。\n一、主要举措和成效\n",
     "某某市人民政府办公室"),
    ("2023年，县政府办公室坚持依法行政，全县政务公开工作稳步推进。\n一、主要举措和成效\n", "县政府办公室"),
    # (a short form is given as the full name a reviewer and a roster write)
    ("2023年，某某市市场监管局深入学习贯彻习近平法治思想。\n一、主要举措和成效\n", "某某市市场监督管理局"),
    ("2023年，区司法局坚持以习近平法治思想为指导，全区法治建设取得新成效。\n一、主要举措和成效\n", "区司法局"),
    ("2024年度法治政府建设情况报告\n2024年，某某区应急管理局坚持以习近平法治思想为指导。\n一、主要举措和成效\n",
     "某某区应急管理局"),
    ("某某市住房和城乡建设局2023年法治政府建设工作报告\n一、主要举措和成效\n", "某某市住房和城乡建设局"),
    ("2023年，某某县人力资源和社会保障局坚持依法行政，全县就业形势稳定。\n一、主要举措和成效\n",
     "某某县人力资源和社会保障局"),
])
def test_offices_and_bureaus_are_departments_whatever_their_level(text, issuer):
    m = meta_of(text)
    assert (m.issuer, m.level) == (issuer, "department")


def test_issuer_and_title_only_in_the_site_metadata_block():
    m = meta_of("[ 发 布 机 构 ] 某某县应急管理局\n[ 标  题 ] 关于2022年度法治政府建设工作情况的报告\n"
                "[ 成文日期 ] 2024-02-01\n一年来，我们坚持依法行政，2024年将继续努力，2024年还要加强。\n"
                "一、主要举措和成效\n")
    assert m.title == "关于2022年度法治政府建设工作情况的报告" and m.title_lines == [2]
    assert (m.issuer, m.issuer_source, m.level) == ("某某县应急管理局", "field", "department")
    assert (m.report_year, m.year_source) == (2022, "title")
    assert m.date == "2024-02-01"


def test_the_pages_source_field_spells_out_the_name_the_opening_shortens():
    page = ("法治政府建设年度报告\n来源：某某市蜀山区人民政府 发布时间：2024-03-29\n"
            "2023年，蜀山区认真学习贯彻习近平法治思想，现将年度情况报告如下。\n一、主要举措和成效\n")
    m = meta_of(page)
    assert (m.issuer, m.issuer_source, m.level) == ("某某市蜀山区人民政府", "field", "county")
    # a field naming another body does not replace the opening's
    m = meta_of(page.replace("某某市蜀山区人民政府", "某某市司法局"))
    assert (m.issuer, m.issuer_source) == ("蜀山区", "body")


def test_a_title_opening_on_guanyu_names_the_unit_after_it_and_its_byline_spells_it_out():
    m = meta_of("关于桃江县2023年法治政府建设工作情况的报告\n一、主要举措和成效\n全年作出重大行政决策5项。\n")
    assert (m.issuer, m.level) == ("桃江县", "county")
    m = meta_of("关于桃江县2023年法治政府建设工作情况的报告\n桃江县人民政府\n一、主要举措和成效\n")
    assert (m.issuer, m.issuer_source) == ("桃江县人民政府", "byline")


def test_a_page_header_opening_on_its_date_is_not_part_of_the_title():
    m = meta_of("2024-03-15 来源：汉寿县人民政府 【字体：大 中 小】\n汉寿县岩汪湖镇人民政府关于\n"
                "2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年开展法治宣传活动16场。\n")
    assert m.title == "汉寿县岩汪湖镇人民政府关于2023年度法治政府建设情况的报告"
    assert (m.issuer, m.level) == ("汉寿县岩汪湖镇人民政府", "township")


def test_a_year_written_in_chinese_numerals_in_the_title_is_the_report_year():
    m = meta_of("某某县人民政府关于二〇二三年度法治政府建设情况的报告\n全县坚持依法行政。\n一、主要举措和成效\n")
    assert (m.report_year, m.year_source) == (2023, "title")


def test_a_joint_byline_spells_out_the_short_name_of_the_title():
    m = meta_of("某某街道2023年法治政府建设年度报告\n某某街道党工委 某某街道办事处\n"
                "2023年，街道坚持依法行政。\n一、主要举措和成效\n")
    assert m.issuers == ["某某街道党工委", "某某街道办事处"] and m.issuer == "某某街道办事处"


def test_the_titles_year_beats_a_later_publication_or_filed_date():
    m = meta_of("2024年3月5日 某某县2023年法治政府建设年度报告\n2023年，某某县坚持依法行政。\n一、主要举措和成效\n")
    assert (m.report_year, m.year_source) == (2023, "title")
    m = meta_of("[ 成文日期 ] 2025-03-20\n某某镇2023年法治政府建设工作报告\n一、主要举措和成效\n"
                "2024年启动的项目已完成。2024年将继续推进。\n")
    assert (m.report_year, m.year_source) == (2023, "title")


@pytest.mark.parametrize("text,issuer", [
    ("太和镇人民政府关于2023年度法治政府建设情况的报告\n2023年，太和镇坚持依法行政。\n一、主要举措和成效\n",
     "太和镇人民政府"),
    ("2023年，和平镇坚持以习近平法治思想为指导，扎实推进法治政府建设。\n一、主要举措和成效\n", "和平镇"),
    ("永和县2023年法治政府建设情况报告\n2023年，永和县坚持依法行政。\n一、主要举措和成效\n", "永和县"),
    ("与和乡人民政府2023年度法治政府建设情况报告\n一、主要举措和成效\n", "与和乡人民政府"),
])
def test_unit_names_with_he_or_yu_are_one_issuer(text, issuer):
    m = meta_of(text)
    assert m.issuer == issuer and m.issuers == [issuer]


def test_joint_issuers_joined_by_he_or_a_space_are_still_split():
    m = meta_of("中共某某镇委员会和某某镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n")
    assert m.issuers == ["中共某某镇委员会", "某某镇人民政府"] and m.issuer == "某某镇人民政府"
    m = meta_of("2023年法治政府建设情况报告\n一、主要举措和成效\n全年开展普法12场次。\n"
                "中共永和县委 永和县人民政府\n2024年1月5日\n")
    assert m.issuers == ["中共永和县委", "永和县人民政府"] and m.issuer == "永和县人民政府"
    assert m.level == "county"


@pytest.mark.parametrize("title,issuers", [
    ("中共北岭镇委员会北岭镇人民政府关于2024年度法治政府建设情况的报告", ["中共北岭镇委员会", "北岭镇人民政府"]),
    ("中共永和县委永和县人民政府关于2024年度法治政府建设情况的报告", ["中共永和县委", "永和县人民政府"]),
    ("中共红星街道工作委员会红星街道办事处关于2024年度法治政府建设情况的报告",
     ["中共红星街道工作委员会", "红星街道办事处"]),
])
def test_joint_issuers_written_together_without_a_mark_are_split(title, issuers):
    m = meta_of(title + "\n一、主要举措和成效\n全年开展普法12场次。\n")
    assert m.issuers == issuers and m.issuer == issuers[-1]


def test_issuers_on_a_line_of_their_own_under_a_title_that_names_none():
    m = meta_of("2024年度法治政府建设情况报告\n北岭镇人民政府\n一、主要举措和成效\n全年开展普法12场次。\n")
    assert (m.issuer, m.issuer_source, m.level) == ("北岭镇人民政府", "byline", "township")
    # a first sentence is no byline
    m = meta_of("2024年度法治政府建设情况报告\n全镇上下坚持依法行政，成效明显。\n一、主要举措和成效\n")
    assert m.issuer_source != "byline"


def test_a_party_committee_and_its_bare_government_in_the_title():
    m = meta_of("和平镇党委、政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n")
    assert m.issuers == ["和平镇党委", "和平镇政府"] and m.issuer == "和平镇政府" and m.level == "township"
    m = meta_of("中共永和县委 永和县人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n")
    assert m.issuers == ["中共永和县委", "永和县人民政府"] and m.issuer == "永和县人民政府"
    assert m.places == ["山西省", "临汾市", "永和县"]


def test_metadata_block_as_a_table_with_cells():
    m = meta_of("| 索引号 | 11500/2024-00012 | 发布机构 | 某某县司法局 |\n"
                "| 标 题 | 关于2023年度法治政府建设情况的报告 |\n| 成文日期 | 2024-01-20 |\n"
                "一年来，我们坚持依法行政。\n一、主要举措和成效\n")
    assert m.title == "关于2023年度法治政府建设情况的报告" and m.report_year == 2023
    assert (m.issuer, m.issuer_source, m.level) == ("某某县司法局", "field", "department")
    assert m.date == "2024-01-20"


def test_a_padded_title_field_is_read_and_a_line_of_spaces_does_not_stall_the_search():
    """The metadata block's title field ("[ 标 题 ] …") is still found; and a report with no
    title whose first lines are only spaces (a pasted page) is read at once: an optional
    bracket between two runs of spaces used to split a 120,000-space line n² ways (minutes)."""
    import time
    padded = Document.from_text("[ 标  题 ] 东溪镇2024年法治政府建设工作情况报告\n今年以来，我镇法治建设稳步推进。\n")
    assert analyze(padded).meta.title == "东溪镇2024年法治政府建设工作情况报告"
    spaces = Document.from_text(" " * 120_000 + "\n今年以来，全镇法治建设稳步推进。\n")
    start = time.process_time()
    meta = analyze(spaces).meta
    assert time.process_time() - start < 10      # a bound on "did not hang", not a speed figure
    assert meta.title is None


def test_a_city_the_gazetteer_does_not_hold_is_prefecture_level_when_it_speaks_of_its_counties():
    # (the name is made up, as a new city's or a misspelt one would be)
    m = meta_of("荆原市人民政府关于2025年度法治政府建设情况的报告\n"
                "2025年，全市坚持以习近平法治思想为指导，组织13个县（市、区）和42个市直部门开展年度述法。\n"
                "一、主要举措和成效\n")
    assert m.level == "city"
    m = meta_of("荆原市人民政府关于2025年度法治政府建设情况的报告\n"
                "2025年，全市坚持以习近平法治思想为指导，指导12个乡镇（街道）开展年度述法。\n"
                "一、主要举措和成效\n")
    assert m.level == "county"


def test_the_issuer_is_given_by_its_full_name_and_the_title_as_written():
    m = meta_of("武昌市人社局2023年法治政府建设年度报告\n2023年，市人社局坚持依法行政。\n一、主要举措和成效\n")
    assert m.issuer == "武昌市人力资源和社会保障局" and m.title.startswith("武昌市人社局")
    assert meta_of("某某县司法局2023年法治政府建设年度报告\n一、主要举措和成效\n").issuer == "某某县司法局"
