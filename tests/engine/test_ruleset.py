import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from linter.errors import RuleError
from linter.engine.ruleset import load_ruleset, parse_rule


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
