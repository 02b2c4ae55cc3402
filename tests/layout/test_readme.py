"""The README and docs say what the repository has: generated tables are fresh, and nothing
points outside the repository."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_generated_tables_match_the_rules():
    # (the script lints the 11,470 independent sentences: about a minute, over two on a loaded
    # machine; the bound only keeps a hang from holding up the run)
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "readme_tables.py"), "--check"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_readme_speaks_only_of_the_repository():
    for name in ["README.md", *(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md"))]:
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "../shared" not in text.replace("`../shared/corpus/dev/` beside the checkout", ""), name


def test_layout_section_names_every_layer():
    from layout_table import LAYERS  # noqa: F401  (the same table test_layers uses)
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Layout"):]
    for names in LAYERS.values():
        for name in names:
            if name not in ("__init__", "__main__"):
                assert f" {name}" in section, name
