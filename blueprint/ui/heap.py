"""Short garbage-collector pauses while a big blueprint is open.

Python's full collections walk every object the collector tracks. With a 5,000-card blueprint open
that is about 240,000 objects (the document, its layout, the canvas items' wrappers) and 110-150 ms
on the UI thread, about once per edit: each edit's layout, the findings snapshot and the findings
allocate enough to start one. Those objects live as long as the document does, so once a document is
open they are moved to the collector's permanent generation (`gc.freeze`) and full collections walk
only what was made since (10-40 ms). When another document replaces it, they are unfrozen (so the old
document's reference cycles are collected like any others) before the new one is frozen in turn.
"""

from __future__ import annotations

import gc
from typing import Protocol

from PySide6.QtCore import QTimer, SignalInstance

from blueprint.edit import Document
from blueprint.ui.after_paint import after_paint

#: Cards and links below which collections are short anyway (and freezing is not worth a collection).
BIG = 2_000


class _Window(Protocol):
    document: Document
    document_replaced: SignalInstance


def settle(document: Document) -> bool:
    """Unfreeze what an earlier document froze; freeze the heap if `document` is big. True if frozen."""
    gc.unfreeze()
    blueprint = document.blueprint
    if len(blueprint.cards) + len(blueprint.links) < BIG:
        return False
    gc.collect()  # garbage is not frozen: only what is still in use
    gc.freeze()
    return True


def keep_pauses_short(window: _Window) -> None:
    """Settle the heap after the window's document is shown, and after each replacement."""

    def soon() -> None:  # after the scene of the new document is built, shown and painted
        view = getattr(window, "view", None)
        if view is None:
            QTimer.singleShot(0, lambda: settle(window.document))
        else:
            after_paint(view.viewport(), lambda: settle(window.document))

    window.document_replaced.connect(soon)
    soon()
