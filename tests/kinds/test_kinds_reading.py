"""Reading what reports say, the way a reviewer does: items described instead of named,
split and reordered compounds, figures in report forms, intentions and norms, recited
formulas, audiences, one-sentence slogan parts. Sentences are written in the style of
township reports (none is taken from the measurement corpora)."""
import subprocess
import sys
from pathlib import Path

import pytest

from linter.text.figures import figures
from linter.kinds import _concepts as concepts
from linter import kinds
from test_kinds_checklist import diags, report, run, state

ROOT = Path(__file__).resolve().parents[2]


def reading(item, text, part="measures", codes=None):
    """The checklist state of one item when the sentence is the only evidence."""
    kwargs = {"frp": text} if part == "frp" else {"measures": text}
    return state(run(report(**kwargs), codes=codes), item)


# -- the matching steps on plain strings ----------------------------------------------

def test_a_concept_matches_its_two_parts_in_either_order_within_a_clause():
    concept = {"things": ["旁听"], "acts": ["庭审"], "gap": 30}
    assert concepts.concept_matches("组织班子成员旁听一起土地行政案件的庭审", concept)
    assert concepts.concept_matches("开展庭审旁听活动", concept)
    # the parts in different clauses, or too far apart, are not one act
    assert not concepts.concept_matches("组织旁听活动，开展庭审直播", concept)
    assert not concepts.concept_matches("旁听" + "某" * 40 + "庭审", concept)
    assert not concepts.concept_matches("开展庭审旁听活动", dict(concept, order="things-first"))
    assert concepts.concept_matches("旁听会议，庭审公开", dict(concept, combine="sentence"))



def test_another_actor_between_the_parts_takes_the_act_over():
    concept = {"things": ["协调解决"], "acts": ["书记"], "combine": "sentence", "gap": 130,
               "breaks": "@others"}
    said = "镇党委书记认真履行第一责任人职责，全年协调解决矛盾纠纷12件。"
    assert concepts.concept_matches(said, concept)
    # the departments do the resolving, not the secretary
    taken_over = "镇党委书记认真履行第一责任人职责，全镇各部门密切配合，全年协调解决矛盾纠纷120余件。"
    assert not concepts.concept_matches(taken_over, concept)
    # the departments as the object of the leader's own act are no other actor
    assert concepts.concept_matches("镇党委书记带队深入各村，协调解决征地补偿纠纷3件。", concept)

def test_a_period_keeps_the_subject_of_its_first_clause_across_semicolons():
    said = "局长全年4次主持召开局长办公会研究法治工作；4月带队到沿江3个乡镇现场协调补偿问题。"
    sentence = {"things": ["现场协调"], "acts": ["局长"], "combine": "sentence", "gap": 130}
    period = dict(sentence, combine="period")
    # a ； ends a sentence unit but not the period: the leader is still the subject
    assert not concepts.concept_matches(said, sentence)
    assert concepts.concept_matches(said, period)
    # a 。 ends the period too
    assert not concepts.concept_matches(said.replace("；", "。"), period)
    # another actor opening the clause after the ； takes the act over
    taken_over = "局长主持召开局长办公会研究法治工作；各科室现场协调补偿问题。"
    assert not concepts.concept_matches(taken_over, dict(period, breaks="@others"))


def test_a_clause_telling_what_is_lacking_is_no_deed():
    lacking = "重大执法决定法制审核专业力量不足，具有法律职业资格的审核人员仅1人。"
    kept = concepts.deeds_only(lacking)
    assert "法制审核" not in kept and "1人" not in kept and len(kept) == len(lacking)
    assert concepts.deeds_only("因设备短缺，今年3次拆违行动均未进行全程音像记录。").startswith("因设备短缺，  ")
    assert concepts.deeds_only("受经费限制，镇政府本年度尚未聘请法律顾问。").strip("，。 ") == "受经费限制"
    # a role not yet filled, a rectification still under way
    assert concepts.deeds_only("经自查，法律明白人作用发挥不充分。").strip("，。 ") == "经自查"
    assert concepts.deeds_only("执法案卷不规范，目前仍在整改中。") == "执法案卷不规范，" + " " * 7 + "。"
    # the lack named as what was addressed is the deed's reason
    addressed = "针对法制审核力量不足的问题，新配备审核人员3名。"
    assert concepts.deeds_only(addressed) == addressed
    # no case arising is the explicit zero, not a lack
    zero = "全年尚未发生以镇政府为被告的行政诉讼案件。"
    assert concepts.deeds_only(zero) == zero


