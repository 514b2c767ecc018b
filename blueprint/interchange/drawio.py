"""`blueprint export FILE -o OUT.drawio`: the blueprint as an uncompressed draw.io diagram, drawn from the
same layout as the PDF.

Two layers: "Blueprint grid" (locked, so a click picks a card rather than the lane under it) holds the
title and persona above the grid (as the PDF's title block), the lane bands with their names, the
stage and step headers, the emotion row and the three lines; "Cards and links" holds every card as a
rounded rectangle at its layout position, in its lane kind's fill with its function's strip and its
fail, wait and plan badges (children of the card, so they move with it), and
every link as an edge from its source card to its target card, leaving and entering where the PDF
draws it, with the route's bends as waypoints and its label where the PDF puts it. Moving a card in
draw.io keeps its links attached.

Every cell drawn for a blueprint element is an `<object id="bp-ID">` carrying `blueprint_id` and
`blueprint_type` (and a card's other fields as data), so a later import could map it back. The other
cells (headers, strips, badges, the layer) are `bpx/...`, with a slash no blueprint id may hold, so no
element's id can take a cell id already used (a duplicate id loses a cell in draw.io). Labels are
HTML in draw.io (for wrapping), so every text from the document is escaped, and characters XML cannot
carry are replaced.
"""

from __future__ import annotations

import html
import itertools
import math
import xml.etree.ElementTree as ET

from blueprint.export import style as st
from blueprint.layout import Box, CardBox, Layout, Route, compute_layout
from blueprint.layout import metrics as m
from blueprint.layout.emotion import emotion_label
from blueprint.model import Blueprint
from blueprint.safetext import xml_text

GRID_LAYER = "1"
CARDS_LAYER = "bpx/layer/cards"
_clean = xml_text  # text XML can carry (the characters it cannot are dropped)


def label(text: str) -> str:
    """Text as an HTML label shows it: escaped, line breaks kept."""
    return html.escape(_clean(text), quote=False).replace("\r\n", "\n").replace("\n", "<br>")


def _style(*names: str, **values: object) -> str:
    """A draw.io style: named styles first (`text`, `ellipse`), then `key=value;` pairs."""
    return "".join(f"{name};" for name in names) + "".join(f"{key}={value};" for key, value in values.items())


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class _Diagram:
    """Builds the `<root>` of the model, cell by cell."""

    def __init__(self) -> None:
        self.root = ET.Element("root")
        ET.SubElement(self.root, "mxCell", id="0")
        ET.SubElement(
            self.root, "mxCell", id=GRID_LAYER, value="Blueprint grid", style="locked=1;", parent="0"
        )
        ET.SubElement(self.root, "mxCell", id=CARDS_LAYER, value="Cards and links", parent="0")

    def vertex(
        self,
        cell_id: str,
        box: Box,
        style: str,
        value: str = "",
        parent: str = GRID_LAYER,
        data: dict[str, str] | None = None,
        origin: tuple[float, float] = (0.0, 0.0),
    ) -> None:
        """A shape at `box` (relative to `origin`, its parent shape's corner); with `data`, an `<object>`
        holding the blueprint's id and fields."""
        cell = self._cell(cell_id, value, data, style=style, vertex="1", parent=parent)
        geometry = {
            "x": _n(box.x - origin[0]),
            "y": _n(box.y - origin[1]),
            "width": _n(box.w),
            "height": _n(box.h),
            "as": "geometry",
        }
        ET.SubElement(cell, "mxGeometry", geometry)

    def edge(
        self,
        cell_id: str,
        style: str,
        points: list[tuple[float, float]],
        value: str = "",
        parent: str = GRID_LAYER,
        ends: tuple[str, str] | None = None,
        data: dict[str, str] | None = None,
        label_at: tuple[float, float, tuple[float, float]] | None = None,
    ) -> None:
        """A line through `points`: between two cards (`ends`, the first and last point being where it
        leaves and enters them), or free (a line of the blueprint)."""
        cell = self._cell(cell_id, value, data, style=style, edge="1", parent=parent)
        geometry = ET.SubElement(cell, "mxGeometry", relative="1", **{"as": "geometry"})
        if label_at is not None:
            geometry.set("x", _n(label_at[0]))
            geometry.set("y", _n(label_at[1]))
        if ends is not None:
            cell.set("source", ends[0])
            cell.set("target", ends[1])
            inner = points[1:-1]
        else:
            x0, y0 = points[0]
            x1, y1 = points[-1]
            ET.SubElement(geometry, "mxPoint", x=_n(x0), y=_n(y0), **{"as": "sourcePoint"})
            ET.SubElement(geometry, "mxPoint", x=_n(x1), y=_n(y1), **{"as": "targetPoint"})
            inner = points[1:-1]
        if inner:
            array = ET.SubElement(geometry, "Array", **{"as": "points"})
            for x, y in inner:
                ET.SubElement(array, "mxPoint", x=_n(x), y=_n(y))
        if label_at is not None and label_at[2] != (0.0, 0.0):
            dx, dy = label_at[2]
            ET.SubElement(geometry, "mxPoint", x=_n(dx), y=_n(dy), **{"as": "offset"})

    def _cell(self, cell_id: str, value: str, data: dict[str, str] | None, **attributes: str) -> ET.Element:
        """An `<mxCell>`, inside an `<object>` holding the id, label and `data` when there is data."""
        if data is None:
            return ET.SubElement(self.root, "mxCell", {"id": cell_id, "value": value, **attributes})
        holder = ET.SubElement(self.root, "object", {"id": cell_id, "label": value})
        for key, text in data.items():
            holder.set(key, _clean(text))
        return ET.SubElement(holder, "mxCell", attributes)


