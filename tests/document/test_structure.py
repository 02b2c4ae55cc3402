"""The outline: headings, their tree and the required parts.

Seed expectations were read from seeds/*.txt by hand (line numbers as an editor shows
them); the other cases are sentences written the way reports are written.
"""
from linter.document.document import Document
from linter.readers import read_path
from linter.document.outline import build_outline as analyze, classify_title, find_heading
from linter.text.numerals import cn_number


def outline_of(text: str, **kw):
    return analyze(Document.from_text(text, **kw))


def own_parts(outline):
    return [(p.kind, p.start) for p in outline.parts if not p.embedded]


def part_kinds(text: str) -> list[str]:
    """The kinds of a short report's parts, in order."""
    return [p.kind for p in outline_of(text).parts]


def seed_outline(seed, prefix):
    return analyze(read_path(str(seed(prefix))))


# -- the seeds -------------------------------------------------------------------
def test_seed_000_four_parts_in_standard_order(seed):
    o = seed_outline(seed, "000")
    assert own_parts(o) == [("measures", 2), ("frp", 11), ("shortcomings", 16), ("plan", 20)]
    assert not any(p.embedded for p in o.parts)
    assert o.body_start == 2
    shortcomings = o.parts_of("shortcomings")[0]
    assert shortcomings.names_causes          # "存在的不足和原因"
    assert shortcomings.end == 19
    # 一是/二是 inside the paragraphs are enumerations, not headings
    assert [n for n, _ in o.enumerations[17]] == [1]
    assert all(h.line not in (17, 18, 19) for h in o.headings)


def test_seed_001_no_frp_part_and_a_closing_other_part(seed):
    o = seed_outline(seed, "001")
    assert own_parts(o) == [("measures", 4), ("shortcomings", 13), ("plan", 20), ("other", 25)]
    # The only frp phrase is inside (八)组织保障和落实机制, after its heading sentence: it is
    # no sub-item about the duty, so there is no embedded frp part either.
    assert o.parts_of("frp") == []
    # headings with their paragraph on the same line
    h5 = next(h for h in o.headings if h.line == 5)
    assert (h5.label, h5.title, h5.inline_body) == ("（一）", "依法全面履行政府职能", True)
    assert o.part_at(12).kind == "measures"


def test_seed_002_blank_lines_between_everything(seed):
    o = seed_outline(seed, "002")
    assert own_parts(o) == [("measures", 7), ("frp", 24), ("shortcomings", 28), ("plan", 35)]
    assert o.part_at(26).kind == "frp"
    assert o.part_at(43).kind == "plan"


def test_seed_003_mixed_numbering_stays_under_part_one_with_embedded_frp(seed):
    o = seed_outline(seed, "003")
    assert own_parts(o) == [("measures", 9), ("shortcomings", 34), ("plan", 36)]
    embedded = [p for p in o.parts if p.embedded]
    assert [(p.kind, p.start) for p in embedded] == [("frp", 12)]
    assert "第一责任人" in embedded[0].title
    part_one = next(h for h in o.roots if h.line == 9)
    # （1）…（9） then （十）（十一）（十二）: all twelve are items of part 一, in one list
    assert [c.number for c in part_one.children] == list(range(1, 13))
    assert [c.line for c in part_one.children][-3:] == [28, 30, 32]
    assert len({c.rank for c in part_one.children}) == 1
    assert o.part_at(12).kind == "frp" and o.part_at(12).embedded
    assert o.part_at(28).kind == "measures"
    assert o.parts_of("frp", embedded=False) == []


def test_seed_004_web_copy_with_combined_last_part(seed):
    o = seed_outline(seed, "004")
    assert own_parts(o) == [("measures", 23), ("frp", 71), ("shortcomings", 91), ("plan", 95)]
    s, p = o.parts_of("shortcomings")[0], o.parts_of("plan")[0]
    assert s.combined and p.combined
    assert s.heading.line == 91 and p.heading.line == 95
    assert s.outer_start == 89
    assert o.part_at(89) is s            # the heading naming both belongs to the split
    assert p.end < 99                     # the 落款 (issuer, date) is not plan text
    assert o.part_at(101) is None


# -- sentences -------------------------------------------------------------------
def test_frp_part_placed_first():
    o = outline_of(
        "某某县2023年度法治政府建设情况报告\n"
        "2023年，某某县坚持以习近平法治思想为指导，扎实推进法治政府建设。\n"
        "一、县政府主要负责同志履行推进法治建设第一责任人职责情况\n"
        "县政府主要负责同志主持召开常务会议4次专题研究法治政府建设。\n"
        "二、2023年推进法治政府建设的主要举措和成效\n"
        "（一）依法全面履行政府职能\n"
        "全年取消调整行政许可事项12项。\n"
        "三、存在的不足和原因\n"
        "一是基层执法力量不足。究其原因，主要是培训不够系统。\n"
        "四、2024年工作安排\n"
        "深入推进严格规范公正文明执法。\n")
    assert own_parts(o) == [("frp", 3), ("measures", 5), ("shortcomings", 8), ("plan", 10)]
    assert o.body_start == 3


