"""Reading a waiver file (the model and its application live in ``engine.waivers``)."""
from __future__ import annotations

import os

from ..engine.waivers import Waiver, parse_waivers
from .yamlfile import read_yaml_file


def load_waivers(path: str, known: set[str] | None = None) -> list[Waiver]:
    """Read and validate a waiver file; any problem is a ``ConfigError`` naming the entry."""
    data = read_yaml_file(path, "豁免文件")
    if isinstance(data, dict) and set(data) == {"waivers"}:
        data = data["waivers"]
    if data is None:
        return []
    return parse_waivers(data, path, os.path.dirname(os.path.abspath(path)), known)
