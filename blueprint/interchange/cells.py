"""Reading one cell as the field it fills: text, a number, a whole number, a date, one of a few words.

A cell that cannot be read so raises `Unreadable` with a plain message; the importers turn it into a
line of the report (sheet, row, column) and carry on with the rest.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from blueprint.interchange.tables import CellError, CellValue

_NUMBER = re.compile(r"[+-]?(\d[\d.,]*|[.,]\d+)([eE][+-]?\d+)?")
_MINUTES_WORD = re.compile(r"\s*(min|mins|minute|minutes)\.?$", re.IGNORECASE)


class Unreadable(ValueError):
    """A cell that does not hold what its column needs."""


def shown(value: CellValue) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def as_text(value: CellValue | None) -> str | None:
    """The cell's text (None when empty). Numbers and dates typed into a text column read as text."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, CellError):
        raise Unreadable(f"holds the error {value.code}, not text")
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, timedelta):
        return f"{value.total_seconds() / 60:g} min"
    return str(value)


_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+")


def _parse_number(text: str, decimal_comma: bool | None) -> int | float:
    """A number as people type it. Where a point and a comma both appear, the last one is the decimal
    mark ("1,500.5", "1.500,5"). A comma alone is a decimal mark ("2,5") in a file that uses decimal
    commas (`decimal_comma`: a CSV file separated by semicolons or tabs); elsewhere it is a decimal
    mark too, unless groups of three digits follow it ("1,500" is fifteen hundred)."""
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal == "," else ",", "")
    elif "," in text:
        thousands = decimal_comma is not True and _THOUSANDS.fullmatch(text)
        text = text.replace(",", "") if thousands else text
    text = text.replace(",", ".")
    return int(text) if text.lstrip("+-").isdigit() else float(text)


def _number(value: CellValue | None, minutes: bool, decimal_comma: bool | None = None) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, timedelta):  # a duration cell ([h]:mm, or 0:05 typed as a time)
        minutes = round(value.total_seconds() / 60, 6)
        return int(minutes) if minutes.is_integer() else minutes
    if isinstance(value, bool | CellError | datetime | date):
        kind = "a date" if isinstance(value, datetime | date) else shown(value)
        raise Unreadable(f"{kind} where a number belongs")
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not text:
        return None
    if minutes:
        text = _MINUTES_WORD.sub("", text)
    text = text.replace(" ", "")
    if not _NUMBER.fullmatch(text):
        raise Unreadable(f"{shown(value)} is not a number")
    try:
        return _parse_number(text, decimal_comma)
    except ValueError:
        raise Unreadable(f"{shown(value)} is not a number") from None


def as_number(
    value: CellValue | None, *, minutes: bool = False, decimal_comma: bool | None = None
) -> int | float | None:
    """A number at least 0 (None when empty); `minutes`: a trailing "min" or "minutes" is allowed;
    `decimal_comma`: see `_parse_number`."""
    number = _number(value, minutes, decimal_comma)
    if number is None:
        return None
    if number < 0:
        raise Unreadable(f"{shown(value)} is below 0")
    if number > 10**12:
        raise Unreadable(f"{shown(value)} is too large")
    return number


def as_whole(value: CellValue | None, low: int, high: int) -> int | None:
    """A whole number from `low` to `high` (None when empty)."""
    number = _number(value, False)
    if number is None:
        return None
    if isinstance(number, float):
        if not number.is_integer():
            raise Unreadable(f"{shown(value)} is not a whole number")
        number = int(number)
    if not low <= number <= high:
        raise Unreadable(f"{number} is not from {low} to {high}")
    return number


def as_date(value: CellValue | None) -> str | None:
    """A calendar date as `YYYY-MM-DD`: a date cell, or text written that way (None when empty)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, timedelta):
        raise Unreadable("a time where a date belongs")
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if len(text) == 10 or text[10:11] in ("T", " "):
            try:
                return date.fromisoformat(text[:10]).isoformat()
            except ValueError:
                pass
        raise Unreadable(f"{shown(value)} is not a date (write it as 2027-03-31, or use a date cell)")
    raise Unreadable(f"{'a number' if isinstance(value, int | float) else shown(value)} where a date belongs")


def as_choice(value: CellValue | None, choices: dict[str, str], what: str) -> str | None:
    """One of `choices` (keys compared ignoring case and spaces; the value is what it means)."""
    text = as_text(value)
    if text is None or not text.strip():
        return None
    found = choices.get(" ".join(text.split()).casefold())
    if found is None:
        listed = ", ".join(dict.fromkeys(choices.values()))
        raise Unreadable(f"unknown {what} {shown(text)} (expected {listed})")
    return found
