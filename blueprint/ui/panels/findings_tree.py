"""The Findings list's tree: a top-level row marked `FIXED_ROLE` (the Errors group) is drawn without a
fold arrow, as it cannot be folded.

Qt's own way, `ChildIndicatorPolicy.DontShowIndicator`, also makes the model report no children, so
the group's rows vanish for good; here the branch of that one row is simply not drawn, its rows stay.
A press where the arrow would be does nothing, so the blank space does not act as a hidden arrow (the
panel also opens the group again should anything else fold it).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QMouseEvent, QPainter
from PySide6.QtWidgets import QTreeWidget

#: Set (True) on a row that is always expanded: its branch shows no arrow and does not fold it.
FIXED_ROLE = Qt.ItemDataRole.UserRole + 2


class FindingsTree(QTreeWidget):
    """A tree whose `FIXED_ROLE` rows show no fold arrow and cannot be folded by a click."""

    def drawBranches(
        self, painter: QPainter, rect: QRect, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if index.data(FIXED_ROLE):
            return  # no arrow for a group that cannot fold (the row's background is drawn already)
        super().drawBranches(painter, rect, index)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        fixed = index.isValid() and index.data(FIXED_ROLE)
        if fixed and event.position().x() < self.visualRect(index).left():
            event.accept()  # where the arrow would be: the view would fold the row, so nothing
            return
        super().mousePressEvent(event)
