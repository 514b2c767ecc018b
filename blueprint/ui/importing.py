"""File > Import...: a blueprint from a workbook or CSV file. The import report shows first (what was
created, every line of what was not imported as it was); then the blueprint opens as a new document
that is not saved yet (closing the window asks to save it). Dropping a spreadsheet or CSV file on the
window does the same."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog

from blueprint.edit import Document
from blueprint.fileformat import BlueprintFileError
from blueprint.interchange.importer import SUFFIXES as IMPORT_SUFFIXES  # also what a drop imports
from blueprint.ui.dialogs.import_report import ImportReportDialog
from blueprint.ui.dialogs.prompts import show_error
from blueprint.ui.worker import run_with_progress

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow

IMPORT_FILTERS = (
    f"Spreadsheets and CSV files ({' '.join('*' + suffix for suffix in IMPORT_SUFFIXES)})",
    "Excel workbooks (*.xlsx *.xlsm)",
    "CSV files (*.csv *.tsv *.txt)",
)


def import_with_dialog(window: MainWindow) -> bool:
    start = str(window.document.path.parent) if window.document.path else str(Path.home())
    chosen, _ = QFileDialog.getOpenFileName(window, "Import", start, ";;".join(IMPORT_FILTERS))
    return bool(chosen) and import_path(window, Path(chosen))


def import_path(window: MainWindow, path: Path) -> bool:
    """Import `path`, show the report, and open the result when the designer says so."""
    from blueprint.interchange.importer import import_file

    try:
        imported = run_with_progress(window, "Import", f"Reading {path.name}…", lambda: import_file(path))
    except BlueprintFileError as error:
        show_error(window, "Cannot import the file", error.one_line())
        return False
    except Exception as error:  # the editor never crashes on a bad file
        show_error(window, "Cannot import the file", f"{path}: could not read it ({type(error).__name__})")
        return False
    if ImportReportDialog(window, imported.report).exec() != QDialog.DialogCode.Accepted:
        return False
    if not window.maybe_save():
        return False
    window.set_document(Document(imported.document, None))
    window.undo_stack.resetClean()  # not saved anywhere yet: closing asks
    window.show_message(f"Imported {path.name}: not saved yet")
    return True
