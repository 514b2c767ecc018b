"""What the window learns from clicks on the canvas, without taking them from the view.

An event filter on the canvas viewport (it only watches; the view still handles every event) keeps
the cell last clicked (Ctrl+V pastes there when no card is selected) and whether a selection change
comes from the mouse on the canvas (then the Inspector comes to the front, in case the Functions
panel was in front of it). A double-click on a card's description opens the description editor
(anywhere else on the card, the view opens its title).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent

from blueprint.layout import metrics as m

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
                pos = view.mapToScene(event.position().toPoint())
                self.last_cell = view.scene().cell_at(pos)
                card_id = self._description_at(pos) if kind == QEvent.Type.MouseButtonDblClick else None
                if card_id is not None:
                    view.edit_description(card_id)
                    return True  # the view would open the title instead
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.ContextMenu):
            self.clicking = True
            QTimer.singleShot(0, self._released)  # after the view has handled it
        return False

    def _description_at(self, pos: QPointF) -> str | None:
        """The card whose description text is under `pos` (where the card item draws it)."""
        scene = self.window.view.scene()
        item = scene.card_at(pos)
        shape = scene.layout.cards.get(item.card_id) if item is not None else None
        if shape is None or not shape.description_lines:
            return None
        top = shape.box.y + m.CARD_PAD + (m.MARKER_HEIGHT / 2 if shape.markers else 0)
        top += len(shape.title_lines) * m.TITLE_LEADING
        bottom = top + m.BLOCK_GAP + len(shape.description_lines) * m.DESCRIPTION_LEADING
        return shape.card_id if top <= pos.y() <= bottom + m.BLOCK_GAP / 2 else None

    def _released(self) -> None:
        self.clicking = False

    def _selection_changed(self) -> None:
        if self.clicking and self.window.selection.ids:
            self.window.show_inspector()
