"""What makes a run cheap must not change what it finds: deselected rules are skipped,
the rule sets come from a cache file, output is written as results come."""
import json
import pickle
import sys
from pathlib import Path

from click.testing import CliRunner

from linter import Config, lint_text
from linter import data, kinds
from linter.engine import ruleset as ruleset_mod
from linter.frontends.cli import main

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def test_a_deselected_rule_without_a_checklist_item_does_not_run(monkeypatch):
    ran = []
    real = kinds.run
    monkeypatch.setattr(kinds, "run", lambda kind, analysis, rule: ran.append(rule.code) or real(kind, analysis, rule))
    text = SEEDS[2].read_text(encoding="utf-8")
    everything = lint_text(text)
    ran_all = set(ran)
    ran.clear()
    only = lint_text(text, config=Config(select=["F"]))
    feeds_checklist = {r.code for r in ruleset_mod.load_ruleset().rules if r.checklist}
    assert set(ran) == {c for c in ran_all if c.startswith("F") or c in feeds_checklist}
    assert ran_all - set(ran)                                  # some rules were not run
    assert only.checklist == everything.checklist
    assert [d.to_dict() for d in only.diagnostics] == [d.to_dict() for d in everything.diagnostics
                                                       if d.code.startswith("F")]


def test_rule_sets_are_read_from_a_cache_file_keyed_on_the_rule_files(tmp_path, monkeypatch):
    monkeypatch.setenv("FZLINT_CACHE_DIR", str(tmp_path))
    ruleset_mod.load_ruleset.cache_clear()
    try:
        built = ruleset_mod.load_ruleset()
        files = list(tmp_path.glob("ruleset-outline-2021-2025-*.pickle"))
        assert len(files) == 1
        ruleset_mod.load_ruleset.cache_clear()
        monkeypatch.setattr(ruleset_mod, "load_rule_file", lambda path: (_ for _ in ()).throw(AssertionError(path)))
        cached = ruleset_mod.load_ruleset()                   # no rule file parsed again
        assert [r.summary() for r in cached.rules] == [r.summary() for r in built.rules]
        assert cached.vocabulary == built.vocabulary
        # a broken cache file is rebuilt, not an error
        monkeypatch.undo()
        monkeypatch.setenv("FZLINT_CACHE_DIR", str(tmp_path))
        files[0].write_bytes(b"not a pickle")
        ruleset_mod.load_ruleset.cache_clear()
        assert len(ruleset_mod.load_ruleset().rules) == len(built.rules)
        assert isinstance(pickle.loads(files[0].read_bytes()), ruleset_mod.RuleSet)
    finally:
        ruleset_mod.load_ruleset.cache_clear()


def test_the_cache_key_changes_when_a_rule_file_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("FZLINT_CACHE_DIR", str(tmp_path / "cache"))
    rule_file = tmp_path / "rules.yaml"
    rule_file.write_text("rules: []\n", encoding="utf-8")
    before = data.cache_file("x", [rule_file])
    rule_file.write_text("rules: [] # edited\n", encoding="utf-8")
    assert data.cache_file("x", [rule_file]) != before
    monkeypatch.setenv("FZLINT_CACHE_DIR", "")
    assert data.cache_file("x", [rule_file]) is None   # caching switched off


def test_two_installations_keep_their_own_cache_files(tmp_path, monkeypatch):
    """Two checkouts (or an installed copy and a checkout) using one cache folder: neither
    run throws the other's cache file away, so both stay fast."""
    monkeypatch.setenv("FZLINT_CACHE_DIR", str(tmp_path / "cache"))
    built = []
    for copy in ("a", "b"):
        (tmp_path / copy).mkdir()
        (tmp_path / copy / "rules.yaml").write_text("rules: []\n", encoding="utf-8")
    for _ in range(2):
        for copy in ("a", "b"):
            data.cached("x", [tmp_path / copy / "rules.yaml"], lambda: built.append(copy) or copy)
    assert built == ["a", "b"]                          # each built once, then read
    (tmp_path / "a" / "rules.yaml").write_text("rules: [] # edited\n", encoding="utf-8")
    assert data.cached("x", [tmp_path / "a" / "rules.yaml"], lambda: "a2") == "a2"
    assert len(list((tmp_path / "cache").glob("x-*.pickle"))) == 2   # a's old file replaced, b's kept


def test_check_writes_each_file_before_linting_the_next(tmp_path, monkeypatch):
    for i in range(3):
        (tmp_path / f"r{i}.txt").write_text(SEEDS[i].read_text(encoding="utf-8"), encoding="utf-8")
    from linter.batch import pieces
    real = pieces.lint_path
    seen = {}

    def watching(path, config=None):
        seen[Path(path).name] = sys.stdout.buffer.getvalue().decode("utf-8")   # written so far
        return real(path, config)

    monkeypatch.setattr(pieces, "lint_path", watching)
    for fmt in ("json-lines", "text", "json"):
        seen.clear()
        out = CliRunner().invoke(main, ["check", "--format", fmt, "--jobs", "1", str(tmp_path)])
        assert out.exit_code in (0, 1), out.output
        assert "r0.txt" in seen["r1.txt"] and "r1.txt" not in seen["r1.txt"], fmt   # r0 out before r1 read
    data = json.loads(out.stdout)                                       # the json is still one document
    assert [Path(f["path"]).name for f in data["files"]] == ["r0.txt", "r1.txt", "r2.txt"]
    assert data["summary"]["files"] == 3


def test_an_item_told_plainly_is_read_only_as_far_as_its_evidence(monkeypatch):
    """Once an item's concrete mentions stand on the five lines the checklist shows, the rest
    of the report is not read for it: a report told three times over is not read three times
    for such items, and each shows the first copy's lines first, as before."""
    from linter.kinds import topic
    calls = []
    real = topic.is_concrete
    monkeypatch.setattr(topic, "is_concrete", lambda *a, **k: calls.append(1) or real(*a, **k))
    text = SEEDS[0].read_text(encoding="utf-8")
    once = lint_text(text)
    read_once = len(calls)
    calls.clear()
    body = text.split("\n", 1)[1]                   # the title once, the body three times
    thrice = lint_text(text + ("\n" + body) * 2)
    assert len(calls) < 3 * read_once - 20          # 189 when every copy is read whole
    topics = {r.checklist for r in ruleset_mod.load_ruleset().rules if r.kind == "topic"}
    present = [k for k in topics if k in once.checklist and once.checklist[k].state == "present"]
    assert len(present) >= 10
    for k in present:
        first = [e.line for e in once.checklist[k].evidence]
        assert thrice.checklist[k].state == "present"
        assert [e.line for e in thrice.checklist[k].evidence][:len(first)] == first


def test_a_sentence_full_of_mentions_is_read_for_its_audience_once(monkeypatch):
    """Whether a sentence teaches the wrong people (机关干部 studying the constitution, where
    the public is to be taught) is the sentence's answer, not each mention's: a sentence
    holding 500 mentions is read for it as often as one holding 5 (each rule once), and reads
    the same. Read once per mention, a 200 KB sentence of topic words took 1.7 s."""
    from linter.kinds import _concepts
    calls = []
    real = _concepts.wrong_audience
    monkeypatch.setattr(_concepts, "wrong_audience", lambda *a: calls.append(1) or real(*a))
    seed = SEEDS[0].read_text(encoding="utf-8")
    counted, found = [], []
    for n in (5, 500):
        calls.clear()
        sentence = "，".join(["组织机关干部集中学习宪法"] * n) + "。"
        result = lint_text(seed.replace("\n", "\n" + sentence + "\n", 3))
        counted.append(len(calls))
        found.append([(d.code, d.message) for d in result.diagnostics if d.code == "P402"])
    assert 0 < counted[1] == counted[0] < 20           # 4,509 calls for the 500 when read per mention
    assert found[0] == found[1] and found[0]           # the audience finding stands either way


def _rule_regexes():
    """Every phrase list's regexes as the index joins them (rules and the shared vocabulary)."""
    from linter.document.index import _regex_only, _split

    found = {}
    for phrases in ruleset_mod.load_ruleset().phrase_lists():
        regexes = _split(tuple(p for p in phrases if isinstance(p, str)))[1]
        if regexes:
            found[regexes] = _regex_only(regexes)
    return list(found.values())


def test_every_rule_regex_finds_through_the_prefilter_what_the_engine_finds():
    """The rules' regexes are tried only near their literals, at sentence starts, or by the
    engine (``text.literals.Scanner``, the literals from the index's one scan): on the seeds and
    forty report openings each must find exactly the engine's own matches."""
    from linter.engine.run import analyze
    from linter.document.document import Document
    from linter.text import literals

    rules = ruleset_mod.load_ruleset()
    openings = sorted((Path(__file__).parent / "independent-openings").glob("*.txt"))[:40]
    patterns = _rule_regexes()
    assert len(patterns) > 80
    windowed = 0
    for path in SEEDS + openings:
        analysis = analyze(Document.from_text(path.read_text(encoding="utf-8")))
        analysis.vocabulary, analysis.raw_vocabulary = rules.vocabulary, rules.raw_vocabulary
        index = analysis.index
        text, found = index.quote_free[0], (index._occurrences, index.vocabulary)
        for pattern in patterns:
            scanner = literals.Scanner(pattern, text, found)
            windowed += scanner.lows is not None
            got = [m.span() for m in scanner.finditer()] if literals.may_match(pattern, text, found) else []
            assert got == [m.span() for m in pattern.finditer(text)], (path.name, pattern.pattern[:80])
    assert windowed > 1000                     # most are tried near their literals, not everywhere
