"""PDF text operators for a batch of strings, written as reportlab's text object would write them.

reportlab's `textOut`/`textLine` measure every string (to move a cursor we never read) and encode it
character by character in Python; with 26,000 strings that was a third of a big export. Here each
character's subset code is asked of reportlab once per font (`TTFont.splitString`, its documented API
for subset fonts) and then strings are encoded with `str.translate`. The operators are the very ones
reportlab writes (same order, same numbers), so the page content does not change.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from blueprint.export import style as st
from blueprint.export.pathops import numbers


class _FontCodes:
    """One font's character -> (subset, code) assignments in one document."""

    def __init__(self, name: str, doc: object) -> None:
        self.font = getFont(name)
        self.doc = doc
        self.codes: dict[str, tuple[int, int]] = {}
        self.first: dict[int, int] = {}  # str.translate table for characters of subset 0
        self.first_chars: set[str] = set()
        self.names: dict[int, str] = {}
        self.tf: dict[tuple[int, float, float], str] = {}  # (subset, size, leading) -> Tf and TL

    def chunks(self, text: str) -> list[tuple[int, bytes]]:
        """(subset, encoded bytes) runs of `text`, as `splitString` gives them."""
        if self.first_chars.issuperset(text):
            return [(0, text.translate(self.first).encode("latin-1"))] if text else []
        codes = self.codes
        out: list[tuple[int, bytearray]] = []
        for ch in text:
            known = codes.get(ch)
            if known is None:
                known = self._learn(ch)
            subset, code = known
            if out and out[-1][0] == subset:
                out[-1][1].append(code)
            else:
                out.append((subset, bytearray((code,))))
        return [(subset, bytes(data)) for subset, data in out]

    def _learn(self, ch: str) -> tuple[int, int]:
        # in text order, so codes are assigned exactly as for the whole string
        ((subset, data),) = self.font.splitString(ch, self.doc)
        self.codes[ch] = known = (subset, data[0])
        if subset == 0:
            self.first[ord(ch)] = data[0]
            self.first_chars.add(ch)
        return known

    def subset_name(self, subset: int) -> str:
        name = self.names.get(subset)
        if name is None:
            name = self.names[subset] = self.font.getSubsetInternalName(subset, self.doc)
        return name


class TextWriter:
    """Builds one BT ... ET text object; `flush` hands it to the canvas (`addLiteral`, public API)."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        # the document that owns the font subsets; reportlab offers no public accessor for it
        self._doc = canvas._doc
        self._fonts: dict[str, _FontCodes] = {}
        self._colors: dict[str, str] = {}
        self._leadings: dict[float, str] = {}
        self._begin()

    def _begin(self) -> None:
        self._ops: list[str] = ["BT", "1 0 0 1 0 0 Tm"]
        self._font: _FontCodes | None = None
        self._size = 0.0
        self._leading = 0.0
        self._subset = -1
        # what the strings so far set (fill colour, font and size, block leading): not set again
        self._fill_now: str | None = None
        self._font_now: tuple[str, float] | None = None
        self._leading_now: float | None = None

    def string(
        self,
        x: float,
        y: float,
        runs: list[tuple[str, str]],
        size: float,
        colour: str,
        vertical: bool,
        squeeze: float = 1.0,
    ) -> None:
        """One string at baseline (x, y) (upwards when `vertical`), as (font name, text) runs; with
        `squeeze` < 1 drawn that much narrower (horizontal scaling, `Tz`)."""
        if colour != self._fill_now:
            self.fill(colour)
            self._fill_now = colour
        if vertical:
            self.transform(0, 1, -1, 0, x, y)
        else:
            self.origin(x, y)
        if squeeze < 1.0:
            self._ops.append(f"{fp_str(squeeze * 100)} Tz")
        for name, part in runs:
            if self._font_now != (name, size):
                self.font(name, size)
                self._font_now = (name, size)
                self._leading_now = None
            self.out(part)
        if squeeze < 1.0:
            self._ops.append("100 Tz")

    def block(
        self, x: float, y: float, lines: tuple[str, ...], name: str, size: float, leading: float, colour: str
    ) -> None:
        """Lines in one font going down from baseline (x, y), `leading` apart: one position for all."""
        if colour != self._fill_now:
            self.fill(colour)
            self._fill_now = colour
        if self._font_now != (name, size):
            self.font(name, size)
            self._font_now = (name, size)
            self._leading_now = None  # a new font sets a leading of its own
        if leading != self._leading_now:
            self._leading_now = leading
            self.leading(leading)
        self.origin(x, y)
        for line in lines:
            self.line(line)

    def fill(self, colour: str) -> None:
        op = self._colors.get(colour)
        if op is None:
            c = st.color(colour)
            op = self._colors[colour] = f"{fp_str((c.red, c.green, c.blue))} rg"
        self._ops.append(op)

    def font(self, name: str, size: float) -> None:
        """Like `setFont`: the Tf operator is written with the next string."""
        font = self._fonts.get(name)
        if font is None:
            font = self._fonts[name] = _FontCodes(name, self._doc)
        self._font, self._size, self._leading, self._subset = font, size, size * 1.2, -1

    def leading(self, leading: float) -> None:
        self._leading = leading
        op = self._leadings.get(leading)
        if op is None:
            op = self._leadings[leading] = f"{fp_str(leading)} TL"
        self._ops.append(op)

    def origin(self, x: float, y: float) -> None:
        a, b = numbers(x, y)
        self._ops.append(f"1 0 0 1 {a} {b} Tm")

    def transform(self, a: float, b: float, c: float, d: float, e: float, f: float) -> None:
        self._ops.append(f"{fp_str(a, b, c, d, e, f)} Tm")

    def out(self, text: str) -> None:
        """Like `textOut`: the string at the current point."""
        self._ops.append(self._format(text))

    def line(self, text: str) -> None:
        """Like `textLine`: the string, then down one leading."""
        self._ops.append(f"{self._format(text)} T*")

    def _format(self, text: str) -> str:
        font = self._font
        assert font is not None, "a font is set before any string"
        if self._subset == 0 and text and font.first_chars.issuperset(text):  # the common case
            return f"({escapePDF(text.translate(font.first).encode('latin-1'))}) Tj"
        parts = []
        for subset, data in font.chunks(text):
            if subset != self._subset:
                key = (subset, self._size, self._leading)
                tf = font.tf.get(key)
                if tf is None:
                    tf = font.tf[key] = (
                        f"{font.subset_name(subset)} {fp_str(self._size)} Tf {fp_str(self._leading)} TL"
                    )
                parts.append(tf)
                self._subset = subset
            parts.append(f"({escapePDF(data)}) Tj")
        return " ".join(parts)

    def flush(self) -> None:
        """Hand the text object to the canvas (nothing when no string was written)."""
        if len(self._ops) == 2:
            return
        self._ops.append("ET")
        self.canvas.addLiteral(" ".join(self._ops))
        self._begin()
