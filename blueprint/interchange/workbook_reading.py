"""Opening an .xlsx file for reading, safely: untrusted workbooks are refused in one line, quickly.

Before anything is unpacked, the file's size and the zip archive's list of entries are checked against
`limits` (a zip bomb lists its true sizes, or Python's zip reader stops at the sizes it lists). openpyxl
then opens the workbook in read-only mode (sheets are streamed, not loaded). The rows of a sheet are read
by `_rows` below, straight from the sheet's XML as openpyxl hands it over: four times as fast as
openpyxl's own cell parser, and it counts rows and characters as it goes, refuses a formula that has no
saved result (there is no value to import, and we never calculate), and turns the OOXML escapes
(`_x000D_`) back into text.
"""

from __future__ import annotations

import io
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError, iterparse

from blueprint.fileformat import BlueprintFileError
from blueprint.interchange import limits
from blueprint.interchange.tables import CellError, CellValue, Row, Table, cell_location
from blueprint.interchange.xmltext import from_cell_text

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _FORMULA = f"{_NS}row", f"{_NS}c", f"{_NS}v", f"{_NS}f"
_INLINE, _TEXT, _RUN, _SHEET_DATA = f"{_NS}is", f"{_NS}t", f"{_NS}r", f"{_NS}sheetData"
_DIGITS = "0123456789"
_COLUMNS: dict[str, int] = {}


def _column(letters: str) -> int | None:
    """A1's column letters as a number (A is 1), None for what is no column."""
    found = _COLUMNS.get(letters)
    if found is None:
        if not (1 <= len(letters) <= 3 and letters.isascii() and letters.isalpha() and letters.isupper()):
            return None
        found = 0
        for ch in letters:
            found = found * 26 + ord(ch) - 64
        _COLUMNS[letters] = found
    return found


def _plain_inline(cell: Element) -> bool:
    """An inline string cell of one plain text: `<c t="inlineStr"><is><t>...</t></is></c>`."""
    return len(cell) == 1 and cell[0].tag == _INLINE and len(cell[0]) == 1 and cell[0][0].tag == _TEXT


def _refuse(path: str, message: str, where: str = "", code: str = "bad-workbook") -> BlueprintFileError:
    return BlueprintFileError(message, file=path, path=where, code=code)


