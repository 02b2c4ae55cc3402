"""The "wrong" kinds: stale references, legacy terms, law titles, numbering, punctuation,
personal data, dates and years, typos — on hand-written report sentences."""
import pytest

from linter import lint_text
from linter.config import Config
from linter.kinds import lawtitle, pattern, punctuation, numbering
from linter.kinds import _laws as lawdb


def report(body: str, year: int = 2024, part: str = "measures") -> str:
    head = f"某镇人民政府关于{year}年度法治政府建设情况的报告\n"
    measures = f"一、{year}年推进法治政府建设的主要举措和成效\n"
    if part == "measures":
        return head + measures + body + "\n"
    if part == "plan":
        return head + measures + "全年开展法治讲座4次。\n" + f"二、{year + 1}年工作安排\n" + body + "\n"
    if part == "shortcomings":
        return head + measures + "全年开展法治讲座4次。\n二、存在的不足和原因\n" + body + "\n"
    return body


def lint(text, codes, year=None, level="township"):
    return lint_text(text, "r.txt", Config(select=codes, year=year, level=level))


def found(text, codes, year=None, level="township"):
    return lint(text, codes, year, level).diagnostics


def apply(text: str, fix) -> str:
    """Apply a fix's single-line edits to the user's text (columns are 1-based)."""
    lines = text.split("\n")
    for e in sorted(fix.edits, key=lambda e: (e.line, e.column), reverse=True):
        assert e.line == e.end_line
        s = lines[e.line - 1]
        lines[e.line - 1] = s[: e.column - 1] + e.text + s[e.end_column - 1:]
    return "\n".join(lines)


# -- registry ---------------------------------------------------------------------------------

def test_registry_is_read_once_and_finds_every_written_form():
    reg = lawdb.registry()
    assert reg is lawdb.registry()
    civil = reg.lookup("中华人民共和国民法典")
    assert civil is reg.lookup("民法典") and civil.status == "in_force"
    assert reg.lookup("宪法").title == "中华人民共和国宪法"
    assert reg.lookup("党章").title == "中国共产党章程"
    assert reg.lookup("行政处罚法（2021年修订）").title == "中华人民共和国行政处罚法"
    assert reg.lookup("中国共产党支部工作条例").title.endswith("（试行）")
    assert reg.lookup("社会治安管处罚法") is None


def test_suggestions_prefer_the_closest_title():
    reg = lawdb.registry()
    assert reg.suggest("社会治安管处罚法")[0][0].short == "治安管理处罚法"
    assert reg.suggest("重大行政决策程序暂行规定")[0][0].short == "重大行政决策程序暂行条例"
    assert reg.suggest("市场监督管理行政处罚程序规定") == []


# -- stale ------------------------------------------------------------------------------------

SEVENTH = "夯实“七五”普法工作，抓好对青少年的法治教育。"


def test_seventh_plan_is_stale_from_2021_only():
    [d] = found(report(SEVENTH, 2021), ["T710"], 2021)
    assert d.severity == "error" and d.line == 3 and d.column == 3
    assert not found(report(SEVENTH, 2020), ["T710"], 2020)
    assert not found(report("2021年初完成“七五”普法总结验收。", 2021), ["T710"], 2021)


def test_nineteenth_congress_is_stale_from_2023_unless_the_twentieth_is_named():
    text = "深入贯彻党的十九大和十九届二中、三中、四中、五中、六中全会精神。"
    assert not found(report(text, 2022), ["T712"], 2022)
    [d] = found(report(text, 2023), ["T712"], 2023)          # one finding per sentence
    assert "二十大" in d.message
    assert not found(report("从党的十九大到二十大，我镇法治建设不断推进。", 2023), ["T712"], 2023)


def test_eighth_plan_as_ongoing_only_after_2025():
    ongoing = "深入实施“八五”普法规划。"
    assert not found(report(ongoing, 2025), ["T711"], 2025)
    [d] = found(report(ongoing, 2026), ["T711"], 2026)
    assert "“‘八五’普法规划”" in d.message                 # nested quotes, not ““八五”…”
    assert not found(report("“八五”普法顺利通过总结验收。", 2026), ["T711"], 2026)


