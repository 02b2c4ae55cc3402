"""The README's examples work as written: every Python block runs, every YAML block
parses, the waiver example is still in force, and the options a user needs are listed."""
from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```(\w+)\n(.*?)^```", README, flags=re.S | re.M)


def blocks(language: str) -> list[str]:
    return [body for lang, body in BLOCKS if lang == language]


@pytest.mark.parametrize("code", blocks("python"))
def test_python_blocks_run(code, monkeypatch):
    monkeypatch.chdir(ROOT)
    exec(compile(code, "README.md", "exec"), {"__name__": "readme"})


@pytest.mark.parametrize("text", blocks("yaml"))
def test_yaml_blocks_parse(text):
    yaml.safe_load(text)


def test_waiver_example_has_not_expired():
    from linter.engine.waivers import parse_waivers

    (example,) = [b for b in blocks("yaml") if b.startswith("# waivers.yaml")]
    waivers = parse_waivers(yaml.safe_load(example), "waivers.yaml")
    assert waivers and all(w.expires > datetime.date.today() + datetime.timedelta(days=365) for w in waivers)


def test_readme_lists_the_options_users_ask_about():
    for option in ("--exclude", "--extend-exclude", "--min-severity"):
        assert option in README
    assert "-o 结果.txt" in README and "Windows" in README
