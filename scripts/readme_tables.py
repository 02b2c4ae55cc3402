"""Regenerate the generated blocks of README.md and docs/json.md from the rules themselves (never edit them by hand).

    python scripts/readme_tables.py           # rewrite README.md in place
    python scripts/readme_tables.py --check   # exit 1 if README.md is out of date

A block lies between ``<!-- generated:NAME -->`` and ``<!-- end:NAME -->``.
``tests/layout/test_readme.py`` fails when a block differs from what this script writes.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter import kinds  # noqa: E402
from linter.engine.ruleset import available_rulesets, load_ruleset  # noqa: E402
from linter.vocab import FAMILIES, FAMILY_SUMMARIES  # noqa: E402

_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
            9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen",
            15: "fifteen", 16: "sixteen"}


def _words(n: int) -> str:
    return _NUMBERS.get(n, str(n))


def rules_block() -> str:
    """The default rule set's counts per family, and the kinds that read them."""
    rules = {r.code: r for name in available_rulesets() for r in load_ruleset(name).rules}
    per_family = Counter(code[0] for code in rules)
    used_kinds = sorted({r.kind for r in rules.values()})
    lines = [f"{len(rules)} rules in {_words(len(per_family))} families, as YAML data in `rules/`, "
             f"read by {_words(len(used_kinds))} rule *kinds* ({', '.join(used_kinds)}; one module",
             "each in `linter/kinds/`). `fzlint rules` lists them and `fzlint rule CODE` prints one rule's",
             "explanation, legal basis and examples.", "",
             "| family | rules | what |", "|---|---|---|"]
    for letter in FAMILIES:
        if per_family.get(letter):
            name = FAMILIES[letter].split(" ", 1)[-1]
            lines.append(f"| {letter} {name} | {per_family[letter]} | {FAMILY_SUMMARIES[letter]} |")
    return "\n".join(lines)


def checklist_block() -> str:
    """The checklist ids and their labels, in the order users see them."""
    from linter.vocab import checklist_items
    lines = ["| id | 中文名称 |", "|---|---|"]
    lines += [f"| `{item}` | {label} |" for item, label in checklist_items().items()]
    return "\n".join(lines)


def written_block() -> str:
    """How many sentences the written set holds, by the state they are labelled with."""
    import yaml
    items = yaml.safe_load((ROOT / "tests/engine/written/sentences.yaml").read_text(encoding="utf-8"))["sentences"]
    states = Counter(item["state"] for item in items)
    ids = {item["id"] for item in items}
    return "\n".join([
        "| written sentences | checklist items | labelled present | weak | missing | paraphrases |",
        "|---|---|---|---|---|---|",
        f"| {len(items)} | {len(ids)} | {states['present']} | {states['weak']} | {states['missing']} "
        f"| {sum(1 for item in items if item.get('paraphrase'))} |"])


def independent_block() -> str:
    """How the sentences written without the rules read (tests/engine/independent*)."""
    import yaml
    sys.path.insert(0, str(ROOT / "scripts"))
    from measure_sentences import tally
    rows = ["| set | sentences | read as labelled | present read present | paraphrases read present | near-misses not read present |",
            "|---|---|---|---|---|---|"]
    for folder, label in (("independent", "a hundred and twenty-eight writers, report and news wording"),
                          ("independent-paraphrases", "two writers, items told without their names (stress sets)")):
        t = tally(yaml.safe_load((ROOT / "tests/engine" / folder / "sentences.yaml").read_text(encoding="utf-8"))["sentences"])
        rows.append(f"| {label} | {t['items']} | {t['agreeing']} | {t['present_read']}/{t['present']} "
                    f"| {t['paraphrases_read']}/{t['paraphrases']} | {t['near_kept']}/{t['near']} |")
    return "\n".join(rows)


def openings_block() -> str:
    """How the reports written without the rules read (tests/engine/independent-openings, -reports)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import measure_checklist
    import measure_dev
    rows = ["| set | reports | report year | level | issuer | leaders' part (heading/sub-item/mention/none) "
            "| checklist fields as labelled | fields labelled there, read there |",
            "|---|---|---|---|---|---|---|---|"]
    for folder, label in (("independent-openings", "openings of 550–900 characters, thirty-eight writers"),
                          ("independent-reports", "complete reports, two writers")):
        path = ROOT / "tests/engine" / folder
        meta, checks = measure_dev.measure(path), measure_checklist.measure(path)
        agree, total = sum(checks["agree"].values()), sum(checks["total"].values())
        named, labelled_named = sum(checks["pos_agree"].values()), sum(checks["pos_total"].values())
        rows.append(f"| {label} | {meta['files']} | {'/'.join(map(str, meta['year']))} "
                    f"| {'/'.join(map(str, meta['level']))} | {'/'.join(map(str, meta['issuer']))} "
                    f"| {'/'.join(map(str, meta['frp']))} | {agree}/{total} | {named}/{labelled_named} |")
    return "\n".join(rows)


BLOCKS = {"rules": rules_block, "checklist": checklist_block, "written": written_block,
          "independent": independent_block, "openings": openings_block}
DOCUMENTS = ("README.md", "docs/json.md")
_BLOCK = re.compile(r"(<!-- generated:(\w+) -->\n)(.*?)(<!-- end:\2 -->)", re.S)


def render(readme: str) -> str:
    def fill(m: re.Match) -> str:
        make = BLOCKS.get(m.group(2))
        return m.group(1) + make() + "\n" + m.group(4) if make else m.group(0)
    return _BLOCK.sub(fill, readme)


def main(argv: list[str]) -> int:
    stale = []
    for name in DOCUMENTS:
        path = ROOT / name
        old = path.read_text(encoding="utf-8")
        new = render(old)
        if new != old:
            stale.append(name)
            if "--check" not in argv:
                path.write_text(new, encoding="utf-8")
    if stale and "--check" in argv:
        print(f"out of date: {', '.join(stale)}; run python scripts/readme_tables.py")
        return 1
    return 0


if __name__ == "__main__":
    assert kinds  # imported so every kind registers before rules load
    sys.exit(main(sys.argv[1:]))
