"""``fzlint lsp``: a language server (pygls 2.x, stdio) for plain-text and Markdown reports.

What it does:

* publishes diagnostics on didOpen, didSave and (debounced, latest version wins) didChange;
* hover on a finding shows the rule's explanation, legal basis and suggestion;
* code actions apply a finding's *safe* fix (unsafe suggestions are never offered as edits).

It never re-implements a rule: every check goes through ``linter.lint``. Positions are
converted here from the linter's 1-based character columns to the LSP position encoding
the client negotiated (UTF-16 code units unless the client chose UTF-8 or UTF-32).
"""
from __future__ import annotations

import asyncio
import bisect
import logging
import os
import re
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from .data import VERSION as __version__
from .config import Config
from .vocab import SEVERITY_LABELS
from .document.document import Document
from .engine.run import lint
from .document.result import Diagnostic, Edit, FileResult

log = logging.getLogger("fzlint.lsp")

DEBOUNCE_SECONDS = 0.15
SOURCE = "fzlint"
TEXT_LANGUAGES = {"plaintext", "text", "txt", "markdown", "md"}
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
MARKDOWN_SUFFIXES = (".md", ".markdown")
# saving one of these (configuration, or a waiver file it names) re-reads the configuration
CONFIG_SUFFIXES = (".yaml", ".yml", ".toml", ".cfg", ".ini")
FIX_ALL_KIND = types.CodeActionKind.SourceFixAll + ".fzlint"

_SEVERITY = {"error": types.DiagnosticSeverity.Error,
             "warning": types.DiagnosticSeverity.Warning,
             "info": types.DiagnosticSeverity.Information}


# -- positions -------------------------------------------------------------------------

def _units_utf16(s: str) -> int:
    return len(s) + sum(1 for c in s if ord(c) > 0xFFFF)


def _units_utf8(s: str) -> int:
    return len(s.encode("utf-8", "surrogatepass"))


_UNITS = {"utf-16": _units_utf16, "utf-8": _units_utf8, "utf-32": len}
_LSP_NEWLINE = re.compile(r"\r\n|\r|\n")
_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"   # what str.splitlines breaks at


class PositionMap:
    """Linter positions (1-based line, 1-based character column, end exclusive) to LSP.

    The linter splits lines like ``str.splitlines`` (which also breaks at U+2028, U+0085,
    form feed …); LSP breaks only at CR, LF and CRLF. Both are mapped through absolute
    character offsets into the text, so the two line models can differ safely.
    """

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.text = text
        self.units = _UNITS.get(str(encoding).lower(), _units_utf16)
        self.doc_starts: list[int] = []
        self.doc_lengths: list[int] = []
        offset = 0
        for piece in text.splitlines(keepends=True):
            self.doc_starts.append(offset)
            self.doc_lengths.append(len(piece.rstrip(_LINE_BREAKS)))  # one break per piece
            offset += len(piece)
        self.lsp_starts = [0] + [m.end() for m in _LSP_NEWLINE.finditer(text)]

    def offset(self, line: int, column: int) -> int:
        """Absolute character offset of a linter position (clamped into the text)."""
        if not self.doc_starts:
            return 0
        if line < 1:
            return 0
        if line > len(self.doc_starts):
            return len(self.text.rstrip("\r\n")) if self.text else 0
        start, length = self.doc_starts[line - 1], self.doc_lengths[line - 1]
        return start + max(0, min(column - 1, length))

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.lsp_starts, offset) - 1
        start = self.lsp_starts[index]
        return types.Position(line=index, character=self.units(self.text[start:offset]))

    def range(self, line: int, column: int, end_line: int, end_column: int) -> types.Range:
        a = self.offset(line, column)
        b = max(a, self.offset(end_line, end_column))
        return types.Range(start=self.position(a), end=self.position(b))


# -- per-document state ---------------------------------------------------------------

@dataclass
class Finding:
    diagnostic: Diagnostic          # the linter's finding
    lsp: types.Diagnostic           # what was published
    ruleset: str | None


@dataclass
class LintState:
    uri: str
    version: int | None
    text: str
    findings: list[Finding] = field(default_factory=list)
    positions: PositionMap | None = None
    seconds: float = 0.0


def _is_report(uri: str, language_id: str | None) -> bool:
    lang = (language_id or "").lower()
    path = uri.split("?", 1)[0].split("#", 1)[0].lower()
    return lang in TEXT_LANGUAGES or path.endswith(TEXT_SUFFIXES)


