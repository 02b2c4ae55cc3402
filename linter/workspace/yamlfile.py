"""Reading the user's YAML (configuration and waiver files): dates stay text, errors are one line."""
from __future__ import annotations

import yaml

from ..errors import ConfigError


class TextDateLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so a bad date (2025-13-01) is reported per
    entry instead of failing inside the YAML parser."""

TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def load_yaml(text: str):
    return yaml.load(text, Loader=TextDateLoader)


def yaml_problem(exc: yaml.YAMLError) -> str:
    """A one-line description of a YAML error, with its position."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    where = f"第{mark.line + 1}行第{mark.column + 1}列：" if mark is not None else ""
    return where + " ".join(str(problem).split())


def read_yaml_file(path: str, what: str, shown: str | None = None):
    """A user's YAML file parsed; a missing, unreadable or malformed file is one ConfigError
    naming it (``what``: 豁免文件, 规则配置档 …)."""
    shown = shown or path
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except FileNotFoundError:
        raise ConfigError(f"{what}不存在", shown) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"无法读取{what}：{getattr(exc, 'strerror', None) or exc}", shown) from None
    try:
        return load_yaml(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{what} YAML 格式错误：{yaml_problem(exc)}", shown) from None

