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
import re
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


class _Lines:
    """The lines of a text for the csv reader, counting the characters handed over (so that a
    record's place in the text is known: where a quoted value began)."""

    def __init__(self, text: str) -> None:
        self._lines = io.StringIO(text, newline="")
        self.offset = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.offset += len(line)
        return line


@dataclass(frozen=True)
class _Quoted:
    """A quoted value of a record that holds a line break: where its opening quote mark is (an
    offset into the text), its column, and whether a closing quote mark was found."""

    offset: int
    column: int
    closed: bool


def _quoted_across_lines(text: str, start: int, delimiter: str) -> _Quoted | None:
    """The first quoted value of the record at `start` that runs over a line break (read as the csv
    module reads: a quote mark opens a quoted value only at a field's start, `""` inside is one quote
    mark, and text after the closing quote mark belongs to the field), or None."""
    field_end = re.compile(f"[{re.escape(delimiter)}\r\n]")
    i, n, column = start, len(text), 1
    while i < n:
        if text[i] == '"':
            opened, i = i, i + 1
            while True:
                j = text.find('"', i)
                if j < 0:
                    return _Quoted(opened, column, closed=False)
                if text.startswith('"', j + 1):
                    i = j + 2
                    continue
                i = j + 1
                break
            if _LINE_BREAK.search(text, opened, i) is not None:
                return _Quoted(opened, column, closed=True)
        end = field_end.search(text, i)
        if end is None or end.group() != delimiter:
            return None  # the record ends here (or the text does)
        i, column = end.end(), column + 1
    return None


def _line_of(text: str, offset: int) -> int:
    """The line number (from 1) of a place in the text, counting line breaks as the csv reader does."""
    return len(_LINE_BREAK.findall(text, 0, offset)) + 1


_LINE_BREAK = re.compile("\r\n|\r|\n")


def _unclosed(name: str, text: str, quoted: _Quoted) -> BlueprintFileError:
    return BlueprintFileError(
        "a quote mark opens a value here and is never closed, so the rest of the file would be read "
        'as that one value: close the quote, or write a quote mark inside a value as two ("")',
        file=name,
        path=f"line {_line_of(text, quoted.offset)}, column {quoted.column}",
        code="unclosed-quote",
    )


def read_csv(path: str | Path, known_headers: Iterable[str], data: bytes | None = None) -> CsvTable:
    """The CSV file at `path` as one table named after the file.

    A quote mark that opens a value and is never closed would make the csv module read the rest of
    the file into that one value, silently; it is refused naming the line where it opened. So is a
    quoted value over `limits.MAX_VALUE_LINES` lines (a stray quote mark further down closed it)."""
    name = str(path)
    text, note = _decode(read_input(path) if data is None else data, name)
    delimiter = _delimiter(text, known_headers)
    rows: list[tuple[int, Row]] = []
    number = 0
    lines = _Lines(text)
    begins = 0  # where the record being read begins in the text, and on which line
    first_line = 1
    try:
        reader = csv.reader(lines, delimiter=delimiter)
        for number, record in enumerate(reader, 1):
            if reader.line_num - first_line >= limits.MAX_VALUE_LINES:
                quoted = _quoted_across_lines(text, begins, delimiter)
                if quoted is not None:
                    raise BlueprintFileError(
                        f"a quote mark opens a value here that runs over {limits.MAX_VALUE_LINES:,} "
                        "lines, so rows below would be read as that one value: is the quote closed "
                        'where the value ends? (a quote mark inside a value is written as two: "")',
                        file=name,
                        path=f"line {_line_of(text, quoted.offset)}, column {quoted.column}",
                        code="unclosed-quote",
                    )
            if lines.offset >= len(text):  # the last record: did a quoted value run to the end?
                quoted = _quoted_across_lines(text, begins, delimiter)
                if quoted is not None and not quoted.closed:
                    raise _unclosed(name, text, quoted)
            begins, first_line = lines.offset, reader.line_num + 1
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
            quoted = _quoted_across_lines(text, begins, delimiter)
            if quoted is not None and not quoted.closed:
                raise _unclosed(name, text, quoted) from None
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
