"""What a 司法局 reviewer catches beyond the checklist (issue 9): template placeholders, fixed
political formulas, figures that contradict themselves, the report's form, stale deadline
wording, reports on 2026 — and suggestions that invent no figures or years.

Sentences are written the way reports are written; each check has a failing and a passing one."""
import re

import pytest

from linter import Config, lint_text
from linter.engine.ruleset import available_rulesets, load_ruleset


def report(body: str, year: int = 2024, part: str = "measures", title: str | None = None,
           signature: str = "") -> str:
    head = (title if title is not None else f"某镇人民政府关于{year}年度法治政府建设情况的报告") + "\n"
    text = head + f"一、{year}年推进法治政府建设的主要举措和成效\n"
    if part == "measures":
        text += body + "\n"
    else:
        text += f"全年开展法治讲座4次。\n二、{year + 1}年工作安排\n{body}\n"
    return text + signature


def found(text, codes, year=2024, level="township"):
    return lint_text(text, "r.txt", Config(select=codes, year=year, level=level)).diagnostics


def apply(text: str, fix) -> str:
    lines = text.split("\n")
    for e in sorted(fix.edits, key=lambda e: (e.line, e.column), reverse=True):
        s = lines[e.line - 1]
        lines[e.line - 1] = s[: e.column - 1] + e.text + s[e.end_column - 1:]
    return "\n".join(lines)


def _rules():
    seen = {}
    for name in available_rulesets():
        for rule in load_ruleset(name).rules:
            seen.setdefault((rule.code, rule.source), rule)
    return list(seen.values())


# -- 1. unfilled placeholders (F930) -----------------------------------------------------------

@pytest.mark.parametrize("sentence, placeholder", [
    ("XX镇深入学习贯彻习近平法治思想，法治政府建设水平逐步提升。", "XX"),
    ("ＸＸ镇全面推进依法行政。", "XX"),                                  # full width
    ("xx街道扎实推进法治政府建设。", "xx"),                                # lower case
    ("20xx年，我镇坚持以习近平法治思想为指导。", "20xx年"),
    ("202X年度，我镇坚持以习近平法治思想为指导。", "202X年度"),
    ("全年召开党委会会前学法X次。", "X"),
    ("全年召开党委会会前学法*次。", "*"),
    ("调解矛盾纠纷××件，调解成功率×%。", "××"),
    ("某某单位负责同志参加了培训。", "某某"),
    ("由____负责牵头落实。", "____"),
    ("按照【单位名称】的部署开展工作。", "【单位名称】"),
    ("印发了【】实施方案。", "【】"),
])
def test_placeholders_left_from_a_template_are_errors(sentence, placeholder):
    diags = found(report(sentence), ["F930"])
    assert diags and diags[0].severity == "error"
    assert any(f"“{placeholder}”" in d.message for d in diags)


@pytest.mark.parametrize("sentence", [
    "对张某某违法建设一案依法作出处罚决定，具体情况（略）。",
    "配备X光安检机2台，建成3×4米法治宣传栏，推行APP掌上办理。",
    "开通“i法治”微信公众号，落实“1名法律顾问+N名法律明白人”机制。",
    "举报电话：138****5678，网址http://www.xxgk.gov.cn/art_1_2.html。",
])
def test_real_abbreviations_and_site_masks_are_not_placeholders(sentence):
    assert not found(report(sentence), ["F930"])


# -- 2. fixed political formulas (F922) --------------------------------------------------------

def _formula_rule():
    return next(r for r in _rules() if r.code == "F922")


def test_the_formula_list_is_versioned_and_every_wrong_form_is_an_error_with_a_safe_fix():
    rule = _formula_rule()
    assert rule.severity == "error" and re.fullmatch(r"\d{4}-\d{2}", rule.params["version"])
    for formula in rule.params["formulas"]:
        for wrong in formula["wrong"]:
            text = report(f"深入学习贯彻{wrong}，推进法治政府建设。")
            diags = found(text, ["F922"])
            assert len(diags) == 1, wrong
            assert diags[0].fix.safe and formula["right"] in apply(text, diags[0].fix), wrong


def test_legitimate_variants_are_never_flagged():
    for formula in _formula_rule().params["formulas"]:
        for legit in [formula["right"], *formula.get("allowed", [])]:
            assert not found(report(f"深入学习贯彻{legit}，推进法治政府建设。"), ["F922"]), legit


def test_the_seven_attributes_are_checked_inside_the_sequence_only():
    wrong = "加快建设职能科学、权责法定、执法严明、公开公证、职能高效、廉洁诚信、人民满意的法治政府。"
    diags = found(report(wrong), ["F922"])
    assert [d.message.split("”")[0] for d in diags] == ["“公开公证", "“职能高效"]
    assert not found(report("推进机构职能高效运转，办理公开公证事项12件。"), ["F922"])


