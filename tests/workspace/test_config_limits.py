"""Hostile or mistaken configuration: one Chinese line naming the file, exit 2, no traceback,
and no message that expands what it quotes."""
from __future__ import annotations

import pytest

from cliutil import run

REPORT = "某镇2024年度法治政府建设情况报告\n一、主要举措\n全年开展法治宣传活动20次。\n"
BOMB = ("a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n"
        + "".join(f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
                  for p, c in zip("abcdefgh", "bcdefghi")) + "max-size: *i\n")


def _check(tmp_path, name, text, named=None):
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    result = run(["check", "r.txt"], tmp_path)
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert result.exit_code == 2, result.stdout
    assert len(lines) == 1 and (named or name) in lines[0] and "Traceback" not in result.stderr
    assert len(lines[0]) < 200
    return lines[0]


@pytest.mark.parametrize("name,text", [
    ("setup.cfg", "[fzlint]\nmax-size = inf\n"),
    ("setup.cfg", "[fzlint]\nmax-size = nan\n"),
    ("setup.cfg", "[fzlint]\nmax-size = 9223372036854775808\n"),
    (".fzlint.yaml", "max-size: .inf\n"),
    (".fzlint.yaml", "max-size: 1e309\n"),
    ("pyproject.toml", "[tool.fzlint]\nmax-size = nan\n"),
    ("pyproject.toml", "[tool.fzlint]\nmax-size = 9223372036854775808\n"),
])
def test_max_size_must_be_a_sensible_number(tmp_path, name, text):
    assert "max-size 应为 0 到 4096 之间的数（单位 MB）" in _check(tmp_path, name, text)


@pytest.mark.parametrize("name,text", [
    ("pyproject.toml", "[tool.fzlint]\nmax-size = " + "[" * 1000 + "1" + "]" * 1000 + "\n"),
    ("pyproject.toml", "[tool.fzlint]\nselect = " + "{a=" * 1000 + "1" + "}" * 1000 + "\n"),
    (".fzlint.yaml", "max-size: " + "[" * 1000 + "1" + "]" * 1000 + "\n"),
    (".fzlint.yaml", "".join("  " * i + f"k{i}:\n" for i in range(1000)) + "  " * 1000 + "v\n"),
])
def test_nesting_a_thousand_deep_is_refused(tmp_path, name, text):
    assert "嵌套超过 64 层" in _check(tmp_path, name, text)


def test_a_yaml_alias_bomb_is_not_expanded(tmp_path):
    assert "别名" in _check(tmp_path, ".fzlint.yaml", BOMB)


def test_a_waiver_file_alias_bomb_is_not_expanded(tmp_path):
    (tmp_path / "waivers.yaml").write_text(BOMB.replace("max-size: *i\n", "w: *i\n"), encoding="utf-8")
    assert "别名" in _check(tmp_path, ".fzlint.yaml", "waivers: waivers.yaml\n", named="waivers.yaml")


def test_a_long_wrong_value_is_quoted_briefly(tmp_path):
    line = _check(tmp_path, ".fzlint.yaml", "select: " + str({"a": ["x" * 5000] * 50}) + "\n")
    assert "..." in line