#: A row's name at its left: a lane's, the emotion row's.
_ROW_HEADER = _style(
    rounded=0,
    whiteSpace="wrap",
    html=1,
    fillColor=st.HEADER_FILL,
    strokeColor=st.GRID,
    align="left",
    spacingLeft=9,
    fontStyle=1,
    fontSize=m.LANE_NAME_SIZE,
    fontColor=st.TEXT,
)


def _grid(diagram: _Diagram, layout: Layout) -> None:
    for i, lane in enumerate(layout.lanes):
        data = {"blueprint_id": lane.lane_id, "blueprint_type": "lane", "kind": lane.kind}
        fill = st.LANE_FILLS[i % 2]
        diagram.vertex(
            f"bp-{lane.lane_id}", lane.band, _style(rounded=0, fillColor=fill, strokeColor=st.GRID), data=data
        )
        diagram.vertex(f"bpx/lane/{lane.lane_id}/header", lane.header, _ROW_HEADER, label(lane.name))
        stripe = Box(lane.header.x, lane.header.y, 4, lane.header.h)
        colour = st.CARD_COLORS.get(lane.kind, st.CARD_COLORS["customer"])[1]
        diagram.vertex(
            f"bpx/lane/{lane.lane_id}/stripe", stripe, _style(fillColor=colour, strokeColor="none")
        )
    for stage in layout.stages:
        phase = ""
        if stage.phase:
            words = label(stage.phase.replace("-", " ").upper())
            phase = f'<br><font style="font-size: {_n(m.STAGE_PHASE_SIZE)}px" color="#B0BEC5">{words}</font>'

        stage_style = _style(
            rounded=0,
            whiteSpace="wrap",
            html=1,
            fillColor=st.STAGE_FILL,
            strokeColor="#FFFFFF",
            fontColor="#FFFFFF",
            align="left",
            verticalAlign="top",
            spacingLeft=6,
            fontStyle=1,
            fontSize=m.STAGE_NAME_SIZE,
        )
        data = {"blueprint_id": stage.stage_id, "blueprint_type": "stage", "job": stage.job}
        diagram.vertex(
            f"bp-{stage.stage_id}", stage.box, stage_style, f"{label(stage.name)}{phase}", data=data
        )
    step_style = _style(
        rounded=0,
        whiteSpace="wrap",
        html=1,
        fillColor=st.STEP_FILL,
        strokeColor="#FFFFFF",
        fontColor=st.TEXT,
        fontStyle=1,
        fontSize=m.STEP_NAME_SIZE,
    )
    for step in layout.steps:
        data = {"blueprint_id": step.step_id, "blueprint_type": "step"}
        diagram.vertex(f"bp-{step.step_id}", step.box, step_style, label(step.name), data=data)
    _emotion(diagram, layout)
    for line in layout.lines:
        colour, width, dash = st.LINE_STYLES[line.kind]
        dashes = _style(dashed=1, dashPattern=" ".join(_n(d) for d in dash)) if dash else ""
        line_style = _style(endArrow="none", html=1, strokeColor=colour, strokeWidth=width) + dashes
        diagram.edge(f"bpx/line/{line.kind}/{_n(line.y)}", line_style, [(line.x0, line.y), (line.x1, line.y)])
        top = line.y + 1 if line.label_below else line.y - m.LINE_LABEL_SIZE - 5
        caption = Box(layout.lane_header_width + 6, top, 200, m.LINE_LABEL_SIZE + 4)
        text_style = _style(
            "text", html=1, align="left", verticalAlign="middle", fontSize=m.LINE_LABEL_SIZE, fontColor=colour
        )
        diagram.vertex(f"bpx/line/{line.kind}/{_n(line.y)}/label", caption, text_style, label(line.label))


