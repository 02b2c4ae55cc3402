"""What one report contributes to the overview, computed in a worker process.

``collect(job)`` reads and lints one file exactly as ``fzlint check`` does, then keeps only
what the overview needs:

- a small *summary*, sent back to the main process, of which a row is held there for the
  whole run: path, unit name as written, year, level, date, the checklist's states, finding
  counts, and the report's MinHash signature (kept only as 40 band keys) for copy detection;
- the unit page's HTML (checklist, findings, text with findings highlighted), written to
  disk by the main process at once and then dropped;
- a *detail* record, stored on disk only (in the cache folder) and read back for the few
  pairs of reports that are compared closely: each line's shingles and text, the plan
  part's items, and the sentences of the measures and first-responsible-person parts (for
  plan tracking).

So the main process never holds a whole document, and memory grows by a few hundred bytes
per report, not by the report's size.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from .cache import Cache, key_for
from .copies import SHINGLE_WORDS, signature
from .promises import plan_items, work_sentences
from .words import shingle_hashes, without_common_wording, words

# Bump when the summary or detail records change shape (old cache entries then miss).
RECORD_VERSION = "overview-3"
STATE_CODES = {"present": "P", "weak": "W", "missing": "M", "n/a": "N", "unknown": "U"}


@dataclass
class Job:
    path: str               # as the user named it (or as found under a folder)
    shown: str              # the path as ``check`` shows it
    config: object          # linter Config
    store: str              # the folder detail records (and, when caching, summaries) go to
    use_cache: bool = True


def collect(job: Job) -> dict:
    """Summary (with ``html`` and ``findings`` to stream on) for one file."""
    data = _bytes_for_key(job.path, job.config)
    store = Cache(job.store)
    key = key_for(data, job.config, RECORD_VERSION) if data is not None else None
    if key and job.use_cache:
        hit = store.get(key + "-summary")
        if hit is not None:
            hit["path"], hit["cached"] = job.shown, True
            return hit
    summary, detail = _compute(job)
    summary["key"] = key
    # A file that could not be read is not cached: the cause may lie outside the file
    # (LibreOffice missing for a .wps, a permission) and be put right without touching it.
    if key and not summary["error"]:
        store.put(key + "-detail", detail)
        if job.use_cache:
            store.put(key + "-summary", summary)
    summary["cached"] = False
    return summary


def detail_of(store: str, key: str) -> dict | None:
    return Cache(store).get(key + "-detail") if key else None


def _bytes_for_key(path: str, config) -> bytes | None:
    """The file's bytes, or None when reading it will fail anyway (the reader then says
    why, as ``check`` does; failures are not cached)."""
    try:
        if not os.path.isfile(path) or os.path.getsize(path) > config.max_bytes:
            return None
        with open(path, "rb") as fh:
            return fh.read(config.max_bytes + 1)
    except OSError:
        return None


def _compute(job: Job) -> tuple[dict, dict]:
    from ..engine.run import analyze, lint_analysis
    from ..errors import FzlintError
    from ..readers import read_path
    from .html import report_fragment

    summary = {"path": job.shown, "format": None, "error": None, "meta": {}, "checklist": "",
               "checklist_ids": [], "counts": {"error": 0, "warning": 0, "info": 0, "suppressed": 0},
               "findings": [], "has_plan": False, "signature": None, "shingles": 0, "html": "",
               "fail_on": job.config.fail_on}
    try:
        doc = read_path(job.path, job.config.max_bytes)
    except FzlintError as exc:
        summary["error"] = exc.to_dict()
        return summary, {}
    analysis = analyze(doc, job.config)          # once: the lint and the overview read the same outline
    result = lint_analysis(analysis, job.config)
    result.path = job.shown
    outline = analysis.outline
    meta = result.meta or {}
    summary["format"] = result.format
    summary["meta"] = {k: meta.get(k) for k in ("title", "issuer", "issuers", "report_year", "level",
                                                 "date", "ruleset", "report_like")}
    checklist = result.checklist or {}
    summary["checklist_ids"] = list(checklist)
    summary["checklist"] = "".join(STATE_CODES.get(e.shown_state, "N") for e in checklist.values())
    for d in result.diagnostics:
        summary["counts"]["suppressed" if d.suppressed else d.severity] += 1
        if not d.suppressed:
            summary["findings"].append((d.line, d.column, d.severity, d.code, d.name, d.message,
                                        d.checklist or ""))
    plan = plan_items(doc, outline)
    summary["has_plan"] = bool(plan)
    headings = {h.line for h in outline.headings}
    lines, all_hashes = [], set()
    for ln in doc.lines:
        if ln.chrome or ln.number in headings or not ln.stripped:
            continue
        hashes = shingle_hashes(words(without_common_wording(ln.stripped)), SHINGLE_WORDS)
        if hashes:
            lines.append((ln.number, hashes))
            all_hashes.update(hashes)
    summary["signature"] = signature(all_hashes)
    summary["shingles"] = len(all_hashes)
    summary["html"] = report_fragment(doc, result)
    detail = {"lines": lines,
              "text": {n: doc.line(n).text.strip() for n, _ in lines},
              "work": work_sentences(doc, outline), "plan": plan}
    return summary, detail

