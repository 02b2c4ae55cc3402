"""The ``fzlint`` command: a thin layer over the library API.

Exit codes: 0 nothing at or above the fail level; 1 findings; 2 usage error, bad
configuration or an unreadable file (the other files are still checked).
"""
from __future__ import annotations

import os
import sys

import click

from . import __version__
from .config import Config
from .errors import FzlintError
from .result import SEVERITY_RANK

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


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
        out.extend(c.strip() for c in v.split(",") if c.strip())
    return out


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", default="text", show_default=True,
              help="输出格式：text、concise、json 等")
@click.option("--select", multiple=True, help="只启用这些规则（代码或前缀，逗号分隔）")
@click.option("--extend-select", multiple=True, help="在默认规则之外再启用")
@click.option("--ignore", multiple=True, help="停用这些规则（代码或前缀）")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="达到此级别的问题使退出码为 1（默认 warning）")
@click.option("--ruleset", default=None, help="指定规则集（默认按报告年度选择）")
@click.option("--year", type=int, default=None, help="报告所属年度（覆盖自动识别）")
@click.option("--level", type=click.Choice(["township", "county", "city", "province", "department"]),
              default=None, help="报告单位层级（覆盖自动识别）")
@click.option("--no-color", is_flag=True, help="不使用颜色")
def check(paths, fmt, select, extend_select, ignore, fail_on, ruleset, year, level, no_color):
    """检查报告文件或目录（递归）。"""
    from .discover import discover
    from .engine import lint_path
    from .formats import FORMATS, Options, render

    if fmt not in FORMATS:
        raise click.UsageError(f"未知的输出格式 {fmt}（可用：{', '.join(FORMATS)}）")
    config = Config(select=_codes(select) or None, extend_select=_codes(extend_select),
                    ignore=_codes(ignore), fail_on=fail_on or "warning", ruleset=ruleset,
                    year=year, level=level)
    files, missing = discover(list(paths))
    for path, problem in missing:
        click.echo(f"{path}: {problem}", err=True)
    results = []
    for path in files:
        result = lint_path(path, config)
        if result.error:
            click.echo(f"{path}: {result.error['message']}", err=True)
        results.append(result)
    if not files and not missing:
        click.echo("没有找到可检查的报告文件（.docx .doc .wps .pdf .txt .md .html）", err=True)
    sys.stdout.write(render(fmt, results, Options(color=_use_color(no_color))))
    sys.exit(exit_code(results, config.fail_on, bool(missing) or not files))


def exit_code(results, fail_on: str, usage_problem: bool = False) -> int:
    if usage_problem or any(r.error for r in results):
        return EXIT_ERROR
    floor = SEVERITY_RANK[fail_on]
    if any(SEVERITY_RANK[d.severity] >= floor for r in results for d in r.active()):
        return EXIT_FINDINGS
    return EXIT_OK


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
def rules_cmd(ruleset):
    """列出全部规则：代码、名称、级别、说明。"""
    from .ruleset import DEFAULT_RULESET, load_ruleset
    rs = _load(ruleset or DEFAULT_RULESET, load_ruleset)
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
