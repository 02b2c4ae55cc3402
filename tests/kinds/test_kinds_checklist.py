"""The checklist kinds (section, topic, evidence) and the figures detector, on sentences
written the way township and county reports write them."""
import pytest

from linter.config import Config
from linter.document.document import Document
from linter.engine.run import analyze, lint
from linter.text.figures import figures
from linter.kinds import topic
from linter.engine.ruleset import RuleSet, load_ruleset, parse_rule

TITLE = "某镇人民政府关于{year}年度法治政府建设情况的报告"
MEASURES = "一、{year}年推进法治政府建设的主要举措和成效"
FRP = "二、{year}年党政主要负责人履行推进法治建设第一责任人职责情况"
SHORT = "三、{year}年推进法治政府建设存在的不足和原因"
PLAN = "四、{next}年推进法治政府建设的工作安排"


def report(measures="全年办理行政许可事项120件。", frp="镇党委书记主持召开专题会议3次。",
           shortcomings="一是执法人员业务能力有待提高。", plan="一是每季度开展一次执法培训。",
           year=2024):
    lines = [TITLE, MEASURES, measures, FRP, frp, SHORT, shortcomings, PLAN, plan]
    return "\n".join(x.format(year=year, next=year + 1) for x in lines)


def run(text, year=2024, level="township", codes=None):
    doc = Document.from_text(text, path="t.txt")
    config = Config(year=year, level=level)
    ruleset = load_ruleset(analyze(doc, config).meta.ruleset)
    if codes:
        ruleset = RuleSet("t", "t", (None, None), [r for r in ruleset.rules if r.code in codes])
    return lint(doc, config, ruleset)


def state(result, item):
    return result.checklist[item].state


def diags(result, code):
    return [d for d in result.diagnostics if d.code == code]


# -- figures ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "重点加强对辖区60岁以上老年人的宣传力度",
    "结合庆祝中华人民共和国成立75周年宣传活动",
    "结合中国共产党建党100周年开展党史学习",
    "召开第3次专题会议",
    "召开第57次省委理论学习中心组集体学习会",
    "在孙家镇第十七届人民代表大会上",
    "制定《青原市东湖区加快推进法治政府建设工作要点》（青东依法发〔2021〕1号）",
    "深入推行行政执法“三项制度”",
    "进一步增强“四个意识”、坚定“四个自信”、做到“两个维护”",
    "推动“1名村（居）法律顾问+N名法律明白人”行动落实落地",
    "严格执行2名以上行政执法人员共同亮证执法",
    "落实审批服务“马上办、网上办、就近办、一次办”要求",
    "打造了一批叫得响、有特色的普法宣传品牌",
    "形成工作合力，取得明显成效",
    "一成不变地照搬上级文件",
    "2021年是“十四五”开局之年",
])
def test_incidental_numbers_are_not_figures(text):
    assert figures(text) == []


@pytest.mark.parametrize("text,count", [
    ("全年共开展集中法治宣传活动20余次，联系法律顾问开展法律讲座4次，发放宣传品1200余份", 3),
    ("参加人数59人，参考率100%，合格率100%", 3),
    ("执法处罚210余起，罚款10.8552万元", 2),
    ("召开两次专题会议", 1),
    ("镇党委理论学习中心组开展集体学法五次", 1),       # a count after the verb itself
    ("全年组织应急演练三次，开展安全巡查六次", 2),
    ("镇村两级人民调解委员会共调解各类民事纠纷156宗", 1),
    ("法治建设在综合考核中分值权重20分", 1),
    # 万 before any unit, and files counted in 卷
    ("全年受理各类民间纠纷1.86万件，达成调解协议1.79万件", 2),
    ("调解纠纷2万余件，投入资金1.2亿元", 2),
    ("抽查行政处罚案卷320卷，通报问题案卷17卷", 2),
    # a share in tenths after a word of change, and a Chinese numeral of times before its act
    ("立案查处违法案件比上年增长四成，罚没款达一百二十六万元", 2),
    ("镇党委书记两次主持召开镇党委会", 1),
])
def test_work_figures_are_counted(text, count):
    assert len(figures(text)) == count


