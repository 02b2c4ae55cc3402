"""What the ``fzlint`` program does before it imports anything else (``linter.__main__.run``).

A one-file run is mostly start-up: importing the package and its libraries, building their
regular expressions and tables. Two things make that cheaper, for the program only (a caller
that imports ``linter.frontends.cli``, a test or an editor plug-in, gets plain Python):

- the compiled-pattern store is installed (``regexstore``), before any pattern is compiled;
- the cyclic garbage collector is paused: start-up creates long-lived objects (modules,
  classes, tables) that it would walk again and again and never free. ``done()`` switches it
  back on: a check of more than one file does so before it starts (and before any worker
  process is forked), as do the district overview, the page and the language server; a
  one-file command runs to its end without it.
"""
from __future__ import annotations

import gc

_paused = False


def begin() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True
    from . import regexstore
    regexstore.install()


def done() -> None:
    """Start-up is over: the collector runs again (if ``begin`` paused it)."""
    global _paused
    if _paused:
        gc.enable()
        _paused = False