def test_intention_clauses_are_blanked_and_the_deed_is_kept():
    text = "全年培训法律明白人3期，力争明年实现全覆盖，覆盖率达到100%。"
    kept = concepts.deeds_only(text)
    assert "培训法律明白人3期" in kept and "100%" not in kept and len(kept) == len(text)
    # a deed marker ends an aim carried over from the clause before
    assert "已完成1个" in concepts.deeds_only("拟新建法治文化广场2个，已完成1个。")
    # 将…纳入 is the object marker (a deed), not "will"
    assert concepts.deeds_only("将宪法学习纳入中心组学习内容，全年学习4次。").startswith("将宪法")
    whole = "下一步，镇党委将每季度组织学法1次。"
    assert not concepts.deeds_only(whole).strip("，。 ")


def test_a_norm_the_sentence_goes_on_to_count_is_the_years_work():
    # the requirement kept, and how often it was: 要求…都要召开“案后说法”会，全年共开展14场
    kept = "要求执法人员每办结一起案件，都要回到案发村召开“案后说法”会，全年共开展14场。"
    assert concepts.deeds_only(kept) == kept
    assert reading("popularization.whoever-enforces", kept, codes={"P401"}) == "present"
    # … but not a norm alone, nor an aim of which a part is done
    assert concepts.deeds_only("要求执法人员每办结一起案件都要召开“案后说法”会。").strip("，。 ") == ""
    assert not concepts.deeds_only("拟新建法治文化广场2个，已完成1个。").startswith("拟新建")


def test_audience_words_decide_who_is_taught():
    publicity = {"counts": ["@public"], "not": ["@cadres"]}
    assert concepts.wrong_audience("组织镇村干部集中学习宪法", publicity)
    assert not concepts.wrong_audience("组织干部群众开展宪法宣传", publicity)
    assert not concepts.wrong_audience("开展宪法宣传活动", publicity)


def test_vocabulary_names_expand_and_unknown_names_are_rule_errors():
    assert "群众" in concepts.expand(["@public"])
    problems = kinds.validate("topic", {"phrases": ["@no-such-list"], "concepts": [{"things": ["律师"]}],
                                        "audience": {"counts": ["@public"]}})
    text = "；".join(problems)
    assert "@no-such-list" in text and "things 和 acts" in text and "counts 和 not" in text
    assert not kinds.validate("topic", {"phrases": ["律师"], "concepts": [{"things": ["律师"], "acts": ["审核"]}]})
    assert "figure_scope" in "；".join(kinds.validate("topic", {"phrases": ["律师"], "figure_scope": "clause"}))
    assert not kinds.validate("topic", {"phrases": ["律师"], "figure_scope": "item"})


# -- figures in the forms reports use ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "参与普法活动群众人次超1232万",
    "受益人数近2万",
    "全镇培养法律明白人一百二十名",
    "审查各类合同逾百份",
    "开展送法下乡二十余场",
    "镇党委会先后两次听取法治建设工作汇报",
    "“一网通办”率达到百分之九十八点三",
    "行政复议决定履行率百分之百",
    # units of trials heard, boats and trips (a coastal township counts its boats)
    "班子成员分两批旁听行政案件庭审共4案次",
    "检查进出港渔船326艘次，清理违规渔排40艘",
    # one numeral right after the noun it counts
    "法律顾问对合同提出修改意见九条",
    "排查安全隐患三处",
])
def test_counts_written_after_the_noun_or_in_chinese_numerals_are_figures(text):
    assert figures(text)


@pytest.mark.parametrize("text", ["深入学习贯彻党的二十大精神", "深入推行行政执法三项制度", "编制十四五规划",
                                  "坚持百分百的服务态度", "树牢四个意识", "突出问题三个方面",
                                  # (a vague amount names no number)
                                  "受教育群众达数千人次", "覆盖群众数万人",
                                  # (a self-assessment table's points and the points taken off)
                                  "党政主要负责人履职｜4分｜3分｜坚持四个亲自要求（扣1分：缺少具体履职记录）"])
