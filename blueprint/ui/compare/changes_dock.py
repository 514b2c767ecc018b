"""The Changes dock of Compare With: the line of measures, then one row per change in the words of
`blueprint diff`. A click on a row selects its element on the comparison's canvas and brings it into
sight; a click on the canvas highlights the element's row.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from blueprint.teams.comparison import Comparison
from blueprint.ui.compare.overlay import COLOURS
from blueprint.ui.panels.swatch import dot_icon
from blueprint.ui.plain import tooltip
from blueprint.ui.selection import Selection

ID_ROLE = Qt.ItemDataRole.UserRole
#: Elements the canvas can select (it has an item or a header for them).
SELECTABLE = frozenset({"card", "link", "lane", "stage", "step"})


class ChangesDock(QDockWidget):
    """Lists the changes of `comparison`; selects through `selection` (the comparison's own)."""

    def __init__(self, comparison: Comparison, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__("Changes", parent)
        self.setObjectName("changes")
        self.selection = selection
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        count = len(comparison.rows)
        self.summary = QLabel(
            "No changes: the two versions are the same document."
            if comparison.same
            else f"{count} change{'s' * (count != 1)}, older version first"
        )
        self.summary.setObjectName("changesSummary")
        self.list = QListWidget()
        self.list.setObjectName("changesList")
        self.list.setUniformItemSizes(True)
        self.list.setToolTip("What changed, in words: click a change to select it on the canvas")
        for change, text in comparison.rows:
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, change.id if change.element in SELECTABLE else None)
            item.setIcon(dot_icon(COLOURS["changed" if change.change == "moved" else change.change]))
            item.setToolTip(tooltip(text))
            self.list.addItem(item)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.setWidget(body)
        self.list.itemClicked.connect(self._clicked)
        selection.changed.connect(self._follow_selection)

    def _clicked(self, item: QListWidgetItem) -> None:
        element_id = item.data(ID_ROLE)
        if element_id:
            self.selection.set([element_id], centre=True)

    def _follow_selection(self) -> None:
        chosen = set(self.selection.ids)
        current = self.list.currentItem()
        if current is not None and current.data(ID_ROLE) in chosen:
            return
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) in chosen:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return
        self.list.clearSelection()

    def row_of(self, element_id: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == element_id:
                return item
        return None
