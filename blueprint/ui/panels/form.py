"""A form of labelled fields, each with a plain message beside it when the last edit was refused.

Widgets report only what the person did (textEdited, activated, clicked), never programmatic loads,
so loading a form never creates an edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from blueprint.ui.panels.heading import Heading
from blueprint.ui.plain import plain_label

ERROR_STYLE = "color: #b3261e;"


class Form(QWidget):
    """Rows of `label: widget` with an error line under each widget."""

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        self._layout = QFormLayout()
        outer.addLayout(self._layout)
        outer.addStretch(1)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.heading = Heading(heading)
        self._layout.addRow(self.heading)
        self.errors: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

    def add(self, key: str, label: str, widget: QWidget, tooltip: str) -> QWidget:
        """A row: `label` names `widget` for the eye and, as its buddy and accessible name, for a screen
        reader (which reads "Title", not nothing)."""
        widget.setToolTip(tooltip)
        widget.setObjectName(key)
        widget.setAccessibleName(label)
        widget.setAccessibleDescription(tooltip)
        name = QLabel(label)
        name.setBuddy(widget)
        error = plain_label(QLabel())
        error.setObjectName(f"{key}-error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        # a long message wraps instead of widening the form (and with it every Inspector form)
        error.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        column.addWidget(error)
        self._layout.addRow(name, box)
        self.errors[key] = error
        self.widgets[key] = widget
        return widget

    def show_error(self, key: str, message: str) -> None:
        label = self.errors.get(key)
        if label is not None:
            label.setText(message)
            label.show()

    def clear_error(self, key: str) -> None:
        label = self.errors.get(key)
        if label is not None:
            label.clear()
            label.hide()

    def clear_errors(self) -> None:
        for key in self.errors:
            self.clear_error(key)

    def error_text(self, key: str) -> str:
        label = self.errors.get(key)
        return label.text() if label is not None and label.isVisibleTo(self) else ""


def line_edit(on_edit: Callable[[str], None], placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.textEdited.connect(on_edit)
    return edit


def plain_edit(on_edit: Callable[[str], None], placeholder: str = "") -> QPlainTextEdit:
    """A multi-line field; edits are reported only when the text differs from what was loaded."""
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(90)

    def changed() -> None:
        if not edit.signalsBlocked():
            on_edit(edit.toPlainText())

    edit.textChanged.connect(changed)
    return edit


class ChoiceBox(QComboBox):
    """A combo box of (text, value) choices; values are any Python value, None included."""

    def __init__(self, choices: Sequence[tuple[str, Any]], on_pick: Callable[[Any], None]) -> None:
        super().__init__()
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        self.values: list[Any] = []
        self._choices: list[tuple[str, Any]] | None = None
        self.set_choices(choices)
        self.activated.connect(lambda index: on_pick(self.values[index]))

    def set_choices(self, choices: Sequence[tuple[str, Any]]) -> None:
        """Replace the choices (skipped when unchanged: the Inspector reloads on every keystroke)."""
        if list(choices) == self._choices:
            return
        self._choices = list(choices)
        current = self.value()
        self.blockSignals(True)
        self.clear()
        self.values = [value for _, value in choices]
        self.addItems([text for text, _ in choices])
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> Any:
        index = self.currentIndex()
        return self.values[index] if 0 <= index < len(self.values) else None

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(self.values.index(value) if value in self.values else (0 if self.values else -1))
        self.blockSignals(False)


def check_box(text: str, on_click: Callable[[bool], None]) -> QCheckBox:
    box = QCheckBox(text)
    box.clicked.connect(on_click)
    return box


def set_line(edit: QLineEdit, text: str) -> None:
    """Show `text` unless it is already shown (keeps the cursor while the person types)."""
    if edit.text() != text:
        edit.setText(text)
        if not edit.hasFocus():
            edit.setCursorPosition(0)


def set_plain(edit: QPlainTextEdit, text: str) -> None:
    if edit.toPlainText() != text:
        edit.blockSignals(True)
        edit.setPlainText(text)
        edit.blockSignals(False)
