"""Configuration: selection by code or prefix, discovery (nearest wins), CLI overrides,
per-file-ignores, and bad configuration as one clear line with exit code 2."""
from __future__ import annotations

import json
import os
import textwrap

import pytest

from linter.config import Config
from linter.workspace.configfile import Overrides, Resolver, build_config, find_config_file, read_config_file
from linter.errors import ConfigError
from cliutil import run  # noqa: E402
from fixtures import two_part_report  # noqa: E402

# A report without the shortcomings part (S102, an error) nor the first-responsible-person
# part (S103, an error): both findings are stable whatever other rules land.
REPORT = two_part_report()


def write(path, text=REPORT, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path




def codes_by_file(output: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in json.loads(output)["files"]:
        out[os.path.basename(f["path"])] = {d["code"] for d in f["diagnostics"] if not d["suppressed"]}
    return out


def stderr_of(result) -> str:
    return result.stderr if hasattr(result, "stderr") else result.stdout


# -- selection ------------------------------------------------------------------------

def test_select_ignore_by_code_and_prefix_longest_wins():
    c = Config(select=["S", "R2"], ignore=["S10", "R204"])
    assert c.enabled("S201") and not c.enabled("S102")
    assert c.enabled("R201") and not c.enabled("R204")
    assert not c.enabled("E301")
    c = Config(select=["S102"], ignore=["S"])           # more specific select wins
    assert c.enabled("S102") and not c.enabled("S103")
    c = Config(ignore=["S1"], extend_select=["S102"])
    assert c.enabled("S102") and not c.enabled("S103") and c.enabled("R201")
    assert Config(select=["ALL"], ignore=["R"]).enabled("S101")


def test_per_file_ignores_relative_to_config_folder(tmp_path):
    c = Config(per_path_ignores={"old/*.txt": ["S1"], "特殊.txt": ["R"]}, root=str(tmp_path))
    assert not c.enabled("S102", str(tmp_path / "old" / "a.txt"))
    assert c.enabled("S102", str(tmp_path / "new" / "a.txt"))
    assert not c.enabled("R204", str(tmp_path / "x" / "特殊.txt"))
    assert c.enabled("S102", str(tmp_path / "x" / "特殊.txt"))


# -- discovery ------------------------------------------------------------------------

def test_nearest_configuration_wins(tmp_path):
    (tmp_path / ".fzlint.yaml").write_text("ignore: [S102]\n", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "setup.cfg").write_text("[metadata]\nname = x\n\n[fzlint]\nignore = S103\n",
                                              encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "pyproject.toml").write_text('[tool.fzlint]\nselect = ["S102"]\n', encoding="utf-8")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "setup.cfg").write_text("[metadata]\nname = no fzlint here\n", encoding="utf-8")
    for folder in ("", "b", "c", "d", "b/deeper"):
        write(tmp_path / folder / f"r{folder.replace('/', '_')}.txt")
    assert find_config_file(str(tmp_path / "b" / "deeper")) == str(tmp_path / "b" / "setup.cfg")
    assert find_config_file(str(tmp_path / "d")) == str(tmp_path / ".fzlint.yaml")

    result = run(["check", "--format", "json", "--select", "S102,S103", "."], tmp_path)
    # --select on the command line starts a fresh selection: the files' ignores are dropped
    assert all(v == {"S102", "S103"} for v in codes_by_file(result.stdout).values())

    result = run(["check", "--format", "json", "."], tmp_path)
    got = codes_by_file(result.stdout)
    assert "S102" not in got["r.txt"] and "S103" in got["r.txt"]          # .fzlint.yaml
    assert "S103" not in got["rb.txt"] and "S102" in got["rb.txt"]        # b/setup.cfg
    assert "S103" not in got["rb_deeper.txt"] and "S102" in got["rb_deeper.txt"]
    assert got["rc.txt"] == {"S102"}                                      # c/pyproject.toml
    assert "S102" not in got["rd.txt"]        # d/setup.cfg has no [fzlint]: the root's applies


def test_command_line_extends_and_ignores_on_top_of_the_file(tmp_path):
    (tmp_path / ".fzlint.yaml").write_text("select: [S1]\nignore: [S102]\n", encoding="utf-8")
    write(tmp_path / "r.txt")
    got = codes_by_file(run(["check", "--format", "json", "r.txt"], tmp_path).stdout)["r.txt"]
    assert "S103" in got and "S102" not in got and not any(c.startswith("R") for c in got)
    got = codes_by_file(run(["check", "--format", "json", "--extend-select", "S102", "r.txt"],
                            tmp_path).stdout)["r.txt"]
    assert "S102" in got                         # the command line re-enables what the file ignored
    got = codes_by_file(run(["check", "--format", "json", "--ignore", "S103", "r.txt"], tmp_path).stdout)["r.txt"]
    assert "S103" not in got and "S102" not in got


def test_override_semantics_without_files():
    base = read_settings({"select": ["S1"], "ignore": ["S102"], "fail-on": "error"})
    c = build_config(base, Overrides(ignore=["S1"]))
    assert not c.enabled("S103") and c.fail_on == "error"
    c = build_config(base, Overrides(fail_on="info"))
    assert c.fail_on == "info"


def read_settings(values):
    from linter.workspace.configfile import FileSettings
    return FileSettings("/x/.fzlint.yaml", values)


def test_per_file_ignores_and_fail_on_from_the_file(tmp_path):
    (tmp_path / ".fzlint.yaml").write_text(textwrap.dedent("""\
        select: [S102, S103]
        fail-on: error
        per-file-ignores:
          "old/*.txt": [S102]
          "special.txt": S
        """), encoding="utf-8")
    write(tmp_path / "old" / "a.txt")
    write(tmp_path / "new" / "a.txt")
    write(tmp_path / "special.txt")
    result = run(["check", "--format", "json", "."], tmp_path)
    files = {f["path"].replace("\\", "/").lstrip("./"): {d["code"] for d in f["diagnostics"]}
             for f in json.loads(result.stdout)["files"]}
    assert files["old/a.txt"] == {"S103"}
    assert files["new/a.txt"] == {"S102", "S103"}
    assert files["special.txt"] == set()
    assert result.exit_code == 1


def test_setup_cfg_per_file_ignores_and_max_size(tmp_path):
    (tmp_path / "setup.cfg").write_text(textwrap.dedent("""\
        [fzlint]
        select = S102, S103
        per-file-ignores =
            old/*.txt: S102
        max-size = 0.0001
        """), encoding="utf-8")
    write(tmp_path / "old" / "a.txt", "某镇报告\n" + "一、主要举措\n" * 3)
    big = write(tmp_path / "big.txt", REPORT * 20)
    settings = read_config_file(str(tmp_path / "setup.cfg"))
    assert settings.values["per-file-ignores"] == {"old/*.txt": ["S102"]}
    result = run(["check", "--format", "json", "."], tmp_path)
    data = json.loads(result.stdout)
    errors = {os.path.basename(f["path"]): f["error"] for f in data["files"]}
    assert errors["big.txt"]["code"] == "too-large" and errors["a.txt"] is None
    assert result.exit_code == 2 and big.exists()


def test_waivers_key_path_relative_to_config_and_inline(tmp_path):
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "w.yaml").write_text(
        "- rule: S102\n  justification: 经区司法局同意\n  expires: 2999-12-31\n", encoding="utf-8")
    (tmp_path / ".fzlint.yaml").write_text("select: [S102, S103]\nwaivers: cfg/w.yaml\n", encoding="utf-8")
    write(tmp_path / "r.txt")
    data = json.loads(run(["check", "--format", "json", "r.txt"], tmp_path).stdout)
    by_code = {d["code"]: d for d in data["files"][0]["diagnostics"]}
    assert by_code["S102"]["suppressed"] and not by_code["S103"]["suppressed"]

    (tmp_path / ".fzlint.yaml").write_text(textwrap.dedent("""\
        select: [S102, S103]
        waivers:
          - rule: S103
            justification: 合并撰写，经同意
            expires: 2999-01-01
        """), encoding="utf-8")
    data = json.loads(run(["check", "--format", "json", "r.txt"], tmp_path).stdout)
    by_code = {d["code"]: d for d in data["files"][0]["diagnostics"]}
    assert by_code["S103"]["suppressed"] and not by_code["S102"]["suppressed"]


