"""What the window learns from clicks on the canvas, without taking them from the view.

An event filter on the canvas viewport (it only watches; the view still handles every event) keeps
the cell last clicked (Ctrl+V pastes there when no card is selected) and whether a selection change
comes from the mouse on the canvas (then the Inspector comes to the front, in case the Functions
panel was in front of it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow

PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)


class CanvasClicks(QObject):
    """Installed on `window.view.viewport()`; the view survives New and Open, so this does too."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_cell: tuple[str, str] | None = None
        self.clicking = False
        window.view.viewport().installEventFilter(self)
        window.selection.changed.connect(self._selection_changed)
        window.document_replaced.connect(self.forget)

    def forget(self) -> None:
        self.last_cell = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in PRESSES and isinstance(event, QMouseEvent):
            self.clicking = True
            if event.button() == Qt.MouseButton.LeftButton:
                view = self.window.view
                self.last_cell = view.scene().cell_at(view.mapToScene(event.position().toPoint()))
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.ContextMenu):
            self.clicking = True
            QTimer.singleShot(0, self._released)  # after the view has handled it
        return False

    def _released(self) -> None:
        self.clicking = False

    def _selection_changed(self) -> None:
        if self.clicking and self.window.selection.ids:
            self.window.show_inspector()
