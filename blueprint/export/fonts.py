"""Fonts for the PDF: the shipped DejaVu Sans (embedded), and installed fonts for the scripts it lacks.

Text is split into runs, each drawn in the first font that has its characters: DejaVu Sans first, then
fallback fonts found on the system (through fontconfig's `fc-list`, or common font folders). A
character no font can draw is reported, so the export can warn naming the card.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from blueprint.resources import font_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "C:/Windows/Fonts",
)
_MAX_LOOKUPS = 16  # fc-list calls per export: enough for several scripts, bounded for hostile text


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap for one font subset, with each character written in UTF-16 as the
    PDF reference requires: characters beyond U+FFFF as surrogate pairs (`<D83DDE00>`; reportlab
    writes `<1F600>`, an odd number of digits, so copying an emoji out of the PDF gave garbage)."""
    entries = [
        f"<{code:02X}> <{chr(char).encode('utf-16-be').hex().upper()}>" for code, char in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


# reportlab < 6 (pinned) builds each subset's CMap with this module-level function when it saves
REPORTLAB_TO_UNICODE_CMAP = ttfonts.makeToUnicodeCMap
ttfonts.makeToUnicodeCMap = to_unicode_cmap


@cache
def register_dejavu() -> frozenset[int]:
    """Register the shipped fonts with reportlab; return the code points DejaVu Sans covers."""
    regular = TTFont(REGULAR, str(font_path("DejaVuSans.ttf")))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(TTFont(BOLD, str(font_path("DejaVuSans-Bold.ttf"))))
    return frozenset(regular.face.charWidths)


def _ignorable(char: str) -> bool:
    """Characters that draw nothing (joiners, variation selectors, marks of format)."""
    return unicodedata.category(char) == "Cf" or "\ufe00" <= char <= "\ufe0f"


@dataclass
class Fallback:
    name: str
    path: str
    covers: frozenset[int]


@dataclass
class FontSet:
    """DejaVu Sans plus the fallback fonts found so far, shared by one export."""

    dejavu: frozenset[int] = field(default_factory=register_dejavu)
    fallbacks: list[Fallback] = field(default_factory=list)
    missing: set[str] = field(default_factory=set)
    _lookups: int = 0
    _tried: set[str] = field(default_factory=set)

    def runs(self, text: str, bold: bool = False) -> list[tuple[str, str]]:
        """(font name, text) runs that draw `text`; characters no font has go to DejaVu (as boxes)."""
        base = BOLD if bold else REGULAR
        dejavu = self.dejavu
        if all(ord(c) in dejavu for c in text):
            return [(base, text)]
        out: list[tuple[str, str]] = []
        for char in text:
            font = base if ord(char) in dejavu else self._font_for(char, base)
            if out and out[-1][0] == font:
                out[-1] = (font, out[-1][1] + char)
            else:
                out.append((font, char))
        return out

    def undrawable(self, text: str) -> list[str]:
        """Characters of `text` that no font available here can draw."""
        dejavu = self.dejavu
        if all(ord(c) in dejavu for c in text):
            return []
        found = []
        for char in text:
            if ord(char) not in dejavu and not _ignorable(char):
                self._font_for(char, REGULAR)
                if char in self.missing and char not in found:
                    found.append(char)
        return found

    def _font_for(self, char: str, base: str) -> str:
        code = ord(char)
        for fallback in self.fallbacks:
            if code in fallback.covers:
                return fallback.name
        if char in self.missing or _ignorable(char):
            return base
        for path in self._candidates(char):
            if path in self._tried:
                continue
            self._tried.add(path)
            fallback = _load_fallback(path)
            if fallback is None:
                continue
            self.fallbacks.append(fallback)
            if code in fallback.covers:
                return fallback.name
        self.missing.add(char)
        return base

    def _candidates(self, char: str) -> list[str]:
        if char in _KNOWN:
            return _KNOWN[char]
        if self._lookups >= _MAX_LOOKUPS:
            return []
        self._lookups += 1
        _KNOWN[char] = found = _font_files_with(char)
        return found


_KNOWN: dict[str, list[str]] = {}  # character -> font files that have it (asked once per process)


def _font_files_with(char: str) -> list[str]:
    """TrueType files that have `char`, from fontconfig, else every font file in the usual folders."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return _scan_font_dirs()
    try:
        result = subprocess.run(
            [fc_list, f":charset={ord(char):x}", "file"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return _scan_font_dirs()
    if result.returncode != 0:
        return _scan_font_dirs()
    paths = [line.split(":")[0].strip() for line in result.stdout.splitlines() if line.strip()]
    return sorted(p for p in paths if p.lower().endswith((".ttf", ".ttc")))


@cache
def _scan_font_dirs() -> list[str]:
    found = []
    for folder in _FONT_DIRS:
        root = Path(folder).expanduser()
        if root.is_dir():
            found.extend(str(p) for p in root.rglob("*") if p.suffix.lower() in (".ttf", ".ttc"))
    return sorted(found)


@cache
def _load_fallback(path: str) -> Fallback | None:
    """A registered fallback font, or None when reportlab cannot embed it (e.g. CFF outlines)."""
    name = "Fallback-" + Path(path).stem.replace(" ", "")
    try:
        font = TTFont(name, path, subfontIndex=0) if path.lower().endswith(".ttc") else TTFont(name, path)
        pdfmetrics.registerFont(font)
    except Exception:  # any font reportlab cannot read is simply not a fallback
        return None
    return Fallback(name, path, frozenset(font.face.charWidths))
