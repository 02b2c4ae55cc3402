"""Rule kinds: one module per kind, each with ``check(analysis, rule)``.

A kind reads the analysed report and a rule's parameters and returns diagnostics and/or
checklist observations. A kind may also define ``validate(params) -> list[str]`` to
reject malformed rules at load time. A kind with several built-in checks keeps them in a
``CHECKS`` registry (``kinds._shared.Checks``): a rule names one (``check: figures``), and
``builtin_check`` says which and what it finds. Adding a rule needs YAML only; adding a kind is
one module here and one line in ``_MODULES``.
"""
from __future__ import annotations

import functools
import importlib

_MODULES = ("section", "topic", "stale", "substitute", "lawtitle", "numbering", "punctuation",
            "pattern", "time", "evidence", "typo", "docform", "consistency", "place")
KINDS = set(_MODULES)


@functools.lru_cache(maxsize=None)
def module(kind: str):
    return importlib.import_module(f"{__name__}.{kind}")


def validate(kind: str, params: dict) -> list[str]:
    try:
        mod = module(kind)
    except ModuleNotFoundError:
        return [f"kind {kind} 尚未实现"]
    check = getattr(mod, "validate", None)
    return list(check(params)) if check else []


def run(kind: str, analysis, rule) -> list:
    return list(module(kind).check(analysis, rule))


def builtin_check(kind: str, params: dict) -> tuple[str, str] | None:
    """(name, what it finds) of the built-in check a rule chose, for kinds that have them."""
    checks = getattr(module(kind), "CHECKS", None)
    if checks is None or checks.chosen(params) not in checks.functions:
        return None
    return checks.chosen(params), checks.doc(params)
