import os


def display_path(path: str, base: str = ".") -> str:
    """A path relative to ``base`` when it lies below it, else as given; always with /."""
    if path.startswith("<"):
        return path
    try:
        rel = os.path.relpath(path, base)
    except ValueError:
        rel = path
    if rel.startswith(".."):
        rel = path
    return rel.replace(os.sep, "/")
