"""The overview's parts on their own: who a unit is, the roster and deadlines, plan items,
copies between honest reports, the pool's order and the cache's key."""
from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))
from fixtures import SEEDS, seed_text  # noqa: E402
from linter import Config, Document, analyze  # noqa: E402
from linter.batch import run_many  # noqa: E402
from linter.batch.cache import key_for  # noqa: E402
from linter.batch.copies import SHINGLE_WORDS, compare  # noqa: E402
from linter.batch.promises import follow, plan_items, work_sentences  # noqa: E402
from linter.batch.units import Registry, RosterEntry, on_time, read_roster, same_unit  # noqa: E402
from linter.batch.words import shingle_hashes, without_common_wording, words  # noqa: E402
from linter.errors import FzlintError  # noqa: E402


@pytest.mark.parametrize("a, b", [
    ("重庆市南岸区鸡冠石镇人民政府", "南岸区鸡冠石镇"),
    ("重庆市南岸区鸡冠石镇人民政府", "鸡冠石镇"),
    ("中共鸡冠石镇委员会", "鸡冠石镇人民政府"),
    ("梅州市梅县区松源镇", "梅县区松源镇"),
    ("渝中区解放碑街道办事处", "解放碑街道"),
    ("南岸区司法局", "区司法局"),
    # a department's short form (rules/data/department_names.tsv) and its full name
    ("武汉市市场监管局", "武汉市市场监督管理局"),
    ("南岸区人社局", "重庆市南岸区人力资源和社会保障局"),
    ("区住建委", "南岸区住房和城乡建设委员会"),
    ("南岸区城管局", "重庆市南岸区城市管理局"),
])
def test_one_unit_whatever_the_spelling(a, b):
    assert same_unit(a, b) and same_unit(b, a)


@pytest.mark.parametrize("a, b", [
    ("沙坪坝区新华镇", "南岸区新华镇"),      # two towns of one name in different districts
    ("南岸区鸡冠石镇", "南岸区长生桥镇"),
    ("南岸区司法局", "沙坪坝区司法局"),
    ("鸡冠石镇", "南岸区司法局"),
    ("南岸区人社局", "南岸区司法局"),
    ("武汉市市场监管局", "汉阳区市场监督管理局"),
])
def test_different_units_stay_apart(a, b):
    assert not same_unit(a, b)


def test_a_report_titled_with_the_short_form_is_the_roster_unit():
    # The roster writes the full name; the report's title and its unreadable file's name
    # the short one: the bureau must not see the unit as 未报送.
    registry = Registry([RosterEntry("南岸区市场监督管理局"), RosterEntry("南岸区司法局")])
    assert registry.unit_for("南岸区市场监管局", "a.txt") == 0
    assert registry.unit_in_filename("/收件/南岸区市场监管局2023年法治政府建设报告.docx") == 0
    assert registry.unit_in_filename("/收件/区司法局2023年报告.docx") == 1


def test_registry_keeps_the_roster_spelling_and_adds_new_units():
    registry = Registry([RosterEntry("南岸区鸡冠石镇")])
    uid = registry.unit_for("重庆市南岸区鸡冠石镇人民政府", "a.txt")
    assert uid == 0 and registry.names[0] == "南岸区鸡冠石镇"
    other = registry.unit_for("城口县庙坝镇人民政府", "b.txt")
    assert other == 1 and registry.on_roster[1] is None
    assert registry.unit_for("庙坝镇", "c.txt") == 1
    assert registry.unit_for(None, "d.txt") == 2 and registry.names[2] == "d.txt"
    assert registry.unit_in_filename("reports/南岸区鸡冠石镇2024年报告.pdf") == 0


def test_deadline_default_is_first_of_march_next_year():
    assert on_time("2025-03-01", 2024) is True
    assert on_time("2025-03-02", 2024) is False
    assert on_time("2025-03-20", 2024, "3月31日") is True
    assert on_time("2025-03-20", 2024, "2025-03-15") is False
    assert on_time(None, 2024) is None


def test_roster_csv_gbk_and_bad_rows(tmp_path):
    good = tmp_path / "u.csv"
    good.write_bytes("unit,level,deadline\n鸡冠石镇,township,3月15日\n峡口镇,,\n".encode("gbk"))
    entries = read_roster(str(good))
    assert [e.unit for e in entries] == ["鸡冠石镇", "峡口镇"] and entries[0].deadline == "3月15日"
    bad = tmp_path / "bad.csv"
    bad.write_text("unit,deadline\n鸡冠石镇,下个月\n", encoding="utf-8")
    with pytest.raises(FzlintError) as info:
        read_roster(str(bad))
    assert "第 2 行" in info.value.line() and "bad.csv" in info.value.line()


PLAN_2023 = """2023年某镇法治政府建设情况报告
一、2023年主要举措和成效
（一）完善依法行政制度体系
全年审查规范性文件8件，开展合法性审查。
二、存在的不足
法治宣传方式单一，执法人员培训不足。
三、2024年工作安排
一是建成镇级矛盾纠纷调解中心，实现一站式化解；二是开展执法人员轮训
三是推广智慧普法小程序。
"""