def test_themed_parts_without_a_measures_heading():
    o = outline_of(
        "2022年，某某镇坚持依法行政，现将有关情况报告如下：\n"
        "一、加强党的领导，压实法治建设责任\n"
        "镇党委召开专题会议3次。\n"
        "二、深化普法宣传，营造浓厚法治氛围\n"
        "开展普法活动20场次。\n"
        "三、存在的问题\n"
        "普法形式较为单一。\n"
        "四、下一步工作打算\n"
        "持续深化基层依法治理。\n")
    assert own_parts(o) == [("measures", 2), ("measures", 4), ("shortcomings", 6), ("plan", 8)]
    assert [p.themed for p in o.parts] == [True, True, False, False]


def test_heading_with_inline_body_and_enumerations():
    o = outline_of("一、主要举措和成效\n（一）依法全面履行政府职能。一是深化放管服改革；二是统一是非标准。\n")
    h = next(h for h in o.headings if h.line == 2)
    assert h.title == "依法全面履行政府职能" and h.inline_body
    # 统一是 is a word, not item 一
    assert [n for n, _ in o.enumerations[2]] == [1, 2]


def test_numbers_that_are_not_headings():
    o = outline_of(
        "一、主要举措和成效\n"
        "1.5万元专项经费全部用于普法阵地建设。\n"
        "2021年，全镇共办理行政复议案件3件。\n"
        "2、3月份集中开展法治宣传月活动。\n"
        "12.4国家宪法日当天开展宣传。\n"
        "1.加强组织领导\n")
    assert [(h.line, h.label) for h in o.headings] == [(1, "一、"), (6, "1.")]


def test_a_part_heading_numbered_as_a_sub_item_above_the_first_part_is_that_part_embedded():
    o = outline_of("某镇2023年度法治政府建设情况报告\n（二）主要举措\n全年开展学法活动12次。\n"
                   "二、存在的不足\n执法力量薄弱。\n三、2024年工作安排\n加强培训。\n")
    measures = o.parts_of("measures")
    assert [(p.start, p.end, p.embedded) for p in measures] == [(2, 3, True)]
    # …and a theme sub-item there names no part
    o = outline_of("某镇2023年度法治政府建设情况报告\n（三）依法全面履行政府职能\n全年开展学法活动12次。\n"
                   "二、存在的不足\n执法力量薄弱。\n")
    assert o.parts_of("measures") == []


def test_a_title_opening_on_the_year_word_is_a_heading():
    # (一、年度… is a heading; 2、3月份 above is not: 年度 is no date)
    o = outline_of("一、年度法治建设重点任务落实情况\n全年开展学法活动12次。\n二、存在的不足\n执法力量薄弱。\n")
    assert own_parts(o) == [("measures", 1), ("shortcomings", 3)]


def test_a_list_typed_with_top_level_numbers_inside_a_part_is_not_new_parts():
    o = outline_of(
        "一、2021年推进法治政府建设的主要举措和成效\n"
        "全年开展学法活动12次。\n"
        "二、存在的不足\n"
        "执法力量薄弱。\n"
        "三、2022年工作思路\n"
        "重点做好以下工作：\n"
        "一、深入学习贯彻习近平法治思想；\n"
        "二、全面推进严格规范公正文明执法；\n"
        "三、加强基层普法阵地建设。\n")
    assert own_parts(o) == [("measures", 1), ("shortcomings", 3), ("plan", 5)]
    assert o.parts_of("plan")[0].end == 9
    assert [h.list_item for h in o.headings if h.line >= 7] == [True, True, True]


def test_combined_part_without_sub_headings_splits_where_the_plan_begins():
    o = outline_of(
        "一、主要举措和成效\n"
        "全年开展普法宣传36场次。\n"
        "三、存在的问题及下一步打算\n"
        "一是普法形式单一；二是执法人员专业素养不高。\n"
        "下一步，我镇将持续加强执法队伍建设。\n"
        "加大普法经费投入。\n")
    kinds = [(p.kind, p.start, p.end, p.combined) for p in o.parts]
    assert kinds == [("measures", 1, 2, False), ("shortcomings", 3, 4, True), ("plan", 5, 6, True)]


