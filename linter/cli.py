"""The ``fzlint`` command: a thin layer over the library API.

Exit codes (``fzlint check``):

- 0: nothing at or above the fail level (``--fail-on``, default warning), or ``--exit-zero``;
- 1: findings at or above the fail level (with ``--diff``: some file would change);
- 2: a usage error, bad configuration or waivers, an unwritable ``--output``, a path that
  does not exist, or a file that could not be read (the other files are still checked).

Every mistake a user can make is reported as one line (in Chinese) on standard error,
never as a traceback.
"""
from __future__ import annotations

import os
import sys

import click

from . import __version__
from .errors import FzlintError
from .result import SEVERITIES, SEVERITY_RANK

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LEVELS = ("township", "county", "city", "province", "department")


class Abort(Exception):
    """A user's mistake: print ``message`` on one line and exit 2."""


def _use_color(no_color: bool) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fzlint")
def main():
    """fzlint：法治政府建设年度报告合规检查工具。"""


def _codes(values) -> list[str]:
    out = []
    for v in values or ():
        out.extend(c.strip() for c in v.replace(" ", ",").split(",") if c.strip())
    return out


def _globs(values) -> list[str]:
    return [g.strip() for v in values for g in v.split(",") if g.strip()]


def _formats():
    from .formats import FORMATS
    return FORMATS


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", default="text", show_default=True, metavar="FORMAT",
              help="输出格式：text、concise、json、json-lines、sarif、github、junit、csv、gitlab")
@click.option("-o", "--output", default=None, metavar="FILE", help="把结果写入文件（而不是屏幕）")
@click.option("--statistics", is_flag=True, help="只显示每条规则的问题数")
@click.option("--select", multiple=True, help="只启用这些规则（代码或前缀，逗号分隔，可重复）")
@click.option("--extend-select", multiple=True, help="在默认或配置的规则之外再启用")
@click.option("--ignore", multiple=True, help="停用这些规则（代码或前缀）")
@click.option("--fail-on", default=None, metavar="LEVEL",
              help="达到此级别的问题使退出码为 1：error、warning（默认）、info")
@click.option("--ruleset", default=None, help="指定规则集（默认按报告年度选择）")
@click.option("--year", default=None, metavar="YEAR", help="报告所属年度（覆盖自动识别）")
@click.option("--level", default=None, metavar="LEVEL",
              help="报告单位层级（覆盖自动识别）：township、county、city、province、department")
@click.option("--no-color", is_flag=True, help="不使用颜色")
@click.option("--config", "config_file", default=None, metavar="FILE",
              help="使用此配置文件（不再查找 .fzlint.yaml / setup.cfg / pyproject.toml）")
@click.option("--waivers", "waivers_file", default=None, metavar="FILE", help="豁免文件（YAML）")
@click.option("--fix", is_flag=True, help="自动修复可安全修复的问题（只改 .txt/.md 文件）")
@click.option("--diff", is_flag=True, help="只显示 --fix 会做的修改（统一差异格式），不写文件")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="搜索目录时跳过这些文件（通配符，逗号分隔；取代默认的 README.md 等）")
@click.option("--extend-exclude", multiple=True, metavar="GLOB", help="在默认或配置之外再跳过这些文件")
@click.option("--exit-zero", is_flag=True, help="发现问题时退出码仍为 0（无法读取的文件仍为 2）")
@click.option("--today", default=None, hidden=True, help="按此日期（YYYY-MM-DD）判断豁免是否过期")
def check(paths, fmt, output, statistics, select, extend_select, ignore, fail_on, ruleset, year,
          level, no_color, config_file, waivers_file, fix, diff, exclude, extend_exclude, exit_zero, today):
    """检查报告文件或目录（递归）。"""
    try:
        code = _check(paths, fmt, output, statistics, select, extend_select, ignore, fail_on, ruleset,
                      year, level, no_color, config_file, waivers_file, fix, diff, exit_zero, today,
                      exclude, extend_exclude)
    except Abort as exc:
        click.echo(f"fzlint: {exc}", err=True)
        code = EXIT_ERROR
    except FzlintError as exc:
        click.echo(exc.line(), err=True)
        code = EXIT_ERROR
    sys.exit(code)