WORK_2024 = """2024年某镇法治政府建设情况报告
一、2024年主要举措和成效
（一）化解矛盾纠纷
年内建成镇矛盾纠纷调解中心，群众可一站式化解纠纷，全年调解纠纷56件。
（二）加强执法队伍
组织执法人员轮训两期，考试合格率100%。
二、存在的不足
信息化水平不高。
三、2025年工作安排
一是继续完善制度。
"""


def test_plan_items_are_followed_or_not_found_with_evidence():
    earlier = Document.from_text(PLAN_2023)
    items = plan_items(earlier, analyze(earlier).outline)
    assert [i["line"] for i in items] == [8, 8, 9]       # 二是 runs on after a semicolon
    later = Document.from_text(WORK_2024)
    states = follow(items, work_sentences(later, analyze(later).outline))
    assert [s["state"] for s in states] == ["followed", "followed", "not-found"]
    assert states[0]["evidence"][0]["line"] == 4 and "调解中心" in states[0]["evidence"][0]["text"]
    assert states[1]["evidence"][0]["line"] == 6
    assert states[2]["evidence"] == []


def _detail(text: str) -> dict:
    doc = Document.from_text(text)
    lines = []
    for ln in doc.lines:
        hashes = shingle_hashes(words(without_common_wording(ln.stripped)), SHINGLE_WORDS) if ln.stripped else []
        if hashes:
            lines.append((ln.number, hashes))
    return {"lines": lines, "text": {n: doc.line(n).text for n, _ in lines}}


def test_honest_reports_are_not_copies_and_a_swapped_name_is():
    seeds = {p: _detail(seed_text(p)) for p in ("000", "001", "002", "003", "004")}
    for a in seeds:
        for b in seeds:
            if a < b:
                assert compare(seeds[a], seeds[b]) is None, (a, b)
    copy = _detail(seed_text("002").replace("鸡冠石", "长生桥"))
    found = compare(seeds["002"], copy)
    assert found and found["similarity"] > 0.95
    # years and figures moved on still compare as the same text
    moved = _detail(seed_text("000").replace("2021", "2022").replace("2022", "2023"))
    assert compare(seeds["000"], moved)["similarity"] > 0.9


def test_common_wording_alone_is_not_a_copy():
    a = _detail("以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面依法治国。\n"
                "本镇今年审查合同四十份，调处纠纷一百二十件，化解信访积案三件。")
    b = _detail("以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面依法治国。\n"
                "全县开展行政复议应诉培训，复议纠错率下降，法院出庭应诉率达到百分之百。")
    assert compare(a, b) is None


def _square(x):
    return x * x


def test_pool_keeps_input_order():
    assert list(run_many(_square, range(20), jobs=2)) == [x * x for x in range(20)]
    assert list(run_many(_square, iter([3]), jobs=2)) == [9]
    assert list(run_many(_square, range(101), jobs=2)) == [x * x for x in range(101)]   # groups and a remainder


def _pid(_):
    import os
    return os.getpid()


def test_pool_sends_tasks_in_groups_and_ends_one_by_one():
    """Files travel to the workers a few at a time (fewer messages for the main process to
    handle), and the last ones singly, so that no worker ends the run alone on a group."""
    from linter.batch.pool import GROUP, groups
    assert GROUP > 1
    sent = list(groups(iter(range(13)), 4, 4))
    assert sent == [[0, 1, 2, 3], [4, 5, 6, 7], [8], [9], [10], [11], [12]]
    assert list(groups(iter(range(3)), 4, 4)) == [[0], [1], [2]]
    # in a real pool: consecutive files of one group are checked by one process
    pids = list(run_many(_pid, range(40), jobs=2))
    assert all(len(set(pids[i:i + GROUP])) == 1 for i in range(0, 40 - 4 - GROUP, GROUP))


_WARMED: list[str] = []


def _warm_up():
    _WARMED.append("rules loaded")


def _warmed(_):
    return list(_WARMED)


def test_pool_workers_inherit_what_the_warm_up_loaded():
    """Where workers are forked, what ``warm`` loads is in every worker from its first task
    (the rules are loaded once, not once per core)."""
    _WARMED.clear()
    assert list(run_many(_warmed, range(6), jobs=2, warm=_warm_up)) == [["rules loaded"]] * 6
    _WARMED.clear()
    assert list(run_many(_warmed, range(6), jobs=1, warm=_warm_up)) == [[]] * 6   # no pool: no warm-up


def _collector(_):
    import gc
    return gc.get_threshold()[0], gc.get_freeze_count() > 0


def test_pool_workers_collect_less_and_the_callers_process_is_left_alone():
    """The workers are fzlint's own processes: their collector runs less often and never
    walks what they inherited (a batch's lints run faster); a run in the caller's own process
    (one job) leaves the caller's collector as it was."""
    import gc
    before = gc.get_threshold()
    assert set(run_many(_collector, range(6), jobs=2)) == {(10_000, True)}
    assert list(run_many(_collector, range(2), jobs=1)) == [(before[0], gc.get_freeze_count() > 0)] * 2
    assert gc.get_threshold() == before


