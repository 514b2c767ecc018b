"""What the importers read: a sheet or a CSV file as numbered rows of cells, and its header row.

Rows are numbered as the spreadsheet shows them (from 1), columns too (A is 1), so that every line of
the import report can point at the cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from blueprint.interchange.package import column_letters


@dataclass(frozen=True)
class CellError:
    """A cell holding a spreadsheet error value (`#DIV/0!`, `#N/A`)."""

    code: str

    def __str__(self) -> str:
        return self.code


CellValue = str | int | float | bool | datetime | date | timedelta | CellError
Row = dict[int, CellValue]
Rows = Iterator[tuple[int, Row]]

#: How far down a sheet its header row is looked for (a title or a note may stand above it).
HEADER_SEARCH_ROWS = 10


def cell_location(sheet: str, row: int, column: int | None = None) -> str:
    """`Cards!E7`, as spreadsheets name a cell (the sheet quoted when it has spaces); a whole row
    without `column`."""
    name = sheet if sheet.replace("_", "").isalnum() else f"'{sheet}'"
    return f"{name}!{column_letters(column)}{row}" if column else f"{name}!{row}:{row}"


def header_key(text: object) -> str:
    """A header as compared: case and spaces around and between words ignored."""
    return " ".join(str(text).split()).casefold()


def is_blank(value: CellValue | None) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class Table:
    """One sheet of a workbook, or a CSV file: `rows()` reads it (again) from the top."""

    name: str
    rows: Callable[[], Rows]

    def location(self, row: int, column: int | None = None) -> str:
        return cell_location(self.name, row, column)


@dataclass(frozen=True)
class Header:
    """The header row of a table: its number and each header's column (by `header_key`)."""

    row: int
    columns: dict[str, int]
    names: dict[int, str]

    def column(self, *names: str) -> int | None:
        """The column of the first of `names` (spellings of one header) the table has."""
        for name in names:
            found = self.columns.get(header_key(name))
            if found is not None:
                return found
        return None


def first_row(table: Table) -> Row:
    """The table's first row (empty when it has none), its reading closed at once."""
    rows = table.rows()
    try:
        return next(rows, (0, {}))[1]
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()


def header_of(row_number: int, row: Row) -> Header:
    columns: dict[str, int] = {}
    names: dict[int, str] = {}
    for column, value in sorted(row.items()):
        if is_blank(value):
            continue
        key = header_key(value)
        names[column] = " ".join(str(value).split())
        columns.setdefault(key, column)
    return Header(row_number, columns, names)


def find_header(table: Table, matches: Callable[[Header], bool]) -> Header | None:
    """The first of the table's top rows that `matches` (a header names the columns a layout needs)."""
    rows = table.rows()
    try:
        for count, (number, row) in enumerate(rows, 1):
            header = header_of(number, row)
            if matches(header):
                return header
            if count >= HEADER_SEARCH_ROWS:
                break
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()
    return None


def body(table: Table, header: Header) -> Iterator[tuple[int, Row]]:
    """The rows below the header that hold anything."""
    for number, row in table.rows():
        if number <= header.row:
            continue
        if any(not is_blank(v) for v in row.values()):
            yield number, row


def has_all(header: Header, groups: Iterable[tuple[str, ...]]) -> bool:
    """True when every group (spellings of one header) has a column."""
    return all(header.column(*group) is not None for group in groups)