def test_sweep_black_typo_spread_to_many_sites():
    [d] = found(report("常态化开展扫黑险恶斗争，全年排查涉黑涉恶线索3条。"), ["F922"])
    assert "扫黑除恶" in d.message and d.line == 3


# -- 3. figures that contradict themselves (Q610–Q612) -----------------------------------------

def test_parts_exceeding_the_total():
    [d] = found(report("全年共办理行政复议案件12件，其中维持5件、撤销4件、确认违法6件。"), ["Q610"])
    assert "分项合计15件" in d.message and "总数为12件" in d.message
    assert not found(report("全年共办理行政复议案件12件，其中维持5件、撤销4件、确认违法3件。"), ["Q610"])


def test_exhaustive_parts_must_add_up_exactly():
    text = "共聘请法律顾问9名，分别为律师5名、基层法律服务工作者3名。"
    [d] = found(report(text), ["Q610"])
    assert "分项合计8名" in d.message
    assert not found(report("共聘请法律顾问8名，其中律师5名、基层法律服务工作者2名。"), ["Q610"])


def test_changes_and_approximations_are_not_parts():
    assert not found(report("共受理信访事项30件，其中办结28件，同比增长40件。"), ["Q610"])
    assert not found(report("共开展普法活动30余场，其中进村宣讲20场、进校园12场。"), ["Q610"])


def test_rates_that_cannot_exceed_100_percent():
    [d] = found(report("行政机关负责人出庭应诉率达到105%，群众满意度达到98.6%。"), ["Q611"])
    assert "105%" in d.message
    assert not found(report("出庭应诉率达到100%，行政复议案件数量同比增长150%。"), ["Q611"])


def test_the_same_total_given_twice_with_different_values_quotes_both_places():
    text = report("全年共办理行政复议案件12件，全部依法审结。\n（二）严格规范复议\n"
                  "坚持应收尽收，全年共办理行政复议案件15件。")
    [d] = found(text, ["Q612"])
    assert d.line == 5 and "第3行" in d.message and "12件" in d.message and "15件" in d.message
    same = report("全年共办理行政复议案件12件。\n坚持应收尽收，全年共办理行政复议案件12件。")
    assert not found(same, ["Q612"])


def test_plan_targets_are_not_compared_with_results():
    text = report("全年共开展法治讲座4次。", part="plan") + "全年共开展法治讲座6次。\n"
    assert not found(text.replace("全年开展法治讲座4次。\n", ""), ["Q612"])


# -- 4. form of the report (F940–F943) ---------------------------------------------------------

def test_title_must_name_unit_year_and_type():
    [d] = found(report("全年开展法治讲座4次。", title="关于法治政府建设工作情况的报告"), ["F940"])
    assert "发文单位、年度" in d.message and "2024年度" in d.message and d.line == 1
    assert not found(report("全年开展法治讲座4次。", title="青山乡人民政府关于2024年度法治政府建设情况的报告"), ["F940"])


@pytest.mark.parametrize("title, kind", [
    ("青山乡2024年法治政府建设工作总结", "工作总结"),
    ("某县司法局局长2024年度述法报告", "述法报告"),
    ("青山乡2025年法治政府建设工作要点", "工作要点"),
])
def test_other_kinds_of_paper_are_noted(title, kind):
    [d] = found(report("全年开展法治讲座4次。", title=title), ["F941"])
    assert d.severity == "info" and kind in d.message
    assert not found(report("全年开展法治讲座4次。", title="青山乡2024年法治政府建设年度报告"), ["F941"])


@pytest.mark.parametrize("date, expected", [
    ("二〇二五年一月六日", "2025年1月6日"),
    ("2025年01月06日", "2025年1月6日"),
    ("2025.1.6", "2025年1月6日"),
    ("25年1月6日", "2025年1月6日"),
    ("2025年1月", "2025年1月×日"),
])
def test_malformed_date_of_issue(date, expected):
    text = report("全年开展法治讲座4次。", signature=f"青山乡人民政府\n{date}")
    [d] = found(text, ["F942"])
    assert expected in d.message and apply(text, d.fix).endswith(expected)
    assert not found(report("全年开展法治讲座4次。", signature="青山乡人民政府\n2025年1月6日"), ["F942"])


def test_no_title_is_only_a_note():
    [d] = found("2024年，我镇全年开展法治讲座4次，调解矛盾纠纷36件。\n一、主要举措和成效\n全年开展法治讲座4次。",
                ["F943"])
    assert d.severity == "info"


# -- 5. stale deadline wording (T721) ----------------------------------------------------------