def test_goal_formula_and_thought_formula():
    old = "建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。"
    assert found(report(old, 2021), ["T719"], 2021)
    assert not found(report(old, 2020), ["T719"], 2020)
    thought = "学习贯彻习近平总书记全面依法治国新理念新思想新战略。"
    [d] = found(report(thought, 2022), ["T714"], 2022)
    assert d.fix and not d.fix.safe and d.fix.edits[0].text == "习近平法治思想"
    both = "以习近平法治思想为指导，贯彻习近平总书记全面依法治国新理念新思想新战略。"
    assert not found(report(both, 2022), ["T714"], 2022)


def test_current_references_checklist_reading():
    stale = lint(report(SEVENTH, 2021), ["T710"], 2021).checklist["time.current-references"]
    assert stale.state == "weak" and [e.line for e in stale.evidence] == [3]
    clean = lint(report("扎实开展“八五”普法工作。", 2021), ["T710"], 2021).checklist["time.current-references"]
    assert clean.state == "present" and not clean.evidence


# -- substitute -------------------------------------------------------------------------------

def test_legacy_terms_have_safe_fixes_and_the_review_term_is_never_touched():
    text = report("加大法制宣传力度，建立法制审核队伍，落实重大执法决定法制审核、法制和技术审核制度。", 2020)
    diags = found(text, ["T730", "T731"], 2020)
    assert [d.code for d in diags] == ["T730"]
    [d] = diags
    assert d.fix.safe and apply(text, d.fix).split("\n")[2].startswith("加大法治宣传力度，建立法制审核队伍")


def test_fix_columns_survive_half_width_text_before_the_term():
    text = report("  2021年,加强法制教育(含民主法制示范村创建)。", 2021)
    diags = found(text, ["T731", "T733"], 2021)
    assert {d.code for d in diags} == {"T731", "T733"}
    out = text
    for d in sorted(diags, key=lambda d: -d.column):
        out = apply(out, d.fix)
    assert out.split("\n")[2] == "  2021年,加强法治教育(含民主法治示范村创建)。"


def test_legal_daily_renamed_only_from_2021():
    assert found(report("被《法制日报》刊载。", 2021), ["T734"], 2021)
    assert not found(report("被《法制日报》刊载。", 2019), ["T734"], 2019)


# -- lawtitle ---------------------------------------------------------------------------------

def test_misnamed_laws_get_suggestions_and_unsafe_fixes():
    text = report("宣传《妇女儿童权益保护法》、《社会治安管处罚法》和《中华人民共和国国家赔尝法》。")
    d1, d2, d3 = found(text, ["L801"], 2024)
    assert "《妇女权益保障法》或《未成年人保护法》" in d1.message
    assert d2.fix.edits[0].text == "治安管理处罚法" and not d2.fix.safe
    assert d3.fix.edits[0].text == "中华人民共和国国家赔偿法"       # the writer's full form
    assert apply(text, d2.fix).count("《治安管理处罚法》") == 1


def test_titles_left_alone():
    text = report("落实《重庆市重大决策程序规定》《广东省行政执法公示办法》《城市管理执法办法》"
                  "《中共中央、国务院关于印发〈法治政府建设实施纲要（2021—2025年）〉的通知》"
                  "《法治社会建设实施纲要（2020—2025年）》《宪法》《民法典》《中华人民共和国民法典》"
                  "《行政执法监督条例》《中国共产党农村基层组织工作条例》。")
    assert not found(text, ["L801", "L802"], 2026)


def test_local_and_policy_detection():
    assert lawtitle.is_local("重庆市安全生产条例") and lawtitle.is_local("延边朝鲜族自治州条例")
    assert not lawtitle.is_local("城市房地产管理法") and not lawtitle.is_local("社区矫正法")
    assert not lawtitle.looks_national("法治政府建设实施纲要（2021—2025年）")
    assert lawtitle.looks_national("中华人民共和国宪法") and lawtitle.looks_national("信访工作条例")


def test_repealed_laws_compare_the_repeal_date_with_the_report_year():
    text = "开展《环境保护法》《合同法》专题宣传。"
    assert [d.message for d in found(report(text, 2020), ["L802"], 2020)] == []
    [d] = found(report(text, 2021), ["L802"], 2021)
    assert "2021年1月1日" in d.message and d.fix.edits[0].text == "民法典"
    assert len(found(report(text, 2026), ["L802"], 2026)) == 1      # 生态环境法典 in force mid-2026
    assert len(found(report(text, 2027), ["L802"], 2027)) == 2
    assert not found(report("民法典施行后，原《合同法》同时废止。", 2021), ["L802"], 2021)
    assert found(report("依照《信访条例》办理信访事项。", 2023), ["L802"], 2023)   # date from the rule