def test_report_forks_its_workers_warm(tmp_path, monkeypatch):
    """``fzlint report`` warms up before its pool starts, as ``check`` does."""
    from linter.batch import overview
    calls = []
    monkeypatch.setattr(overview, "warm_lint", lambda paths, config: calls.append(paths))
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    overview.build_overview([(str(p), p.name, Config()) for p in seeds], str(tmp_path / "out"), jobs=2,
                            use_cache=False)
    assert calls == [[str(p) for p in seeds]]


def test_cache_key_follows_content_and_configuration():
    base = key_for(b"report", Config())
    assert key_for(b"report", Config()) == base
    assert key_for(b"report!", Config()) != base
    assert key_for(b"report", Config(ignore=["E1"])) != base
    assert key_for(b"report", Config(fail_on="error")) != base


def test_lsh_index_pairs_the_copy_without_comparing_all_pairs():
    from linter.batch.copies import Index, signature
    texts = [seed_text(p) for p in ("000", "001", "002", "003", "004")]
    texts.append(texts[2].replace("鸡冠石", "长生桥"))
    index = Index()
    for number, text in enumerate(texts):
        hashes = {h for _, hs in _detail(text)["lines"] for h in hs}
        index.add(number, signature(hashes))
    candidates = index.candidates()
    assert (2, 5) in candidates
    assert len(candidates) < 15 // 2      # far fewer than the 15 pairs of six reports


def test_check_streams_line_formats_in_the_same_order(tmp_path):
    """``check --jobs 2 --format json-lines`` prints each file as it comes, in input order:
    the same text as one run in one process."""
    from cliutil import run  # noqa: E402
    for prefix in ("000", "001", "002"):
        (tmp_path / f"{prefix}.txt").write_text(seed_text(prefix), encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"not a docx")
    one = run(["check", ".", "--format", "json-lines", "--jobs", "1"], cwd=tmp_path)
    two = run(["check", ".", "--format", "json-lines", "--jobs", "2"], cwd=tmp_path)
    assert one.exit_code == two.exit_code == 2
    assert one.stdout == two.stdout
    import json
    paths = [json.loads(line)["path"] for line in two.stdout.splitlines()]
    assert paths == sorted(paths, key=lambda p: ["000.txt", "001.txt", "002.txt", "broken.docx"].index(p))
    assert paths.count("broken.docx") == 1


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "csv", "github", "sarif"])
def test_check_gives_the_same_bytes_whatever_jobs(tmp_path, fmt):
    """Workers render their files' output themselves: every format still gives, byte for
    byte, what one process gives, in the files' order, with the same totals and exit code."""
    from cliutil import run  # noqa: E402
    for prefix in ("000", "001", "004"):
        (tmp_path / f"{prefix}.txt").write_text(seed_text(prefix), encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"not a docx")
    (tmp_path / "通知.txt").write_text("关于召开全镇安全生产工作会议的通知\n各村（社区）：\n定于3月5日召开会议。\n",
                                       encoding="utf-8")
    one = run(["check", ".", "--format", fmt, "--jobs", "1"], cwd=tmp_path)
    two = run(["check", ".", "--format", fmt, "--jobs", "2"], cwd=tmp_path)
    assert one.exit_code == two.exit_code == 2
    assert one.stdout_bytes == two.stdout_bytes and one.stdout_bytes
    assert one.stderr == two.stderr
    if fmt == "json":             # and written to a file, errors and warnings only
        args = ["check", ".", "--format", "json", "--min-severity", "warning", "-o"]
        run(args + ["one.json", "--jobs", "1"], cwd=tmp_path)
        run(args + ["two.json", "--jobs", "2"], cwd=tmp_path)
        assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()
        import json
        data = json.loads((tmp_path / "two.json").read_text(encoding="utf-8"))
        names = [os.path.basename(f["path"]) for f in data["files"]]
        assert names == ["000.txt", "001.txt", "004.txt", "broken.docx", "通知.txt"]
        assert data["summary"]["infos"] == 0 and data["summary"]["unreadable"] == 1


def test_a_file_that_is_not_a_report_is_kept_out_of_the_item_counts(tmp_path):
    """A meeting notice dropped in the folder is listed, but does not count as a unit missing
    every checklist item."""
    from linter.batch import build_overview
    report = tmp_path / "甲镇.txt"
    report.write_text(seed_text("002"), encoding="utf-8")
    notice = tmp_path / "会议通知.txt"
    notice.write_text("关于召开全镇安全生产工作会议的通知\n各村（社区）、镇属各单位：\n"
                      "定于3月5日上午9时在镇政府三楼会议室召开全镇安全生产工作会议，请准时参加。\n"
                      "某镇党政办公室\n2025年3月1日\n", encoding="utf-8")
    files = [(str(p), p.name, Config()) for p in (report, notice)]
    alone = build_overview(files[:1], str(tmp_path / "a"), jobs=1, use_cache=False)
    both = build_overview(files, str(tmp_path / "b"), jobs=1, use_cache=False)
    assert len(both.reports) == 2 and not both.reports[1].report_like
    assert both.item_counts() == alone.item_counts()
