"""``fzlint lsp``: the language server, split by job — ``positions`` (linter columns to
LSP positions), ``actions`` (quick fixes), ``server`` (messages, lint workers, hover)."""
from .actions import code_actions
from .positions import PositionMap
from .server import Finding, LintState, LintWorkers, create_server, serve, to_lsp_diagnostic

__all__ = ["Finding", "LintState", "LintWorkers", "PositionMap", "code_actions", "create_server",
           "serve", "to_lsp_diagnostic"]
