"""Text in a spreadsheet cell, exactly: the OOXML escape `_xHHHH_` for what XML cannot carry.

XML 1.0 cannot hold most control characters (U+0001-U+0008, ...) nor U+FFFE/U+FFFF, and an XML parser
turns a carriage return into a line feed. Office Open XML writes such a character as `_xHHHH_` (its
code in hexadecimal), and a literal `_xHHHH_` in the text as `_x005F_xHHHH_` (the underscore escaped),
so that Excel, LibreOffice and our reader all get the text back as it was.
"""

from __future__ import annotations

import re

#: Characters a cell's XML text cannot carry as they are (a carriage return would be read back as \n).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")


def _escape(match: re.Match[str]) -> str:
    return f"_x{ord(match.group()):04X}_"


def to_cell_text(text: str) -> str:
    """`text` as a cell's XML text holds it (only the characters XML cannot carry are escaped)."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def _unescape(match: re.Match[str]) -> str:
    code = int(match.group(1), 16)
    return match.group() if 0xD800 <= code <= 0xDFFF else chr(code)  # half a surrogate pair is no text


def from_cell_text(text: str) -> str:
    """The text a cell's XML text stands for (`_x000D_` is a carriage return, `_x005F_` an underscore)."""
    return _ESCAPED.sub(_unescape, text) if "_x" in text else text
