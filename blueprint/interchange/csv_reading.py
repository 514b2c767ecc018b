"""Reading a CSV file as a table: its encoding and delimiter found, its size limited.

UTF-8 with or without a byte-order mark; UTF-16 with one (Excel's "Unicode text"); anything else is
read as Windows-1252 (Excel's plain "CSV" on Windows), with a note. The delimiter is the one of comma,
semicolon and tab that splits the header into the most known column names (else the one the first line
holds most of). A semicolon or tab file is taken to write decimal commas. A leading apostrophe that
protects a formula-like text (as our own CSV export writes it) is removed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from blueprint.fileformat import BlueprintFileError
from blueprint.interchange import limits
from blueprint.interchange.tables import Row, Table, header_key
from blueprint.interchange.workbook_reading import read_input
from blueprint.safetext import FORMULA_STARTS

DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class CsvTable:
    """A CSV file read: its table, the delimiter found, and a note on its encoding (or "")."""

    table: Table
    delimiter: str
    encoding_note: str

    @property
    def decimal_comma(self) -> bool:
        return self.delimiter != ","


def _decode(data: bytes, path: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ""
        except UnicodeDecodeError:
            raise BlueprintFileError(
                "not readable text (damaged UTF-16)", file=path, code="not-text"
            ) from None
    if b"\x00" in data[:4096]:
        raise BlueprintFileError("not a text file (it holds binary data)", file=path, code="not-text")
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not UTF-8: read as Windows-1252 (save it as CSV UTF-8 to be sure)"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not UTF-8: read as Latin-1 (save it as CSV UTF-8 to be sure)"


def _delimiter(text: str, known: Iterable[str]) -> str:
    lines = [line for line in text.splitlines()[:10] if line.strip()]
    if not lines:
        return ","
    keys = {header_key(k) for k in known}

    def score(delimiter: str) -> tuple[int, int]:
        best = 0
        try:
            for row in csv.reader(lines, delimiter=delimiter):
                best = max(best, sum(header_key(cell) in keys for cell in row))
        except csv.Error:  # a field over the csv module's limit: the reading below says where
            pass
        return best, lines[0].count(delimiter)

    return max(DELIMITERS, key=score)


def _unprotected(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def read_csv(path: str | Path, known_headers: Iterable[str], data: bytes | None = None) -> CsvTable:
    """The CSV file at `path` as one table named after the file."""
    name = str(path)
    text, note = _decode(read_input(path) if data is None else data, name)
    delimiter = _delimiter(text, known_headers)
    rows: list[tuple[int, Row]] = []
    number = 0
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for number, record in enumerate(reader, 1):
            if number > limits.MAX_ROWS:
                raise BlueprintFileError(
                    f"refused: more than {limits.MAX_ROWS - 1:,} rows", file=name, code="too-large"
                )
            cells: Row = {}
            for column, value in enumerate(record, 1):
                if len(value) > limits.MAX_CELL_CHARS:
                    raise BlueprintFileError(
                        f"refused: a value of {len(value):,} characters (this program reads at most "
                        f"{limits.MAX_CELL_CHARS:,})",
                        file=name,
                        path=f"row {number}, column {column}",
                        code="too-large",
                    )
                if value:
                    cells[column] = _unprotected(value)
            rows.append((number, cells))
    except csv.Error as error:
        if "field larger than field limit" in str(error):  # the csv module's own limit, 131,072
            raise BlueprintFileError(
                f"refused: a value of more than {csv.field_size_limit():,} characters (this program "
                f"reads at most {limits.MAX_CELL_CHARS:,})",
                file=name,
                path=f"row {number + 1}",
                code="too-large",
            ) from None
        raise BlueprintFileError(f"not a readable CSV file ({error})", file=name, code="bad-csv") from None
    table = Table(Path(name).name, lambda: iter(rows))
    return CsvTable(table, delimiter, note)
