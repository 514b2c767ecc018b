"""A hand-off sheet's pages: the blueprint drawn in focus on one function, then its words.

The drawing shows the columns where the function works (its cards and the cards it hands work to
and receives work from) under the lane names and the stage and step headers, fitted to the page,
or tiled as `--fit tile` tiles when the card text would print below 6 pt on one page. Its cards, the
customer's and the evidence stay at full strength; every other card is faded, and its hand-offs are
drawn strongly (`blueprint.layout.focus`). The pages are planned before anything is drawn, so a
view's PDF can number them with its own ("page n of m").
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.pdfgen.canvas import Canvas

from blueprint.export.appendix_flow import AppendixPage, Flow
from blueprint.export.draw import BlueprintPainter
from blueprint.export.legend import draw_legend, legend_items
from blueprint.export.pages import MARGIN, PagePlan, Tile, plan_pages
from blueprint.export.pdf import show_tile, title_block
from blueprint.export.sheets.facts import SheetContext, SheetFacts
from blueprint.export.sheets.sections import write_sections
from blueprint.export.textdraw import TextPen
from blueprint.layout import CardBox, Layout
from blueprint.layout.focus import FocusState, focus_state


def focus_cards(layout: Layout, context: SheetContext, facts: SheetFacts) -> list[CardBox]:
    """The boxes of the function's cards and of the cards it hands work to or receives work from."""
    ids = set(facts.cards)
    for row in (*facts.receive, *facts.hand_on):
        link = context.links_by_id[row.link_id]
        ids.update((link.source, link.target))
    return [box for box in map(layout.cards.get, sorted(ids)) if box is not None]


def focus_columns(layout: Layout, context: SheetContext, facts: SheetFacts) -> list[tuple[float, float]]:
    """(x0, x1) of every column holding one of the function's cards or a card it hands work to or
    receives work from, left to right (none when it has no cards)."""
    columns = {step.step_id: step.column for step in layout.steps}
    boxes = focus_cards(layout, context, facts)
    return sorted({(columns[b.step_id].x, columns[b.step_id].right) for b in boxes})


def _shows_any(tile: Tile, boxes: list[CardBox]) -> bool:
    return any(
        tile.x0 < b.box.right and b.box.x < tile.x1 and tile.y0 < b.box.bottom and b.box.y < tile.y1
        for b in boxes
    )


def _painter(
    context: SheetContext, canvas: Canvas, pen: TextPen, focus: FocusState | None
) -> BlueprintPainter:
    """One painter per document, moved from sheet to sheet (sorting 5,000 cards and 7,500 routes into
    columns once, not once per sheet)."""
    painter = context.painter
    if isinstance(painter, BlueprintPainter):
        painter.rebind(canvas, pen, focus)
        return painter
    context.painter = painter = BlueprintPainter(canvas, pen, context.layout, {}, focus)
    return painter


class SheetPages:
    """One function's sheet, planned: `page_count` pages, drawn by `draw` onto any canvas of the
    plan's page size."""

    def __init__(self, context: SheetContext, function_id: str, page_size: str, orientation: str) -> None:
        self.context = context
        self.facts = facts = context.facts(function_id)
        layout = self.layout = context.layout
        columns = focus_columns(layout, context, facts)
        # the plan of the drawing (none without cards); words go in the frame of the same paper
        if columns:
            plan = plan_pages(layout, page_size, orientation, "tile", (columns[0][0], columns[-1][1]))
            # tiles that show none of its cards or its partners' are left out, column by column and
            # row by row (a hand-off far along the journey does not bring every tile between, nor a
            # tall blueprint every row below its lanes); each tile repeats the lane names and headers
            boxes = focus_cards(layout, context, facts)
            self.plan: PagePlan = replace(plan, tiles=tuple(t for t in plan.tiles if _shows_any(t, boxes)))
        else:
            self.plan = plan_pages(layout, page_size, orientation, "page")
        self.drawn = bool(columns)
        _, _, frame_w, frame_h = self.plan.frame
        flow = Flow(frame_w, frame_h)
        write_sections(flow, facts, context.doc.title)
        self.words: list[AppendixPage] = flow.pages

    @property
    def page_count(self) -> int:
        return (len(self.plan.tiles) if self.drawn else 0) + len(self.words)

    @property
    def key(self) -> str:
        return f"sheet-{self.facts.function_id}"

    def draw(self, canvas: Canvas, pen: TextPen, number: int, total: int) -> int:
        """Draw every page from page `number` on (of `total`); return the next page's number."""
        doc, plan, layout, heading = self.context.doc, self.plan, self.layout, self.facts.heading
        canvas.bookmarkPage(self.key, fit="Fit")
        canvas.addOutlineEntry(heading, self.key, level=0)
        if self.drawn:
            painter = _painter(self.context, canvas, pen, focus_state(layout, [self.facts.function_id]))
            legend = legend_items(layout, {})
            for tile in plan.tiles:
                pen.reset()
                title_block(canvas, pen, doc, plan, tile, number, total, heading)
                show_tile(canvas, painter, plan, layout, tile)
                pen.reset()
                draw_legend(canvas, pen, plan.page_width, MARGIN, legend)
                canvas.showPage()
                number += 1
        frame_x, frame_y, _, frame_h = plan.frame
        top = frame_y + frame_h
        for page in self.words:
            pen.reset()
            title_block(canvas, pen, doc, plan, None, number, total, heading)
            for op in page.ops:
                pen.queue(frame_x + op.x, top - op.y, op.text, op.size, op.bold, op.owner, color=op.color)
            pen.flush()
            for key, title, y in page.bookmarks:
                unique = f"{self.key}-{key}"
                canvas.bookmarkPage(unique, fit="XYZ", left=0, top=top - y + 20, zoom=0)
                canvas.addOutlineEntry(title, unique, level=1)
            canvas.showPage()
            number += 1
        return number
