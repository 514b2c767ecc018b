"""Drawing text on a reportlab canvas: always literal (never markup), in DejaVu Sans with fallbacks.

Strings are queued and written in one PDF text object per batch (far faster than one per string; the
operators come from `textops.TextWriter`); right-to-left text is shaped and reordered first, and
characters no font has are recorded per owner.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from blueprint.export import style as st
from blueprint.export.fonts import BOLD, REGULAR, FontSet
from blueprint.export.rtl import RTL, visual
from blueprint.export.textops import TextWriter
from blueprint.layout.text import outside_search, text_width


@lru_cache(maxsize=4)
def _uncovered_pattern(covered: frozenset[int]):  # type: ignore[no-untyped-def]
    """A fast test (a compiled character class) for "has a character DejaVu Sans lacks"."""
    return outside_search(covered)


class TextPen:
    """Queues strings and writes them in one text object; remembers undrawable characters."""

    def __init__(self, canvas: Canvas, fonts: FontSet) -> None:
        self.canvas = canvas
        self.fonts = fonts
        self.problems: dict[str, set[str]] = {}  # element label -> undrawable characters
        self._uncovered = _uncovered_pattern(fonts.dejavu)
        self._writer = TextWriter(canvas)
        self._widths: dict[tuple[str, float, bool], float] = {}

    def reset(self) -> None:
        """Kept for callers that changed graphics state; text state lives in each text object."""

    def queue(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        bold: bool = False,
        owner: str | None = None,
        align: str = "left",
        color: str = st.TEXT,
        vertical: bool = False,
    ) -> None:
        """Queue `text` with its baseline starting at (x, y); `align` is left, center or right
        (along the baseline, which runs upwards when `vertical`)."""
        if not text:
            return
        laid_out = text
        reordered = RTL.search(text) is not None
        if reordered:
            text = visual(text)
        uncovered = self._uncovered(text) is not None
        if owner is not None and uncovered:
            missing = self.fonts.undrawable(text)
            if missing:
                self.problems.setdefault(owner, set()).update(missing)
        runs = self.fonts.runs(text, bold) if uncovered else [(BOLD if bold else REGULAR, text)]
        squeeze = 1.0
        if uncovered or reordered:
            # Fallback fonts, missing glyphs and Arabic presentation forms are not the widths the
            # layout measured: never draw wider than the room it gave (so no text leaves its box)
            drawn = sum(stringWidth(part, font, size) for font, part in runs)
            room = text_width(laid_out, size, bold)
            if drawn > room * 1.001 and drawn > 0:
                squeeze = room / drawn
        if align != "left":
            width = self.width(text, size, bold) * squeeze
            shift = width if align == "right" else width / 2
            if vertical:
                y -= shift
            else:
                x -= shift
        self._writer.string(x, y, runs, size, color, vertical, squeeze)

    def block(
        self,
        x: float,
        y: float,
        lines: tuple[str, ...],
        size: float,
        leading: float,
        bold: bool = False,
        owner: str | None = None,
        color: str = st.TEXT,
    ) -> None:
        """Queue left-aligned lines going down from baseline (x, y), `leading` apart. Plain lines are
        written as one positioned block (one position for all), which keeps big PDFs small and fast."""
        uncovered = self._uncovered
        if not any(uncovered(line) or RTL.search(line) for line in lines):
            self._writer.block(x, y, lines, BOLD if bold else REGULAR, size, leading, color)
            return
        for i, line in enumerate(lines):
            self.queue(x, y - i * leading, line, size, bold, owner, color=color)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        key = (text, size, bold)
        found = self._widths.get(key)
        if found is None:  # link labels and markers repeat: measure each once
            if not self._uncovered(text):
                found = stringWidth(text, BOLD if bold else REGULAR, size)
            else:
                found = sum(stringWidth(t, f, size) for f, t in self.fonts.runs(text, bold))
            self._widths[key] = found
        return found

    def draw(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        """Queue and write at once (for page furniture drawn between shapes)."""
        self.queue(*args, **kwargs)
        self.flush()

    def flush(self) -> None:
        """Write what was queued as one text object."""
        self._writer.flush()
