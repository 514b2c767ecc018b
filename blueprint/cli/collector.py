"""The cycle collector in a `blueprint` command: paused while the command's modules are imported, and
left out of the interpreter's exit when the process ends with the command.

Importing a command's modules (pydantic building the model classes, reportlab, the layout's tables)
makes a few hundred thousand lasting objects and almost no garbage, yet the collections their
allocations trigger walk them again and again; at exit the interpreter walks every object left once
more. In a whole-process `blueprint export` of 5,000 cards (1.7 s of CPU) the collections during its
imports took about 0.04 s and the one at exit 0.1 s (`gc.callbacks`). Nothing is lost: garbage made
while paused is collected once the collector runs again, and a process's memory goes back whole.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the collector paused; it runs again afterwards if it ran before (also on
    error). Meant for the command's imports, before the command starts any thread: work that threads
    share pauses with `blueprint.layout.gcpause.without_gc`, which nests inside this."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def skip_exit_collection() -> None:
    """The process ends now: keep the objects still alive out of the interpreter's last collection
    (`gc.freeze`). Only for a process that exits right after; garbage cycles left are not finalized,
    which the commands do not rely on (they close and flush their files themselves)."""
    gc.freeze()
