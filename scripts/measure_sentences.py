#!/usr/bin/env python
"""Measure the checklist on real sentences, each alone in an otherwise neutral report.

Usage (from the repository root):

    python scripts/measure_sentences.py [DIR | --corpus DIR] [-v]

DIR defaults to ../shared/corpus/sentences-dev (next to the repository or its worktree
folder). It holds sentences.yaml: real sentences written by governments, each with the
checklist id it (nearly) evidences and the state a reviewer gives it (present / weak /
missing), and whether it avoids the item's usual phrase (paraphrase). The text is a
third-party copy: it is read in place and never copied into the repository.

Each sentence is put into a minimal realistic report — a title, an intro, the four usual
parts with one neutral sentence each — in the part its ``slot`` names (measures by default,
the first-responsible-person part for frp.*). A section.* sentence is a heading: it stands in
for that part's heading; slot ``measures-subitem`` puts it as a sub-heading of the measures
part, and the report then has no part of that kind of its own. The report is linted and
checklist[id].state compared with the label.

Figures: recall on ``present`` (labelled present, read present), recall on paraphrases
(the same among paraphrase: true) and precision on near-misses (labelled weak/missing, not
read present), overall and per id. ``-v`` lists every disagreement with the sentence number.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import corpus_dir  # noqa: E402
from linter import Config, Document, analyze, lint  # noqa: E402
from linter.engine.ruleset import load_ruleset  # noqa: E402

YEAR = 2023
TITLE = "XX镇人民政府关于{year}年度法治政府建设情况的报告"
INTRO = "现将我镇{year}年度法治政府建设情况报告如下。"
HEADINGS = {
    "measures": "一、{year}年推进法治政府建设的主要举措和成效",
    "frp": "二、{year}年党政主要负责人履行推进法治建设第一责任人职责情况",
    "shortcomings": "三、{year}年推进法治政府建设存在的不足和原因",
    "plan": "四、{next}年推进法治政府建设的工作安排",
}
# One neutral sentence per part: on its own it evidences no checklist item.
NEUTRAL = {
    "measures": "我镇坚持稳中求进，各项工作平稳有序开展。",
    "frp": "镇党委书记高度重视，切实加强组织领导。",
    "shortcomings": "一是工作创新意识还不够强。",
    "plan": "一是进一步提高工作水平。",
}
# A sub-item sentence ("（二）…") follows a neutral first sub-item, as in a real report.
SUBITEM = "（一）统筹推进各项工作"
SECTION_PART = {"section.measures": "measures", "section.frp": "frp",
                "section.shortcomings": "shortcomings", "section.plan": "plan"}


def build_report(item: dict, year: int = YEAR) -> str:
    """The neutral report with the sentence in its place."""
    text = item["text"].strip()
    slot = item.get("slot")
    section = SECTION_PART.get(item["id"])
    slot = slot or ("frp" if item["id"].startswith("frp.") else "measures")
    lines = [TITLE, INTRO]
    for part, heading in HEADINGS.items():
        if section == part and slot != "measures-subitem":
            lines += [text, NEUTRAL[part]]          # the sentence is this part's heading
            continue
        if section == part:                          # the part exists only as a sub-item
            continue
        lines += [heading, NEUTRAL[part]]
        if part == "measures" and slot == "measures-subitem":
            lines += [SUBITEM, NEUTRAL["measures"], text, NEUTRAL["measures"]]
        elif part == slot and not section:
            lines.append(text)
    return "\n".join(x.format(year=year, next=year + 1) for x in lines)


def checklist_state(text: str, item_id: str, year: int = YEAR) -> str:
    doc = Document.from_text(text, path="sentence.txt")
    config = Config(year=year, level="township")
    ruleset = load_ruleset(analyze(doc, config).meta.ruleset)
    entry = lint(doc, config, ruleset).checklist.get(item_id)
    return entry.state if entry else "missing"


def filler_states(year: int = YEAR) -> dict[str, str]:
    """Checklist of the report with only the neutral sentences (should be missing throughout)."""
    text = build_report({"id": "none", "text": ""}, year)
    doc = Document.from_text(text, path="filler.txt")
    config = Config(year=year, level="township")
    result = lint(doc, config, load_ruleset(analyze(doc, config).meta.ruleset))
    return {k: v.state for k, v in result.checklist.items()}


def read_item(item: dict) -> str:
    """The state an item reads as in its neutral report — of the year it gives, if any (a
    sentence on 2020's 七五 plan is read in a report on 2020)."""
    year = int(item.get("year") or YEAR)
    return checklist_state(build_report(item, year), item["id"], year)


def tally(items: list[dict]) -> dict:
    """Each item read in its neutral report, and the figures over them: how many read as
    labelled, present read present (paraphrases apart), near-misses not read present."""
    read = [(item, read_item(item)) for item in items]
    present = [got for item, got in read if item["state"] == "present"]
    para = [got for item, got in read if item["state"] == "present" and item.get("paraphrase")]
    near = [got for item, got in read if item["state"] != "present"]
    return {"read": read, "items": len(read),
            "agreeing": sum(got == item["state"] for item, got in read),
            "present": len(present), "present_read": present.count("present"),
            "paraphrases": len(para), "paraphrases_read": para.count("present"),
            "near": len(near), "near_kept": sum(got != "present" for got in near)}


def ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {100 * a / b:5.1f} %" if b else "-"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=None,
                    help="folder holding sentences.yaml (default ../shared/corpus/sentences-dev)")
    ap.add_argument("--corpus", dest="corpus_option", metavar="DIR", help="the same, as an option")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    args = ap.parse_args(argv)
    corpus = corpus_dir(args.corpus_option or args.corpus, "sentences-dev", "sentences.yaml",
                        "measure_sentences.py")
    import yaml
    items = (yaml.safe_load((corpus / "sentences.yaml").read_text(encoding="utf-8")) or {}).get("sentences", [])

    used = [item for item in filler_states().items() if item[0] in {i["id"] for i in items}]
    not_missing = [k for k, v in used if v not in ("missing", "n/a")]
    if not_missing and args.verbose:
        print(f"note: the filler-only report already reads {', '.join(not_missing)} as non-missing")

    per_id = defaultdict(lambda: {"p": 0, "pt": 0, "para": 0, "parat": 0, "n": 0, "nt": 0})
    misses = []
    for item in items:
        got = read_item(item)
        want = item["state"]
        row = per_id[item["id"]]
        if want == "present":
            row["pt"] += 1
            row["p"] += got == "present"
            if item.get("paraphrase"):
                row["parat"] += 1
                row["para"] += got == "present"
        else:
            row["nt"] += 1
            row["n"] += got != "present"
        if got != want:
            misses.append((item, got))

    print(f"{'checklist id':34s} {'present':>8s} {'paraphr.':>8s} {'near-miss':>9s}")
    tot = defaultdict(int)
    for item_id in sorted(per_id):
        row = per_id[item_id]
        for k, v in row.items():
            tot[k] += v
        cell = lambda a, b: f"{row[a]}/{row[b]}" if row[b] else "-"  # noqa: E731
        print(f"{item_id:34s} {cell('p', 'pt'):>8s} {cell('para', 'parat'):>8s} {cell('n', 'nt'):>9s}")
    print()
    print(f"recall on present:       {ratio(tot['p'], tot['pt'])}   (target >= 95 %)")
    print(f"recall on paraphrases:   {ratio(tot['para'], tot['parat'])}   (target >= 80 %)")
    print(f"near-miss precision:     {ratio(tot['n'], tot['nt'])}   (target >= 90 %)")
    exact = len(items) - len(misses)
    print(f"exact state agreement:   {ratio(exact, len(items))}")
    if args.verbose and misses:
        print("\ndisagreements (n, id: label -> read):")
        for item, got in misses:
            flag = "  paraphrase" if item.get("paraphrase") else ""
            print(f"  n={item['n']:<4} {item['id']}: {item['state']} -> {got}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
