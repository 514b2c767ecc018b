"""Type a title or a name in place, over the card or header it belongs to.

Enter (or clicking elsewhere) commits once, as one undo step; Escape cancels and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsView, QLineEdit

from blueprint.ui.canvas import style


class InPlaceEditor(QObject):
    """A line edit over `scene_rect` of `view`; `on_commit(text)` is called at most once."""

    def __init__(
        self,
        view: QGraphicsView,
        scene_rect: QRectF,
        text: str,
        on_commit: Callable[[str], None],
        on_end: Callable[[], None],
        placeholder: str = "",
    ) -> None:
        super().__init__(view)
        self.view = view
        self.on_commit = on_commit
        self.on_end = on_end
        self.done = False
        self.original = text
        self.edit = QLineEdit(view.viewport())
        self.edit.setObjectName("inPlaceEditor")
        self.edit.setMaxLength(500)  # the longest card title; names are checked by the document
        self.edit.setText(text)
        self.edit.setPlaceholderText(placeholder)
        self.edit.selectAll()
        self.edit.setFont(
            style.font(round(max(9.0, style.TITLE_SIZE * view.transform().m11()), 1), bold=True)
        )
        rect = view.mapFromScene(scene_rect).boundingRect()
        height = max(rect.height(), self.edit.sizeHint().height())
        self.edit.setGeometry(rect.x(), rect.y(), max(rect.width(), 120), min(height, 40))
        self.edit.installEventFilter(self)
        self.edit.returnPressed.connect(self.commit)
        self.edit.show()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def text(self) -> str:
        return self.edit.text()

    def commit(self) -> None:
        if self.done:
            return
        self.done = True
        text = self.edit.text()
        self._close()
        if text.strip() and text != self.original:
            self.on_commit(text)

    def cancel(self) -> None:
        if self.done:
            return
        self.done = True
        self._close()

    def _close(self) -> None:
        self.edit.removeEventFilter(self)
        self.edit.hide()
        self.edit.deleteLater()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.on_end()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # while typing in place, keys go to the text, not to window shortcuts
                return False
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.key() == Qt.Key.Key_Escape:
                    self.cancel()
                    return True
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    # Consumed here: QLineEdit ignores Return after returnPressed, and the event would
                    # reach the view, whose Enter ("edit the selection") reopened this editor at once.
                    self.commit()
                    return True
            elif event.type() == QEvent.Type.FocusOut and not self.done:
                self.commit()
        return False