def _check(paths, fmt, output, statistics, select, extend_select, ignore, fail_on, ruleset, year,
           level, no_color, config_file, waivers_file, fix, diff, exit_zero, today,
           exclude=(), extend_exclude=()) -> int:
    from .config import excluded
    from .configfile import Overrides, Resolver, known_targets, read_config_file, selector_problem
    from .discover import discover
    from .engine import lint_path
    from .formats import FORMATS, Options, Stream, render, streams
    from .waivers import load_waivers

    # -- options -----------------------------------------------------------------------
    if fmt not in FORMATS:
        raise Abort(f"未知的输出格式 {fmt}（可用：{', '.join(FORMATS)}）")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise Abort(f"--fail-on 应为 {' / '.join(SEVERITIES)} 之一，得到 {fail_on}")
    if level is not None and level not in LEVELS:
        raise Abort(f"--level 应为 {' / '.join(LEVELS)} 之一，得到 {level}")
    year_value = None
    if year is not None:
        if not (year.isdigit() and 1990 <= int(year) <= 2100):
            raise Abort(f"--year 应为四位年份，如 2024，得到 {year}")
        year_value = int(year)
    if today is not None:
        from .waivers import _date
        if _date(today) is None:
            raise Abort(f"--today 应为日期 YYYY-MM-DD，得到 {today}")
    if fix and diff:
        raise Abort("--fix 与 --diff 只能选一个（--diff 只显示修改，不写文件）")
    codes, waiver_targets, rulesets = known_targets()
    if ruleset is not None and ruleset not in rulesets:
        raise Abort(f"没有名为 {ruleset} 的规则集（可用：{', '.join(rulesets)}）")
    selections = {}
    for option, values in (("--select", select), ("--extend-select", extend_select), ("--ignore", ignore)):
        parsed = [c.upper() for c in _codes(values)]
        for c in parsed:
            problem = selector_problem(c, codes)
            if problem:
                raise Abort(f"{option} 中的 {c}：{problem}")
        selections[option] = parsed
    if output is not None:
        _check_writable(output)
    waivers = load_waivers(waivers_file, waiver_targets) if waivers_file else None
    overrides = Overrides(select=selections["--select"] if select else None,
                          extend_select=selections["--extend-select"], ignore=selections["--ignore"],
                          fail_on=fail_on, ruleset=ruleset, year=year_value, level=level,
                          waivers=waivers, today=today,
                          exclude=_globs(exclude) if exclude else None, extend_exclude=_globs(extend_exclude))
    if config_file is not None:
        read_config_file(config_file, codes, rulesets)       # fail early, before any linting
    resolver = Resolver(overrides, config_file, codes, waiver_targets, rulesets)

    # -- files and their configuration (all configuration errors before any output) ----
    files, missing = discover(list(paths))
    for path, problem in missing:
        click.echo(f"{path}: {problem}", err=True)
    named = {os.path.normcase(os.path.abspath(p)) for p in paths if not os.path.isdir(p)}
    configs = {path: resolver.config_for(path) for path in files}
    files = [p for p in files
             if os.path.normcase(os.path.abspath(p)) in named or not excluded(configs[p], p)]
    if not files and not missing:
        click.echo("没有找到可检查的报告文件（.docx .doc .wps .pdf .txt .md .html）", err=True)

    # -- lint (and fix), output as results come ------------------------------------------
    main_fail_on = fail_on or (configs[files[0]].fail_on if files else "warning")
    color = output is None and _use_color(no_color)
    keep = statistics or fix or diff or not streams(fmt)     # what needs the whole run
    options = Options(color=color, fail_on=main_fail_on, version=__version__)
    sink = None if keep else _Sink(output, color)
    stream = None if sink is None else Stream(fmt, options, sink.write)
    results, outcomes, tally = [], [], _Tally()
    try:
        for path in files:
            config = configs[path]
            result = lint_path(path, config)
            if result.error:
                click.echo(f"{path}: {result.error['message']}", err=True)
            elif fix or diff:
                from .fixes import fix_file
                outcome = fix_file(path, config, write=fix, result=result, display=_shown(path))
                outcomes.append(outcome)
                if outcome.refused:
                    click.echo(outcome.refused, err=True)
                result = outcome.result
            tally.add(result, config.fail_on)
            if stream is None:
                results.append(result)
            else:
                stream.add(result)
        if stream is not None:
            stream.close()
    finally:
        if sink is not None:
            sink.close()
    usage_problem = bool(missing) or not files

    if diff:
        text = "".join(o.diff for o in outcomes)
        _fix_summary(outcomes, applied=False)
        _emit(text, output, color=False)
        if usage_problem or tally.unreadable:
            return EXIT_ERROR
        return EXIT_FINDINGS if text and not exit_zero else EXIT_OK
    if fix:
        _fix_summary(outcomes, applied=True)

    if keep:
        if statistics:
            text = render_statistics(results, as_json=fmt == "json")
        else:
            options.rules = _rules_for(tally.rulesets)
            text = render(fmt, results, options)
        _emit(text, output, color)
    code = tally.exit_code(usage_problem)
    if exit_zero and code == EXIT_FINDINGS:
        return EXIT_OK
    return code