def test_names_with_numerals_are_not_figures(text):
    assert not figures(text)


def test_the_units_size_as_background_is_no_figure_of_work():
    assert not figures("我镇辖12个行政村、3个社区，总人口5.6万人，面积86平方公里")
    # the same words in the work: an area demolished, the firms of the area inspected
    assert figures("全年拆除违法建筑面积3200平方米")
    assert figures("对辖区内12家企业开展执法检查")
    assert figures("依法移送有管辖权的机关案件12件")


# -- the thing described instead of named ------------------------------------------------

@pytest.mark.parametrize("item,code,text,part,want", [
    ("enforcement.recording", "E302", "为综合执法队配备执法取证仪6台，现场检查一律全程录像。", "measures", "present"),
    ("enforcement.recording", "E302", "执法队员佩戴肩咪开展检查。", "measures", "present"),
    ("enforcement.recording", "E302", "对查封扣押等执法活动同步录像。", "measures", "present"),
    ("enforcement.recording", "E302", "开展安全生产检查32次。", "measures", "missing"),
    ("decision.legal-advisor", "O502", "镇政府签订的合同均经律师审核把关。", "measures", "present"),
    ("decision.legal-advisor", "O502", "加强规范性文件合法性审查，充分发挥法律顾问作用。", "measures", "weak"),
    ("popularization.current-plan", "P405", "制定《某镇第八个五年法治宣传教育实施方案》。", "measures", "present"),
    ("popularization.current-plan", "P405", "完成“七五”普法总结验收。", "measures", "missing"),
    ("frp.report-law", "R202", "镇党委书记在年终述职时把履行法治建设第一责任人职责情况作为必述内容。", "frp", "present"),
    ("frp.report-law", "R202", "村党支部书记进行年度述职，接受党员评议。", "frp", "missing"),
    ("popularization.whoever-enforces", "P401", "执法人员在检查中向经营户宣传法律，发放资料600余份。", "measures", "present"),
    ("popularization.whoever-enforces", "P401", "全面落实谁执法谁普法责任制。", "measures", "weak"),
    ("frp.study-law", "R203", "9月5日，镇领导班子成员到县人民法院旁听一起行政案件的庭审。", "frp", "present"),
    ("frp.study-law", "R203", "镇党委理论学习中心组专题学习《行政复议法》4次。", "frp", "present"),
    ("frp.court-appearance", "R204", "在张某诉镇政府行政强制一案中，镇长出庭应诉。", "frp", "present"),
    ("frp.court-appearance", "R204", "严格落实行政机关负责人出庭应诉制度。", "frp", "weak"),
    ("frp.court-appearance", "R204", "分管副镇长做到既出庭又出声，全年出庭3次。", "frp", "present"),
])
def test_items_described_split_or_reordered_are_recognised(item, code, text, part, want):
    assert reading(item, text, part, {code}) == want


# -- what is not the year's work ------------------------------------------------------------

@pytest.mark.parametrize("item,code,text,part", [
    ("popularization.legal-literate", "P404", "下一步，我镇将在每个村培养法律明白人5名。", "measures"),
    ("popularization.legal-literate", "P404", "到2025年底，实现每个村（社区）有法律明白人5名。", "measures"),
    ("enforcement.recording", "E302", "执法人员应当对现场执法过程全程录像。", "measures"),
    ("frp.court-appearance", "R204", "严格要求被诉行政机关负责人出庭应诉，出庭率达到100%。", "frp"),
    ("frp.study-law", "R203", "镇党委计划每季度开展会前学法1次。", "frp"),
    ("popularization.constitution", "P402", "确保宪法宣传进村入户全覆盖。", "measures"),
    ("outline.emergency", "O511", "确保突发事件依法处置率达100%。", "measures"),
    # 将 before an adverb or a frame (将提前…, 将全力…, 将以…为契机): "will"
    ("popularization.current-plan", "P405", "镇司法所将提前谋划“八五”普法总结验收各项准备工作。", "measures"),
    ("popularization.current-plan", "P405", "将以迎接“八五”普法中期评估为契机，推动各项普法任务落实。", "measures"),
])
def test_aims_targets_and_norms_are_weak_and_say_so(item, code, text, part):
    result = run(report(**({"frp": text} if part == "frp" else {"measures": text})), codes={code})
    assert state(result, item) == "weak"
    assert "打算、目标或要求" in diags(result, code)[0].message


