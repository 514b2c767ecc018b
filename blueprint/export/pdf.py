"""PDF export: the blueprint drawn once as a vector form, shown on one page or tiled over several,
with a title block, a legend, an outline and appendix pages.

`export_pdf(doc, path, options)` returns the warnings to show the user (one line each).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.pdfgen.canvas import Canvas

from blueprint.export import style as st
from blueprint.export.draw import BlueprintPainter
from blueprint.export.fonts import REGULAR, FontSet
from blueprint.export.legend import draw_legend, legend_items
from blueprint.export.pages import MARGIN, OVERLAP, TITLE_BLOCK, PagePlan, Tile, plan_pages
from blueprint.export.pdfmeta import describe, language
from blueprint.export.textdraw import TextPen
from blueprint.layout import Layout, compute_layout
from blueprint.layout.audience import EVERYTHING, Audience, shown_blueprint
from blueprint.layout.focus import focus_state
from blueprint.layout.gcpause import without_gc
from blueprint.layout.text import one_line, text_width
from blueprint.model import Blueprint

if TYPE_CHECKING:
    from blueprint.export.appendix import AppendixPage


@dataclass(frozen=True)
class ExportOptions:
    page_size: str = "A3"
    orientation: str = "landscape"
    fit: str = "page"
    appendix: bool = True
    #: An audience view: lanes left out of the pages and functions in focus (their hand-off sheets
    #: follow the appendix). The whole blueprint by default.
    audience: Audience = field(default=EVERYTHING)


def export_pdf(
    doc: Blueprint, out: str | Path | io.BytesIO, options: ExportOptions | None = None
) -> list[str]:
    """Write `doc` as a PDF to `out`; return warnings (plain English, one line each)."""
    with without_gc():
        return _export(doc, out, options or ExportOptions())


def _export(whole: Blueprint, out: str | Path | io.BytesIO, options: ExportOptions) -> list[str]:
    doc = shown_blueprint(whole, options.audience.hidden_lanes)  # `whole` itself without a view
    layout = compute_layout(doc)
    plan = plan_pages(layout, options.page_size, options.orientation, options.fit)
    frame_x, frame_y, frame_w, frame_h = plan.frame
    shown_refs: dict[str, str] = {}  # appendix entries ("A1", ...) the boxes point to
    appendix: list[AppendixPage] = []
    if options.appendix:  # its modules are imported only then (12 ms of a whole `export` process)
        from blueprint.export.appendix import appendix_refs, build_appendix, shortened_refs
        from blueprint.export.sources import appendix_sources

        refs = appendix_refs(doc, layout)
        appendix = build_appendix(doc, layout, refs, appendix_sources(doc, whole), frame_w, frame_h)
        shown_refs = shortened_refs(doc, layout, refs)
    sheets = _focus_sheets(whole, options)
    total = len(plan.tiles) + len(appendix) + sum(sheet.page_count for sheet in sheets)

    view = options.audience.heading
    canvas, fonts = new_canvas(out, plan, doc, f"{doc.title} ({view})" if view else None)
    pen = TextPen(canvas, fonts)
    focus = focus_state(layout, options.audience.focus)
    painter = BlueprintPainter(canvas, pen, layout, shown_refs, focus)
    legend = legend_items(layout, painter.refs)

    marked: set[str] = set()
    for number, tile in enumerate(plan.tiles, start=1):
        pen.reset()
        title_block(canvas, pen, doc, plan, tile, number, total, view=view)
        show_tile(canvas, painter, plan, layout, tile)
        pen.reset()
        draw_legend(canvas, pen, plan.page_width, MARGIN, legend)
        if number == 1:
            canvas.bookmarkPage("blueprint", fit="Fit")
            canvas.addOutlineEntry("Blueprint", "blueprint", level=0)
        _stage_bookmarks(canvas, plan, layout, tile, marked)
        canvas.showPage()
    if appendix:
        canvas.addOutlineEntry("Appendix", f"appendix-page-{len(plan.tiles) + 1}", level=0)
    for i, page in enumerate(appendix):
        number = len(plan.tiles) + 1 + i
        pen.reset()
        canvas.bookmarkPage(f"appendix-page-{number}", fit="Fit")
        title_block(canvas, pen, doc, plan, None, number, total, view=view)
        top = frame_y + frame_h
        for op in page.ops:
            pen.queue(frame_x + op.x, top - op.y, op.text, op.size, op.bold, op.owner, color=op.color)
        pen.flush()
        for key, title, y in page.bookmarks:
            canvas.bookmarkPage(key, fit="XYZ", left=0, top=top - y + 20, zoom=0)
            canvas.addOutlineEntry(title, key, level=1)
        canvas.showPage()
    number = len(plan.tiles) + len(appendix) + 1
    for sheet in sheets:
        number = sheet.draw(canvas, pen, number, total)
    canvas.save()
    return list(plan.warnings) + glyph_warnings(pen, fonts, doc)


def _focus_sheets(whole: Blueprint, options: ExportOptions) -> list:  # type: ignore[type-arg]
    """The hand-off sheets a view's PDF ends with: one per function in focus, of the whole blueprint."""
    if not options.audience.focus:
        return []
    from blueprint.export.sheets import SheetContext, SheetPages  # sheets draw with this module

    context = SheetContext(whole)
    return [
        SheetPages(context, function_id, options.page_size, options.orientation)
        for function_id in options.audience.focus
    ]