def test_explicit_config_file_replaces_discovery(tmp_path):
    (tmp_path / ".fzlint.yaml").write_text("ignore: [S]\n", encoding="utf-8")
    (tmp_path / "team.toml").write_text('select = ["S102"]\n', encoding="utf-8")
    write(tmp_path / "r.txt")
    got = codes_by_file(run(["check", "--format", "json", "--config", "team.toml", "r.txt"], tmp_path).stdout)
    assert got["r.txt"] == {"S102"}


# -- bad configuration: one line, the file named, exit 2, no traceback ---------------

BAD = [
    (".fzlint.yaml", "selct: [S1]\n", "selct"),
    (".fzlint.yaml", "select: 5\n", "select"),
    (".fzlint.yaml", "select: [S1\n", "YAML"),
    (".fzlint.yaml", "- a\n- b\n", "映射"),
    (".fzlint.yaml", "fail-on: fatal\n", "fail-on"),
    (".fzlint.yaml", "select: [Z9]\n", "Z9"),
    (".fzlint.yaml", "select: [E30X]\n", "E30X"),
    (".fzlint.yaml", "ruleset: outline-1999\n", "outline-1999"),
    (".fzlint.yaml", "max-size: -1\n", "max-size"),
    (".fzlint.yaml", "per-file-ignores: [S1]\n", "per-file-ignores"),
    (".fzlint.yaml", "waivers: w.yaml\n", "w.yaml 不存在"),
    ("setup.cfg", "[fzlint]\nmax-size = big\n", "max-size"),
    ("setup.cfg", "[fzlint]\nselect = S1\nselect = S2\n", "格式错误"),
    ("pyproject.toml", "[tool.fzlint]\nselect = [S1\n", "TOML"),
    ("pyproject.toml", "[tool.fzlint]\nunknown = 1\n", "unknown"),
]


