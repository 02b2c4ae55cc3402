"""Reading a bureau profile file (the model and how it extends a rule set: ``engine.profile``)."""
from __future__ import annotations

import functools
import os

from ..engine.profile import Profile, parse_profile
from ..errors import ConfigError
from .yamlfile import read_yaml_file


def load_profile(path: str, shown: str | None = None) -> Profile:
    """Read and validate a profile; any problem is a ``ConfigError`` naming the file (as
    ``shown``) and the entry. Read once per version of the file (an editor or the web page
    may run for hours)."""
    shown = shown or path
    try:
        mtime = os.path.getmtime(path)
    except OSError:
        raise ConfigError("规则配置档（profile）文件不存在", shown) from None
    return _load(path, shown, mtime)


@functools.lru_cache(maxsize=16)
def _load(path: str, shown: str, mtime: float) -> Profile:
    return parse_profile(read_yaml_file(path, "规则配置档", shown), shown)
