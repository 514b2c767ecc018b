"""Drawing text on a reportlab canvas: always literal (never markup), in DejaVu Sans with fallbacks."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from blueprint.export.fonts import BOLD, REGULAR, FontSet
from blueprint.export.rtl import RTL, visual


class TextPen:
    """Draws strings with font runs, and remembers which element had characters no font can draw."""

    def __init__(self, canvas: Canvas, fonts: FontSet) -> None:
        self.canvas = canvas
        self.fonts = fonts
        self.problems: dict[str, set[str]] = {}  # element label -> undrawable characters
        self._font: tuple[str, float] | None = None

    def _set_font(self, name: str, size: float) -> None:
        if self._font != (name, size):
            self.canvas.setFont(name, size)
            self._font = (name, size)

    def reset(self) -> None:
        """Forget the current font (call after anything that may change it, e.g. a new page)."""
        self._font = None

    def draw(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        bold: bool = False,
        owner: str | None = None,
        align: str = "left",
    ) -> None:
        """Draw `text` with its baseline at (x, y); `align` is left, center or right."""
        if not text:
            return
        if RTL.search(text):
            text = visual(text)
        dejavu = self.fonts.dejavu
        base = BOLD if bold else REGULAR
        if all(ord(ch) in dejavu for ch in text):
            runs = [(base, text)]
        else:
            runs = self.fonts.runs(text, bold)
            if owner is not None:
                missing = self.fonts.undrawable(text)
                if missing:
                    self.problems.setdefault(owner, set()).update(missing)
        if align != "left":
            width = sum(stringWidth(t, f, size) for f, t in runs)
            x -= width if align == "right" else width / 2
        canvas = self.canvas
        for font, part in runs:
            self._set_font(font, size)
            canvas.drawString(x, y, part)
            if len(runs) > 1:
                x += stringWidth(part, font, size)