def test_a_date_makes_an_event_concrete_but_measures_no_work():
    # a dated lecture is one lecture (the dev set's reviewer reads it so) ...
    dated = run(report(frp="5月25日，镇政府组织领导班子成员开展“法治讲堂”学法活动。"))
    assert state(dated, "frp.study-law") == "present"
    # ... but a part whose only number is a date is unquantified
    only_date = run(report(measures="3月15日，第十二届法治文化节在县文化广场开幕。"), codes=["Q601"])
    assert state(only_date, "evidence.quantified") == "missing"


def test_a_part_measured_in_words_only_is_told_which_words():
    # "大量""多次" measure nothing: the finding names them so the clerk knows what to replace;
    # the reading stays missing (the dev set's reviewer reads such a part as unquantified)
    result = run(report(measures="全年开展了大量法治宣传活动，多次深入村组宣讲，群众满意度明显提升。"), codes=["Q601"])
    (finding,) = diags(result, "Q601")
    assert "“大量”" in finding.message and "具体数字" in finding.message
    assert state(result, "evidence.quantified") == "missing"
    plain = run(report(measures="我镇扎实推进法治政府建设，各项工作取得明显成效。"), codes=["Q601"])
    assert "笼统" not in diags(plain, "Q601")[0].message


# -- quotes inside phrases -------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "组织实施“八五”普法工作，全年开展集中宣传6次。",
    "组织实施\"八五\"普法工作，全年开展集中宣传6次。",
    "组织实施「八五」普法工作，全年开展集中宣传6次。",
    "组织实施‘八五’普法工作，全年开展集中宣传6次。",
])
def test_plan_name_matches_through_any_quote_marks(sentence):
    assert state(run(report(measures=sentence), codes={"P405"}), "popularization.current-plan") == "present"


def test_seventh_plan_is_current_in_2020_reports():
    result = run(report(measures="夯实“七五”普法工作，落实“法律六进”活动。", year=2020), year=2020)
    assert result.meta["ruleset"] == "outline-2015-2020"
    assert state(result, "popularization.current-plan") == "present"


def test_a_quoted_slogan_still_maps_to_the_users_columns():
    text = report(measures="认真落实“谁执法谁普法”普法责任制。")
    (d,) = diags(run(text, codes={"P401"}), "P401")
    line = text.splitlines()[d.line - 1]
    assert line[d.column - 1: d.end_column - 1] == "谁执法谁普法"


def test_constitution_day_written_with_quotes_is_publicity():
    result = run(report(measures="开展“12·4”宪法宣传日主题宣传活动。"), codes={"P402"})
    assert state(result, "popularization.constitution") == "present"


# -- topic: present / weak / missing ----------------------------------------------------

@pytest.mark.parametrize("item, code, sentence", [
    ("popularization.constitution", "P402", "依照宪法和地方组织法规定，及时调整镇政府内设机构设置。"),
    ("popularization.civil-code", "P403", "依据《中华人民共和国民法典》第二百七十八条，指导12个小区依法召开业主大会。"),
    ("popularization.civil-code", "P403", "按照民法典合同编及相关规定规范镇政府合同管理，全年审查合同46份。"),
])
def test_a_code_cited_as_the_basis_of_an_act_is_not_its_publicity(item, code, sentence):
    assert state(run(report(measures=sentence), codes={code}), item) == "missing"
    taught = "组织普法志愿者到各村讲解民法典婚姻家庭编，全年开展宣讲12场。"
    assert state(run(report(measures=taught), codes={"P403"}), "popularization.civil-code") == "present"


def test_study_law_with_a_count_is_present():
    result = run(report(frp="镇党委坚持会前学法制度，全年共计学法8次。"), codes={"R203"})
    entry = result.checklist["frp.study-law"]
    assert entry.state == "present" and "学法8次" in entry.evidence[0].text


