"""The legend: what the colours, lines and markers of a blueprint mean.

It lists only what the blueprint uses (its lane kinds, the kinds of links, fail and wait points,
improvement plans, shortened text, the three lines), so a small blueprint is not explained things it
does not have.
This module decides what the legend says and where each entry goes (`legend_entries`,
`place_legend`); the PDF (`draw_legend`, below) and the images (`qtlegend.py`) draw those same
entries, so both explain the same things in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from blueprint.export import style as st
from blueprint.export.textdraw import TextPen
from blueprint.layout import Layout
from blueprint.layout.cards import PLAN_MARKER
from blueprint.layout.text import text_width

SIZE = 7.0
ROW = 12.0  # from one row of entries to the next
GAP = 12.0  # after each entry's label
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
SHORTENED_MARK = "▸A1"
#: The legend's "Plan" pill: as wide as the marker on the cards, at the legend's 7 pt.
PLAN_SYMBOL_WIDTH = text_width(PLAN_MARKER, 7, True) + 6


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
    plans: bool = False


@dataclass(frozen=True)
class LegendEntry:
    """One symbol and its label. `symbol` is "lane" (a card swatch of lane kind `key`), "line" (a
    stroke: `stroke` is colour, width, dash), "fail", "wait", "plan" or "shortened"."""

    symbol: str
    label: str
    symbol_width: float  # room the symbol takes before the label
    key: str = ""
    stroke: tuple[str, float, tuple[float, ...]] = ("", 0.0, ())

    @property
    def width(self) -> float:
        return self.symbol_width + text_width(self.label, SIZE)


@dataclass(frozen=True)
class PlacedEntry:
    entry: LegendEntry
    x: float  # from the legend's left edge
    row: int  # 0 is the first row


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
        plans="plan" in markers,
    )


def legend_entries(items: LegendItems) -> list[LegendEntry]:
    """The entries, in the order they are shown."""
    out = [LegendEntry("lane", name, 17, key=kind) for kind, name in LANE_NAMES if kind in items.lane_kinds]
    for used, key, stroke, name in (
        (items.links, "link", (st.LINK, 0.8, ()), "link"),
        (items.handoffs, "handoff", (st.HANDOFF, 1.3, ()), "hand-off between functions"),
        (items.loops, "loop", (st.LOOP, 0.8, (4, 2)), "loop"),
    ):
        if used:
            out.append(LegendEntry("line", name, 21, key=key, stroke=stroke))
    if items.fail_points:
        out.append(LegendEntry("fail", "fail point", 13))
    if items.wait_points:
        out.append(LegendEntry("wait", "wait point (minutes)", 19))
    if items.plans:
        out.append(LegendEntry("plan", "improvement planned", PLAN_SYMBOL_WIDTH + 3))
    if items.shortened:
        out.append(LegendEntry("shortened", "text shortened: see appendix", 18))
    for kind, stroke in st.LINE_STYLES.items():
        if kind in items.line_kinds:
            out.append(LegendEntry("line", LINE_NAMES[kind], 21, key=kind, stroke=stroke))
    return out


def place_legend(entries: list[LegendEntry], width: float) -> list[PlacedEntry]:
    """Entries left to right; a new row starts when the next entry would not fit in `width`."""
    placed: list[PlacedEntry] = []
    x, row = 0.0, 0
    for entry in entries:
        if x > 0 and x + entry.width > width:
            x, row = 0.0, row + 1
        placed.append(PlacedEntry(entry, x, row))
        x += entry.width + GAP
    return placed


def row_count(placed: list[PlacedEntry]) -> int:
    return placed[-1].row + 1 if placed else 0


def draw_legend(canvas: Canvas, pen: TextPen, page_width: float, margin: float, items: LegendItems) -> None:
    """The legend at the foot of a PDF page: its first row 18 pt above the bottom margin."""
    canvas.setLineWidth(0.6)
    for placed in place_legend(legend_entries(items), page_width - 2 * margin):
        entry = placed.entry
        x, y = margin + placed.x, margin + 18 - ROW * placed.row
        if entry.symbol == "lane":
            fill, border = st.CARD_COLORS[entry.key]
            canvas.setFillColor(st.color(fill))
            canvas.setStrokeColor(st.color(border))
            canvas.rect(x, y - 4, 14, 8, stroke=1, fill=1)
        elif entry.symbol == "line":
            colour, width, dash = entry.stroke
            canvas.setStrokeColor(st.color(colour))
            canvas.setLineWidth(width)
            canvas.setDash(*dash) if dash else canvas.setDash()
            canvas.line(x, y, x + 18, y)
            canvas.setDash()
        elif entry.symbol == "fail":
            canvas.setFillColor(st.color(st.FAIL))
            canvas.circle(x + 5, y, 5, stroke=0, fill=1)
            pen.draw(x + 5, y - 2.5, "F", 7, True, align="center", color="#FFFFFF")
        elif entry.symbol == "wait":
            canvas.setFillColor(st.color(st.WAIT))
            canvas.roundRect(x, y - 5, 16, 10, 5, stroke=0, fill=1)
            pen.draw(x + 8, y - 2.5, "W", 7, True, align="center")
        elif entry.symbol == "plan":
            canvas.setFillColor(st.color(st.PLAN))
            canvas.roundRect(x, y - 5, PLAN_SYMBOL_WIDTH, 10, 5, stroke=0, fill=1)
            middle = x + PLAN_SYMBOL_WIDTH / 2
            pen.draw(middle, y - 2.5, PLAN_MARKER, 7, True, align="center", color="#FFFFFF")
        elif entry.symbol == "shortened":
            pen.draw(x, y - 2.5, SHORTENED_MARK, 7, True, color=st.REF)
        pen.draw(x + entry.symbol_width, y - 2.5, entry.label, SIZE)
