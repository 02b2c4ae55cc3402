"""Bureau profiles: a bureau's own requirements on top of the rule set, as one YAML file.

The file is read by ``workspace.profilefile``; this module is the model: what a profile
may say and how it extends a rule set. A configuration names the file (``profile: 区司法局要求.yaml`` in .fzlint.yaml, setup.cfg
[fzlint] or pyproject [tool.fzlint]); every report checked under that configuration is
checked against the rule set *extended* by the profile. Nothing in it needs Python:

    name: 示例区司法局 2025 年度报告要求          # shown by ``fzlint rule`` and in messages
    basis: 示例区司法局《关于…的通知》            # the basis of what the profile adds
    thresholds:                                # parameters of existing rules
      R205: 3                                  #   a number: at least N times (次/场/期)
      study-law-missing: 6                     #   a rule's code or name
      R206: {present: {min: 2, density: 0}}    #   a mapping: the rule's own parameters
    deadline: 01-31                            # local submission deadline (次年 月-日)
    items:                                     # extra required items: new checklist items
      - code: Q901
        name: legal-vice-principal
        label: 法治副校长                       # the checklist label (id: local.<name>)
        phrases: [法治副校长]
        require: mention                       # mention (default) | figure | act
    words:
      forbid: {法制政府: 法治政府}              # must-not-use → replacement (one rule, F990)
      allow: [执法必严]                         # allowed terms: typo rules stay silent inside them

Every problem is a ``ConfigError`` naming the profile file and the entry, in one Chinese
line. A rule the profile adds or changes carries ``profile`` (the file and its name), which
``fzlint rule CODE`` prints.
"""
from __future__ import annotations

import copy
import dataclasses
import os

from ..errors import ConfigError, FzlintError
from ..vocab import LOCAL_LABELS, SEVERITIES
from .ruleset import CODE, NAME, RuleSet, available_rulesets, load_ruleset, parse_rule

KEYS = ("name", "basis", "thresholds", "deadline", "items", "words")
WORDS_CODE = "F990"
_ITEM_KEYS = {"code", "name", "label", "phrases", "require", "parts", "severity", "message", "weak_message",
              "basis", "explanation", "suggestion", "examples", "sufficient", "acts", "zero", "ignore",
              "generic", "min_count", "window"}
_DEADLINE_RULE = "late-submission"      # the time check a local deadline tightens


@dataclasses.dataclass
class Profile:
    path: str
    name: str
    basis: str
    changes: dict            # rule code -> parameters to set
    added: list              # new Rule objects
    allowed: list            # terms typo/substitute rules leave alone
    labels: dict             # checklist id -> label, for the items

    @property
    def origin(self) -> str:
        return f"{self.path}（{self.name}）"

    def apply(self, ruleset: RuleSet) -> RuleSet:
        """The rule set extended by this profile (built once per rule set)."""
        cache = self.__dict__.setdefault("_applied", {})
        if ruleset.name not in cache:
            cache[ruleset.name] = self._extend(ruleset)
        return cache[ruleset.name]

    def _extend(self, ruleset: RuleSet) -> RuleSet:
        LOCAL_LABELS.update(self.labels)
        rules = []
        for rule in ruleset.rules:
            params = dict(rule.params)
            local = dict(copy.deepcopy(self.changes.get(rule.code, {})))
            params.update(local)
            if self.allowed and rule.kind in ("typo", "substitute"):
                key = "allowed" if rule.kind == "typo" else "except"
                params[key] = list(params.get(key, [])) + self.allowed
                local[key] = list(self.allowed)
            rules.append(dataclasses.replace(rule, params=params, profile=self.origin, local_params=local)
                         if local else rule)
        return RuleSet(ruleset.name, ruleset.title, ruleset.years, rules + list(self.added),
                       list(ruleset.notices))


