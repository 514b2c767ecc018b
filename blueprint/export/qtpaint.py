"""Paints a layout with a QPainter for the SVG and PNG export: the PDF's colours, its title line, its
emotion points and values, and its legend.

Text is drawn with fonts eight times the layout size under a 1/8 scale: Qt's font engine rounds a
font's pixel size to a whole number (9.5 pt at 72 dpi came out as 10 px, 5 % wider than the width
table, so bold titles ran over their boxes); at eight times the size every layout size (multiples of
0.125 pt) is a whole number of pixels, so Qt's advances match the width table. Kerning and hinting
are off, as in the PDF.
"""

from __future__ import annotations

from blueprint.export import style as st
from blueprint.export.palette import STRONG_HANDOFF_WIDTH, faded
from blueprint.export.qtlegend import legend_placement, paint_legend
from blueprint.export.rtl import reads_right_to_left
from blueprint.layout import Box, Layout
from blueprint.layout import metrics as m
from blueprint.layout.direction import RIGHT_TO_LEFT
from blueprint.layout.emotion import emotion_label, label_baseline
from blueprint.layout.focus import FADED_OPACITY, FocusState
from blueprint.layout.text import lacks_glyphs, one_line, text_width
from blueprint.model import Blueprint

TEXT_SCALE = 8.0
TITLE_BAND = 44.0  # above the layout: the title, the persona, the author and date
TITLE_SIZE = 16.0


def qt_font(size: float, bold: bool = False):  # type: ignore[no-untyped-def]
    """The font that draws `size`-point layout text under a 1/TEXT_SCALE scale."""
    from PySide6.QtGui import QFont

    font = QFont("DejaVu Sans")
    font.setPointSizeF(size * TEXT_SCALE)
    font.setBold(bold)
    font.setKerning(False)  # the layout measures without kerning, as the PDF draws
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