def test_study_law_without_a_count_is_weak_and_points_at_the_mention():
    text = report(frp="局党组中心组多次开展法治集中学习。")
    result = run(text, codes={"R203"})
    assert state(result, "frp.study-law") == "weak"
    (d,) = diags(result, "R203")
    assert d.line == 5 and "次数" in d.message


def test_a_slogan_is_not_study_but_names_it():
    # 尊法学法守法用法 counts as no act of study; it still names the item: weak, never present
    result = run(report(frp="镇党委书记带头尊法学法守法用法。"), codes={"R203"})
    assert state(result, "frp.study-law") == "weak"


def test_item_named_only_in_the_plan_is_weak_and_points_at_the_measures_heading():
    text = report(plan="一是认真落实“谁执法谁普法”普法责任制，制定普法责任清单。")
    result = run(text, codes={"P401"})
    assert state(result, "popularization.whoever-enforces") == "weak"
    (d,) = diags(result, "P401")
    assert d.line == 2 and "只在“下一年度工作安排”中提到" in d.message


def test_missing_frp_item_points_at_the_frp_heading():
    result = run(report(frp="镇党委书记严格履行第一责任人职责。"), codes={"R202"})
    assert state(result, "frp.report-law") == "missing"
    assert diags(result, "R202")[0].line == 4


def test_umbrella_phrase_alone_makes_the_three_systems_weak():
    result = run(report(measures="深入推行行政执法“三项制度”，规范行政执法程序。"), codes={"E301", "E302", "E303"})
    assert {state(result, i) for i in ("enforcement.publicity", "enforcement.recording",
                                       "enforcement.legal-review")} == {"weak"}


def test_enforcement_word_alone_is_not_a_system():
    text = report(measures="持续推进行政执法改革，出动执法检查人员1000余人次，开展执法突出问题专项整治。")
    result = run(text, codes={"E301", "E302", "E303"})
    assert {state(result, i) for i in ("enforcement.publicity", "enforcement.recording",
                                       "enforcement.legal-review")} == {"missing"}


def test_recording_device_alone_shows_recording():
    text = report(measures="做到执法全程记录，配备执法记录仪2台，对强制拆除等现场执法活动全程录音录像。")
    assert state(run(text, codes={"E302"}), "enforcement.recording") == "present"


def test_on_the_spot_acts_alone_make_publicity_weak_not_present():
    text = report(measures="严格执行2名以上行政执法人员共同“亮证执法”，并当场告知当事人执法事由。")
    assert state(run(text, codes={"E301"}), "enforcement.publicity") == "weak"


@pytest.mark.parametrize("sentence", [
    "截至目前，我镇未收到行政复议和行政应诉案件。",
    "全年未发生行政诉讼案件。",
    "全年行政诉讼案件为零。",
])
def test_an_explicit_zero_counts_as_present(sentence):
    assert state(run(report(measures=sentence), codes={"R204"}), "frp.court-appearance") == "present"


def test_a_zero_in_the_plan_does_not_count():
    result = run(report(plan="力争全年未发生行政诉讼案件。"), codes={"R204"})
    assert state(result, "frp.court-appearance") == "missing"


def test_naming_the_litigation_work_area_is_not_court_appearance():
    result = run(report(measures="强化行政复议应诉工作，规范行政复议应诉工作流程。"), codes={"R204"})
    assert state(result, "frp.court-appearance") == "missing"


def test_zero_normative_documents_is_a_complete_statement():
    result = run(report(measures="本年度未制定行政规范性文件。"), codes={"O505"})
    assert state(result, "outline.normative-documents") == "present"


@pytest.mark.parametrize("frp", ["镇党委书记亲自部署秋冬季森林防火工作，带队检查重点林区防火卡点5处。",
                                 "分管安全生产的副县长对全县安全生产执法工作亲自部署、亲自督办。"])