def new_canvas(
    out: str | Path | io.BytesIO, plan: PagePlan, doc: Blueprint, title: str | None = None
) -> tuple[Canvas, FontSet]:
    """A canvas for `out` with pages of `plan`'s size and `doc`'s metadata (`title` instead of the
    blueprint's when given), and the fonts to write with. Reproducible: the same document gives the
    same bytes (`pdfmeta`)."""
    target = out if isinstance(out, io.BytesIO) else str(out)
    fonts = FontSet()  # registers DejaVu Sans: the canvas starts in it, so no unused Helvetica is listed
    canvas = Canvas(
        target,
        pagesize=(plan.page_width, plan.page_height),
        pageCompression=1,
        invariant=1,  # no clock, a fixed file id: the same document gives the same bytes
        initialFontName=REGULAR,
        lang=language(doc),
    )
    describe(canvas, doc, title)
    return canvas, fonts


def _when(value: str | None) -> str:
    if not value:
        return ""
    try:
        return datetime.fromisoformat(value).strftime("%Y-%m-%d")
    except ValueError:
        return value


def title_block(
    canvas: Canvas,
    pen: TextPen,
    doc: Blueprint,
    plan: PagePlan,
    tile: Tile | None,
    number: int,
    total: int,
    heading: str | None = None,
    view: str | None = None,
) -> None:
    """Title (or `heading`, with the blueprint's title below it), persona, author, date, page; `view`
    ("view: Front of house") begins the facts of a page drawn for a saved view."""
    w, h = plan.page_width, plan.page_height
    top = h - MARGIN
    right = w - MARGIN
    canvas.setStrokeColor(st.color(st.STAGE_FILL))
    canvas.setLineWidth(1.2)
    canvas.line(MARGIN, top - TITLE_BLOCK + 6, right, top - TITLE_BLOCK + 6)
    facts = [view] if view else []
    if doc.metadata.author:
        facts.append(doc.metadata.author)
    modified = _when(doc.metadata.modified)
    if modified:
        facts.append(f"modified {modified}")
    page_text = f"page {number} of {total}"
    if tile is not None and (plan.rows > 1 or plan.columns > 1):
        page_text = f"row {tile.row + 1}, column {tile.column + 1} · " + page_text
    facts_text = " · ".join(facts)
    pen.draw(right, top - 12, page_text, 9, True, align="right", color=st.MUTED)
    if facts_text:
        pen.draw(right, top - 26, facts_text, 8.5, align="right", color=st.MUTED)
    right_side = max(pen.width(page_text, 9, True), pen.width(facts_text, 8.5) if facts_text else 0.0)
    room = w - 2 * MARGIN - right_side - 24
    size = 16.0
    first = heading if heading is not None else doc.title
    full = text_width(first, size, True)
    if full > room:  # a long title shrinks (down to 11 pt) before it is cut; the overview has it whole
        size = max(11.0, size * room / full)
    title, _ = one_line(first, size, room, True)
    pen.draw(MARGIN, top - 16, title, size, True, owner="the heading" if heading else "the title")
    if heading is not None:
        text, _ = one_line("Blueprint: " + doc.title, 8.5, room)
        pen.draw(MARGIN, top - 32, text, 8.5, owner="the title", color=st.MUTED)
    elif doc.persona is not None:
        persona = doc.persona.name + (f": {doc.persona.description}" if doc.persona.description else "")
        text, _ = one_line("Persona: " + persona, 8.5, room)
        pen.draw(MARGIN, top - 32, text, 8.5, owner="the persona", color=st.MUTED)


