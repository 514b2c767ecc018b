"""The PDF painter's grid: lane bands and names, stage and step headers, the emotion curve and the
three lines (only what the painted region shows)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from blueprint.export import style as st
from blueprint.export.captions import caption_xs, label_plates_near
from blueprint.export.painter_state import PainterState
from blueprint.layout import metrics as m
from blueprint.layout.emotion import emotion_label, label_baseline


class GridPainter(PainterState):
    """Paints what the cards sit on; `_stage_x` and `_emotion_x` let a tile find its stretch."""

    _stage_x: list[float]
    _emotion_x: list[float]

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
            self.pen.queue(hb.x + 9, self.y(hb.y + hb.h / 2 - 2), curve.label, m.LANE_NAME_SIZE, True)
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
            self.pen.queue(x + 5, self.y(y) - label_baseline(value), emotion_label(value), 6.5, color=tone)

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
            for x in caption_xs(line, [x + 6 for x in starts], self._plates_by_lines()):
                self.pen.queue(x, baseline, line.label, m.LINE_LABEL_SIZE, color=colour)

    def _plates_by_lines(self) -> list[tuple[float, float, float, float]]:
        """The link labels' plates near the three lines (made once per painter)."""
        plates = getattr(self, "_line_plates", None)
        if plates is None:
            plates = self._line_plates = label_plates_near(self.layout, self.layout.lines)
        return plates
