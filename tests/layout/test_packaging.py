"""Every subpackage is installed: setup.cfg lists them (rules/ is mapped into the package as
linter.rulesets, which ``packages = find:`` cannot express), and this test keeps the list whole."""
from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def listed_packages() -> set[str]:
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    return {line.strip() for line in cfg["options"]["packages"].splitlines() if line.strip()}


def source_packages() -> set[str]:
    return {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "linter").rglob("__init__.py")}


def test_setup_cfg_lists_every_subpackage():
    missing = source_packages() - listed_packages()
    assert not missing, f"add to setup.cfg [options] packages: {sorted(missing)}"
    assert "linter.rulesets" in listed_packages()


def test_every_subpackage_imports_from_a_clean_directory(tmp_path):
    """Outside the checkout, the installed package must import whole and find its rules."""
    names = sorted(source_packages())
    code = ("import importlib, sys\n"
            f"for name in {names!r}: importlib.import_module(name)\n"
            "from linter.data import rules_dir\n"
            "from linter.engine.ruleset import available_rulesets\n"
            "assert available_rulesets(), rules_dir()\n"
            "print(len(available_rulesets()))\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) >= 2
