"""The reading direction of wrapped lines: a line keeps the direction of the paragraph it came from.

The Unicode bidi algorithm takes a paragraph's direction from its first strong letter and applies it
to every line of the paragraph. Renderers get one line at a time and guess the direction from that
line alone, so the second line of "הזמנה מספר 42 עבור Apple Store נשלחה" (which starts with "Apple")
was drawn left to right, and an English line that starts with a Hebrew word right to left. Where a
line's own first strong letter disagrees with its paragraph, the line starts with a zero-width mark
(RLM U+200F or LRM U+200E) that every renderer (the PDF's bidi step, Qt, browsers) honours.
"""

from __future__ import annotations

import re
import unicodedata

RLM = "\u200f"
LRM = "\u200e"
#: Any character of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko, their presentation
#: forms and the supplementary-plane ones), or a right-to-left mark.
RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def first_strong_is_rtl(text: str) -> bool | None:
    """True when the first strong letter of `text` reads right to left, False when left to right,
    None when it has none (digits, punctuation and spaces only)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return None


def keep_paragraph_direction(paragraph: str, lines: list[str]) -> list[str]:
    """`lines` (wrapped from `paragraph`) with a direction mark where a line alone would be read in
    the other direction. Lines of a paragraph with no right-to-left letter are returned as they are."""
    if not RIGHT_TO_LEFT.search(paragraph):
        return lines
    rtl = bool(first_strong_is_rtl(paragraph))
    out = []
    for line in lines:
        own = first_strong_is_rtl(line)
        if rtl and own is not True:
            line = RLM + line
        elif not rtl and own is True:
            line = LRM + line
        out.append(line)
    return out
