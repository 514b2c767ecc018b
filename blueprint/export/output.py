"""Where an export may be written: never over the blueprint it was drawn from, never over a device.

`blueprint export plan.pdf -o plan.pdf` (a blueprint whose name ends in .pdf), `-o` through a symbolic
link to the input, or a hard link to it would replace the designer's work with the drawing of it; an
OUT that is (or points at) a device, a pipe or a folder would be replaced by a regular file. Both are
refused before anything is drawn, with one plain-English reason.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def output_problem(out: str | Path, source: str | Path | None = None) -> str | None:
    """Why `out` must not be written as an export of `source` (a file path, or None for standard
    input or an unsaved document), or None when it may be. Links are followed: what counts is the
    file that would be replaced."""
    try:
        found = os.stat(out)  # follows symbolic links, as the atomic write does
    except FileNotFoundError:
        return None  # a new file (or a link to a file that does not exist yet)
    except OSError:
        return None  # let the write itself report what is wrong with the folder
    if stat.S_ISDIR(found.st_mode):
        return "is a folder; give a file name"
    if not stat.S_ISREG(found.st_mode):
        return "is not a regular file (a device, pipe or socket); give the name of a file to write"
    if source is None:
        return None
    try:
        same = os.path.samefile(out, source)
    except OSError:
        return None
    if same:
        return "is the blueprint being exported; writing there would replace it (give another name)"
    return None