@pytest.mark.parametrize("name,text,needle", BAD, ids=[f"{n}:{t.strip()[:20]}" for n, t, _ in BAD])
def test_bad_configuration_is_one_line_naming_the_file(tmp_path, name, text, needle):
    (tmp_path / name).write_text(text, encoding="utf-8")
    write(tmp_path / "r.txt")
    result = run(["check", "r.txt"], tmp_path)
    err = stderr_of(result)
    assert result.exit_code == 2
    assert "Traceback" not in err and result.exception is None or isinstance(result.exception, SystemExit)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert name in lines[0] and needle in lines[0]
    assert result.stdout == ""                       # nothing reported from a half-read configuration


def test_bad_explicit_config_file(tmp_path):
    write(tmp_path / "r.txt")
    result = run(["check", "--config", "missing.yaml", "r.txt"], tmp_path)
    assert result.exit_code == 2 and "missing.yaml" in stderr_of(result)
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    result = run(["check", "--config", "x.json", "r.txt"], tmp_path)
    assert result.exit_code == 2 and "x.json" in stderr_of(result)


def test_read_config_file_raises_config_error(tmp_path):
    path = tmp_path / ".fzlint.yaml"
    path.write_text("extend_select: [S1]\nfail-on: info\n", encoding="utf-8")
    assert read_config_file(str(path)).values == {"extend-select": ["S1"], "fail-on": "info"}
    path.write_text("ignore: {a: 1}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        read_config_file(str(path))
    assert str(path) in exc.value.line()


def test_resolver_reads_each_file_once(tmp_path, monkeypatch):
    (tmp_path / ".fzlint.yaml").write_text("ignore: [S102]\n", encoding="utf-8")
    calls = []
    import linter.workspace.configfile as cf
    real = cf.read_config_file
    monkeypatch.setattr(cf, "read_config_file", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    r = Resolver()
    a = r.config_for(str(write(tmp_path / "a.txt")))
    b = r.config_for(str(write(tmp_path / "sub" / "b.txt")))
    assert a is b and len(calls) == 1 and not a.enabled("S102")


# -- the examples in docs/ci.md are valid -------------------------------------------------

def doc_blocks():
    from pathlib import Path
    text = (Path(__file__).resolve().parents[2] / "docs" / "ci.md").read_text(encoding="utf-8")
    import re
    return {m.group(2).strip(): m.group(0).split("\n", 1)[1].rsplit("```", 1)[0]
            for m in re.finditer(r"```(yaml|ini|toml)\n# ([^\n]+)\n.*?```", text, re.S)}


@pytest.mark.parametrize("name", [".fzlint.yaml", "setup.cfg", "pyproject.toml"])
def test_documented_configuration_examples_are_valid(tmp_path, name):
    from linter.workspace.configfile import known_targets
    codes, targets, names = known_targets()
    blocks = doc_blocks()
    (tmp_path / "waivers.yaml").write_text(blocks["waivers.yaml"], encoding="utf-8")
    (tmp_path / name).write_text(blocks[name], encoding="utf-8")
    settings = read_config_file(str(tmp_path / name), codes, names)
    assert settings.values
    config = Resolver(known_codes=codes, known_waiver_targets=targets, rulesets=names).config_for(
        str(write(tmp_path / "r.txt")))
    assert config.waivers or name == "pyproject.toml"


def test_documented_waivers_example_is_valid(tmp_path):
    from linter.workspace.configfile import known_targets
    from linter.workspace.waiverfile import load_waivers
    (tmp_path / "waivers.yaml").write_text(doc_blocks()["waivers.yaml"], encoding="utf-8")
    [w] = load_waivers(str(tmp_path / "waivers.yaml"), known_targets()[1])
    assert w.rule == "R204" and w.approver


def test_exclude_applies_to_folder_searches_only(tmp_path):
    write(tmp_path / "README.md", "# 说明\n本目录存放各镇报告。\n")
    write(tmp_path / "2024" / "a.txt")
    write(tmp_path / "2024" / "草稿-a.txt")
    write(tmp_path / "2023" / "b.txt")

    def checked(args):
        data = json.loads(run(["check", "--format", "json", "--select", "S102", *args], tmp_path).stdout)
        return sorted(os.path.relpath(f["path"], ".").replace("\\", "/") for f in data["files"])

    assert checked(["."]) == ["2023/b.txt", "2024/a.txt", "2024/草稿-a.txt"]     # README.md by default
    assert checked(["README.md"]) == ["README.md"]                             # named: always checked
    assert checked(["--extend-exclude", "草稿*", "."]) == ["2023/b.txt", "2024/a.txt"]
    assert checked(["--exclude", "2023/*", "."]) == ["2024/a.txt", "2024/草稿-a.txt", "README.md"]
    (tmp_path / ".fzlint.yaml").write_text("extend-exclude: [\"2024/草稿*\"]\n", encoding="utf-8")
    assert checked(["."]) == ["2023/b.txt", "2024/a.txt"]
    (tmp_path / ".fzlint.yaml").write_text("exclude: 5\n", encoding="utf-8")
    assert run(["check", "."], tmp_path).exit_code == 2