def test_acts_in_person_on_other_work_or_by_a_deputy_name_no_duty(frp):
    assert state(run(report(frp=frp), codes={"R201"}), "frp.four-personally") == "missing"
    # the formula said of the principal leader still names it
    said = "镇党委书记对法治建设重要工作亲自部署。"
    assert state(run(report(frp=said), codes={"R201"}), "frp.four-personally") == "weak"


def test_four_personally_needs_most_of_the_four():
    one = run(report(frp="镇长对法治建设重要工作亲自部署。"), codes={"R201"})
    assert state(one, "frp.four-personally") == "weak"
    all_four = run(report(frp="坚持重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办，"
                              "全年主持召开专题会议3次。"), codes={"R201"})
    assert state(all_four, "frp.four-personally") == "present"
    short = run(report(frp="镇主要领导始终做到“四个亲自”，亲自督办信访积案2件。"), codes={"R201"})
    assert state(short, "frp.four-personally") == "present"


@pytest.mark.parametrize("frp", [
    "坚持重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。",
    "镇主要领导始终做到“四个亲自”。",
])
def test_four_personally_recited_without_an_instance_is_weak_and_says_so(frp):
    result = run(report(frp=frp), codes={"R201"})
    assert state(result, "frp.four-personally") == "weak"
    assert "复述" in diags(result, "R201")[0].message


def test_constitution_study_is_weak_and_constitution_authority_is_not_a_mention():
    study = run(report(measures="开展民法典、宪法、安全生产法专题学习3次。"), codes={"P402", "P403"})
    assert state(study, "popularization.constitution") == "weak"
    assert state(study, "popularization.civil-code") == "weak"
    slogan = run(report(measures="坚决维护宪法权威和社会公平正义。"), codes={"P402"})
    assert state(slogan, "popularization.constitution") == "missing"


def test_heading_mention_looks_at_the_text_under_the_heading():
    text = "\n".join([TITLE.format(year=2024), MEASURES.format(year=2024), "（一）持续优化法治营商环境",
                      "依托镇商会搭建招商引资平台。全年新引进企业10家。", "（二）加强普法宣传", "全年开展普法活动6次。",
                      SHORT.format(year=2024), "一是培训不足。"])
    assert state(run(text, codes={"O512"}), "outline.business-environment") == "present"


# -- levels and years ---------------------------------------------------------------------

@pytest.mark.parametrize("level,want", [("township", "missing"), ("county", "missing"),
                                        ("department", "n/a"), ("city", "n/a"), ("province", "n/a")])
def test_legal_literate_applies_to_townships_and_counties_only(level, want):
    result = run(report(), level=level, codes={"P404"})
    assert state(result, "popularization.legal-literate") == want
    assert bool(diags(result, "P404")) == (want == "missing")


def test_an_item_a_level_need_not_report_reads_as_written_when_the_report_does_and_asks_nothing():
    written = report(measures="配合县司法局实施农村“法律明白人”培养工程，全年培训“法律明白人”126名。")
    result = run(written, level="department", codes={"P404"})
    assert state(result, "popularization.legal-literate") == "present"
    assert not diags(result, "P404")
    named = run(report(measures="积极支持“法律明白人”培养工程。"), level="city", codes={"P404"})
    assert state(named, "popularization.legal-literate") == "weak" and not diags(named, "P404")


def test_current_plan_is_na_after_the_eighth_plan_ended():
    result = run(report(year=2026), year=2026, codes={"P405", "P409"})
    assert state(result, "popularization.current-plan") == "n/a"


# -- section ----------------------------------------------------------------------------

def test_a_sub_item_on_the_head_leading_the_work_is_the_leaders_part_as_a_sub_item():
    text = "\n".join(["某镇2024年度法治政府建设情况报告", "一、2024年推进法治政府建设的主要举措和成效",
                      "（一）压实责任，强化组织领导", "1.主要负责人带头履职。镇党委书记全年主持召开专题会议4次。",
                      "（二）加强普法宣传", "全年开展普法活动6次。"])
    assert state(run(text, codes={"S103"}), "section.frp") == "weak"


