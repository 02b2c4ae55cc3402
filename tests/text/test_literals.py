"""linter.text.literals: a regex tried only near the literals its matches contain must find
exactly what the regex finds on its own — the rules' findings depend on it."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.text import literals

# Patterns written the way rule files write them: a unit of the residue contexts, phrase-list
# regexes joined by the index, lookarounds, lazy repeats, a backreference.
UNIT = r"(?P<unit>[\u4e00-\u9fff]{2,14}?(?:街道|镇|乡|县|区|市|旗))"
PATTERNS = [
    UNIT + r"(?:的)?(?:法治政府建设|法治建设|依法行政|依法治(?:镇|乡|县|区|市|街|旗))",
    r"(?:(?:常务会议?|党组会议?|办公会议?)[^。；]{0,20}学习)|(?:学习[^。；，]{0,16}(?:法律法规|民法典|宪法))",
    r"(?:(?:未|没有)(?:制定|出台|印发)[^。；，]{0,6}规范性文件)|(?:规范性文件[^。；]{0,6}(?:0|零)\s*件)",
    r"(?:未|没有|无)(?:发生|收到)?[^。；，]{0,8}(?:行政复议|行政诉讼|应诉案件)",
    r"(?<![\d.])\d{1,4}\s*(?:场次|人次)",
    r"(?<!第)[一二三四五]{1,3}次(?:专题会议|集中学习)",
    r"(.)\1法治建设",
    # a factor inside a group: an alternation whose every branch has one, a repeated group
    r"(?:会议?|党委会|办公会)[^。；，]{0,16}(?:(?:全程)?(?:录音|录像)|全程记录)",
    r"(?:宪法|民法典(?:专题)?|(?:常务|办公)会议?)[^。；]{0,6}学习",
    r"[一二三]{1,3}(?:次(?:专题会议|集中学习))+",
    r"(?:(?=[^。；]*应诉)[^。；，]{0,4}(?:行政复议|法治建设))",
    # no literal of two characters: a sentence's start, or one character, is where to try
    r"(?:(?<![^。；\n])[^。；，\n]{0,6}?副(?:县长|镇长))|(?:(?<![^。；\n])[^。；，\n]{0,8}?(?:村|社区)[^。；\n]{0,4}法)",
    r"(?:(?:这|此)?与[^。；]{2,10}(?:有关|相关))|(?:(?<=[，；])(?:各|有关)(?:部门|村))",
    # read on to the sentence's end: a closing run of one class, after a head of bounded width
    r"(?:将|把)[^。；\n]{0,12}(?:纳入|列入)[^。；，\n]{0,8}考核[^。；\n]*",
    r"(?<![^。；\n])[^。；，\n]{0,6}?(?:村|社区)[^。；，\n]{0,4}?书记[^。；\n]*",
    r"(?:未|没有)(?:制定|出台)[^。；，]{0,4}?规范性文件[0零]?[^。]*",
    # every alternative opens with a literal: tried only at those literals
    r"(?:学习|宪法|行政)[^。；，\n]{0,6}(?:时|中|后|法典)",
    r"(?:常务会议|办公会)[^。]{0,4}(?=学习)",
]
ALPHABET = "副县长村社区这与有相关各部门法治建设依法行政镇区县市的甲乙学习宪法民法典常务会议办公未没有制定规范性文件0零件行政复议诉讼应诉案件一二三次场人第12 。，；\n"


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


def test_the_residue_unit_pattern_is_filtered_by_its_literals():
    """The case the module is for: a lazy character class first, literals after it."""
    factor = literals.factor_of(re.compile(PATTERNS[0]))
    assert factor is not None and "依法行政" in factor.alternatives and factor.reach == 17


def test_patterns_the_engine_scans_fast_are_left_to_it():
    assert literals.factor_of(re.compile("建设法治" + UNIT)) is None        # starts with a literal
    assert literals.factor_of(re.compile(r"(?<=[\u4e00-\u9fff]{2})法(?=[、，])")) is None  # only 法
    assert literals.factor_of(re.compile(r"[a-z]+\d")) is None              # no literal at all


def test_a_factor_is_found_inside_groups_and_alternations():
    """A pattern whose literals sit inside an alternation (each branch its own) or a repeated
    group is still scanned by them, not tried at every position of the report."""
    factor = literals.factor_of(re.compile(PATTERNS[7]))
    assert factor is not None and set(factor.alternatives) == {"录音", "录像", "全程记录"}
    assert factor.reach == 3 + 16 + 2          # 党委会, the gap, then 全程 before 录音
    repeated = literals.factor_of(re.compile(PATTERNS[9]))
    assert repeated is not None and "次专题会议" in repeated.alternatives and repeated.reach == 3
    # a lookahead's literals are not in the match: never a factor
    ahead = literals.factor_of(re.compile(PATTERNS[10]))
    assert ahead is None or "应诉" not in ahead.alternatives


def test_a_sentence_opening_pattern_is_tried_only_where_sentences_start():
    """A regex reading a sentence from its start, with only one-character literals, is tried
    at the sentence starts and near its characters, not at every position of the report — and
    finds what the regex finds."""
    pattern = re.compile(PATTERNS[11])
    text = ("镇党委副书记带队开展法治督查，各村落实情况良好。社区干部学法用法。" * 20
            + "副镇长主持召开会议；村里开展普法。")
    scanner = literals.Scanner(pattern, text)
    assert scanner.lows is not None                # windows, not the whole text
    tried = sum(h - l + 1 for l, h in zip(scanner.lows, scanner.highs))
    assert tried < len(text) // 4
    assert [m.span() for m in scanner.finditer()] == [m.span() for m in pattern.finditer(text)]
    # where such places are everywhere (a text of 村 and stops), the engine scans it whole
    dense = "村。" * 200
    assert literals.Scanner(pattern, dense).lows is None
    assert [m.span() for m in literals.finditer(pattern, dense)] == [m.span() for m in pattern.finditer(dense)]


def test_a_report_without_the_literals_costs_no_regex_scan():
    pattern = re.compile(PATTERNS[0])
    text = "今年以来，全镇上下齐心协力，各项工作稳步推进。" * 50
    assert not literals.may_match(pattern, text)
    assert list(literals.finditer(pattern, text)) == []
    assert literals.may_match(pattern, "东溪镇依法行政工作扎实推进")


def test_finds_what_the_regex_finds_in_a_report_sentence():
    pattern = re.compile(PATTERNS[0])
    text = "2023年，东溪镇法治建设稳步推进，西山县的依法行政水平逐步提升，依法治镇成效明显。"
    assert _spans(literals.finditer(pattern, text)) == _spans(pattern.finditer(text))
    assert [m.group("unit") for m in literals.finditer(pattern, text)] == ["东溪镇", "西山县"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.sampled_from(PATTERNS), st.text(alphabet=ALPHABET, max_size=120), st.integers(0, 130))
def test_same_matches_as_the_regex(pattern_text, text, pos):
    pattern = re.compile(pattern_text)
    assert _spans(literals.finditer(pattern, text)) == _spans(pattern.finditer(text))
    expected = pattern.search(text, min(pos, len(text)))
    found = literals.search(pattern, text, min(pos, len(text)))
    assert (found and found.span()) == (expected and expected.span())
    if not literals.may_match(pattern, text):
        assert expected is None and pattern.search(text) is None


def test_a_pattern_that_reads_past_its_match_is_tried_position_by_position():
    """A window is searched in one call cut at its last start plus the pattern's width — which
    would hide what a lookahead reads beyond: 工作好 after 镇开展一二三四 stands past the cut."""
    pattern = re.compile(r"[^。]{0,2}开展[^。]{0,4}?(?=工作好)")
    text = "镇开展一二三四工作好"
    assert literals.window_width(pattern) is None
    assert [m.span() for m in literals.finditer(pattern, text)] == [m.span() for m in pattern.finditer(text)] == [(0, 7)]
    for reads_on in (r"[^。]{0,2}开展[^。]{0,4}$", r"[^。]{0,2}开展\b", r"[^。]{0,2}开展[^。]*"):
        assert literals.window_width(re.compile(reads_on)) is None
    assert literals.window_width(re.compile(r"(?<![^。；])[^。；，]{0,6}开展(?:普法|宣传)")) == 10


def test_a_pattern_read_to_the_sentence_end_is_searched_by_its_head_window_by_window():
    """A closing ``[^。；\n]*`` has no bounded width, but it never decides where a match starts:
    the windows are searched with the pattern without it, and the match read whole from there
    (to the end of the sentence, past the window's cut)."""
    pattern = re.compile(r"(?:将|把)[^。；\n]{0,12}(?:纳入|列入)[^。；，\n]{0,8}考核[^。；\n]*")
    plan = literals.scan_plan(pattern)
    assert literals.window_width(pattern) is None
    assert plan.probe.pattern == r"(?:将|把)[^。；\n]{0,12}(?:纳入|列入)[^。；，\n]{0,8}考核" and plan.width == 25
    text = "镇党委将法治建设纳入年度综合考核，权重提高到百分之十，考核结果与评先评优挂钩。"
    assert [m.group() for m in literals.finditer(pattern, text)] == [m.group() for m in pattern.finditer(text)] \
        == ["将法治建设纳入年度综合考核，权重提高到百分之十，考核结果与评先评优挂钩"]
    # not when the run is only the last branch of an alternation, or lazy, or inside a group
    for other in (r"考核|纳入[^。]*", r"纳入[^。]*?", r"(?:纳入[^。]*)"):
        assert literals.scan_plan(re.compile(other)).probe.pattern == other


def test_a_pattern_opening_on_one_of_several_literals_is_tried_only_where_they_occur():
    """The engine has no fast scan for an alternation of literals (it tries its first characters
    at every position); the literals' occurrences are where every match starts."""
    pattern = re.compile(r"(?:检查|执法|巡查|办案)[^。；，\n]{0,14}(?:时|中|后|过程中|期间|现场)")
    lead = literals.lead_factor(pattern)
    assert lead is not None and set(lead.alternatives) == {"检查", "执法", "巡查", "办案"} and set(lead.reaches) == {0}
    text = ("镇党委坚持把法治政府建设摆在全局工作的重要位置，主要负责人亲自部署、亲自协调，"
            "全年召开专题会议4次，研究解决重点难点问题11个。"
            "镇综合行政执法队在日常巡查中发现问题12处，执法人员现场进行普法宣传，检查后当场整改。")
    scanner = literals.Scanner(pattern, text)
    assert scanner.lows == [text.index("执法"), text.index("巡查"), text.index("执法人员"), text.index("检查后")]
    assert [m.group() for m in scanner.finditer()] == [m.group() for m in pattern.finditer(text)] \
        == ["执法队在日常巡查中", "执法人员现场", "检查后"]
    # one literal: the engine's prefix scan; a lead-in that is not a literal: no lead
    assert literals.lead_factor(re.compile(r"执法人员(?:\d{1,4})名")) is None
    assert literals.lead_factor(re.compile(r"(?:未|没有)[^。]{0,4}行政诉讼")) is None


JOINABLE = [p for p in PATTERNS if not literals.refers_back(re.compile(p))]


def test_backreferences_are_told():
    assert literals.refers_back(re.compile(PATTERNS[6]))
    assert literals.refers_back(re.compile(r"(?P<n>甲)(?P=n)")) and literals.refers_back(re.compile(r"(甲)?(?(1)乙|丙)"))
    assert len(JOINABLE) == len(PATTERNS) - 1


def test_of_two_alternatives_matching_at_one_place_the_first_listed_wins():
    text = "镇党委全面推进法治建设工作，成效明显。"
    shorter, longer = r"全面推进[^。；，]{0,4}建设", r"(?:全面)?推进[^。；，]{0,2}建设工作"
    for order, wins in (((shorter, longer), "全面推进法治建设"), ((longer, shorter), "全面推进法治建设工作")):
        joined = re.compile("|".join(f"(?:{s})" for s in order))
        found = literals.FirstOf([re.compile(s) for s in order], text).search(0)
        assert found.group() == joined.search(text).group() == wins


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(JOINABLE), min_size=2, max_size=4, unique=True), st.text(alphabet=ALPHABET, max_size=120),
       st.integers(0, 130))
