"""The legend at the foot of every blueprint page: what the colours, lines and markers mean."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from blueprint.export import style as st
from blueprint.export.textdraw import TextPen
from blueprint.layout.text import text_width

SIZE = 7.0


def draw_legend(canvas: Canvas, pen: TextPen, page_width: float, margin: float) -> None:
    y = margin + 18
    x = margin
    canvas.setLineWidth(0.6)

    def room(width: float) -> None:
        """Start a second row when the next entry would not fit."""
        nonlocal x, y
        if x + width > page_width - margin:
            x, y = margin, y - 12

    def label(text: str) -> None:
        nonlocal x
        pen.draw(x, y - 2.5, text, SIZE)
        x += text_width(text, SIZE) + 12

    for kind, name in (
        ("customer", "Customer"),
        ("frontstage", "Frontstage"),
        ("backstage", "Backstage"),
        ("support", "Support"),
        ("evidence", "Evidence"),
        ("notes", "Note"),
    ):
        room(17 + text_width(name, SIZE))
        fill, border = st.CARD_COLORS[kind]
        canvas.setFillColor(st.color(fill))
        canvas.setStrokeColor(st.color(border))
        canvas.rect(x, y - 4, 14, 8, stroke=1, fill=1)
        x += 17
        label(name)
    for colour, width, dash, name in (
        (st.LINK, 0.8, (), "link"),
        (st.HANDOFF, 1.3, (), "hand-off between functions"),
        (st.LOOP, 0.8, (4, 2), "loop"),
    ):
        room(21 + text_width(name, SIZE))
        canvas.setStrokeColor(st.color(colour))
        canvas.setLineWidth(width)
        canvas.setDash(*dash) if dash else canvas.setDash()
        canvas.line(x, y, x + 18, y)
        canvas.setDash()
        x += 21
        label(name)
    room(13 + text_width("fail point", SIZE))
    canvas.setFillColor(st.color(st.FAIL))
    canvas.circle(x + 5, y, 5, stroke=0, fill=1)
    pen.draw(x + 5, y - 2.5, "F", 7, True, align="center", color="#FFFFFF")
    x += 13
    label("fail point")
    room(19 + text_width("wait point (minutes)", SIZE))
    canvas.setFillColor(st.color(st.WAIT))
    canvas.roundRect(x, y - 5, 16, 10, 5, stroke=0, fill=1)
    pen.draw(x + 8, y - 2.5, "W", 7, True, align="center")
    x += 19
    label("wait point (minutes)")
    room(18 + text_width("text shortened: see appendix", SIZE))
    pen.draw(x, y - 2.5, "▸A1", 7, True, color=st.REF)
    x += 18
    label("text shortened: see appendix")
    names = {
        "interaction": "line of interaction",
        "visibility": "line of visibility",
        "internal": "line of internal interaction",
    }
    for kind, (colour, width, dash) in st.LINE_STYLES.items():
        room(21 + text_width(names[kind], SIZE))
        canvas.setStrokeColor(st.color(colour))
        canvas.setLineWidth(width)
        canvas.setDash(*dash) if dash else canvas.setDash()
        canvas.line(x, y, x + 18, y)
        canvas.setDash()
        x += 21
        label(names[kind])
