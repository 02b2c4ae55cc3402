"""Sentence and paragraph windows in a text."""
from __future__ import annotations

import functools
import re


SENTENCE_STOP = "。！？；\n"


PARAGRAPH_STOP = "\n"
# Clause stops: every sentence stop (full- and half-width), the comma and colon kinds, and a tab
# (the cells of a table row pasted as text are clauses of their own).
CLAUSE_STOP = "，,；;。！？!?：:\t\n"


# A sentence that goes on telling the one before it: it opens on the event, the person or the
# thing that sentence named ("…召开年终述职会。会上，9名站所长…"; "…举办法治专题讲座。讲座由
# 省委党校教授主讲，…86人参加"; "…来到区人民法院。在一起…纠纷的庭审中，她…"; "…是一名退休
# 教师。2025年以来，她参与调解…14起"). Told so, the
# figure or the act of one event may stand in the sentence after the one naming it.
CONTINUES = re.compile(r"(?:(?:在[^，。；！？\n]{1,24}(?:上|中|期间)|[^，。；！？\n]{1,12}(?:以来|当天|当日|之后))[，,]\s*)?"
                       r"(?:会上|会议上|会中|会后|课上|讲座(?:由|上|中)|培训(?:由|上|中)|庭审(?:中|上|时)|"
                       r"活动(?:中|上|现场)|现场|此次|本次|这次|该次|期间|其间|其中|他|她|该同志|该平台|该系统)"
                       # (…据此制定年度推进计划: its subject may come first)
                       r"|[^，。；！？\n]{0,8}?(?:据此|为此|对此)")


def sentence_bounds(text: str, start: int, end: int, stops: str = SENTENCE_STOP) -> tuple[int, int]:
    """The sentence (or paragraph) around text[start:end]: (first offset, end offset)."""
    a = max(text.rfind(c, 0, start) for c in stops) + 1
    ends = [i for i in (text.find(c, end) for c in stops) if i != -1]
    return a, (min(ends) if ends else len(text))


@functools.lru_cache(maxsize=16)
def stop_class(stops: str) -> "re.Pattern[str]":
    """One character class of these stops: found by a regex scan, not a Python loop over
    every character."""
    return re.compile("[" + re.escape(stops) + "]")
