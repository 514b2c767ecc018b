"""The legend at the foot of every blueprint page: what the colours, lines and markers mean.

It lists only what the blueprint uses (its lane kinds, the kinds of links, fail and wait points,
shortened text, the three lines), so a small blueprint is not explained things it does not have.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from blueprint.export import style as st
from blueprint.export.textdraw import TextPen
from blueprint.layout import Layout
from blueprint.layout.text import text_width

SIZE = 7.0
LANE_NAMES = (
    ("customer", "Customer"),
    ("frontstage", "Frontstage"),
    ("backstage", "Backstage"),
    ("support", "Support"),
    ("evidence", "Evidence"),
    ("notes", "Note"),
)
LINE_NAMES = {
    "interaction": "line of interaction",
    "visibility": "line of visibility",
    "internal": "line of internal interaction",
}


@dataclass(frozen=True)
class LegendItems:
    """What the blueprint uses, so what the legend explains."""

    lane_kinds: frozenset[str]
    links: bool
    handoffs: bool
    loops: bool
    fail_points: bool
    wait_points: bool
    shortened: bool
    line_kinds: frozenset[str]


def legend_items(layout: Layout, shortened_refs: dict[str, str]) -> LegendItems:
    routes = layout.routes.values()
    markers = {marker.kind for card in layout.cards.values() for marker in card.markers}
    return LegendItems(
        lane_kinds=frozenset(lane.kind for lane in layout.lanes),
        links=any(r.kind != "loop" and not r.is_handoff for r in routes),
        handoffs=any(r.kind != "loop" and r.is_handoff for r in routes),
        loops=any(r.kind == "loop" for r in routes),
        fail_points="fail" in markers,
        wait_points="wait" in markers,
        shortened=bool(shortened_refs),
        line_kinds=frozenset(line.kind for line in layout.lines),
    )


def draw_legend(canvas: Canvas, pen: TextPen, page_width: float, margin: float, items: LegendItems) -> None:
    y = margin + 18
    x = margin
    canvas.setLineWidth(0.6)

    def room(width: float) -> None:
        """Start a second row when the next entry would not fit."""
        nonlocal x, y
        if x > margin and x + width > page_width - margin:
            x, y = margin, y - 12

    def label(text: str) -> None:
        nonlocal x
        pen.draw(x, y - 2.5, text, SIZE)
        x += text_width(text, SIZE) + 12

    def line(colour: str, width: float, dash: tuple[float, ...], name: str) -> None:
        nonlocal x
        room(21 + text_width(name, SIZE))
        canvas.setStrokeColor(st.color(colour))
        canvas.setLineWidth(width)
        canvas.setDash(*dash) if dash else canvas.setDash()
        canvas.line(x, y, x + 18, y)
        canvas.setDash()
        x += 21
        label(name)

    for kind, name in LANE_NAMES:
        if kind not in items.lane_kinds:
            continue
        room(17 + text_width(name, SIZE))
        fill, border = st.CARD_COLORS[kind]
        canvas.setFillColor(st.color(fill))
        canvas.setStrokeColor(st.color(border))
        canvas.rect(x, y - 4, 14, 8, stroke=1, fill=1)
        x += 17
        label(name)
    if items.links:
        line(st.LINK, 0.8, (), "link")
    if items.handoffs:
        line(st.HANDOFF, 1.3, (), "hand-off between functions")
    if items.loops:
        line(st.LOOP, 0.8, (4, 2), "loop")
    if items.fail_points:
        room(13 + text_width("fail point", SIZE))
        canvas.setFillColor(st.color(st.FAIL))
        canvas.circle(x + 5, y, 5, stroke=0, fill=1)
        pen.draw(x + 5, y - 2.5, "F", 7, True, align="center", color="#FFFFFF")
        x += 13
        label("fail point")
    if items.wait_points:
        room(19 + text_width("wait point (minutes)", SIZE))
        canvas.setFillColor(st.color(st.WAIT))
        canvas.roundRect(x, y - 5, 16, 10, 5, stroke=0, fill=1)
        pen.draw(x + 8, y - 2.5, "W", 7, True, align="center")
        x += 19
        label("wait point (minutes)")
    if items.shortened:
        room(18 + text_width("text shortened: see appendix", SIZE))
        pen.draw(x, y - 2.5, "▸A1", 7, True, color=st.REF)
        x += 18
        label("text shortened: see appendix")
    for kind, (colour, width, dash) in st.LINE_STYLES.items():
        if kind in items.line_kinds:
            line(colour, width, dash, LINE_NAMES[kind])
