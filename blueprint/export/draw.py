"""Draw a layout on a reportlab canvas, in layout coordinates with y flipped (the PDF's y grows up).

Everything is vector: boxes, lines and text (drawn literally, never as markup). Shapes go first, then
all the text of the grid and cards in one text object, then routes and their labels, so a blueprint of
thousands of cards costs little more than drawing its boxes, strings and lines on a bare canvas.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

from reportlab.pdfgen.canvas import Canvas

from blueprint.export import style as st
from blueprint.export.pathops import Subpaths, paint_op, rect, round_rect
from blueprint.export.rtl import reads_right_to_left
from blueprint.export.textdraw import TextPen
from blueprint.layout import CardBox, Layout, Marker, Route
from blueprint.layout import metrics as m
from blueprint.layout.emotion import emotion_label
from blueprint.layout.text import text_width

_ARROW = 5.0
Region = tuple[float, float, float, float]  # x0, y0, x1, y1 in layout coordinates


class BlueprintPainter:
    """Paints one layout, whole or one region at a time (a tile draws only what it shows, so each
    sheet's text is its own); `refs` maps a shortened card to its appendix entry (e.g. "A3")."""

    def __init__(self, canvas: Canvas, pen: TextPen, layout: Layout, refs: dict[str, str]) -> None:
        self.c = canvas
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

    # --- state helpers (reportlab writes every colour change into the page) -----------------------

    def fill(self, colour: str) -> None:
        if colour != self._fill:
            self.c.setFillColor(st.rgb(colour))
            self._fill = colour

    def stroke(self, colour: str, width: float | None = None) -> None:
        if colour != self._stroke:
            self.c.setStrokeColor(st.rgb(colour))
            self._stroke = colour
        if width is not None and width != self._width:
            self.c.setLineWidth(width)
            self._width = width

    def _forget_state(self) -> None:
        self._fill = self._stroke = self._width = None

    def _column(self, x: float) -> int:
        return int((x - self.layout.lane_header_width) // m.COLUMN_WIDTH)

    def y(self, y: float) -> float:
        return self.h - y

    def _visible(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        rx0, ry0, rx1, ry1 = self.region
        return x0 < rx1 and rx0 < x1 and y0 < ry1 and ry0 < y1

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
        for column in columns:
            for card in self._cards_in.get(column, ()):
                b = card.box
                if self._visible(b.x, b.y - m.MARKER_HEIGHT, b.right, b.bottom):
                    self._card(card)
        self.pen.flush()
        self._forget_state()
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

    # --- grid ---------------------------------------------------------------------------------------

    def _lanes(self) -> None:
        c = self.c
        self.stroke(st.GRID, 0.5)
        for i, lane in enumerate(self.layout.lanes):
            b = lane.band
            if not self._visible(b.x, b.y, b.right, b.bottom):
                continue
            self.fill(st.LANE_FILLS[i % 2])
            c.rect(b.x, self.y(b.bottom), b.w, b.h, stroke=1, fill=1)
            hb = lane.header
            self.fill(st.HEADER_FILL)
            c.rect(hb.x, self.y(hb.bottom), hb.w, hb.h, stroke=1, fill=1)
            self.fill(st.CARD_COLORS.get(lane.kind, st.CARD_COLORS["customer"])[1])
            c.rect(hb.x, self.y(hb.bottom), 4, hb.h, stroke=0, fill=1)
            lines = lane.name_lines
            top = hb.y + hb.h / 2 - len(lines) * m.LANE_NAME_LEADING / 2
            for j, line in enumerate(lines):
                baseline = top + j * m.LANE_NAME_LEADING + m.LANE_NAME_SIZE * 0.85
                self.pen.queue(
                    hb.x + 9, self.y(baseline), line, m.LANE_NAME_SIZE, True, f"lane '{lane.name}'"
                )
        # column separators (light), so steps read as columns
        self.stroke("#E0E4E8", 0.4)
        steps = self.layout.steps
        for step in steps[max(0, self._column(self.region[0])) : max(0, self._column(self.region[2]) + 2)]:
            col = step.column
            c.line(col.x, self.y(col.y), col.x, self.y(col.bottom))

    def _headers(self) -> None:
        c = self.c
        self.stroke("#FFFFFF", 0.5)
        rx0 = self.region[0]
        stages = self.layout.stages
        first_stage = max(0, bisect_right(self._stage_x, rx0) - 1)
        last_stage = bisect_right(self._stage_x, self.region[2])
        for stage in stages[first_stage:last_stage]:
            b = stage.box
            if not self._visible(b.x, b.y, b.right, b.bottom):
                continue
            self.fill(st.STAGE_FILL)
            c.rect(b.x, self.y(b.bottom), b.w, b.h, stroke=1, fill=1)
            # a stage cut by a tile's left edge names itself again at that edge
            x = max(b.x, min(rx0, b.right - 80))
            owner = f"stage '{stage.name}'"
            self.pen.queue(
                x + 6, self.y(b.y + 14), stage.name_lines[0], m.STAGE_NAME_SIZE, True, owner, color="#FFFFFF"
            )
            if stage.phase:
                phase = stage.phase.replace("-", " ").upper()
                self.pen.queue(x + 6, self.y(b.y + 27), phase, m.STAGE_PHASE_SIZE, color="#B0BEC5")
        steps = self.layout.steps
        first = max(0, self._column(self.region[0]))
        last = min(len(steps) - 1, self._column(self.region[2]))
        self.fill(st.STEP_FILL)
        for step in steps[first : last + 1]:
            b = step.box
            if not self._visible(b.x, b.y, b.right, b.bottom):
                continue
            c.rect(b.x, self.y(b.bottom), b.w, b.h, stroke=1, fill=1)
            lines = step.name_lines
            top = b.y + b.h / 2 - len(lines) * m.STEP_NAME_LEADING / 2
            for j, line in enumerate(lines):
                baseline = top + j * m.STEP_NAME_LEADING + m.STEP_NAME_SIZE * 0.85
                owner = f"step '{step.name}'"
                self.pen.queue(
                    b.x + b.w / 2, self.y(baseline), line, m.STEP_NAME_SIZE, True, owner, align="center"
                )

    def _emotion(self) -> None:
        curve = self.layout.emotion
        if curve is None or not self._visible(0, curve.box.y, curve.box.right, curve.box.bottom):
            return
        c = self.c
        b = curve.box
        self.fill("#FFFFFF")
        self.stroke(st.GRID, 0.5)
        c.rect(0, self.y(b.bottom), b.right, b.h, stroke=1, fill=1)
        if curve.header is not None:
            hb = curve.header
            self.fill(st.HEADER_FILL)
            c.rect(hb.x, self.y(hb.bottom), hb.w, hb.h, stroke=1, fill=1)
            self.pen.queue(hb.x + 9, self.y(hb.y + hb.h / 2 - 2), "Customer feeling", m.LANE_NAME_SIZE, True)
            self.pen.queue(hb.x + 9, self.y(hb.y + hb.h / 2 + 9), "−2 … +2 per step", 6.5, color=st.MUTED)
        self.stroke("#B0BEC5")
        c.setDash(2, 2)
        c.line(
            max(b.x, self.region[0] - 1),
            self.y(curve.baseline_y),
            min(b.right, self.region[2] + 1),
            self.y(curve.baseline_y),
        )
        c.setDash()
        # only the stretch of the curve this region shows (plus a neighbour each side)
        lo = max(0, bisect_left(self._emotion_x, self.region[0]) - 1)
        hi = bisect_right(self._emotion_x, self.region[2]) + 1
        points, values = curve.points[lo:hi], curve.values[lo:hi]
        if len(points) > 1:
            self.stroke(st.MUTED, 1.4)
            path = c.beginPath()
            x0, y0 = points[0]
            path.moveTo(x0, self.y(y0))
            for x, y in points[1:]:
                path.lineTo(x, self.y(y))
            c.drawPath(path, stroke=1, fill=0)
        self.stroke("#FFFFFF", 0.8)
        for (x, y), (_, value) in zip(points, values, strict=True):
            if not self._visible(x - 10, y - 10, x + 40, y + 10):
                continue
            tone = st.EMOTION_UP if value > 0.25 else st.EMOTION_DOWN if value < -0.25 else st.EMOTION_FLAT
            self.fill(tone)
            c.circle(x, self.y(y), 3.2, stroke=1, fill=1)
            self.pen.queue(x + 5, self.y(y) + 3, emotion_label(value), 6.5, color=tone)

    def _lines(self) -> None:
        c = self.c
        rx0, _, rx1, _ = self.region
        first = 4.0 if rx0 < 4 else rx0
        starts = [first] + [s.box.x for s in self.layout.stages if first + 150 <= s.box.x < rx1]
        for line in self.layout.lines:
            if not self._visible(line.x0, line.y - 8, line.x1, line.y + 2 + m.LINE_LABEL_SIZE + 2):
                continue
            colour, width, dash = st.LINE_STYLES[line.kind]
            self.stroke(colour, width)
            c.setDash(*dash) if dash else c.setDash()
            c.line(max(line.x0, rx0 - 1), self.y(line.y), min(line.x1, rx1 + 1), self.y(line.y))
            c.setDash()
            # the baseline: just above the line, or just below it (see `Line.label_below`)
            baseline = self.y(line.y + m.LINE_LABEL_SIZE + 1) if line.label_below else self.y(line.y) + 2.5
            for x in starts:
                self.pen.queue(x + 6, baseline, line.label, m.LINE_LABEL_SIZE, color=colour)

    # --- cards --------------------------------------------------------------------------------------

    def _card(self, card: CardBox) -> None:
        c = self.c
        b = card.box
        kind = card.lane_kind
        fill, border = st.CARD_COLORS.get(kind, st.CARD_COLORS["customer"])
        bottom = self.y(b.bottom)
        self.fill(fill)
        self.stroke(border, 0.8)
        if kind == "notes":  # a sticky note: square, with a folded corner
            fold = 8.0
            path = c.beginPath()
            path.moveTo(b.x, bottom)
            path.lineTo(b.right - fold, bottom)
            path.lineTo(b.right, bottom + fold)
            path.lineTo(b.right, bottom + b.h)
            path.lineTo(b.x, bottom + b.h)
            path.close()
            c.drawPath(path, stroke=1, fill=1)
            self.fill("#F9A825")
            fold_path = c.beginPath()
            fold_path.moveTo(b.right - fold, bottom)
            fold_path.lineTo(b.right - fold, bottom + fold)
            fold_path.lineTo(b.right, bottom + fold)
            fold_path.close()
            c.drawPath(fold_path, stroke=0, fill=1)
        elif kind == "evidence":  # physical evidence: a dashed "object" outline
            c.setDash(3, 2)
            round_rect(c, b.x, bottom, b.w, b.h, 1.5, self._paint)
            c.setDash()
        else:
            round_rect(c, b.x, bottom, b.w, b.h, 3, self._paint)
        if card.function_id is not None:
            self.fill(card.function_color or st.NO_COLOR_STRIP)
            rect(c, b.x, bottom, m.STRIP_WIDTH, b.h, self._fill_only)
        owner = f"card '{card.card_id}'"
        queue = self.pen.queue
        x = b.x + m.STRIP_WIDTH + m.CARD_PAD
        top = b.y + m.CARD_PAD + (m.MARKER_HEIGHT / 2 if card.markers else 0)
        right = b.right - m.CARD_PAD
        title_top = top
        top += len(card.title_lines) * m.TITLE_LEADING
        description_top = top + m.BLOCK_GAP
        if card.description_lines:
            top = description_top + len(card.description_lines) * m.DESCRIPTION_LEADING
        if any(reads_right_to_left(line) for line in (*card.title_lines, *card.description_lines)):
            self._lines_one_by_one(card, owner, x, right, title_top, description_top)
        else:
            h = self.h
            block = self.pen.block
            block(
                x,
                h - title_top - m.TITLE_SIZE * 0.95,
                card.title_lines,
                m.TITLE_SIZE,
                m.TITLE_LEADING,
                True,
                owner,
            )
            if card.description_lines:
                baseline = h - description_top - m.DESCRIPTION_SIZE * 0.95
                lines = card.description_lines
                block(x, baseline, lines, m.DESCRIPTION_SIZE, m.DESCRIPTION_LEADING, False, owner, st.MUTED)
        if card.detail_lines:
            top += m.BLOCK_GAP
            for i, line in enumerate(card.detail_lines):
                is_function = i == 0 and card.function_name is not None
                colour = st.MUTED  # the function reads as bold; one colour keeps the PDF lean
                queue(
                    x,
                    self.h - top - m.DETAIL_SIZE * 0.95,
                    line,
                    m.DETAIL_SIZE,
                    is_function,
                    owner,
                    color=colour,
                )
                top += m.DETAIL_LEADING
        for marker in card.markers:
            self._marker(marker)
        ref = self.refs.get(card.card_id)
        if ref:
            queue(b.right - 4, bottom + 3, f"▸{ref}", 6.0, True, align="right", color=st.REF)

    def _lines_one_by_one(
        self, card: CardBox, owner: str, x: float, right: float, title_top: float, description_top: float
    ) -> None:
        """Title and description line by line, right-to-left lines aligned right."""
        queue = self.pen.queue
        top = title_top
        for line in card.title_lines:
            rtl = reads_right_to_left(line)
            baseline = self.h - top - m.TITLE_SIZE * 0.95
            queue(right if rtl else x, baseline, line, m.TITLE_SIZE, True, owner, "right" if rtl else "left")
            top += m.TITLE_LEADING
        top = description_top
        for line in card.description_lines:
            rtl = reads_right_to_left(line)
            baseline = self.h - top - m.DESCRIPTION_SIZE * 0.95
            align = "right" if rtl else "left"
            queue(right if rtl else x, baseline, line, m.DESCRIPTION_SIZE, False, owner, align, st.MUTED)
            top += m.DESCRIPTION_LEADING

    def _marker(self, marker: Marker) -> None:
        c = self.c
        b = marker.box
        self.stroke("#FFFFFF", 0.8)
        if marker.kind == "fail":
            self.fill(st.FAIL)
            c.circle(b.x + b.w / 2, self.y(b.y + b.h / 2), b.h / 2, stroke=1, fill=1)
            self.pen.queue(
                b.x + b.w / 2, self.y(b.y + b.h / 2 + 2.6), "F", 7.5, True, align="center", color="#FFFFFF"
            )
        else:
            self.fill(st.WAIT)
            c.roundRect(b.x, self.y(b.bottom), b.w, b.h, b.h / 2, stroke=1, fill=1)
            self.pen.queue(
                b.x + b.w / 2, self.y(b.y + b.h / 2 + 2.4), marker.text, m.DETAIL_SIZE, True, align="center"
            )

    # --- routes -------------------------------------------------------------------------------------

    def _routes(self, routes: list[Route]) -> None:
        """Routes of one style share one path (and their arrow heads another): a PDF with thousands
        of links stays quick to write and to open."""
        c = self.c
        h = self.h
        styles: dict[tuple[str, float, bool], tuple[Subpaths, Subpaths]] = {}
        a, wing = _ARROW, _ARROW * 0.55
        for route in routes:
            colour = st.LOOP if route.kind == "loop" else st.HANDOFF if route.is_handoff else st.LINK
            key = (colour, 1.3 if route.is_handoff else 0.8, route.kind == "loop")
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

    def _route_label(self, route: Route) -> None:
        """A label on a white plate, along its segment (turned upwards on a vertical segment)."""
        x, y = route.label_pos  # type: ignore[misc]
        y = self.h - y
        w = text_width(route.label_text, m.LINK_LABEL_SIZE) + 4
        h = m.LINK_LABEL_SIZE + 2.5
        colour = st.HANDOFF if route.is_handoff else st.MUTED
        self.fill("#FFFFFF")
        self.stroke(st.HANDOFF if route.is_handoff else st.GRID, 0.4)
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