#: The persona line is one line, as the PDF's title block has it; longer text is cut here.
PERSONA_CHARACTERS = 240


def _title(diagram: _Diagram, doc: Blueprint, layout: Layout) -> None:
    """The title and the persona above the grid, as the PDF's title block shows them (in the locked
    layer: they are the page's heading, not something to move)."""
    text = _style("text", html=1, align="left", verticalAlign="bottom", whiteSpace="nowrap")
    heading = Box(0, -50, max(layout.width, 200), 26)
    diagram.vertex(
        "bpx/title", heading, text + _style(fontSize=16, fontStyle=1, fontColor=st.TEXT), label(doc.title)
    )
    if doc.persona is not None:
        persona = doc.persona.name + (f": {doc.persona.description}" if doc.persona.description else "")
        if len(persona) > PERSONA_CHARACTERS:
            persona = persona[: PERSONA_CHARACTERS - 1].rstrip() + "…"
        line = Box(0, -22, heading.w, 14)
        look = text + _style(fontSize=8.5, fontColor=st.MUTED)
        diagram.vertex("bpx/persona", line, look, label(" ".join(f"Persona: {persona}".split())))


def _emotion(diagram: _Diagram, layout: Layout) -> None:
    curve = layout.emotion
    if curve is None:
        return
    row = Box(0, curve.box.y, curve.box.right, curve.box.h)
    diagram.vertex("bpx/emotion", row, _style(rounded=0, fillColor="#FFFFFF", strokeColor=st.GRID))
    if curve.header is not None:
        scale = f'<br><font style="font-size: 6.5px" color="{st.MUTED}">−2 … +2 per step</font>'
        diagram.vertex("bpx/emotion/header", curve.header, _ROW_HEADER, label(curve.label) + scale)
    base = _style(endArrow="none", html=1, strokeColor="#B0BEC5", dashed=1, dashPattern="2 2")
    diagram.edge(
        "bpx/emotion/baseline", base, [(curve.box.x, curve.baseline_y), (curve.box.right, curve.baseline_y)]
    )
    if len(curve.points) > 1:
        diagram.edge(
            "bpx/emotion/curve",
            _style(
                endArrow="none", html=1, rounded=0, edgeStyle="none", strokeColor=st.MUTED, strokeWidth=1.4
            ),
            list(curve.points),
        )
    # Each step's feeling: a dot in its tone and the value beside it, as the PDF draws them.
    for (x, y), (step_id, value) in zip(curve.points, curve.values, strict=True):
        tone = st.EMOTION_UP if value > 0.25 else st.EMOTION_DOWN if value < -0.25 else st.EMOTION_FLAT
        dot = _style("ellipse", fillColor=tone, strokeColor="#FFFFFF", strokeWidth=0.8)
        diagram.vertex(f"bpx/feeling/{step_id}/dot", Box(x - 3.2, y - 3.2, 6.4, 6.4), dot)
        text = _style("text", html=1, align="left", verticalAlign="bottom", fontSize=6.5, fontColor=tone)
        diagram.vertex(f"bpx/feeling/{step_id}/value", Box(x + 5, y - 12, 30, 10), text, emotion_label(value))


