"""`blueprint import IN -o OUT.blueprint [--sheet NAME]`: which layout a file has, and its import.

Recognised, by their sheets and headers (case and spaces ignored): our own workbook, Blueprint
Signal's complete project workbook, and a simple process list (a CSV file, or the `--sheet` of a
workbook, else its first sheet with a process list's headers). A file in none of them is refused with
one line naming the headers expected.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from blueprint.fileformat import BlueprintFileError
from blueprint.interchange import process_list
from blueprint.interchange.csv_reading import read_csv
from blueprint.interchange.report import Imported, Note
from blueprint.interchange.sheets import find_sheet
from blueprint.interchange.signal_workbook import SHEETS, import_signal, is_signal
from blueprint.interchange.tables import Table, find_header, first_row, header_of
from blueprint.interchange.workbook_import import import_ours, is_ours
from blueprint.interchange.workbook_reading import Workbook

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
SUFFIXES = WORKBOOK_SUFFIXES + TEXT_SUFFIXES
SIGNAL_ITEM_HEADERS = SHEETS["Service items"][:4]
_NEEDS = "a process list needs the headers Stage, Service layer (or Lane) and What happens (or Title)"


def import_file(path: str | Path, sheet: str | None = None) -> Imported:
    """The blueprint a workbook or CSV file holds, with the import report. Raises `BlueprintFileError`
    (one line) for a file that cannot be read or has no recognised layout."""
    name = str(path)
    suffix = Path(name).suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        with Workbook(name) as book:
            return _from_workbook(book, name, sheet)
    if suffix in TEXT_SUFFIXES:
        return _from_csv(name)
    if suffix == ".xls":
        raise BlueprintFileError(
            "an old-style Excel workbook (.xls): save it as .xlsx first", file=name, code="not-xlsx"
        )
    raise BlueprintFileError(
        f"cannot import a '{suffix or 'file without a suffix'}' file: import reads .xlsx workbooks and "
        ".csv files",
        file=name,
        code="unknown-format",
    )


def _unknown_layout(name: str, words: str) -> BlueprintFileError:
    return BlueprintFileError(f"no recognised layout{words}", file=name, code="unknown-layout")


def _first_row(table: Table) -> str:
    names = list(header_of(1, first_row(table)).names.values())
    shown = ", ".join(n[:30] for n in names[:6]) + (", ..." if len(names) > 6 else "")
    return f" (its first row holds: {shown})" if names else " (its first row is empty)"


def _from_workbook(book: Workbook, name: str, sheet: str | None) -> Imported:
    if sheet is not None:
        found = find_sheet(book.sheet_names, sheet)
        if found is None:
            listed = ", ".join(f"'{n[:30]}'" for n in book.sheet_names[:10])
            if len(book.sheet_names) > 10:
                listed += f" and {len(book.sheet_names) - 10:,} more"
            raise BlueprintFileError(
                f"no sheet '{sheet[:60]}' (the workbook has {listed})", file=name, code="no-sheet"
            )
        table = book.table(found)
        header = find_header(table, process_list.matches)
        if header is None:
            raise _unknown_layout(name, f" on sheet '{found[:60]}': {_NEEDS}{_first_row(table)}")
        return _other_sheets(book, found, process_list.import_process_list(table, header, name, None))
    if is_ours(book.sheet_names, book):
        return import_ours(book, name)
    if is_signal(book):
        return import_signal(book, name)
    for candidate in book.sheet_names:
        table = book.table(candidate)
        header = find_header(table, process_list.matches)
        if header is not None:
            imported = process_list.import_process_list(table, header, name, None)
            return _other_sheets(book, candidate, imported)
    items, stages = find_sheet(book.sheet_names, "Service items"), find_sheet(book.sheet_names, "Stages")
    if items is not None and stages is not None:  # Blueprint Signal's sheets, without its headers
        needs = ", ".join(SIGNAL_ITEM_HEADERS)
        first = _first_row(book.table(items))
        raise _unknown_layout(
            name, f": Blueprint Signal's sheet '{items[:60]}' needs the headers {needs}{first}"
        )
    blueprint = find_sheet(book.sheet_names, "Blueprint")
    if blueprint is not None and find_sheet(book.sheet_names, "Cards") is not None:
        first = _first_row(book.table(blueprint))
        raise _unknown_layout(
            name, f": our workbook's sheet '{blueprint[:60]}' needs the headers Field, Value{first}"
        )
    ours = "our workbook (sheets Blueprint and Cards) or Blueprint Signal's (sheets Stages and Service items)"
    raise _unknown_layout(name, f": {_NEEDS}; or be {ours}")


def _holds_anything(table: Table) -> bool:
    rows = table.rows()
    try:
        return any(any(v is not None and v != "" for v in cells.values()) for _, cells in rows)
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()


def _other_sheets(book: Workbook, read: str, imported: Imported) -> Imported:
    """A line for each other sheet that holds anything: a process list is one sheet, and nothing is
    left behind without a line."""
    skipped = [
        Note(other, None, None, f"not read: the process list was taken from sheet '{read[:60]}'")
        for other in book.sheet_names
        if other != read and _holds_anything(book.table(other))
    ]
    if not skipped:
        return imported
    notes = (*imported.report.notes, *skipped)
    return replace(imported, report=replace(imported.report, notes=notes))


def _from_csv(name: str) -> Imported:
    known = [n for spellings in process_list.ALIASES.items() for n in (spellings[0], *spellings[1])]
    read = read_csv(name, known)
    header = find_header(read.table, process_list.matches)
    if header is None:
        raise BlueprintFileError(
            f"no recognised layout: {_NEEDS}{_first_row(read.table)}", file=name, code="unknown-layout"
        )
    imported = process_list.import_process_list(read.table, header, name, read.decimal_comma)
    if not read.encoding_note:
        return imported
    notes = (Note(read.table.name, None, None, read.encoding_note), *imported.report.notes)
    return replace(imported, report=replace(imported.report, notes=notes))
