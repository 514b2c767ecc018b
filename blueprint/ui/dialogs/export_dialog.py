"""Export PDF (or the HTML page, by the file's name): page size, orientation, fit (one page or tiled),
the findings appendix, and the audience view to draw."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

PAGE_SIZES = ["A4", "A3", "A2", "A1", "A0", "letter", "legal", "tabloid"]
OPEN_KEY = "export/open_when_done"  # remembered: a designer who checks each PDF wants it every time
HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class ExportOptions:
    path: Path
    page_size: str = "A3"
    orientation: str = "landscape"
    fit: str = "page"
    appendix: bool = True
    open_when_done: bool = False
    #: The saved view to draw (None: every lane, no focus).
    view_id: str | None = None

    @property
    def is_html(self) -> bool:
        return self.path.suffix.lower() in HTML_SUFFIXES


class ExportDialog(QDialog):
    """Asks where and how to export; `options()` after `exec()` accepted."""

    def __init__(
        self,
        parent: QWidget | None,
        suggested: Path,
        views: list[tuple[str, str]] = (),  # type: ignore[assignment]
        current_view: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export PDF")
        self.setObjectName("exportDialog")
        form = QFormLayout(self)
        self.path = QLineEdit(str(suggested.expanduser().absolute()))  # a relative path says nothing
        self.path.setToolTip("The PDF file to write")
        browse = QPushButton("Browse…")
        browse.setToolTip("Choose where to save the PDF")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow("File:", row)
        self.page_size = QComboBox()
        self.page_size.addItems(PAGE_SIZES)
        self.page_size.setCurrentText("A3")
        self.page_size.setToolTip("Paper size of every page")
        form.addRow("Page size:", self.page_size)
        self.orientation = QComboBox()
        self.orientation.addItems(["landscape", "portrait"])
        self.orientation.setToolTip("Landscape suits wide blueprints")
        form.addRow("Orientation:", self.orientation)
        self.fit = QComboBox()
        self.fit.addItem("Fit on one page", "page")
        self.fit.addItem("Tile across pages (full size)", "tile")
        self.fit.setToolTip("Shrink the blueprint onto one page, or print it full size over several pages")
        form.addRow("Fit:", self.fit)
        self.appendix = QCheckBox("Add the findings and hand-off appendix")
        self.appendix.setChecked(True)
        self.appendix.setToolTip("Pages listing every finding and each function's upstream and downstream")
        form.addRow("", self.appendix)
        self.view = QComboBox()
        self.view.setObjectName("exportView")
        self.view.addItem("All lanes", None)
        for view_id, name in views:
            self.view.addItem(name, view_id)
            if view_id == current_view:
                self.view.setCurrentIndex(self.view.count() - 1)
        self.view.setToolTip(
            "A saved view leaves its hidden lanes out and fades what is not in its focus; "
            "a PDF of a view with focus ends with those functions' hand-off sheets"
        )
        form.addRow("View:", self.view)
        self.path.textChanged.connect(self._follow_format)
        self._follow_format()
        self.open_when_done = QCheckBox("Open the file when done")
        self.open_when_done.setObjectName("openWhenDone")
        self.open_when_done.setChecked(QSettings().value(OPEN_KEY, False, type=bool))
        self.open_when_done.setToolTip("Show the file in the program your desktop opens it with")
        form.addRow("", self.open_when_done)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 0)

    def accept(self) -> None:
        QSettings().setValue(OPEN_KEY, self.open_when_done.isChecked())
        super().accept()

    def _follow_format(self) -> None:
        """The page options apply to a PDF only: an HTML page fits any screen and prints itself."""
        pdf = not self.path.text().strip().lower().endswith(HTML_SUFFIXES)
        for widget in (self.page_size, self.orientation, self.fit, self.appendix):
            widget.setEnabled(pdf)

    def _browse(self) -> None:
        chosen, picked = QFileDialog.getSaveFileName(
            self, "Export", self.path.text(), "PDF files (*.pdf);;Web page, opens in any browser (*.html)"
        )
        if chosen:
            known = chosen.lower().endswith((".pdf", *HTML_SUFFIXES))
            self.path.setText(chosen if known else chosen + (".html" if "html" in picked else ".pdf"))

    def options(self) -> ExportOptions:
        text = self.path.text().strip()
        known = text.lower().endswith((".pdf", *HTML_SUFFIXES))
        path = Path(text if known else text + ".pdf").expanduser().absolute()
        return ExportOptions(
            path=path,
            page_size=self.page_size.currentText(),
            orientation=self.orientation.currentText(),
            fit=str(self.fit.currentData()),
            appendix=self.appendix.isChecked(),
            open_when_done=self.open_when_done.isChecked(),
            view_id=self.view.currentData(),
        )
