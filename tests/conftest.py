from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so CI passes or fails on the code, not
# on the draw; scripts/fuzz.py is where new inputs are explored.
settings.register_profile("fzlint", derandomize=True)
settings.load_profile("fzlint")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture
def seed():
    return seed_path
