"""Draw a layout on a reportlab canvas, in layout coordinates with y flipped (the PDF's y grows up).

Everything is vector: boxes, lines and text (drawn literally, never as markup). Shapes go first, then
all the text of the grid and cards in one text object, then routes and their labels, so a blueprint of
thousands of cards costs little more than drawing its boxes, strings and lines on a bare canvas.
The parts are painted by `draw_grid.py`, `draw_cards.py` and `draw_routes.py`; this module holds the
order, and finds what a region (a tile) shows.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from blueprint.export.draw_cards import CardPainter
from blueprint.export.draw_grid import GridPainter
from blueprint.export.draw_routes import RoutePainter
from blueprint.export.painter_state import Region
from blueprint.export.pathops import paint_op
from blueprint.export.textdraw import TextPen
from blueprint.layout import CardBox, Layout, Route
from blueprint.layout import metrics as m
from blueprint.layout.focus import FocusState


class BlueprintPainter(GridPainter, CardPainter, RoutePainter):
    """Paints one layout, whole or one region at a time (a tile draws only what it shows, so each
    sheet's text is its own); `refs` maps a shortened card to its appendix entry (e.g. "A3");
    `focus` (an audience view's or a hand-off sheet's) fades cards and links and stresses hand-offs."""

    def __init__(
        self,
        canvas: Canvas,
        pen: TextPen,
        layout: Layout,
        refs: dict[str, str],
        focus: FocusState | None = None,
    ) -> None:
        self.c = canvas
        self.focus = focus
        self.pen = pen
        self.layout = layout
        self.refs = refs
        self.h = layout.height
        self.region: Region = (0.0, 0.0, layout.width, layout.height)
        self._fill: str | None = None
        self._stroke: str | None = None
        self._width: float | None = None
        self._paint = paint_op(canvas)  # stroke and fill
        self._fill_only = paint_op(canvas, stroke=0)
        # cards and routes bucketed by column, so a tile finds its own quickly
        self._cards_in: dict[int, list[CardBox]] = {}
        for card in layout.cards.values():
            self._cards_in.setdefault(self._column(card.box.x), []).append(card)
        self._routes_in: dict[int, list[Route]] | None = None  # made when a tile first needs it
        self._extent: dict[str, tuple[float, float, float, float]] = {}
        self._stage_x = [stage.box.x for stage in layout.stages]
        self._emotion_x = [x for x, _ in layout.emotion.points] if layout.emotion else []

    def rebind(self, canvas: Canvas, pen: TextPen, focus: FocusState | None) -> None:
        """Paint the same layout onto another canvas, in another focus (a hand-off sheet each): what
        was found once about the layout (cards and routes by column) is kept."""
        self.c, self.pen, self.focus = canvas, pen, focus
        self._paint = paint_op(canvas)
        self._fill_only = paint_op(canvas, stroke=0)
        self._forget_state()

    def _route_buckets(self) -> dict[int, list[Route]]:
        """Routes by the columns they cross, with their extents (only tiles need them)."""
        if self._routes_in is None:
            self._routes_in = {}
            for route in self.layout.routes.values():
                xs = [x for x, _ in route.points]
                ys = [y for _, y in route.points]
                self._extent[route.link_id] = (min(xs) - 60, min(ys) - 60, max(xs) + 60, max(ys) + 60)
                for column in range(self._column(min(xs)), self._column(max(xs)) + 1):
                    self._routes_in.setdefault(column, []).append(route)
        return self._routes_in

    # --- painting -----------------------------------------------------------------------------------

    def paint(self, region: Region | None = None) -> None:
        """Paint everything that intersects `region` (default: the whole layout)."""
        self.region = region or (0.0, 0.0, self.layout.width, self.layout.height)
        self._forget_state()
        self._lanes()
        self._headers()
        self._emotion()
        self._lines()
        rx0, _, rx1, _ = self.region
        columns = range(self._column(rx0) - 1, self._column(rx1) + 2)
        shown: list[CardBox] = []
        for column in columns:
            for card in self._cards_in.get(column, ()):
                b = card.box
                if self._visible(b.x, b.y - m.MARKER_HEIGHT, b.right, b.bottom):
                    self._card(card)
                    shown.append(card)
        self.pen.flush()
        self._forget_state()
        if self.focus is not None:
            self._veil([card for card in shown if self.focus.card_faded(card.card_id)])
        routes: list[Route] = []
        if self.region == (0.0, 0.0, self.layout.width, self.layout.height):
            routes = list(self.layout.routes.values())  # the whole layout: every route shows
        else:
            seen: set[str] = set()
            buckets = self._route_buckets()
            for column in columns:
                for route in buckets.get(column, ()):
                    if route.link_id not in seen:
                        seen.add(route.link_id)
                        if self._visible(*self._extent[route.link_id]):
                            routes.append(route)
        routes.sort(key=lambda r: (r.is_handoff, r.link_id))
        self._routes(routes)
        for route in routes:
            if route.label_text:
                self._route_label(route)
        self.pen.flush()
        self._forget_state()