def test_an_unnumbered_line_naming_a_part_starts_that_part():
    o = outline_of(
        "一、2023年推进法治政府建设的主要举措和成效\n"
        "（一）深化行政执法体制改革\n"
        "全年办理行政处罚案件45件。\n"
        "存在的问题\n"
        "执法文书不够规范。\n"
        "下一步工作打算\n"
        "加强执法文书评查。\n")
    assert own_parts(o) == [("measures", 1), ("shortcomings", 4), ("plan", 6)]


def test_a_report_with_no_numbered_heading_at_all_has_its_measures_part():
    # the measures heading right under the title, the other parts below, none numbered
    o = outline_of(
        "南山镇2023年法治政府建设情况报告\n"
        "主要举措和成效\n"
        "全年开展法治宣传活动20场，发放资料3000份。\n"
        "党政主要负责人履行推进法治建设第一责任人职责情况\n"
        "镇党委书记主持召开专题会议2次。\n"
        "存在的不足和原因\n"
        "普法形式单一。\n"
        "2024年工作安排\n"
        "创新普法形式。\n")
    assert own_parts(o) == [("measures", 2), ("frp", 4), ("shortcomings", 6), ("plan", 8)]
    # a short line under the title that does not name the measures is no heading
    o = outline_of("南山镇2023年法治政府建设情况报告\n南山镇人民政府\n全年开展法治宣传活动20场。\n"
                   "存在的不足和原因\n普法形式单一。\n")
    assert own_parts(o) == [("shortcomings", 4)]


def test_unnumbered_theme_lines_over_their_paragraphs_are_the_parts():
    # 坚持…/强化… lines, each above its paragraph, in a report with no numbered part
    o = outline_of(
        "岭东县应急管理局2019年度法治政府建设工作报告\n"
        "2019年，我局坚持以习近平新时代中国特色社会主义思想为指导，依法履行应急管理职责。现将有关情况报告如下：\n"
        "强化第一责任人职责落实，法治建设组织领导更加有力\n"
        "局主要负责人认真履行推进法治建设第一责任人职责，全年专题研究法治建设工作3次，开展会前学法12次。\n"
        "坚持依法决策，提升决策水平\n"
        "严格落实重大行政决策程序，聘请律师担任法律顾问，全年审查合同、文件21件，参与处理信访案件4起。\n"
        "持续规范执法，提升执法效能\n"
        "全年检查生产经营单位1287家次，立案查处安全生产违法行为76起，罚款金额共计312万元。\n")
    assert own_parts(o) == [("frp", 3), ("measures", 5), ("measures", 7)]
    # one short line above a paragraph is a slogan or a byline, not a series of parts
    o = outline_of(
        "岭东县应急管理局2019年度法治政府建设工作报告\n"
        "2019年，我局坚持以习近平新时代中国特色社会主义思想为指导，依法履行应急管理职责。\n"
        "坚持依法决策，提升决策水平\n"
        "严格落实重大行政决策程序，聘请律师担任法律顾问，全年审查合同、文件21件，参与处理信访案件4起。\n")
    assert own_parts(o) == []


def test_a_sub_item_on_leadership_reporting_the_leaders_duty_is_the_leaders_part():
    def embedded(sub):
        o = outline_of("某县应急管理局2024年度法治政府建设情况报告\n一、推进法治政府建设的主要举措和成效\n" + sub +
                       "（二）坚持依法行政\n全年办理行政处罚案件45件。\n")
        return [(p.kind, p.start) for p in o.parts if p.embedded]
    duty = "局主要负责人切实履行推进法治建设第一责任人职责，全年主持召开专题会议3次。\n"
    assert embedded("（一）强化组织领导\n" + duty) == [("frp", 3)]
    assert embedded("（一）强化组织领导。" + duty) == [("frp", 3)]
    # a sub-item on leadership and more is the year's work, touching on the duty in passing
    assert embedded("（一）强化组织领导，充分发挥统筹作用\n" + duty) == []
    # a sub-item on leadership that reports no duty of the leaders is not their part
    assert embedded("（一）强化组织领导\n调整充实法治建设领导小组，明确法规股具体负责日常工作。\n") == []
    # an enumerated item so named, the duty in its next sentence: 二是强化统筹推进。…
    assert embedded("（一）坚持党的领导，完善推进机制\n一是强化思想引领，全年开展专题学习4次。二是强化统筹推进。"
                    "市委、市政府主要领导带头履行推进法治建设第一责任人职责，始终做到“四个亲自”。\n") == [("frp", 4)]


