"""Rules are data: YAML files under ``rules/`` interpreted by the kinds in ``linter.kinds``.

A rule file holds ``rules:``, a list of rules. A rule set file (``rules/<name>.yaml``)
names the rule files it includes. Loading validates every rule and fails loudly, naming
the file and the rule, so a rule that can never fire is caught at load time.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..data import cached, rules_dir, yaml_loader
from ..errors import FzlintError, RuleError, os_problem
from ..document.index import vocabulary_of
from ..document.result import Diagnostic, Fix
from ..vocab import FAMILIES, LEVELS, SEVERITIES, checklist_label

CODE = re.compile(r"^[A-Z]\d{3}$")
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DEFAULT_RULESET = "outline-2021-2025"
_COMMON_KEYS = {"code", "name", "kind", "severity", "message", "basis", "explanation", "suggestion",
                "checklist", "levels", "years", "examples", "confidence", "fixable", "url"}


@dataclass
class Rule:
    """One validated rule: its code, kind, texts and the kind's parameters."""

    code: str
    name: str
    kind: str
    severity: str
    message: str
    basis: str
    explanation: str
    suggestion: str = ""
    checklist: str | None = None
    levels: tuple[str, ...] | None = None      # None: every level
    years: tuple[int | None, int | None] = (None, None)
    confidence: str = "V"                     # V verified, P partly, R recalled
    examples: dict = field(default_factory=dict)
    params: dict = field(default_factory=dict)
    source: str = ""
    profile: str = ""                         # the bureau profile that added or changed it
    local_params: dict = field(default_factory=dict)   # the parameters that profile set
    url: str = ""

    @property
    def family(self) -> str:
        return self.code[0]

    def applies_to_year(self, year: int | None) -> bool:
        lo, hi = self.years
        if year is None:
            return True
        return (lo is None or year >= lo) and (hi is None or year <= hi)

    def applies_to_level(self, level: str | None) -> bool:
        return self.levels is None or level is None or level in self.levels

    def diagnostic(self, span, message: str | None = None, fix: Fix | None = None,
                   context: str = "", **values) -> Diagnostic:
        """A diagnostic of this rule at a span; ``values`` fill {placeholders}."""
        text = (message or self.message).format_map(_Defaults(values))
        suggestion = self.suggestion.format_map(_Defaults(values)) if self.suggestion else ""
        return Diagnostic(self.code, self.name, self.severity, text, span.line, span.column,
                          span.end_line, span.end_column, self.basis, self.checklist, fix,
                          suggestion, context=context)

    def summary(self) -> dict:
        return {"code": self.code, "name": self.name, "kind": self.kind, "severity": self.severity,
                "message": self.message, "basis": self.basis, "explanation": self.explanation,
                "suggestion": self.suggestion, "checklist": self.checklist,
                "levels": list(self.levels) if self.levels else None, "years": list(self.years),
                "confidence": self.confidence, "examples": self.examples, "source": self.source,
                "profile": self.profile, "local_params": self.local_params}


class _Defaults(dict):
    def __missing__(self, key):
        return "{" + key + "}"


