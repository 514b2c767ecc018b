"""Floors: the least any implementation of a stage could cost, measured on the same machine and file.

A figure is reported as its ratio to its floor, so the table means the same on a fast or slow machine.

- load: `json.loads` of the file's bytes plus `Blueprint.model_validate` (the model has to be built).
- validate: one plain networkx pass: a DiGraph of the cards (lane kind, step, function) and links,
  its strongly connected components (cycles) and one reverse search from the customer and frontstage
  cards (what reaches the customer): the two graph walks the hand-off rules cannot avoid.
- PDF export: reportlab's bare canvas, in the shipped DejaVu font, drawing a box and two strings (title,
  one detail line) per card, a box and a string per lane, stage and step header, and a three-segment
  line per link, on one page the size of the blueprint.
"""

from __future__ import annotations

import io
import json
from collections import deque
from pathlib import Path

import networkx as nx

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


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from blueprint.resources import font_path

    try:
        path = font_path("DejaVuSans.ttf")
    except Exception:  # no shipped font: the built-in Helvetica is the floor then
        return "Helvetica"
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(path)))
    return "DejaVuSans"


def pdf_floor(doc: Blueprint) -> bytes:
    """A one-page PDF with as many boxes, strings and lines as the blueprint's export draws."""
    from reportlab.pdfgen.canvas import Canvas

    font = _font()
    card_w, card_h, col_w, row_h = 150.0, 60.0, 170.0, 200.0
    steps = doc.step_indexes()
    lanes = doc.lane_indexes()
    n_steps, n_lanes = max(1, len(steps)), max(1, len(lanes))
    width, height = 150 + n_steps * col_w, 80 + n_lanes * row_h
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height))
    canvas.setFont(font, 8)
    slot: dict[tuple[str, str], int] = {}
    where: dict[str, tuple[float, float]] = {}
    for card in doc.cards:
        k = slot.get((card.lane, card.step), 0)
        slot[(card.lane, card.step)] = k + 1
        x = 150 + steps[card.step] * col_w + 10
        y = height - 80 - lanes[card.lane] * row_h - 10 - (k + 1) * (card_h + 6)
        where[card.id] = (x, y)
        canvas.setFillColorRGB(1, 0.97, 0.8)
        canvas.roundRect(x, y, card_w, card_h, 4, stroke=1, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.drawString(x + 4, y + card_h - 12, card.title[:40])
        canvas.drawString(x + 4, y + 6, (card.channel or "") + " " + (card.function or ""))
    for i, lane in enumerate(doc.lanes):
        canvas.rect(0, height - 80 - (i + 1) * row_h, 140, row_h)
        canvas.drawString(4, height - 80 - i * row_h - 12, lane.name)
    for stage in doc.stages:
        x = 150 + steps[stage.steps[0].id] * col_w
        canvas.rect(x, height - 30, col_w * len(stage.steps), 30)
        canvas.drawString(x + 4, height - 20, stage.name)
    for _stage, step in doc.all_steps():
        x = 150 + steps[step.id] * col_w
        canvas.rect(x, height - 80, col_w, 50)
        canvas.drawString(x + 4, height - 60, step.name)
    for link in doc.links:
        (x1, y1), (x2, y2) = where[link.source], where[link.target]
        mid = (x1 + card_w + x2) / 2
        canvas.lines(
            [(x1 + card_w, y1 + 30, mid, y1 + 30), (mid, y1 + 30, mid, y2 + 30), (mid, y2 + 30, x2, y2 + 30)]
        )
    canvas.showPage()
    canvas.save()
    return out.getvalue()
