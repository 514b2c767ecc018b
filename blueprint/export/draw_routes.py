"""The PDF painter's routes: links as orthogonal polylines with arrow heads, one path per style, and
their labels on white plates."""

from __future__ import annotations

import math

from blueprint.export import style as st
from blueprint.export.painter_state import PainterState
from blueprint.export.palette import STRONG_HANDOFF_WIDTH, faded
from blueprint.export.pathops import Subpaths, rect
from blueprint.layout import Route
from blueprint.layout import metrics as m
from blueprint.layout.text import text_width

_ARROW = 5.0


class RoutePainter(PainterState):
    """Paints routes, their arrow heads and hand-off squares, and their labels."""

    def _routes(self, routes: list[Route]) -> None:
        """Routes of one style share one path (and their arrow heads another): a PDF with thousands
        of links stays quick to write and to open."""
        c = self.c
        h = self.h
        styles: dict[tuple[str, float, bool], tuple[Subpaths, Subpaths]] = {}
        a, wing = _ARROW, _ARROW * 0.55
        for route in routes:
            colour, width = self._route_style(route)
            key = (colour, width, route.kind == "loop")
            if key not in styles:
                styles[key] = (Subpaths(), Subpaths())
            path, heads = styles[key]
            coords = [v for x, y in route.points for v in (x, h - y)]
            ax, ay, bx, by = coords[-4:]
            length = math.hypot(bx - ax, by - ay) or 1.0
            ux, uy = (bx - ax) / length, (by - ay) / length
            coords[-2:] = (bx - ux * a, by - uy * a)  # the line stops where the arrow head starts
            path.polyline(*coords)
            if route.is_handoff:  # a hand-off starts with a small square: "work changes hands here"
                path.rect(coords[0] - 2, coords[1] - 2, 4, 4)
            heads.polygon(
                bx,
                by,
                bx - ux * a - uy * wing,
                by - uy * a + ux * wing,
                bx - ux * a + uy * wing,
                by - uy * a - ux * wing,
            )
        for (colour, width, dashed), (path, heads) in sorted(styles.items(), key=lambda item: item[0][1]):
            self.stroke(colour, width)
            self.fill(colour)
            if dashed:
                c.setDash(4, 2)
            path.draw(c, stroke=1, fill=0)
            if dashed:
                c.setDash()
            heads.draw(c, stroke=0, fill=1)

    def _route_style(self, route: Route) -> tuple[str, float]:
        """Colour and width: a loop dashed purple, a hand-off thick orange, else grey; with a focus,
        hand-offs of the focused functions thicker still and links away from them faded."""
        colour = st.LOOP if route.kind == "loop" else st.HANDOFF if route.is_handoff else st.LINK
        width = 1.3 if route.is_handoff else 0.8
        focus = getattr(self, "focus", None)
        if focus is not None:
            if focus.route_strong(route.link_id):
                width = STRONG_HANDOFF_WIDTH
            elif focus.route_faded(route.link_id):
                colour = faded(colour)
        return colour, width

    def _route_label(self, route: Route) -> None:
        """A label on a white plate, along its segment (turned upwards on a vertical segment)."""
        x, y = route.label_pos  # type: ignore[misc]
        y = self.h - y
        w = text_width(route.label_text, m.LINK_LABEL_SIZE) + 4
        h = m.LINK_LABEL_SIZE + 2.5
        colour = st.HANDOFF if route.is_handoff else st.MUTED
        plate = st.HANDOFF if route.is_handoff else st.GRID
        focus = getattr(self, "focus", None)
        if focus is not None and focus.route_faded(route.link_id):
            colour, plate = faded(colour), faded(plate)
        self.fill("#FFFFFF")
        self.stroke(plate, 0.4)
        owner = f"link '{route.link_id}'"
        if route.label_vertical:
            rect(self.c, x - h / 2, y - w / 2, h, w, self._paint)
            baseline_x = x + m.LINK_LABEL_SIZE * 0.35
            self.pen.queue(
                baseline_x,
                y,
                route.label_text,
                m.LINK_LABEL_SIZE,
                False,
                owner,
                "center",
                colour,
                vertical=True,
            )
        else:
            rect(self.c, x - w / 2, y - h / 2, w, h, self._paint)
            self.pen.queue(
                x,
                y - m.LINK_LABEL_SIZE * 0.35,
                route.label_text,
                m.LINK_LABEL_SIZE,
                False,
                owner,
                "center",
                colour,
            )