def test_a_second_part_named_by_the_charge_the_leaders_carry_is_the_leaders_part_weakly():
    # the heading of part 二 names the leaders' charge as a theme: weak, not missing
    def read(heading):
        text = "\n".join(["某镇2024年度法治政府建设情况报告", "一、2024年推进法治政府建设的主要举措和成效",
                          "全年办理行政许可事项120件。", heading, "镇党委召开专题会议3次。",
                          "三、存在的不足和原因", "一是培训不足。"])
        return state(run(text, codes={"S103"}), "section.frp")
    assert read("二、以上率下、示范引领，扛牢抓实法治建设政治责任") == "weak"
    assert read("二、压紧压实责任，以上率下推进法治建设") == "weak"
    assert read("二、坚持关键少数带动，依托考核平台压实法治责任") == "weak"
    assert read("二、坚持党建引领，全面提升依法行政水平") == "missing"


def test_embedded_frp_part_is_weak_and_a_warning():
    text = "\n".join(["某镇2024年度法治政府建设情况报告", "一、2024年推进法治政府建设的主要举措和成效",
                      "（一）党政主要负责人履行推进法治建设第一责任人职责", "镇党委书记主持召开专题会议3次。",
                      "（二）加强普法宣传", "全年开展普法活动6次。", "二、存在的不足和原因", "一是培训不足。"])
    result = run(text, codes={"S103"})
    assert state(result, "section.frp") == "weak"
    (d,) = diags(result, "S103")
    assert d.severity == "warning" and d.line == 3


def _parts(first, rest=("二、2024年推进法治政府建设存在的不足和原因", "一是培训不足。",
                         "三、2025年推进法治政府建设的工作安排", "一是加强培训。")):
    return "\n".join(["某镇2024年度法治政府建设情况报告", first, "全年开展普法活动6次。", *rest])


def test_year_work_split_into_themes_only_is_weak_and_a_hint():
    # the work is reported, but no part is named as the one the 督察规定 asks for
    result = run(_parts("一、坚持党建引领，全面提升依法行政水平"), codes={"S101"})
    assert state(result, "section.measures") == "weak"
    (d,) = diags(result, "S101")
    assert d.severity == "info" and d.line == 2 and "坚持党建引领" in d.message


@pytest.mark.parametrize("first", ["一、2024年推进法治政府建设的主要举措和成效", "一、2024年工作回顾",
                                   "一、2024年建设法治政府的具体做法与进展"])
def test_a_part_named_for_the_years_work_is_present(first):
    result = run(_parts(first), codes={"S101"})
    assert state(result, "section.measures") == "present"
    assert not diags(result, "S101")


def test_a_clerks_half_width_dot_before_the_year_still_numbers_the_part():
    result = run(_parts("一.2024年主要工作及取得的成效"), codes={"S101"})
    assert state(result, "section.measures") == "present"


def test_a_bullet_before_a_part_heading_copied_from_a_list_is_no_obstacle():
    assert state(run(_parts("■ 一、2024年推进法治政府建设的主要做法及成效"), codes={"S101"}), "section.measures") == "present"


def test_the_units_profile_is_not_the_years_work():
    # 一、街道基本情况 tells the unit, not what it did: no part named for the work
    assert state(run(_parts("一、街道基本情况"), codes={"S101"}), "section.measures") != "present"
    assert state(run(_parts("一、2024年法治政府建设基本情况"), codes={"S101"}), "section.measures") == "present"


