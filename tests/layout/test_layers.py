"""The package's layers: a module imports only from its own layer or below.

The table is the one drawn in the README's layout section. A new subpackage must be given a
layer here before it can import anything of linter's (the test fails for an unknown package).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "linter"

from layout_table import LAYERS  # noqa: E402  (one table, also read by test_readme)

LAYER_OF = {name: layer for layer, names in LAYERS.items() for name in names}


def unit_of(dotted: str) -> str:
    """'linter.document.meta' -> 'document'; 'linter' -> '__init__'."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        is_pkg = parts[-1] == "__init__"
        if is_pkg and len(parts) > 2:
            parts = parts[:-1]
        yield path, ".".join(parts), is_pkg


def imported_modules(path: Path, dotted: str, is_pkg: bool):
    """Every linter module a file imports (at any depth: function-level imports count too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = dotted.split(".") if is_pkg and dotted != "linter.__init__" else dotted.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "linter" or alias.name.startswith("linter."):
                    yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "linter" or target.startswith("linter."):
                if target == "linter" or (node.level and not node.module):
                    # `from . import x`: the names are submodules of the target package
                    for alias in node.names:
                        yield node.lineno, f"{target}.{alias.name}"
                else:
                    yield node.lineno, target


ALL = list(modules())


def test_every_package_has_a_layer():
    units = {unit_of(d) for _, d, _ in ALL}
    unknown = sorted(u for u in units if u not in LAYER_OF)
    assert not unknown, f"give these a layer in LAYERS (and the README): {unknown}"


@pytest.mark.parametrize("path,dotted,is_pkg", ALL, ids=[d for _, d, _ in ALL])
def test_imports_point_down(path, dotted, is_pkg):
    own = LAYER_OF[unit_of(dotted)]
    wrong = []
    for line, target in imported_modules(path, dotted, is_pkg):
        layer = LAYER_OF.get(unit_of(target))
        assert layer is not None, f"{path.name}:{line} imports {target}, which has no layer"
        if layer > own:
            wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {target} "
                         f"(layer {layer}) from layer {own}")
    assert not wrong, "\n".join(wrong)


def test_top_level_holds_only_the_public_face_and_layer_zero_modules():
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert top == sorted(["__init__", "__main__", "config", "data", "errors", "vocab"]), top


def test_the_layer_test_sees_an_upward_import(tmp_path):
    """The walker must catch `from ..frontends import cli` in a kinds module."""
    fake = tmp_path / "linter" / "kinds" / "bad.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("def f():\n    from ..frontends import cli\n", encoding="utf-8")
    found = list(imported_modules(fake, "linter.kinds.bad", False))
    assert found == [(2, "linter.frontends")]
    assert LAYER_OF[unit_of(found[0][1])] > LAYER_OF["kinds"]
