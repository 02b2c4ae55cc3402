"""Configuration files: found next to a report or in a folder above it, nearest wins.

In each folder, from the report's own folder upwards, the first of these that holds
fzlint settings is used (like ruff, settings from different files are not merged):

1. ``.fzlint.yaml`` (or ``.fzlint.yml``): the settings at top level;
2. ``setup.cfg`` with a ``[fzlint]`` section;
3. ``pyproject.toml`` with a ``[tool.fzlint]`` table.

Keys: ``select``, ``ignore``, ``extend-select`` (codes or prefixes), ``fail-on``
(error / warning / info), ``ruleset``, ``per-file-ignores`` (glob -> codes, globs relative
to the configuration file's folder), ``waivers`` (a path relative to that folder, or an
inline list), ``profile`` (a bureau profile file, relative to that folder: the bureau's own
thresholds, deadline, required items and word lists on top of the rule set — see
docs/profiles.md), ``max-size`` (MB), ``exclude`` / ``extend-exclude`` (globs of files not taken
as reports when a folder is searched; the default excludes README.md/README.txt). Command-line options override the file: ``--select``
starts a fresh selection (the file's select, extend-select and ignore are dropped, as
in ruff), ``--extend-select`` and ``--ignore`` are applied on top of the file's.

Any problem (unknown key, wrong type, bad YAML/TOML) is a ``ConfigError`` naming the file.
"""
from __future__ import annotations

import math
import os
import re
from collections.abc import Set
from dataclasses import dataclass, field

from ..config import DEFAULT_EXCLUDE, DEFAULT_MAX_BYTES, Config
from ..errors import ConfigError, brief, os_problem
from ..vocab import SEVERITIES, checklist_items

YAML_NAMES = (".fzlint.yaml", ".fzlint.yml")
MAX_SIZE_MB = 4096
KEYS = ("select", "ignore", "extend-select", "fail-on", "ruleset", "per-file-ignores", "waivers", "profile",
        "max-size", "exclude", "extend-exclude")
_SELECTOR = re.compile(r"^(ALL|[A-Z]\d{0,3})$")
_SECTION_CFG = re.compile(r"^\s*\[fzlint\]\s*$", re.M)
_SECTION_TOML = re.compile(r"^\s*\[\s*tool\s*\.\s*fzlint\s*(\.|\])", re.M)


@dataclass
class FileSettings:
    """Validated settings from one configuration file."""

    path: str
    values: dict = field(default_factory=dict)   # keys as in KEYS

    @property
    def root(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))