def test_a_bare_sub_item_label_standing_for_a_part_is_weak():
    # （一）主要举措 where the other parts are numbered 二、三、: a sub-item's heading
    result = run(_parts("（一）主要举措"), codes={"S101"})
    assert state(result, "section.measures") == "weak"
    assert diags(result, "S101")[0].severity == "warning"
    # a （一） heading naming the subject is still a sub-item (five writers of six read it so)…
    result = run(_parts("（一）2024年度法治政府建设重点工作推进情况"), codes={"S101"})
    assert state(result, "section.measures") == "weak"
    # …while a department's parts numbered 1. 2. 3. are its parts when the title names the subject
    result = run(_parts("1．2024年依法行政工作主要举措及成效"), codes={"S101"})
    assert state(result, "section.measures") == "present"
    # … but the leaders' part names the rule of law in its very duty: as a bare sub-item it is weak
    leaders = _parts("一、2024年推进法治政府建设的主要举措和成效",
                     ("（二）认真履行法治建设第一责任人职责", "镇党委书记主持召开专题会议3次。",
                      "三、2024年推进法治政府建设存在的不足和原因", "一是培训不足。"))
    assert state(run(leaders, codes={"S103"}), "section.frp") == "weak"
    named = leaders.replace("（二）认真履行法治建设第一责任人职责", "二、2024年党政主要负责人履行推进法治建设第一责任人职责情况")
    assert state(run(named, codes={"S103"}), "section.frp") == "present"


def test_a_sub_item_standing_before_the_first_part_is_the_measures_part_as_a_sub_item():
    # the part's heading lost: （三）… over the year's work, then 二、…
    text = "\n".join(["某镇2024年度法治政府建设情况报告", "（三）持续深化行政执法规范化建设", "全年开展执法培训4次。",
                      "二、2024年党政主要负责人履行推进法治建设第一责任人职责情况", "镇党委书记主持召开专题会议3次。",
                      "三、存在的不足和原因", "一是培训不足。"])
    result = run(text, codes={"S101"})
    assert state(result, "section.measures") == "weak"
    assert diags(result, "S101")[0].line == 2
    # with no such line the part is missing
    bare = text.replace("（三）持续深化行政执法规范化建设\n", "")
    assert state(run(bare, codes={"S101"}), "section.measures") == "missing"


def test_the_halves_of_a_part_naming_two_are_parts_of_their_own():
    text = "\n".join(["某镇2024年度法治政府建设情况报告", "一、2024年推进法治政府建设的主要举措和成效",
                      "全年开展普法活动6次。", "二、工作不足及2025年工作安排", "（一）存在的不足",
                      "一是培训不足。", "（二）2025年工作安排", "一是加强培训。"])
    result = run(text, codes={"S102", "S104"})
    assert state(result, "section.shortcomings") == "present"
    assert state(result, "section.plan") == "present"


def test_the_leaders_duty_named_in_other_words_is_the_frp_part():
    text = _parts("一、2024年推进法治政府建设的主要举措和成效",
                  ("二、局党组书记、局长履行推进法治建设首要职责情况", "局长主持召开专题会议3次。",
                   "三、存在的不足和原因", "一是培训不足。"))
    assert state(run(text, codes={"S103"}), "section.frp") == "present"


def test_a_leaders_part_named_by_a_theme_of_the_work_is_measured_for_figures():
    themed = "\n".join(["某镇2024年度法治政府建设情况报告", "一、强化主要责任人责任，夯实组织基础",
                        "镇党委书记高度重视法治建设，切实加强组织领导，各项工作有序推进。"])
    assert state(run(themed, codes={"Q601"}), "evidence.quantified") == "missing"
    counted = themed.replace("各项工作有序推进", "全年主持召开专题会议4次，协调解决问题12个，督办案件3件")
    assert state(run(counted, codes={"Q601"}), "evidence.quantified") == "present"
    # the leaders' part named as such is theirs alone: the year's work is not in view
    named = themed.replace("强化主要责任人责任，夯实组织基础", "党政主要负责人履行推进法治建设第一责任人职责情况")
    assert state(run(named, codes={"Q601"}), "evidence.quantified") == "n/a"