class QtPainter:
    """Paints a layout with a QPainter (y grows downwards, as in the layout)."""

    def __init__(
        self,
        painter,
        layout: Layout,
        doc: Blueprint | None = None,
        focus: FocusState | None = None,
        view: str | None = None,
    ) -> None:  # type: ignore[no-untyped-def]
        from PySide6 import QtCore, QtGui

        self.p, self.layout, self.doc, self.QtCore, self.QtGui = painter, layout, doc, QtCore, QtGui
        self.focus = focus  # an audience view's: faded cards and links, strong hand-offs
        self.view = view  # "view: Front of house" for an image drawn for a saved view
        self._fonts: dict[tuple[float, bool], object] = {}
        #: Only cards and links reaching into this layout region are painted (a printed sheet's part);
        #: None: all of them.
        self.region: Box | None = None
        self._reference = None  # a 72 dpi image to measure text on, made when first needed

    def _font(self, size: float, bold: bool = False):  # type: ignore[no-untyped-def]
        key = (size, bold)
        if key not in self._fonts:
            self._fonts[key] = qt_font(size, bold)
        return self._fonts[key]

    def _squeeze(self, text: str, size: float, bold: bool) -> float:
        """1, or less for text that Qt draws wider than the layout measured it: characters DejaVu Sans
        lacks are drawn in whatever font has them (or as boxes), and Arabic in its joined forms, whose
        widths the layout could only estimate. Such text is drawn narrower so that it stays in its box."""
        drawn, room = self._widths(text, size, bold)
        return room / drawn if drawn > room * 1.001 else 1.0

    def _advance(self, text: str, size: float, bold: bool = False) -> float:
        """How wide `text` comes out (squeezed when needed): for aligning it right."""
        drawn, room = self._widths(text, size, bold)
        return min(drawn, room)

    def _widths(self, text: str, size: float, bold: bool) -> tuple[float, float]:
        """(as Qt draws it, as the layout measured it); the same unless the text has characters
        DejaVu Sans lacks or right-to-left letters."""
        room = text_width(text, size, bold)
        if not lacks_glyphs(text) and not RIGHT_TO_LEFT.search(text):
            return room, room
        from PySide6.QtGui import QFontMetricsF, QImage

        if self._reference is None:  # a 72 dpi device: one point is one unit, as on the images
            self._reference = QImage(4, 4, QImage.Format.Format_RGB32)
            self._reference.setDotsPerMeterX(round(72 / 0.0254))
            self._reference.setDotsPerMeterY(round(72 / 0.0254))
        metrics = QFontMetricsF(self._font(size, bold), self._reference)
        return metrics.horizontalAdvance(text) / TEXT_SCALE, room

    def _rect(
        self, box, fill: str | None, stroke: str | None, radius: float = 0.0, width: float = 0.6
    ) -> None:  # type: ignore[no-untyped-def]
        QtGui, QtCore = self.QtGui, self.QtCore
        self.p.setBrush(QtGui.QColor(fill) if fill else QtCore.Qt.BrushStyle.NoBrush)
        self.p.setPen(QtGui.QPen(QtGui.QColor(stroke), width) if stroke else QtCore.Qt.PenStyle.NoPen)
        rect = QtCore.QRectF(box.x, box.y, box.w, box.h)
        if radius:
            self.p.drawRoundedRect(rect, radius, radius)
        else:
            self.p.drawRect(rect)

    def _card_box(self, b: Box, kind: str) -> None:
        """A card's box as the PDF draws it: a sticky note with a folded corner, a dashed outline for
        physical evidence, else a rounded card."""
        QtGui, QtCore = self.QtGui, self.QtCore
        fill, border = st.CARD_COLORS.get(kind, st.CARD_COLORS["customer"])
        if kind == "notes":
            fold = 8.0
            self.p.setBrush(QtGui.QColor(fill))
            self.p.setPen(QtGui.QPen(QtGui.QColor(border), 0.8))
            corner = [(b.x, b.y), (b.right, b.y), (b.right, b.bottom - fold), (b.right - fold, b.bottom)]
            self.p.drawPolygon(QtGui.QPolygonF([QtCore.QPointF(x, y) for x, y in [*corner, (b.x, b.bottom)]]))
            self.p.setBrush(QtGui.QColor(border))
            self.p.setPen(QtCore.Qt.PenStyle.NoPen)
            x0, y0 = b.right - fold, b.bottom - fold
            folded = [(x0, b.bottom), (x0, y0), (b.right, y0)]
            self.p.drawPolygon(QtGui.QPolygonF([QtCore.QPointF(x, y) for x, y in folded]))
        elif kind == "evidence":
            pen = QtGui.QPen(QtGui.QColor(border), 0.8)
            pen.setDashPattern([3 / 0.8, 2 / 0.8])  # 3 on, 2 off, in points (Qt counts in pen widths)
            self.p.setBrush(QtGui.QColor(fill))
            self.p.setPen(pen)
            self.p.drawRoundedRect(QtCore.QRectF(b.x, b.y, b.w, b.h), 1.5, 1.5)
        else:
            self._rect(b, fill, border, 3, 0.8)

    def _text(
        self, x: float, y: float, text: str, size: float, bold: bool = False, colour: str = st.TEXT
    ) -> None:
        """Draw `text` literally with its top at y (layout convention), never wider than the layout
        measured it (`_squeeze`)."""
        self.p.save()
        self.p.translate(x, y + size * 0.95)
        self.p.scale(self._squeeze(text, size, bold) / TEXT_SCALE, 1 / TEXT_SCALE)
        self.p.setFont(self._font(size, bold))
        self.p.setPen(self.QtGui.QColor(colour))
        self.p.drawText(self.QtCore.QPointF(0, 0), text)
        self.p.restore()

    def _title(self, width: float) -> None:
        """The PDF's title block in one band: title and persona on the left, author and date right."""
        doc = self.doc
        if doc is None:
            return
        facts = [self.view or "", doc.metadata.author or ""]
        if doc.metadata.modified:
            facts.append(f"modified {doc.metadata.modified[:10]}")
        facts_text = " · ".join(f for f in facts if f)
        facts_w = text_width(facts_text, 8.5) if facts_text else 0.0
        if facts_text:
            self._text(width - 12 - facts_w, 10, facts_text, 8.5, False, st.MUTED)
        room = width - 24 - facts_w - (24 if facts_text else 0)
        title, _ = one_line(doc.title, TITLE_SIZE, room, True)
        self._text(12, 6, title, TITLE_SIZE, True)
        if doc.persona is not None:
            persona = doc.persona.name + (f": {doc.persona.description}" if doc.persona.description else "")
            text, _ = one_line(
                "Persona: " + persona, 8.5, width - 24
            )  # below the author and date: the full width
            self._text(12, 26, text, 8.5, False, st.MUTED)
        self.p.setPen(self.QtGui.QPen(self.QtGui.QColor(st.STAGE_FILL), 1.2))
        self.p.drawLine(
            self.QtCore.QPointF(12, TITLE_BAND - 4), self.QtCore.QPointF(width - 12, TITLE_BAND - 4)
        )

    def _in_region(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        r = self.region
        return r is None or (x1 >= r.x and x0 <= r.right and y1 >= r.y and y0 <= r.bottom)

    def _emotion_points(self) -> None:
        """The points and values of the emotion curve, as on the PDF."""
        QtGui, QtCore = self.QtGui, self.QtCore
        curve = self.layout.emotion
        if curve is None:
            return
        for (x, y), (_, value) in zip(curve.points, curve.values, strict=True):
            tone = st.EMOTION_UP if value > 0.25 else st.EMOTION_DOWN if value < -0.25 else st.EMOTION_FLAT
            self.p.setBrush(QtGui.QColor(tone))
            self.p.setPen(QtGui.QPen(QtGui.QColor("#FFFFFF"), 0.8))
            self.p.drawEllipse(QtCore.QPointF(x, y), 3.2, 3.2)
            self._text(x + 5, y + label_baseline(value) - 6.5 * 0.95, emotion_label(value), 6.5, False, tone)

    def paint(self) -> None:
        """Paint the title band (when there is a document), the layout below it and the legend below
        that (the PDF legend's entries; `qtlegend.py`)."""
        if self.doc is not None:
            self._title(self.layout.width)
            self.p.translate(0, TITLE_BAND)
        self._paint_layout()
        if self.doc is not None:
            paint_legend(self, legend_placement(self.layout), self.layout.height, self.layout.width)

    def _paint_layout(self) -> None:
        QtGui, QtCore = self.QtGui, self.QtCore
        lay = self.layout
        self._rect(
            type(lay.lanes[0].band)(0, 0, lay.width, lay.height) if lay.lanes else None, "#FFFFFF", None
        ) if lay.lanes else None
        for i, lane in enumerate(lay.lanes):
            self._rect(lane.band, st.LANE_FILLS[i % 2], st.GRID, width=0.5)
            self._rect(lane.header, st.HEADER_FILL, st.GRID, width=0.5)
            top = lane.header.y + lane.header.h / 2 - len(lane.name_lines) * m.LANE_NAME_LEADING / 2
            for j, line in enumerate(lane.name_lines):
                self._text(lane.header.x + 9, top + j * m.LANE_NAME_LEADING, line, m.LANE_NAME_SIZE, True)
        for stage in lay.stages:
            self._rect(stage.box, st.STAGE_FILL, "#FFFFFF", width=0.5)
            self._text(
                stage.box.x + 6, stage.box.y + 5, stage.name_lines[0], m.STAGE_NAME_SIZE, True, "#FFFFFF"
            )
            if stage.phase:
                self._text(
                    stage.box.x + 6,
                    stage.box.y + 20,
                    stage.phase.replace("-", " ").upper(),
                    m.STAGE_PHASE_SIZE,
                    False,
                    "#B0BEC5",
                )
        for step in lay.steps:
            self._rect(step.box, st.STEP_FILL, "#FFFFFF", width=0.5)
            top = step.box.y + step.box.h / 2 - len(step.name_lines) * m.STEP_NAME_LEADING / 2
            for j, line in enumerate(step.name_lines):
                self._text(step.box.x + 6, top + j * m.STEP_NAME_LEADING, line, m.STEP_NAME_SIZE, True)
        if lay.emotion is not None and lay.emotion.header is not None:
            self._rect(lay.emotion.header, st.HEADER_FILL, st.GRID, width=0.5)
            header = lay.emotion.header
            self._text(
                header.x + 9, header.y + header.h / 2 - 10.5, lay.emotion.label, m.LANE_NAME_SIZE, True
            )
            self._text(header.x + 9, header.y + header.h / 2 + 2.8, "−2 … +2 per step", 6.5, False, st.MUTED)
        if lay.emotion is not None:
            pen = QtGui.QPen(QtGui.QColor("#B0BEC5"), 0.6)
            pen.setDashPattern([2 / 0.6, 2 / 0.6])
            self.p.setPen(pen)
            box = lay.emotion.box
            self.p.drawLine(
                QtCore.QPointF(box.x, lay.emotion.baseline_y),
                QtCore.QPointF(box.right, lay.emotion.baseline_y),
            )
        if lay.emotion is not None and len(lay.emotion.points) > 1:
            self.p.setPen(QtGui.QPen(QtGui.QColor(st.MUTED), 1.4))
            self.p.drawPolyline([QtCore.QPointF(x, y) for x, y in lay.emotion.points])
        self._emotion_points()
        for line in lay.lines:
            colour, width, dash = st.LINE_STYLES[line.kind]
            pen = QtGui.QPen(QtGui.QColor(colour), width)
            if dash:
                pen.setDashPattern([d / width for d in dash])
            self.p.setPen(pen)
            self.p.drawLine(QtCore.QPointF(line.x0, line.y), QtCore.QPointF(line.x1, line.y))
            size = m.LINE_LABEL_SIZE  # below the line: baseline at y + size + 1, as in the PDF and editor
            top = line.y + 1 + size * 0.05 if line.label_below else line.y - size - 3
            self._text(6, top, line.label, size, False, colour)
        for card in lay.cards.values():
            if not self._in_region(card.box.x, card.box.y, card.box.right, card.box.bottom):
                continue
            self._card_box(card.box, card.lane_kind)
            if card.function_id is not None:
                b = card.box
                self._rect(Box(b.x, b.y, m.STRIP_WIDTH, b.h), card.function_color or st.NO_COLOR_STRIP, None)
            x = card.box.x + m.STRIP_WIDTH + m.CARD_PAD
            y = card.box.y + m.CARD_PAD + (m.MARKER_HEIGHT / 2 if card.markers else 0)
            right = card.box.right - m.CARD_PAD  # right-to-left lines align right, as in the PDF
            for line in card.title_lines:
                left = right - self._advance(line, m.TITLE_SIZE, True) if reads_right_to_left(line) else x
                self._text(left, y, line, m.TITLE_SIZE, True)
                y += m.TITLE_LEADING
            if card.description_lines:
                y += m.BLOCK_GAP
                for line in card.description_lines:
                    rtl = reads_right_to_left(line)
                    left = right - self._advance(line, m.DESCRIPTION_SIZE) if rtl else x
                    self._text(left, y, line, m.DESCRIPTION_SIZE, False, st.MUTED)
                    y += m.DESCRIPTION_LEADING
            if card.detail_lines:
                y += m.BLOCK_GAP
                for i, line in enumerate(card.detail_lines):
                    bold = i == 0 and card.function_name is not None  # as the PDF and the canvas
                    self._text(x, y, line, m.DETAIL_SIZE, bold, st.MUTED)
                    y += m.DETAIL_LEADING
            for marker in card.markers:
                fill = {"fail": st.FAIL, "plan": st.PLAN}.get(marker.kind, st.WAIT)
                self._rect(marker.box, fill, "#FFFFFF", marker.box.h / 2, 0.8)
                self._text(
                    marker.box.x + 3,
                    marker.box.y + 2,
                    marker.text,
                    m.DETAIL_SIZE,
                    True,
                    st.TEXT if marker.kind == "wait" else "#FFFFFF",
                )
            if self.focus is not None and self.focus.card_faded(card.card_id):
                self._veil(card)
        for route in lay.routes.values():
            xs, ys = [x for x, _ in route.points], [y for _, y in route.points]
            if not self._in_region(min(xs) - 60, min(ys) - 60, max(xs) + 60, max(ys) + 60):  # with its label
                continue
            colour = st.LOOP if route.kind == "loop" else st.HANDOFF if route.is_handoff else st.LINK
            width = 1.3 if route.is_handoff else 0.8
            if self.focus is not None and self.focus.route_strong(route.link_id):
                width = STRONG_HANDOFF_WIDTH
            elif self.focus is not None and self.focus.route_faded(route.link_id):
                colour = faded(colour)
            pen = QtGui.QPen(QtGui.QColor(colour), width)
            if route.kind == "loop":
                pen.setStyle(QtCore.Qt.PenStyle.DashLine)
            self.p.setPen(pen)
            self.p.drawPolyline([QtCore.QPointF(x, y) for x, y in route.points])
            (ax, ay), (bx, by) = route.points[-2], route.points[-1]
            dx, dy = (bx > ax) - (bx < ax), (by > ay) - (by < ay)
            head = QtGui.QPolygonF(
                [
                    QtCore.QPointF(bx, by),
                    QtCore.QPointF(bx - dx * 5 - dy * 2.75, by - dy * 5 + dx * 2.75),
                    QtCore.QPointF(bx - dx * 5 + dy * 2.75, by - dy * 5 - dx * 2.75),
                ]
            )
            self.p.setBrush(QtGui.QColor(colour))
            self.p.setPen(QtCore.Qt.PenStyle.NoPen)
            self.p.drawPolygon(head)
            if route.label_text and route.label_pos:
                x, y = route.label_pos
                self.p.save()
                self.p.translate(x, y)
                if route.label_vertical:
                    self.p.rotate(-90)
                w = text_width(route.label_text, m.LINK_LABEL_SIZE) + 4
                self._rect(Box(-w / 2, -5, w, 10), "#FFFFFF", st.GRID, 1.5, 0.4)
                self._text(-w / 2 + 2, -4.5, route.label_text, m.LINK_LABEL_SIZE, False, colour)
                self.p.restore()

    def _veil(self, card) -> None:  # type: ignore[no-untyped-def]
        """Fade a drawn card as the PDF does: white at 1 - FADED_OPACITY over its box and badges."""
        white = f"#{round((1 - FADED_OPACITY) * 255):02X}FFFFFF"  # #AARRGGBB
        b = card.box
        self._rect(Box(b.x - 0.5, b.y - 0.5, b.w + 1, b.h + 1), white, None)
        for marker in card.markers:
            mb = marker.box
            self._rect(Box(mb.x - 0.5, mb.y - 0.5, mb.w + 1, mb.h + 1), white, None, mb.h / 2 + 0.5)
