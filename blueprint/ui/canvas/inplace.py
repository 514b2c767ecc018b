"""Type a title or a name in place, over the card or header it belongs to.

Enter (or clicking elsewhere) commits once, as one undo step; Escape cancels and changes nothing.
A description is typed in a several-line box: Shift+Enter starts a new line, and it may be emptied.
Where the caller says what comes next (names of lanes, stages and steps), Tab commits and goes on to the
next one, Shift+Tab to the one before, as in a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QGraphicsView, QLineEdit, QPlainTextEdit

from blueprint.layout import metrics as m
from blueprint.ui.canvas import style

LEAVES_OPEN = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)


class InPlaceEditor(QObject):
    """A line edit over `scene_rect` of `view`; `on_commit(text)` is called at most once.

    With `multi_line`, a plain text box (several lines; an empty text is a change too)."""

    def __init__(
        self,
        view: QGraphicsView,
        scene_rect: QRectF,
        text: str,
        on_commit: Callable[[str], None],
        on_end: Callable[[], None],
        placeholder: str = "",
        multi_line: bool = False,
        on_tab: Callable[[bool], None] | None = None,
    ) -> None:
        super().__init__(view)
        self.on_tab = on_tab
        self.view = view
        self.on_commit = on_commit
        self.on_end = on_end
        self.done = False
        self.original = text
        self.multi_line = multi_line
        zoom = view.transform().m11()
        rect = view.mapFromScene(scene_rect).boundingRect()
        if multi_line:
            self.edit: QLineEdit | QPlainTextEdit = QPlainTextEdit(view.viewport())
            self.edit.setPlainText(text)
            self.edit.setPlaceholderText(placeholder)
            self.edit.selectAll()
            self.edit.setFont(style.font(round(max(9.0, m.DESCRIPTION_SIZE * zoom), 1)))
            self.edit.setToolTip("Enter: done · Shift+Enter: new line · Escape: cancel")
            lines = self.edit.fontMetrics().lineSpacing()
            height = min(max(rect.height(), 4 * lines + 12), 10 * lines + 12)
            self.edit.setGeometry(rect.x(), rect.y(), max(rect.width(), 220), height)
        else:
            self.edit = QLineEdit(view.viewport())
            self.edit.setMaxLength(500)  # the longest card title; names are checked by the document
            self.edit.setText(text)
            self.edit.setPlaceholderText(placeholder)
            self.edit.selectAll()
            self.edit.setFont(style.font(round(max(9.0, style.TITLE_SIZE * zoom), 1), bold=True))
            height = max(rect.height(), self.edit.sizeHint().height())
            self.edit.setGeometry(rect.x(), rect.y(), max(rect.width(), 120), min(height, 40))
            self.edit.returnPressed.connect(self.commit)
        self.edit.setObjectName("inPlaceEditor")
        self.edit.installEventFilter(self)
        self.edit.show()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def text(self) -> str:
        if isinstance(self.edit, QPlainTextEdit):
            return self.edit.toPlainText()
        return self.edit.text()

    def commit(self) -> None:
        if self.done:
            return
        self.done = True
        text = self.text()
        self._close()
        if (text.strip() or self.multi_line) and text != self.original:
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
                if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self.on_tab is not None:
                    backwards = event.key() == Qt.Key.Key_Backtab or bool(
                        event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                    )
                    self.commit()
                    self.on_tab(not backwards)
                    return True
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                if self.multi_line and shift and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.edit.insertPlainText("\n")  # type: ignore[union-attr]
                    return True
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    # Consumed here: QLineEdit ignores Return after returnPressed, and the event would
                    # reach the view, whose Enter ("edit the selection") reopened this editor at once.
                    self.commit()
                    return True
            elif (
                event.type() == QEvent.Type.FocusOut
                and isinstance(event, QFocusEvent)
                and event.reason() not in LEAVES_OPEN  # a menu or another window for a while
                and not self.done
            ):
                self.commit()
        return False
