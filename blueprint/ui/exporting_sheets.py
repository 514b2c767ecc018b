"""Hand-off sheets from the editor: File > Export Hand-off Sheets… (every function, into a folder) and
the Functions panel's "Export Hand-off Sheet…" (one function, to a file).

The sheets are drawn on a worker thread from a copy of the document while a progress dialog shows
which function is being written; Cancel stops after the sheet in hand (the sheets written so far are
whole and stay). A folder that cannot be made or written is one message, before any drawing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from blueprint.ui.dialogs.prompts import ask_replace_files, show_error
from blueprint.ui.worker import run_beside

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow


def _start_folder(window: MainWindow) -> Path:
    """Where the folder chooser opens: the folder the sheets of this blueprint last went to (this
    session), else its "<name> sheets" folder when there is one, else the blueprint's own folder."""
    path = window.document.path
    last = window.sheets_folder
    if last is not None and last[0] == path and last[1].is_dir():
        return last[1]
    if path is None:
        return Path.home()
    beside = path.parent / f"{path.stem} sheets"
    return beside if beside.is_dir() else path.parent


def choose_sheets_folder(window: MainWindow) -> Path | None:
    """Ask for the folder of every function's sheet (one PDF each, named by the function's id); the
    chooser can make a new folder. Sheets already there are replaced only when the person says so."""
    chosen = QFileDialog.getExistingDirectory(
        window, "Choose or create the folder for the hand-off sheets", str(_start_folder(window))
    )
    if not chosen:
        return None
    folder = Path(chosen)
    there = [f"{f.id}.pdf" for f in window.document.blueprint.functions if (folder / f"{f.id}.pdf").exists()]
    if there and not ask_replace_files(window, folder, there):
        return None
    window.sheets_folder = (window.document.path, folder)
    return folder


def export_sheets_with_dialog(window: MainWindow) -> bool:
    """Ask for a folder, then write every function's sheet into it."""
    if not window.document.blueprint.functions:
        show_error(
            window,
            "Export Hand-off Sheets",
            "The blueprint has no functions yet: add one in the Functions panel.",
        )
        return False
    folder = choose_sheets_folder(window)
    return folder is not None and export_sheets_to(window, folder)


def export_sheet_with_dialog(window: MainWindow, function_id: str) -> bool:
    """Ask where to save one function's sheet, then write it."""
    start = (window.document.path.parent if window.document.path else Path.home()) / f"{function_id}.pdf"
    chosen, _ = QFileDialog.getSaveFileName(window, "Export hand-off sheet", str(start), "PDF files (*.pdf)")
    if not chosen:
        return False
    path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
    return export_sheet_to(window, function_id, path)


def export_sheet_to(window: MainWindow, function_id: str, path: Path) -> bool:
    """Write one function's sheet to `path` (atomically) on a worker thread, the window answering
    meanwhile (a big blueprint's sheet takes a while); a failure names the file."""
    from blueprint.export.sheets import SheetContext, render_sheet
    from blueprint.fileformat import write_atomically

    copy = window.document.blueprint.model_copy(deep=True)
    name = copy.functions_by_id()[function_id].name if function_id in copy.functions_by_id() else function_id
    state: dict[str, Any] = {"error": None, "warnings": []}

    def work() -> None:
        try:
            data, state["warnings"] = render_sheet(SheetContext(copy), function_id, "A3", "landscape")
            write_atomically(path, data)
        except Exception as error:  # reported on the UI thread
            state["error"] = error

    dialog = QProgressDialog(f"Writing the hand-off sheet of {name}…", None, 0, 0, window)
    dialog.setWindowTitle("Export Hand-off Sheet")
    dialog.setObjectName("sheetProgress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)  # no second export while this one runs
    dialog.setMinimumDuration(300)
    run_beside(work, "hand-off-sheet")
    dialog.close()
    dialog.deleteLater()
    error = state["error"]
    if isinstance(error, OSError):
        show_error(
            window, "Cannot export the hand-off sheet", f"{path}: cannot write: {error.strerror or error}"
        )
        return False
    if error is not None:
        show_error(window, "Cannot export the hand-off sheet", f"{path}: {type(error).__name__}: {error}")
        return False
    window.show_message(f"Exported {path}{_first(state['warnings'])}", 10000)
    return True


def _first(warnings: list[str]) -> str:
    """The first warning for the status bar, with how many more (the run's, each said once)."""
    if not warnings:
        return ""
    return f": {warnings[0]}" + (f" (and {len(warnings) - 1} more)" if len(warnings) > 1 else "")


def export_sheets_to(window: MainWindow, folder: Path, function_ids: list[str] | None = None) -> bool:
    """Write the sheets into `folder` with a cancellable progress dialog; True when all were written."""
    from blueprint.export.sheets import SheetsCancelled, prepare_folder, write_sheets

    try:
        prepare_folder(folder)
    except OSError as error:
        show_error(
            window,
            "Cannot export the hand-off sheets",
            f"{folder}: cannot write there: {error.strerror or error}",
        )
        return False
    copy = window.document.blueprint.model_copy(deep=True)
    total = len(function_ids) if function_ids is not None else len(copy.functions)
    state: dict[str, Any] = {"done": 0, "name": "", "cancel": False, "result": None, "error": None}

    def progress(done: int, _total: int, name: str) -> bool:
        state["done"], state["name"] = done, name
        return not state["cancel"]

    def work() -> None:
        try:
            state["result"] = write_sheets(copy, folder, function_ids, progress=progress)
        except Exception as error:  # reported on the UI thread
            state["error"] = error

    dialog = QProgressDialog("Writing the hand-off sheets…", "Cancel", 0, total, window)
    dialog.setWindowTitle("Export Hand-off Sheets")
    dialog.setObjectName("sheetsProgress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(lambda: state.update(cancel=True))

    def tick() -> None:
        if dialog.wasCanceled():
            state["cancel"] = True
        dialog.setValue(state["done"])
        if state["name"]:
            dialog.setLabelText(f"Writing the sheet of {state['name']} ({state['done'] + 1} of {total})…")

    run_beside(work, "hand-off-sheets", tick)
    dialog.close()
    dialog.deleteLater()
    error = state["error"]
    if isinstance(error, SheetsCancelled):
        window.show_message(f"Stopped: {len(error.written)} of {total} sheets written to {folder}", 10000)
        return False
    if isinstance(error, OSError):
        where = error.filename or folder  # the sheet that failed, when one did
        show_error(
            window, "Cannot export the hand-off sheets", f"{where}: cannot write: {error.strerror or error}"
        )
        return False
    if error is not None:
        show_error(window, "Cannot export the hand-off sheets", f"{folder}: {type(error).__name__}: {error}")
        return False
    written, warnings = len(state["result"].paths), state["result"].warnings
    window.show_message(
        f"Exported {written} hand-off sheet{'' if written == 1 else 's'} to {folder}{_first(warnings)}",
        10000,
    )
    return True
