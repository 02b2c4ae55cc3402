"""Reports written by writers who had not seen the rules, in the dev excerpts' format:
independent-openings/ (the first 550–900 characters of 332 reports as a web page copy shows them,
chrome included) and independent-reports/ (twelve complete reports), each with a reviewer-style
label per field. Their labels stand where fzlint disagrees, so each set is held to floors (a
fall below one is a regression), measured as scripts/measure_dev.py and
scripts/measure_checklist.py measure the real dev excerpts."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import measure_checklist  # noqa: E402
import measure_dev  # noqa: E402

HERE = Path(__file__).parent
# folder, files, floors of (year, level, issuer, leaders' part), floors of (fields, fields labelled there)
SETS = [("independent-openings", 332, (0.97, 0.9, 0.95, 0.93), (0.97, 0.96)),
        ("independent-reports", 12, (1.0, 0.9, 0.9, 0.9), (0.95, 0.95))]


@pytest.mark.parametrize("folder, files, meta_floors, _", SETS, ids=[s[0] for s in SETS])
def test_written_reports_give_year_level_issuer_and_the_leaders_part_as_labelled(folder, files, meta_floors, _):
    m = measure_dev.measure(HERE / folder)
    listed = "\n".join(m["problems"])
    assert m["read"] == m["files"] == files, listed
    for field, floor in zip(("year", "level", "issuer", "frp"), meta_floors):
        right, labelled = m[field]
        assert right >= floor * labelled, f"{field} {right}/{labelled}\n{listed}"


@pytest.mark.parametrize("folder, _, __, floors", SETS, ids=[s[0] for s in SETS])
def test_written_reports_read_on_the_checklist_as_labelled(folder, _, __, floors):
    m = measure_checklist.measure(HERE / folder)
    wrong = "\n".join(f"{fid} {field}={value} -> {item} is {got}" for fid, field, value, item, got, _ in m["misses"])
    agree, total = sum(m["agree"].values()), sum(m["total"].values())
    named, labelled_named = sum(m["pos_agree"].values()), sum(m["pos_total"].values())
    assert agree >= floors[0] * total, f"{agree}/{total}\n{wrong}"
    assert named >= floors[1] * labelled_named, f"{named}/{labelled_named}\n{wrong}"
