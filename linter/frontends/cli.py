"""The ``fzlint`` command: a thin layer over the library API.

Exit codes (``fzlint check``):

- 0: nothing at or above the fail level (``--fail-on``, default warning), or ``--exit-zero``;
- 1: findings at or above the fail level (with ``--diff``: some file would change);
- 2: a usage error, bad configuration or waivers, an unwritable ``--output``, a path that
  does not exist, or a file that could not be read (the other files are still checked).

``fzlint annotate`` exits 0 when the annotated .docx was written (findings or not: it
produces a file, ``check`` is the gate) and 2 for an unreadable report, a bad option or an
output it cannot write (or that would overwrite the report).

Every mistake a user can make is reported as one line (in Chinese) on standard error,
never as a traceback.
"""
from __future__ import annotations

import functools
import os
import re
import sys
from dataclasses import dataclass

import click

from . import startup
from ..data import VERSION as __version__
from ..engine.policy import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, Tally, keep_at_least
from ..document.result import summarize
from ..engine.ruleset import rules_for_rulesets
from ..errors import FzlintError, UsageError, os_problem
from ..vocab import SEVERITY_RANK
from ..formats.statistics import render_statistics
from ..text.width import display_width, wrap_display
from ..workspace.discover import nothing_found
from ..workspace.session import CheckOptions, prepare


def _use_color(no_color: bool) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def usage_problem(exc: click.ClickException) -> str:
    """click's own mistakes (unknown option, missing argument …) as one Chinese line."""
    text = exc.format_message()
    where = exc.ctx.command_path if getattr(exc, "ctx", None) is not None else "fzlint"
    hint = f"（用 {where} -h 查看用法）"
    if isinstance(exc, click.NoSuchOption):
        guess = f"，是不是想用 {' 或 '.join(sorted(exc.possibilities))}？" if exc.possibilities else ""
        return f"{where}：没有 {exc.option_name} 这个选项{guess}{hint}"
    if isinstance(exc, click.MissingParameter):
        if isinstance(exc.param, click.Option):      # a required option: name it as it is typed
            return f"{where}：缺少选项 {' / '.join(exc.param.opts)}（{exc.param.help or '必填'}）{hint}"
        name = exc.param.make_metavar(exc.ctx) if exc.param is not None and exc.ctx is not None else "参数"
        return f"{where}：缺少参数 {name.rstrip('.')}{hint}"
    m = re.match(r"No such command '(.+?)'\.(?: Did you mean '(.+?)'\?)?", text)
    if m:
        guess = f"，是不是想用 {m.group(2)}？" if m.group(2) else ""
        return f"{where}：没有 {m.group(1)} 这个命令{guess}{hint}"
    m = re.match(r"Option '(.+?)' requires (?:an argument|\d+ arguments)", text)
    if m:
        return f"{where}：选项 {m.group(1)} 后面需要一个值{hint}"
    m = re.match(r"Option '(.+?)' does not take a value", text)
    if m:
        return f"{where}：选项 {m.group(1)} 不带值（写 {m.group(1)} 即可）{hint}"
    m = re.match(r"Got unexpected extra arguments? \((.+)\)", text)
    if m:
        return f"{where}：多余的参数 {m.group(1)}{hint}"
    if isinstance(exc, click.BadParameter):
        return f"{where}：{exc.param_hint or '参数'} 的值不对（{text}）{hint}"
    return f"{where}：用法有误（{text}）{hint}"


