"""The checklist on sentences written the way reports phrase each item (written/sentences.yaml):
each, alone in an otherwise neutral report, reads the state a reviewer gives it."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from measure_sentences import build_report, checklist_state  # noqa: E402

SENTENCES = yaml.safe_load((Path(__file__).parent / "written" / "sentences.yaml").read_text(encoding="utf-8"))["sentences"]


@pytest.mark.parametrize("item", SENTENCES, ids=[f"{s['n']}-{s['id']}-{s['state']}" for s in SENTENCES])
def test_a_written_sentence_reads_as_a_reviewer_reads_it(item):
    assert checklist_state(build_report(item), item["id"]) == item["state"], item["text"]

