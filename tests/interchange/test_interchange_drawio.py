"""draw.io export, read back with an XML parser as draw.io reads it: the grid, every card at its layout
position in its colours, every link an edge between the cards' cells with the route's bends and its
label, the blueprint ids on the cells, and every text escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from blueprint.export import style as st
from blueprint.export.palette import CARD_COLORS
from blueprint.fileformat import load
from blueprint.interchange.drawio import export_drawio
from blueprint.layout import compute_layout
from blueprint.layout.emotion import emotion_label
from blueprint.model import Blueprint

from builders import blueprint_with, card

BADGE_FILLS = {"fail": st.FAIL, "wait": st.WAIT, "plan": st.PLAN}


def parsed(doc: Blueprint) -> tuple[ET.Element, dict[str, tuple[ET.Element, ET.Element | None]]]:
    """The `<root>` of the model and every cell by id: (its mxCell, its `<object>` or None)."""
    mxfile = ET.fromstring(export_drawio(doc))
    assert mxfile.tag == "mxfile" and mxfile.get("compressed") == "false"
    root = mxfile.find("diagram/mxGraphModel/root")
    assert root is not None
    cells: dict[str, tuple[ET.Element, ET.Element | None]] = {}
    for element in root:
        if element.tag == "object":
            cell, holder = element.find("mxCell"), element
        else:
            cell, holder = element, None
        assert cell is not None
        key = element.get("id") or ""
        assert key not in cells, f"cell id {key} is used twice"
        cells[key] = (cell, holder)
    return root, cells


def style(cell: ET.Element) -> dict[str, str]:
    return dict(part.split("=", 1) for part in (cell.get("style") or "").split(";") if "=" in part)


def geometry(cell: ET.Element) -> tuple[float, float, float, float]:
    g = cell.find("mxGeometry")
    assert g is not None
    return tuple(float(g.get(k, 0)) for k in ("x", "y", "width", "height"))  # type: ignore[return-value]


@pytest.fixture(scope="module")
def hotel() -> Blueprint:
    return load("samples/hotel-stay.blueprint")


def test_cells_0_and_1_come_first_and_the_grid_layer_is_locked(hotel: Blueprint) -> None:
    root, cells = parsed(hotel)
    assert [root[0].get("id"), root[1].get("id")] == ["0", "1"]
    assert root[1].get("parent") == "0" and "locked=1" in (root[1].get("style") or "")
    assert cells["bpx/layer/cards"][0].get("parent") == "0"


def test_lanes_stages_steps_and_lines_are_drawn_from_the_layout(hotel: Blueprint) -> None:
    layout = compute_layout(hotel)
    _, cells = parsed(hotel)
    for lane in layout.lanes:
        band, holder = cells[f"bp-{lane.lane_id}"]
        assert holder is not None and holder.get("blueprint_type") == "lane"
        assert geometry(band) == pytest.approx((lane.band.x, lane.band.y, lane.band.w, lane.band.h), abs=0.01)
        assert cells[f"bpx/lane/{lane.lane_id}/header"][0].get("value") == lane.name
    for stage in layout.stages:
        holder = cells[f"bp-{stage.stage_id}"][1]
        assert holder is not None and holder.get("label", "").startswith(stage.name)
    for step in layout.steps:
        assert cells[f"bp-{step.step_id}"][1].get("label") == step.name  # type: ignore[union-attr]
    free_edges = [c for c, _ in cells.values() if c.get("edge") == "1" and c.get("source") is None]
    line_edges = [c for c in free_edges if c.find("mxGeometry/mxPoint[@as='sourcePoint']") is not None]
    assert len(line_edges) >= len(layout.lines) == 3


def test_every_card_at_its_position_in_its_colours(hotel: Blueprint) -> None:
    layout = compute_layout(hotel)
    _, cells = parsed(hotel)
    for card_id, box in layout.cards.items():
        cell, holder = cells[f"bp-{card_id}"]
        assert holder is not None and holder.get("blueprint_id") == card_id
        assert holder.get("label") == hotel.cards_by_id()[card_id].title.replace("&", "&amp;")
        assert cell.get("parent") == "bpx/layer/cards" and cell.get("vertex") == "1"
        assert geometry(cell) == pytest.approx((box.box.x, box.box.y, box.box.w, box.box.h), abs=0.01)
        assert style(cell)["fillColor"] == CARD_COLORS[box.lane_kind][0]
        if box.function_id is not None:
            strip, _ = cells[f"bpx/card/{card_id}/strip"]
            assert strip.get("parent") == f"bp-{card_id}", "the strip moves with its card"
            assert style(strip)["fillColor"] == (box.function_color or "#9E9E9E")
            assert geometry(strip)[:2] == (0.0, 0.0)
        for marker in box.markers:
            badge, _ = cells[f"bpx/card/{card_id}/{marker.kind}"]
            assert badge.get("parent") == f"bp-{card_id}" and badge.get("value") == marker.text
            assert style(badge)["fillColor"] == BADGE_FILLS[marker.kind], "the PDF's badge colours"


def test_every_link_joins_its_cards_through_the_routes_bends(hotel: Blueprint) -> None:
    layout = compute_layout(hotel)
    _, cells = parsed(hotel)
    for link in hotel.links:
        edge, holder = cells[f"bp-{link.id}"]
        assert (
            holder is not None and holder.get("blueprint_id") == link.id and holder.get("label") == link.label
        )
        assert (edge.get("source"), edge.get("target")) == (f"bp-{link.source}", f"bp-{link.target}")
        route = layout.routes[link.id]
        bends = [float(p.get(k, 0)) for p in edge.findall("mxGeometry/Array/mxPoint") for k in ("x", "y")]
        assert bends == pytest.approx([v for point in route.points[1:-1] for v in point], abs=0.01)
        source = layout.cards[link.source].box
        first = style(edge)
        leaves = (source.x + float(first["exitX"]) * source.w, source.y + float(first["exitY"]) * source.h)
        assert leaves == pytest.approx(route.points[0], abs=0.02)


def test_text_is_escaped_and_characters_xml_cannot_carry_are_dropped() -> None:
    hostile = '<img src=x onerror="alert(1)"> & \x07bell'
    doc = blueprint_with(
        cards=[card("c1", "customer", 0, hostile), card("c2", "frontstage", 1, "ok", function="team-a")],
        links=[("c1", "c2", {"label": "<b>bold</b>"})],
    )
    _, cells = parsed(doc)
    assert cells["bp-c1"][1].get("label") == '&lt;img src=x onerror="alert(1)"&gt; &amp; bell'  # type: ignore[union-attr]
    assert cells["bp-l0"][1].get("label") == "&lt;b&gt;bold&lt;/b&gt;"  # type: ignore[union-attr]
    assert "html" in style(cells["bp-c1"][0])


def test_the_title_and_persona_stand_above_the_grid(hotel: Blueprint) -> None:
    _, cells = parsed(hotel)
    title, persona = cells["bpx/title"][0], cells["bpx/persona"][0]
    assert title.get("value") == "Business stay at Hôtel des Arts, Lyon" and title.get("parent") == "1"
    assert persona.get("value", "").startswith("Persona: Priya: Management consultant")
    assert geometry(title)[1] + geometry(title)[3] <= geometry(persona)[1] <= 0 - geometry(persona)[3]


def test_the_emotion_row_has_a_dot_and_a_value_per_step(hotel: Blueprint) -> None:
    curve = compute_layout(hotel).emotion
    assert curve is not None and curve.values
    _, cells = parsed(hotel)
    for (x, y), (step_id, value) in zip(curve.points, curve.values, strict=True):
        dot, _ = cells[f"bpx/feeling/{step_id}/dot"]
        left, top, w, h = geometry(dot)
        assert (left + w / 2, top + h / 2) == pytest.approx((x, y), abs=0.01)
        tone = st.EMOTION_UP if value > 0.25 else st.EMOTION_DOWN if value < -0.25 else st.EMOTION_FLAT
        assert style(dot)["fillColor"] == tone
        assert cells[f"bpx/feeling/{step_id}/value"][0].get("value") == emotion_label(value)


def test_element_ids_cannot_take_the_ids_of_drawn_parts() -> None:
    """Ids like the helper cells' old names (a lane "emotion", a card "layer-cards") stay distinct."""
    doc = blueprint_with(
        cards=[
            card("layer-cards", "customer", 0, "a"),
            card("emotion", "frontstage", 1, "b", function="team-a"),
        ],
        links=[("layer-cards", "emotion")],
    )
    _, cells = parsed(doc)  # asserts that every cell id is used once
    assert cells["bp-layer-cards"][1] is not None and cells["bpx/layer/cards"][0].get("parent") == "0"
