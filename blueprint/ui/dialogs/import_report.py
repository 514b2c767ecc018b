"""The import report, shown before an imported blueprint opens: what was created, and every line of
what could not be imported as it was. Open shows the blueprint as a new, unsaved document; Copy
Report puts the whole report on the clipboard (the same lines `blueprint import` prints)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from blueprint.interchange.report import ImportReport


class ImportReportDialog(QDialog):
    """`exec()` is Accepted when the designer chooses to open the imported blueprint."""

    def __init__(self, parent: QWidget | None, report: ImportReport) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import")
        self.setObjectName("importReport")
        layout = QVBoxLayout(self)
        first, created, *_ = report.lines()
        self.summary = QLabel(f"{first}\n{created}")
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        count = len(report.notes)
        heading = (
            f"Not imported as it was ({count}), each with its sheet, row and column:"
            if count
            else "Everything was imported."
        )
        layout.addWidget(QLabel(heading))
        # Plain text, not a list of items: it lays out only what is in view, so a report of 50,000
        # lines opens at once (a list widget took 10 s), and any part of it can be selected and copied.
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("importNotes")
        self.notes.setReadOnly(True)
        self.notes.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.notes.setPlainText("\n".join(note.line() for note in report.notes))
        self.notes.setVisible(bool(count))
        layout.addWidget(self.notes, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setText("Open as New Blueprint")
        self.open_button.setToolTip("Show the imported blueprint in this window, not saved yet")
        self.copy_button = buttons.addButton("Copy Report", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip("Copy every line of this report, to fix the file or to send it on")
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self._text))
        self._text = report.text()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 440 if count else 0)

    def note_lines(self) -> list[str]:
        text = self.notes.toPlainText()
        return text.split("\n") if text else []
