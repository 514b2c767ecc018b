"""A card on the canvas, painted from its `CardBox` (the item holds geometry, never the truth).

The item is a QGraphicsRectItem whose (unpainted) rect is its bounds, so Qt reads them in C++: after a
lane grows, Qt re-indexes the ~1,000 cards below it, asking each for its bounds several times, and a
Python `boundingRect()` made that the larger part of the repaint.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from blueprint.export.rtl import reads_right_to_left
from blueprint.layout import metrics as m
from blueprint.layout.shapes import Box, CardBox
from blueprint.ui.canvas import style
from blueprint.ui.canvas.buckets import regroup
from blueprint.ui.plain import tooltip

HANDLE_RADIUS = 5.0
#: Below this level of detail (screen pixels per scene point) cards are drawn without text.
LOW_DETAIL = 0.3
BADGE_RADIUS = 6.0
_MARGIN = HANDLE_RADIUS + 4


class CardItem(QGraphicsRectItem):
    """One card: box, function colour strip, wrapped title, markers, findings badge, connector handle.

    `rect()` is the card's box in the scene; the base class's rect (`bounds()`) is the box with room
    for the handle and the badge, never painted as such."""

    #: Above the links and labels, below Find's highlights (docs/editor.md, "Stacking").
    Z = 2.0

    def __init__(self, shape: CardBox) -> None:
        super().__init__(_bounds(shape.box))
        self.setPen(Qt.PenStyle.NoPen)  # the bounds are exactly the rect (no half pen width around it)
        self.card_box = shape
        self.selected_look = False
        self.hovered = False
        self.drop_target = False
        self.finding_severity: str | None = None
        self.finding_count = 0
        self.finding_lines: tuple[str, ...] = ()
        self.over_tolerance = ""  # "3.5 min over the tolerance of 5 min" on a customer card too slow
        self.setAcceptHoverEvents(True)
        self.setZValue(self.Z)
        self._tooltip_for: CardBox | None = None  # the tooltip is made on hover (cheap moves)
        self._text_for: CardBox | None = None  # the card box `_text` was placed for
        self._text: style.Placed = ()

    @property
    def card_id(self) -> str:
        return self.card_box.card_id

    def rect(self) -> QRectF:
        b = self.card_box.box
        return QRectF(b.x, b.y, b.w, b.h)

    def handle_centre(self) -> QPointF:
        """Where the connector handle sits: the middle of the card's right edge."""
        b = self.card_box.box
        return QPointF(b.right, b.y + b.h / 2)

    def on_handle(self, scene_pos: QPointF) -> bool:
        d = scene_pos - self.handle_centre()
        return (d.x() ** 2 + d.y() ** 2) ** 0.5 <= HANDLE_RADIUS + 3

    def bounds(self) -> QRectF:
        """The card's box with room for the handle and the badge (its bounding rect)."""
        return QGraphicsRectItem.rect(self)

    def set_card_box(self, shape: CardBox) -> None:
        old, self.card_box = self.card_box, shape
        if shape.box != old.box:
            self.setRect(_bounds(shape.box))  # moves it and repaints both places (all in C++)
            regroup(self, "card_groups")
        elif shape != old:
            self.update()

    def set_look(self, *, selected: bool | None = None, drop_target: bool | None = None) -> None:
        if selected is not None:
            self.selected_look = selected
        if drop_target is not None:
            self.drop_target = drop_target
        self.update()

    def set_findings(self, severity: str | None, count: int, lines: tuple[str, ...] = ()) -> None:
        """The badge (worst severity, how many) and the findings' lines for the tooltip."""
        if lines != self.finding_lines:
            self.finding_lines = lines
            self._tooltip_for = None
        if (severity, count) != (self.finding_severity, self.finding_count):
            self.finding_severity, self.finding_count = severity, count
            self.update()

    def set_over_tolerance(self, words: str) -> None:
        """The clock badge of a customer card whose time is over its tolerance ("" for none)."""
        if words != self.over_tolerance:
            self.over_tolerance = words
            self._tooltip_for = None
            self.update()

    def hoverEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._tooltip_for is not self.card_box:
            self._tooltip_for = self.card_box
            self.setToolTip(self._tooltip())
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.hovered = False
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Pens, brushes and colours are made once (module constants, `_strip_colour`), text is drawn
        from shaped glyph runs (`style.glyph_runs`): a lane shift repaints every card in sight below
        it, and making them on each paint was a good part of its cost."""
        s = self.card_box
        rect = self.rect()
        if option.levelOfDetailFromTransform(painter.worldTransform()) < LOW_DETAIL:
            self._paint_far(painter, rect)
            return
        painter.setRenderHint(_ANTIALIASING, True)
        kind = s.lane_kind if s.lane_kind in _FILLS else "customer"
        if self.drop_target:  # a link being drawn would end here
            painter.setPen(_DROP_PEN)
            painter.setBrush(_DROP_FILL)
        elif self.selected_look:
            painter.setPen(_SELECTED_PEN)
            painter.setBrush(_FILLS[kind])
        else:
            painter.setPen(_BORDERS[kind])
            painter.setBrush(_FILLS[kind])
        _draw_box(painter, rect, kind)
        if s.function_id is not None:  # as in the PDF: a strip only for owned work
            strip = QRectF(rect.x(), rect.y(), m.STRIP_WIDTH, rect.height())
            painter.fillRect(strip, _strip_colour(s.function_color))
        self._paint_text(painter, rect)
        if s.markers:
            self._paint_markers(painter)
        if self.finding_count:
            self._paint_badge(painter, rect)
        if self.over_tolerance:
            self._paint_clock(painter, rect)
        if self.hovered or self.selected_look:
            centre = self.handle_centre()
            painter.setPen(_HANDLE_PEN)
            painter.setBrush(_WHITE_FILL)
            painter.drawEllipse(centre, HANDLE_RADIUS, HANDLE_RADIUS)
            painter.setBrush(_SELECTION_FILL)
            painter.drawEllipse(centre, 2.0, 2.0)

    def _paint_far(self, painter: QPainter, rect: QRectF) -> None:
        """Zoomed far out, text would be unreadable dots: a plain box, its function colour, its state
        (in colours made once: Fit to Window paints thousands of these)."""
        s = self.card_box
        painter.fillRect(rect, _BORDER_COLOUR)
        painter.fillRect(rect.adjusted(1, 1, -1, -1), _FILLS.get(s.lane_kind, _FILLS["customer"]))
        fill = _SELECTION_COLOUR if self.selected_look else _function_colour(s.function_color)
        painter.fillRect(QRectF(rect.x(), rect.y(), rect.width() * 0.25, rect.height()), fill)
        if self.finding_count:
            colour = _SEVERITY_COLOURS.get(self.finding_severity or "", _INFO_COLOUR)
            painter.fillRect(
                QRectF(rect.right() - rect.width() * 0.25, rect.y(), rect.width() * 0.25, rect.height()),
                colour,
            )

    def _paint_text(self, painter: QPainter, rect: QRectF) -> None:
        """The text blocks where the layout measured them and as the PDF sets them (title bold,
        description, details with the function's name bold; right-to-left lines aligned right), at
        the layout's widths. Where each line starts is worked out once per card box (`_place_text`):
        a card is painted again for all sorts of reasons (a lane shift below or beside it, a drag
        over it, hovering) while its box stays the same."""
        if self._text_for is not self.card_box:
            self._text = self._place_text(rect)
            self._text_for = self.card_box
        style.draw_placed(painter, self._text)

    def _place_text(self, rect: QRectF) -> style.Placed:
        s = self.card_box
        x = rect.x() + m.STRIP_WIDTH + m.CARD_PAD
        right = rect.right() - m.CARD_PAD
        top = rect.y() + m.CARD_PAD + (m.MARKER_HEIGHT / 2 if s.markers else 0)
        title: list[tuple[float, float, str, float, bool]] = []
        top = _block(title, x, right, top, s.title_lines, m.TITLE_SIZE, m.TITLE_LEADING, True)
        rest: list[tuple[float, float, str, float, bool]] = []
        if s.description_lines:
            lines, size, leading = s.description_lines, m.DESCRIPTION_SIZE, m.DESCRIPTION_LEADING
            top = _block(rest, x, right, top + m.BLOCK_GAP, lines, size, leading, False)
        top += m.BLOCK_GAP
        bold = s.function_name is not None  # the first detail line is the function's name
        for line in s.detail_lines:
            top = _block(rest, x, right, top, (line,), m.DETAIL_SIZE, m.DETAIL_LEADING, bold)
            bold = False
        return ((_TEXT_PEN, tuple(title)), (_MUTED_PEN, tuple(rest)))

    def _paint_markers(self, painter: QPainter) -> None:
        """Fail points as a red disc with "F", wait points as an amber pill, open improvement plans as a
        teal "Plan" pill, as the PDF draws them."""
        for marker in self.card_box.markers:
            b = marker.box
            centre = QPointF(b.x + b.w / 2, b.y + b.h / 2)
            painter.setPen(_MARKER_PEN)
            if marker.kind == "fail":
                painter.setBrush(_FAIL_FILL)
                painter.drawEllipse(centre, b.h / 2, b.h / 2)
                painter.setPen(_WHITE_PEN)
                size, baseline = _FAIL_TEXT_SIZE, centre.y() + 2.6
            else:
                plan = marker.kind == "plan"
                painter.setBrush(_PLAN_FILL if plan else _WAIT_FILL)
                painter.drawRoundedRect(QRectF(b.x, b.y, b.w, b.h), b.h / 2, b.h / 2)
                painter.setPen(_WHITE_PEN if plan else _TEXT_PEN)
                size, baseline = m.DETAIL_SIZE, centre.y() + 2.4
            width = _advance(marker.text, size, True)
            style.draw_text(painter, centre.x() - width / 2, baseline, marker.text, size, True)

    def _paint_badge(self, painter: QPainter, rect: QRectF) -> None:
        centre = QPointF(rect.left(), rect.top())
        painter.setPen(_BADGE_RING)
        painter.setBrush(_SEVERITY_FILLS.get(self.finding_severity or "", _INFO_FILL))
        painter.drawEllipse(centre, BADGE_RADIUS, BADGE_RADIUS)
        style.draw_text_in(
            painter,
            QRectF(centre.x() - BADGE_RADIUS, centre.y() - BADGE_RADIUS, 2 * BADGE_RADIUS, 2 * BADGE_RADIUS),
            Qt.AlignmentFlag.AlignCenter,
            "!" if self.finding_count == 1 else str(min(self.finding_count, 9)),
            style.DETAIL_SIZE,
            bold=True,
        )

    def _paint_clock(self, painter: QPainter, rect: QRectF) -> None:
        """A clock on the card's top edge, right of the findings badge: slower than the customer accepts."""
        centre = QPointF(rect.left() + 2 * BADGE_RADIUS + 4, rect.top())
        painter.setPen(_BADGE_RING)
        painter.setBrush(_OVER_TOLERANCE_FILL)
        painter.drawEllipse(centre, BADGE_RADIUS, BADGE_RADIUS)
        painter.setPen(_CLOCK_HANDS)
        painter.drawLine(centre, centre + QPointF(0, -BADGE_RADIUS * 0.6))
        painter.drawLine(centre, centre + QPointF(BADGE_RADIUS * 0.45, BADGE_RADIUS * 0.2))

    def _tooltip(self) -> str:
        s = self.card_box
        parts = [self._full_title()]
        if s.function_name:
            parts.append(f"Function: {s.function_name}")
        for marker in s.markers:
            if marker.kind == "plan":
                parts.extend(f"Improvement planned: {title}" for title in self._plan_titles())
                continue
            label = "Fail point" if marker.kind == "fail" else "Wait point"
            parts.append(f"{label}: {marker.note or marker.text}")
        if self.over_tolerance:
            parts.append(f"Slower than the customer accepts: {self.over_tolerance}")
        parts.extend(self.finding_lines)
        return tooltip("\n".join(p for p in parts if p))

    def _plan_titles(self) -> list[str]:
        """Titles of the open improvement plans that target this card (made on hover only)."""
        document = getattr(self.scene(), "document", None)
        plans = document.blueprint.improvements if document is not None else []
        return [plan.title for plan in plans if plan.is_open and self.card_id in plan.targets]

    def _full_title(self) -> str:
        """The card's whole title from the document (the box shows it wrapped and maybe shortened);
        one look-up in the document's card index, made on hover only."""
        document = getattr(self.scene(), "document", None)
        card = document.card(self.card_id) if document is not None else None
        if card is not None:
            return card.title
        s = self.card_box
        return " ".join(s.title_lines) + ("…" if s.shortened else "")


def _bounds(b: Box) -> QRectF:
    return QRectF(b.x - _MARGIN, b.y - _MARGIN, b.w + 2 * _MARGIN, b.h + 2 * _MARGIN)


def _block(
    runs: list[tuple[float, float, str, float, bool]],
    x: float,
    right: float,
    top: float,
    lines: tuple[str, ...],
    size: float,
    leading: float,
    bold: bool,
) -> float:
    """Add `lines` from `top` with the layout's leading (baselines as in the PDF) to `runs`, placed
    (`style.place`); returns the y below."""
    for line in lines:
        baseline = top + size * 0.95
        width = _right_to_left_advance(line, size, bold)
        runs.append((*style.place(x if width is None else right - width, baseline), line, size, bold))
        top += leading
    return top


@lru_cache(maxsize=style.GLYPH_RUNS_KEPT)
def _right_to_left_advance(line: str, size: float, bold: bool) -> float | None:
    """How wide a right-to-left `line` is drawn (it aligns right), None for a line read left to right
    (asked of every line on every paint: kept, as its glyph runs are)."""
    return style.text_advance(line, size, bold) if reads_right_to_left(line) else None


@lru_cache(maxsize=256)
def _advance(text: str, size: float, bold: bool) -> float:
    """A marker's text width (a few words: "F", "Plan", a wait's minutes), measured once."""
    return style.text_advance(text, size, bold)


@lru_cache(maxsize=256)
def _function_colour(function_color: str | None) -> QColor:
    """A function's colour, as a card zoomed far out shows it (parsed once per colour)."""
    return style.colour(function_color)


@lru_cache(maxsize=256)
def _strip_colour(function_color: str | None) -> QColor:
    """The colour strip of a function's cards (parsed once per colour, not on every paint)."""
    return style.colour(function_color, style.NO_COLOUR_STRIP)


def _draw_box(painter: QPainter, rect: QRectF, kind: str) -> None:
    """The card's outline as the PDF draws it: a sticky note with a folded corner for notes, a dashed
    "object" for physical evidence, a rounded card otherwise (pen and brush already set)."""
    if kind == "notes":
        fold = style.NOTE_FOLD_SIZE
        left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(left, bottom),
                    QPointF(right - fold, bottom),
                    QPointF(right, bottom - fold),
                    QPointF(right, top),
                    QPointF(left, top),
                ]
            )
        )
        pen = painter.pen()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(style.NOTE_FOLD)))
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(right - fold, bottom),
                    QPointF(right - fold, bottom - fold),
                    QPointF(right, bottom - fold),
                ]
            )
        )
        painter.setPen(pen)
    elif kind == "evidence":
        pen = QPen(painter.pen())
        pen.setDashPattern([3 / pen.widthF(), 2 / pen.widthF()])
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 1.5, 1.5)
    else:
        painter.drawRoundedRect(rect, 3, 3)


