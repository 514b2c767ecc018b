"""Right-to-left text for the PDF: Arabic letters joined into their contextual forms, and RTL runs put
in visual order (a PDF draws glyphs left to right exactly as given; reportlab does no shaping).

A small, dependency-free subset of the Unicode bidi and Arabic joining rules: enough for titles and
notes written in Arabic or Hebrew, with Latin words and numbers mixed in. Text extractors (pypdf,
pdftotext) read the visual order back into logical order, so the text stays searchable.
"""

from __future__ import annotations

import re

RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_STRONG_LTR = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")

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
    """True when the first letter of `text` belongs to a right-to-left script (the line aligns right)."""
    if not RTL.search(text):
        return False
    first = next((ch for ch in text if _is_rtl(ch) or _STRONG_LTR.match(ch)), "")
    return bool(first) and _is_rtl(first)


def _is_rtl(char: str) -> bool:
    return bool(RTL.match(char))


def visual(text: str) -> str:
    """`text` as it must be drawn left to right: Arabic shaped, RTL runs reversed (numbers and Latin
    words inside them keep their own order), and a line that starts right-to-left laid out from the
    right. Text without RTL characters is returned unchanged."""
    if not RTL.search(text):
        return text
    shaped = shape_arabic(text)
    first_strong = next((ch for ch in shaped if _is_rtl(ch) or _STRONG_LTR.match(ch)), "")
    rtl_line = _is_rtl(first_strong) if first_strong else True
    # runs of (is_rtl, text); neutrals (spaces, punctuation) join the RTL run they sit inside
    runs: list[list] = []  # type: ignore[type-arg]
    for char in shaped:
        kind = True if _is_rtl(char) else False if (_STRONG_LTR.match(char) or char.isdigit()) else None
        if kind is None and rtl_line:
            kind = True  # in a right-to-left line, spaces and punctuation run right to left
        if runs and (kind is None or runs[-1][0] == kind or runs[-1][0] is None):
            if runs[-1][0] is None:
                runs[-1][0] = kind
            runs[-1][1] += char
        else:
            runs.append([kind, char])
    pieces = []
    for kind, part in runs:
        if kind:
            core = part.rstrip()
            pieces.append((True, _reverse_keeping_numbers(core)))
            if len(core) < len(part):
                pieces.append((False, part[len(core) :]))
        else:
            pieces.append((False, part))
    if rtl_line:
        pieces.reverse()
    return "".join(part for _, part in pieces)


def _reverse_keeping_numbers(part: str) -> str:
    chunks = re.findall(r"[0-9][0-9.,:]*[0-9]|[0-9]|.", part, flags=re.S)
    mirrored = {
        "(": ")",
        ")": "(",
        "[": "]",
        "]": "[",
        "{": "}",
        "}": "{",
        "<": ">",
        ">": "<",
        "«": "»",
        "»": "«",
    }
    return "".join(mirrored.get(chunk, chunk) for chunk in reversed(chunks))
