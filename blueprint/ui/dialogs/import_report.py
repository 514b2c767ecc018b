"""The import report, shown before an imported blueprint opens: what was created, and every line of
what could not be imported as it was. Open shows the blueprint as a new, unsaved document."""

from __future__ import annotations

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
        first, created, *rest = report.lines()
        self.summary = QLabel(f"{first}\n{created}")
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("importNotes")
        self.notes.setReadOnly(True)
        self.notes.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.notes.setPlainText("\n".join(line.strip() for line in rest))
        self.notes.setToolTip("Each line names the sheet, the row and the column it is about")
        layout.addWidget(self.notes, 1)
        self.notes.setVisible(bool(report.notes))
        if not report.notes:
            layout.addWidget(QLabel("Everything was imported."))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setText("Open as New Blueprint")
        self.open_button.setToolTip("Show the imported blueprint in this window, not yet saved")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 420 if report.notes else 0)
