"""The formats for other tools, by the suffix of the file written: a workbook, a table of the cards,
a draw.io diagram. The command line's `export` and the editor's Export As... both write them here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from blueprint.fileformat import BlueprintFileError, write_atomically
from blueprint.model import Blueprint

#: Suffix -> (what it is, as the editor's file dialog lists it).
FORMATS = {
    ".xlsx": "Excel workbook",
    ".csv": "CSV table of the cards",
    ".drawio": "draw.io diagram",
}
SUFFIXES = tuple(FORMATS)


def _writer(suffix: str) -> Callable[[Blueprint], bytes]:
    if suffix == ".xlsx":
        from blueprint.interchange.workbook_export import export_xlsx

        return export_xlsx
    if suffix == ".csv":
        from blueprint.interchange.csv_export import export_cards_csv

        return export_cards_csv
    from blueprint.interchange.drawio import export_drawio

    return export_drawio


def export_file(doc: Blueprint, path: str | Path) -> None:
    """Write `doc` to `path` in the format its suffix names, atomically. A document the format cannot
    hold raises `BlueprintFileError` naming OUT; a failed write raises it too."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise BlueprintFileError(f"not a format for other tools ({', '.join(SUFFIXES)})", file=str(path))
    try:
        data = _writer(suffix)(doc)
    except BlueprintFileError as error:
        raise error.with_file(str(path)) from None
    try:
        write_atomically(path, data)
    except OSError as error:
        raise BlueprintFileError(
            f"cannot write: {error.strerror or error}", file=str(path), code="write-failed"
        ) from None
