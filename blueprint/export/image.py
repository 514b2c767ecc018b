"""SVG and PNG export: the same layout painted with Qt (offscreen), in the PDF's colours.

A very large blueprint is scaled down so that no side exceeds the limits of common viewers
(14,400 pt for SVG, 16,000 px for PNG).
"""

from __future__ import annotations

import os
from pathlib import Path

from blueprint.export import style as st
from blueprint.export.output import write_output
from blueprint.layout import Box, Layout, compute_layout
from blueprint.layout import metrics as m
from blueprint.layout.text import text_width
from blueprint.model import Blueprint
from blueprint.resources import font_path

MAX_SVG_SIDE = 14_400.0
MAX_PNG_SIDE = 16_000
PNG_SCALE = 2.0  # 144 dpi


def _application():  # type: ignore[no-untyped-def]
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(font_path(name)))
    return app


def export_image(doc: Blueprint, out: str | Path) -> list[str]:
    """Write `doc` as SVG or PNG (by the suffix of `out`) atomically; return warnings.

    The image is drawn in memory first, so a folder that cannot be written gives one OSError (with
    the real reason) and never leaves half a file or a painter on a dead device."""
    path = Path(out)
    data, warnings = render_image(doc, "svg" if path.suffix.lower() == ".svg" else "png")
    write_output(path, data)
    return warnings


def render_image(doc: Blueprint, kind: str) -> tuple[bytes, list[str]]:
    """Draw `doc` as "svg" or "png" bytes; return them with the warnings."""
    _app = _application()  # keep a reference while painting
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgGenerator

    layout = compute_layout(doc)
    warnings: list[str] = []
    svg = kind == "svg"
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    painter = QPainter()
    if svg:
        scale = min(1.0, MAX_SVG_SIDE / max(layout.width, layout.height))
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        size = QSize(round(layout.width * scale), round(layout.height * scale))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(doc.title)
        generator.setDescription(doc.description)
        generator.setResolution(72)  # one layout point is one unit: fonts in points come out right
        device = generator
    else:
        scale = min(PNG_SCALE, MAX_PNG_SIDE / max(layout.width, layout.height))
        image = QImage(round(layout.width * scale), round(layout.height * scale), QImage.Format.Format_RGB32)
        if image.isNull():
            raise OSError(f"not enough memory for a {image.width()} x {image.height()} image")
        image.fill(QColor("#FFFFFF"))
        image.setDotsPerMeterX(round(72 / 0.0254))  # fonts in points map to layout points
        image.setDotsPerMeterY(round(72 / 0.0254))
        device = image
    if not painter.begin(device) or not painter.isActive():
        raise OSError("could not start drawing the image")
    if scale < 0.5:
        warnings.append(
            f"the blueprint is very large: the image is drawn at {scale:.0%} of full size; "
            "use PDF tiles to print it"
        )
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    QtPainter(painter, layout).paint()
    painter.end()
    if not svg and not image.save(buffer, "PNG"):
        raise OSError("could not encode the PNG image")
    buffer.close()
    return bytes(data.data()), warnings


class QtPainter:
    """Paints a layout with a QPainter (y grows downwards, as in the layout)."""

    def __init__(self, painter, layout: Layout) -> None:  # type: ignore[no-untyped-def]
        from PySide6 import QtCore, QtGui

        self.p, self.layout, self.QtCore, self.QtGui = painter, layout, QtCore, QtGui

    def _font(self, size: float, bold: bool = False):  # type: ignore[no-untyped-def]
        font = self.QtGui.QFont("DejaVu Sans")
        font.setPointSizeF(size)
        font.setBold(bold)
        font.setKerning(False)  # the layout measures without kerning, as the PDF draws
        return font

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

    def _text(
        self, x: float, y: float, text: str, size: float, bold: bool = False, colour: str = st.TEXT
    ) -> None:
        """Draw `text` literally with its top at y (layout convention)."""
        self.p.setFont(self._font(size, bold))
        self.p.setPen(self.QtGui.QColor(colour))
        self.p.drawText(self.QtCore.QPointF(x, y + size * 0.95), text)

    def paint(self) -> None:
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
            self._text(header.x + 9, header.y + header.h / 2 - 6, "Customer feeling", m.LANE_NAME_SIZE, True)
        if lay.emotion is not None and len(lay.emotion.points) > 1:
            self.p.setPen(QtGui.QPen(QtGui.QColor(st.MUTED), 1.4))
            self.p.drawPolyline([QtCore.QPointF(x, y) for x, y in lay.emotion.points])
        for line in lay.lines:
            colour, width, dash = st.LINE_STYLES[line.kind]
            pen = QtGui.QPen(QtGui.QColor(colour), width)
            if dash:
                pen.setDashPattern([d / width for d in dash])
            self.p.setPen(pen)
            self.p.drawLine(QtCore.QPointF(line.x0, line.y), QtCore.QPointF(line.x1, line.y))
            self._text(6, line.y - m.LINE_LABEL_SIZE - 3, line.label, m.LINE_LABEL_SIZE, False, colour)
        for card in lay.cards.values():
            fill, border = st.CARD_COLORS.get(card.lane_kind, st.CARD_COLORS["customer"])
            self._rect(card.box, fill, border, 0 if card.lane_kind == "notes" else 3, 0.8)
            if card.function_id is not None:
                b = card.box
                self._rect(Box(b.x, b.y, m.STRIP_WIDTH, b.h), card.function_color or st.NO_COLOR_STRIP, None)
            x = card.box.x + m.STRIP_WIDTH + m.CARD_PAD
            y = card.box.y + m.CARD_PAD + (m.MARKER_HEIGHT / 2 if card.markers else 0)
            for line in card.title_lines:
                self._text(x, y, line, m.TITLE_SIZE, True)
                y += m.TITLE_LEADING
            if card.description_lines:
                y += m.BLOCK_GAP
                for line in card.description_lines:
                    self._text(x, y, line, m.DESCRIPTION_SIZE, False, st.MUTED)
                    y += m.DESCRIPTION_LEADING
            if card.detail_lines:
                y += m.BLOCK_GAP
                for line in card.detail_lines:
                    self._text(x, y, line, m.DETAIL_SIZE, False, st.MUTED)
                    y += m.DETAIL_LEADING
            for marker in card.markers:
                fail = marker.kind == "fail"
                self._rect(marker.box, st.FAIL if fail else st.WAIT, "#FFFFFF", marker.box.h / 2, 0.8)
                self._text(
                    marker.box.x + 3,
                    marker.box.y + 2,
                    marker.text,
                    m.DETAIL_SIZE,
                    True,
                    "#FFFFFF" if fail else st.TEXT,
                )
        for route in lay.routes.values():
            colour = st.LOOP if route.kind == "loop" else st.HANDOFF if route.is_handoff else st.LINK
            pen = QtGui.QPen(QtGui.QColor(colour), 1.3 if route.is_handoff else 0.8)
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
