"""Reading a waiver file (the model and its application live in ``engine.waivers``)."""
from __future__ import annotations

import os

import yaml

from ..engine.waivers import Waiver, parse_waivers
from ..errors import ConfigError
from .yamlfile import load_yaml, yaml_problem


def load_waivers(path: str, known: set[str] | None = None) -> list[Waiver]:
    """Read and validate a waiver file; any problem is a ``ConfigError`` naming the entry."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except FileNotFoundError:
        raise ConfigError("豁免文件不存在", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"无法读取豁免文件：{getattr(exc, 'strerror', None) or exc}", path) from None
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"豁免文件 YAML 格式错误：{yaml_problem(exc)}", path) from None
    if isinstance(data, dict) and set(data) == {"waivers"}:
        data = data["waivers"]
    if data is None:
        return []
    return parse_waivers(data, path, os.path.dirname(os.path.abspath(path)), known)
