import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from linter.errors import RuleError
from linter.engine.ruleset import load_ruleset, parse_rule

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rulepatterns import rule_patterns  # noqa: E402


def test_both_rule_sets_load_and_every_rule_is_documented():
    for name in ("outline-2021-2025", "outline-2015-2020"):
        rs = load_ruleset(name)
        assert rs.rules
        for r in rs.rules:
            assert r.basis and r.explanation and r.message


def test_a_malformed_rule_fails_loudly_naming_the_rule():
    with pytest.raises(RuleError) as exc:
        parse_rule({"code": "E999", "name": "Bad Name", "kind": "topic", "severity": "fatal",
                    "message": "m", "basis": "b", "explanation": "e",
                    "examples": {"fail": ["x"], "pass": ["y"]}, "phrases": ["执法"]}, "bad.yaml")
    text = exc.value.line()
    assert "E999" in text and "bad.yaml" in text and "kebab-case" in text and "severity" in text


def test_rule_set_is_chosen_from_the_manifests_years():
    from linter.engine.ruleset import choose_ruleset, manifest_years
    years = manifest_years()
    assert years["outline-2015-2020"] == (None, 2020) and years["outline-2021-2025"][0] == 2021
    assert choose_ruleset(2019) == "outline-2015-2020"
    assert choose_ruleset(2023) == "outline-2021-2025"
    # a new outline is one more manifest: it takes over from its start year
    with_new = dict(years, **{"outline-2026-2030": (2026, None)})
    assert choose_ruleset(2026, with_new) == "outline-2026-2030"
    assert choose_ruleset(2025, with_new) == "outline-2021-2025"


def test_a_checkout_on_sys_path_reads_its_own_rules(tmp_path):
    # bench/instructions.py --root and benchmark.py --before-root import another clone's code;
    # with this tree installed in editable mode, that clone used to lint with this tree's rules
    root = Path(__file__).resolve().parents[2]
    clone = tmp_path / "clone"
    skip = shutil.ignore_patterns("__pycache__")
    shutil.copytree(root / "linter", clone / "linter", ignore=skip)
    shutil.copytree(root / "rules", clone / "rules", ignore=skip)
    shutil.copy(root / "setup.cfg", clone / "setup.cfg")
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from linter.data import rules_dir; "
            "import linter; print(rules_dir()); print(linter.__file__)")
    done = subprocess.run([sys.executable, "-c", code, str(clone)], capture_output=True, text=True,
                          env={**os.environ, "FZLINT_CACHE_DIR": ""}, cwd=tmp_path)
    rules, package = done.stdout.split()
    assert Path(package).resolve().is_relative_to(clone.resolve())
    assert Path(rules) == (clone / "rules").resolve()


def test_no_phrase_pattern_runs_from_one_paragraph_into_the_next():
    # A heading has no closing 。: a class such as [^。；，]{0,16} ran from "…主要举措和成效" into
    # the sentence below it, and 法治 in the heading met 考核 in "综合目标考核排名第2位".
    import re
    negated = re.compile(r"\[\^([^\]]*)\]")
    crossing = []
    for (where, _), pattern in rule_patterns().items():
        for m in negated.finditer(pattern):
            body = m.group(1)
            if "。" in body and "\\n" not in body and "\\s" not in body:
                crossing.append(f"{where}: {m.group(0)} in {pattern[:60]}")
    assert not crossing, "\n".join(crossing)


def test_no_rule_file_repeats_a_key():
    # YAML keeps the last of two equal keys without a word: a concept's second "gap:" silently
    # replaced the first when a rule was edited by hand.
    import yaml

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader, node, deep=False):
        keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
        repeated = {k for k in keys if keys.count(k) > 1}
        assert not repeated, f"{node.start_mark}: repeated key(s) {sorted(map(str, repeated))}"
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    root = Path(__file__).resolve().parents[2] / "rules"
    for path in sorted(root.rglob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=Strict)


def test_no_phrase_pattern_opens_on_a_lookahead():
    # "(?=[^。；]*法)(?:请来|邀请)…" offers the engine no first character or literal to skip to:
    # it was tried at every position of every report and scanned the sentence from each
    # (R203 doubled in cost). The literal goes first, the lookahead after it.
    opening = [f"{where}: {pattern[:60]}" for (where, _), pattern in rule_patterns().items()
               if pattern.startswith(("(?=", "(?!"))]
    assert not opening, "\n".join(opening)
