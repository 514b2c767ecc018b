"""Writing an exported file atomically (the same safe write as `.blueprint` files)."""

from __future__ import annotations

from pathlib import Path

from blueprint.fileformat import write_atomically


def write_output(path: str | Path, data: bytes) -> None:
    """Write `data` to `path` atomically; raise OSError (with the real reason) when it cannot."""
    write_atomically(path, data)
