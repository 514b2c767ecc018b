"""The editor's shared selection: which elements (cards, links, lanes, stages, steps) are selected.

The canvas, the Inspector and the Findings panel all read and set it, so it lives apart from each of
them. It holds ids only: the document stays the one truth.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """Selected element ids, in the order they were selected."""

    #: Emitted after the selection changed.
    changed = Signal()
    #: Emitted when someone asks the view to bring these ids into sight (e.g. a clicked finding).
    centre_requested = Signal(tuple)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: tuple[str, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        return self._ids

    def set(self, ids: Iterable[str], *, centre: bool = False) -> None:
        """Select exactly `ids` (duplicates dropped); with `centre`, ask the view to show them."""
        new = tuple(dict.fromkeys(ids))
        if new != self._ids:
            self._ids = new
            self.changed.emit()
        if centre and new:
            self.centre_requested.emit(new)

    def clear(self) -> None:
        self.set(())

    def discard(self, ids: Iterable[str]) -> None:
        """Drop ids that no longer exist (after a removal)."""
        gone = set(ids)
        self.set(i for i in self._ids if i not in gone)