# -- numbering --------------------------------------------------------------------------------

HEAD = "某镇2024年度法治政府建设情况报告\n"


def test_heading_gaps_repeats_and_styles():
    gap = HEAD + "一、主要举措和成效\n（一）加强领导\n讲座4次。\n（三）规范执法\n案件3件。\n"
    [d] = found(gap, ["F901"], 2024)
    assert d.line == 5 and "（二）" in d.message
    alone = HEAD + "一、主要举措和成效\n（一）加强领导\n讲座4次。\n（二）\n规范执法\n（三）化解纠纷\n调解5件。\n"
    assert not found(alone, ["F901"], 2024)          # （二） stands alone on its line
    repeat = HEAD + "一、主要举措和成效\n（一）加强领导\n讲座4次。\n（一）规范执法\n案件3件。\n"
    [d] = found(repeat, ["F902"], 2024)
    assert d.line == 5 and "重复" in d.message
    mixed = HEAD + "一、主要举措和成效\n" + "".join(f"（{i}）事项{i}\n正文。\n" for i in range(1, 10)) + \
        "（十）事项十\n正文。\n（十一）事项十一\n正文。\n"
    [d] = found(mixed, ["F903"], 2024)
    assert d.message.endswith("应为“（10）”") and d.column == 1


def test_arabic_numbering_running_on_across_sections_is_consistent():
    text = HEAD + "一、主要举措和成效\n（一）组织领导\n1.加强领导。正文。\n2.强化考核。正文。\n" \
                  "（二）履行职能\n3.深化改革。正文。\n"
    assert not found(text, ["F901", "F902", "F903"], 2024)


def test_missing_separator_after_heading_number():
    text = HEAD + "一主要举措和成效\n讲座4次。\n二、存在的不足和原因\n一是培训不足。\n"
    [d] = found(text, ["F905"], 2024)
    assert d.fix.safe and apply(text, d.fix).split("\n")[1] == "一、主要举措和成效"


def test_enumeration_runs():
    assert not found(report("一是加强学习。二是规范执法。三是化解纠纷。"), ["F904"], 2024)
    [d] = found(report("一是加强学习。二是规范执法。四是化解纠纷。"), ["F904"], 2024)
    assert "三是" in d.message
    lines = report("一是加强学习。\n二是规范执法。\n二是化解纠纷。")
    [d] = found(lines, ["F904"], 2024)
    assert d.line == 5 and "重复" in d.message
    # the missing item is there, glued to the one before: F911's finding, not F904's
    run_on = report("一是加强学习。二是规范执法有待提高三是化解纠纷。")
    assert not found(run_on, ["F904"], 2024)
    [d] = found(run_on, ["F911"], 2024)
    assert d.fix.edits[0].text == "。" and not d.fix.safe
    assert "有待提高。三是" in apply(run_on, d.fix)


def test_consecutive_run_on_items():
    diags = found(report("一是加强学习二是规范执法三是化解纠纷。"), ["F911"], 2024)
    assert [d.message[:4] for d in diags] == ["“二是”", "“三是”"]


def test_words_ending_in_shi_are_not_items():
    assert not found(report("一是坚持统一是原则。二是唯一是标准。"), ["F911", "F904"], 2024)


def test_cn_numerals():
    assert [numbering.cn(n) for n in (1, 9, 10, 11, 20, 23)] == ["一", "九", "十", "十一", "二十", "二十三"]


# -- punctuation ------------------------------------------------------------------------------

def test_halfwidth_positions():
    pos = punctuation.halfwidth_positions
    text = "2021年,孙家镇(一)罚款1,300元,时间10:30,见https://a.gov.cn/x,y 与PDF(A)格式"
    marks = "".join(text[i] for i in pos(text))
    assert marks == ",(),,"
    assert pos("(一)系统谋划") == [0, 2]
    assert pos("文件(PDF)已公开") == []


