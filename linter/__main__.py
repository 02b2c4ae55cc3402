"""``python -m linter`` and the ``fzlint`` command (setup.cfg's entry point) run the command line."""


def run():
    from .frontends import startup
    startup.begin()           # before the package's modules are imported (see frontends.startup)
    from .frontends.cli import main
    main()


if __name__ == "__main__":
    run()
