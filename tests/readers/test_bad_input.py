"""Bad input: every unreadable file gets one clear Chinese line naming it, its own error
code, exit code 2 at the end of the run, no traceback — and every other file is still
checked."""
from __future__ import annotations

import errno
import json
import os
import sys
import time

import pytest
from click.testing import CliRunner

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))
import fixtures as F  # noqa: E402

from linter.frontends.cli import main  # noqa: E402
from linter.config import Config  # noqa: E402
from linter.workspace.discover import discover  # noqa: E402
from linter.engine.run import lint_path  # noqa: E402
from linter.errors import ReadError  # noqa: E402
from linter.readers import read_path  # noqa: E402

REPORT = F.seed_text("002")
SHORT_REPORT = ("重庆市南岸区鸡冠石镇人民政府关于2024年度法治政府建设情况的报告\n"
                "一、2024年推进法治政府建设的主要举措和成效\n"
                "全年开展“八五”普法宣传活动36场次，办理行政复议案件12件。\n")


def run_check(*args):
    result = CliRunner().invoke(main, ["check", "--format", "json", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_a_folder_of_bad_files_still_checks_the_good_one(tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    (folder / "01-good.txt").write_text(REPORT, encoding="utf-8")
    bad = {
        "02-empty.txt": (b"", "empty"),
        "03-blank.md": (b"  \r\n\t\r\n", "empty"),
        "04-binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        "05-big5.txt": (("雞冠石鎮深入開展法治宣傳教育，提升人民法治意識。" * 10).encode("big5"), "encoding"),
        "06-truncated.docx": (F.docx_plain(REPORT.splitlines())[:2000], "corrupt"),
        "07-bomb.docx": (F.zip_bomb_docx(30), "zip-bomb"),
        "08-scan.pdf": (F.pdf_image_only(), "no-text-layer"),
        "09-password.docx": (F.ole_with_stream("EncryptionInfo"), "encrypted"),
        "10-password.pdf": (F.encrypted_pdf(REPORT.splitlines()), "encrypted"),
        "11-garbled.pdf": (F.garbled_pdf(REPORT.splitlines()), "garbled"),
    }
    for name, (data, _) in bad.items():
        (folder / name).write_bytes(data)
    os.symlink("12-loop.txt", folder / "12-loop.txt")
    missing = tmp_path / "不存在的报告.docx"

    started = time.monotonic()
    result = run_check(folder, missing)
    assert time.monotonic() - started < 8

    assert result.exit_code == 2
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    files = {os.path.basename(f["path"]): f for f in json.loads(result.stdout)["files"]}
    good = files.pop("01-good.txt")
    assert good["error"] is None and good["meta"]["issuer"] == "重庆市南岸区鸡冠石镇人民政府"
    assert good["checklist"]["section.measures"]["state"] == "present"
    expected = {name: code for name, (_, code) in bad.items()}
    expected["12-loop.txt"] = "unreadable"
    assert {name: f["error"]["code"] for name, f in files.items()} == expected

    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(expected) + 1                       # one line per problem
    for name in expected:
        line = next(ln for ln in lines if name in ln)
        assert line.startswith(str(folder / name) + ": ")
        assert any("\u4e00" <= c <= "\u9fff" for c in line)      # a Chinese explanation
    assert any(ln.startswith(str(missing)) and "不存在" in ln for ln in lines)
    assert "符号链接循环" in next(ln for ln in lines if "12-loop" in ln)


def test_messages_say_what_to_do():
    cases = [
        (F.docx_plain(REPORT.splitlines())[:2000], "r.docx", "文件已损坏或不是有效的 .docx"),
        (F.pdf_image_only(), "r.pdf", "OCR"),
        (F.ole_with_stream("EncryptionInfo"), "r.docx", "取消密码"),
        (F.ole_with_stream("WordDocument"), "r.docx", "另存为"),
    ]
    from linter.readers import read_bytes

    for data, name, words in cases:
        with pytest.raises(ReadError) as err:
            read_bytes(data, name)
        assert words in err.value.message
        assert "\n" not in err.value.message


def test_size_limit_from_config(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert lint_path(str(path), Config(max_bytes=10 * 1024 * 1024)).error is None
    result = lint_path(str(path), Config(max_bytes=1024))
    assert result.error["code"] == "too-large"
    assert "上限" in result.error["message"]


@pytest.mark.parametrize("name, megabytes", [("scan-of-everything.txt", 50), ("scan-of-everything.docx", 250)])
def test_file_over_the_limit_is_refused_without_being_read(tmp_path, monkeypatch, name, megabytes):
    """Over 20 MB for a text file; a .docx may carry pictures (its text parts are limited,
    see tests/writers) but not beyond the 200 MB ceiling of the whole package."""
    import linter.readers as readers

    path = tmp_path / name
    with open(path, "wb") as fh:          # sparse: large on paper, nothing on disk
        fh.truncate(megabytes * 1024 * 1024)

    def no_open(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(readers, "open", no_open, raising=False)
    started = time.monotonic()
    with pytest.raises(ReadError) as err:
        read_path(str(path))
    assert time.monotonic() - started < 0.5
    assert err.value.code == "too-large" and f"{megabytes}.0 MB" in err.value.message


def test_device_named_as_a_report_is_refused_not_read_forever():
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    with pytest.raises(ReadError) as err:
        read_path("/dev/zero")
    assert err.value.code == "not-a-file"


def test_two_thousand_files(tmp_path):
    for d in range(20):
        sub = tmp_path / f"区县{d:02d}"
        sub.mkdir()
        for i in range(100):
            (sub / f"镇{i:03d}.txt").write_text(SHORT_REPORT, encoding="utf-8")
        (sub / "照片.jpg").write_bytes(b"\xff\xd8\xff")
        (sub / "~$镇000.docx").write_bytes(b"lock")
    files, problems = discover([str(tmp_path)])
    assert len(files) == 2000 and not problems
    assert files == sorted(files)
    started = time.monotonic()
    result = CliRunner().invoke(main, ["check", "--format", "concise", str(tmp_path)])
    assert time.monotonic() - started < 60          # no hang, no quadratic blow-up
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1 and result.stderr == ""
    reported = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    assert reported == set(files)


def test_symlink_loops_do_not_hang_discovery(tmp_path):
    tree = tmp_path / "tree"
    (tree / "a" / "b").mkdir(parents=True)
    (tree / "a" / "b" / "report.txt").write_text(SHORT_REPORT, encoding="utf-8")
    os.symlink(tree, tree / "a" / "b" / "back-to-top")           # a folder loop
    os.symlink("self.txt", tree / "self.txt")                     # a link to itself
    os.symlink(tree / "a", tree / "a-again")                      # the same folder twice
    started = time.monotonic()
    files, problems = discover([str(tree), str(tree / "a" / "b" / "report.txt")])
    assert time.monotonic() - started < 1
    assert sorted(os.path.relpath(f, tree) for f in files) == ["a/b/report.txt", "self.txt"]
    assert not problems
    result = lint_path(str(tree / "self.txt"))
    assert result.error["code"] == "unreadable" and "符号链接循环" in result.error["message"]


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    if os.geteuid() != 0:
        path.chmod(0)
        try:
            result = lint_path(str(path))
        finally:
            path.chmod(0o644)
    else:   # root reads everything: make open() refuse the way the OS would
        import linter.readers as readers

        def denied(*args, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))

        monkeypatch.setattr(readers, "open", denied, raising=False)
        result = lint_path(str(path))
    assert result.error["code"] == "unreadable"
    assert "没有读取权限" in result.error["message"]


def test_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "report.txt").write_text(SHORT_REPORT, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if os.path.basename(str(path)) == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, problems = discover([str(tmp_path)])
    assert [os.path.basename(f) for f in files] == ["report.txt"]
    assert problems == [(str(tmp_path / "locked"), "无法读取目录：没有读取权限")]


def test_nonexistent_path_only():
    result = run_check("/nonexistent/鸡冠石镇2024年报告.docx")
    assert result.exit_code == 2
    assert result.stderr.strip() == "/nonexistent/鸡冠石镇2024年报告.docx: 文件或目录不存在"


def test_parser_bug_becomes_a_read_error_not_a_traceback(tmp_path, monkeypatch):
    from linter.readers import docx as docx_reader

    def broken(data, name):
        raise IndexError("list index out of range (inside a third-party parser)")

    monkeypatch.setattr(docx_reader, "extract", broken)
    path = tmp_path / "odd.docx"
    path.write_bytes(F.docx_plain(REPORT.splitlines()))
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    result = run_check(tmp_path)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    err = json.loads(result.stdout)["files"][1]
    assert err["error"]["code"] == "parse-failed" and "无法解析" in err["error"]["message"]
    assert json.loads(result.stdout)["files"][0]["checklist"]


def test_unsupported_file_named_explicitly(tmp_path):
    path = tmp_path / "统计表.xlsx"
    path.write_bytes(b"PK\x03\x04")
    result = lint_path(str(path))
    assert result.error["code"] == "unsupported" and ".xlsx" in result.error["message"]


def test_a_directory_passed_to_read_path(tmp_path):
    with pytest.raises(ReadError) as err:
        read_path(str(tmp_path))
    assert err.value.code == "not-a-file"