def _format_of(uri: str, language_id: str | None) -> str:
    lang = (language_id or "").lower()
    path = uri.split("?", 1)[0].lower()
    return "md" if lang in ("markdown", "md") or path.endswith(MARKDOWN_SUFFIXES) else "txt"


# -- configuration --------------------------------------------------------------------

_CONFIG_FINDERS = ("config_for_path", "config_for", "find_config", "load_config_for")


def find_config(path: str | None) -> tuple[Config, str | None]:
    """The fzlint configuration that applies to ``path``, and a problem message if any.

    Uses ``linter.configfile`` (the nearest ``.fzlint.yaml`` / ``setup.cfg`` /
    ``pyproject.toml``, as the CLI does) when it is there; anything that goes wrong gives
    the defaults and a message for the client's log, never an exception.
    """
    if not path or not os.path.isabs(path):
        return Config(), None
    try:
        from .workspace import configfile  # type: ignore[attr-defined]
    except ImportError:
        return Config(), None
    except Exception as exc:  # a broken module must not take the server down
        return Config(), f"无法加载 linter.configfile：{exc}"
    try:
        found = _resolve(configfile, path)
    except Exception as exc:
        message = exc.line() if hasattr(exc, "line") else str(exc)
        return Config(), f"fzlint 配置有误，已改用默认设置：{message}"
    return (found if isinstance(found, Config) else Config()), None


def _resolve(configfile, path: str):
    resolver_cls = getattr(configfile, "Resolver", None)
    if resolver_cls is not None:
        kwargs = {}
        known = getattr(configfile, "known_targets", None)
        try:
            codes, targets, names = known()
            kwargs = {"known_codes": codes, "known_waiver_targets": targets, "rulesets": names}
        except Exception:   # (a broken rule file is reported when linting, not as config)
            kwargs = {}
        try:
            resolver = resolver_cls(**kwargs)
        except TypeError:
            resolver = resolver_cls()
        return resolver.config_for(path)
    for name in _CONFIG_FINDERS:
        finder = getattr(configfile, name, None)
        if callable(finder):
            found = finder(path)
            if isinstance(found, tuple):
                found = next((x for x in found if isinstance(x, Config)), None)
            return found
    return None


# -- the server -----------------------------------------------------------------------