def test_frp_only_mentioned_in_the_text_is_weak_but_still_an_error():
    text = "\n".join(["某镇2024年度法治政府建设情况报告", "一、2024年推进法治政府建设的主要举措和成效",
                      "认真落实党政主要负责人履行推进法治建设第一责任人职责规定，全年开展普法活动6次。",
                      "二、存在的不足和原因", "一是培训不足。"])
    result = run(text, codes={"S103"})
    assert state(result, "section.frp") == "weak"
    assert diags(result, "S103")[0].severity == "error"
    # the principal leader's acts in person told in the text are the duty mentioned too
    told = text.replace("认真落实党政主要负责人履行推进法治建设第一责任人职责规定，",
                        "（一）强化组织领导。镇长对法治政府建设重要工作亲自部署、重大问题亲自过问，")
    assert state(run(told, codes={"S103"}), "section.frp") == "weak"
    # … but not anyone's acts in person (a deputy's)
    # another duty's 第一责任人 in a heading is no mention of this one
    other = text.replace("认真落实党政主要负责人履行推进法治建设第一责任人职责规定，全年开展普法活动6次。",
                         "全年开展普法活动6次。\n二、镇长履行安全生产第一责任人职责情况\n全年开展安全检查12次。").replace(
                         "二、存在的不足和原因", "三、存在的不足和原因")
    assert state(run(other, codes={"S103"}), "section.frp") == "missing"
    deputy = told.replace("镇长对", "分管副镇长对")
    assert state(run(deputy, codes={"S103"}), "section.frp") == "missing"


def test_missing_part_points_at_the_title():
    text = "\n".join(["某镇2024年度法治政府建设情况报告", "一、2024年推进法治政府建设的主要举措和成效",
                      "全年开展普法活动6次。", "二、2025年工作安排", "一是加强培训。"])
    result = run(text, codes={"S102"})
    assert state(result, "section.shortcomings") == "missing"
    assert diags(result, "S102")[0].line == 1


# -- causes -----------------------------------------------------------------------------

def test_cause_word_in_the_heading_alone_is_not_an_analysis():
    result = run(report(shortcomings="一是法治队伍建设有待加强。二是法治宣传形式单一。"), codes={"S106"})
    assert state(result, "section.causes") == "missing"
    (d,) = diags(result, "S106")
    assert d.line == 6 and "标题" in d.message and d.severity == "warning"


@pytest.mark.parametrize("text", [
    "一是执法人员业务能力有待提高，主要是全镇执法人员均为兼职，培训不足。",
    "一是普法形式单一。究其原因，一方面普法经费不足，另一方面缺少专职普法人员。",
    "一是执法文书不规范，原因在于执法人员流动大。",
])
def test_causes_in_the_text_are_found(text):
    assert state(run(report(shortcomings=text), codes={"S106"}), "section.causes") == "present"


def test_listing_problems_with_zhuyaoshi_is_not_a_cause():
    result = run(report(shortcomings="存在的问题主要是：执法人员业务能力有待提高，普法形式单一。"), codes={"S106"})
    assert state(result, "section.causes") == "missing"


def test_boilerplate_cause_is_weak():
    result = run(report(shortcomings="一是综合行政执法工作需要进一步加强。受各种因素影响，工作流程仍需规范。"),
                 codes={"S106"})
    assert state(result, "section.causes") == "weak"


def test_a_cause_sub_heading_with_text_counts():
    text = "\n".join(["某镇2024年度法治政府建设情况报告", "一、2024年推进法治政府建设的主要举措和成效",
                      "全年开展普法活动6次。", "二、存在的不足和原因", "（一）存在的问题", "一是普法形式单一。",
                      "（二）原因分析", "一是经费不足。二是人员多为兼职。"])
    assert state(run(text, codes={"S106"}), "section.causes") == "present"


# -- evidence: figures and plan-linked ---------------------------------------------------

