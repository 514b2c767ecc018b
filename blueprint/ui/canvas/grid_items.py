"""The blueprint's grid: lane bands, step columns and the three lines (scrolling), and the frozen headers.

The headers are two items that the view moves on every scroll, so lane names stay visible while
scrolling sideways and stage and step names while scrolling down. Each paints only what is exposed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise, zip_longest
from typing import TypeVar

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from blueprint.layout import metrics as m
from blueprint.layout.emotion import emotion_label, label_baseline
from blueprint.layout.shapes import Box, Layout, Line, StageHeader, StepHeader
from blueprint.ui.canvas import style

_Header = TypeVar("_Header", StageHeader, StepHeader)


def qrect(box: Box) -> QRectF:
    return QRectF(box.x, box.y, box.w, box.h)


def first_change(old: Layout, new: Layout) -> float | None:
    """The top of what the grid and its headers draw differently for `new` than for `old`: 0.0 when
    the columns or headers changed, the top of the first lane, line or row that changed otherwise
    (a taller lane changes nothing above it), None when they draw the same."""
    if (
        old.width != new.width
        or old.lane_header_width != new.lane_header_width
        or old.top_header_height != new.top_header_height
        or _steps_differ(old.steps, new.steps)
        or not (old.stages is new.stages or old.stages == new.stages)
    ):
        return 0.0
    tops = [min(old.height, new.height)] if old.height != new.height else []
    if old.lanes is not new.lanes:
        for a, b in zip_longest(old.lanes, new.lanes):
            if a != b:
                tops.append(min(lane.band.y for lane in (a, b) if lane is not None))
                break
    for c, d in zip_longest(old.lines, new.lines):
        if c != d:  # its label sits above it
            tops.append(min(line.y for line in (c, d) if line is not None) - style.LINE_LABEL_SIZE - 4)
            break
    if old.emotion != new.emotion:
        tops.extend(e.box.y - 4 for e in (old.emotion, new.emotion) if e is not None)
    return max(0.0, min(tops)) if tops else None


def _steps_differ(old: tuple[StepHeader, ...], new: tuple[StepHeader, ...]) -> bool:
    """True when the step headers or column lines differ (a column's height follows the blueprint's:
    a taller lane makes every step new without changing what the headers show)."""
    if old is new:
        return False
    return len(old) != len(new) or any(
        a.step_id != b.step_id
        or a.box != b.box
        or a.column.x != b.column.x
        or a.name_lines != b.name_lines
        or a.name != b.name
        or a.stage_id != b.stage_id
        for a, b in zip(old, new, strict=True)
    )


class GridItem(QGraphicsItem):
    """Lane bands, column separators and the three labelled lines; paints only the exposed part.

    Its bounds reach `room` down (the scene's rect) rather than the blueprint's bottom: a lane growing
    then repaints only what is below it, not the whole grid and every item over it."""

    def __init__(self, layout: Layout, room: float = 0.0) -> None:
        super().__init__()
        self.layout = layout
        self.room = max(room, layout.height)
        self.setZValue(0)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def set_layout(self, layout: Layout, room: float, top: float | None) -> None:
        """Show `layout` (kept in the scene: removing and adding the grid items cost more); `top` is
        `first_change` from the layout shown."""
        old, room = self.layout, max(room, layout.height)
        if room != self.room or layout.width != old.width:
            self.prepareGeometryChange()  # before the bounds change: Qt reads the old ones
            self.layout, self.room = layout, room
            return
        self.layout = layout
        if top is not None:
            self.update(QRectF(0, top, layout.width, room - top))

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.layout.width, self.room)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        exposed = option.exposedRect
        for i, lane in enumerate(self.layout.lanes):
            band = qrect(lane.band)
            if band.intersects(exposed):  # as the PDF: lanes alternate white and pale grey
                painter.fillRect(band, QColor(style.LANE_FILLS[i % 2]))
                painter.setPen(QPen(QColor(style.LABEL_BORDER), 0))
                painter.drawLine(band.bottomLeft(), band.bottomRight())
        if self.layout.emotion is not None:
            painter.fillRect(qrect(self.layout.emotion.box).intersected(exposed), QColor("#FFFFFF"))
        painter.setPen(QPen(QColor(style.GRID_LINE), 0))
        top, bottom = self.layout.top_header_height, self.layout.height
        steps = self.layout.steps  # left to right: only the columns' edges in the exposed part
        first = bisect_left(steps, exposed.left() - 1, key=_column_left)
        last = bisect_right(steps, exposed.right() + 1, key=_column_left)
        for step in steps[first:last]:
            x = step.column.x
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        for line in self.layout.lines:
            if exposed.top() - 2 <= line.y <= exposed.bottom() + 2:
                painter.setPen(line_pen(line.kind))
                painter.drawLine(QPointF(line.x0, line.y), QPointF(line.x1, line.y))


#: How far left of a marker its value's text can reach (the text starts 5 pt right of it: "+2.0" at
#: the value size is under 20 pt; 60 leaves room for any font), and how far right of it the marker can.
_VALUE_REACH = 60.0
_MARKER_REACH = 8.0


def _column_left(step: StepHeader) -> float:
    return step.column.x


def _sorted_xs(points: Sequence[tuple[float, float]]) -> list[float] | None:
    """The markers' x, when they run left to right (one per step, as the layout makes them), else None
    (then every marker is drawn)."""
    xs = [x for x, _ in points]
    return xs if all(a <= b for a, b in pairwise(xs)) else None


class EmotionItem(QGraphicsItem):
    """The customer's emotion curve in its own row."""

    def __init__(self, layout: Layout) -> None:
        super().__init__()
        assert layout.emotion is not None
        self.curve = layout.emotion
        self.xs = _sorted_xs(self.curve.points)
        self.setZValue(1)
        self.setToolTip("The customer's feelings per step (-2 to +2), from the cards' emotion field")
        # the exposed part is told to `paint`: a curve of thousands of steps draws the markers in sight
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def set_layout(self, layout: Layout) -> None:
        assert layout.emotion is not None
        if layout.emotion != self.curve:
            self.prepareGeometryChange()
            self.curve = layout.emotion
            self.xs = _sorted_xs(self.curve.points)
            self.update()

    def boundingRect(self) -> QRectF:
        return qrect(self.curve.box).adjusted(-4, -4, 4, 4)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        curve = self.curve
        box = qrect(curve.box)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(QColor(style.LABEL_BORDER), 1.0)
        pen.setDashPattern([2.0, 2.0])  # as the PDF's dotted baseline
        painter.setPen(pen)
        painter.drawLine(QPointF(box.left(), curve.baseline_y), QPointF(box.right(), curve.baseline_y))
        if not curve.points:
            return
        path = QPainterPath(QPointF(*curve.points[0]))
        for point in curve.points[1:]:
            path.lineTo(QPointF(*point))
        painter.setPen(QPen(QColor(style.MUTED_TEXT), 1.4))  # the PDF's curve
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        points, values = curve.points, curve.values
        if self.xs is not None:
            # only the markers and values that can reach the exposed part: the rest would draw no pixel
            # there (a value's text starts 5 pt right of its marker and is a few characters long). The
            # line above is drawn whole: a part of it would be stroked with other ends, not the same pixels.
            exposed = option.exposedRect
            first = bisect_left(self.xs, exposed.left() - _VALUE_REACH)
            last = bisect_right(self.xs, exposed.right() + _MARKER_REACH)
            points, values = points[first:last], values[first:last]
        for (x, y), (_, value) in zip(points, values, strict=True):  # points and values as the PDF
            tone = "up" if value > 0.25 else "down" if value < -0.25 else "flat"
            colour = QColor(style.EMOTION_COLOURS[tone])
            painter.setPen(QPen(QColor("#FFFFFF"), 0.8))
            painter.setBrush(QBrush(colour))
            painter.drawEllipse(QPointF(x, y), 3.2, 3.2)
            painter.setPen(colour)
            style.draw_text(
                painter, x + 5, y + label_baseline(value), emotion_label(value), style.EMOTION_VALUE_SIZE
            )


class _FrozenHeader(QGraphicsItem):
    """A header kept at the visible edge of the view (the view moves it on scroll and zoom)."""

    def __init__(self, layout: Layout, room: float = 0.0) -> None:
        super().__init__()
        self.layout = layout
        self.room = max(room, layout.height)  # how far down the bounds reach (see GridItem)
        self.selected: frozenset[str] = frozenset()
        self.ids = self.ids_in(layout)
        self.setZValue(10)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    @staticmethod
    def ids_in(layout: Layout) -> frozenset[str]:
        """The ids of the elements this header names."""
        raise NotImplementedError

    def set_layout(self, layout: Layout, room: float, top: float | None) -> None:
        """Show `layout`, repainting what changed from `top` down (see GridItem); the selection is the
        scene's to bring up to date."""
        room = max(room, layout.height)
        if top == 0.0:
            self.ids = self.ids_in(layout)
        if self.bounds_for(layout, room) != self.boundingRect():
            self.prepareGeometryChange()  # before the bounds change: Qt reads the old ones
            self.layout, self.room = layout, room
            return
        self.layout = layout
        if top is not None:
            self.update(self.changed_part(top))

    def bounds_for(self, layout: Layout, room: float) -> QRectF:
        raise NotImplementedError

    def boundingRect(self) -> QRectF:
        return self.bounds_for(self.layout, self.room)

    def area(self) -> QRectF:
        """Where this header is in the scene (what it covers of the blueprint)."""
        return self.mapRectToScene(self.bounds_for(self.layout, 0.0))

    def changed_part(self, top: float) -> QRectF:
        """The part of this header to repaint when the grid changed from `top` down."""
        return self.boundingRect()


class LaneHeaderItem(_FrozenHeader):
    """The frozen column of lane names (with the labels of the three lines and the emotion row)."""

    @staticmethod
    def ids_in(layout: Layout) -> frozenset[str]:
        return frozenset(lane.lane_id for lane in layout.lanes)

    def bounds_for(self, layout: Layout, room: float) -> QRectF:
        return QRectF(0, 0, layout.lane_header_width, max(room, layout.height))

    def changed_part(self, top: float) -> QRectF:
        return QRectF(0, top, self.layout.lane_header_width, self.room - top)

    def element_at(self, scene_pos: QPointF) -> tuple[str, str] | None:
        """("lane", id) under a scene position, or None."""
        p = self.mapFromScene(scene_pos)
        for lane in self.layout.lanes:
            if qrect(lane.header).contains(p):
                return ("lane", lane.lane_id)
        return None

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        exposed = option.exposedRect
        painter.fillRect(self.bounds_for(self.layout, 0.0).intersected(exposed), QColor(style.HEADER_FILL))
        painter.setPen(QPen(QColor(style.HEADER_LINE), 0))
        painter.drawLine(
            QPointF(self.layout.lane_header_width, 0),
            QPointF(self.layout.lane_header_width, self.layout.height),
        )
        for lane in self.layout.lanes:
            box = qrect(lane.header)
            if not box.intersects(exposed):
                continue
            painter.fillRect(box, QColor(style.LANE_HEADER_FILL))  # as the PDF: a strip of the lane's colour
            strip = style.CARD_COLOURS.get(lane.kind, style.CARD_COLOURS["customer"])[1]
            painter.fillRect(QRectF(box.x(), box.y(), 4, box.height()), QColor(strip))
            if lane.lane_id in self.selected:
                painter.setPen(QPen(QColor(style.SELECTION), 2))
                painter.drawRect(box.adjusted(1, 1, -1, -1))
            painter.setPen(QPen(QColor(style.HEADER_LINE), 0))
            painter.drawLine(box.bottomLeft(), box.bottomRight())
            painter.setPen(QColor(style.TEXT))
            lines = lane.name_lines or (lane.name,)
            _draw_lines(painter, box, lines, style.HEADER_SIZE, m.LANE_NAME_LEADING, bold=True)
        emotion = self.layout.emotion
        if emotion is not None and emotion.header is not None:
            hb = qrect(emotion.header)
            painter.fillRect(hb, QColor(style.LANE_HEADER_FILL))
            painter.setPen(QColor(style.TEXT))
            y = hb.center().y()
            style.draw_text(painter, hb.x() + 9, y - 2, emotion.label, style.HEADER_SIZE, bold=True)
            painter.setPen(QColor(style.MUTED_TEXT))
            style.draw_text(painter, hb.x() + 9, y + 9, "−2 … +2 per step", style.EMOTION_VALUE_SIZE)
        for line, baseline in line_label_baselines(self.layout):
            painter.setPen(QColor(style.LINE_STYLES.get(line.kind, ("#555555", 1.0, ()))[0]))
            style.draw_text(painter, 6, baseline, line.label, style.LINE_LABEL_SIZE)


def line_label_baselines(layout: Layout) -> list[tuple[Line, float]]:
    """Each line with the baseline of its label: just above the line, or just below it where the layout
    says the label above would touch another (`Line.label_below`, the rule the PDF follows too)."""
    size = style.LINE_LABEL_SIZE
    return [(line, line.y + size + 1 if line.label_below else line.y - 2) for line in layout.lines]


class TopHeaderItem(_FrozenHeader):
    """The frozen rows of stage and step names."""

    @staticmethod
    def ids_in(layout: Layout) -> frozenset[str]:
        return frozenset(s.stage_id for s in layout.stages) | frozenset(s.step_id for s in layout.steps)

    def bounds_for(self, layout: Layout, room: float) -> QRectF:
        return QRectF(0, 0, layout.width, layout.top_header_height)

    def changed_part(self, top: float) -> QRectF:
        return self.boundingRect() if top < self.layout.top_header_height else QRectF()

    def element_at(self, scene_pos: QPointF) -> tuple[str, str] | None:
        """("stage", id) or ("step", id) under a scene position, or None."""
        p = self.mapFromScene(scene_pos)
        for step in self.layout.steps:
            if qrect(step.box).contains(p):
                return ("step", step.step_id)
        for stage in self.layout.stages:
            if qrect(stage.box).contains(p):
                return ("stage", stage.stage_id)
        return None

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        exposed = option.exposedRect
        painter.fillRect(self.boundingRect().intersected(exposed), QColor(style.HEADER_FILL))
        for stage in _across(self.layout.stages, exposed):
            box = qrect(stage.box)
            if not box.intersects(exposed):
                continue
            painter.fillRect(box, QColor(style.STAGE_FILL))  # as the PDF: dark, white name, pale phase
            painter.setPen(QPen(QColor("#FFFFFF"), 0.5))
            painter.drawLine(box.topRight(), box.bottomRight())
            if stage.stage_id in self.selected:
                painter.setPen(QPen(QColor(style.SELECTION), 2))
                painter.drawRect(box.adjusted(1, 1, -1, -1))
            painter.setPen(QColor("#FFFFFF"))
            name = (stage.name_lines or (stage.name,))[0]
            style.draw_text(painter, box.x() + 6, box.y() + 14, name, style.STAGE_SIZE, bold=True)
            if stage.phase:
                painter.setPen(QColor(style.LABEL_BORDER))
                phase = stage.phase.replace("-", " ").upper()
                style.draw_text(painter, box.x() + 6, box.y() + 27, phase, m.STAGE_PHASE_SIZE)
        for step in _across(self.layout.steps, exposed):
            box = qrect(step.box)
            if not box.intersects(exposed):
                continue
            painter.fillRect(box, QColor(style.STEP_FILL))
            painter.setPen(QPen(QColor("#FFFFFF"), 0.5))
            painter.drawRect(box)
            if step.step_id in self.selected:
                painter.setPen(QPen(QColor(style.SELECTION), 2))
                painter.drawRect(box.adjusted(1, 1, -1, -1))
            painter.setPen(QColor(style.TEXT))
            lines = step.name_lines or (step.name,)
            _draw_lines(painter, box, lines, style.STEP_SIZE, m.STEP_NAME_LEADING, bold=True, centred=True)
        painter.setPen(QPen(QColor(style.HEADER_LINE), 0))
        h = self.layout.top_header_height
        painter.drawLine(QPointF(0, h), QPointF(self.layout.width, h))


class CornerItem(QGraphicsItem):
    """The top-left corner where the frozen column and rows meet (covers what scrolls under it)."""

    def __init__(self, layout: Layout, title: str) -> None:
        super().__init__()
        self.layout = layout
        self.title = title
        self.setZValue(11)

    def set_layout(self, layout: Layout, title: str) -> None:
        old = self.layout
        if (old.lane_header_width, old.top_header_height) != (
            layout.lane_header_width,
            layout.top_header_height,
        ):
            self.prepareGeometryChange()  # before the bounds change: Qt reads the old ones
        self.layout = layout
        if title != self.title:
            self.title = title
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.layout.lane_header_width, self.layout.top_header_height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        box = self.boundingRect()
        painter.fillRect(box, QColor(style.HEADER_FILL))
        painter.setPen(QPen(QColor(style.HEADER_LINE), 0))
        painter.drawLine(box.topRight(), box.bottomRight())
        painter.drawLine(box.bottomLeft(), box.bottomRight())
        painter.setPen(QColor(style.MUTED_TEXT))
        style.draw_text_in(
            painter,
            box.adjusted(6, 4, -4, -4),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            self.title,
            style.HEADER_SIZE,
            bold=True,
        )


def _across(headers: Sequence[_Header], exposed: QRectF) -> Sequence[_Header]:
    """The stage or step headers (in order, left to right) that reach into `exposed` horizontally:
    found by halving, as there are hundreds and a repaint shows a few."""
    left, right = exposed.left(), exposed.right()
    start = bisect_left(headers, left, key=lambda h: h.box.right)
    end = bisect_right(headers, right, lo=start, key=lambda h: h.box.x)
    return headers[start:end]


def _draw_lines(
    painter: QPainter,
    box: QRectF,
    lines: tuple[str, ...],
    size: float,
    leading: float,
    bold: bool = False,
    centred: bool = False,
) -> None:
    """Lines of text vertically centred in `box` with the PDF's baselines, 9 points from its left edge
    (the lane's strip is 4 wide) or centred across it, at the layout's widths (`style.draw_runs`)."""
    top = box.center().y() - len(lines) * leading / 2
    runs = []
    for j, line in enumerate(lines):
        x = box.center().x() - style.text_advance(line, size, bold) / 2 if centred else box.left() + 9
        runs.append((x, top + j * leading + size * 0.85, line, size, bold, False))
    style.draw_runs(painter, runs)


def line_pen(kind: str) -> QPen:
    """The pen of one of the three lines, as the PDF strokes it (solid, dashed or dotted)."""
    colour, width, dash = style.LINE_STYLES.get(kind, ("#555555", 1.0, ()))
    pen = QPen(QColor(colour), width)
    if dash:
        pen.setDashPattern(list(dash))
    return pen
