"""Pause Python's cycle collector around work that allocates many small objects and makes no cycles.

A layout or an export allocates tens to hundreds of thousands of small immutable objects; the
collections those allocations trigger walk the whole layout again and again (a third of a layout's
time, a tenth of a big export's). Anything left in cycles is collected once the collector runs again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def without_gc() -> Iterator[None]:
    """Run the block with the cycle collector paused (restored afterwards, also on error)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