def test_an_alternation_searched_as_its_alternatives_finds_what_it_finds(sources, text, pos):
    """A phrase list's regexes each searched near its own literals give the joined alternation's
    matches: the earliest, and the first alternative among those starting at one place."""
    joined = re.compile("|".join(f"(?:{s})" for s in sources))
    each = literals.FirstOf([re.compile(s) for s in sources], text)
    pos = min(pos, len(text))
    expected = joined.search(text, pos)
    found = each.search(pos)
    assert (found and found.span()) == (expected and expected.span())
    # asked again further on, as the index asks it while its scan moves through the text
    while expected is not None:
        pos = expected.end() if expected.end() > expected.start() else expected.end() + 1
        if pos > len(text):
            break
        expected, found = joined.search(text, pos), each.search(pos)
        assert (found and found.span()) == (expected and expected.span())


# -- patterns without a literal, run only at the characters their matches start with ---------

from linter.text import figures  # noqa: E402  (the patterns the first-character scan is for)

FIRST_CHARACTER_PATTERNS = [
    figures.FIGURE.pattern,
    r"(?:(?<!已)将(?=(?:继续|进一步|持续)))|(?:(?<![模草])拟(?!定|订))|(?:^\s*(?:[一二三]+是)?(?:下一步|今后))",
    figures._INCIDENTAL.pattern,
    r"(?<![\d.])\d{1,4}\s*(?:场次|人次)|(?<!第)[一二三四五]{1,3}次",
    r"(?:(?<=镇)|(?<=区))[\u4e00-\u9fff]{1,3}?(?:法治|普法)",
    r"(?P<n>\d)(?:\s*[%％]|次)(?!以上)",
    # verbose, opening with its global flags and a lookahead, closing with a comment (F930's shape)
    "(?x)(?=[12X×某_【])\n  (?:20[0-9]?[X×]{1,2}\\s*年   # a year left blank\n"
    "  |(?<![A-Za-z])X{2,} | 某某(?=镇|村) | [_]{3,} | 【\\s*】)   # a unit, a blank, a bracket",
]
FIGURE_ALPHABET = "第12.0 将拟已继续进一步模草定下今后是一二两三十百万次场人次件名率达到比例为%％岁周年月日“”《》法治宣传开展召开。，；\n" \
    "X×某镇村_【】a"


