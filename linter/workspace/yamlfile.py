"""Reading the user's YAML (configuration and waiver files): dates stay text, errors are one line."""
from __future__ import annotations

import yaml

from ..errors import ConfigError
from .configfile import read_user_text


class TextDateLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so a bad date (2025-13-01) is reported per
    entry instead of failing inside the YAML parser."""

TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


# A configuration or waiver file is small and flat. Deeper nesting or more values than
# this is an attack or an accident: the pure-Python YAML scanner is quadratic in the
# nesting depth, and a few hundred bytes of aliases ("billion laughs") stand for
# gigabytes once anything walks (or prints) them.
MAX_DEPTH = 64
MAX_VALUES = 100_000


class TooComplex(yaml.YAMLError):
    """Raised instead of parsing (or expanding) an absurd YAML document."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem


def load_yaml(text: str):
    if nesting_depth(text) > MAX_DEPTH:
        raise TooComplex(f"嵌套超过 {MAX_DEPTH} 层")
    data = yaml.load(text, Loader=TextDateLoader)
    if expanded_size(data) > MAX_VALUES:
        raise TooComplex(f"展开后超过 {MAX_VALUES} 个值（别名 & / * 引用过多）")
    return data


def nesting_depth(text: str) -> int:
    """The deepest bracket nesting (``[`` ``{``) outside quoted strings, or the deepest
    indentation (in steps of two columns), whichever is larger: cheap, before parsing.
    Also used for TOML, whose arrays and inline tables nest the same way."""
    depth = deepest = 0
    quote = None
    for ch in text:
        if quote:
            if ch == quote or ch == "\n":
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
    indent = max((len(line) - len(line.lstrip(" ")) for line in text.splitlines()), default=0)
    return max(deepest, indent // 2)


def expanded_size(data, limit: int = MAX_VALUES) -> int:
    """How many values ``data`` holds with every alias expanded (counted without expanding:
    each shared container is sized once); stops counting past ``limit``."""
    sizes: dict[int, int] = {}

    def size(obj, level: int = 0) -> int:
        if not isinstance(obj, (list, dict)):
            return 1
        key = id(obj)
        if key in sizes:
            return sizes[key]
        sizes[key] = limit + 1          # a cycle (an alias to an enclosing node) is too much
        children = obj.values() if isinstance(obj, dict) else obj
        total = 1
        for child in children:
            total += size(child, level + 1)
            if total > limit:
                break
        sizes[key] = total
        return total

    return size(data)


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
    text = read_user_text(path, what, shown)
    try:
        return load_yaml(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{what} YAML 格式错误：{yaml_problem(exc)}", shown) from None

