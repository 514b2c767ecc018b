"""Right-to-left text for the PDF: Arabic letters joined into their contextual forms, and each line
put in visual order by the Unicode bidi algorithm (a PDF draws glyphs left to right exactly as given;
reportlab neither shapes nor reorders).

The ordering is `python-bidi`'s (UAX #9: numbers such as `4.20 €` and `١٢٣`, Latin words and brackets
inside Arabic or Hebrew come out as the canvas draws them). Its Python implementation
(`bidi.algorithm`) is used rather than its default Rust one, which leaves out rule L4 (mirroring):
with it `(4.20 €)` inside Arabic printed `)4.20 €(`. The Arabic joining is a small subset of the
Unicode rules, below. A line's direction is its paragraph's: the layout starts a line
with a direction mark where it would otherwise be read the other way (`layout/direction.py`). Text
extractors (pypdf, pdftotext) read the visual order back into logical order.
"""

from __future__ import annotations

from unicodedata import bidirectional

from bidi import get_display as get_display_newer
from bidi.algorithm import get_display

from blueprint.layout.direction import RIGHT_TO_LEFT as RTL
from blueprint.layout.direction import first_strong_is_rtl

_MARKS = str.maketrans("", "", "\u200e\u200f\u061c")  # direction marks: they have done their work

# Arabic letters in code order with their number of presentation forms (isolated, final, initial,
# medial); forms are consecutive in U+FE80..U+FEF4 in this same order.
_FORM_COUNTS = [
    (0x621, 1), (0x622, 2), (0x623, 2), (0x624, 2), (0x625, 2), (0x626, 4), (0x627, 2), (0x628, 4),
    (0x629, 2), (0x62A, 4), (0x62B, 4), (0x62C, 4), (0x62D, 4), (0x62E, 4), (0x62F, 2), (0x630, 2),
    (0x631, 2), (0x632, 2), (0x633, 4), (0x634, 4), (0x635, 4), (0x636, 4), (0x637, 4), (0x638, 4),
    (0x639, 4), (0x63A, 4), (0x641, 4), (0x642, 4), (0x643, 4), (0x644, 4), (0x645, 4), (0x646, 4),
    (0x647, 4), (0x648, 2), (0x649, 2), (0x64A, 4),
]  # fmt: skip
_FORMS: dict[str, tuple[int, int]] = {}
_next = 0xFE80
for _code, _count in _FORM_COUNTS:
    _FORMS[chr(_code)] = (_next, _count)
    _next += _count
# Persian and Urdu letters, whose forms live in Presentation Forms-A: (letter, first form, count).
for _code, _first, _count in (
    (0x67E, 0xFB56, 4),  # peh
    (0x686, 0xFB7A, 4),  # tcheh
    (0x698, 0xFB8A, 2),  # jeh
    (0x6A9, 0xFB8E, 4),  # keheh
    (0x6AF, 0xFB92, 4),  # gaf
    (0x6CC, 0xFBFC, 4),  # farsi yeh
):
    _FORMS[chr(_code)] = (_first, _count)
_TATWEEL = "\u0640"
_LAM = "\u0644"
_LAM_ALEF = {"\u0622": 0xFEF5, "\u0623": 0xFEF7, "\u0625": 0xFEF9, "\u0627": 0xFEFB}


def _transparent(char: str) -> bool:
    return "\u064b" <= char <= "\u065f" or char == "\u0670"


def _joins_left(char: str | None) -> bool:
    """True when `char` connects to the letter after it (dual-joining)."""
    return char == _TATWEEL or (char in _FORMS and _FORMS[char][1] == 4)


def _joins_right(char: str | None) -> bool:
    return char == _TATWEEL or (char in _FORMS and _FORMS[char][1] >= 2)


def shape_arabic(text: str) -> str:
    """`text` (logical order) with Arabic letters replaced by their contextual presentation forms."""
    letters = [i for i, ch in enumerate(text) if not _transparent(ch)]
    out: list[str] = []
    skip = -1
    for position, i in enumerate(letters):
        char = text[i]
        previous = (
            text[letters[position - 1]]
            if position > 0 and letters[position - 1] == _prev_index(text, i)
            else None
        )
        following = (
            text[letters[position + 1]]
            if position + 1 < len(letters) and letters[position + 1] == _next_index(text, i)
            else None
        )
        if i == skip:
            out.extend(_marks_after(text, i))
            continue
        joined_before = _joins_left(previous)
        if char == _LAM and following in _LAM_ALEF:
            out.append(chr(_LAM_ALEF[following] + (1 if joined_before else 0)))
            out.extend(_marks_after(text, i))
            skip = letters[position + 1]
            continue
        if char not in _FORMS:
            out.append(char)
            out.extend(_marks_after(text, i))
            continue
        base, count = _FORMS[char]
        joined_after = count == 4 and _joins_right(following)
        if count == 1:
            form = 0
        elif joined_before and joined_after:
            form = 3
        elif joined_before:
            form = 1
        elif joined_after:
            form = 2
        else:
            form = 0
        out.append(chr(base + form))
        out.extend(_marks_after(text, i))
    return "".join(out)


def _prev_index(text: str, i: int) -> int:
    j = i - 1
    while j >= 0 and _transparent(text[j]):
        j -= 1
    return j


def _next_index(text: str, i: int) -> int:
    j = i + 1
    while j < len(text) and _transparent(text[j]):
        j += 1
    return j


def _marks_after(text: str, i: int) -> list[str]:
    marks = []
    j = i + 1
    while j < len(text) and _transparent(text[j]):
        marks.append(text[j])
        j += 1
    return marks


def reads_right_to_left(text: str) -> bool:
    """True when `text` (one line) reads right to left: its first strong letter, or the direction mark
    the layout put first, is right-to-left. Such a line aligns right."""
    return bool(RTL.search(text)) and bool(first_strong_is_rtl(text))


def visual(text: str) -> str:
    """`text` (one line, logical order) as it must be drawn left to right: Arabic shaped, then
    reordered by the bidi algorithm, mirrored brackets included. Text without right-to-left
    characters is returned unchanged."""
    if not RTL.search(text):
        return text
    shaped = shape_arabic(text)
    if any(not bidirectional(char) for char in shaped):
        # a code point this Python's Unicode tables do not know (bidi.algorithm stops on it): the Rust
        # implementation knows newer Unicode, and only mirroring is lost
        return get_display_newer(shaped).translate(_MARKS)
    return get_display(shaped).translate(_MARKS)