def test_unnumbered_theme_lines_inside_a_numbered_part_are_its_sub_items():
    o = outline_of(
        "某街道2022年度法治政府建设情况报告\n"
        "一、2022年法治政府建设工作情况\n"
        "坚持党建引领，压实第一责任人职责\n"
        "街道党工委书记、办事处主任认真履行推进法治建设第一责任人职责，全年主持召开专题会议3次。\n"
        "强化依法行政，提升依法履职水平\n"
        "聘请律师事务所担任法律顾问，全年审查合同、协议36份，列席主任办公会议12次，提出意见21条。\n"
        "二、存在的问题\n"
        "一是执法力量薄弱。\n")
    assert [(h.line, h.rank) for h in o.headings] == [(2, 1), (3, 2), (5, 2), (7, 1)]
    assert [(p.kind, p.start) for p in o.parts if p.embedded] == [("frp", 3)]
    # a part whose own sub-items are numbered keeps them only
    o = outline_of(
        "某街道2022年度法治政府建设情况报告\n"
        "一、2022年法治政府建设工作情况\n"
        "（一）坚持党建引领\n"
        "街道党工委书记、办事处主任认真履行推进法治建设第一责任人职责，全年主持召开专题会议3次。\n"
        "强化依法行政，提升依法履职水平\n"
        "聘请律师事务所担任法律顾问，全年审查合同、协议36份，列席主任办公会议12次，提出意见21条。\n"
        "坚持普法惠民，营造法治氛围\n"
        "全年开展法治宣传活动26场次，发放资料3000余份，覆盖群众1.2万人次，培育法律明白人56名。\n")
    assert [(h.line, h.rank) for h in o.headings] == [(2, 1), (3, 2)]


def test_a_line_a_pdf_copy_broke_at_the_page_width_is_no_heading():
    # every full line of the copy is 52 columns wide; the one ending on 第一责任人 is one of them
    o = outline_of(
        "隆平县人民政府关于2023年法治政府建设情况的报告\n"
        "    2023年，我县坚持以习近平新时代中国特色社会主义思\n"
        "想为指导，深入学习贯彻习近平法治思想，全面落实《法治\n"
        "政府建设实施纲要（2021—2025年）》和省、市关于法治政\n"
        "府建设的决策部署，统筹推进依法行政各项工作，为全县经\n"
        "济社会高质量发展提供了有力法治保障。现将有关情况报告\n"
        "如下：\n"
        "    一、2023年法治政府建设主要举措和成效\n"
        "    （一）压实第一责任人职责，强化组织领导\n"
        "    县政府主要负责同志切实履行推进法治建设第一责任人\n"
        "职责，做到重要工作亲自部署、重大问题亲自过问、重点环\n"
        "节亲自协调、重要任务亲自督办。全年召开县政府常务会议\n"
        "专题研究法治政府建设工作4次，审议法治政府建设年度工作\n")
    assert own_parts(o) == [("measures", 8)]
    assert [(p.kind, p.start) for p in o.parts if p.embedded] == [("frp", 9)]


def test_theme_lines_of_one_width_over_long_paragraphs_are_no_pdf_copy():
    themes = ["坚持党建引领，压实第一责任人职责", "强化依法行政，提升依法履职水平", "持续深化普法，营造浓厚法治氛围",
              "坚持源头治理，依法化解矛盾纠纷", "深化政务公开，自觉接受各方监督", "加强队伍建设，提升法治工作能力"]
    body = "街道党工委、办事处高度重视法治政府建设工作，把法治建设纳入街道年度重点工作统筹推进，" * 3 + "全年召开专题会议3次。"
    o = outline_of("某街道2022年度法治政府建设情况报告\n一、2022年法治政府建设工作情况\n"
                   + "".join(f"{t}\n{body}\n" for t in themes) + "二、存在的问题\n一是执法力量薄弱。\n")
    assert [h.rank for h in o.headings] == [1] + [2] * 6 + [1]


def test_theme_headings_run_into_their_paragraphs_are_the_parts_of_an_unnumbered_report():
    o = outline_of(
        "石门桥镇人民政府2023年法治政府建设年度报告\n"
        "2023年，石门桥镇坚持把法治政府建设摆在突出位置，各项工作取得新成效。\n"
        "坚持高位推动，法治建设组织保障有力。镇党委书记、镇长带头尊法学法守法用法，全年主持召开专题会议3次，研究法治建设重点工作。\n"
        "坚持依法决策，行政行为日趋规范。严格落实重大行政决策程序，对镇农贸市场搬迁等2项重大事项开展风险评估和合法性审查。\n")
    assert own_parts(o) == [("measures", 3), ("measures", 4)]
    # one such paragraph alone is a paragraph, not a part
    o = outline_of(
        "石门桥镇人民政府2023年法治政府建设年度报告\n"
        "2023年，石门桥镇坚持把法治政府建设摆在突出位置，各项工作取得新成效。\n"
        "坚持依法决策，行政行为日趋规范。严格落实重大行政决策程序，对镇农贸市场搬迁等2项重大事项开展风险评估和合法性审查。\n")
    assert own_parts(o) == []