class FzlintServer(LanguageServer):
    def __init__(self, debounce: float = DEBOUNCE_SECONDS):
        super().__init__(name="fzlint", version=__version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.debounce = debounce
        self.states: dict[str, LintState] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.languages: dict[str, str | None] = {}
        self.config_cache: dict[str, tuple[Config, str | None]] = {}
        self.reported_config_problems: set[str] = set()
        self.reported_errors: set[str] = set()
        # one worker: lints run one at a time, off the event loop, so reading messages
        # (and cancelling superseded lints) never waits for a slow first lint
        self.lint_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fzlint-lint")
        self._config_lock = threading.Lock()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.loop_thread: int | None = None

    # -- messages to the client --
    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        """window/logMessage, sent from the event loop whichever thread calls this."""
        loop = self.loop
        if loop is not None and threading.get_ident() != self.loop_thread:
            try:
                loop.call_soon_threadsafe(self.log, message, kind)
                return
            except RuntimeError:  # loop closed
                pass
        try:
            self.window_log_message(types.LogMessageParams(type=kind, message=message))
        except Exception:  # no writer yet / connection gone
            log.log(logging.ERROR if kind == types.MessageType.Error else logging.INFO, message)

    def report_server_error(self, error, source):  # noqa: D401 - pygls hook
        """Log internal errors instead of popping up a message box in the editor."""
        self.log(f"fzlint 内部错误：{error}", types.MessageType.Error)

    @property
    def encoding(self) -> str:
        try:
            return str(self.workspace.position_encoding or "utf-16")
        except Exception:
            return "utf-16"

    # -- configuration --
    def config_for(self, path: str | None) -> Config:
        key = os.path.dirname(path) if path else ""
        with self._config_lock:
            cached = self.config_cache.get(key)
        if cached is None:
            cached = find_config(path)
            with self._config_lock:
                self.config_cache[key] = cached
        config, problem = cached
        if problem and problem not in self.reported_config_problems:
            self.reported_config_problems.add(problem)
            self.log(problem, types.MessageType.Warning)
        return config

    def forget_config(self) -> None:
        with self._config_lock:
            self.config_cache.clear()
        self.reported_config_problems.clear()

    # -- linting --
    def lint_snapshot(self, uri: str, path: str | None, version: int | None, text: str,
                      language_id: str | None) -> LintState:
        """Lint one text snapshot (runs on the lint thread); never raises."""
        started = time.perf_counter()
        state = LintState(uri, version, text)
        try:
            config = self.config_for(path)
            doc = Document.from_text(text, path=path or uri, fmt=_format_of(uri, language_id))
            result: FileResult = lint(doc, config)
            positions = PositionMap(text, self.encoding)
            ruleset = (result.meta or {}).get("ruleset")
            state.positions = positions
            state.findings = [Finding(d, to_lsp_diagnostic(d, positions, ruleset, i), ruleset)
                              for i, d in enumerate(result.active())]
        except Exception as exc:
            key = f"{type(exc).__name__}: {exc}"
            if key not in self.reported_errors:      # once per distinct error, not per keystroke
                self.reported_errors.add(key)
                self.log(f"fzlint 无法检查 {uri}：{key}\n{traceback.format_exc()}",
                         types.MessageType.Error)
            state.findings = []
        state.seconds = time.perf_counter() - started
        return state

    def current(self, uri: str):
        try:
            return self.workspace.get_text_document(uri)
        except Exception:
            return None

    async def lint_now(self, uri: str) -> LintState | None:
        """Lint the current text of ``uri`` and publish, unless a newer version arrives."""
        doc = self.current(uri)
        if doc is None:
            return None
        language_id = doc.language_id or self.languages.get(uri)
        if not _is_report(uri, language_id):
            return None
        version, text = doc.version, doc.source
        loop = asyncio.get_running_loop()
        state = await loop.run_in_executor(self.lint_pool, self.lint_snapshot, uri, doc.path,
                                           version, text, language_id)
        latest = self.current(uri)
        if latest is None or uri not in self.languages:
            return None                        # closed meanwhile
        if latest.version != version or latest.source != text:
            return None                        # superseded: the newer version publishes
        self.states[uri] = state
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=[f.lsp for f in state.findings]))
        return state

    def schedule(self, uri: str, delay: float) -> None:
        """(Re)start the lint of ``uri`` after ``delay`` seconds; the newest request wins."""
        if self.loop is None:
            self.loop, self.loop_thread = asyncio.get_running_loop(), threading.get_ident()
        previous = self.pending.pop(uri, None)
        if previous is not None and not previous.done():
            previous.cancel()
        self.pending[uri] = asyncio.ensure_future(self._lint_after(uri, delay))

    async def _lint_after(self, uri: str, delay: float) -> None:
        try:
            if delay > 0:
                await asyncio.sleep(delay)
            await self.lint_now(uri)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self.log(f"fzlint 检查 {uri} 时出错：{exc}", types.MessageType.Error)
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    def is_fresh(self, state: LintState | None, uri: str) -> bool:
        doc = self.current(uri)
        return (state is not None and doc is not None and state.version == doc.version
                and state.text == doc.source)

    async def fresh_state(self, uri: str) -> LintState | None:
        """The lint state for the document's current version, or None.

        A debounced lint that is under way is waited for (not restarted), so hover and
        code-action requests sent while typing do not defeat the debounce.
        """
        if self.current(uri) is None:
            return None
        for _ in range(4):
            state = self.states.get(uri)
            if self.is_fresh(state, uri):
                return state
            task = self.pending.get(uri)
            if task is None or task.done():
                break
            await asyncio.wait({task}, timeout=2.0)
        state = await self.lint_now(uri)
        return state if self.is_fresh(state, uri) else None


def to_lsp_diagnostic(d: Diagnostic, positions: PositionMap, ruleset: str | None,
                      index: int) -> types.Diagnostic:
    message = d.message + (f"\n建议：{d.suggestion}" if d.suggestion else "")
    rule = _rule(ruleset, d.code)
    href = getattr(rule, "url", "") if rule else ""
    return types.Diagnostic(
        range=positions.range(d.line, d.column, d.end_line, d.end_column),
        severity=_SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning),
        code=d.code,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
        message=message,
        data={"index": index, "name": d.name, "fixable": bool(d.fix and d.fix.safe)},
    )


def _rule(ruleset: str | None, code: str):
    from .engine.ruleset import DEFAULT_RULESET, load_ruleset  # lru_cached: loaded once per process
    try:
        return load_ruleset(ruleset or DEFAULT_RULESET).by_code(code)
    except Exception:
        return None


