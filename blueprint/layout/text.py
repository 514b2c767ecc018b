"""Text measurement and wrapping with the shipped DejaVu Sans metrics.

The widths come from `resources/fonts/dejavu-widths.json` (generated from the fonts the PDF embeds),
so the layout needs neither reportlab nor Qt and the canvas and the PDF break lines at the same places.
Characters DejaVu lacks are measured with a conservative estimate (wide for East Asian scripts).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate

from blueprint.layout.direction import keep_paragraph_direction
from blueprint.layout.linebreaks import IDEOGRAPHIC, clusters, pieces
from blueprint.resources import font_path

ELLIPSIS = "…"


def _load_widths() -> tuple[dict[int, float], dict[int, float], float, float]:
    table = json.loads(font_path("dejavu-widths.json").read_text(encoding="utf-8"))
    styles = []
    for style in ("regular", "bold"):
        widths: dict[int, float] = {}
        for first, run in table[style]["runs"]:
            for offset, width in enumerate(run):
                widths[first + offset] = width
        styles.append(widths)
    return styles[0], styles[1], table["regular"]["default"], table["bold"]["default"]


_REGULAR, _BOLD, _REGULAR_DEFAULT, _BOLD_DEFAULT = _load_widths()


def has_glyph(char: str) -> bool:
    """True when DejaVu Sans can draw `char` itself."""
    return ord(char) in _REGULAR


def outside_search(codes: Iterable[int]):  # type: ignore[no-untyped-def]
    """A fast test (the `search` of a compiled character class) for "has a character whose code is not
    among `codes`"."""
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    spans = "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)
    return re.compile(f"[^{spans}]").search


_UNCOVERED = outside_search(_REGULAR)


def lacks_glyphs(text: str) -> bool:
    """True when DejaVu Sans cannot draw some character of `text` (another font, or none, will: its
    width is then the estimate `_missing_width`, not the font's)."""
    return _UNCOVERED(text) is not None


def _missing_width(char: str, default: float) -> float:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0.0  # marks sit on their letter; format characters (joiners, marks of direction) draw nothing
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1000.0
    return default