class ChineseHelp(click.HelpFormatter):
    """Help pages in Chinese: click writes its own headings, usage prefix and the defaults it
    shows in English ("Usage:", "Options:", "[default: text]"), and a clerk reads them."""

    HEADINGS = {"Options": "选项", "Commands": "命令", "Arguments": "参数"}
    _EXTRA = re.compile(r"\s*\[(default|required)(?::\s*([^\]]*))?\]")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{self.HEADINGS.get(heading, heading)}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write("".join(f"{indent}{line}\n" if line else "\n"
                           for line in wrap_display(text, max(self.width - self.current_indent, 20))))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        # click's own layout (terms in a column, descriptions beside them), measured in terminal
        # columns and wrapped between Chinese characters rather than only at spaces
        rows = [(term, self._EXTRA.sub(self._chinese_extra, text)) for term, text in rows]
        first_col = min(max((display_width(term) for term, _ in rows), default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        for term, text in rows:
            self.write(f"{indent}{term}")
            if not text:
                self.write("\n")
                continue
            if display_width(term) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(term)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap_display(text, max(self.width - first_col - self.current_indent, 10))
            self.write(lines[0] + "\n")
            self.write("".join(f"{indent}{'':>{first_col}}{line}\n" for line in lines[1:]))

    @staticmethod
    def _chinese_extra(m: "re.Match[str]") -> str:
        # "[default: 8765; 0<=x<=65535]": the default, then the range a number must lie in
        pieces = [] if m.group(1) == "default" else ["必填"]
        for i, piece in enumerate((m.group(2) or "").split("; ")):
            bounds = re.fullmatch(r"(\S+)<=x<=(\S+)", piece)
            if bounds:
                pieces.append(f"取值 {bounds.group(1)}～{bounds.group(2)}")
            elif piece:
                pieces.append(f"默认：{piece}" if i == 0 and m.group(1) == "default" else piece)
        return f"（{'；'.join(pieces)}）"


class ChineseContext(click.Context):
    formatter_class = ChineseHelp


class _ChineseHelpPages:
    """A command's help page in Chinese: the formatter above, "[选项]" in the usage line, and
    -h/--help described in Chinese (click's own text is "Show this message and exit.")."""

    context_class = ChineseContext

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "显示本帮助并退出"
        return option


class ChineseCommand(_ChineseHelpPages, click.Command):
    pass


class ChineseGroup(_ChineseHelpPages, click.Group):
    """The command group, with click's usage errors answered in Chinese (one line, exit 2)
    and its help pages (and its commands') in Chinese."""

    command_class = ChineseCommand

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        super().__init__(*args, **kwargs)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            if not standalone_mode:
                return super().main(args, prog_name, complete_var, standalone_mode, **extra)
            try:
                code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            except click.exceptions.Abort:
                click.echo("已中止。", err=True)
                sys.exit(1)
            except click.ClickException as exc:
                # "fzlint" or "fzlint report" typed alone: click (8.2+) raises its help page as
                # a usage error; show the page itself, not a one-line complaint wrapping it
                shows_help = type(exc).__name__ == "NoArgsIsHelpError"
                click.echo(exc.format_message() if shows_help else usage_problem(exc), err=True)
                sys.exit(exc.exit_code)
            sys.exit(code if isinstance(code, int) else 0)
        finally:
            if args is None:        # the command itself (its arguments from sys.argv), not a caller's test
                startup.finish()


@click.group(name="fzlint", cls=ChineseGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fzlint", message="%(prog)s %(version)s", help="显示版本号并退出")
def main():
    """fzlint：法治政府建设年度报告合规检查工具。"""


def _formats():
    from ..formats import FORMATS
    return FORMATS


def _options(*decorators):
    """Several click options as one decorator (the options check and report share)."""
    def apply(f):
        for d in reversed(decorators):
            f = d(f)
        return f
    return apply


_rule_options = _options(
    click.option("--select", multiple=True, metavar="CODES", help="只启用这些规则（代码或前缀，逗号分隔，可重复）"),
    click.option("--extend-select", multiple=True, metavar="CODES", help="在默认或配置的规则之外再启用"),
    click.option("--ignore", multiple=True, metavar="CODES", help="停用这些规则（代码或前缀）"),
    click.option("--fail-on", default=None, metavar="LEVEL",
                 help="达到此级别的问题使退出码为 1：error、warning（默认）、info"),
    click.option("--ruleset", default=None, metavar="NAME", help="指定规则集（默认按报告年度选择）"))
_file_options = _options(
    click.option("--config", "config_file", default=None, metavar="FILE",
                 help="使用此配置文件（不再查找 .fzlint.yaml / setup.cfg / pyproject.toml）"),
    click.option("--waivers", "waivers_file", default=None, metavar="FILE", help="豁免文件（YAML）"),
    click.option("--exclude", multiple=True, metavar="GLOB",
                 help="搜索目录时跳过这些文件（通配符，逗号分隔；取代默认的 README.md 等）"),
    click.option("--extend-exclude", multiple=True, metavar="GLOB", help="在默认或配置之外再跳过这些文件"),
    click.option("--exit-zero", is_flag=True, help="发现问题时退出码仍为 0（无法读取的文件仍为 2）"),
    click.option("--today", default=None, hidden=True, help="按此日期（YYYY-MM-DD）判断豁免是否过期"))
_report_options = _options(         # what the tool could not read off the report itself
    click.option("--year", default=None, metavar="YEAR", help="报告所属年度（覆盖自动识别）"),
    click.option("--level", default=None, metavar="LEVEL",
                 help="报告单位层级（覆盖自动识别）：township、county、city、province、department"))
_jobs_option = click.option("-j", "--jobs", default=None, metavar="N", help="同时检查的进程数（默认：全部 CPU 核）")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", default="text", show_default=True, metavar="FORMAT",
              help="输出格式：text、concise、json、json-lines、sarif、github、junit、csv、gitlab")
@click.option("-o", "--output", default=None, metavar="FILE", help="把结果写入文件（而不是屏幕）")
@click.option("--statistics", is_flag=True, help="只显示每条规则的问题数")
@_rule_options
@click.option("--min-severity", default=None, metavar="LEVEL",
              help="只显示达到此级别的问题：error（只看错误）、warning（错误和警告）、info（全部，默认）")
@_report_options
@click.option("--no-color", is_flag=True, help="不使用颜色")
@click.option("--fix", is_flag=True, help="自动修复可安全修复的问题（只改 .txt/.md 文件）")
@click.option("--diff", is_flag=True, help="只显示 --fix 会做的修改（统一差异格式），不写文件")
@_file_options
@_jobs_option
def check(paths, fmt, output, statistics, select, extend_select, ignore, fail_on, ruleset, min_severity, year,
          level, no_color, config_file, waivers_file, fix, diff, exclude, extend_exclude, exit_zero, today,
          jobs):
    """检查报告文件或目录（递归）。"""
    options = CheckOptions(paths=paths, select=select, extend_select=extend_select, ignore=ignore,
                           fail_on=fail_on, ruleset=ruleset, year=year, level=level,
                           config_file=config_file, waivers_file=waivers_file, exclude=exclude,
                           extend_exclude=extend_exclude, today=today)
    output_options = OutputOptions(fmt=fmt, output=output, statistics=statistics, no_color=no_color,
                                   fix=fix, diff=diff, exit_zero=exit_zero, jobs=jobs,
                                   min_severity=min_severity)
    try:
        code = _check(options, output_options)
    except FzlintError as exc:
        click.echo(exc.line(), err=True)
        code = EXIT_ERROR
    sys.exit(code)


@dataclass
class OutputOptions:
    """How check writes its results (format, destination, fixes, exit policy)."""

    fmt: str = "text"
    output: str | None = None
    statistics: bool = False
    no_color: bool = False
    fix: bool = False
    diff: bool = False
    exit_zero: bool = False
    min_severity: str | None = None
    jobs: str | None = None


def _jobs(value: str | None) -> int | None:
    """``--jobs N``: a positive number of processes; None: every core."""
    if value is None:
        return None
    if not value.isdigit() or int(value) < 1:
        raise UsageError(f"--jobs 应为正整数（进程数），得到 {value}")
    return int(value)


# A document asked for as a --format that another command writes: say which.
_PAGE = "；网页结果用 fzlint serve（在浏览器中上传报告）或 fzlint report 报告或目录 -o 结果目录"
_WORD = "；带批注的 Word 文档用 fzlint annotate 报告.docx"
_EXCEL = "；Excel 表用 fzlint report 报告或目录 -o 结果目录（生成 overview.xlsx），或 -f csv 后用 Excel 打开"
_OTHER_COMMAND = {"html": _PAGE, "htm": _PAGE, "web": _PAGE, "网页": _PAGE,
                  "docx": _WORD, "doc": _WORD, "word": _WORD, "wps": _WORD, "批注": _WORD,
                  "xlsx": _EXCEL, "xls": _EXCEL, "excel": _EXCEL}


def _check(options: CheckOptions, out: OutputOptions) -> int:
    from ..formats import FORMATS, Options, Stream, render, streams

    if out.fmt not in FORMATS:
        elsewhere = _OTHER_COMMAND.get(out.fmt.lower().lstrip("."), "")
        raise UsageError(f"未知的输出格式 {out.fmt}（可用：{', '.join(FORMATS)}）{elsewhere}")
    if out.fix and out.diff:
        raise UsageError("--fix 与 --diff 只能选一个（--diff 只显示修改，不写文件）")
    if out.min_severity is not None and out.min_severity not in SEVERITY_RANK:
        raise UsageError(f"--min-severity 应为 error / warning / info 之一，得到 {out.min_severity}")
    jobs = _jobs(out.jobs)
    if out.output is not None:
        _check_writable(out.output)
    plan = prepare(options)
    if out.output is not None:
        plan.files = _without_output(plan.files, out.output, options.paths)
    if len(plan.files) != 1:
        startup.done()          # many files (maybe on several processes): the collector runs again
    for path, problem in plan.missing:
        click.echo(f"{path}: {problem}", err=True)
    if not plan.files and not plan.missing:
        click.echo(nothing_found(), err=True)

    # -- lint (and fix), output as results come ------------------------------------------
    color = out.output is None and _use_color(out.no_color)
    keep = out.statistics or out.fix or out.diff or not streams(out.fmt)    # needs the whole run
    format_options = Options(color=color, fail_on=plan.fail_on, version=__version__)
    sink = None if keep else _Sink(out.output, color)
    stream = None if sink is None else Stream(out.fmt, format_options, sink.write)
    results, outcomes, tally = [], [], Tally()
    # The text report names each unreadable file; when it goes to the same terminal as
    # standard error, the stderr line would say it twice.
    named_in_report = out.fmt == "text" and not out.statistics and out.output is None \
        and sys.stdout.isatty() and sys.stderr.isatty()
    try:
        if stream is None:
            results, outcomes = _lint_kept(plan, tally, out, jobs, named_in_report)
        else:
            _stream_pieces(plan, stream, tally, out, jobs, named_in_report)
            stream.close()
    finally:
        if sink is not None:
            sink.close()

    if out.diff:
        text = "".join(o.diff for o in outcomes)
        _fix_summary(outcomes, applied=False)
        _emit(text, out.output, color=False)
        if plan.usage_problem or tally.unreadable:
            return EXIT_ERROR
        return EXIT_FINDINGS if text and not out.exit_zero else EXIT_OK
    if out.fix:
        _fix_summary(outcomes, applied=True)

    # -- output of the formats that need the whole run ------------------------------------
    if keep:
        if out.statistics:
            text = render_statistics(results, as_json=out.fmt == "json",
                                     rules=rules_for_rulesets(tally.rulesets))
        else:
            format_options.rules = rules_for_rulesets(tally.rulesets)
            text = render(out.fmt, results, format_options)
        _emit(text, out.output, color)
    code = tally.exit_code(plan.usage_problem)
    if out.exit_zero and code == EXIT_FINDINGS:
        return EXIT_OK
    return code


def _stream_pieces(plan, stream, tally: Tally, out: OutputOptions, jobs, named_in_report: bool) -> None:
    """A streaming format: each file is checked and rendered in the process that checks it
    (on every core with --jobs), and written here in the files' order as it comes."""
    from ..batch import pieces
    job = pieces.PieceJob(out.fmt, stream.options, out.min_severity)
    for path, piece in zip(plan.files, pieces.check_pieces(job, plan.files, plan.configs, jobs)):
        if piece.error and not named_in_report:
            click.echo(f"{path}: {piece.error}", err=True)
        tally.add_counts(piece.counts, plan.configs[path].fail_on)
        stream.add_piece(piece.data, piece.counts)           # written now, not kept


def _lint_kept(plan, tally: Tally, out: OutputOptions, jobs, named_in_report: bool):
    """--fix, --diff, --statistics and the formats that need the whole run: every result kept."""
    from ..batch.pool import lint_many, warm_lint
    results, outcomes = [], []
    # on every core (--jobs), results in the files' order as they finish
    warm = functools.partial(warm_lint, plan.files, plan.configs[plan.files[0]]) if plan.files else None
    linted = lint_many(((p, plan.configs[p]) for p in plan.files), jobs, warm=warm)
    for path, result in zip(plan.files, linted):
        config = plan.configs[path]
        if result.error:
            if not named_in_report:
                click.echo(f"{path}: {result.error['message']}", err=True)
        elif out.fix or out.diff:
            from ..writers.fixes import fix_file
            outcome = fix_file(path, config, write=out.fix, result=result, display=_shown(path))
            outcomes.append(outcome)
            if outcome.refused:
                click.echo(outcome.refused, err=True)
            result = outcome.result
        if out.min_severity:
            keep_at_least([result], out.min_severity)
        tally.add(result, config.fail_on)
        results.append(result)
    return results, outcomes


def _shown(path: str) -> str:
    from ..formats._paths import display_path
    return display_path(path)


def _without_output(files: list[str], output: str, named) -> list[str]:
    """The files to check, less the ``-o`` file: a report named as its own output would be
    emptied before it is read (``fzlint check 报告.txt -o 报告.txt``), so that is refused; the
    results of an earlier run met in a folder walk (结果.txt) are not a report."""
    if not os.path.exists(output):
        return files
    same = {p for p in files if os.path.exists(p) and os.path.samefile(p, output)}
    named_here = {os.path.normcase(os.path.abspath(p)) for p in named}
    if any(os.path.normcase(os.path.abspath(p)) in named_here for p in same):
        raise UsageError(f"输出文件 {output} 就是要检查的报告，不会覆盖它；请用 -o 指定另一个文件名")
    return [p for p in files if p not in same]


def _check_writable(output: str) -> None:
    folder = os.path.dirname(os.path.abspath(output))
    if os.path.isdir(output):
        raise UsageError(f"无法写入 {output}：这是一个目录")
    if not os.path.isdir(folder):
        raise UsageError(f"无法写入 {output}：目录 {folder} 不存在")
    if not os.access(folder, os.W_OK) or (os.path.exists(output) and not os.access(output, os.W_OK)):
        raise UsageError(f"无法写入 {output}：没有写权限")


class _Sink:
    """The run's output, written piece by piece (text, or UTF-8 bytes as the workers send
    it): ``--output`` as UTF-8, a terminal as text (colorama makes colours work on Windows),
    a pipe or redirect as UTF-8 bytes. Each piece is flushed at once, so nothing written is
    still buffered when the worker processes are forked."""

    def __init__(self, output: str | None, color: bool):
        self.output, self.file = output, None
        self.stream = sys.stdout              # asked once: isatty() is a system call
        self.tty = self.stream.isatty()
        self.buffer = None if self.tty else getattr(self.stream, "buffer", None)
        if output is not None:
            try:
                self.file = open(output, "wb")
            except OSError as exc:
                raise UsageError(f"无法写入 {output}：{os_problem(exc, writing=True)}") from None
        elif self.tty and color:
            try:
                from colorama import just_fix_windows_console
                just_fix_windows_console()
            except ImportError:  # colorama < 0.4.6
                pass

    def write(self, piece: str | bytes) -> None:
        if self.file is not None:
            try:
                self.file.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
                self.file.flush()
            except OSError as exc:
                raise UsageError(f"无法写入 {self.output}：{os_problem(exc, writing=True)}") from None
            return
        if self.buffer is None:               # a terminal (or a stream that takes text only)
            self.stream.write(piece.decode("utf-8") if isinstance(piece, bytes) else piece)
            self.stream.flush()
            return
        self.buffer.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
        self.buffer.flush()

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
            raise UsageError(f"无法写入 {output}：{os_problem(exc, writing=True)}") from None
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
    elif any(o.refused for o in outcomes):
        click.echo("没有文件被修改（原因见上）。", err=True)
    elif outcomes:
        click.echo("没有可自动修复的问题。", err=True)
    if unsafe:
        click.echo(f"另有 {unsafe} 处修改建议需人工确认，不会自动修改。", err=True)


@main.command("report")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", required=True, metavar="OUTDIR",
              help="汇总写入此目录：index.html（汇总页）、overview.xlsx、overview.json")
@click.option("--roster", default=None, metavar="FILE", help="应报送单位名单：CSV 或 .xlsx，列名 单位（可选 层级、截止日期），或 unit、level、deadline")
@click.option("--for-year", default=None, metavar="YEAR", help="报送情况按此年度统计（默认：报告中最新的年度）")
@_jobs_option
@click.option("--no-cache", is_flag=True, help="不使用也不保存检查结果缓存")
@click.option("--cache-dir", default=None, metavar="DIR", help="检查结果缓存目录（默认 OUTDIR/.fzlint-cache）")
@_rule_options
@_file_options
def report(paths, outdir, roster, for_year, jobs, no_cache, cache_dir, select, extend_select, ignore,
           fail_on, ruleset, config_file, waivers_file, exclude, extend_exclude, exit_zero, today):
    """区县汇总：检查目录中的全部报告，生成汇总页、Excel 表和 JSON（报送情况、缺项、雷同、上年安排落实）。

    退出码与 check 相同：0 无问题，1 有达到 --fail-on 级别的问题，2 用法错误或有文件无法读取。"""
    from ..batch.run import ReportOptions, run_report
    startup.done()
    options = CheckOptions(paths=paths, select=select, extend_select=extend_select, ignore=ignore,
                           fail_on=fail_on, ruleset=ruleset, config_file=config_file,
                           waivers_file=waivers_file, exclude=exclude, extend_exclude=extend_exclude,
                           today=today)
    try:
        code = run_report(options, ReportOptions(outdir=outdir, roster=roster, for_year=for_year,
                                                 jobs=_jobs(jobs), use_cache=not no_cache,
                                                 cache_dir=cache_dir, exit_zero=exit_zero),
                          echo=lambda line: click.echo(line, err=True), progress_bar=_progress_bar)
    except FzlintError as exc:
        click.echo(exc.line(), err=True)
        code = EXIT_ERROR
    sys.exit(code)


def _progress_bar(total: int):
    """A progress bar on a terminal only (never in redirected or machine output)."""
    if not sys.stderr.isatty() or not total:
        return None
    return click.progressbar(length=total, label="检查报告", file=sys.stderr)


@main.command()
@click.argument("path")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出")
@_report_options
def outline(path, as_json, year, level):
    """显示工具对报告的理解：标题、单位、年度、层级、日期和各部分结构。"""
    import json

    from ..config import Config
    from ..engine.run import analyze
    from ..readers import read_path
    from ..workspace.session import parse_level, parse_year

    try:
        config = Config(year=parse_year(year, "--year"), level=parse_level(level, "--level"))
        doc = read_path(path)
    except FzlintError as exc:
        click.echo(exc.line(), err=True)
        sys.exit(EXIT_ERROR)
    analysis = analyze(doc, config)
    if as_json:
        data = {"meta": analysis.meta.to_dict(), "parts": [p.to_dict() for p in analysis.outline.parts]}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from ..formats.outline import render_outline
    click.echo(render_outline(analysis))


@main.command("rules")
@click.option("--ruleset", default=None, metavar="NAME", help="规则集（默认 outline-2021-2025）")
@click.option("--format", "fmt", default="text", metavar="FORMAT", help="text 或 json")
@click.option("--config", "config_file", default=None, metavar="FILE",
              help="按此配置文件（及其规则配置档 profile）列出；默认查找当前目录的配置")
def rules_cmd(ruleset, fmt, config_file):
    """列出全部规则：代码、名称、级别、说明（含配置中规则配置档增加的规则）。"""
    import json

    if fmt not in ("text", "json"):
        click.echo(f"fzlint rules：未知的输出格式 {fmt}（可用：text、json）", err=True)
        sys.exit(EXIT_ERROR)
    rs = _configured(ruleset, config_file)
    if fmt == "json":
        click.echo(json.dumps([r.summary() for r in rs.rules], ensure_ascii=False, indent=2))
        return
    from ..formats.ruledoc import readable
    for r in rs.rules:
        click.echo(f"{r.code}  {r.name:<40} {r.severity:<8} {readable(r.message)}")


@main.command("rule")
@click.argument("code", metavar="CODE|词语")
@click.option("--ruleset", default=None, metavar="NAME", help="规则集（默认 outline-2021-2025）")
@click.option("--config", "config_file", default=None, metavar="FILE",
              help="按此配置文件（及其规则配置档 profile）显示；默认查找当前目录的配置")
def rule_cmd(code, ruleset, config_file):
    """显示一条规则的说明、依据和例句（类似 ruff rule）；来自规则配置档的规则注明来源。

    也可以按词语查找：fzlint rule 民法典 列出提到“民法典”的规则。
    """
    from ..formats.ruledoc import readable, render_rule
    rs = _configured(ruleset, config_file)
    rule = rs.by_code(code.upper()) or next((r for r in rs.rules if r.name == code), None)
    found = [rule] if rule is not None else rs.mentioning(code)
    if not code.strip():
        click.echo("fzlint rule：请给出规则代码（如 E301）或要查找的词语（如 民法典）", err=True)
        sys.exit(EXIT_ERROR)
    if not found:
        click.echo(f"没有规则 {code}，也没有提到“{code}”的规则；用 fzlint rules 查看全部规则", err=True)
        sys.exit(EXIT_ERROR)
    if len(found) == 1:
        click.echo(render_rule(found[0]))
        return
    click.echo(f"提到“{code}”的规则有 {len(found)} 条（用 fzlint rule 代码 查看其中一条）：")
    for r in found:
        click.echo(f"  {r.code}  {readable(r.message)}")


@main.command()
@click.argument("reports", nargs=-1, required=True)
@click.option("-o", "--output", default=None, metavar="OUT.docx",
              help="批注后的 Word 文件（只批注一个文件时可用；默认与原文件同目录：原名.批注.docx）")
@click.option("--ruleset", default=None, metavar="NAME", help="指定规则集（默认按报告年度选择）")
@_report_options
@click.option("--config", "config_file", default=None, metavar="FILE", help="使用此配置文件")
def annotate(reports, output, ruleset, year, level, config_file):
    """把检查结果写成 Word 批注：为每份报告生成带批注的 .docx（原文件不改动）；可以给多个文件或文件夹。

    退出码：0 已写出批注文件（有无问题都是 0，要按问题把关请用 fzlint check）；
    2 有文件无法读取、参数有误或无法写出（其余文件照常写出）。
    """
    from ..writers.docx_comments import annotate_file

    options = CheckOptions(paths=reports, ruleset=ruleset, year=year, level=level, config_file=config_file)
    try:
        plan = prepare(options)                 # validates the options and finds the configuration
        if output is not None and (len(reports) != 1 or os.path.isdir(reports[0])):
            raise UsageError("-o 只能在批注一个文件时使用；批注多个文件时，每份写在原文件旁：原名.批注.docx")
    except FzlintError as exc:
        click.echo(exc.line(), err=True)
        sys.exit(EXIT_ERROR)
    failed = False
    for path, problem in plan.missing:
        click.echo(f"{path}: {problem}", err=True)
        failed = True
    if not plan.files and not plan.missing:
        click.echo(nothing_found("批注"), err=True)
    for path in plan.files:
        try:
            written, result = annotate_file(path, output, plan.configs[path])
        except FzlintError as exc:               # this file is reported; the others are still written
            click.echo(exc.line(), err=True)
            failed = True
            continue
        counts = summarize([result])
        click.echo(f"已写出 {written}：{len(result.active())} 条批注（错误 {counts['errors']}，"
                   f"警告 {counts['warnings']}，提示 {counts['infos']}），另有 1 条检查清单批注在标题处。", err=True)
    sys.exit(EXIT_ERROR if failed else EXIT_OK)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, metavar="ADDRESS",
              help="监听地址；0.0.0.0 让局域网内其他电脑也能访问（只在可信内网使用）")
