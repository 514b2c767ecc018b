"""Text that XML 1.0 can hold (SVG, the PDF's XMP packet).

Titles may hold control characters (the format allows them); XML 1.0 allows none of U+0000-U+001F
but tab, line feed and carriage return, and neither U+FFFE, U+FFFF nor half a surrogate pair. A
document with one is not well-formed and every reader refuses the whole file, so they are dropped.
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (escaping `<` and `&` stays the writer's job)."""
    return _NOT_XML.sub("", text)