def test_a_target_set_is_no_result_but_a_plans_targets_referred_to_are_no_target():
    assert "95%" not in concepts.deeds_only("2024年目标：执法案卷合格率95%以上。")
    assert "30场" not in concepts.deeds_only("年初提出全年开展“法律六进”活动不少于30场的目标。")
    assert "500家次" not in concepts.deeds_only("年初确定了全年执法检查不少于500家次的工作目标。")
    for done in ("对照普法规划确定的目标任务，完成中期自查，梳理已完成任务21项。",
                 "全面完成年度目标，全年办理案件46件。"):
        assert concepts.deeds_only(done) == done


def test_a_clause_opening_on_ensure_is_a_target_but_the_purpose_of_a_deed_is_not():
    # 确保… opening a clause is a target; 为确保… is why a deed was done, and the deed counts
    assert reading("outline.emergency", "确保突发事件依法处置率达100%。", codes={"O511"}) == "weak"
    purpose = "为确保决策科学民主，区政府就老旧小区改造方案召开听证会，邀请居民代表21人参加。"
    assert reading("decision.major-procedure", purpose, codes={"O501"}) == "present"
    after = "全年开展执法培训3期，确保执法人员持证上岗率100%。"
    assert reading("enforcement.personnel", after, codes={"E306"}) == "present"
    assert concepts.deeds_only(after).startswith("全年开展执法培训3期")


def test_a_decision_about_to_be_made_is_handled_not_planned():
    # 拟作出责令停产停业的…案件: the decision about to be made, reviewed this year
    text = "对拟作出责令停产停业的3件案件，由局法规科在决定作出前进行法制审查，均提出了审查意见。"
    assert reading("enforcement.legal-review", text, codes={"E303"}) == "present"
    assert reading("enforcement.legal-review", "拟对法制审核制度进行修订。", codes={"E303"}) == "weak"
    # (…2起拟拆除决定…均由司法所所长逐件把关: 拟 names the decisions, no plan)
    named = "涉及违法占地的3起拟拆除决定，在提交镇长办公会前均由具有法律职业资格的司法所所长逐件把关。"
    assert reading("enforcement.legal-review", named, codes={"E303"}) == "present"


def test_the_slogan_of_study_alone_names_the_item_and_an_instance_is_present():
    # 尊法学法守法用法 is no act of study, yet it names the item: weak, not missing
    assert reading("frp.study-law", "会议强调，各级领导干部要带头尊法学法守法用法。", "frp", {"R203"}) == "weak"
    # a numbered meeting that studied a law is one instance of study, as a date is
    assert reading("frp.study-law", "近日，县政府召开第23次常务会议，会前集中学习了新修订的"
                   "《中华人民共和国行政复议法》。", "frp", {"R203"}) == "present"
    # a news-dated lecture for villagers is publicity, not the leaders' study
    assert reading("frp.study-law", "近日，司法所为村民举办法治讲座。", "frp", {"R203"}) != "present"


def test_the_opening_summary_reports_the_years_study_of_law():
    # "2023年，…中心组集中学法6次，…" before the first heading is the year's work too
    text = report(frp="镇党委书记严格履行第一责任人职责。")
    title, rest = text.split("\n", 1)
    opening = "2024年，我镇坚持以习近平法治思想为指导，镇党委理论学习中心组集中学法6次，法治政府建设取得新成效。"
    result = run(title + "\n" + opening + "\n" + rest, codes={"R203"})
    assert state(result, "frp.study-law") == "present"


def test_a_mention_only_in_another_part_says_which_part():
    result = run(report(frp="镇党委书记严格履行第一责任人职责。",
                        shortcomings="一是会前学法次数偏少，全年仅学法2次。"), codes={"R203"})
    assert state(result, "frp.study-law") == "weak"
    message = diags(result, "R203")[0].message
    assert "只在“存在的不足”中提到" in message and "下一年度" not in message


