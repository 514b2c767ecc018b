"""Writing an exported file: atomically, and readable like any other new file of the user's.

`write_atomically` writes through a private temporary file (mode 0600) and keeps the mode of a file
it replaces; a new export gets the mode the user's umask gives new files, as a plain write would.
"""

from __future__ import annotations

import os
from pathlib import Path

from blueprint.fileformat import write_atomically


def write_output(path: str | Path, data: bytes) -> None:
    """Write `data` to `path` atomically; raise OSError (with the real reason) when it cannot."""
    target = Path(path)
    is_new = not target.exists()
    write_atomically(target, data)
    if is_new:
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(target, 0o666 & ~mask)
