""".doc and .wps through the real LibreOffice (``soffice``, installed by ``.ci/run``).

A .doc is made from a seed report by LibreOffice itself (``--convert-to doc``, a private
profile, a time limit) and must read exactly as the seed's .txt does; a Kingsoft .wps is
the same OLE binary format under another suffix (tested as that .doc renamed .wps).
"""
from __future__ import annotations

import shutil
import subprocess

import pytest

from linter import lint_path
from linter.readers import read_bytes, read_path

from fixtures import SEEDS

SEED = next(SEEDS.glob("002_*.txt"))


@pytest.fixture(scope="module")
def seed_doc(tmp_path_factory) -> bytes:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    assert exe, "LibreOffice (soffice) is not installed: .ci/run installs libreoffice-writer-nogui"
    tmp = tmp_path_factory.mktemp("lo")
    source = tmp / "seed.txt"
    source.write_bytes(SEED.read_bytes())
    subprocess.run([exe, f"-env:UserInstallation=file://{tmp / 'profile'}", "--headless", "--norestore",
                    "--nologo", "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "doc",
                    "--outdir", str(tmp / "out"), str(source)],
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=180, check=True)
    data = (tmp / "out" / "seed.doc").read_bytes()
    assert data.startswith(b"\xd0\xcf\x11\xe0"), "LibreOffice did not write Word's binary format"
    return data


def _content(doc) -> list[str]:
    return [ln.text.strip() for ln in doc.content_lines()]


def test_doc_made_by_libreoffice_reads_as_the_txt(seed_doc, tmp_path):
    path = tmp_path / "鸡冠石镇2024年法治政府建设报告.doc"
    path.write_bytes(seed_doc)
    doc = read_path(str(path))
    assert doc.format == "doc" and doc.path == str(path)
    assert _content(doc) == _content(read_path(str(SEED)))


def test_kingsoft_wps_is_read_like_a_doc(seed_doc, tmp_path):
    path = tmp_path / "报告.wps"
    path.write_bytes(seed_doc)
    result = lint_path(str(path))
    expected = lint_path(str(SEED))
    assert result.error is None and result.format == "wps"
    assert result.meta["issuer"] == expected.meta["issuer"] and result.meta["report_year"] == 2024
    assert [d.code for d in result.diagnostics] == [d.code for d in expected.diagnostics]


def test_text_saved_as_doc_is_read_as_text_and_garbage_refused_quickly():
    text = SEED.read_bytes()
    assert _content(read_bytes(text, "报告.doc")) == _content(read_bytes(text, "r.txt"))
    with pytest.raises(Exception) as err:
        read_bytes(bytes(range(256)) * 40, "报告.wps")
    # a clerk is told the .wps is damaged and what to do, not that it "is not a text file"
    assert getattr(err.value, "code", None) == "corrupt"
    assert "不是有效的 .wps 文件" in str(err.value) and "另存为" in str(err.value)