def hover_text(finding: Finding, markdown: bool = True) -> str:
    d = finding.diagnostic
    rule = _rule(finding.ruleset, d.code)
    explanation = rule.explanation if rule else ""
    basis = d.basis or (rule.basis if rule else "")
    suggestion = d.suggestion or (rule.suggestion if rule else "")
    severity = SEVERITY_LABELS.get(d.severity, d.severity)
    if markdown:
        parts = [f"**{d.code}** `{d.name}`（{severity}）", d.message]
        if explanation:
            parts.append(f"**为什么**　{explanation}")
        if basis:
            parts.append(f"**依据**　{basis}")
        if suggestion:
            parts.append(f"**怎么改**　{suggestion}")
        if d.fix and d.fix.safe:
            parts.append("*可自动修正（快速修复）*")
        parts.append(f"详见 `fzlint rule {d.code}`")
        return "\n\n".join(parts)
    lines = [f"{d.code} {d.name}（{severity}）", d.message]
    if explanation:
        lines.append(f"为什么：{explanation}")
    if basis:
        lines.append(f"依据：{basis}")
    if suggestion:
        lines.append(f"怎么改：{suggestion}")
    return "\n".join(lines)


def _pos(p: types.Position) -> tuple[int, int]:
    return (p.line, p.character)


def _contains(r: types.Range, p: types.Position) -> bool:
    a, b, x = _pos(r.start), _pos(r.end), _pos(p)
    return a <= x < b or x == a


def _overlaps(r: types.Range, other: types.Range) -> bool:
    a, b = _pos(r.start), _pos(r.end)
    c, d = _pos(other.start), _pos(other.end)
    if a == b or c == d:       # an empty range touches what it sits on
        return c <= b and a <= d
    return a < d and c < b


def _same_diagnostic(ours: types.Diagnostic, theirs: types.Diagnostic) -> bool:
    return (ours.code == theirs.code and _pos(ours.range.start) == _pos(theirs.range.start)
            and _pos(ours.range.end) == _pos(theirs.range.end))


def _text_edits(edits: list[Edit], positions: PositionMap) -> list[types.TextEdit]:
    return [types.TextEdit(range=positions.range(e.line, e.column, e.end_line, e.end_column),
                           new_text=e.text) for e in edits]


def create_server(debounce: float = DEBOUNCE_SECONDS) -> FzlintServer:
    server = FzlintServer(debounce)

    @server.feature(types.INITIALIZED)
    def initialized(ls: FzlintServer, params: types.InitializedParams):
        ls.loop, ls.loop_thread = asyncio.get_running_loop(), threading.get_ident()
        # warm up: load the rule set (and whatever the kinds load lazily) before the
        # first document arrives, off the event loop
        def warm():
            try:
                lint(Document.from_text("一、主要举措\n", path="<warm-up>.txt"))
            except Exception as exc:
                ls.log(f"fzlint 预加载失败：{exc}", types.MessageType.Warning)
        ls.lint_pool.submit(warm)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FzlintServer, params: types.DidOpenTextDocumentParams):
        item = params.text_document
        ls.languages[item.uri] = item.language_id
        ls.schedule(item.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FzlintServer, params: types.DidChangeTextDocumentParams):
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: FzlintServer, params: types.DidSaveTextDocumentParams):
        uri = params.text_document.uri
        if uri.lower().endswith(CONFIG_SUFFIXES):
            ls.forget_config()
            for other in list(ls.languages):
                ls.schedule(other, 0)
            return
        ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FzlintServer, params: types.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        pending = ls.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        ls.languages.pop(uri, None)
        if ls.states.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: FzlintServer, params: types.DidChangeWatchedFilesParams):
        ls.forget_config()
        for uri in list(ls.languages):
            ls.schedule(uri, 0)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: FzlintServer, params: types.DidChangeConfigurationParams):
        ls.forget_config()
        for uri in list(ls.languages):
            ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: FzlintServer, params: types.HoverParams):
        try:
            state = await ls.fresh_state(params.text_document.uri)
            if state is None:
                return None
            hits = [f for f in state.findings if _contains(f.lsp.range, params.position)]
            if not hits:
                return None
            markdown = _client_hover_markdown(ls)
            text = ("\n\n---\n\n" if markdown else "\n\n").join(
                hover_text(f, markdown) for f in hits)
            kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
            return types.Hover(contents=types.MarkupContent(kind=kind, value=text),
                               range=hits[0].lsp.range)
        except Exception as exc:
            ls.log(f"fzlint 悬停信息出错：{exc}", types.MessageType.Error)
            return None

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=False))
    async def code_action(ls: FzlintServer, params: types.CodeActionParams):
        try:
            return await _code_actions(ls, params)
        except Exception as exc:
            ls.log(f"fzlint 快速修复出错：{exc}", types.MessageType.Error)
            return None

    return server


