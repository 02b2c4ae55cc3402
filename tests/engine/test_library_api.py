"""The library's entry points take what a Python program naturally passes them."""
from __future__ import annotations

from pathlib import Path

from linter import Config, lint_path

SEED = Path(__file__).resolve().parents[2] / "seeds" / "002_dcc6ac2cd5ba799f.txt"


def test_lint_path_takes_a_pathlib_path_as_its_string():
    # A Path used to reach the readers as it was and come back as a "corrupt file" error.
    by_path, by_str = lint_path(SEED, Config()), lint_path(str(SEED), Config())
    assert by_path.error is None
    assert by_path.path == str(SEED) and isinstance(by_path.path, str)
    assert [d.to_dict() for d in by_path.diagnostics] == [d.to_dict() for d in by_str.diagnostics]
    assert by_path.checklist["enforcement.publicity"].state == by_str.checklist["enforcement.publicity"].state


def test_a_missing_pathlib_path_is_a_read_error_naming_it(tmp_path):
    missing = tmp_path / "没有这个文件.docx"
    result = lint_path(missing)
    assert result.error["code"] == "unreadable"
    assert result.path == str(missing)
