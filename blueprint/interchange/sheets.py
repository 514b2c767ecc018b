"""Reading the rows of a recognised sheet by its header names: one cell at a time, each problem a note.

`SheetReader` finds the sheet's header row, notes the columns it does not know (once each, and only
those that hold a value) and the ones it misses; `RowReader.read(column, convert)` turns one cell into
a field value, and a cell that cannot be read into a note naming the sheet, row and column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from blueprint.interchange.cells import Unreadable, as_text
from blueprint.interchange.report import Notes
from blueprint.interchange.tables import (
    CellValue,
    Header,
    Row,
    Table,
    body,
    find_header,
    header_key,
    is_blank,
)

T = TypeVar("T")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class RowReader:
    """One row of a sheet, read column by column (by header name)."""

    def __init__(self, sheet: SheetReader, number: int, row: Row) -> None:
        self.sheet, self.number, self.row = sheet, number, row

    def value(self, column: str) -> CellValue | None:
        index = self.sheet.index.get(column)
        return None if index is None else self.row.get(index)

    def read(
        self, column: str, convert: Callable[..., T], *args: Any, then: str = "left empty", **options: Any
    ) -> T | None:
        """`convert(cell, *args, **options)`, or None with a note (`then` says what became of the field)."""
        try:
            return convert(self.value(column), *args, **options)
        except Unreadable as problem:
            self.note(f"{problem}; {then}", column)
            return None

    def text(self, column: str) -> str | None:
        return self.read(column, as_text)

    def stripped(self, column: str) -> str | None:
        """The cell's text trimmed, None when blank (ids, references, words)."""
        text = self.text(column)
        return text.strip() if text and text.strip() else None

    def lines(self, column: str) -> list[str]:
        """A list held one item per line (an empty text is one empty item; an empty cell none)."""
        text = self.text(column)
        return [] if text is None else _LINE_BREAK.split(text)

    def words(self, column: str) -> list[str]:
        """Ids held space-separated (or one per line, or separated by commas or semicolons as people
        type lists: an id cannot hold either)."""
        text = self.text(column)
        return text.replace(",", " ").replace(";", " ").split() if text else []

    def note(self, message: str, column: str | None = None) -> None:
        self.sheet.notes.at(self.sheet.table.name).add(message, self.number, column)


class SheetReader:
    """A sheet whose header row names `columns` (spellings as the layout gives them)."""

    def __init__(
        self,
        table: Table,
        columns: Sequence[str],
        notes: Notes,
        header: Header | None = None,
        aliases: dict[str, Sequence[str]] | None = None,
        required: Sequence[str] = (),
    ) -> None:
        self.table, self.notes = table, notes
        aliases = aliases or {}
        self.header = header or find_header(
            table, lambda h: all(h.column(c, *aliases.get(c, ())) for c in (required or columns[:1]))
        )
        self.index: dict[str, int] = {}
        if self.header is None:
            return
        for name in columns:
            found = self.header.column(name, *aliases.get(name, ()))
            if found is not None:
                self.index[name] = found
        known = set(self.index.values())
        notes.at(table.name)
        read_names = {header_key(self.header.names[column]) for column in known}
        unread: dict[str, list[str]] = {}  # by header key: the names as shown, one per column
        others = [column for column in sorted(self.header.names) if column not in known]
        for column in self._holding_values(others):
            shown = self.header.names[column]
            unread.setdefault(header_key(shown), []).append(shown)
        for key, shown in unread.items():
            many = f" ({len(shown):,} columns)" if len(shown) > 1 else ""
            if key in read_names:
                notes.add(
                    f"the column '{shown[0][:60]}' is there more than once{many}: only the first is "
                    "read; the values of the others were not imported"
                )
            else:
                notes.add(
                    f"the column '{shown[0][:60]}'{many} is not one this import reads; its values were "
                    "not imported"
                )

    def _holding_values(self, columns: list[int]) -> list[int]:
        """Those of `columns` with a value below the header: an empty column loses nothing, so it is
        no line of the report (our own CSV export has columns a process list does not read, often
        empty). Read only when a column is left unread; it stops once each has shown a value."""
        if not columns or self.header is None:
            return []
        waiting, found = set(columns), set()
        rows = body(self.table, self.header)
        try:
            for _, row in rows:
                found |= {column for column in waiting if not is_blank(row.get(column))}
                waiting -= found
                if not waiting:
                    break
        finally:
            rows.close()  # a workbook's sheet is read from its archive: let go of it at once
        return [column for column in columns if column in found]

    def missing(self, columns: Sequence[str]) -> list[str]:
        return [c for c in columns if c not in self.index]

    def note_missing(self, columns: Sequence[str]) -> None:
        for name in self.missing(columns):
            self.notes.at(self.table.name).add(f"no column '{name}': read as empty")

    def rows(self) -> Iterator[RowReader]:
        if self.header is None:
            return
        for number, row in body(self.table, self.header):
            yield RowReader(self, number, row)


def find_sheet(names: Sequence[str], wanted: str) -> str | None:
    """The sheet called `wanted`, ignoring case and spaces."""
    key = header_key(wanted)
    return next((name for name in names if header_key(name) == key), None)


class Lookup:
    """Elements found by id, or else by a name only one of them has (ignoring case)."""

    def __init__(self, elements: Sequence[dict[str, Any]], label: str = "name") -> None:
        self.ids = {e["id"] for e in elements}
        names: dict[str, str | None] = {}
        for element in elements:
            key = header_key(element.get(label) or "")
            names[key] = None if key in names else element["id"]
        self.names = names

    def __call__(self, text: str | None) -> str | None:
        """The id `text` names (None for blank); unknown text comes back as it is, for a later note."""
        if not text:
            return None
        if text in self.ids:
            return text
        return self.names.get(header_key(text)) or text
