"""New from a template (blank, classic, five-stage, eight-stage); the chosen one's description below."""

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
    """A list of the built-in templates with the chosen one's description below it (wrapped, so it never
    needs sideways scrolling); `chosen()` is the selected template's name. Classic is preselected, as
    it is what `blueprint` opens with no file."""

    def __init__(self, parent: QWidget | None = None, default: str = "classic") -> None:
        super().__init__(parent)
        self.setWindowTitle("New blueprint")
        self.setObjectName("templateChooser")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Start from a template:"))
        self.list = QListWidget(self)
        self.list.setObjectName("templateList")
        self.description = QLabel(self)
        self.description.setObjectName("templateDescription")
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setWordWrap(True)
        self.description.setMinimumHeight(self.description.fontMetrics().lineSpacing() * 3)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.list.currentItemChanged.connect(self._describe)
        for name in template_names():
            item = QListWidgetItem(TITLES.get(name, name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(DESCRIPTIONS.get(name, name))
            self.list.addItem(item)
            if name == default:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list)
        layout.addWidget(self.description)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 320)

    def _describe(self, item: QListWidgetItem | None) -> None:
        name = None if item is None else str(item.data(Qt.ItemDataRole.UserRole))
        self.description.setText(DESCRIPTIONS.get(name or "", ""))

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))
