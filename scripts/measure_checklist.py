#!/usr/bin/env python
"""Measure the checklist against a reviewer's labels on the dev excerpts.

Usage (from the repository root):

    python scripts/measure_checklist.py [CORPUS_DIR] [-v] [--detect]

CORPUS_DIR defaults to ../shared/corpus/dev. It holds NNN.txt excerpts, index.tsv (id,
level, report_year, …) and labels.yaml (the reviewer's reading of each excerpt). The
excerpts are third-party copies: they are read in place at run time and never copied into
the repository.

Each label field is mapped to a checklist id and to the states that agree with it:

- yes/no fields (enf_publicity, legal_advisor, …): true agrees with present or weak (the
  item is named), false with missing or n/a;
- graded fields: frp_study_law with_count/no_count/none → present/weak/missing;
  pop_constitution and pop_civil_code publicity/study_only/none → present/weak/missing;
  quantified yes/weak/no/n/a → present/weak/missing/n/a; sec_frp heading → present,
  subsection or mention → weak, none → missing.

The excerpts are the first 570–850 characters of each report, so later parts (shortcomings,
plan) are expected to be missing, and the labels say so. By default the report year and level
come from index.tsv (this script measures the checklist, not metadata extraction);
``--detect`` lets fzlint infer them. ``-v`` lists every disagreement.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import corpus_dir  # noqa: E402
from linter.config import Config  # noqa: E402
from linter.document.document import Document  # noqa: E402
from linter.engine.run import analyze, lint  # noqa: E402
from linter.errors import RuleError  # noqa: E402
from linter.data import rules_dir  # noqa: E402
from linter.engine.ruleset import RuleSet, load_rule_file, load_ruleset  # noqa: E402

NAMED = ("present", "weak")
ABSENT = ("missing", "n/a")
YES_NO = {True: NAMED, False: ABSENT}
GRADED = {
    "with_count": ("present",), "no_count": ("weak",), "none": ABSENT,
    "publicity": ("present",), "study_only": ("weak",),
    "yes": ("present",), "weak": ("weak",), "no": ("missing",), "n/a": ("n/a",),
    "heading": ("present",), "subsection": ("weak",), "mention": ("weak",),
    True: NAMED, False: ABSENT, "true": NAMED, "false": ABSENT, "paraphrase": NAMED,
}

# label field -> (checklist id, value -> agreeing states)
FIELDS = {
    "sec_measures": ("section.measures", YES_NO),
    "sec_frp": ("section.frp", GRADED),
    "sec_shortcomings": ("section.shortcomings", YES_NO),
    "sec_causes": ("section.causes", YES_NO),
    "sec_plan": ("section.plan", YES_NO),
    "frp_four_personally": ("frp.four-personally", GRADED),
    "frp_report_law": ("frp.report-law", YES_NO),
    "frp_study_law": ("frp.study-law", GRADED),
    "court_appearance": ("frp.court-appearance", YES_NO),
    "enf_publicity": ("enforcement.publicity", YES_NO),
    "enf_recording": ("enforcement.recording", YES_NO),
    "enf_legal_review": ("enforcement.legal-review", YES_NO),
    "pop_whoever_enforces": ("popularization.whoever-enforces", YES_NO),
    "pop_constitution": ("popularization.constitution", GRADED),
    "pop_civil_code": ("popularization.civil-code", GRADED),
    "pop_legal_literate": ("popularization.legal-literate", YES_NO),
    "pop_eighth_plan": ("popularization.current-plan", YES_NO),
    "major_decision_procedure": ("decision.major-procedure", YES_NO),
    "legal_advisor": ("decision.legal-advisor", YES_NO),
    "quantified": ("evidence.quantified", GRADED),
}


def load_index(corpus: Path) -> dict[str, dict]:
    with open(corpus / "index.tsv", encoding="utf-8", newline="") as fh:
        return {row["id"].strip().zfill(3): row for row in csv.DictReader(fh, delimiter="\t")}


def load_labels(corpus: Path) -> dict[str, dict]:
    import yaml
    data = yaml.safe_load((corpus / "labels.yaml").read_text(encoding="utf-8")) or {}
    return {str(k).zfill(3): v for k, v in data.items()}


_RULESETS: dict[str, RuleSet] = {}


def ruleset_for(name: str) -> RuleSet:
    """The named rule set; if a rule file in it does not load (work in progress elsewhere),
    the other files are still used and the broken one is named on stderr."""
    if name not in _RULESETS:
        try:
            _RULESETS[name] = load_ruleset(name)
        except RuleError as exc:
            import yaml
            print(f"warning: rule set {name} does not load ({exc}); loading file by file",
                  file=sys.stderr)
            base = rules_dir()
            spec = yaml.safe_load((base / f"{name}.yaml").read_text(encoding="utf-8"))
            rules = []
            for pattern in spec.get("include", []):
                for file in sorted(base.glob(pattern)):
                    try:
                        rules.extend(load_rule_file(file))
                    except (RuleError, Exception) as err:  # noqa: BLE001 - report and go on
                        print(f"warning: skipped {file.name}: {err}", file=sys.stderr)
            _RULESETS[name] = RuleSet(name, spec.get("title", name), tuple(spec.get("years", [None, None])),
                                      rules, spec.get("notices", []))
    return _RULESETS[name]


def check_file(path: Path, year: int | None, level: str | None):
    doc = Document.from_text(path.read_text(encoding="utf-8"), path=str(path))
    config = Config(year=year, level=level)
    analysis = analyze(doc, config)
    return lint(doc, config, ruleset_for(analysis.meta.ruleset))


def measure(corpus: Path, detect: bool = False) -> dict:
    """Per label field: how many labels agree with the checklist, and the disagreements.

    Returns {"agree", "total", "pos_agree", "pos_total"} (each field -> count) and "misses"
    [(id, field, label value, checklist id, state found, first evidence line or None)]."""
    index, labels = load_index(corpus), load_labels(corpus)
    agree = {f: 0 for f in FIELDS}
    total = {f: 0 for f in FIELDS}
    pos_agree = {f: 0 for f in FIELDS}      # labels that say the item is there
    pos_total = {f: 0 for f in FIELDS}
    misses = []
    for fid in sorted(labels):
        path = corpus / f"{fid}.txt"
        if not path.exists():
            continue
        row = index.get(fid, {})
        year = None if detect or not row.get("report_year") else int(row["report_year"])
        level = None if detect else (row.get("level") or None)
        result = check_file(path, year, level)
        for field, (item, mapping) in FIELDS.items():
            if field not in labels[fid]:
                continue
            value = labels[fid][field]
            want = mapping.get(value)
            if want is None:
                continue
            entry = result.checklist.get(item)
            got = entry.state if entry else "missing"
            total[field] += 1
            positive = want != ABSENT and want != ("n/a",)
            pos_total[field] += positive
            if got in want:
                agree[field] += 1
                pos_agree[field] += positive
            else:
                line = entry.evidence[0] if entry and entry.evidence else None
                misses.append((fid, field, value, item, got, line))
    return {"agree": agree, "total": total, "pos_agree": pos_agree, "pos_total": pos_total,
            "misses": misses}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=None, help="the dev corpus (default ../shared/corpus/dev)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    ap.add_argument("--detect", action="store_true",
                    help="let fzlint infer report year and level instead of using index.tsv")
    args = ap.parse_args(argv)
    corpus = corpus_dir(args.corpus, "dev", "index.tsv", "measure_checklist.py")
    m = measure(corpus, args.detect)
    agree, total, pos_agree, pos_total, misses = (m[k] for k in ("agree", "total", "pos_agree", "pos_total", "misses"))

    print(f"{'label field':26s} {'checklist id':34s} agree            labelled present")
    for field, (item, _) in FIELDS.items():
        if total[field]:
            pos = f"{pos_agree[field]:3d}/{pos_total[field]:<3d}" if pos_total[field] else "  -"
            print(f"{field:26s} {item:34s} {agree[field]:3d}/{total[field]:<3d} {100 * agree[field] / total[field]:5.1f}%"
                  f"   {pos}")
    a, t = sum(agree.values()), sum(total.values())
    pa, pt = sum(pos_agree.values()), sum(pos_total.values())
    print(f"{'overall':61s} {a:3d}/{t:<3d} {100 * a / t:5.1f}%   {pa:3d}/{pt:<3d} {100 * pa / pt:5.1f}%")
    informative = [f for f in FIELDS if not f.startswith("sec_") or f == "sec_frp"]
    ai, ti = sum(agree[f] for f in informative), sum(total[f] for f in informative)
    print(f"{'overall without the parts cut off (sec_* but sec_frp)':61s} {ai:3d}/{ti:<3d} {100 * ai / ti:5.1f}%")
    if args.verbose and misses:
        print("\ndisagreements:")
        for fid, field, value, item, got, line in misses:
            where = f"  line {line.line}: {line.text[:50]}" if line else ""
            print(f"  {fid} {field}={value!s} -> {item} is {got}{where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