def test_a_target_year_the_report_has_reached_states_a_result():
    text = "到2024年底，全镇培养法律明白人138名。"
    assert reading("popularization.legal-literate", text, codes={"P404"}) == "present"      # 2024 report
    assert state(run(report(measures=text, year=2023), year=2023, codes={"P404"}),
                 "popularization.legal-literate") == "weak"


def test_a_sentence_with_a_deed_and_an_aim_keeps_the_deed():
    text = "全年培养法律明白人138名，力争明年实现每村5名。"
    assert reading("popularization.legal-literate", text, codes={"P404"}) == "present"


def test_figures_in_aim_clauses_do_not_quantify_the_measures():
    aims = run(report(measures="力争全年开展普法宣传20场，覆盖群众5000人次。"), codes={"Q601"})
    deeds = run(report(measures="全年开展普法宣传20场，覆盖群众5000人次，发放资料3000份。"), codes={"Q601"})
    # (an aim with figures states an intention: weak, never the ✓ of a part that counts its deeds)
    assert state(aims, "evidence.quantified") == "weak"
    assert state(deeds, "evidence.quantified") == "present"


def test_a_part_whose_only_figures_are_targets_says_so():
    # the clerk sees that the number written is a target, not what the year did
    target = run(report(measures="1月，镇党委确定全年开展普法宣传活动不少于30场、矛盾纠纷化解率达到95%以上的工作目标，并分解落实到各村。"),
                 codes={"Q601"})
    bracketed = run(report(measures="按照年初确定的工作目标（执法案卷合格率不低于95%），扎实推进各项工作。"), codes={"Q601"})
    for result, figure in ((target, "30场"), (bracketed, "95%")):
        assert state(result, "evidence.quantified") == "weak"
        message = diags(result, "Q601")[0].message
        assert f"（“{figure}”）只出现在目标" in message
    plain = run(report(measures="我镇扎实推进法治政府建设，各项工作取得明显成效。"), codes={"Q601"})
    assert "只出现在目标" not in diags(plain, "Q601")[0].message
    assert state(plain, "evidence.quantified") == "missing"


def test_a_form_named_in_the_text_is_not_the_act_of_review():
    form = "审核完成后制作《重大执法决定法制审核意见书》。"
    done = "全年法制审核重大执法决定8件，均出具审核意见。"
    assert reading("enforcement.legal-review", form, codes={"E303"}) == "weak"
    assert reading("enforcement.legal-review", done, codes={"E303"}) == "present"


def test_the_condition_of_a_norm_is_part_of_the_norm():
    norm = "重大执法决定未经法制审核或者审核未通过的，不得作出决定。"
    assert not concepts.deeds_only(norm).strip("，。 ")
    assert reading("enforcement.legal-review", norm, codes={"E303"}) == "weak"
    # a clause ending in 的 before a deed is no norm
    deed = "对情节复杂的，全年法制审核重大执法决定8件。"
    assert concepts.deeds_only(deed) == deed
    assert reading("enforcement.legal-review", deed, codes={"E303"}) == "present"


@pytest.mark.parametrize("item,code,part,slogan,deed", [
    ("popularization.constitution", "P402", "measures",
     "持续深化宪法学习宣传，推动宪法精神深入人心。",
     "深入开展宪法学习宣传教育活动，进行《宪法》的宣传。"),
    ("popularization.civil-code", "P403", "measures",
     "大力弘扬民法典精神，推动民法典走到群众身边、走进群众心里。",
     "组织普法志愿者进村入户，为村民解读《民法典》继承编。"),
    ("popularization.civil-code", "P403", "measures",
     "深入学习宣传贯彻民法典。",
     "学习宣传贯彻民法典，开展民法典宣讲15场。"),
    ("frp.report-law", "R202", "frp",
     "进一步完善述法评议机制，将述法结果作为干部考核的重要参考。",
     "进一步完善述法评议机制，12月组织8个村党组织书记现场述法。"),
])
def test_a_call_to_do_more_names_no_deed(item, code, part, slogan, deed):
    assert reading(item, slogan, part, {code}) == "weak"
    assert reading(item, deed, part, {code}) == "present"


