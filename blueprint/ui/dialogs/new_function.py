"""Set function > New function…: the name and the kind (team, role, system, partner) of a new function."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from blueprint.ui.vocabulary import FUNCTION_KINDS


class NewFunctionDialog(QDialog):
    """Name (required) and kind; `name()` and `kind()` after `exec()` accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New function")
        self.setObjectName("newFunctionDialog")
        form = QFormLayout(self)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("functionName")
        self.name_edit.setMaxLength(100)
        self.name_edit.setPlaceholderText("e.g. Barista, Payment provider, Order app")
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("functionKind")
        for kind, label in FUNCTION_KINDS:
            self.kind_box.addItem(label, kind)
        for text, field in (("&Name:", self.name_edit), ("&Kind:", self.kind_box)):
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(label, field)
        form.addRow(QLabel("The team, role, system or partner that does the work of the selected cards."))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.name_edit.textChanged.connect(self._allow)
        self._allow()
        self.resize(420, 0)

    def _allow(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()))

    def name(self) -> str:
        return self.name_edit.text().strip()

    def kind(self) -> str:
        return str(self.kind_box.currentData())
