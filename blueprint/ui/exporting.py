"""Export PDF from the editor: ask for the options, then write the PDF on a worker thread while a
progress dialog shows (the window stays responsive; the export works on a copy of the document)."""

from __future__ import annotations

import io
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QProgressDialog

from blueprint.fileformat import BlueprintFileError, write_atomically
from blueprint.model import Blueprint
from blueprint.ui.dialogs.export_dialog import ExportDialog, ExportOptions
from blueprint.ui.dialogs.lifetime import modal
from blueprint.ui.dialogs.prompts import show_error

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow


def exporter() -> Any | None:
    """The PDF exporter of `blueprint.export`, or None when it is not available."""
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
    with modal(ExportDialog(window, suggested)) as dialog:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        options = dialog.options()
    return export_to(window, options)


def export_to(window: MainWindow, options: ExportOptions) -> bool:
    """Write the PDF; a progress dialog appears when it takes more than half a second."""
    copy = window.document.blueprint.model_copy(deep=True)
    outcome: dict[str, Any] = {"warnings": []}

    def work() -> None:
        try:
            outcome["warnings"] = write_pdf(copy, options)
            outcome["error"] = None
        except Exception as error:  # reported on the UI thread
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
    warnings: list[str] = outcome["warnings"]
    if warnings:
        more = f" (and {len(warnings) - 1} more)" if len(warnings) > 1 else ""
        window.statusBar().showMessage(f"Exported {options.path}: {warnings[0]}{more}", 10000)
    else:
        window.statusBar().showMessage(f"Exported {options.path}", 6000)
    if options.open_when_done and not open_file(options.path):
        window.show_message(f"Exported {options.path}, but no program opened it")
    return True


def open_file(path: Path) -> bool:
    """Open a written file in the program the desktop chooses for it; False when none would."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def write_pdf(blueprint: Blueprint, options: ExportOptions) -> list[str]:
    """Draw the PDF in memory, then replace the file atomically; returns the exporter's warnings."""
    from blueprint.export import ExportOptions as PdfOptions
    from blueprint.export import export_pdf

    buffer = io.BytesIO()
    warnings = export_pdf(
        blueprint,
        buffer,
        PdfOptions(
            page_size=options.page_size,
            orientation=options.orientation,
            fit=options.fit,
            appendix=options.appendix,
        ),
    )
    try:
        write_atomically(options.path, buffer.getvalue())
    except OSError as error:
        raise BlueprintFileError(
            f"could not write the PDF: {error.strerror or error}", file=str(options.path), code="write-failed"
        ) from None
    return [in_dialog_words(w) for w in warnings]


def in_dialog_words(warning: str) -> str:
    """The exporter speaks the command line's options; the dialog names them as it shows them."""
    return warning.replace("--fit tile", "Fit: tile pages").replace("--page-size", "page size")
