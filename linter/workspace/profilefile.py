"""Reading a bureau profile file (the model and how it extends a rule set: ``engine.profile``)."""
from __future__ import annotations

import functools
import os

import yaml

from ..engine.profile import Profile, parse_profile
from ..errors import ConfigError
from .yamlfile import load_yaml, yaml_problem


def load_profile(path: str) -> Profile:
    """Read and validate a profile; any problem is a ``ConfigError`` naming the file and entry.
    Read once per version of the file (an editor or the web page may run for hours)."""
    try:
        mtime = os.path.getmtime(path)
    except OSError:
        raise ConfigError("规则配置档（profile）文件不存在", _shown(path)) from None
    return _load(path, mtime)


@functools.lru_cache(maxsize=16)
def _load(path: str, mtime: float) -> Profile:
    shown = _shown(path)
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"无法读取规则配置档：{getattr(exc, 'strerror', None) or exc}", shown) from None
    try:
        raw = load_yaml(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"规则配置档 YAML 格式错误：{yaml_problem(exc)}", shown) from None
    return parse_profile(raw, shown)


def _shown(path: str) -> str:
    """The path as the user would type it: relative to the working folder when below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel
