"""What the ``fzlint`` program does before it imports anything else (``linter.__main__.run``).

A one-file run is mostly start-up: importing the package and its libraries, building their
regular expressions and tables. Two things make that cheaper, for the program only (a caller
that imports ``linter.frontends.cli``, a test or an editor plug-in, gets plain Python):

- the compiled-pattern store is installed (``regexstore``), before any pattern is compiled,
  and the literal analyses of the rules' patterns (``text.literals.kept``) are read from the
  cache folder; ``finish()`` writes both back when the command ends;
- the cyclic garbage collector is paused: start-up creates long-lived objects (modules,
  classes, tables) that it would walk again and again and never free. ``done()`` switches it
  back on: a check of more than one file does so before it starts (and before any worker
  process is forked), as do the district overview, the page and the language server; a
  one-file command runs to its end without it.
"""
from __future__ import annotations

import gc
from pathlib import Path

_paused = False
_literals: tuple | None = None      # (cache file, how many analyses it held) once begin() read it
WORTH_SAVING = 8                    # new analyses (one or two come from a report's own words)
MAX_LITERALS = 3000


def begin() -> None:
    global _paused, _literals
    if gc.isenabled():
        gc.disable()
        _paused = True
    from . import regexstore
    regexstore.install()
    from ..data import cache_file, read_cache
    from ..text import literals
    file = cache_file("literals", [Path(literals.__file__)])     # keyed on fzlint, Python and that module
    if file is not None:
        kept = read_cache(file)
        literals.kept = kept if isinstance(kept, dict) else {}
        _literals = (file, len(literals.kept))


def finish() -> None:
    """The command ends: keep what this run analysed and compiled for the next one."""
    from . import regexstore
    regexstore.save()
    if _literals is not None:
        from ..data import write_cache
        from ..text import literals
        file, had = _literals
        if literals.kept is not None and len(literals.kept) - had >= WORTH_SAVING:
            entries = list(literals.kept.items())[-MAX_LITERALS:]    # the oldest go first
            write_cache(file, dict(entries))


def done() -> None:
    """Start-up is over: the collector runs again (if ``begin`` paused it), less often and
    never over what start-up made (``batch.pool.collect_less``): what follows is many lints."""
    global _paused
    if _paused:
        gc.enable()
        _paused = False
        from ..batch.pool import collect_less
        collect_less()