def test_truncated_copy_with_a_single_top_heading_and_frp_sub_item():
    o = outline_of(
        "2023年，市生态环境局坚持以习近平法治思想为指导。\n"
        "一、2023年工作开展情况\n"
        "（一）认真履行党政主要负责人推进法治建设第一责任人职责。局主要负责人担任领导小组组长。\n"
        "（二）统筹推进年度法治政府建设工作。认真落实实施方案。\n")
    assert own_parts(o) == [("measures", 2)]
    frp = o.parts_of("frp")
    assert [(p.start, p.end, p.embedded) for p in frp] == [(3, 3, True)]
    assert o.part_at(3) is frp[0] and o.part_at(4).kind == "measures"


def test_heading_missing_its_separator_is_still_a_part():
    o = outline_of("某镇2024年度法治政府建设情况报告\n2024年，某镇坚持依法行政。\n一主要举措和成效\n"
                   "（一）强化组织领导。召开专题会议4次。\n一年来工作扎实推进。\n")
    assert own_parts(o) == [("measures", 3)]
    assert all(h.line != 5 for h in o.headings)


def test_parts_numbered_di_yi_bu_fen_hold_their_own_numbered_items():
    text = ("某街道办事处2024年法治政府建设工作总结\n今年以来，我街道扎实推进法治政府建设。\n"
            "第一部分 工作开展情况\n一、强化组织领导。党工委全年专题研究法治建设3次。\n二、规范行政执法。全年办理案件27件。\n"
            "第二部分：党政主要负责人履行推进法治建设第一责任人职责情况\n街道党工委书记在区委依法治区委员会会议上述法。\n"
            "第三部分 存在的问题\n一是执法队伍专业化程度不高，原因是执法人员多为兼职。\n"
            "第四部分 下步打算\n一是加强执法培训，全年培训不少于3期。\n")
    o = outline_of(text)
    assert own_parts(o) == [("measures", 3), ("frp", 6), ("shortcomings", 8), ("plan", 10)]
    measures = o.parts_of("measures")[0]
    assert [h.label for h in o.headings if measures.start < h.line <= measures.end] == ["一、", "二、"]
    assert find_heading("第三部分 存在的问题", 1).number == 3


def test_docx_style_levels_integrate_with_typed_numbers():
    lines = ["某县2023年法治政府建设情况报告", "一、主要举措和成效", "（一）依法履行政府职能",
             "全年取消行政许可事项5项。", "存在的不足和原因", "执法力量不足，主要原因是编制紧张。",
             "二、2024年工作安排", "持续推进依法行政。"]
    doc = Document(lines, style_levels={1: 1, 2: 1, 3: 2, 5: 1, 7: 1})
    o = analyze(doc)
    assert own_parts(o) == [("measures", 2), ("shortcomings", 5), ("plan", 7)]
    # the styled title is not a part; the styled unnumbered heading sits beside 一、 and 二、
    assert all(h.line != 1 for h in o.headings)
    assert [h.line for h in o.roots] == [2, 5, 7]


def test_solving_problems_is_not_the_shortcomings_part():
    assert "shortcomings" not in classify_title("坚持问题导向，着力破解基层治理难题")
    assert "shortcomings" in classify_title("存在的问题和不足")
    assert classify_title("2022年工作主要安排") == {"plan"}
    assert "frp" in classify_title("党政主要负责人履行推进法治建设第一责任人职责情况")
    # a theme that acts on a weakness or a plan is the year's work, not a part of its own
    assert classify_title("聚焦短板弱项，提升执法质效") == set()
    assert classify_title("创新工作思路，推动依法行政") == set()
    assert classify_title("存在问题和下一步工作打算") == {"shortcomings", "plan"}


def test_the_years_work_and_its_results_named_without_a_year_is_the_measures_part():
    # 本年度…重点工作及成果: the work and its results, no theme of it
    assert classify_title("本年度推进依法行政的重点工作及成果") == {"measures"}
    assert classify_title("2024年法治政府建设工作及成效") == {"measures"}
    # (the work pushed on and its results; the year told as a record)
    assert classify_title("2023年度重点工作推进及成果") == {"measures"}
    assert classify_title("2023年度法治政府建设工作纪实") == {"measures"}


def test_a_years_key_work_is_its_plan_and_difficulties_are_shortcomings():
    assert classify_title("2024年重点工作") == {"plan"}
    assert "plan" not in classify_title("2023年重点工作完成情况")
    assert classify_title("存在的困难") == {"shortcomings"}


def test_an_arabic_numbered_part_may_open_on_its_year():
    # "1．2024年…" is no decimal 1.2024: the part heading was lost and the measures with it
    o = outline_of("1．2024年依法行政工作主要举措及成效\n召开会议3次。\n2．存在的不足及原因分析\n培训不够。\n"
                   "3．2025年法治政府建设工作思路\n一是加强培训。\n")
    assert [p.kind for p in o.parts] == ["measures", "shortcomings", "plan"]
    assert find_heading("1.5万元用于普法宣传", 1) is None