def test_halfwidth_fix_per_paragraph_and_per_document():
    one = report("2021年,孙家镇在区委、区政府的正确领导下,严格履行政府职能。")
    [d] = found(one, ["F910"], 2024)
    assert d.fix.safe and d.column == 6 and len(d.fix.edits) == 2
    assert apply(one, d.fix).split("\n")[2] == "2021年，孙家镇在区委、区政府的正确领导下，严格履行政府职能。"
    many = report("\n".join(f"第{i}段,正文;内容。" for i in range(5)))
    [d] = found(many, ["F910"], 2024)
    assert "全文5段" in d.message and len(d.fix.edits) == 10


def test_duplicate_and_unmatched_marks():
    [d] = found(report("开展讲座4次，，覆盖120人次。"), ["F912"], 2024)
    assert d.fix.safe and "4次，覆盖" in apply(report("开展讲座4次，，覆盖120人次。"), d.fix)
    [d] = found(report("开展讲座4次，。"), ["F912"], 2024)
    assert not d.fix.safe
    [d] = found(report("落实《法治政府建设实施纲要2021—2025年）》精神。"), ["F913"], 2024)
    assert d.message.startswith("“）”")
    assert not found(report("1）加强领导，开展讲座4次。"), ["F913"], 2024)
    # an excerpt cut mid-sentence leaves an opener open: not the writer's fault
    assert not found(report("组织学习《中华人民共和国国家安全法》《中国共产"), ["F913"], 2024)
    assert found(report("组织学习《中华人民共和国国家安全法》《中国共产。"), ["F913"], 2024)


# -- personal data ----------------------------------------------------------------------------

def test_id_numbers_need_a_valid_check_digit():
    assert pattern.gb11643("11010519491231002X") and not pattern.gb11643("110105194912310021")
    [d] = found(report("当事人张某（身份证号11010519491231002X）。"), ["X101"], 2024)
    assert d.severity == "error" and "11010519491231002X" not in d.message and "110105" in d.message
    assert not found(report("索引号1150010179351545X4/2022-00001。"), ["X101", "X102"], 2024)


def test_mobile_numbers():
    [d] = found(report("联系人李某，电话138-1234-5678。"), ["X102"], 2024)
    assert "5678" in d.message and "1234" not in d.message
    assert not found(report("发放资料138123456789份。"), ["X102"], 2024)
    assert not found(report("设立举报电话13812345678。"), ["X102"], 2024)


# -- time -------------------------------------------------------------------------------------

def dated(date: str, year: int = 2024) -> str:
    return report("全年开展法治讲座4次。", year) + f"某镇人民政府\n{date}\n"


@pytest.mark.parametrize("date,codes,state", [
    ("2025年2月10日", [], "present"),
    ("2025年3月12日", ["T702"], "weak"),
    ("2025年4月15日", ["T701"], "missing"),
    ("2024年12月10日", ["T703"], "weak"),
])
def test_deadlines(date, codes, state):
    result = lint(dated(date), ["T701", "T702", "T703", "T704"], None)
    assert [d.code for d in result.diagnostics] == codes
    assert result.checklist["time.deadline"].state == state
    for d in result.diagnostics:
        assert d.line == 5                                   # points at the date line


def test_no_date_is_info_and_the_deadline_item_is_not_applicable():
    result = lint(report("全年开展法治讲座4次。"), ["T701", "T702", "T703", "T704"], None)
    assert [(d.code, d.severity) for d in result.diagnostics] == [("T704", "info")]
    assert result.checklist["time.deadline"].state == "n/a"


def test_provincial_reports_have_no_march_deadline():
    text = "某省人民政府关于2024年度法治政府建设情况的报告\n一、2024年主要举措和成效\n讲座4次。\n某省人民政府\n2025年3月12日\n"
    assert not found(text, ["T702"], None, level="province")