def _checked_archive(path: str, data: bytes) -> None:
    """Refuse what is not a zip archive, or one that unpacks to more than the limits allow."""
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        # an OLE container: an old .xls, or an .xlsx encrypted with a password or a sensitivity label
        # (Office keeps the encrypted workbook in a stream named EncryptedPackage)
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise _refuse(
                path,
                "the workbook is encrypted (a password or a sensitivity label): save a copy without "
                "them first",
                code="encrypted",
            )
        raise _refuse(path, "an old-style Excel workbook (.xls): save it as .xlsx (Excel Workbook) first")
    if not data:
        raise _refuse(path, "not an Excel workbook (.xlsx): the file is empty", code="not-xlsx")
    if not data.startswith(b"PK"):
        raise _refuse(path, "not an Excel workbook (.xlsx): the file is not a zip archive", code="not-xlsx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise _refuse(path, f"not a readable Excel workbook (a damaged zip archive: {error})") from None
    if len(entries) > limits.MAX_ENTRIES:
        raise _refuse(
            path, f"not a workbook we read: {len(entries):,} files in its archive", code="too-large"
        )
    total = 0
    for entry in entries:
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > 1024 * 1024 and ratio > limits.MAX_PACKING_RATIO:
            raise _refuse(
                path,
                f"refused: '{entry.filename[:80]}' would unpack {ratio:,.0f} times its size "
                f"({entry.file_size // (1024 * 1024):,} MB): a zip bomb, not a spreadsheet",
                code="too-large",
            )
    if total > limits.MAX_UNPACKED_BYTES:
        raise _refuse(
            path,
            f"refused: the workbook unpacks to {total // (1024 * 1024):,} MB "
            f"(this program reads at most {limits.MAX_UNPACKED_BYTES // (1024 * 1024)} MB)",
            code="too-large",
        )


def read_input(path: str | Path) -> bytes:
    """The bytes of a regular file within the size limit (the `.blueprint` reader's checks)."""
    from blueprint.fileformat.reader import read_bytes

    return read_bytes(path)


class Workbook:
    """An .xlsx file opened for reading; `table(name)` streams one sheet's rows. Use it as a context
    manager (the archive stays open while sheets are read)."""

    def __init__(self, path: str | Path, data: bytes | None = None) -> None:
        self.path = str(path)
        data = read_input(path) if data is None else data
        _checked_archive(self.path, data)
        import openpyxl

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self._book: Any = openpyxl.load_workbook(
                    io.BytesIO(data), read_only=True, data_only=True, keep_links=False
                )
        except Exception as error:  # a damaged or hostile package: openpyxl raises many kinds
            reason = str(error).splitlines()[0][:120] if str(error) else type(error).__name__
            raise _refuse(self.path, f"not a readable Excel workbook ({reason})") from None
        # styles (by index) whose number format shows a date or time, or a duration such as [h]:mm
        self._dates: set[int] = set(getattr(self._book, "_date_formats", ()) or ())
        self._durations: set[int] = set(getattr(self._book, "_timedelta_formats", ()) or ())

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._book.close()

    @property
    def sheet_names(self) -> list[str]:
        return list(self._book.sheetnames)

    def table(self, name: str) -> Table:
        return Table(name, lambda: self._rows(name))

    def _rows(self, name: str) -> Iterator[tuple[int, Row]]:
        sheet = self._book[name]
        if not hasattr(sheet, "_get_source"):  # a chart sheet holds no cells
            return
        strings = sheet._shared_strings
        count = 0
        number = 0
        try:
            with sheet._get_source() as source:
                for _, element in iterparse(source):
                    tag = element.tag
                    if tag == _ROW:
                        count += 1
                        if count > limits.MAX_ROWS:
                            raise _refuse(
                                self.path,
                                f"refused: more than {limits.MAX_ROWS - 1:,} rows in one sheet",
                                f"'{name}'",
                                code="too-large",
                            )
                        given = element.get("r")
                        number = int(given) if given and given.isdigit() else number + 1
                        cells = self._cells(element, strings, name, number)
                        element.clear()
                        yield number, cells
                    elif tag == _SHEET_DATA:
                        break
        except ParseError as error:
            raise _refuse(
                self.path, f"not a readable Excel workbook (the sheet's XML is damaged: {error})", f"'{name}'"
            ) from None
        except (zipfile.BadZipFile, zlib.error, KeyError, OSError, EOFError, ValueError) as error:
            reason = str(error).splitlines()[0][:120] if str(error) else type(error).__name__
            raise _refuse(self.path, f"not a readable Excel workbook ({reason})", f"'{name}'") from None

    def _cells(self, row: Element, strings: Any, name: str, number: int) -> Row:
        cells: Row = {}
        column = 0
        for cell in row:
            if cell.tag != _CELL:
                continue
            ref = cell.get("r")
            found = _COLUMNS.get(ref.rstrip(_DIGITS)) if ref else None
            if found is None and ref:
                found = _column(ref.rstrip(_DIGITS))
            column = found if found is not None else column + 1
            if (
                cell.get("t") == "inlineStr"
                and len(cell) == 1
                and len(cell[0]) == 1
                and cell[0][0].tag == _TEXT
            ):
                text = cell[0][0].text or ""  # the usual inline string: <is><t>text</t></is>
                if len(text) > limits.MAX_CELL_CHARS or "_x" in text:
                    text = self._text(text, name, number, column)
                cells[column] = text
                continue
            value = self._value(cell, strings, name, number, column)
            if value is not None:
                cells[column] = value
        return cells

    def _value(self, cell: Element, strings: Any, name: str, number: int, column: int) -> CellValue | None:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            holder = cell.find(_INLINE)
            if holder is None:
                return None
            # plain text, or rich-text runs; phonetic guides (<rPh>) are not the cell's text
            parts = [
                (part.text or "") if part.tag == _TEXT else (part.findtext(_TEXT) or "")
                for part in holder
                if part.tag in (_TEXT, _RUN)
            ]
            return self._text("".join(parts), name, number, column)
        raw = cell.findtext(_VALUE)
        # openpyxl saves a formula it has not calculated with an empty <v/>; only a text result
        # (t="str") can be empty
        if raw is None or (not raw and kind != "str"):
            formula = cell.find(_FORMULA)
            if formula is not None:
                shown = f" (={formula.text[:40]})" if formula.text else ""
                raise _refuse(
                    self.path,
                    f"a formula without a saved result{shown}: open the workbook in a spreadsheet "
                    "program and save it, or paste the values in place of the formulas",
                    cell_location(name, number, column),
                    code="formula",
                )
            return None
        if kind == "s":
            try:
                text = strings[int(raw)]
            except (IndexError, ValueError):
                raise _refuse(
                    self.path,
                    "not a readable Excel workbook (a cell names a missing text)",
                    cell_location(name, number, column),
                ) from None
            return self._text(str(text), name, number, column)
        if kind == "str":
            return self._text(raw, name, number, column)
        if kind == "b":
            return raw.strip() in ("1", "true")
        if kind == "e":
            return CellError(raw.strip()[:20])
        if kind == "d":
            try:
                return datetime.fromisoformat(raw.strip())
            except ValueError:
                return CellError(raw.strip()[:20])
        return self._number(raw.strip(), cell)

    def _number(self, raw: str, cell: Element) -> CellValue:
        try:
            number: int | float = int(raw) if raw.lstrip("-").isdigit() else float(raw)
        except ValueError:
            return CellError(raw[:20])
        if isinstance(number, float) and (number != number or number in (float("inf"), float("-inf"))):
            return CellError(raw[:20])
        style = cell.get("s")
        index = int(style) if style and style.isdigit() else 0
        if index in self._durations:  # a duration in days, shown as [h]:mm
            return timedelta(days=number) if abs(number) < 1e6 else CellError(raw[:20])
        if index in self._dates:
            if 0 <= number < 1:  # a time of day alone (0:05): as a duration, the way minutes are typed
                return timedelta(days=number)
            from openpyxl.utils.datetime import from_excel

            try:
                moment = from_excel(number, self._book.epoch)
            except (ValueError, OverflowError, TypeError):
                return CellError(raw[:20])
            return moment if isinstance(moment, datetime) else number
        return number

    def _text(self, text: str, name: str, number: int, column: int) -> str:
        if len(text) > limits.MAX_CELL_CHARS:
            raise _refuse(
                self.path,
                f"refused: a cell of {len(text):,} characters (this program reads at most "
                f"{limits.MAX_CELL_CHARS:,})",
                cell_location(name, number, column),
                code="too-large",
            )
        return from_cell_text(text)