_FAIL_TEXT_SIZE = 7.5
_ANTIALIASING = QPainter.RenderHint.Antialiasing
_TEXT_PEN = QPen(QColor(style.TEXT))  # as painter.setPen(QColor): the colour is what text uses
_MUTED_PEN = QPen(QColor(style.MUTED_TEXT))
_WHITE_PEN = QPen(QColor("#FFFFFF"))
_SELECTED_PEN = QPen(QColor(style.SELECTION), 2.0)
_DROP_PEN = QPen(QColor(style.DROP_TARGET), 2.6)
_DROP_FILL = QBrush(QColor("#E8F0FE"))
_MARKER_PEN = QPen(QColor("#FFFFFF"), 0.8)
_FAIL_FILL = QBrush(QColor(style.FAIL))
_PLAN_FILL = QBrush(QColor(style.PLAN))
_WAIT_FILL = QBrush(QColor(style.WAIT))
_BADGE_RING = QPen(QColor("#FFFFFF"), 1)
_SEVERITY_FILLS = {severity: QBrush(QColor(colour)) for severity, colour in style.SEVERITY_COLOURS.items()}
_INFO_FILL = QBrush(QColor("#3B82F6"))
_SEVERITY_COLOURS = {severity: QColor(colour) for severity, colour in style.SEVERITY_COLOURS.items()}
_INFO_COLOUR = QColor("#3B82F6")
_BORDER_COLOUR = QColor(style.CARD_BORDER)
_SELECTION_COLOUR = QColor(style.SELECTION)
_OVER_TOLERANCE_FILL = QBrush(QColor(style.OVER_TOLERANCE))
_CLOCK_HANDS = QPen(QColor("#FFFFFF"), 1.3)
_CLOCK_HANDS.setCapStyle(Qt.PenCapStyle.RoundCap)
_HANDLE_PEN = QPen(QColor(style.SELECTION), 1.2)
_WHITE_FILL = QBrush(QColor("#FFFFFF"))
_SELECTION_FILL = QBrush(QColor(style.SELECTION))
_FILLS = {kind: QBrush(QColor(fill)) for kind, (fill, _) in style.CARD_COLOURS.items()}
_BORDERS = {kind: QPen(QColor(border), 0.8) for kind, (_, border) in style.CARD_COLOURS.items()}