def _card_style(card: CardBox) -> str:
    fill, border = st.CARD_COLORS.get(card.lane_kind, st.CARD_COLORS["customer"])
    common = dict(
        whiteSpace="wrap",
        html=1,
        fillColor=fill,
        strokeColor=border,
        fontColor=st.TEXT,
        fontSize=m.TITLE_SIZE,
        fontStyle=1,
        align="left",
        verticalAlign="top",
        spacingLeft=m.STRIP_WIDTH + m.CARD_PAD,
        spacingTop=m.CARD_PAD,
        overflow="hidden",
    )
    if card.lane_kind == "notes":
        return _style(shape="note", size=8, **common)
    if card.lane_kind == "evidence":
        return _style(rounded=1, arcSize=4, dashed=1, dashPattern="3 2", **common)
    return _style(rounded=1, arcSize=6, absoluteArcSize=0, **common)


def _cards(diagram: _Diagram, doc: Blueprint, layout: Layout) -> None:
    cards = doc.cards_by_id()
    for card_id, box in layout.cards.items():
        card = cards[card_id]
        data = {"blueprint_id": card_id, "blueprint_type": "card"}
        fields = {
            "tooltip": card.description,
            "function": box.function_name or "",
            "channel": card.channel or "",
            "evidence": card.evidence or "",
            "fail_point": f"{card.fail_point.severity}: {card.fail_point.note}" if card.fail_point else "",
            "wait": card.wait_point.note if card.wait_point else "",
        }
        data.update({key: value for key, value in fields.items() if value})
        cell_id = f"bp-{card_id}"
        diagram.vertex(cell_id, box.box, _card_style(box), label(card.title), CARDS_LAYER, data)
        corner = (box.box.x, box.box.y)
        fixed = _style(connectable=0, movable=0, resizable=0, editable=0, deletable=0)
        if box.function_id is not None:
            strip = Box(box.box.x, box.box.y, m.STRIP_WIDTH, box.box.h)
            colour = box.function_color or st.NO_COLOR_STRIP
            look = _style(fillColor=colour, strokeColor="none") + fixed
            diagram.vertex(f"bpx/card/{card_id}/strip", strip, look, "", cell_id, origin=corner)
        for marker in box.markers:
            if marker.kind == "fail":
                look = _style("ellipse", fillColor=st.FAIL, fontColor="#FFFFFF", fontSize=7.5)
            else:  # the wait and improvement-plan pills, in the PDF's colours
                plan = marker.kind == "plan"
                look = _style(
                    rounded=1,
                    arcSize=50,
                    fillColor=st.PLAN if plan else st.WAIT,
                    fontColor="#FFFFFF" if plan else st.TEXT,
                    fontSize=m.DETAIL_SIZE,
                )
            look += _style(strokeColor="#FFFFFF", fontStyle=1, html=1) + fixed
            diagram.vertex(
                f"bpx/card/{card_id}/{marker.kind}",
                marker.box,
                look,
                label(marker.text),
                cell_id,
                origin=corner,
            )


def _along(
    points: tuple[tuple[float, float], ...], at: tuple[float, float]
) -> tuple[float, tuple[float, float]]:
    """Where `at` is along the polyline as draw.io places an edge label: -1 (start) to 1 (end), and
    the offset from that point of the line."""
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(points)]
    total = sum(lengths) or 1.0
    best = (math.inf, 0.0, (0.0, 0.0))
    walked = 0.0
    for (a, b), length in zip(itertools.pairwise(points), lengths, strict=True):
        t = (
            0.0
            if length == 0
            else max(
                0.0, min(1.0, ((at[0] - a[0]) * (b[0] - a[0]) + (at[1] - a[1]) * (b[1] - a[1])) / length**2)
            )
        )
        point = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
        distance = math.dist(point, at)
        if distance < best[0]:
            best = (distance, walked + t * length, point)
        walked += length
    _, position, point = best
    return 2 * position / total - 1, (at[0] - point[0], at[1] - point[1])


