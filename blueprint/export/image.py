"""SVG and PNG export: the same layout painted with Qt (offscreen), in the PDF's colours.

A very large blueprint is scaled down so that no side exceeds the limits of common viewers
(14,400 pt for SVG, 16,000 px for PNG).
"""

from __future__ import annotations

import os
from pathlib import Path

from blueprint.export.qtlegend import band_height, legend_placement
from blueprint.export.qtpaint import TITLE_BAND, QtPainter
from blueprint.export.svgpaint import SvgPainter
from blueprint.fileformat import write_atomically
from blueprint.layout import Layout, compute_layout
from blueprint.layout.audience import EVERYTHING, Audience, shown_blueprint
from blueprint.layout.focus import FocusState, focus_state
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
    _app = _application()  # keep a reference while painting (fonts and pens need it, SVG too)
    doc = shown_blueprint(doc, audience.hidden_lanes)
    layout = compute_layout(doc)
    focus = focus_state(layout, audience.focus)
    width = layout.width + RIGHT_MARGIN
    height = layout.height + TITLE_BAND + band_height(legend_placement(layout))
    if kind == "svg":
        scale = min(1.0, MAX_SVG_SIDE / max(width, height))
        title = xml_title(doc) + (f" ({audience.heading})" if audience.heading else "")
        svg = SvgPainter(round(width * scale), round(height * scale), title, doc.description)
        svg.scale(scale, scale)
        QtPainter(svg, layout, doc, focus, audience.heading).paint()
        return svg.finish(), _scale_warnings(scale)
    return _png(doc, layout, focus, width, height, audience.heading)


def xml_title(doc: Blueprint) -> str:
    return " ".join(doc.title.split())


def _scale_warnings(scale: float) -> list[str]:
    if scale >= 0.5:
        return []
    return [
        f"the blueprint is very large: the image is drawn at {scale:.0%} of full size; "
        "use PDF tiles to print it"
    ]


def _png(
    doc: Blueprint,
    layout: Layout,
    focus: FocusState | None,
    width: float,
    height: float,
    view: str | None = None,
) -> tuple[bytes, list[str]]:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    scale = min(PNG_SCALE, MAX_PNG_SIDE / max(width, height))
    image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_RGB32)
    if image.isNull():
        raise OSError(f"not enough memory for a {image.width()} x {image.height()} image")
    image.fill(QColor("#FFFFFF"))
    image.setDotsPerMeterX(round(72 / 0.0254))  # fonts in points map to layout points while drawing
    image.setDotsPerMeterY(round(72 / 0.0254))
    painter = QPainter()
    if not painter.begin(image) or not painter.isActive():
        raise OSError("could not start drawing the image")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    QtPainter(painter, layout, doc, focus, view).paint()
    painter.end()
    # the file declares the resolution it is drawn at (144 dpi, less when scaled down), so it pastes
    # into documents at the blueprint's real size
    dots_per_metre = round(72 * scale / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("could not encode the PNG image")
    buffer.close()
    return bytes(data.data()), _scale_warnings(scale)
