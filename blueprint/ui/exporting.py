"""Export PDF from the editor: ask for the options, then write the PDF on a worker thread while a
progress dialog shows (the window stays responsive; the export works on a copy of the document)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QProgressDialog

from blueprint.fileformat import BlueprintFileError, write_atomically
from blueprint.layout.audience import EVERYTHING, Audience
from blueprint.model import Blueprint
from blueprint.ui.dialogs.export_dialog import ExportDialog, ExportOptions
from blueprint.ui.dialogs.lifetime import modal
from blueprint.ui.dialogs.prompts import show_error
from blueprint.ui.worker import run_beside

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
    views = [(view.id, view.name) for view in window.document.blueprint.views]
    with modal(ExportDialog(window, suggested, views, window.views.current_view_id())) as dialog:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        options = dialog.options()
    return export_to(window, options)


def export_to(window: MainWindow, options: ExportOptions) -> bool:
    """Write the PDF (or the HTML page); a progress dialog appears when it takes more than half a
    second. The document's own file, and anything that is not a regular file, is refused before
    drawing."""
    from blueprint.export.output import output_problem

    problem = output_problem(options.path, window.document.path)
    if problem is not None:
        show_error(window, "Cannot export", f"{options.path}: {problem}")
        return False
    copy = window.document.blueprint.model_copy(deep=True)
    outcome: dict[str, Any] = {"warnings": []}

    def work() -> None:
        try:
            outcome["warnings"] = write_html(copy, options) if options.is_html else write_pdf(copy, options)
            outcome["error"] = None
        except Exception as error:  # reported on the UI thread
            outcome["error"] = error

    kind = "HTML page" if options.is_html else "PDF"
    progress = QProgressDialog(f"Exporting the {kind}…", "", 0, 0, window)
    progress.setWindowTitle(f"Export {kind}")
    progress.setCancelButton(None)
    progress.setMinimumDuration(500)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setObjectName("exportProgress")
    run_beside(work, "export-pdf")
    progress.close()
    progress.deleteLater()
    error = outcome.get("error")
    if error is not None:
        message = error.one_line() if hasattr(error, "one_line") else f"{options.path}: {error}"
        show_error(window, f"Cannot export the {kind}", str(message))
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
            audience=audience_of(blueprint, options),
        ),
    )
    try:
        write_atomically(options.path, buffer.getvalue())
    except OSError as error:
        raise BlueprintFileError(
            f"could not write the PDF: {error.strerror or error}", file=str(options.path), code="write-failed"
        ) from None
    return [in_dialog_words(w) for w in warnings]


def audience_of(blueprint: Blueprint, options: ExportOptions) -> Audience:
    """The saved view the dialog chose, as drawing input (everything when none or gone)."""
    view = blueprint.views_by_id().get(options.view_id) if options.view_id else None
    return Audience.of_view(view) if view is not None else EVERYTHING


def write_html(blueprint: Blueprint, options: ExportOptions) -> list[str]:
    """Draw the HTML page in memory, then replace the file atomically."""
    from blueprint.export.html import render_html

    view = blueprint.views_by_id().get(options.view_id) if options.view_id else None
    data = render_html(blueprint, audience_of(blueprint, options), view.name if view is not None else None)
    try:
        write_atomically(options.path, data)
    except OSError as error:
        raise BlueprintFileError(
            f"could not write the HTML page: {error.strerror or error}",
            file=str(options.path),
            code="write-failed",
        ) from None
    return []


def in_dialog_words(warning: str) -> str:
    """The exporter speaks the command line's options; the dialog names them as it shows them."""
    return warning.replace("--fit tile", "Fit: tile pages").replace("--page-size", "page size")