@dataclass
class Overrides:
    """What the command line says; ``None``/empty means "as the configuration says"."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    ruleset: str | None = None
    year: int | None = None
    level: str | None = None
    waivers: list | None = None          # parsed waivers from --waivers
    exclude: list[str] | None = None     # replaces the default and the file's exclude
    extend_exclude: list[str] = field(default_factory=list)
    max_bytes: int | None = None
    today: str | None = None


# -- discovery -------------------------------------------------------------------------

def settings_in(folder: str) -> str | None:
    """The configuration file in this folder that holds fzlint settings, if any."""
    for name in YAML_NAMES:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            return path
    for name, section in (("setup.cfg", _SECTION_CFG), ("pyproject.toml", _SECTION_TOML)):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and section.search(_read_text(path)):
            return path
    return None


def find_config_file(start: str) -> str | None:
    """The nearest configuration file for a report (or folder), walking up to the root;
    relative to the working folder when it lies below it (for messages)."""
    folder = os.path.abspath(start)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    while True:
        found = settings_in(folder)
        if found:
            return _shown(found)
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


# -- reading ---------------------------------------------------------------------------

def read_config_file(path: str, known_codes: set[str] | None = None,
                     rulesets: list[str] | None = None) -> FileSettings:
    """Read and validate one configuration file (any of the three kinds, or an explicit
    ``--config`` file: *.yaml/*.yml, *.toml, *.cfg/*.ini)."""
    if not os.path.isfile(path):
        raise ConfigError("配置文件不存在", path)
    name = os.path.basename(path).lower()
    text = _read_text(path)
    if name.endswith((".yaml", ".yml")):
        raw = _from_yaml(text, path)
    elif name.endswith(".toml"):
        raw = _from_toml(text, path, table=name == "pyproject.toml")
    elif name.endswith((".cfg", ".ini")):
        raw = _from_ini(text, path)
    else:
        raise ConfigError("不认识的配置文件类型（应为 .fzlint.yaml、setup.cfg 或 pyproject.toml）", path)
    settings = FileSettings(path, {})
    if isinstance(raw.get("profile"), str) and raw["profile"].strip():
        # the profile's own rules may be selected and ignored like any other
        profile = _profile(settings, raw["profile"].strip())
        if known_codes is not None:
            known_codes = set(known_codes) | {r.code for r in profile.added}
    settings.values = validate(raw, path, known_codes, rulesets)
    return settings


def _profile(settings: FileSettings, value: str):
    """The profile a configuration file names (a path relative to that file's folder)."""
    from .profilefile import load_profile
    path = os.path.abspath(value if os.path.isabs(value) else os.path.join(settings.root, value))
    return load_profile(path, _shown(path))


def read_user_text(path: str, what: str, shown: str | None = None) -> str:
    """A user's settings file as text (UTF-8, a BOM allowed); a missing, unreadable or
    wrongly encoded file is one ConfigError naming it (``what``: 配置文件, 豁免文件 …)."""
    shown = shown or path
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return fh.read()
    except FileNotFoundError:
        raise ConfigError(f"{what}不存在", shown) from None
    except UnicodeDecodeError:
        raise ConfigError(f"{what}不是 UTF-8 编码；请在记事本中“另存为”UTF-8 后再试", shown) from None
    except OSError as exc:
        raise ConfigError(f"无法读取{what}：{os_problem(exc)}", shown) from None


def _read_text(path: str) -> str:
    return read_user_text(path, "配置文件")


def _from_yaml(text: str, path: str) -> dict:
    import yaml

    from .yamlfile import load_yaml, yaml_problem
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"配置文件 YAML 格式错误：{yaml_problem(exc)}", path) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("配置文件应是“键: 值”的映射", path)
    return data


def _toml_loads():
    try:
        import tomllib
        return tomllib.loads, tomllib.TOMLDecodeError
    except ModuleNotFoundError:  # Python 3.10
        try:
            import tomli
            return tomli.loads, tomli.TOMLDecodeError
        except ModuleNotFoundError:
            return None, None


def _from_toml(text: str, path: str, table: bool) -> dict:
    loads, error = _toml_loads()
    if loads is None:
        raise ConfigError("读取 TOML 配置需要 Python 3.11 或 tomli 包（pip install tomli），"
                          "也可改用 .fzlint.yaml", path)
    from .yamlfile import MAX_DEPTH, nesting_depth
    if nesting_depth(text) > MAX_DEPTH:   # tomllib recurses once per level
        raise ConfigError(f"配置文件 TOML 格式错误：嵌套超过 {MAX_DEPTH} 层", path)
    try:
        data = loads(text)
    except (error, RecursionError) as exc:
        raise ConfigError(f"配置文件 TOML 格式错误：{' '.join(str(exc).split())[:200]}", path) from None
    if table:
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "fzlint" not in tool:
            raise ConfigError("pyproject.toml 中没有 [tool.fzlint] 部分", path)
        data = tool["fzlint"]
        if not isinstance(data, dict):
            raise ConfigError("[tool.fzlint] 应是一个表", path)
    return data


def _from_ini(text: str, path: str) -> dict:
    import configparser
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text, source=path)
    except configparser.Error as exc:
        raise ConfigError(f"配置文件格式错误：{' '.join(str(exc).split())}", path) from None
    if not parser.has_section("fzlint"):
        raise ConfigError("配置文件中没有 [fzlint] 部分", path)
    raw: dict = {}
    for key, value in parser.items("fzlint"):
        key = key.replace("_", "-")
        if key == "per-file-ignores":
            raw[key] = _ini_mapping(value, path)
        elif key == "max-size":
            try:
                raw[key] = float(value)
            except ValueError:
                raise ConfigError(f"配置有误：max-size 应为数字（MB），得到 {brief(value)}", path) from None
        else:
            raw[key] = value.strip()
    return raw


def _ini_mapping(value: str, path: str) -> dict:
    """flake8 style: one ``glob: codes`` per line."""
    out = {}
    for line in value.splitlines():
        line = line.strip()
        if not line:
            continue
        if ":" not in line:
            raise ConfigError(f"配置有误：per-file-ignores 每行应为“通配符: 代码”，得到 {brief(line)}", path)
        glob, codes = line.rsplit(":", 1)
        out[glob.strip()] = codes.strip()
    return out


# -- validation ------------------------------------------------------------------------

def validate(raw: dict, path: str, known_codes: set[str] | None = None,
             rulesets: list[str] | None = None) -> dict:
    values: dict = {}
    for key, value in raw.items():
        name = str(key).replace("_", "-")
        if name not in KEYS:
            import difflib
            close = difflib.get_close_matches(name, KEYS, n=1)
            hint = f"，是否想写 {close[0]}？" if close else ""
            raise ConfigError(f"配置有误：未知的设置项“{key}”{hint}（可用：{', '.join(KEYS)}）", path)
        values[name] = _value(name, value, path, known_codes, rulesets)
    return values


def _value(name, value, path, known_codes, rulesets):
    def bad(expected):
        return ConfigError(f"配置有误：{name} 应为 {expected}，得到 {brief(value)}", path)

    if name in ("select", "ignore", "extend-select"):
        return parse_selectors(value, f"{name}", path, known_codes)
    if name == "fail-on":
        if value not in SEVERITIES:
            raise bad(" / ".join(SEVERITIES) + " 之一")
        return value
    if name == "ruleset":
        if not isinstance(value, str) or not value:
            raise bad("规则集名称")
        if rulesets is not None and value not in rulesets:
            raise ConfigError(f"配置有误：没有名为 {value} 的规则集（可用：{', '.join(rulesets)}）", path)
        return value
    if name == "per-file-ignores":
        if not isinstance(value, dict):
            raise bad("“通配符: 代码列表”的映射")
        return {str(glob): parse_selectors(codes, f"per-file-ignores 的 {glob}", path, known_codes)
                for glob, codes in value.items()}
    if name in ("exclude", "extend-exclude"):
        if isinstance(value, str):
            value = [v.strip() for v in value.replace("\n", ",").split(",") if v.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise bad("文件通配符列表")
        return value
    if name == "max-size":   # finite and bounded: the reader reads up to this many bytes
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                or not 0 < value <= MAX_SIZE_MB:
            raise bad(f"0 到 {MAX_SIZE_MB} 之间的数（单位 MB）")
        return value
    if name == "profile":
        if not isinstance(value, str) or not value.strip():
            raise bad("规则配置档（profile）文件的路径")
        return value.strip()
    if name == "waivers":
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, list):
            return value
        raise bad("豁免文件路径或豁免条目列表")
    raise AssertionError(name)  # pragma: no cover


def parse_selectors(value, what: str, path: str | None, known_codes: set[str] | None) -> list[str]:
    """Codes or prefixes from a list or a comma/space separated string, validated."""
    if isinstance(value, str):
        items = value.replace(",", " ").split()
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        items = [p for v in value for p in v.replace(",", " ").split()]
    else:
        raise ConfigError(f"配置有误：{what} 应为规则代码列表或以逗号分隔的代码，得到 {brief(value)}", path)
    out = []
    for item in items:
        code = item.strip().upper()
        problem = selector_problem(code, known_codes)
        if problem:
            raise ConfigError(f"配置有误：{what} 中的 {item}：{problem}", path)
        out.append(code)
    return out


def selector_problem(code: str, known_codes: set[str] | None) -> str:
    if not _SELECTOR.match(code):
        return "应为规则代码或前缀，如 E、E3、E301 或 ALL"
    if known_codes is not None and code != "ALL" and not any(k.startswith(code) for k in known_codes):
        return "没有以此开头的规则（用 fzlint rules 查看全部规则）"
    return ""


# -- resolution ------------------------------------------------------------------------

def build_config(settings: FileSettings | None, overrides: Overrides,
                 waivers: list | None = None) -> Config:
    """One file's Config: the configuration file's settings with the command line on top."""
    v = settings.values if settings else {}
    select = v.get("select")
    extend = list(v.get("extend-select", []))
    ignore = list(v.get("ignore", []))
    if overrides.select is not None:
        select, extend, ignore = list(overrides.select), list(overrides.extend_select), list(overrides.ignore)
    else:
        for p in overrides.extend_select:
            ignore = [c for c in ignore if not _norm(c).startswith(_norm(p))]
            extend.append(p)
        for p in overrides.ignore:
            if select is not None:
                select = [c for c in select if not _norm(c).startswith(_norm(p))]
            extend = [c for c in extend if not _norm(c).startswith(_norm(p))]
            ignore.append(p)
    max_bytes = overrides.max_bytes
    if max_bytes is None:
        max_bytes = int(v["max-size"] * 1024 * 1024) if "max-size" in v else DEFAULT_MAX_BYTES
    exclude = list(v.get("exclude", DEFAULT_EXCLUDE)) + list(v.get("extend-exclude", []))
    if overrides.exclude is not None:
        exclude = [_cli_glob(p) for p in overrides.exclude]
    exclude += [_cli_glob(p) for p in overrides.extend_exclude]
    return Config(
        select=select, extend_select=extend, ignore=ignore, exclude=exclude,
        per_path_ignores=dict(v.get("per-file-ignores", {})),
        fail_on=overrides.fail_on or v.get("fail-on") or "warning",
        ruleset=overrides.ruleset or v.get("ruleset"),
        year=overrides.year, level=overrides.level, max_bytes=max_bytes,
        waivers=list(overrides.waivers if overrides.waivers is not None else (waivers or [])),
        today=overrides.today,
        root=settings.root if settings else None,
        source=settings.path if settings else None,
        profile=_profile(settings, v["profile"]) if settings and v.get("profile") else None)


def _shown(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def known_targets() -> tuple[Set[str], Set[str], list[str]]:
    """(rule codes, rule codes and checklist ids, rule set names) across every rule set:
    what a selector or a waiver may name. The two sets read the rule sets when first looked
    into: a run with no selector, waiver or configuration file to check loads only the rule
    set its reports are checked against."""
    from ..engine.ruleset import available_rulesets, load_ruleset
    names = available_rulesets()

    def codes_and_items():
        codes: set[str] = set()
        items: set[str] = set(checklist_items())
        for name in names:
            for rule in load_ruleset(name).rules:
                codes.add(rule.code)
                if rule.checklist:
                    items.add(rule.checklist)
        return codes, codes | items

    both = _OnFirstUse(codes_and_items)
    return _OnFirstUse(lambda: both.value[0]), _OnFirstUse(lambda: both.value[1]), names


class _OnFirstUse(Set):
    """A set computed when it is first looked into."""

    def __init__(self, compute):
        self._compute, self._value = compute, None

    @property
    def value(self):
        if self._value is None:
            self._value = self._compute()
        return self._value

    def __contains__(self, item) -> bool:
        return item in self.value

    def __iter__(self):
        return iter(self.value)

    def __len__(self) -> int:
        return len(self.value)

    @classmethod
    def _from_iterable(cls, items):
        return set(items)          # what ``|``, ``&`` and ``-`` give: a plain set


def _cli_glob(pattern: str) -> str:
    """A command-line glob with a folder in it is relative to the working folder."""
    if "/" in pattern or os.sep in pattern:
        return os.path.abspath(pattern).replace(os.sep, "/")
    return pattern


def _norm(code: str) -> str:
    code = code.strip().upper()
    return "" if code == "ALL" else code


class Resolver:
    """Gives each report its Config: from ``--config`` if given, else the nearest
    configuration file; files and parsed waivers are read once per run."""

    def __init__(self, overrides: Overrides | None = None, config_file: str | None = None,
                 known_codes: set[str] | None = None, known_waiver_targets: set[str] | None = None,
                 rulesets: list[str] | None = None):
        self.overrides = overrides or Overrides()
        self.config_file = config_file
        self.known_codes = known_codes
        self.known_waiver_targets = known_waiver_targets
        self.rulesets = rulesets
        self._found: dict[str, str | None] = {}
        self._configs: dict[str | None, Config] = {}

    def config_file_for(self, path: str) -> str | None:
        if self.config_file:
            return self.config_file
        folder = os.path.abspath(path if os.path.isdir(path) else os.path.dirname(path) or ".")
        if folder not in self._found:
            self._found[folder] = find_config_file(folder)
        return self._found[folder]

    def config_for(self, path: str) -> Config:
        source = self.config_file_for(path)
        if source not in self._configs:
            self._configs[source] = self._build(source)
        return self._configs[source]

    def _build(self, source: str | None) -> Config:
        if source is None:
            return build_config(None, self.overrides)
        settings = read_config_file(source, self.known_codes, self.rulesets)
        waivers = None
        if self.overrides.waivers is None and "waivers" in settings.values:
            from .waiverfile import load_waivers
            from ..engine.waivers import parse_waivers
            w = settings.values["waivers"]
            if isinstance(w, str):
                file = w if os.path.isabs(w) else os.path.join(settings.root, w)
                if not os.path.isfile(file):
                    raise ConfigError(f"配置有误：waivers 指向的豁免文件 {w} 不存在", settings.path)
                waivers = load_waivers(file, self.known_waiver_targets)
            else:
                waivers = parse_waivers(w, settings.path, settings.root, self.known_waiver_targets)
        return build_config(settings, self.overrides, waivers)


def config_for_path(path: str) -> Config:
    """The Config for one report, from its nearest configuration file (for editors and
    scripts; the CLI uses a ``Resolver`` to read each file once per run)."""
    codes, targets, names = known_targets()
    return Resolver(known_codes=codes, known_waiver_targets=targets, rulesets=names).config_for(path)


def configured_ruleset(name: str, config_file: str | None = None, start: str = "."):
    """The rule set as reports under ``start`` are checked against it: extended by the bureau
    profile of ``config_file`` (or of the nearest configuration file), if it names one."""
    from ..engine.ruleset import load_ruleset
    ruleset = load_ruleset(name)
    source = config_file or find_config_file(start)
    if source:
        settings = read_config_file(source)
        if settings.values.get("profile"):
            return _profile(settings, settings.values["profile"]).apply(ruleset)
    return ruleset