@lru_cache(maxsize=65_536)
def _units(word: str, bold: bool) -> float:
    """Width of `word` in 1/1000 em."""
    table, default = (_BOLD, _BOLD_DEFAULT) if bold else (_REGULAR, _REGULAR_DEFAULT)
    total = 0.0
    for char in word:
        width = table.get(ord(char))
        total += width if width is not None else _missing_width(char, default)
    return total


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of `text` in points at font size `size`."""
    if len(text) <= 40:
        return _units(text, bold) * size / 1000
    return sum(_units(text[i : i + 40], bold) for i in range(0, len(text), 40)) * size / 1000


#: A word's width in 1/1000 em as `text_width` adds it up (before scaling), by boldness: the wrap
#: measures every word of every card, and most words repeat (a dict look-up is several times cheaper
#: than a call through `text_width` and `_units`'s cache). Emptied when it reaches `_WORDS_KEPT`.
_WORD_UNITS: tuple[dict[str, float], dict[str, float]] = ({}, {})
_WORDS_KEPT = 65_536


def _word_units(word: str, bold: bool) -> float:
    """`text_width(word, 1000, bold)` exactly as `text_width` sums it (chunks of 40 characters),
    remembered in `_WORD_UNITS`."""
    kept = _WORD_UNITS[1 if bold else 0]
    if len(word) <= 40:
        units = _units(word, bold)
    else:
        units = sum(_units(word[i : i + 40], bold) for i in range(0, len(word), 40))
    if len(kept) >= _WORDS_KEPT:
        kept.clear()
    kept[word] = units
    return units


_SPACES = re.compile(r"[^\S\n ]")
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean(text: str) -> str:
    """Text as drawn: tabs and other whitespace become spaces, control characters are dropped."""
    return _CONTROLS.sub("", _SPACES.sub(" ", text))


def _break_word(word: str, size: float, width: float, bold: bool) -> list[str]:
    """Split a word wider than `width` into pieces that fit, between characters as a reader sees them
    (`clusters`: a letter keeps its marks), at least one such character a piece."""
    pieces, current, current_w = [], "", 0.0
    for cluster in clusters(word):
        cluster_w = _units(cluster, bold) * size / 1000
        if current and current_w + cluster_w > width:
            pieces.append(current)
            current, current_w = "", 0.0
        current += cluster
        current_w += cluster_w
    if current:
        pieces.append(current)
    return pieces


def _wrap_paragraph(paragraph: str, size: float, width: float, bold: bool, limit: int) -> list[str]:
    """Greedy wrap at spaces, and between ideographs where Chinese and Japanese break (`pieces`);
    stops once more than `limit` lines are known (0: no limit; -1: after the first line)."""
    if IDEOGRAPHIC.search(paragraph) is None:
        return _wrap_words(paragraph, size, width, bold, limit)
    return _wrap_pieces(paragraph, size, width, bold, limit)


def _wrap_words(paragraph: str, size: float, width: float, bold: bool, limit: int) -> list[str]:
    """`_wrap_pieces` for a paragraph without ideographs (every word is one piece), with the same
    sums in the same order: a word's width from `_WORD_UNITS`, a line's words joined once it ends
    (opening a file wraps every card's text: this is most of the cold layout's extra time)."""
    lines: list[str] = []
    line: list[str] = []  # the current line's words (a broken word's last piece starts one)
    current_w = 0.0
    space_w = _units(" ", bold) * size / 1000
    kept = _WORD_UNITS[1 if bold else 0]
    for word in paragraph.split(" "):
        if not word:
            continue
        units = kept.get(word)
        if units is None:
            units = _word_units(word, bold)
        piece_w = units * size / 1000
        if line and current_w + space_w + piece_w <= width:
            line.append(word)
            current_w += space_w + piece_w
            continue
        if line:
            lines.append(" ".join(line))
            if limit and len(lines) > limit:
                return lines
        if piece_w <= width:
            line, current_w = [word], piece_w
        else:
            *full, last = _break_word(word, size, width, bold)
            lines.extend(full)
            line, current_w = [last], text_width(last, size, bold)
    if line:
        lines.append(" ".join(line))
    return lines


def _wrap_pieces(paragraph: str, size: float, width: float, bold: bool, limit: int) -> list[str]:
    """The greedy wrap for any paragraph (words, and ideographs' pieces inside them)."""
    lines: list[str] = []
    current, current_w = "", 0.0
    space_w = _units(" ", bold) * size / 1000
    ideographic = IDEOGRAPHIC.search(paragraph) is not None
    for word in paragraph.split(" "):
        if not word:
            continue
        joiner, joiner_w = " ", space_w  # a space before a word; nothing between its pieces
        for piece in pieces(word) if ideographic else (word,):
            piece_w = text_width(piece, size, bold)
            if current and current_w + joiner_w + piece_w <= width:
                current += joiner + piece
                current_w += joiner_w + piece_w
            else:
                if current:
                    lines.append(current)
                    if limit and len(lines) > limit:
                        return lines
                if piece_w <= width:
                    current, current_w = piece, piece_w
                else:
                    *full, current = _break_word(piece, size, width, bold)
                    lines.extend(full)
                    current_w = text_width(current, size, bold)
            joiner, joiner_w = "", 0.0
    if current:
        lines.append(current)
    return lines


def fit_with_ellipsis(line: str, size: float, width: float, bold: bool = False) -> str:
    """`line` cut so that it plus an ellipsis fits in `width`."""
    room = width - text_width(ELLIPSIS, size, bold)
    if len(line) <= 40:
        # the same test as below on every prefix at once: `_units` of a prefix is the running sum of
        # its characters' widths, the very additions `accumulate` makes (each prefix measured anew
        # missed `_units`'s cache: 3,600 texts cut at 5,000 cards)
        table, default = (_BOLD, _BOLD_DEFAULT) if bold else (_REGULAR, _REGULAR_DEFAULT)
        widths = list(map(table.get, map(ord, line)))
        if None in widths:
            widths = [
                _missing_width(char, default) if width is None else width
                for char, width in zip(line, widths, strict=True)
            ]
        end = len(line)
        for units in reversed(list(accumulate(widths))):
            if not units * size / 1000 > room:
                break
            end -= 1
        return line[:end].rstrip() + ELLIPSIS
    while line and text_width(line, size, bold) > room:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS


@lru_cache(maxsize=32_768)
def wrap(
    text: str, size: float, width: float, bold: bool = False, max_lines: int = 0
) -> tuple[tuple[str, ...], bool]:
    """Lines of `text` that fit `width` at `size`, and whether it had to be shortened to `max_lines`.

    Words wrap at spaces, Chinese and Japanese also between characters (`linebreaks.pieces`); a word
    wider than the box breaks between characters; newlines are kept. A line of a right-to-left
    paragraph keeps its paragraph's direction (`direction.keep_paragraph_direction`). With
    `max_lines` > 0 the last kept line ends with an ellipsis when text was cut.
    """
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        # only the lines up to one past `max_lines` in all are looked at: a paragraph is wrapped only
        # that far (-1: one line, enough to know the text goes on; greedy wrapping gives the same
        # first lines however far it goes)
        limit = (max_lines - len(lines) or -1) if max_lines else 0
        wrapped = _wrap_paragraph(paragraph, size, width, bold, limit)
        lines.extend(keep_paragraph_direction(paragraph, wrapped) or ([""] if lines else []))
        if max_lines and len(lines) > max_lines:
            break
    while lines and not lines[-1]:
        lines.pop()
    if max_lines and len(lines) > max_lines:
        kept = lines[:max_lines]
        kept[-1] = fit_with_ellipsis(kept[-1], size, width, bold)
        return tuple(kept), True
    return tuple(lines), False


@lru_cache(maxsize=32_768)
def one_line(text: str, size: float, width: float, bold: bool = False) -> tuple[str, bool]:
    """`text` on one line, cut with an ellipsis when too wide."""
    flat = " ".join(clean(text).split())
    if text_width(flat, size, bold) <= width:
        return flat, False
    return fit_with_ellipsis(flat, size, width, bold), True
