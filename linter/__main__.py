"""``python -m linter`` and the ``fzlint`` command (setup.cfg's entry point) run the command line."""


def run():
    from .frontends import startup
    startup.begin()           # before the package's modules are imported (see frontends.startup)
    from .frontends.cli import main
    try:
        main()
    except SystemExit as done:
        end(done.code)
    end(0)


def end(code) -> None:
    """End the program without taking the interpreter apart: its exit handlers run and its
    output is flushed, but the modules, rule sets and compiled patterns are not freed one by
    one — about a tenth of a one-file run, for memory the system takes back at once anyway
    (as mypy does). Every file the command writes is closed by then; the caches are written
    by ``startup.finish``, which the command calls before it returns."""
    import atexit
    import os
    import sys
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:                     # sys.exit("message"): shown, and a failure, as Python does
        print(code, file=sys.stderr)
        status = 1
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None:       # not CPython: the usual way out
        sys.exit(status)
    run_exit_handlers()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):   # a closed pipe (| head): nothing more can be shown
            pass
    os._exit(status)


if __name__ == "__main__":
    run()