@dataclass
class RuleSet:
    """A rule set's validated rules and what its manifest says (title, years, notices)."""

    name: str
    title: str
    years: tuple[int | None, int | None]
    rules: list[Rule]
    notices: list[dict] = field(default_factory=list)

    def phrase_lists(self) -> list:
        """Every phrase list the rules and the shared reading vocabulary hold, ``@name``
        entries expanded: what the index is asked for."""
        from ..kinds import _concepts as concepts  # the shared reading vocabulary (@name lists)
        lists = [v for v in concepts.vocabulary().values() if isinstance(v, list)]
        for rule in self.rules:
            for value in rule.params.values():
                if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                    lists.append(concepts.expand(value))
                elif isinstance(value, dict):
                    lists.extend(concepts.expand(v) for v in value.values() if isinstance(v, list))
                elif isinstance(value, list):      # concepts: a list of {things, acts, …}
                    lists.extend(concepts.expand(v) for d in value if isinstance(d, dict)
                                 for v in d.values() if isinstance(v, list))
        return lists

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every plain phrase the rules look for (phrase lists, themes), and the literals their
        regexes are filtered by: what the document index finds in its one scan."""
        return vocabulary_of(self.phrase_lists())

    @cached_property
    def raw_vocabulary(self) -> frozenset[str]:
        """Every literal a kind looks for in the user's own text (quotes kept: a kind's
        ``raw_words(params)``, e.g. typo's wrong forms): what the index finds in its one scan
        of the content, for every such rule at once."""
        from .. import kinds
        words: set[str] = set()
        for rule in self.rules:
            gather = getattr(kinds.module(rule.kind), "raw_words", None)
            if gather is not None:
                words.update(w for w in gather(rule.params) if isinstance(w, str) and w)
        return frozenset(words)

    def by_code(self, code: str) -> Rule | None:
        return next((r for r in self.rules if r.code == code), None)

    def mentioning(self, words: str) -> list[Rule]:
        """The rules whose message, checklist item or name holds ``words`` (a clerk looks a
        rule up by what it is about: fzlint rule 民法典)."""
        needle = words.strip().lower()
        if not needle:
            return []
        return [r for r in self.rules
                if needle in r.message.lower() or needle in r.name
                or (r.checklist and needle in checklist_label(r.checklist).lower())]

    def notices_for(self, year: int | None) -> list[str]:
        out = []
        for n in self.notices:
            lo = n.get("from_year")
            if year is not None and (lo is None or year >= lo):
                out.append(n["text"])
        return out


def available_rulesets() -> list[str]:
    return sorted(p.stem for p in rules_dir().glob("outline-*.yaml"))


@functools.lru_cache(maxsize=1)
def manifest_years() -> dict[str, tuple[int | None, int | None]]:
    """Each rule set's declared report years (``years: [from, to]`` in its manifest)."""
    names = available_rulesets()

    def read():
        out = {}
        for name in names:
            spec = _read_yaml(rules_dir() / f"{name}.yaml") or {}
            lo, hi = (list(spec.get("years") or [None, None]) + [None, None])[:2]
            out[name] = (lo, hi)
        return out

    return cached("manifests", [rules_dir() / f"{name}.yaml" for name in names] + [Path(__file__)], read,
                  valid=lambda v: isinstance(v, dict) and list(v) == names)


def choose_ruleset(year: int | None, years: dict | None = None) -> str:
    """The rule set whose manifest covers the report year; where several do, the one that
    starts latest (a new outline's manifest, ``years: [2026, null]``, takes over from the
    open-ended one before it with no code change). Unknown year: the default rule set."""
    years = manifest_years() if years is None else years
    if year is None:
        return DEFAULT_RULESET
    fitting = [name for name, (lo, hi) in years.items()
               if (lo is None or year >= lo) and (hi is None or year <= hi)]
    if not fitting:
        return DEFAULT_RULESET
    return max(fitting, key=lambda name: (years[name][0] or 0, name))


@functools.lru_cache(maxsize=8)
def load_ruleset(name: str = DEFAULT_RULESET) -> RuleSet:
    """A rule set, validated. Parsing and validating ~25 YAML files is most of a one-file
    run's start, so the result is kept in a cache file (``linter.data.cached``) keyed on every
    rule file and the code that validates them (any edit rebuilds it); on a hit not even the
    manifest is parsed. Without a writable cache folder it is simply rebuilt each run."""
    base = rules_dir()
    path = base / f"{name}.yaml"
    if not path.exists():
        raise RuleError(f"没有名为 {name} 的规则集（可用：{', '.join(available_rulesets())}）", str(path))
    return cached(f"ruleset-{name}", _sources(base, path), lambda: _build(name, path),
                  valid=lambda v: isinstance(v, RuleSet) and v.name == name)


def _sources(base: Path, manifest: Path) -> list[Path]:
    """What a rule set is made of without reading its manifest: the manifest, every YAML file
    under the rules folder (the rule files any manifest can include, the shared reading
    vocabulary), and the code that validates rules and gathers their vocabulary (this module,
    every kind's module, the index's phrase list): a changed ``validate`` must not be hidden
    behind rules cached by the old one."""
    here = Path(__file__).resolve().parent.parent
    code = [Path(__file__), here / "document" / "index.py", here / "text" / "literals.py",
            *sorted((here / "kinds").glob("*.py"))]
    return [manifest, *sorted(p for p in base.rglob("*.yaml") if p != manifest), *code]


def _build(name: str, path: Path) -> RuleSet:
    base = path.parent
    spec = _read_yaml(path)
    files = [file for pattern in spec.get("include", []) for file in sorted(base.glob(pattern))]
    rules: list[Rule] = []
    for file in files:
        rules.extend(load_rule_file(file))
    _check_unique(rules, path)
    years = tuple(spec.get("years", [None, None]))
    ruleset = RuleSet(name, spec.get("title", name), years, rules, spec.get("notices", []))
    ruleset.vocabulary  # noqa: B018 - computed once, kept in the cache file with the rules
    ruleset.raw_vocabulary  # noqa: B018 - likewise
    return ruleset