def _constraint(box: Box, point: tuple[float, float]) -> tuple[str, str]:
    """Where on `box` a line leaves or enters it, as fractions of its width and height."""

    def fraction(value: float) -> str:
        return f"{value:.5f}".rstrip("0").rstrip(".")

    return (
        fraction((point[0] - box.x) / box.w if box.w else 0.5),
        fraction((point[1] - box.y) / box.h if box.h else 0.5),
    )


def _links(diagram: _Diagram, doc: Blueprint, layout: Layout) -> None:
    for link in doc.links:
        route: Route | None = layout.routes.get(link.id)
        if route is None or len(route.points) < 2:
            continue
        source, target = layout.cards[link.source].box, layout.cards[link.target].box
        exit_x, exit_y = _constraint(source, route.points[0])
        entry_x, entry_y = _constraint(target, route.points[-1])
        colour = st.LOOP if route.kind == "loop" else st.HANDOFF if route.is_handoff else st.LINK
        edge_style = _style(
            edgeStyle="none",
            rounded=0,
            html=1,
            exitX=exit_x,
            exitY=exit_y,
            exitDx=0,
            exitDy=0,
            entryX=entry_x,
            entryY=entry_y,
            entryDx=0,
            entryDy=0,
            endArrow="block",
            endFill=1,
            endSize=5,
            strokeColor=colour,
            strokeWidth=1.3 if route.is_handoff else 0.8,
            fontSize=m.LINK_LABEL_SIZE,
            fontColor=st.HANDOFF if route.is_handoff else st.MUTED,
            labelBackgroundColor="#FFFFFF",
            labelBorderColor=st.HANDOFF if route.is_handoff else st.GRID,
        )
        if route.kind == "loop":
            edge_style += _style(dashed=1, dashPattern="4 2")
        if route.is_handoff:
            edge_style += _style(startArrow="box", startFill=1, startSize=3)
        if route.label_vertical:
            edge_style += _style(horizontal=0)
        placed = None
        if link.label and route.label_pos is not None:
            where, offset = _along(route.points, route.label_pos)
            placed = (where, 0.0, offset)
        data = {"blueprint_id": link.id, "blueprint_type": "link", "kind": link.kind}
        diagram.edge(
            f"bp-{link.id}",
            edge_style,
            list(route.points),
            label(link.label),
            CARDS_LAYER,
            (f"bp-{link.source}", f"bp-{link.target}"),
            data,
            placed,
        )


def export_drawio(doc: Blueprint, layout: Layout | None = None) -> bytes:
    """The .drawio file's bytes (UTF-8 XML, uncompressed)."""
    layout = layout or compute_layout(doc)
    diagram = _Diagram()
    _title(diagram, doc, layout)
    _grid(diagram, layout)
    _cards(diagram, doc, layout)
    _links(diagram, doc, layout)
    mxfile = ET.Element("mxfile", host="Service Blueprint Studio", compressed="false")
    page = ET.SubElement(
        mxfile, "diagram", id="blueprint", name=_clean(doc.title.strip())[:100] or "Blueprint"
    )
    model = ET.SubElement(
        page,
        "mxGraphModel",
        dx="0",
        dy="0",
        grid="0",
        gridSize="10",
        guides="1",
        tooltips="1",
        connect="1",
        arrows="1",
        fold="1",
        page="0",
        pageScale="1",
        pageWidth=_n(max(layout.width, 1)),
        pageHeight=_n(max(layout.height, 1)),
        math="0",
        shadow="0",
    )
    model.append(diagram.root)
    ET.indent(mxfile, space=" ")
    return ET.tostring(mxfile, encoding="utf-8", xml_declaration=True) + b"\n"
