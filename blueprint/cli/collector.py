"""The cycle collector in a `blueprint` command: paused while the command's modules are imported, and,
in a process that ends with the command, kept off the objects that live until then.

Importing a command's modules (pydantic building the model classes, reportlab, the layout's tables)
and loading a file make a few hundred thousand lasting objects and almost no garbage, yet the
collections their allocations trigger walk them again and again, and at exit the interpreter walks
every object left once more. In a whole-process `blueprint export` of 5,000 cards (1.7 s of CPU) the
collections took about 0.04 s during the imports, 0.06 s during the load and 0.1 s at exit
(`gc.callbacks`). Nothing is lost: garbage made while paused is collected once the collector runs
again, and a process's memory goes back whole when it ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the collector paused; it runs again afterwards if it ran before (also on
    error). For a command's imports and the reading of its files, on its own thread before it starts
    any other: work that threads share pauses with `blueprint.layout.gcpause.without_gc` (counted
    across threads), which nests inside this."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_process_ends = False  # whether the command being run is the last thing its process does


def command_starts(process_ends: bool) -> None:
    """A sub-command starts; `process_ends` when the process ends with it (the `blueprint` program
    itself, not a test calling `main` in-process)."""
    global _process_ends
    _process_ends = process_ends


def settle() -> None:
    """The objects alive now (modules, the document just read, what a command keeps to its end) live
    as long as the process: when it ends with the command, keep them out of every later collection,
    the interpreter's last one included (`gc.freeze`). In-process, nothing changes. Garbage cycles
    frozen with them are not finalized: the commands close and flush their files themselves."""
    if _process_ends:
        gc.freeze()