def test_a_years_measures_and_their_aims_are_the_plan():
    # 主要举措和目标 are the measures to come; 主要举措和成效 are the year's, as is a target met
    o = outline_of("一、2024年推进法治政府建设的主要举措和目标\n召开会议3次。\n二、存在的不足\n培训不够。\n")
    assert [p.kind for p in o.parts] == ["plan", "shortcomings"]
    assert "plan" not in classify_title("2023年法治政府建设主要举措和目标完成情况")
    assert classify_title("2023年推进法治政府建设的主要举措和成效") == {"measures"}


def test_improvements_and_a_years_planning_are_the_plan():
    assert classify_title("改进措施") >= {"plan"} and classify_title("整改措施") >= {"plan"}
    assert classify_title("2024年法治政府建设工作谋划") == {"plan"}
    # acting on a rectification is the year's work
    assert "plan" not in classify_title("强化整改措施")
    assert "plan" not in classify_title("精心谋划部署")
    assert part_kinds("一、2023年主要举措和成效\n召开会议3次。\n二、存在的不足\n培训不够。\n"
                      "三、改进措施\n一是加强培训。\n") == ["measures", "shortcomings", "plan"]


def test_a_themed_part_about_weaknesses_does_not_end_the_measures():
    o = outline_of("一、加强党的领导\n召开会议3次。\n二、聚焦短板弱项，提升执法质效\n开展培训5次。\n"
                   "三、坚持依法决策\n审查合同12份。\n四、存在的不足\n培训不够。\n")
    assert [p.kind for p in o.parts] == ["measures", "measures", "measures", "shortcomings"]


def test_cn_number_and_find_heading():
    assert [cn_number(t) for t in ("一", "十", "十二", "二十三", "一二", "")] == [1, 10, 12, 23, None, None]
    h = find_heading("（十一）完善多元化矛盾纠纷化解机制", 30)
    assert (h.rank, h.number, h.style) == (2, 11, "cn-paren")
    assert find_heading("一是加强学习。", 1) is None
    assert find_heading("一、二等奖各评出3名。", 1) is None


def test_outline_view_says_where_the_year_came_from(seed):
    from linter.engine.run import analyze as analyze_report
    from linter.formats.outline import render_outline

    text = render_outline(analyze_report(read_path(str(seed("000")))))
    assert "年度：2021（标题中没有年度，从正文推断）" in text
    assert "标题：未识别" in text
    text = render_outline(analyze_report(read_path(str(seed("004")))))
    assert "日期：2022-01-26（取自落款）" in text
    assert "第91-93行  [存在的不足]" in text and "见第89行" in text


def test_a_heading_is_found_whatever_numbering_opens_it():
    # lines are tried against the numbering patterns only when they open with what a numbering
    # can open with; every form still reads as a heading, and prose does not
    from linter.document.outline import find_heading
    for text, rank in [("一、主要举措和成效", 1), ("\u3000（二）推进严格规范公正文明执法", 2), ("3.加强法治宣传", 3),
                       ("（4）落实普法责任制", 4), ("5）开展法治讲座", 4), ("⑥建设法治文化阵地", 5),
                       ("一主要举措和成效", 1), ("٣.加强法治宣传", 3)]:
        heading = find_heading(text, 1)
        assert heading is not None and heading.rank == rank, text
    for text in ("今年以来，我镇深入推进法治建设。", "2023年，全镇办理行政处罚案件35件。", "第一责任人职责履行情况"):
        assert find_heading(text, 1) is None, text
    assert find_heading("法治政府建设工作情况", 1, style_level=2).rank == 2      # a .docx heading style


def test_a_heading_on_the_leaders_other_duties_is_not_the_leaders_part():
    # the party-discipline duty is another report's part; the rule-of-law duty stays this one
    assert "frp" not in classify_title("党政主要负责人履行全面从严治党主体责任情况")
    assert "frp" not in classify_title("主要领导落实意识形态工作责任制情况")
    assert "frp" in classify_title("党政主要负责人履行推进法治建设第一责任人职责情况")
    assert "frp" in classify_title("主要负责人落实法治建设主体责任情况")


def test_a_leaders_own_report_and_the_years_results_name_the_measures_part():
    assert classify_title("本人2023年度推进法治政府建设履职情况") == {"measures"}
    assert classify_title("过去一年依法行政重点任务推进及落实成果") == {"measures"}
    # the leaders' duty named is still the leaders' part
    assert "frp" in classify_title("党政主要负责人履行推进法治建设第一责任人职责情况")


