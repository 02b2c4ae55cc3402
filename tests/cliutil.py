"""Running the CLI from a test, as a user would from a folder."""
import os

from click.testing import CliRunner

from linter.frontends.cli import main


def run(args, cwd):
    """``fzlint ARGS`` with ``cwd`` as the working folder (config discovery starts there)."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)
