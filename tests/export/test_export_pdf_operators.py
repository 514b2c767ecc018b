"""The exporter's fast operator writers give byte for byte what reportlab's own calls give, so a big
export is faster without drawing anything differently (and a reportlab upgrade that changes its
operators shows up here)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from blueprint.export import style
from blueprint.export.fonts import BOLD, REGULAR, register_dejavu
from blueprint.export.pathops import Subpaths, paint_op, rect, round_rect
from blueprint.export.textops import TextWriter


def _pdf(draw: Callable[[Canvas], None]) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(600, 400), pageCompression=0, invariant=1)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_boxes_are_written_as_reportlab_writes_them() -> None:
    boxes = [(10, 20, 130, 64.5, 3), (150.25, 300.125, 130, 17.3333, 1.5), (5, 5, -20, -10, 2)]

    def ours(c: Canvas) -> None:
        for x, y, w, h, r in boxes:
            round_rect(c, x, y, w, h, r, paint_op(c))
            rect(c, x, y, 4, h, paint_op(c, stroke=0))
            rect(c, x, y, w, h, paint_op(c, fill=0))

    def theirs(c: Canvas) -> None:
        for x, y, w, h, r in boxes:
            c.roundRect(x, y, w, h, r, stroke=1, fill=1)
            c.rect(x, y, 4, h, stroke=0, fill=1)
            c.rect(x, y, w, h, stroke=1, fill=0)

    assert _pdf(ours) == _pdf(theirs)


def test_routes_are_written_as_reportlab_paths() -> None:
    lines = [(10.0, 20.0, 40.5, 20.0, 40.5, 80.25), (1.0, 2.0, 3.0, 4.0)]

    def ours(c: Canvas) -> None:
        path, heads = Subpaths(), Subpaths()
        for coords in lines:
            path.polyline(*coords)
            path.rect(coords[0] - 2, coords[1] - 2, 4, 4)
            heads.polygon(*coords[-2:], coords[-2] - 5, coords[-1] + 2.75, coords[-2] - 5, coords[-1] - 2.75)
        path.draw(c, stroke=1, fill=0)
        heads.draw(c, stroke=0, fill=1)
        Subpaths().draw(c, stroke=1, fill=0)  # nothing to draw: nothing written

    def theirs(c: Canvas) -> None:
        path, heads = c.beginPath(), c.beginPath()
        for coords in lines:
            path.moveTo(*coords[:2])
            for i in range(2, len(coords), 2):
                path.lineTo(*coords[i : i + 2])
            path.rect(coords[0] - 2, coords[1] - 2, 4, 4)
            heads.moveTo(*coords[-2:])
            heads.lineTo(coords[-2] - 5, coords[-1] + 2.75)
            heads.lineTo(coords[-2] - 5, coords[-1] - 2.75)
            heads.close()
        c.drawPath(path, stroke=1, fill=0)
        c.drawPath(heads, stroke=0, fill=1)

    assert _pdf(ours) == _pdf(theirs)


# Latin, Cyrillic, Greek and Arabic presentation forms: enough distinct characters to need a second
# font subset; also no-break spaces, PDF string delimiters and a character DejaVu lacks
_TEXT = st.text(
    st.sampled_from(
        [chr(c) for c in range(0x20, 0x7F)]
        + [chr(c) for c in range(0x100, 0x180)]
        + [chr(c) for c in range(0x400, 0x450)]
        + ["\u00a0", "(", ")", "\\", "\U00013000", "é", "ü"]
    ),
    max_size=30,
)


def _write_both(strings: list[str]) -> tuple[bytes, bytes]:
    register_dejavu()

    def ours(c: Canvas) -> None:
        t = TextWriter(c)
        t.flush()  # an empty text object is not written
        for i, text in enumerate(strings):
            if i % 3 == 0:
                t.block(10, 300 - i, (text, text[::-1]), BOLD, 8, 9.6, "#212121")
            else:
                t.string(20, 200 - i, [(REGULAR, text)], 7, "#546E7A", vertical=i % 3 == 2)
        t.flush()

    def theirs(c: Canvas) -> None:
        t = c.beginText()
        font = None
        fill = None
        for i, text in enumerate(strings):
            colour = style.rgb("#212121" if i % 3 == 0 else "#546E7A")  # as an (r, g, b) tuple
            if colour != fill:
                t.setFillColor(colour)
                fill = colour
            if i % 3 == 0:
                if font != (BOLD, 8):
                    t.setFont(BOLD, 8)
                    font = (BOLD, 8)
                t.setLeading(9.6)
                t.setTextOrigin(10, 300 - i)
                t.textLine(text)
                t.textLine(text[::-1])
            else:
                if i % 3 == 2:
                    t.setTextTransform(0, 1, -1, 0, 20, 200 - i)
                else:
                    t.setTextOrigin(20, 200 - i)
                if font != (REGULAR, 7):
                    t.setFont(REGULAR, 7)
                    font = (REGULAR, 7)
                t.textOut(text)
        if strings:
            c.drawText(t)

    return _pdf(ours), _pdf(theirs)


def test_text_is_written_as_reportlab_text_objects_write_it() -> None:
    many = "".join(chr(c) for c in range(0x100, 0x250))  # over 256 glyphs: two subsets
    strings = ["Plain (paren) \\ text", many[:200], many[200:], "Reads \U00013000 sign", "a\u00a0b", many]
    ours, theirs = _write_both(strings)
    assert ours == theirs
    assert re.search(rb"/F\d+\+1 ", ours), "a second subset was needed, and used"


@given(st.lists(_TEXT, min_size=1, max_size=8))
def test_any_text_is_written_as_reportlab_writes_it(strings: list[str]) -> None:
    ours, theirs = _write_both(strings)
    assert ours == theirs