def test_a_years_task_list_is_its_plan_and_the_leaders_named_in_quotes_are_their_part():
    assert classify_title("2024年重点任务清单") == {"plan"}
    assert "frp" in classify_title("“一把手”抓法治建设履职情况")
    assert classify_title("2023年，我们抓了哪些事、见了哪些效") == {"measures"}


def test_the_years_work_named_outright_after_a_shortcomings_part_put_first_is_the_measures_part():
    outline = outline_of("\n".join([
        "某镇2023年度法治政府建设情况报告", "一、存在的问题和不足", "一是执法力量不足。",
        "二、2023年法治政府建设工作开展情况", "全年办理行政处罚案件12件。"]))
    assert [kind for kind, _ in own_parts(outline)] == ["shortcomings", "measures"]


def test_a_part_named_in_brackets_on_its_own_line_is_that_part():
    o = outline_of(
        "2025年，某某街道坚持依法行政，现将有关情况报告如下：\n"
        "【主要举措和成效】\n"
        "【规范执法·强化监督】全年办理行政处罚案件138件。\n"
        "【存在的不足和原因】\n"
        "执法人员力量不足，主要是编制较少。\n")
    assert [k for k, _ in own_parts(o)] == ["measures", "shortcomings"]


def test_decimal_sub_items_hang_under_their_numbered_part():
    # 1. / 1.1 / 1.2: the leaders' duty as item 1.1 of the measures is a sub-item, not a part
    o = outline_of(
        "2025年，某某乡坚持依法行政，现将有关情况报告如下：\n"
        "1.2025年法治政府建设主要举措和成效\n"
        "1.1 压紧压实第一责任人职责\n"
        "乡党委书记、乡长带头学法，全年会前学法14次。\n"
        "1.2 依法全面履行政府职能\n"
        "梳理基本履职事项96项。\n"
        "2.存在的不足和原因\n"
        "执法力量不足，主要是编制较少。\n")
    assert own_parts(o) == [("measures", 2), ("shortcomings", 7)]
    items = [h for h in o.headings if h.style == "arabic-decimal"]
    assert [(h.number, h.title) for h in items] == [(1, "压紧压实第一责任人职责"), (2, "依法全面履行政府职能")]
    assert [p.kind for p in o.parts if p.embedded] == ["frp"]
    # a decimal figure opening a line is no heading
    assert find_heading("1.5万元用于法治文化阵地建设", 1) is None


def test_the_first_part_run_on_after_the_intros_closing_formula_is_found():
    # a page copy that lost the line break after 报告如下：, the first sub-item run on too
    text = ("某镇人民政府关于2022年度法治政府建设情况的报告\n"
            "2022年，我镇扎实推进依法行政。现将有关情况报告如下：一、2022年推进法治政府建设的主要举措和成效"
            "（一）强化组织领导。镇党委会专题研究法治建设2次。\n"
            "二、存在的不足和原因\n普法形式单一。\n")
    outline = outline_of(text)
    assert own_parts(outline)[:2] == [("measures", 2), ("shortcomings", 3)]
    assert outline.parts[0].title == "2022年推进法治政府建设的主要举措和成效"
    # an enumeration inside a paragraph is no part: only 如下： introduces one
    prose = outline_of("某镇人民政府关于2022年度法治政府建设情况的报告\n"
                       "2022年，我镇主要抓了三件事：一、普法宣传；二、矛盾调解；三、依法决策。\n")
    assert 2 not in [start for _, start in own_parts(prose)]


def test_a_run_in_first_part_after_a_full_stop_keeps_its_second_sub_item():
    # 报告如下。 (a full stop) runs on into 一、…（一）…; the （二） on the next line is its second
    # sub-item, not a second part
    text = ("某乡2023年法治政府建设年度报告\n"
            "2023年，我乡统筹推进依法行政各项工作。现将我乡2023年度法治政府建设情况报告如下。"
            "一、党政主要负责人履行推进法治建设第一责任人职责情况（一）坚持高位推动。乡党委书记主持专题会议3次。\n"
            "（二）严格落实述法要求。乡党委书记在年底进行述法。\n"
            "二、存在的不足和原因\n普法形式单一。\n")
    outline = outline_of(text)
    assert own_parts(outline)[:2] == [("frp", 2), ("shortcomings", 4)]


def test_a_heading_whose_paragraph_follows_a_gap_of_spaces_ends_at_the_gap():
    h = find_heading("二、推进依法行政，规范权力运行\u3000\u3000严格落实议事规则，全年召开常务会议15次。", 7)
    assert h.title == "推进依法行政，规范权力运行" and h.inline_body
    # a letter-spaced title alone keeps its gap
    assert find_heading("一、2023年  工作情况", 3).title == "2023年  工作情况"


