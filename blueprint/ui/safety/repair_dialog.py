""" "Open and repair": list exactly what will be moved, dropped or cleared, then open the repaired document.

The repaired document opens as unsaved changes to the original path: the file itself is only changed
when the designer saves.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from blueprint.edit import Document
from blueprint.fileformat import BlueprintFileError
from blueprint.fileformat.ondisk import read_file
from blueprint.fileformat.repair import RepairPlan, is_repairable, plan_repair_text
from blueprint.ui.dialogs.lifetime import run_modal
from blueprint.ui.safety import prompts
from blueprint.ui.safety.restore import show_as_unsaved


class RepairDialog(QDialog):
    """The plan, one line per change, with "Repair and open" and "Cancel"."""

    def __init__(self, plan: RepairPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repairDialog")
        self.setWindowTitle("Open and repair")
        name = Path(plan.file).name if plan.file else "this file"
        intro = QLabel(
            f"“{name}” refers to elements that are not in it, or a card has no title. Opening it will "
            "make these changes "
            "(the file itself changes only when you save):"
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.changes = QListWidget()
        self.changes.setObjectName("repairChanges")
        for action in plan.actions:
            self.changes.addItem(action.text)  # QListWidgetItem text is plain text
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.repair_button = buttons.addButton("Repair and open", QDialogButtonBox.ButtonRole.AcceptRole)
        self.repair_button.setObjectName("repairButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.changes)
        layout.addWidget(buttons)
        self.resize(640, 360)


def confirm_repair(parent: QWidget | None, plan: RepairPlan) -> bool:
    """Show the plan; True when the designer chose "Repair and open"."""
    return run_modal(RepairDialog(plan, parent)) == QDialog.DialogCode.Accepted


def refuse_or_repair(window: QMainWindow, path: str | Path, error: BlueprintFileError) -> bool:
    """What the main window does with a file it cannot open: show the one-line error and, when the only
    problems are missing ids, offer "Open and repair…". Returns True when a document was opened."""
    if not is_repairable(error):
        prompts.show_problem(window, "Cannot open the file", error.one_line())
        return False
    if not prompts.ask_open_and_repair(window, error.one_line()):
        return False
    return offer_repair(window, path)


def offer_repair(window: QMainWindow, path: str | Path) -> bool:
    """Plan the repair of `path`, show it, and open the repaired document if the designer agrees.

    Returns True when a document was opened. A file that cannot be repaired shows its one-line error.
    """
    try:
        data, state = read_file(path)  # what Save later checks for changes by other programs
        plan = plan_repair_text(data, file=str(path))
    except BlueprintFileError as error:
        prompts.show_problem(window, "Cannot open the file", error.one_line())
        return False
    if plan.actions and not confirm_repair(window, plan):
        return False
    source = None if plan.actions else data  # a repaired document is not the file's text
    document = Document(plan.repaired, Path(path), disk=state, source=source)
    if plan.actions:
        show_as_unsaved(window, document)
    else:
        window.set_document(document)  # type: ignore[attr-defined]
    return True
