"""A card move that makes a lane taller shifts everything below it; the scene moves those items instead
of rebuilding them (and keeps its scene rect and grid items). Whatever it does, the result must be
exactly what a scene built from scratch on the same document shows: same places, same paths, same
pixels, and hit tests that find the moved items where they now are."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainterPath, QUndoStack

from blueprint.edit import Document, MoveCard, RemoveCards
from blueprint.ui.canvas.editing import CanvasEditor
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.selection import Selection

from builders import blueprint_with, card
from ui_gestures import scene_image


def shifting_document() -> Document:
    """Two cards stacked in customer/step0; moving c2 there makes the customer lane taller, so the
    frontstage, backstage and support lanes (their cards, the links among them and the links that
    cross into them, with labels, markers and badges) all move down."""
    return Document(
        blueprint_with(
            cards=[
                card("c0", "customer", 0, "Books a table online"),
                card("c1", "customer", 0, "Gets a confirmation"),
                card("c2", "customer", 1, "Arrives"),
                card("f0", "frontstage", 0, "Host greets", fail_point={"note": "nobody at the door"}),
                card("f1", "frontstage", 1, "Seats the guests", function="team-a"),
                card("b0", "backstage", 1, "Kitchen prepares", wait_point={"minutes": 12}),
                card("b1", "backstage", 2, "Plates the order", function="team-b"),
                card("s0", "support", 2, "Booking system"),
            ],
            links=[
                ("c0", "f0", {"label": "booking"}),  # crosses into the moving lanes
                ("f0", "f1"),
                ("f1", "b0", {"label": "order ticket"}),  # wholly below the taller lane
                ("b0", "b1"),
                ("b1", "s0", {"label": "stock"}),
                ("c2", "b1"),
            ],
            steps=3,
        )
    )


FINDINGS = {
    "b0": [type("F", (), {"severity": "error", "code": "BP101", "message": "m"})()],
    "s0": [type("F", (), {"severity": "warning", "code": "BP102", "message": "m"})()] * 2,
}


def fresh_scene(document: Document, selection: Selection) -> BlueprintScene:
    scene = BlueprintScene(document, selection)
    scene.set_findings(FINDINGS)
    return scene


def points(path: QPainterPath) -> list[float]:
    return [c for i in range(path.elementCount()) for c in (path.elementAt(i).x, path.elementAt(i).y)]


def rect_tuple(rect: QRectF) -> tuple[float, float, float, float]:
    return (rect.x(), rect.y(), rect.width(), rect.height())


def render(scene: BlueprintScene, source: QRectF) -> QImage:
    return scene_image(scene, source)


def assert_drawn_as_fresh(scene: BlueprintScene, fresh: BlueprintScene) -> None:
    assert scene.cards.keys() == fresh.cards.keys() and scene.links.keys() == fresh.links.keys()
    for card_id, item in scene.cards.items():
        other = fresh.cards[card_id]
        assert item.card_box == other.card_box
        assert rect_tuple(item.sceneBoundingRect()) == pytest.approx(rect_tuple(other.sceneBoundingRect()))
        assert rect_tuple(item.rect()) == pytest.approx(rect_tuple(other.rect()))
    for link_id, item in scene.links.items():
        other = fresh.links[link_id]
        assert item.route == other.route
        mine = points(item.sceneTransform().map(item.path()))
        assert mine == pytest.approx(points(other.sceneTransform().map(other.path())))
        arrow = [c for p in item.sceneTransform().map(item.arrow_head()) for c in (p.x(), p.y())]
        fresh_arrow = [c for p in other.sceneTransform().map(other.arrow_head()) for c in (p.x(), p.y())]
        assert arrow == pytest.approx(fresh_arrow)
        assert rect_tuple(item.sceneBoundingRect()) == pytest.approx(rect_tuple(other.sceneBoundingRect()))
        assert (item.label is None) == (other.label is None)
        if item.label is not None and other.label is not None:
            assert item.label.scene() is scene
            assert rect_tuple(item.label.sceneBoundingRect()) == pytest.approx(
                rect_tuple(other.label.sceneBoundingRect())
            )
    assert scene.layout.lanes == fresh.layout.lanes and scene.extent == fresh.extent
    source = QRectF(0, 0, scene.extent.width(), scene.extent.height())
    assert render(scene, source) == render(fresh, source)  # the same pixels, badges and labels included


def assert_hits_where_drawn(scene: BlueprintScene) -> None:
    """Qt's item index follows the moves: each card and link is found where it is now drawn."""
    for card_id, item in scene.cards.items():
        assert scene.card_at(item.rect().center()) is item, card_id
    for link_id, item in scene.links.items():
        (x0, y0), (x1, y1) = item.route.points[0], item.route.points[1]
        middle = QPointF((x0 + x1) / 2, (y0 + y1) / 2)
        assert item in scene.items(middle), link_id  # (another link may lie over it there)


