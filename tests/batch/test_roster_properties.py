"""Whatever a bureau gives as its roster, ``read_roster`` reads it or says why in one
``FzlintError`` (the report command's one Chinese line), never another exception."""
from __future__ import annotations

import datetime
import io

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.batch.units import read_roster
from linter.errors import FzlintError

BOUNDED = settings(max_examples=40, deadline=datetime.timedelta(seconds=10), derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow])
CELLS = st.one_of(st.none(), st.text(st.sampled_from(list("单位层级截止日期unitlevdn,\"\n\r 南岸区峡口镇乡街道3月15日-2025")),
                                     max_size=12),
                  st.integers(-5, 3000), st.floats(allow_nan=True), st.datetimes())
HEADERS = st.sampled_from([["单位", "层级", "截止日期"], ["unit", "level", "deadline"], ["序号", "单位"], []])


def _workbook(header, rows) -> bytes:
    book = openpyxl.Workbook()
    for row in [header] + rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _read(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    try:
        entries = read_roster(str(path))
    except FzlintError as exc:
        assert exc.message and "Traceback" not in exc.message
        return None
    assert all(e.unit for e in entries)
    return entries


@BOUNDED
@given(data=st.binary(max_size=600), name=st.sampled_from(["名单.csv", "名单.xlsx", "名单.xls", "名单"]))
def test_any_bytes_as_a_roster_read_or_give_one_error(tmp_path_factory, data, name):
    _read(tmp_path_factory.mktemp("r"), name, data)


@BOUNDED
@given(header=HEADERS, rows=st.lists(st.lists(CELLS, max_size=5), max_size=6),
       flips=st.lists(st.tuples(st.integers(0, 4000), st.integers(0, 255)), max_size=3))
def test_any_workbook_or_a_damaged_one_reads_or_gives_one_error(tmp_path_factory, header, rows, flips):
    data = bytearray(_workbook(header, rows))
    for at, value in flips:
        data[at % len(data)] = value
    _read(tmp_path_factory.mktemp("r"), "名单.xlsx", bytes(data))