class _Tally:
    """What the exit code and the rule tables need from each result, kept instead of the
    results themselves (a run over thousands of files stays small)."""

    def __init__(self):
        self.unreadable = 0
        self.failing = False          # an active finding at or above its file's fail level
        self.rulesets: set[str] = set()

    def add(self, result, fail_on: str) -> None:
        if result.error:
            self.unreadable += 1
        if result.meta and result.meta.get("ruleset"):
            self.rulesets.add(result.meta["ruleset"])
        floor = SEVERITY_RANK[fail_on]
        self.failing = self.failing or any(SEVERITY_RANK[d.severity] >= floor for d in result.active())

    def exit_code(self, usage_problem: bool) -> int:
        """2 for usage problems or unreadable files; 1 when an active finding reaches its
        file's fail level (``--fail-on`` or the file's configuration); else 0."""
        if usage_problem or self.unreadable:
            return EXIT_ERROR
        if self.failing:
            return EXIT_FINDINGS
        return EXIT_OK


def _shown(path: str) -> str:
    from .formats._paths import display_path
    return display_path(path)


def _check_writable(output: str) -> None:
    folder = os.path.dirname(os.path.abspath(output))
    if os.path.isdir(output):
        raise Abort(f"无法写入 {output}：这是一个目录")
    if not os.path.isdir(folder):
        raise Abort(f"无法写入 {output}：目录 {folder} 不存在")
    if not os.access(folder, os.W_OK) or (os.path.exists(output) and not os.access(output, os.W_OK)):
        raise Abort(f"无法写入 {output}：没有写权限")


class _Sink:
    """The run's output, written piece by piece: ``--output`` as UTF-8, a terminal as text
    (colorama makes colours work on Windows), a pipe or redirect as UTF-8 bytes."""

    def __init__(self, output: str | None, color: bool):
        self.output, self.file = output, None
        if output is not None:
            try:
                self.file = open(output, "w", encoding="utf-8", newline="")
            except OSError as exc:
                raise Abort(f"无法写入 {output}：{exc.strerror}") from None
        elif sys.stdout.isatty() and color:
            try:
                from colorama import just_fix_windows_console
                just_fix_windows_console()
            except ImportError:  # colorama < 0.4.6
                pass

    def write(self, text: str) -> None:
        if self.file is not None:
            try:
                self.file.write(text)
            except OSError as exc:
                raise Abort(f"无法写入 {self.output}：{exc.strerror}") from None
            return
        stream = sys.stdout
        buffer = getattr(stream, "buffer", None)
        if stream.isatty() or buffer is None:
            stream.write(text)
            stream.flush()
            return
        buffer.write(text.encode("utf-8"))
        buffer.flush()

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


def _emit(text: str, output: str | None, color: bool) -> None:
    """Write the report: to ``--output`` as UTF-8, to a terminal as text (colorama makes
    colours work on Windows), to a pipe or redirect as UTF-8 bytes whatever the locale."""
    if output is not None:
        try:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        except OSError as exc:
            raise Abort(f"无法写入 {output}：{exc.strerror}") from None
        return
    if not text:
        return
    stream = sys.stdout
    if stream.isatty():
        if color:
            try:
                from colorama import just_fix_windows_console
                just_fix_windows_console()
            except ImportError:  # colorama < 0.4.6
                pass
        stream.write(text)
        stream.flush()
        return
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _fix_summary(outcomes, applied: bool) -> None:
    fixed = [o for o in outcomes if o.applied and (o.changed or not applied)]
    count = sum(o.applied for o in fixed)
    unsafe = sum(o.unsafe for o in outcomes)
    if count:
        verb = "已修复" if applied else "可修复"
        click.echo(f"{verb} {count} 处问题（{len(fixed)} 个文件）。", err=True)
    elif outcomes:
        click.echo("没有可自动修复的问题。", err=True)
    if unsafe:
        click.echo(f"另有 {unsafe} 处修改建议需人工确认，不会自动修改。", err=True)


