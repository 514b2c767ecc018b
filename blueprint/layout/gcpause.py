"""Pause Python's cycle collector around work that allocates many small objects and makes no cycles.

A layout or an export allocates tens to hundreds of thousands of small immutable objects; the
collections those allocations trigger walk the whole layout again and again (a third of a layout's
time, a tenth of a big export's). Anything left in cycles is collected once the collector runs again.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager

_lock = threading.Lock()
_depth = 0  # how many blocks (on any thread) are inside `without_gc`
_was_enabled = True  # whether the collector ran before the first of them


@contextmanager
def without_gc() -> Iterator[None]:
    """Run the block with the cycle collector paused; it runs again (if it did before the first
    paused block) when the last paused block ends, also on error. Counted across threads: a layout
    on the UI thread that ends while a check beside it is paused (`ui/worker.collections_paused`)
    must not turn the collector back on under that check."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def pause() -> Callable[[], None]:
    """Pause the collector as `without_gc` does, for work that spans turns of an event loop (opening
    a file until its first paint); returns the call that ends this pause (calling it again does
    nothing). The caller must make sure it is called: until then no collection runs."""
    stack = ExitStack()
    stack.enter_context(without_gc())
    return stack.close