def test_quantified_states():
    vague = "我镇扎实推进法治政府建设，各项工作取得明显成效。" * 3
    assert state(run(report(measures=vague), codes={"Q601"}), "evidence.quantified") == "missing"
    one = vague + "全年开展法治讲座4次。"
    assert state(run(report(measures=one), codes={"Q601"}), "evidence.quantified") == "weak"
    rich = "全年开展法治讲座4次，发放资料1200余份，调解纠纷106件，调解成功率98%。"
    assert state(run(report(measures=rich), codes={"Q601"}), "evidence.quantified") == "present"


def test_incidental_numbers_do_not_quantify_the_measures():
    text = report(measures="结合庆祝中华人民共和国成立75周年宣传活动，重点加强对辖区60岁以上老年人的宣传，"
                           "召开第3次专题会议，深入推行“三项制度”。")
    assert state(run(text, codes={"Q601"}), "evidence.quantified") == "missing"


def test_quantified_is_na_without_a_measures_part():
    text = "\n".join(["某县2023年度法治政府建设情况报告", FRP.format(year=2023), "县长主持召开常务会议4次。"])
    assert state(run(text, year=2023, level="county", codes={"Q601"}), "evidence.quantified") == "n/a"


def test_plan_linked_names_the_unanswered_shortcoming():
    result = run(report(shortcomings="一是执法人员业务能力有待提高。二是政务公开不及时。",
                        plan="一是加强执法人员培训。"), codes={"Q603"})
    assert state(result, "evidence.plan-linked") == "weak"
    (d,) = diags(result, "Q603")
    assert "政务公开" in d.message and d.line == 8


# -- kind parameters, independent of the shipped YAML ----------------------------------------

def _rule(**params):
    raw = {"code": "Q699", "name": "test-rule", "kind": "topic", "severity": "info", "message": "缺",
           "basis": "测试", "explanation": "测试", "checklist": "outline.digital",
           "examples": {"fail": ["x"], "pass": ["y"]}}
    raw.update(params)
    return parse_rule(raw)


def _read(text, **params):
    doc = Document.from_text(text, path="t.txt")
    return topic.read(analyze(doc, Config(year=2024, level="township")), _rule(**params))[0]


def test_regex_phrases_and_ignore():
    text = report(measures="主持召开区政府常务会议审议《法治政府建设情况报告》。坚决维护宪法权威。")
    assert _read(text, phrases=["re:主持召开[^。]{0,10}会议"], require="mention") == "present"
    assert _read(text, phrases=["宪法"], require="mention") == "present"
    # an ignore phrase masks the hits lying inside it
    assert _read(text, phrases=["宪法"], ignore=["宪法权威"], require="mention") == "missing"


def test_min_acts_counts_distinct_acts():
    text = report(measures="严格执行重大行政决策程序，坚持公众参与、专家论证。")
    assert _read(text, phrases=["重大行政决策"], acts=["公众参与", "专家论证"], min_acts=2,
                 concrete=["act"]) == "present"
    assert _read(text, phrases=["重大行政决策"], acts=["公众参与", "风险评估"], min_acts=2,
                 concrete=["act"]) == "weak"


def test_bad_parameters_are_rejected_at_load_time():
    from linter.errors import RuleError
    with pytest.raises(RuleError):
        _rule(phrases=["re:(unclosed"])
    with pytest.raises(RuleError):
        _rule(phrases=["x"], require="sometimes")


def test_causes_without_a_shortcomings_part_is_only_a_note_not_a_second_warning():
    from linter import lint_text
    text = ("某镇人民政府关于2024年度法治政府建设情况的报告\n一、2024年推进法治政府建设的主要举措和成效\n"
            "全年开展法治讲座4次，办理行政复议案件2件。\n二、2025年工作安排\n一是每季度开展一次执法培训。\n")
    result = lint_text(text, config=None)
    causes = [d for d in result.diagnostics if d.checklist == "section.causes"]
    assert result.checklist["section.causes"].state == "missing"
    assert [d.severity for d in causes] == ["info"]
    assert "没有“存在的不足和原因”部分" in causes[0].message
    assert any(d.checklist == "section.shortcomings" and d.severity == "error" for d in result.diagnostics)