def parse_profile(raw, path: str) -> Profile:
    """A profile from its parsed YAML; ``path`` names the file in every error."""
    if not isinstance(raw, dict):
        raise ConfigError("规则配置档应是“键: 值”的映射（name、thresholds、deadline、items、words）", path)
    def bad(entry: str, problem: str):
        return ConfigError(f"规则配置档的 {entry}：{problem}", path)

    for key in raw:
        if key not in KEYS:
            raise bad(str(key), f"未知的项（可用：{', '.join(KEYS)}）")
    name = str(raw.get("name") or os.path.splitext(os.path.basename(path))[0])
    basis = str(raw.get("basis") or f"{name}（本地要求）")
    rules = {}
    for rs in available_rulesets():
        for r in load_ruleset(rs).rules:
            rules.setdefault(r.code, r)
            rules.setdefault(r.name, r)
    changes: dict[str, dict] = {}

    thresholds = raw.get("thresholds") or {}
    if not isinstance(thresholds, dict):
        raise bad("thresholds", "应是“规则代码或名称: 次数”的映射")
    for key, value in thresholds.items():
        rule = rules.get(str(key)) or rules.get(str(key).upper())
        entry = f"thresholds.{key}"
        if rule is None:
            raise bad(entry, "没有这条规则（用 fzlint rules 查看规则代码和名称）")
        if isinstance(value, bool) or not isinstance(value, (int, dict)):
            raise bad(entry, "应是次数（正整数）或该规则参数的映射")
        if isinstance(value, int):
            if rule.kind != "topic":
                raise bad(entry, f"{rule.code} 不是计次数的事项规则（kind: {rule.kind}），请写成参数映射")
            value = {"min_count": value}
        _check_params(rule, value, entry, bad)
        changes.setdefault(rule.code, {}).update(value)

    if raw.get("deadline") is not None:
        deadline = raw["deadline"]
        target = next((r for r in rules.values() if r.kind == "time" and r.params.get("check") == _DEADLINE_RULE),
                      None)
        if target is None:
            raise bad("deadline", "规则集中没有报送期限规则")
        value = {"deadline": str(deadline).strip()}
        _check_params(target, value, "deadline", bad)
        changes.setdefault(target.code, {}).update(value)

    added, labels = [], {}
    items = raw.get("items") or []
    if not isinstance(items, list):
        raise bad("items", "应是事项列表")
    for i, item in enumerate(items, 1):
        entry = f"items 第{i}项" + (f"（{item.get('code')}）" if isinstance(item, dict) and item.get("code") else "")
        rule, label = _item_rule(item, entry, bad, name, basis, path, rules)
        rules[rule.code] = rules[rule.name] = rule
        added.append(rule)
        labels[rule.checklist] = label

    allowed: list[str] = []
    words = raw.get("words") or {}
    if not isinstance(words, dict):
        raise bad("words", "应是映射（forbid、allow、code）")
    for key in words:
        if key not in ("forbid", "allow", "code", "severity"):
            raise bad(f"words.{key}", "未知的项（可用：forbid、allow、code、severity）")
    if words.get("allow") is not None:
        allowed = words["allow"]
        if not isinstance(allowed, list) or not all(isinstance(w, str) and w.strip() for w in allowed):
            raise bad("words.allow", "应是词语列表")
        allowed = [w.strip() for w in allowed]
    if words.get("forbid"):
        forbid = words["forbid"]
        if not isinstance(forbid, dict) or not all(isinstance(k, str) and isinstance(v, str) and k and v
                                                   for k, v in forbid.items()):
            raise bad("words.forbid", "应是“不用的词: 应改为”的映射")
        code = str(words.get("code", WORDS_CODE))
        if code in rules:
            raise bad("words.code", f"{code} 已被规则 {rules[code].name} 使用，请另选代码")
        example_word, example_right = next(iter(forbid.items()))
        raw_rule = {
            "code": code, "name": "profile-forbidden-word", "kind": "substitute",
            "severity": words.get("severity", "warning"), "terms": dict(forbid), "safe": False,
            "message": f"“{{found}}”不符合本地用语要求（{name}），应改为“{{replacement}}”",
            "basis": basis,
            "explanation": f"{name}列出的不用词语及其替换写法（本地要求，不是全国统一规定）。",
            "suggestion": "改为“{replacement}”。",
            "examples": {"fail": [f"全年开展{example_word}相关工作。"], "pass": [f"全年开展{example_right}相关工作。"]},
        }
        rule = _parse_rule(raw_rule, "words.forbid", bad, path)
        added.append(dataclasses.replace(rule, profile=f"{path}（{name}）"))
    return Profile(path, name, basis, changes, [dataclasses.replace(r, profile=f"{path}（{name}）")
                                                if not r.profile else r for r in added], allowed, labels)


def _item_rule(item, entry, bad, name, basis, path, rules):
    if not isinstance(item, dict):
        raise bad(entry, "应是映射（code、name、label、phrases …）")
    for key in item:
        if key not in _ITEM_KEYS:
            raise bad(f"{entry}.{key}", f"未知的项（可用：{', '.join(sorted(_ITEM_KEYS))}）")
    for key in ("code", "name", "label", "phrases"):
        if not item.get(key):
            raise bad(entry, f"缺少 {key}")
    code, rule_name, label = str(item["code"]), str(item["name"]), str(item["label"])
    if not CODE.match(code):
        raise bad(entry, "code 应为一个大写字母加三位数字，如 Q901")
    if not NAME.match(rule_name):
        raise bad(entry, "name 应为 kebab-case（小写字母、数字和连字符），如 legal-vice-principal")
    if code in rules or rule_name in rules:
        clash = code if code in rules else rule_name
        raise bad(entry, f"{clash} 已被规则 {rules[clash].code} 使用，请另选")
    if item.get("severity", "warning") not in SEVERITIES:
        raise bad(entry, f"severity 应为 {'/'.join(SEVERITIES)}")
    raw = {k: v for k, v in item.items() if k != "label"}
    raw.update({
        "kind": "topic", "checklist": f"local.{rule_name}", "severity": item.get("severity", "warning"),
        "require": item.get("require", "mention"),
        "message": item.get("message") or f"未写明{label}的情况（本地要求：{name}）",
        "weak_message": item.get("weak_message") or f"{label}只写了“{{found}}”，没有具体做法或数字（本地要求：{name}）",
        "basis": item.get("basis") or basis,
        "explanation": item.get("explanation") or f"{name}要求报告写明{label}。这是本地增加的必写事项。",
        "examples": item.get("examples") or {"fail": ["全年开展法治讲座4次。"],
                                             "pass": [f"{item['phrases'][0]}工作全年开展4次。"]},
    })
    return _parse_rule(raw, entry, bad, path), label


def _parse_rule(raw, entry, bad, path):
    try:
        return parse_rule(raw, path)
    except FzlintError as exc:
        raise bad(entry, exc.message) from None


def _check_params(rule, value, entry, bad):
    from .. import kinds
    merged = dict(rule.params)
    merged.update(value)
    problems = kinds.validate(rule.kind, merged)
    if problems:
        raise bad(entry, "；".join(problems))
