"""Cells that a spreadsheet shows as text and never runs as a formula (CSV and formula injection).

Excel, LibreOffice and Google Sheets treat a cell that starts with `=`, `+`, `-` or `@` as a formula
(and a leading tab or carriage return can hide such a start), so a card titled `=HYPERLINK(...)` or
`=cmd|' /C calc'!A0` in an exported CSV would run when a colleague opens it. The usual defence
(OWASP's): such a cell gets a leading apostrophe, which spreadsheets read as "this is text" and do not
show. Only text is changed; numbers stay numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

#: What a text cell may not start with: formula starts, and the whitespace that can hide one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """`value` as a CSV or XLSX cell: text that would start a formula gets a leading `'`; anything
    else (numbers, None, other text) is returned as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_row(values: Iterable[object]) -> list[object]:
    """`spreadsheet_cell` of every value of a row (for `csv.writer.writerow`)."""
    return [spreadsheet_cell(value) for value in values]