def test_figures_are_run_only_where_a_figure_can_start():
    finder = literals.by_first_character(figures.FIGURE)
    assert finder is not None and finder.pattern.startswith("[")     # a class the engine skips by
    assert literals.by_first_character(re.compile("建设法治")) is None     # a literal: engine's own scan
    assert literals.by_first_character(re.compile(r"[甲乙]法治")) is None   # a class: likewise
    assert literals.by_first_character(re.compile(r"(?<!\d)\d*")) is None  # may match empty
    assert literals.by_first_character(re.compile(r"(?<!\d).法")) is None  # any character may start it
    assert literals.by_first_character(re.compile(r"(?<!\d)(?i:a)法")) is None  # a or A
    verbose = literals.by_first_character(re.compile(FIRST_CHARACTER_PATTERNS[-1]))
    assert verbose is not None and verbose.pattern.startswith("[")        # verbose patterns too
    pattern = re.compile(FIRST_CHARACTER_PATTERNS[-1])
    text = "20XX年，某某镇开展讲座，XX村填写____，见【 】。"
    found = [m.group(0) for m in literals.FirstCharacter(pattern).finditer(text)]
    assert found == [m.group(0) for m in pattern.finditer(text)] == ["20XX年", "某某", "XX", "____", "【 】"]


def test_first_character_scan_finds_the_figures_of_a_report_sentence():
    text = "全年开展普法宣传活动12场次，参与群众3000余人次，行政复议纠错率达到5%，第3次会议于3月15日召开。"
    expected = [m.group(0) for m in figures.FIGURE.finditer(text)]
    assert [m.group(0) for m in literals.FirstCharacter(figures.FIGURE).finditer(text)] == expected
    assert expected == ["12场次", "3000余人次", "率达到5", "3月15日"]       # not 第3次


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.sampled_from(FIRST_CHARACTER_PATTERNS), st.text(alphabet=FIGURE_ALPHABET, max_size=120),
       st.integers(0, 130))