def test_a_units_profile_and_guiding_others_leaders_are_not_its_parts():
    # the unit's establishment is no part of the five; guiding the townships' leaders is the
    # bureau's work for others, not its own leaders' part
    assert classify_title("本局机构设置和人员编制基本情况") == {"other"}
    assert "frp" not in classify_title("指导各乡镇党政主要负责人履行推进法治建设第一责任人职责情况")
    assert classify_title("党政主要负责人履行推进法治建设第一责任人职责情况") == {"frp"}
    o = outline_of("一、本局机构设置和人员编制基本情况\n内设股室5个。\n二、2023年推进法治政府建设的主要举措和成效\n"
                   "召开会议3次。\n三、存在的不足和原因\n培训不够。\n")
    assert [p.kind for p in o.parts] == ["other", "measures", "shortcomings"]


def test_the_next_years_measures_after_this_years_results_are_the_plan():
    assert part_kinds("一、2023年主要举措和成效\n召开会议3次。\n二、存在的不足\n培训不够。\n"
                      "三、2024年工作举措\n一是加强培训。\n") == ["measures", "shortcomings", "plan"]
    # the same year's measures named again stay the measures; a year alone decides nothing
    assert part_kinds("一、2024年推进法治政府建设的主要举措\n召开会议3次。\n二、存在的不足\n培训不够。\n"
                      "三、2024年工作安排\n一是加强培训。\n") == ["measures", "shortcomings", "plan"]


def test_parts_numbered_in_brackets_are_the_parts():
    o = outline_of("某局2024年度法治政府建设情况报告\n现将有关情况报告如下。\n【一】坚持党建引领，压紧压实法治建设责任\n"
                   "局党组理论学习中心组专题学法4次。\n【二】存在的不足和原因\n普法形式单一。\n")
    assert [(p.kind, p.start) for p in o.parts] == [("measures", 3), ("shortcomings", 5)]
    assert find_heading("【三】规范文化市场综合执法", 9).rank == 1


def test_a_heading_naming_only_another_duty_is_no_measures_part():
    assert classify_title("2023年安全生产和生态环境保护工作情况") == {"other"}
    assert classify_title("2023年依法推进安全生产工作情况") == {"measures"}


# -- the first-character gate before the heading patterns -----------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from linter.document import outline as _outline  # noqa: E402

_HEADING_ALPHABET = "第一二三十部分【】（）()、，.．:： \u3000\t12０３①⑳■主要举措年度情况"


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.text(alphabet=_HEADING_ALPHABET, max_size=16))
def test_every_line_a_heading_pattern_takes_passes_the_gate_before_them(line):
    """find_heading tries its patterns only on lines the one gate lets through: a numbering
    style the gate did not know would never be read as a heading."""
    takes = any(p.match(line) for _, _, p in _outline._HEADING_PATTERNS) or _outline._BARE_NUMBERED.match(line)
    if takes:
        assert _outline._NUMBERED_START.match(line)


# -- where a heading's title ends ----------------------------------------------------------

def test_a_heading_followed_by_a_sentence_after_a_gap_has_its_title_cut_there():
    """"二、推进依法行政，规范权力运行　　严格落实…。": the title ends at the gap before the
    sentence; a gap with no sentence after it (a letter-spaced title) does not end it."""
    heading = find_heading("二、推进依法行政　　严格落实行政执法公示制度，全年公示执法信息120条。", 3)
    assert heading.title == "推进依法行政" and heading.inline_body
    spaced = find_heading("二、推进依法行政　　", 3)
    assert spaced.title == "推进依法行政" and not spaced.inline_body


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from([" ", "  ", "\u3000", "　　 ", "。", "；", "！", "法", "依法行政", "\t", "x" * 60,
                                 "\n"]), max_size=14))
def test_the_title_end_is_where_the_regex_would_find_it(pieces):
    """_title_end reads a gap once instead of letting the engine give its spaces back one by one
    with a 200-character lookahead after each: the same span as the regex, always."""
    rest = "".join(pieces)
    m = _outline._TITLE_END.search(rest)
    assert _outline._title_end(rest) == (m and m.span())


def test_the_title_end_at_the_edges_of_the_lookahead():
    """A sentence of 200 characters after the gap still ends the title, one of 201 does not, nor
    a gap whose sentence has fewer than four characters before its stop."""
    for rest in ("推进依法行政  " + "x" * n + "。" for n in (3, 4, 199, 200, 201)):
        m = _outline._TITLE_END.search(rest)
        assert _outline._title_end(rest) == (m and m.span())
    assert _outline._title_end("推进依法行政  " + "x" * 200 + "。") == (6, 8)
    assert _outline._title_end("推进依法行政  " + "x" * 201 + "。") == (209, 210)