@click.option("--port", default=8765, show_default=True, metavar="PORT", type=click.IntRange(0, 65535), help="端口")
@click.option("--max-mb", default=30, show_default=True, metavar="MB", type=click.IntRange(1, 1024),
              help="上传文件（请求体）的大小上限，单位 MB")
@click.option("--workers", default=2, show_default=True, metavar="N", type=click.IntRange(1, 64),
              help="同时检查的文件数（其余排队）")
@click.option("--time-limit", default=60.0, show_default=True, metavar="SECONDS", type=click.FloatRange(0.01, 3600),
              help="检查一个文件的时间上限，单位秒")
def serve(host, port, max_mb, workers, time_limit):
    """启动检查页面：在浏览器中打开 http://127.0.0.1:8765 上传报告。"""
    from . import web
    startup.done()
    settings = web.Settings(max_bytes=max_mb * 1024 * 1024, workers=workers, time_limit=time_limit)
    try:
        web.serve(host, port, settings)
    except OSError as exc:
        click.echo(f"fzlint serve：无法在 {host}:{port} 启动检查页面：{_bind_problem(exc, port)}", err=True)
        sys.exit(EXIT_ERROR)


def _bind_problem(exc: OSError, port: int) -> str:
    """Why a listening socket could not be opened, in the clerk's words, with what to do."""
    import errno
    if exc.errno == errno.EADDRINUSE:
        return "端口已被占用（可能已经开着一个检查页面；也可用 --port 换一个端口）"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "没有使用这个端口的权限" + ("（1024 以下的端口需要管理员权限，请换一个，如 --port 8765）"
                                          if port < 1024 else "")
    if exc.errno == errno.EADDRNOTAVAIL:
        return "本机没有这个地址（--host 写 127.0.0.1 只供本机使用，写 0.0.0.0 供局域网使用）"
    return f"{os_problem(exc)}（可用 --port 换一个端口）"


@main.command()
def lsp():
    """启动语言服务器（LSP，经标准输入输出通信），供编辑器使用。"""
    from .lsp import serve
    startup.done()
    serve()


def _configured(ruleset, config_file):
    from ..engine.ruleset import DEFAULT_RULESET
    from ..workspace.configfile import configured_ruleset
    try:
        return configured_ruleset(ruleset or DEFAULT_RULESET, config_file)
    except FzlintError as exc:
        click.echo(exc.line(), err=True)
        sys.exit(EXIT_ERROR)


def _load(name, loader):
    try:
        return loader(name)
    except FzlintError as exc:
        click.echo(exc.line(), err=True)
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":  # pragma: no cover
    main()
