"""New from a template: blank, classic, five-stage or eight-stage, each with a one-line description."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blueprint.resources import template_names

DESCRIPTIONS = {
    "blank": "An empty blueprint: add your own lanes, stages and steps.",
    "classic": "The five standard lanes (evidence, customer, frontstage, backstage, support) and one stage.",
    "five-stage": "Awareness, Consideration, Acquisition, Service, Loyalty.",
    "eight-stage": "The customer activity cycle: Solutions, Evaluation, Selection, Purchase, "
    "Take home / Deliver, Use, Maintain, Dispose.",
}
TITLES = {"blank": "Blank", "classic": "Classic", "five-stage": "Five stages", "eight-stage": "Eight stages"}


class TemplateChooser(QDialog):
    """A list of the built-in templates; `chosen()` is the selected template's name."""

    def __init__(self, parent: QWidget | None = None, default: str = "eight-stage") -> None:
        super().__init__(parent)
        self.setWindowTitle("New blueprint")
        self.setObjectName("templateChooser")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Start from a template:"))
        self.list = QListWidget(self)
        self.list.setObjectName("templateList")
        for name in template_names():
            item = QListWidgetItem(f"{TITLES.get(name, name)}\n    {DESCRIPTIONS.get(name, '')}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(DESCRIPTIONS.get(name, name))
            self.list.addItem(item)
            if name == default:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))