@pytest.mark.usefixtures("qapp")
def test_a_lane_shifting_move_draws_everything_where_a_fresh_scene_does() -> None:
    document, selection, stack = shifting_document(), Selection(), QUndoStack()
    scene = fresh_scene(document, selection)
    editor = CanvasEditor(document, stack, selection)
    selection.set(["b1", "l2"])  # a selected card and a selected link move too
    lanes_before = {lane.lane_id: lane.band.y for lane in scene.layout.lanes}
    grid_items = (scene.grid, scene.lane_header, scene.top_header, scene.corner)

    editor.run(MoveCard("c2", "customer", "step0"))

    moved = [lane for lane in scene.layout.lanes if lane.band.y != lanes_before[lane.lane_id]]
    assert [lane.lane_id for lane in moved] == ["frontstage", "backstage", "support"]
    assert any(route.shifted_by for route in scene.layout.routes.values())  # the move-the-item path ran
    assert (scene.grid, scene.lane_header, scene.top_header, scene.corner) == grid_items  # kept, updated
    assert_drawn_as_fresh(scene, fresh_scene(document, selection))
    assert_hits_where_drawn(scene)

    stack.undo()  # the lane shrinks back: everything moves up again
    assert {lane.lane_id: lane.band.y for lane in scene.layout.lanes} == lanes_before
    assert_drawn_as_fresh(scene, fresh_scene(document, selection))
    assert_hits_where_drawn(scene)
    scene.detach()


@pytest.mark.usefixtures("qapp")
def test_labels_leave_and_rejoin_the_scene_with_their_links() -> None:
    document, selection, stack = shifting_document(), Selection(), QUndoStack()
    scene = fresh_scene(document, selection)
    editor = CanvasEditor(document, stack, selection)
    label = scene.links["l2"].label
    assert label is not None and label.scene() is scene
    editor.run(RemoveCards(("f1",)))  # takes the links l1 and l2 with it
    assert "l2" not in scene.links and label.scene() is None
    stack.undo()
    assert scene.links["l2"].label is not None and scene.links["l2"].label.scene() is scene
    assert_drawn_as_fresh(scene, fresh_scene(document, selection))
    scene.detach()


@pytest.mark.usefixtures("qapp")
def test_every_kind_of_edit_in_a_row_and_their_undo_draw_what_a_fresh_scene_does() -> None:
    """The editor tells relayout what each edit touched (no pass over the document): a sequence of
    every kind of edit, then every undo, leaves the canvas exactly as a scene built afresh."""
    from blueprint.edit import AddCard, AddLink, SetCardFields, new_card
    from blueprint.model import Link

    document, selection, stack = shifting_document(), Selection(), QUndoStack()
    scene = fresh_scene(document, selection)
    editor = CanvasEditor(document, stack, selection)
    edits = [
        MoveCard("c2", "customer", "step0"),  # a lane grows
        AddCard(new_card(document, "backstage", "step1", "Checks the stock twice over")),
        SetCardFields("f1", {"title": "Seats the guests at the window table by the door"}),
        AddLink(Link(id="l9", source="c0", target="s0", label="booking sync")),
        SetCardFields("b0", {"function": "team-a"}),
        RemoveCards(("f0",)),  # with its links
        MoveCard("b1", "support", "step0", 0),
        MoveCard("c2", "customer", "step2"),  # the lane shrinks back
    ]
    for op in edits:
        assert editor.run(op), op
        assert_drawn_as_fresh(scene, fresh_scene(document, selection))
    while stack.canUndo():
        stack.undo()
        assert_drawn_as_fresh(scene, fresh_scene(document, selection))
    assert_hits_where_drawn(scene)
    scene.detach()


def test_fit_to_window_centres_the_blueprint(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui_gestures import open_window

    window = open_window(qtbot, shifting_document().blueprint)
    view = window.view
    view.fit()
    qtbot.wait(20)  # the scroll bars go away (the window lays itself out again)
    shown = view.mapFromScene(view.sceneRect()).boundingRect()
    port = view.viewport().rect()
    assert abs(shown.center().x() - port.center().x()) <= 2
    assert abs(shown.center().y() - port.center().y()) <= 2
    assert port.contains(shown.adjusted(1, 1, -1, -1))