def _place(
    painter: BlueprintPainter,
    scale: float,
    region: tuple[float, float, float, float],
    at: tuple[float, float],
) -> None:
    """Paint layout region (x0, y0, x1, y1) with its top-left corner at page point `at`, clipped."""
    canvas, layout = painter.c, painter.layout
    x0, y0, x1, y1 = region
    px, ptop = at
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(px, ptop - (y1 - y0) * scale, (x1 - x0) * scale, (y1 - y0) * scale)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.translate(px - x0 * scale, ptop - (layout.height - y0) * scale)
    canvas.scale(scale, scale)
    painter.paint(region)
    canvas.restoreState()
    painter.pen.reset()


def show_tile(canvas: Canvas, painter: BlueprintPainter, plan: PagePlan, layout: Layout, tile: Tile) -> None:
    s = plan.scale
    fx, fy, _fw, fh = plan.frame
    top = fy + fh
    if not tile.repeat_headers:
        _place(painter, s, (0, 0, layout.width, layout.height), _single_origin(plan, layout))
        return
    hw, hh = layout.lane_header_width, layout.top_header_height
    _place(painter, s, (0, 0, hw, hh), (fx, top))
    _place(painter, s, (tile.x0, 0, tile.x1, hh), (fx + hw * s, top))
    _place(painter, s, (0, tile.y0, hw, tile.y1), (fx, top - hh * s))
    _place(painter, s, (tile.x0, tile.y0, tile.x1, tile.y1), (fx + hw * s, top - hh * s))
    # where this sheet overlaps its neighbours: small ticks outside the drawing, so sheets can be
    # laid over each other with the ticks on the neighbour's edge, and taped
    canvas.setStrokeColor(st.color("#607D8B"))
    canvas.setLineWidth(0.6)
    content_x, content_top = fx + hw * s, top - hh * s
    content_w, content_h = (tile.x1 - tile.x0) * s, (tile.y1 - tile.y0) * s
    bottom, right = content_top - content_h, content_x + content_w
    xs = []
    if tile.column + 1 < plan.columns:
        xs.append(right - OVERLAP)
    if tile.column > 0:
        xs.append(content_x + OVERLAP)
    for x in xs:
        canvas.line(x, bottom - 2, x, bottom - 9)
    ys = []
    if tile.row + 1 < plan.rows:
        ys.append(bottom + OVERLAP)
    if tile.row > 0:
        ys.append(content_top - OVERLAP)
    for y in ys:
        canvas.line(right + 2, y, right + 9, y)


def _single_origin(plan: PagePlan, layout: Layout) -> tuple[float, float]:
    """Top-left corner of a blueprint shown whole on one page: centred in the frame under the title
    block, so a small blueprint does not sit at the top of a mostly blank page."""
    fx, fy, fw, fh = plan.frame
    return fx + (fw - layout.width * plan.scale) / 2, fy + fh - (fh - layout.height * plan.scale) / 2


def _stage_bookmarks(canvas: Canvas, plan: PagePlan, layout: Layout, tile: Tile, marked: set[str]) -> None:
    """Outline entries for the stages that start on this sheet (each stage once, on its first sheet)."""
    s = plan.scale
    fx, fy, _fw, fh = plan.frame
    top = fy + fh if any(t.repeat_headers for t in plan.tiles) else _single_origin(plan, layout)[1]
    for stage in layout.stages:
        if stage.stage_id in marked:
            continue
        x = stage.box.x
        if tile.repeat_headers:
            if tile.row != 0 or not (tile.x0 <= x + 1 < tile.x1 or (tile.column == 0 and x < tile.x0)):
                continue
            left = fx + (layout.lane_header_width + max(0.0, x - tile.x0)) * s
        else:
            left = _single_origin(plan, layout)[0] + x * s
        marked.add(stage.stage_id)
        key = f"stage-{stage.stage_id}"
        canvas.bookmarkPage(key, fit="XYZ", left=max(0.0, left - 20), top=top + 20, zoom=0)
        canvas.addOutlineEntry(stage.name, key, level=1)


def glyph_warnings(pen: TextPen, fonts: FontSet, doc: Blueprint) -> list[str]:
    return problem_warnings(pen.problems, doc)


def problem_warnings(problems: Mapping[str, Iterable[str]], doc: Blueprint) -> list[str]:
    """One warning line per owner (a card, the title, ...) of characters no font could draw."""
    if not problems:
        return []
    titles = {f"card '{c.id}'": c.title for c in doc.cards}
    out = []
    for owner, chars in sorted(problems.items()):
        shown = ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in sorted(chars)[:5])
        name = f'{owner} ("{titles[owner][:60]}")' if owner in titles else owner
        name = " ".join(name.split())  # names may hold newlines; a warning is one line
        out.append(f"{name}: no installed font can draw {shown}; it prints as a box")
    return out
