"""Hand-off sheets: one PDF per function with its part of the blueprint (spec: sharing.md).

`write_sheets(doc, folder)` writes them; `SheetContext` and `SheetPages` let a view's PDF append the
sheets of the functions in focus.
"""

from blueprint.export.sheets.facts import SheetContext, SheetFacts
from blueprint.export.sheets.files import (
    SheetsCancelled,
    SheetsResult,
    SheetWriteError,
    prepare_folder,
    render_sheet,
    write_sheets,
)
from blueprint.export.sheets.pages import SheetPages

__all__ = [
    "SheetContext",
    "SheetFacts",
    "SheetPages",
    "SheetWriteError",
    "SheetsCancelled",
    "SheetsResult",
    "prepare_folder",
    "render_sheet",
    "write_sheets",
]
