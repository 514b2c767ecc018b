"""Floors: the least any implementation of a stage could cost, measured on the same machine and file.

A figure is reported as its ratio to its floor, so the table means the same on a fast or slow machine.

- load: `json.loads` of the file's bytes plus `Blueprint.model_validate` (the model has to be built).
- validate: one plain networkx pass: a DiGraph of the cards (lane kind, step, function) and links,
  its strongly connected components (cycles) and one reverse search from the customer and frontstage
  cards (what reaches the customer): the two graph walks the hand-off rules cannot avoid.
- PDF export: reportlab's bare canvas drawing, straight from the layout (computed before timing), the
  boxes, text lines and link polylines the exporter draws, in the same fonts, on one page (see
  `pdf_floor`). The export itself includes its layout, so its ratio carries the layout's cost too.
"""

from __future__ import annotations

import io
import json
from collections import deque
from pathlib import Path

import networkx as nx

from blueprint.layout.shapes import Layout
from blueprint.model import Blueprint


def load_floor(path: Path) -> Blueprint:
    return Blueprint.model_validate(json.loads(path.read_bytes()))


def validate_floor(doc: Blueprint) -> int:
    kinds = {lane.id: lane.kind for lane in doc.lanes}
    steps = doc.step_indexes()
    graph = nx.DiGraph()
    graph.add_nodes_from(
        (c.id, {"kind": kinds[c.lane], "step": steps[c.step], "function": c.function}) for c in doc.cards
    )
    graph.add_edges_from((link.source, link.target, {"kind": link.kind}) for link in doc.links)
    cycles = sum(1 for part in nx.strongly_connected_components(graph) if len(part) > 1)
    reached = {n for n, kind in graph.nodes(data="kind") if kind in ("customer", "frontstage")}
    queue = deque(reached)
    while queue:
        for before in graph.predecessors(queue.popleft()):
            if before not in reached:
                reached.add(before)
                queue.append(before)
    return cycles + len(reached)


def _fonts() -> tuple[str, str]:
    """The shipped DejaVu Sans, regular and bold, as the exporter uses them (Helvetica if missing)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from blueprint.resources import font_path

    names = []
    for name in ("DejaVuSans", "DejaVuSans-Bold"):
        path = font_path(f"{name}.ttf")
        if not path.exists():
            return "Helvetica", "Helvetica-Bold"
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
        names.append(name)
    return names[0], names[1]


def pdf_shapes(layout: Layout) -> dict[str, int]:
    """How many boxes, strings and polylines the floor draws for `layout`."""
    counts = {"boxes": 0, "strings": 0, "lines": 0}
    for card in layout.cards.values():
        counts["boxes"] += 2 + len(card.markers)
        counts["strings"] += (
            len(card.title_lines) + len(card.description_lines) + len(card.detail_lines) + len(card.markers)
        )
    headers = (*layout.lanes, *layout.stages, *layout.steps)
    counts["boxes"] += len(headers)
    counts["strings"] += len(headers)
    counts["lines"] += 2 * len(layout.routes) + len(layout.lines)  # polyline and arrowhead
    labels = sum(1 for r in layout.routes.values() if r.label_text and r.label_pos)
    counts["strings"] += labels
    counts["boxes"] += labels + sum(1 for r in layout.routes.values() if r.is_handoff)
    return counts


def pdf_floor(layout: Layout) -> bytes:
    """One page the size of the blueprint, drawn on reportlab's bare canvas straight from `layout`:
    per card its box, colour strip, every text line and marker; per lane, stage and step header a box
    and its name; per link its polyline, arrowhead, hand-off square and
    label with its box; the three lines. Same fonts and page compression as
    the exporter. No layout work (that is timed on its own), no form, no tiling, no appendix."""
    from reportlab.pdfgen.canvas import Canvas

    regular, bold = _fonts()
    height = layout.height
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(layout.width, height), pageCompression=1)
    for card in layout.cards.values():
        b = card.box
        canvas.setFillColorRGB(1, 1, 1)
        canvas.roundRect(b.x, height - b.bottom, b.w, b.h, 3, stroke=1, fill=1)
        canvas.setFillColorRGB(0.2, 0.4, 0.8)
        canvas.rect(b.x, height - b.bottom, 4, b.h, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        y = height - b.y - 12
        canvas.setFont(bold, 8)
        for line in card.title_lines:
            canvas.drawString(b.x + 8, y, line)
            y -= 10
        canvas.setFont(regular, 7)
        for line in (*card.description_lines, *card.detail_lines):
            canvas.drawString(b.x + 8, y, line)
            y -= 9
        for marker in card.markers:
            m = marker.box
            canvas.rect(m.x, height - m.bottom, m.w, m.h, stroke=1, fill=0)
            canvas.drawString(m.x + 2, height - m.bottom + 2, marker.text)
    canvas.setFont(bold, 9)
    for header in (*layout.lanes, *layout.stages, *layout.steps):
        box = getattr(header, "header", None) or header.box
        canvas.rect(box.x, height - box.bottom, box.w, box.h, stroke=1, fill=0)
        canvas.drawString(box.x + 4, height - box.y - 12, header.name)
    canvas.setFont(regular, 7)
    for route in layout.routes.values():
        path = canvas.beginPath()
        (x, y), *rest = route.points
        path.moveTo(x, height - y)
        for x, y in rest:
            path.lineTo(x, height - y)
        canvas.drawPath(path, stroke=1, fill=0)
        head = canvas.beginPath()  # the arrowhead
        head.moveTo(x, height - y)
        head.lineTo(x - 5, height - y + 2.5)
        head.lineTo(x - 5, height - y - 2.5)
        head.close()
        canvas.drawPath(head, stroke=0, fill=1)
        if route.is_handoff:  # the exporter marks where work changes hands
            sx, sy = route.points[0]
            canvas.rect(sx - 2, height - sy - 2, 4, 4, stroke=0, fill=1)
        if route.label_text and route.label_pos:
            lx, ly = route.label_pos
            canvas.roundRect(lx - 20, height - ly - 4, 40, 8, 1.5, stroke=1, fill=0)
            canvas.drawCentredString(lx, height - ly - 2, route.label_text)
    for line in layout.lines:
        canvas.line(line.x0, height - line.y, line.x1, height - line.y)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
