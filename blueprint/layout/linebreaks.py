"""Where a line may break inside text that has no spaces, and what must never be split.

Chinese and Japanese put no spaces between words: a line may break between any two ideographs or
kana (UAX #14, class ID), except before closing punctuation and small kana (`。`, `」`, `ょ`) and after
opening punctuation (`「`). Thai, Lao, Khmer and Myanmar have no spaces either, and finding their word
boundaries needs a dictionary; there a long run breaks where it must, between characters as a reader
sees them (a consonant with its vowel and tone marks stays whole, as does a leading vowel with the
consonant after it, and an emoji with its modifiers). Only text that holds such characters pays for
these rules: everything else wraps at spaces exactly as before.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

#: Characters a line may break before or after (Han, kana, Bopomofo, CJK punctuation, fullwidth forms).
IDEOGRAPHIC = re.compile(
    "[\u2e80-\u2fdf\u3000-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)
_NO_BREAK_BEFORE = frozenset(
    "、。，．・：；？！ー…‥〜々ゝゞヽヾ）」』】〕〉》｝］〙〗〟ゕゖ"
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    ",.!?:;)]}%’”"
)
_NO_BREAK_AFTER = frozenset("（「『【〔〈《｛［〘〖〝([{‘“")
_ZWJ = "\u200d"
# Thai and Lao vowels written before the consonant they follow in speech: never a line's last letter
_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4")


def _extends(char: str) -> bool:
    """True when `char` belongs to the character before it (marks, joiners, variation selectors,
    emoji skin tones)."""
    if unicodedata.category(char)[0] == "M" or char == _ZWJ:
        return True
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF or 0xE0100 <= code <= 0xE01EF


def clusters(word: str) -> list[str]:
    """`word` cut into the pieces a line may break between when nothing better is allowed: characters
    as a reader sees them (never a mark without its letter, a ZWJ sequence in two, a leading vowel
    alone at a line's end)."""
    out: list[str] = []
    glue = False  # the previous character joins the next one (ZWJ, leading vowel)
    for char in word:
        if out and (glue or _extends(char)):
            out[-1] += char
        else:
            out.append(char)
        glue = char == _ZWJ or char in _LEADING_VOWELS
    return out


def pieces(word: str) -> list[str]:
    """A space-free `word` cut where a line may break without a space: around ideographs and kana,
    keeping closing punctuation with what it closes and opening punctuation with what it opens.
    A word without such characters is one piece."""
    if not IDEOGRAPHIC.search(word):
        return [word]
    parts = clusters(word)
    out = [parts[0]]
    for before, char in pairwise(parts):
        breakable = (IDEOGRAPHIC.match(before[-1]) or IDEOGRAPHIC.match(char[0])) and not (
            char[0] in _NO_BREAK_BEFORE or before[-1] in _NO_BREAK_AFTER
        )
        if breakable:
            out.append(char)
        else:
            out[-1] += char
    return out
