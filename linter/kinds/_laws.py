"""The law-title registry: national laws, administrative regulations and central Party rules.

Read from ``rules/data/law_titles.tsv`` and ``law_title_aliases.tsv`` (see the README there)
once per process, on first use. Lookups accept the full title (中华人民共和国行政处罚法), the
short form (行政处罚法), a registered alias (党章, 个保法) and titles with an edition note
(行政处罚法（2021年修订）) or without a （试行） the registry carries.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from ..data import read_tsv

PRC = "中华人民共和国"
# An edition or status note after a title: （2021年修订）（修正）（试行）（2019年版）
# (each optional part carries the spaces after it: \s*(?:…)?\s* in a row split a run of spaces n ways)
_EDITION = re.compile(r"[（(]\s*(?:\d{4}\s*(?:年\s*)?)?(?:(?:修订|修正|修改|版|试行|草案|征求意见稿)\s*)?(?:(?:本|版)\s*)?[）)]$")
_SPACES = re.compile(r"\s+")
# a title as a report writes it: 《中华人民共和国行政处罚法》
TITLE = re.compile(r"《([^《》\n]{1,60})》")


@dataclass(frozen=True)
class LawEntry:
    title: str                 # the full official title
    short: str                 # without a leading 中华人民共和国
    kind: str                  # constitution | law | administrative_regulation | party_regulation
    status: str                # in_force | repealed | unknown
    repealed_on: str = ""      # YYYY-MM-DD, when known
    replaced_by: str = ""      # full title of the successor, when known

    def form_like(self, written: str) -> str:
        """This title in the form the writer used (full or short)."""
        return self.title if written.startswith(PRC) or self.title == self.short else self.short


def clean(name: str) -> str:
    """A title as written, normalised for lookup: no spaces, full-width brackets."""
    name = _SPACES.sub("", name).replace("(", "（").replace(")", "）")
    return name.strip("“”\"'")


class Registry:
    def __init__(self, entries: list[LawEntry], aliases: dict[str, str]):
        self.entries = entries
        self.by_title = {e.title: e for e in entries}
        self.by_name: dict[str, LawEntry] = {}
        # In force first, so a short form shared by an old and a new title finds the new one.
        for e in sorted(entries, key=lambda e: e.status != "in_force"):
            for key in (e.title, e.short, _drop_trial(e.title), _drop_trial(e.short)):
                self.by_name.setdefault(key, e)
        for alias, title in aliases.items():
            if title in self.by_title:
                self.by_name.setdefault(alias, self.by_title[title])
        # Suggestions compare the distinctive part: a shared 中华人民共和国 would make any two
        # full titles look alike (监察法实施条例 vs 商标法实施条例).
        self.choices = sorted(k for k in self.by_name if not k.startswith(PRC))
        self.law_names = sorted((e.short for e in entries if e.short.endswith(("法", "法典"))), key=len, reverse=True)

    def lookup(self, name: str) -> LawEntry | None:
        name = clean(name)
        found = self.by_name.get(name)
        if found is None:
            bare = _EDITION.sub("", name)
            if bare != name:
                found = self.by_name.get(bare)
        return found

    def suggest(self, name: str, limit: int = 3, cutoff: float = 70) -> list[tuple[LawEntry, float]]:
        """The closest real titles (rapidfuzz ``fuzz.ratio``), preferring the same ending."""
        from rapidfuzz import fuzz, process

        name = _EDITION.sub("", clean(name))
        if name.startswith(PRC):
            name = name[len(PRC):]
        pool = self.choices
        # 监察法实施条例: a title built on a real law's name is about that law; only titles
        # built on the same law can be what was meant (行政复议法实施办法 → 行政复议法实施条例).
        base = next((law for law in self.law_names if name.startswith(law) and len(name) > len(law)), None)
        if base:
            pool = [c for c in pool if c.startswith(base) and c != base]
        hits = process.extract(name, pool, scorer=fuzz.ratio, limit=limit * 4, score_cutoff=cutoff)
        ending = ending_of(name)
        ranked = sorted(hits, key=lambda h: (ending_of(h[0]) != ending, -h[1]))
        out: list[tuple[LawEntry, float]] = []
        for choice, score, _ in ranked:
            entry = self.by_name[choice]
            if all(entry is not e for e, _ in out):
                out.append((entry, score))
            if len(out) >= limit:
                break
        return out


_ENDINGS = ("法典", "条例", "规定", "办法", "准则", "规则", "细则", "决定", "章程", "法")


def ending_of(title: str) -> str:
    title = _EDITION.sub("", title)
    return next((e for e in _ENDINGS if title.endswith(e)), "")


def _drop_trial(title: str) -> str:
    return title[:-4] if title.endswith("（试行）") else title


@functools.lru_cache(maxsize=4096)
def is_registered(title: str) -> bool:
    """Whether ``title`` names a law or regulation of the registry (every report cites the
    same few dozen: each title is looked up once per process)."""
    return registry().lookup(title) is not None


@functools.lru_cache(maxsize=1)
def registry() -> Registry:
    """The registry, read once per process."""
    entries = []
    for row in read_tsv("law_titles.tsv"):
        row = row + [""] * (7 - len(row))
        title, short, kind, status, _source, repealed_on, replaced_by = row[:7]
        entries.append(LawEntry(title, short or title, kind, status, repealed_on, replaced_by))
    aliases = {row[0]: row[1] for row in read_tsv("law_title_aliases.tsv") if len(row) >= 2}
    return Registry(entries, aliases)