def test_the_steps_of_a_procedure_counted_as_done_are_no_recital():
    # the five steps listed with a count of the work (经过2轮…) were carried out
    done = "集镇农贸市场改造方案经过2轮公开征求意见、社会稳定风险评估和司法所合法性审查后，由镇政府常务会议集体讨论通过。"
    assert reading("decision.major-procedure", done, codes={"O501"}) == "present"
    # a count of the formula's own steps (等5项法定程序) counts no work
    formula = "严格执行重大行政决策程序，坚持公众参与、专家论证、风险评估、合法性审查、集体讨论决定等5项法定程序。"
    assert reading("decision.major-procedure", formula, codes={"O501"}) == "weak"


def test_the_formula_of_full_recording_is_not_a_deed_of_recording():
    formula = "严格落实执法全过程记录制度，做到执法全过程留痕和可回溯管理。"
    deed = "为一线执法人员配备执法记录仪32台，对现场检查全程音像记录。"
    assert reading("enforcement.recording", formula, codes={"E302"}) == "weak"
    assert reading("enforcement.recording", deed, codes={"E302"}) == "present"


def test_acts_in_person_on_rule_of_law_work_with_instances_are_the_four_personally():
    codes = {"R201"}
    assert reading("frp.four-personally", "镇党委书记对法治建设重要工作亲自部署、重大问题亲自过问，"
                   "全年主持召开专题会议3次，协调解决法治建设难题5个。", "frp", codes) == "present"
    # told without 亲自: the leader led inspections and chaired the study of problems
    assert reading("frp.four-personally", "党委书记全年4次带队督导村（社区）法治建设工作，"
                   "主持研究解决征地拆迁中的法律问题6个。", "frp", codes) == "present"
    # the leader named at the head of a long sentence still does what it goes on to tell
    assert reading("frp.four-personally", "镇党委书记认真履行第一责任人职责，坚持把法治建设与经济社会发展"
                   "同部署、同推进、同督促、同考核，全年主持召开党委会研究法治工作4次，带队督导村级法治建设2次。",
                   "frp", codes) == "present"
    # one act in person on rule-of-law work with its instance is enough (ten writers read it so) …
    assert reading("frp.four-personally", "局长亲自督办本局行政执法案卷评查发现的17个问题整改，已全部整改到位。",
                   "frp", codes) == "present"
    # … an act in person on other work is not, however concrete, nor does it name the item
    # (the writers of seven such sentences read it missing)
    assert reading("frp.four-personally", "镇党委书记亲自部署森林防火工作，带队检查重点林区防火卡点5处。",
                   "frp", codes) == "missing"
    # chairing a meeting on the rule of law is the special study (R205), not an act in person;
    # the formula alone names the item without an instance
    assert reading("frp.four-personally", "镇党委书记主持召开党委会研究法治建设工作3次。", "frp", codes) == "missing"
    assert reading("frp.four-personally", "主要领导坚持重要工作亲自部署、重大问题亲自过问、"
                   "重点环节亲自协调、重要任务亲自督办。", "frp", codes) == "weak"


def test_a_short_part_dense_with_figures_is_quantified_and_a_long_one_is_not():
    two = "全年调处矛盾纠纷136件，调解成功率98.5%。"
    short = run(report(measures=two), codes={"Q601"})
    assert state(short, "evidence.quantified") == "present"
    filler = "我镇坚持以习近平法治思想为指导，扎实推进法治政府建设，各项工作取得明显成效，法治氛围日益浓厚。"
    long = run(report(measures="\n".join([two] + [filler] * 4)), codes={"Q601"})
    assert state(long, "evidence.quantified") == "weak"
    assert "只有2个具体数字" in diags(long, "Q601")[0].message


def test_a_copy_cut_off_under_the_measures_heading_is_not_read_as_unquantified():
    from linter import Document, lint
    opening = ("某镇人民政府关于2024年度法治政府建设情况的报告\n"
               "一、党政主要负责人履行推进法治建设第一责任人职责情况\n"
               "镇党委书记全年主持召开专题会议3次，开展会前学法10次。\n"
               "二、2024年法治政府建设主要举措和成效\n（一）依法全面履行政府职能\n一是深化政务服务改革。")
    cut = lint(Document.from_text(opening, path="cut.txt"))
    assert cut.checklist["evidence.quantified"].state == "n/a"
    # …but with a part after it, the empty part is unquantified
    whole = lint(Document.from_text(opening + "\n三、存在的不足和原因\n一是执法力量薄弱。", path="r.txt"))
    assert whole.checklist["evidence.quantified"].state == "missing"


