"""SVG and PNG export: the same layout painted with Qt (offscreen), in the PDF's colours.

A very large blueprint is scaled down so that no side exceeds the limits of common viewers
(14,400 pt for SVG, 16,000 px for PNG).
"""

from __future__ import annotations

import os
from pathlib import Path

from blueprint.export.qtlegend import band_height, legend_placement
from blueprint.export.qtpaint import TITLE_BAND, QtPainter
from blueprint.fileformat import write_atomically
from blueprint.layout import compute_layout
from blueprint.layout.audience import EVERYTHING, Audience, shown_blueprint
from blueprint.layout.focus import focus_state
from blueprint.model import Blueprint
from blueprint.resources import font_path

MAX_SVG_SIDE = 14_400.0
MAX_PNG_SIDE = 16_000
PNG_SCALE = 2.0  # 144 dpi
#: White space right of the drawing: routes may run in the half gutter after the last column, and
#: their labels' plates stand out of it by a few points.
RIGHT_MARGIN = 12.0


def _application():  # type: ignore[no-untyped-def]
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(font_path(name)))
    return app


def export_image(doc: Blueprint, out: str | Path, audience: Audience = EVERYTHING) -> list[str]:
    """Write `doc` as SVG or PNG (by the suffix of `out`) atomically; return warnings.

    The image is drawn in memory first, so a folder that cannot be written gives one OSError (with
    the real reason) and never leaves half a file or a painter on a dead device."""
    path = Path(out)
    data, warnings = render_image(doc, "svg" if path.suffix.lower() == ".svg" else "png", audience)
    write_atomically(path, data)
    return warnings


def render_image(doc: Blueprint, kind: str, audience: Audience = EVERYTHING) -> tuple[bytes, list[str]]:
    """Draw `doc` (as `audience` sees it) as "svg" or "png" bytes; return them with the warnings."""
    _app = _application()  # keep a reference while painting
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgGenerator

    doc = shown_blueprint(doc, audience.hidden_lanes)
    layout = compute_layout(doc)
    focus = focus_state(layout, audience.focus)
    width = layout.width + RIGHT_MARGIN
    height = layout.height + TITLE_BAND + band_height(legend_placement(layout))
    warnings: list[str] = []
    svg = kind == "svg"
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    painter = QPainter()
    if svg:
        scale = min(1.0, MAX_SVG_SIDE / max(width, height))
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        size = QSize(round(width * scale), round(height * scale))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(doc.title)
        generator.setDescription(doc.description)
        generator.setResolution(72)  # one layout point is one unit: fonts in points come out right
        device = generator
    else:
        scale = min(PNG_SCALE, MAX_PNG_SIDE / max(width, height))
        image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_RGB32)
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
    QtPainter(painter, layout, doc, focus).paint()
    painter.end()
    if not svg and not image.save(buffer, "PNG"):
        raise OSError("could not encode the PNG image")
    buffer.close()
    return bytes(data.data()), warnings