def test_first_character_scan_gives_the_regex_matches(pattern_text, text, pos):
    pattern = re.compile(pattern_text)
    scan = literals.FirstCharacter(pattern)
    assert _spans(scan.finditer(text)) == _spans(pattern.finditer(text))
    expected, found = pattern.search(text, min(pos, len(text))), scan.search(text, min(pos, len(text)))
    assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))
    assert bool(scan.tester()(text)) == bool(pattern.search(text))      # the one-call "any match?" test


# -- patterns that cannot see past their line: the joined lines scanned once ---------------

LINE_PATTERNS = [
    UNIT + r"(?:的)?(?:法治政府建设|法治建设|依法行政)",
    r"(?:推动|推进)(?:了)?" + UNIT + r"(?:的)?(?:法治|依法)",
    r"现将" + UNIT + r"(?:20\d\d)",
    r"([东西])\1法治建设",
]
LINE_ALPHABET = "东西溪镇乡县区的推动了法治政府建设依法行政现将2023 \n"


def test_which_patterns_cannot_see_past_their_line():
    assert all(literals.line_local(re.compile(p)) for p in LINE_PATTERNS)
    for p in (r"^\s*2023年", r"下[，,]\s*东溪镇", r"法治(?=建设)", r"(?<!本)镇", r"[^。]镇", r"法.镇", "法\n镇"):
        assert not literals.line_local(re.compile(p)), p


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.sampled_from(LINE_PATTERNS), st.lists(st.text(alphabet=LINE_ALPHABET.replace("\n", ""), max_size=40),
                                                 max_size=6))
def test_a_line_local_pattern_finds_in_the_joined_lines_what_it_finds_in_each(pattern_text, lines):
    pattern = re.compile(pattern_text)
    joined, per_line, base = "\n".join(lines), [], 0
    for line in lines:
        per_line += [((m.start() + base, m.end() + base), m.groups()) for m in pattern.finditer(line)]
        base += len(line) + 1
    assert _spans(literals.finditer(pattern, joined)) == per_line