def _rules_for(rulesets) -> dict:
    """code -> Rule for every rule set the results were checked against."""
    from .ruleset import DEFAULT_RULESET, load_ruleset
    names = sorted(rulesets) or [DEFAULT_RULESET]
    rules = {}
    for name in names:
        try:
            for rule in load_ruleset(name).rules:
                rules.setdefault(rule.code, rule)
        except FzlintError:
            continue
    return rules


def render_statistics(results, as_json: bool = False) -> str:
    """Findings per rule, most frequent first (like ``ruff --statistics``)."""
    import json
    rows: dict[str, dict] = {}
    for r in results:
        for d in r.active():
            row = rows.setdefault(d.code, {"code": d.code, "name": d.name, "count": 0, "fixable": False})
            row["count"] += 1
            row["fixable"] = row["fixable"] or (d.fix is not None and d.fix.safe)
    ordered = sorted(rows.values(), key=lambda x: (-x["count"], x["code"]))
    unreadable = sum(1 for r in results if r.error)
    if as_json:
        return json.dumps(ordered, ensure_ascii=False, indent=2) + "\n"
    width = max((len(str(x["count"])) for x in ordered), default=1)
    lines = [f"{x['count']:>{width}}\t{x['code']}\t{'[*]' if x['fixable'] else '[ ]'} {x['name']}"
             for x in ordered]
    if any(x["fixable"] for x in ordered):
        lines.append("[*] 可用 fzlint check --fix 自动修复（.txt/.md 文件）")
    if unreadable:
        lines.append(f"无法读取的文件：{unreadable} 个")
    if not lines:
        lines.append("没有发现问题。")
    return "\n".join(lines) + "\n"


@main.command()
@click.argument("path")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出")
def outline(path, as_json):
    """显示工具对报告的理解：标题、单位、年度、层级、日期和各部分结构。"""
    import json

    from .engine import analyze
    from .readers import read_path

    try:
        doc = read_path(path)
    except FzlintError as exc:
        click.echo(exc.line(), err=True)
        sys.exit(EXIT_ERROR)
    analysis = analyze(doc)
    if as_json:
        data = {"meta": analysis.meta.to_dict(), "parts": [p.to_dict() for p in analysis.outline.parts]}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from .outline_view import render_outline
    click.echo(render_outline(analysis))


@main.command("rules")
@click.option("--ruleset", default=None, help="规则集（默认 outline-2021-2025）")
@click.option("--format", "fmt", default="text", metavar="FORMAT", help="text 或 json")
def rules_cmd(ruleset, fmt):
    """列出全部规则：代码、名称、级别、说明。"""
    import json

    from .ruleset import DEFAULT_RULESET, load_ruleset
    if fmt not in ("text", "json"):
        click.echo(f"fzlint: 未知的输出格式 {fmt}（可用：text、json）", err=True)
        sys.exit(EXIT_ERROR)
    rs = _load(ruleset or DEFAULT_RULESET, load_ruleset)
    if fmt == "json":
        click.echo(json.dumps([r.summary() for r in rs.rules], ensure_ascii=False, indent=2))
        return
    for r in rs.rules:
        click.echo(f"{r.code}  {r.name:<40} {r.severity:<8} {r.message}")


@main.command("rule")
@click.argument("code")
@click.option("--ruleset", default=None, help="规则集（默认 outline-2021-2025）")
def rule_cmd(code, ruleset):
    """显示一条规则的说明、依据和例句（类似 ruff rule）。"""
    from .ruleset import DEFAULT_RULESET, load_ruleset
    from .ruledoc import render_rule
    rs = _load(ruleset or DEFAULT_RULESET, load_ruleset)
    rule = rs.by_code(code.upper()) or next((r for r in rs.rules if r.name == code), None)
    if rule is None:
        click.echo(f"没有规则 {code}；用 fzlint rules 查看全部规则", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(render_rule(rule))


@main.command()
def lsp():
    """启动语言服务器（LSP，经标准输入输出通信），供编辑器使用。"""
    from .lsp import serve
    serve()


def _load(name, loader):
    try:
        return loader(name)
    except FzlintError as exc:
        click.echo(exc.line(), err=True)
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":  # pragma: no cover
    main()
