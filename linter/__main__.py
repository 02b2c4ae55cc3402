"""``python -m linter`` runs the fzlint command line."""
from .frontends.cli import main

if __name__ == "__main__":
    main()