def test_title_body_and_plan_years():
    text = ("某镇人民政府关于2024年度法治政府建设情况的报告\n2023年，我镇坚持以习近平法治思想为指导。\n"
            "一、2023年推进法治政府建设的主要举措和成效\n讲座4次。\n二、2024年工作安排\n一是加强培训。\n")
    # the opening, the heading and the plan all say 2023: the title is the slip, one finding
    diags = found(text, ["T705", "T706"], None)
    assert [(d.code, d.line) for d in diags] == [("T705", 1)]
    assert "标题" in diags[0].message and "正文开头" in diags[0].message and "2023" in diags[0].message
    # the title and the plan agree; the opening and one heading are the minority
    minority = text.replace("二、2024年工作安排", "二、2025年工作安排")
    diags = found(minority, ["T705", "T706"], None)
    assert [(d.code, d.line) for d in diags] == [("T705", 2), ("T705", 3)]
    assert "工作安排标题" in diags[0].message
    wrong_plan = text.replace("2023年", "2024年")
    diags = found(wrong_plan, ["T705", "T706"], None)
    assert [(d.code, d.line) for d in diags] == [("T706", 5)] and "2025" in diags[0].message
    ok = text.replace("2023年", "2024年").replace("二、2024年", "二、2025年")
    assert not found(ok, ["T705", "T706"], None)
    ranged = ok.replace("二、2025年工作安排", "二、2025—2027年工作安排")
    assert not found(ranged, ["T706"], None)


# -- typo -------------------------------------------------------------------------------------

def test_typos_with_context():
    text = report("对法治建设公钥工作亲自部署。加密采用公钥工作模式。严格落实规范字文件审查。")
    diags = found(text, ["F920"], 2024)
    assert [d.column for d in diags] == [6, 30]
    assert all(d.fix.safe for d in diags)
    fixed = text
    for d in reversed(diags):
        fixed = apply(fixed, d.fix)
    assert "重要工作亲自部署" in fixed and "公钥工作模式" in fixed and "规范性文件" in fixed


def test_probable_typos_are_never_auto_fixed():
    [d] = found(report("深入推进法治延寿建设。", 2020), ["F921"], 2020)
    assert not d.fix.safe
    assert not found(report("执法监督确实加强了。"), ["F921"], 2024)


def test_year_range_without_a_dash():
    [d] = found(report("落实《静海区法治政府建设实施纲要(20212025年)》。"), ["F920"], 2024)
    assert d.fix.edits[0].text == "（2021—2025"


def test_plan_title_years():
    [d] = found(report("贯彻《法治中国建设规划（2021—2025年）》。"), ["L803"], 2024)
    assert d.fix.safe and "（2020—2025年）" in apply(report("贯彻《法治中国建设规划（2021—2025年）》。"), d.fix)


# -- validation -------------------------------------------------------------------------------

def test_malformed_rules_fail_loudly():
    from linter.errors import RuleError
    from linter.engine.ruleset import parse_rule
    base = {"code": "T799", "name": "x", "severity": "warning", "message": "m", "basis": "b",
            "explanation": "e", "examples": {"fail": ["a"], "pass": ["b"]}}
    for kind, params in [("stale", {"pattern": "("}), ("stale", {"pattern": "a", "unless": 2015}),
                         ("substitute", {"terms": []}), ("lawtitle", {"check": "x"}),
                         ("numbering", {"check": "x"}), ("punctuation", {}), ("pattern", {"regex": "a", "validator": "x"}),
                         ("time", {"check": "x"}), ("typo", {"pairs": [{"wrong": "a"}]})]:
        with pytest.raises(RuleError):
            parse_rule({**base, "kind": kind, **params})


def test_a_local_submission_deadline_is_a_rule_parameter():
    """A bureau asking for reports by 1月31日 changes the rule's data, not the code."""
    from linter.document.document import Document
    from linter.engine.ruleset import RuleSet, load_ruleset, parse_rule
    from linter.engine.run import lint as lint_doc

    base = load_ruleset().by_code("T702")
    raw = {"code": "T702", "name": base.name, "kind": "time", "check": "late-submission",
           "deadline": "01-31", "until": "04-01", "severity": "warning", "checklist": "time.deadline",
           "message": base.message, "basis": base.basis, "explanation": "x", "suggestion": "x",
           "examples": {"context": "raw", "fail": [dated("2025年2月10日")], "pass": [dated("2025年1月20日")]}}
    local = RuleSet("t", "t", (None, None), [parse_rule(raw)])
    doc = Document.from_text(dated("2025年2月10日"), path="r.txt")
    result = lint_doc(doc, Config(level="township"), local)
    assert [d.code for d in result.diagnostics] == ["T702"]
    assert "2025年1月31日" in result.diagnostics[0].message
    on_time = lint_doc(Document.from_text(dated("2025年1月20日"), path="r.txt"), Config(level="township"), local)
    assert on_time.diagnostics == []
    with pytest.raises(Exception, match="月-日"):
        parse_rule(dict(raw, deadline="3月1日"))
