"""Long runs a regular expression could split many ways: for each repeat of one character class
in a pattern (``\\s*``, ``[^。；\\n]*``, ``\\d+``), a text that reaches it the way the pattern's own
first branches read, then a long run of a character the repeat takes, then one that stops it.
Two such repeats in a row with nothing certain between them (``(20\\d\\d)\\s*(?:年?…)?\\s*年``) split
the run n ways before the try fails: quadratic in one line's gap. Found so, by fuzzing: the
years of a heading, a page's date line, a contents line."""
from __future__ import annotations

import importlib
import pkgutil
import re

# (the regex parser and its repeat opcodes as the linter's own pattern reader imports them)
from linter.text.literals import _REPEATS, _sre, _sre_parse

_CATEGORY_CHARACTER = {_sre.CATEGORY_DIGIT: "1", _sre.CATEGORY_SPACE: " ", _sre.CATEGORY_WORD: "a",
                       _sre.CATEGORY_NOT_DIGIT: "x", _sre.CATEGORY_NOT_SPACE: "x", _sre.CATEGORY_NOT_WORD: " "}
ENDS = ("x", "。", "\n")                # what stops a run: a letter, a stop, a line break


def _member(members) -> str | None:
    """One character a parsed class takes."""
    if members and members[0][0] is _sre.NEGATE:
        banned = {chr(av) for op, av in members[1:] if op is _sre.LITERAL}
        return next((c for c in "x法 1" if c not in banned), None)
    for op, av in members:
        if op is _sre.LITERAL:
            return chr(av)
        if op is _sre.RANGE:
            return chr(av[0])
        if op is _sre.CATEGORY and av in _CATEGORY_CHARACTER:
            return _CATEGORY_CHARACTER[av]
    return None


def _example(items) -> str | None:
    """A short text the parsed items match, reading each alternation's first branch and each
    repeat its fewest times (lookarounds and anchors read as nothing); None when unsure."""
    out = []
    for op, av in items:
        if op is _sre.LITERAL:
            piece = chr(av)
        elif op is _sre.NOT_LITERAL or op is _sre.ANY:
            piece = "y" if op is _sre.NOT_LITERAL and av == ord("x") else "x"
        elif op is _sre.IN:
            piece = _member(av)
        elif op is _sre.SUBPATTERN:
            piece = _example(av[-1])
        elif op is _sre.BRANCH:
            piece = _example(av[1][0])
        elif op in _REPEATS:
            one = _example(av[2])
            piece = None if one is None else one * av[0]
        elif op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT, _sre.GROUPREF):
            piece = ""
        else:
            return None
        if piece is None:
            return None
        out.append(piece)
    return "".join(out)


def _runs(items, prefix: str = ""):
    """(text before, character) for each long repeat of one character along the items."""
    for op, av in items:
        if op in _REPEATS and av[1] >= 200:
            body = av[2]
            if len(body) == 1 and body[0][0] in (_sre.IN, _sre.LITERAL, _sre.NOT_LITERAL, _sre.ANY):
                character = _example(body)
                if character:
                    yield prefix, character
            else:
                yield from _runs(body, prefix)
        elif op is _sre.SUBPATTERN:
            yield from _runs(av[-1], prefix)
        elif op is _sre.BRANCH:
            for branch in av[1]:
                yield from _runs(branch, prefix)
        piece = _example([(op, av)])
        if piece is None:
            return
        prefix += piece


def gap_texts(pattern: "re.Pattern[str]", length: int) -> list[str]:
    """The texts described above, each with a run of ``length`` characters."""
    try:
        items = _sre_parse.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    except Exception:                   # (the parser is internal: a pattern it cannot read is skipped)
        return []
    # (in the same order for every length: a caller pairs a short text with its long one)
    return [prefix + character * length + end for prefix, character in sorted(set(_runs(items))) for end in ENDS]


def module_patterns(package) -> dict[str, "re.Pattern[str]"]:
    """Every compiled text pattern a package's modules hold at module level, by where it is."""
    found: dict[str, re.Pattern] = {}
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        try:
            module = importlib.import_module(info.name)
        except Exception:               # (a front end whose optional library is missing)
            continue
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault(f"{info.name}.{name}", value)
    return found