# -- formulas recited with no instance, and who is taught --------------------------------

@pytest.mark.parametrize("item,code,part,weak,reason,present", [
    # the decision steps recited in one enumeration, and a decision actually made
    ("decision.major-procedure", "O501", "measures",
     "重大行政决策严格履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定等程序。", "只罗列",
     "全年作出重大行政决策4项，均经风险评估和合法性审查。"),
    # cadres studying the 宪法 is not publicity to the public
    ("popularization.constitution", "P402", "measures",
     "组织镇村干部集中学习宪法，开展宪法知识讲座2场。", "干部学习宪法",
     "在集市设立咨询台，开展宪法讲座，向群众发放资料600余份。"),
])
def test_weak_readings_say_why_and_the_real_thing_is_present(item, code, part, weak, reason, present):
    result = run(report(**{part: weak}), codes={code})
    assert state(result, item) == "weak"
    assert reason in diags(result, code)[0].message
    assert reading(item, present, part, {code}) == "present"


def test_a_lecture_for_villagers_is_no_study_of_law_at_all_and_the_finding_says_why():
    # (audience.reads: missing — popularization, not the leaders' study, as the reviewer reads it)
    result = run(report(frp="司法所在各村举办法治讲座12场，为村民讲解土地承包法律知识。"), codes={"R203"})
    assert state(result, "frp.study-law") == "missing"
    finding = diags(result, "R203")[0]
    assert "不是领导干部学法" in finding.message and finding.line == 5
    assert reading("frp.study-law", "举办领导干部法治讲座3场，镇领导班子成员全部参加。", "frp", {"R203"}) == "present"


# -- a required part that is only a slogan ---------------------------------------------------

def test_a_first_responsible_person_part_of_one_slogan_is_weak():
    slogan = run(report(frp="镇党委书记严格履行推进法治建设第一责任人职责。"), codes={"S103"})
    assert state(slogan, "section.frp") == "weak"
    assert "只有一句原则性表述" in diags(slogan, "S103")[0].message
    work = run(report(frp="镇党委书记严格履行第一责任人职责，主持召开专题会议3次。"), codes={"S103"})
    assert state(work, "section.frp") == "present"


# -- the measurement script ---------------------------------------------------------------

