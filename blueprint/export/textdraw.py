"""Drawing text on a reportlab canvas: always literal (never markup), in DejaVu Sans with fallbacks.

Strings are queued and written in one PDF text object per batch (far faster than one per string);
right-to-left text is shaped and reordered first, and characters no font has are recorded per owner.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from blueprint.export import style as st
from blueprint.export.fonts import BOLD, REGULAR, FontSet
from blueprint.export.rtl import RTL, visual

Op = tuple[float, float, str, float, bool, str, bool]  # x, y, text, size, bold, colour, vertical


class TextPen:
    """Queues strings and writes them in one text object; remembers undrawable characters."""

    def __init__(self, canvas: Canvas, fonts: FontSet) -> None:
        self.canvas = canvas
        self.fonts = fonts
        self.problems: dict[str, set[str]] = {}  # element label -> undrawable characters
        self._queue: list[Op] = []
        self._chars = frozenset(chr(code) for code in fonts.dejavu)

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
        if RTL.search(text):
            text = visual(text)
        if owner is not None and not self._chars.issuperset(text):
            missing = self.fonts.undrawable(text)
            if missing:
                self.problems.setdefault(owner, set()).update(missing)
        if align != "left":
            width = self.width(text, size, bold)
            shift = width if align == "right" else width / 2
            if vertical:
                y -= shift
            else:
                x -= shift
        self._queue.append((x, y, text, size, bold, color, vertical))

    def width(self, text: str, size: float, bold: bool = False) -> float:
        if self._chars.issuperset(text):
            return stringWidth(text, BOLD if bold else REGULAR, size)
        return sum(stringWidth(t, f, size) for f, t in self.fonts.runs(text, bold))

    def draw(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        """Queue and write at once (for page furniture drawn between shapes)."""
        self.queue(*args, **kwargs)
        self.flush()

    def flush(self) -> None:
        if not self._queue:
            return
        t = self.canvas.beginText()
        font: tuple[str, float] | None = None
        fill: str | None = None
        chars = self._chars
        for x, y, text, size, bold, color, vertical in self._queue:
            if color != fill:
                t.setFillColor(st.color(color))
                fill = color
            if vertical:
                t.setTextTransform(0, 1, -1, 0, x, y)
            else:
                t.setTextOrigin(x, y)
            runs = (
                [(BOLD if bold else REGULAR, text)] if chars.issuperset(text) else self.fonts.runs(text, bold)
            )
            for name, part in runs:
                if font != (name, size):
                    t.setFont(name, size)
                    font = (name, size)
                t.textOut(part)
        self.canvas.drawText(t)
        self._queue.clear()