def load_rule_file(path: Path) -> list[Rule]:
    data = _read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError("规则文件应包含 rules: 列表", str(path))
    return [parse_rule(raw, str(path)) for raw in data["rules"]]


def parse_rule(raw: dict, source: str = "<rule>") -> Rule:
    from .. import kinds  # late: kinds import this module's Rule for typing only

    if not isinstance(raw, dict):
        raise RuleError(f"规则应是一个映射，得到 {type(raw).__name__}", source)
    label = raw.get("code") or raw.get("name") or "?"
    problems = []
    for key in ("code", "name", "kind", "severity", "message", "basis", "explanation"):
        if not raw.get(key):
            problems.append(f"缺少 {key}")
    if raw.get("code") and not CODE.match(str(raw["code"])):
        problems.append("code 应为一个大写字母加三位数字，如 E301")
    elif raw.get("code") and raw["code"][0] not in FAMILIES:
        problems.append(f"code 的字母应是规则族之一：{''.join(FAMILIES)}")
    if raw.get("name") and not NAME.match(str(raw["name"])):
        problems.append("name 应为 kebab-case（小写字母、数字和连字符）")
    if raw.get("severity") and raw["severity"] not in SEVERITIES:
        problems.append(f"severity 应为 {'/'.join(SEVERITIES)}")
    if raw.get("kind") and raw["kind"] not in kinds.KINDS:
        problems.append(f"未知的 kind: {raw['kind']}（可用：{', '.join(sorted(kinds.KINDS))}）")
    if raw.get("levels") and not set(raw["levels"]) <= set(LEVELS):
        problems.append(f"levels 只能取 {list(LEVELS)}")
    examples = raw.get("examples") or {}
    if not examples.get("fail") or not examples.get("pass"):
        problems.append("examples 需要至少一个 fail 和一个 pass 例句")
    params = {k: v for k, v in raw.items() if k not in _COMMON_KEYS}
    if not problems:
        problems.extend(kinds.validate(raw["kind"], params))
    if problems:
        raise RuleError(f"规则 {label}：" + "；".join(problems), source)
    years = raw.get("years") or [None, None]
    return Rule(code=raw["code"], name=raw["name"], kind=raw["kind"], severity=raw["severity"],
                message=tidy(raw["message"]), basis=tidy(raw["basis"]),
                explanation=tidy(raw["explanation"]), suggestion=tidy(raw.get("suggestion", "")), checklist=raw.get("checklist"),
                levels=tuple(raw["levels"]) if raw.get("levels") else None,
                years=(years[0], years[1]), confidence=raw.get("confidence", "V"),
                examples=examples, params=params, source=source, url=raw.get("url", ""))


_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》〔〕"
_FOLDED_SPACE = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")


def tidy(text: str) -> str:
    """Undo YAML line folding inside Chinese text: ``>-`` joins lines with a space, which
    Chinese does not use."""
    return _FOLDED_SPACE.sub("", str(text or "").strip())


def _check_unique(rules: list[Rule], path: Path) -> None:
    seen: dict[str, str] = {}
    for r in rules:
        for key in (r.code, r.name):
            if key in seen:
                raise RuleError(f"规则 {key} 重复定义（{seen[key]} 与 {r.source}）", str(path))
            seen[key] = r.source


def _read_yaml(path: Path):
    """A rule file, parsed once per process while it is unchanged (the common rule files
    are included by every rule set). Callers must not mutate what it returns."""
    import yaml   # here: a run whose rule sets come from the cache parses no YAML
    try:
        st = path.stat()
        return _parsed(str(path), st.st_mtime_ns, st.st_size)
    except yaml.YAMLError as exc:
        raise RuleError(f"YAML 语法错误：{exc}", str(path)) from None
    except OSError as exc:
        raise RuleError(f"无法读取：{os_problem(exc)}", str(path)) from None


@functools.lru_cache(maxsize=256)
def _parsed(path: str, mtime_ns: int, size: int):
    import yaml
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yaml_loader())


def rules_for_results(results) -> dict:
    """code -> Rule for every rule set the results were checked against (for rule docs in output)."""
    return rules_for_rulesets({(r.meta or {}).get("ruleset") for r in results if r.meta} - {None})


def rules_for_rulesets(names) -> dict:
    """code -> Rule for these rule sets (the default one when none is named)."""
    names = sorted(names) or [DEFAULT_RULESET]
    rules = {}
    for name in names:
        try:
            for rule in load_ruleset(name).rules:
                rules.setdefault(rule.code, rule)
        except FzlintError:
            continue
    return rules
