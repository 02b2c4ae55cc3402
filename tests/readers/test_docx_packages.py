"""The .docx reader opens a plain package itself (lxml, no python-docx: a third of a one-file
run) and leaves every other one to python-docx: both ways must read a report alike, and a
damaged package must get the answer python-docx gives — or be read where python-docx crashes."""
from __future__ import annotations

import io
import random
import subprocess
import sys
import textwrap
import zipfile

import pytest

import fixtures as F
from linter.errors import ReadError
from linter.readers import docx as reader

SEEDS = ["000", "002", "004"]


def _through_python_docx(data: bytes):
    try:
        return reader.lines_and_levels(reader.parts_of(reader.open_document(data, "报告.docx")))
    except ReadError as e:
        return ("refused", e.code, e.message)
    except Exception as e:  # noqa: BLE001 - python-docx itself failing on a damaged package
        return ("crashed", type(e).__name__)


def _as_read(data: bytes):
    try:
        return reader.extract(data, "报告.docx")
    except ReadError as e:
        return ("refused", e.code, e.message)
    except Exception as e:  # noqa: BLE001 - (read_bytes turns this into a "parse-failed" refusal)
        return ("crashed", type(e).__name__)


def _packages():
    for seed in SEEDS:
        lines = F.seed_lines(seed)
        yield f"plain-{seed}", F.docx_plain(lines)
        yield f"styled-{seed}", F.docx_styled(lines)
        yield f"autonumbered-{seed}", F.docx_autonumbered(lines)
    yield "table", F.docx_with_table(F.seed_lines("002")[:6], [["序号", "事项", "完成情况"], ["1", "行政复议", "办结3件"]],
                                     F.seed_lines("002")[6:12])


@pytest.mark.parametrize("name,data", list(_packages()), ids=lambda v: v if isinstance(v, str) else "")
def test_a_plain_package_is_read_without_python_docx_and_alike(name, data):
    assert reader._plain_parts(data) is not None            # the package is plain: read here
    lines, levels = reader.extract(data, "报告.docx")
    assert (lines, levels) == _through_python_docx(data)
    assert any(line.strip() for line in lines)
    if name.startswith("styled"):
        assert levels                                        # heading levels from the styles part


def _damaged(data: bytes, rnd: random.Random, how: int) -> bytes:
    """One member of the package changed: bytes flipped, the member dropped, a piece cut or doubled."""
    source = zipfile.ZipFile(io.BytesIO(data))
    target = rnd.choice(source.namelist())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as damaged:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename == target and blob:
                if how == 1:
                    continue
                if how == 2:
                    i = rnd.randrange(len(blob))
                    j = min(len(blob), i + rnd.randint(1, 80))
                    blob = blob[:i] + (blob[i:j] * 2 if rnd.random() < 0.5 else b"") + blob[j:]
                else:
                    flipped = bytearray(blob)
                    for _ in range(rnd.randint(1, 4)):
                        flipped[rnd.randrange(len(flipped))] = rnd.randrange(256)
                    blob = bytes(flipped)
            damaged.writestr(info, blob)
    return out.getvalue()


def test_a_damaged_package_gets_python_docx_s_answer():
    """600 damaged packages (a fixed seed): where python-docx reads or refuses, the reader does
    the same; where it crashes, the reader may read (what python-docx choked on is no part the
    reader needs) or refuse."""
    rnd = random.Random(20261207)
    packages = [data for _, data in _packages()]
    plain = differ = 0
    for k in range(600):
        data = _damaged(packages[k % len(packages)], rnd, k % 3)
        expected, got = _through_python_docx(data), _as_read(data)
        plain += reader._plain_parts(data) is not None
        if expected[0] == "crashed":
            continue
        differ += expected != got
    assert differ == 0
    assert plain > 100                      # many still read here: most damage is in other parts


def test_reading_a_docx_does_not_import_python_docx(tmp_path):
    path = tmp_path / "报告.docx"
    path.write_bytes(F.docx_styled(F.seed_lines("002")))
    script = textwrap.dedent(f"""
        import sys
        from linter.readers import read_path
        doc = read_path({str(path)!r})
        print(len(doc.lines) > 10, "docx" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["True", "False"], out.stderr
