"""Help > About: the version, what the program does, its licence (the MIT text itself) and the credits of
the work it stands on: Qt (through PySide6), the DejaVu fonts, reportlab, networkx and pydantic."""

from __future__ import annotations

import html

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from blueprint import __version__
from blueprint.model import FORMAT_VERSION
from blueprint.resources import license_text
from blueprint.ui.dialogs.lifetime import run_modal

#: (name, what it does here, its licence, where it lives)
CREDITS: tuple[tuple[str, str, str, str], ...] = (
    ("Qt and PySide6", "the editor's windows, canvas, printing and images", "LGPL 3", "https://www.qt.io"),
    (
        "DejaVu fonts",
        "the text of the canvas, the PDF and the images",
        "Bitstream Vera licence (free)",
        "https://dejavu-fonts.github.io",
    ),
    ("reportlab", "the PDF blueprints", "BSD", "https://www.reportlab.com"),
    ("networkx", "the hand-off checks over the graph of cards and links", "BSD", "https://networkx.org"),
    ("pydantic", "reading and checking .blueprint files", "MIT", "https://docs.pydantic.dev"),
)


def about_text() -> str:
    rows = "".join(
        f"<li><b>{html.escape(name)}</b> ({html.escape(licence)}): {html.escape(use)}. "
        f"<a href='{url}'>{html.escape(url)}</a></li>"
        for name, use, licence, url in CREDITS
    )
    return (
        f"<h3>Service Blueprint Studio {__version__}</h3>"
        "<p>Draw service blueprints, check the hand-offs between functions, and export PDF blueprints.</p>"
        f"<p>Files are <code>.blueprint</code> (JSON, format version {FORMAT_VERSION}). Free software "
        "under the MIT licence (see the Licence tab).</p>"
        f"<p>Built with Qt {qVersion()} through PySide6 {pyside_version}, and with:</p><ul>{rows}</ul>"
    )


class AboutDialog(QDialog):
    """Two tabs: About (version, credits) and Licence (the MIT text, shipped as LICENSE)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Service Blueprint Studio")
        self.setObjectName("aboutDialog")
        tabs = QTabWidget()
        self.about = QLabel(about_text())
        self.about.setWordWrap(True)
        self.about.setOpenExternalLinks(True)
        self.about.setMargin(8)
        tabs.addTab(self.about, "About")
        self.licence = QPlainTextEdit(license_text())
        self.licence.setReadOnly(True)
        self.licence.setObjectName("licenceText")
        self.licence.setAccessibleName("Licence")
        tabs.addTab(self.licence, "Licence")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(tabs)
        column.addWidget(buttons)
        self.tabs = tabs
        self.resize(560, 440)


def show_about(parent: QWidget) -> None:
    run_modal(AboutDialog(parent))
