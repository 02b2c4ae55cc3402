"""Stable identities for findings, shared by sarif and gitlab.

A finding is identified by its rule code and the normalised text of the paragraph it
points at (``Diagnostic.context``), plus a counter for identical (code, paragraph) pairs
in the same file. Line numbers are left out on purpose: adding a paragraph above a
finding must not make it a "new" alert.
"""
from __future__ import annotations

import hashlib


def _norm(text: str) -> str:
    return "".join(text.split())


def fingerprints(diagnostics) -> list[str]:
    """One hex fingerprint per diagnostic, in order."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    for d in diagnostics:
        key = (d.code, _norm(d.context or ""))
        n = seen.get(key, 0)
        seen[key] = n + 1
        out.append(hashlib.sha256(f"{key[0]}\0{key[1]}\0{n}".encode("utf-8")).hexdigest())
    return out
