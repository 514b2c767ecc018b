"""Text for a terminal: control characters shown as escapes, never sent raw.

A title holding `ESC [ 2 J` would clear the screen of whoever runs `blueprint validate` on a colleague's
file; a newline in it would fake a line of the report; the bidi overrides would show the text in
another order than it has. Such characters are shown as `\\x1b`, `\\n`, `\\u202e`. A file name that is
not valid UTF-8 (Python keeps its bytes as lone surrogates) shows its bytes as `\\xff`.
"""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# C0 and C1 controls, DEL, lone surrogates, line and paragraph separators, bidi embeddings, overrides
# and isolates
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """`text` with every control character (and bidi override, and lone surrogate) escaped."""
    return _UNSAFE.sub(_escape, text)
