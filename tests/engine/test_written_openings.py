"""Report openings written by writers who had not seen the rules (independent-openings/: the
first 550–900 characters of 42 reports as a web page copy shows them, chrome included, with a
reviewer-style label per checklist field). Their labels stand where fzlint disagrees, so the set
is held to floors (a fall below one is a regression), measured as scripts/measure_dev.py and
scripts/measure_checklist.py measure the real dev excerpts."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import measure_checklist  # noqa: E402
import measure_dev  # noqa: E402

OPENINGS = Path(__file__).parent / "independent-openings"


def test_written_openings_give_year_level_issuer_and_the_leaders_part_as_labelled():
    m = measure_dev.measure(OPENINGS)
    listed = "\n".join(m["problems"])
    assert m["read"] == m["files"] == 42, listed
    for field, floor in (("year", 0.97), ("level", 0.9), ("issuer", 0.95), ("frp", 0.95)):
        right, labelled = m[field]
        assert right >= floor * labelled, f"{field} {right}/{labelled}\n{listed}"


def test_written_openings_read_on_the_checklist_as_labelled():
    m = measure_checklist.measure(OPENINGS)
    wrong = "\n".join(f"{fid} {field}={value} -> {item} is {got}" for fid, field, value, item, got, _ in m["misses"])
    agree, total = sum(m["agree"].values()), sum(m["total"].values())
    named, labelled_named = sum(m["pos_agree"].values()), sum(m["pos_total"].values())
    assert agree >= 0.97 * total, f"{agree}/{total}\n{wrong}"
    assert named >= 0.96 * labelled_named, f"{named}/{labelled_named}\n{wrong}"
