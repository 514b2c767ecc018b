"""The canvas of Compare With: the editor's view, read-only.

It zooms, pans, scrolls and keeps the headers frozen as the editor's canvas does, and a click selects
the card, link or header under the mouse; every gesture that would change the document (drag, connect,
double-click to type, Delete, F2, the context menu) does nothing here. Ctrl+plus, Ctrl+minus, Ctrl+1
and Ctrl+0 zoom this view (the window's zoom actions serve the editor's canvas).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from blueprint.ui.canvas import navigation
from blueprint.ui.canvas.editing import CanvasEditor
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.canvas.view import BlueprintView

_CTRL = Qt.KeyboardModifier.ControlModifier


class CompareView(BlueprintView):
    """A BlueprintView on the comparison's scene that only looks and selects."""

    def __init__(self, scene: BlueprintScene, editor: CanvasEditor, parent: QWidget | None = None) -> None:
        super().__init__(scene, editor, parent)
        self.setObjectName("compareCanvas")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (button == Qt.MouseButton.LeftButton and self.space_held):
            super().mousePressEvent(event)  # panning
            return
        if button != Qt.MouseButton.LeftButton:
            event.accept()
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        scene, selection = self.scene(), self.editor.selection
        pos = self.mapToScene(event.position().toPoint())
        header = scene.header_at(pos)
        card = scene.card_at(pos) if header is None else None
        link = scene.link_at(pos) if header is None and card is None else None
        if header is not None:
            selection.set([header[1]])
        elif card is not None:
            selection.set([card.card_id])
        elif link is not None:
            selection.set([link.link_id])
        else:
            selection.clear()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.interaction is not None:  # a pan in progress
            super().mouseMoveEvent(event)
        else:  # hover (tooltips), but no connector cursor: nothing can be connected here
            QGraphicsView.mouseMoveEvent(self, event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if modifiers & _CTRL:
            zoom = {
                Qt.Key.Key_Plus: self.zoom_in,
                Qt.Key.Key_Equal: self.zoom_in,
                Qt.Key.Key_Minus: self.zoom_out,
                Qt.Key.Key_1: self.zoom_actual,
                Qt.Key.Key_0: self.fit,
            }.get(Qt.Key(key))
            if zoom is not None:
                zoom()
                event.accept()
                return
        if key == Qt.Key.Key_Escape:
            self.editor.selection.clear()
            return
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            super().keyPressEvent(event)  # hold Space to pan
            return
        direction = navigation.DIRECTIONS.get(key)
        if direction is not None and not modifiers & _CTRL:
            found = navigation.next_card(self.scene().layout, self.editor.selected_cards(), direction)
            if found is not None:
                self.editor.selection.set([found])
                self.centre_on_ids((found,))
        event.accept()