def _client_hover_markdown(ls: FzlintServer) -> bool:
    try:
        formats = ls.client_capabilities.text_document.hover.content_format
    except AttributeError:
        return True
    return not formats or types.MarkupKind.Markdown in formats


def _client_supports(ls: FzlintServer, attr_path: str) -> bool:
    obj = ls.client_capabilities
    for name in attr_path.split("."):
        obj = getattr(obj, name, None)
        if obj is None:
            return False
    return bool(obj)


def _workspace_edit(uri: str, version: int | None, edits: list[types.TextEdit],
                    document_changes: bool) -> types.WorkspaceEdit:
    if document_changes:       # versioned: the client refuses the edit if the text moved on
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
            edits=edits)])
    return types.WorkspaceEdit(changes={uri: edits})


async def _code_actions(ls: FzlintServer, params: types.CodeActionParams):
    uri = params.text_document.uri
    state = await ls.fresh_state(uri)
    if state is None or state.positions is None:
        return None
    return code_actions(
        state, params.range, params.context.diagnostics, params.context.only,
        disabled_ok=_client_supports(ls, "text_document.code_action.disabled_support"),
        document_changes=_client_supports(ls, "workspace.workspace_edit.document_changes"))


def code_actions(state: LintState, request_range: types.Range,
                 asked: list[types.Diagnostic] | None = None, only: list[str] | None = None,
                 disabled_ok: bool = False, document_changes: bool = False):
    """Quick fixes for the findings in ``request_range`` (or named in ``asked``), plus a
    "fix all" source action. Only safe fixes become edits; an unsafe one is at most shown
    as a disabled action (when the client can show those)."""
    uri, positions = state.uri, state.positions
    want_quickfix = not only or any(types.CodeActionKind.QuickFix.startswith(k) or
                                    k.startswith(types.CodeActionKind.QuickFix) for k in only)
    want_fix_all = not only or any(FIX_ALL_KIND.startswith(k) for k in only)
    asked = [d for d in asked or [] if d.source == SOURCE]
    actions: list[types.CodeAction] = []
    if want_quickfix:
        for f in state.findings:
            if not (_overlaps(f.lsp.range, request_range) or
                    any(_same_diagnostic(f.lsp, d) for d in asked)):
                continue
            fix = f.diagnostic.fix
            if fix is None or not fix.edits:
                continue
            title = f"{fix.description or '按 ' + f.diagnostic.code + ' 修正'}（fzlint {f.diagnostic.code}）"
            if fix.safe:
                actions.append(types.CodeAction(
                    title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[f.lsp],
                    is_preferred=True,
                    edit=_workspace_edit(uri, state.version, _text_edits(fix.edits, positions),
                                         document_changes)))
            elif disabled_ok:
                actions.append(types.CodeAction(
                    title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[f.lsp],
                    disabled=types.CodeActionDisabled(
                        reason="此修改可能改变原意，不自动应用；请人工核对后修改")))
    if want_fix_all:
        edits, used = [], []
        taken: list[tuple[int, int]] = []
        for f in state.findings:
            fix = f.diagnostic.fix
            if not (fix and fix.safe and fix.edits):
                continue
            spans = [(positions.offset(e.line, e.column), positions.offset(e.end_line, e.end_column))
                     for e in fix.edits]
            if any((a < y and x < b) or a == b == x for a, b in spans for x, y in taken):
                continue               # overlaps an earlier fix: left for the next round
            taken.extend(spans)
            edits.extend(_text_edits(fix.edits, positions))
            used.append(f.lsp)
        if edits and (only or len(used) > 1):
            actions.append(types.CodeAction(
                title=f"fzlint：修正全部可安全修正的问题（{len(used)} 处）", kind=FIX_ALL_KIND,
                diagnostics=used,
                edit=_workspace_edit(uri, state.version, edits, document_changes)))
    return actions or None


def serve() -> None:
    """Run the server over stdin/stdout until the client says exit."""
    logging.basicConfig(level=logging.WARNING, format="fzlint-lsp %(levelname)s %(message)s")
    create_server().start_io()
