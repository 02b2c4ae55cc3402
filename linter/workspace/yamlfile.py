"""Reading the user's YAML (configuration and waiver files): dates stay text, errors are one line."""
from __future__ import annotations

import yaml


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
