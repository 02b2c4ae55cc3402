"""Last year's plan against this year's report.

The plan part of a report (the outline's part of kind ``plan``) lists what the unit means
to do next year, as enumerations (一是… 二是…) or sub-headings (（一）…). Each item is read
by its headline (the words up to its first full stop), and its *content words* (jieba
words of two characters or more that are not generic: 加强, 推进, 工作 … — see
``rules/data/plan_generic_words.tsv``).

An item is ``followed`` when one sentence of the next year's measures or
first-responsible-person part holds at least half of the item's content words (and two at
least, or all when the item has fewer); else ``not-found``. The evidence is the best such
sentences with their lines, so a reader can judge.
"""
from __future__ import annotations

import re

from .words import content_words

MAX_ITEM_CHARS = 160
EVIDENCE = 3
_SENTENCE = re.compile(r"[^。；！？!?;]+[。；！？!?;]?")


def _headline(text: str) -> str:
    text = text.strip()
    m = re.search(r"[。；;]", text)
    head = text[:m.end()] if m and m.start() >= 6 else text
    return head if len(head) <= MAX_ITEM_CHARS else head[:MAX_ITEM_CHARS - 2] + "……"


def plan_items(doc, outline) -> list[dict]:
    """The items of the report's plan part: ``{"line", "text", "words"}``."""
    parts = [p for p in outline.parts if p.kind == "plan"]
    if not parts:
        return []
    items: list[dict] = []
    heading_lines = {h.line: h for h in outline.headings}
    for part in parts:
        paragraphs = []
        for number in range(part.start, part.end + 1):
            ln = doc.line(number)
            if ln.chrome or not ln.stripped:
                continue
            h = heading_lines.get(number)
            if h is not None and number == part.start and part.heading is not None:
                continue                                  # the part's own heading
            paragraphs.append((number, ln.norm, h))
        for number, text, h in paragraphs:
            # the outline's enumerations (一是/二是 where they start an item, even run on)
            starts = _with_gaps_filled(text, outline.enumerations.get(number, []))
            if starts:
                for i, start in enumerate(starts):
                    piece = text[start:starts[i + 1] if i + 1 < len(starts) else len(text)]
                    items.append(_item(number, piece))
            elif h is not None:
                items.append(_item(number, text.strip()))
        if not items:            # a plan written as plain paragraphs: each is an item
            items.extend(_item(number, text.strip()) for number, text, _ in paragraphs if len(text.strip()) >= 12)
    return [i for i in items if i["words"]]


def _with_gaps_filled(text: str, enums: list[tuple[int, int]]) -> list[int]:
    """Offsets of the items 一是、二是…; an item run on without punctuation (…等内容三是…)
    is found from the gap it leaves in the numbering (二是 then 四是)."""
    starts = []
    for n, (number, offset) in enumerate(enums):
        starts.append(offset)
        if n + 1 < len(enums) and enums[n + 1][0] == number + 2 and 1 <= number + 1 <= 10:
            missing = text.find("一二三四五六七八九十"[number] + "是", offset + 2, enums[n + 1][1])
            if missing > 0:
                starts.append(missing)
    return starts


def _item(line: int, text: str) -> dict:
    head = _headline(text)
    found = content_words(head)
    if len(found) < 2:                # a bare headline (“一是强化学习。”): read the item itself
        found |= content_words(text[:MAX_ITEM_CHARS])
    return {"line": line, "text": head, "words": sorted(found)}


def work_sentences(doc, outline) -> list[tuple[int, str, list[str]]]:
    """The sentences of the measures and frp parts: (line, sentence, content words)."""
    out = []
    seen: set[int] = set()
    for part in outline.parts:
        if part.kind not in ("measures", "frp"):
            continue
        for number in range(part.start, part.end + 1):
            if number in seen:
                continue
            seen.add(number)
            ln = doc.line(number)
            if ln.chrome or not ln.stripped:
                continue
            for sentence in _SENTENCE.findall(ln.stripped):
                found = content_words(sentence)
                if found:
                    out.append((number, sentence.strip()[:MAX_ITEM_CHARS], sorted(found)))
    return out


def follow(items: list[dict], work: list[tuple[int, str, list[str]]]) -> list[dict]:
    """Each plan item with its ``state`` and the evidence lines in the later report."""
    sets = [(line, text, set(ws)) for line, text, ws in work]
    out = []
    for item in items:
        wanted = set(item["words"])
        need = min(len(wanted), max(2, (len(wanted) + 1) // 2))
        scored = sorted(((len(wanted & ws), line, text) for line, text, ws in sets if wanted & ws),
                        key=lambda x: (-x[0], x[1]))
        good = [(line, text) for hits, line, text in scored if hits >= need][:EVIDENCE]
        out.append({"text": item["text"], "line": item["line"],
                    "state": "followed" if good else "not-found",
                    "evidence": [{"line": line, "text": text} for line, text in good]})
    return out