def test_measure_sentences_says_where_to_point_it_when_the_corpus_is_absent(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "measure_sentences.py"),
                           "--corpus", str(tmp_path)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "measure_sentences.py" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_measure_sentences_reads_a_corpus_and_reports_the_three_figures(tmp_path):
    (tmp_path / "sentences.yaml").write_text(
        "sentences:\n"
        "- {n: 1, id: enforcement.recording, state: present, paraphrase: true,\n"
        "   text: 为执法队配备执法取证仪4台。}\n"
        "- {n: 2, id: popularization.legal-literate, state: weak, paraphrase: false,\n"
        "   text: 下一步，将在每个村培养法律明白人3名。}\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "measure_sentences.py"),
                           "--corpus", str(tmp_path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "recall on present:       1/1" in proc.stdout
    assert "recall on paraphrases:   1/1" in proc.stdout
    assert "near-miss precision:     1/1" in proc.stdout


def test_reading_parameters_are_validated_in_the_evidence_and_section_kinds():
    assert kinds.validate("evidence", {"check": "figures", "intentions": ["@nowhere"]})
    assert not kinds.validate("evidence", {"check": "figures", "intentions": ["@intentions"]})
    assert kinds.validate("section", {"part": "frp", "slogan": "一句"})
    assert not kinds.validate("section", {"part": "frp", "slogan": {"max_sentences": 1}})


# -- one event told over two sentences ----------------------------------------------------

@pytest.mark.parametrize("item, part, text", [
    ("frp.study-law", "frp", "2024年9月，县政府举办领导干部法治专题讲座。讲座由省委党校教授主讲，县长及县政府领导、"
                             "各部门主要负责人共86人参加。"),
    ("popularization.legal-literate", "measures", "太平村“法律明白人”王桂芳是一名退休教师。2025年以来，她参与调解"
                                                  "邻里纠纷14起，组织村民学法20余次。"),
])
def test_the_figure_of_an_event_may_stand_in_the_sentence_that_goes_on_telling_it(item, part, text):
    assert reading(item, text, part) == "present"
    # …but not in a sentence on other work that follows it
    first = text.split("。")[0] + "。"
    assert reading(item, first + "全年办理行政复议案件12件。", part) == "weak"


@pytest.mark.parametrize("text, want", [
    ("镇政府印发《关于开展民法典宣传活动的通知》。", "weak"),          # the act is the title's word
    ("镇政府转发《关于开展民法典宣传活动的通知》，并在各村宣讲。", "present"),
])
def test_the_words_of_the_hits_own_title_are_no_act(text, want):
    assert reading("popularization.civil-code", text) == want


def test_a_long_unstopped_sentence_full_of_titles_is_read_once_per_rule(monkeypatch):
    """A PDF copy can run thousands of 《…》 titles together with no stop: one "sentence".
    Its window is read once per rule, however many titles the hits lie in (it was read again
    whole for every title: 28,000 characters took 3.6 s, 200 KB about 20 s)."""
    from linter.kinds import topic
    line = ("我镇坚持以《某省行政执法公示办法》《某省行政执法全过程记录办法》"
            "《某省重大行政执法决定法制审核办法》等文件为指导纲领，完善执法公示、\n")
    calls = []
    original = topic.concrete_text
    monkeypatch.setattr(topic, "concrete_text", lambda *a, **k: calls.append(1) or original(*a, **k))
    counts = []
    for lines in (10, 100):
        calls.clear()
        run(report(measures=line * lines))
        counts.append(len(calls))
    assert counts[0] > 0 and counts[1] == counts[0]


def test_work_told_as_not_done_is_missing_and_work_done_not_well_enough_is_weak():
    # 本年度尚未聘请: the report itself says the item was not done — missing, at those words
    result = run(report(measures="受经费限制，镇政府本年度尚未聘请法律顾问。"), codes={"O502"})
    assert state(result, "decision.legal-advisor") == "missing"
    finding = diags(result, "O502")[0]
    assert "没有开展" in finding.message and "法律顾问" in finding.message and finding.line == 3
    assert reading("popularization.constitution", "镇政府换届已于上年完成，本年度未组织宪法宣誓活动。") == "missing"
    # …还不够到位: the work is named and falls short — weak, and the finding says so
    result = run(report(measures="“谁执法谁普法”责任落实还不够到位，部分站所普法流于形式。"), codes={"P401"})
    assert state(result, "popularization.whoever-enforces") == "weak"
    assert "做得不够" in diags(result, "P401")[0].message
    # and no case arising is the explicit zero, not a lack
    assert reading("frp.court-appearance", "全年尚未发生以镇政府为被告的行政诉讼案件。", part="frp") == "present"


def test_a_vocabulary_list_may_name_another_and_a_cycle_expands_to_nothing(monkeypatch):
    monkeypatch.setattr(concepts, "vocabulary", lambda: {"a": ["x", "@b"], "b": ["y", "@a"]})
    concepts._expand.cache_clear()
    try:
        assert concepts.expand("@a") == ("x", "y")
    finally:
        concepts._expand.cache_clear()


def test_a_sentence_opening_on_an_earlier_year_tells_that_years_work():
    # (the helpers' report is on 2024)
    assert reading("frp.court-appearance", "2022年，在一起林地确权行政诉讼案件中，时任镇长出庭应诉并当庭发言。",
                   "frp") == "missing"
    assert reading("popularization.constitution", "2023年12月4日，镇司法所在集镇开展国家宪法日宣传活动，发放资料500余份。") == "missing"
    # the report's own year, and a stretch running on into it, are this year's work
    assert reading("popularization.constitution", "2024年12月4日，镇司法所在集镇开展国家宪法日宣传活动，发放资料500余份。") == "present"
    assert reading("popularization.constitution", "2022年以来，镇司法所每年在集镇开展国家宪法日宣传活动，今年发放资料500余份。") == "present"
