"""The About box, with the version."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from blueprint import __version__
from blueprint.model import FORMAT_VERSION


def about_text() -> str:
    return (
        f"<h3>Service Blueprint Studio {__version__}</h3>"
        "<p>Draw service blueprints, check the hand-offs between functions, and export PDF blueprints.</p>"
        f"<p>Files are <code>.blueprint</code> (JSON, format version {FORMAT_VERSION}). "
        "Text is set in DejaVu Sans.</p>"
    )


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, "About Service Blueprint Studio", about_text())
