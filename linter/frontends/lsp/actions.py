"""Code actions: a finding's safe fix as a quick fix, and "fix all" as a source action.
Unsafe suggestions are never offered as edits (at most as a disabled action)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from ...document.result import Edit
from .positions import PositionMap

if TYPE_CHECKING:
    from .server import LintState

SOURCE = "fzlint"
FIX_ALL_KIND = types.CodeActionKind.SourceFixAll + ".fzlint"


def pos(p: types.Position) -> tuple[int, int]:
    return (p.line, p.character)


def contains(r: types.Range, p: types.Position) -> bool:
    a, b, x = pos(r.start), pos(r.end), pos(p)
    return a <= x < b or x == a


def _overlaps(r: types.Range, other: types.Range) -> bool:
    a, b = pos(r.start), pos(r.end)
    c, d = pos(other.start), pos(other.end)
    if a == b or c == d:       # an empty range touches what it sits on
        return c <= b and a <= d
    return a < d and c < b


def _same_diagnostic(ours: types.Diagnostic, theirs: types.Diagnostic) -> bool:
    return (ours.code == theirs.code and pos(ours.range.start) == pos(theirs.range.start)
            and pos(ours.range.end) == pos(theirs.range.end))


def _text_edits(edits: list[Edit], positions: PositionMap) -> list[types.TextEdit]:
    return [types.TextEdit(range=positions.range(e.line, e.column, e.end_line, e.end_column),
                           new_text=e.text) for e in edits]


def _workspace_edit(uri: str, version: int | None, edits: list[types.TextEdit],
                    document_changes: bool) -> types.WorkspaceEdit:
    if document_changes:       # versioned: the client refuses the edit if the text moved on
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
            edits=edits)])
    return types.WorkspaceEdit(changes={uri: edits})


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