def test_first_quarter_reporting_deadline_is_stale_since_2019():
    text = report("每年第一季度向区委、区政府报告上一年度法治政府建设情况。", 2023, part="plan")
    [d] = found(text, ["T721"], 2023)
    assert "3月1日" in d.message and "4月1日" in d.message
    assert not found(text.replace("2023", "2018"), ["T721"], 2018)
    assert not found(report("每年第一季度召开法治建设专题会议。", 2023, part="plan"), ["T721"], 2023)


# -- 6. reports on 2026 ------------------------------------------------------------------------

def test_fourteenth_five_year_period_as_current_from_2026():
    current = "紧扣“十四五”时期法治政府建设目标，推进依法行政。"
    assert found(report(current, 2026), ["T716"], 2026)
    assert not found(report(current, 2025), ["T716"], 2025)
    assert not found(report("回顾“十四五”期间，全镇累计开展法治宣传300余场。", 2026), ["T716"], 2026)


def test_eighth_plan_may_be_summed_up_in_2026_but_not_carried_on():
    assert found(report("深入实施“八五”普法规划，开展法治宣传活动12场。", 2026), ["T711"], 2026)
    assert not found(report("完成“八五”普法总结验收，开展法治宣传活动12场。", 2026), ["T711"], 2026)


def test_law_on_legal_publicity_is_a_basis_from_2025_on():
    text = "认真贯彻《中华人民共和国法治宣传教育法》，开展法治宣传活动12场。"
    [d] = found(report(text, 2024), ["L804"], 2024)
    assert "2025年11月1日" in d.message and "2024年度" in d.message
    assert not found(report(text, 2025), ["L804"], 2025)
    assert not found(report(text, 2024, part="plan"), ["L804"], 2024)   # next year's plan may cite it


def test_from_2026_the_current_plan_item_reads_the_law_on_legal_publicity():
    def state(text, year):
        result = lint_text(report(text, year), "r.txt", Config(year=year, level="township"))
        return result.checklist["popularization.current-plan"].state
    assert state("全面贯彻法治宣传教育法，开展专题宣传6场。", 2026) == "present"
    assert state("全年开展集中法治宣传活动20余次。", 2026) == "missing"
    assert state("深入实施“八五”普法规划，开展专题宣传6场。", 2025) == "present"


# -- 7. suggestions that invent nothing --------------------------------------------------------

_FIGURE = re.compile(r"(?<![\d.·‘'])\d+(?:\.\d+)?\s*(?:余|多)?(?:%|％|个工作日|人次|万元|件|次|场|名|人|个|项|份|条|台|"
                     r"期|卷|起|所|村|元|倍|轮)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_TITLE = re.compile(r"《[^《》]*》|（(?:19|20)\d\d—(?:19|20)\d\d年）")


@pytest.mark.parametrize("rule", _rules(), ids=lambda r: r.code)
def test_no_suggestion_carries_a_made_up_figure_or_a_fixed_year(rule):
    text = _TITLE.sub("", rule.suggestion)         # titles and plan periods are facts, not inventions
    assert not _FIGURE.search(text), f"{rule.code}: figure in suggestion: {_FIGURE.search(text).group(0)}"
    assert not _YEAR.search(text), f"{rule.code}: fixed year in suggestion: {_YEAR.search(text).group(0)}"


def _quoted_examples():
    for rule in _rules():
        for example in re.findall(r"如“([^”]*×[^”]*)”", rule.suggestion):
            yield pytest.param(example, id=rule.code)


@pytest.mark.parametrize("example", list(_quoted_examples()))
def test_a_suggestion_copied_without_filling_it_in_is_caught(example):
    assert found(report(example), ["F930"]), example


def test_years_in_suggestions_follow_the_report_year():
    text = "某镇人民政府关于2021年度法治政府建设情况的报告\n一、2021年推进法治政府建设的主要举措和成效\n全年开展法治讲座4次。"
    [d] = found(text, ["T704"], 2021)
    assert "2022年×月×日" in d.suggestion and "2025" not in d.suggestion
    [d] = found("某镇人民政府关于2021年度法治政府建设情况的报告\n全年开展法治讲座4次。", ["S101"], 2021)
    assert "2021年推进法治政府建设" in d.suggestion


def test_a_malformed_formula_list_fails_loudly_at_load_time():
    from linter.engine.ruleset import parse_rule
    from linter.errors import RuleError
    base = dict(code="F999", name="x-formula", kind="typo", severity="error", message="m", basis="b",
                explanation="e", examples={"fail": ["a"], "pass": ["b"]})
    for formulas, words in ([{"right": "扫黑除恶"}], "wrong 列表"), \
                           ([{"right": "扫黑除恶", "wrong": ["扫黑除恶"]}], "含有正确写法"), \
                           ([{"right": "扫黑除恶", "wrong": ["扫黑险恶"], "allowed": ["扫黑险恶"]}], "同时列在"):
        with pytest.raises(RuleError, match=words):
            parse_rule({**base, "formulas": formulas})
