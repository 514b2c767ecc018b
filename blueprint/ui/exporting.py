"""Export PDF from the editor: ask for the options, then write the PDF on a worker thread while a
progress dialog shows (the window stays responsive; the export works on a copy of the document)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QDialog, QProgressDialog

from blueprint.model import Blueprint
from blueprint.ui.dialogs.export_dialog import ExportDialog, ExportOptions
from blueprint.ui.dialogs.prompts import show_error

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow


def exporter() -> Any | None:
    """The PDF exporter of `blueprint.export`, or None while it is not available."""
    try:
        from blueprint.export import export_pdf
    except ImportError:
        return None
    return export_pdf


def export_with_dialog(window: MainWindow) -> bool:
    if exporter() is None:
        show_error(window, "Export PDF", "PDF export is not available in this version.")
        return False
    path = window.document.path
    suggested = path.with_suffix(".pdf") if path else Path.home() / "blueprint.pdf"
    dialog = ExportDialog(window, suggested)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return export_to(window, dialog.options())


def export_to(window: MainWindow, options: ExportOptions) -> bool:
    """Write the PDF; a progress dialog appears when it takes more than half a second."""
    copy = window.document.blueprint.model_copy(deep=True)
    outcome: dict[str, BaseException | None] = {}

    def work() -> None:
        try:
            write_pdf(copy, options)
            outcome["error"] = None
        except BaseException as error:  # reported on the UI thread
            outcome["error"] = error

    progress = QProgressDialog("Exporting the PDF…", "", 0, 0, window)
    progress.setWindowTitle("Export PDF")
    progress.setCancelButton(None)
    progress.setMinimumDuration(500)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setObjectName("exportProgress")
    loop = QEventLoop()
    thread = threading.Thread(target=work, name="export-pdf", daemon=True)
    timer = QTimer()
    timer.setInterval(30)
    timer.timeout.connect(lambda: loop.quit() if not thread.is_alive() else None)
    thread.start()
    timer.start()
    if thread.is_alive():
        loop.exec()
    timer.stop()
    thread.join()
    progress.close()
    progress.deleteLater()
    error = outcome.get("error")
    if error is not None:
        message = error.one_line() if hasattr(error, "one_line") else f"{options.path}: {error}"
        show_error(window, "Cannot export the PDF", str(message))
        return False
    window.statusBar().showMessage(f"Exported {options.path}", 6000)
    return True


def write_pdf(blueprint: Blueprint, options: ExportOptions) -> None:
    export_pdf = exporter()
    assert export_pdf is not None
    export_pdf(
        blueprint,
        options.path,
        page_size=options.page_size,
        orientation=options.orientation,
        fit=options.fit,
        appendix=options.appendix,
    )
