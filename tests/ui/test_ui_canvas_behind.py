"""A lane-shifting edit tells at once only the items a view shows; those out of sight are brought up
to date after the paint, before a view looks elsewhere, and whenever asked for by id. Whatever the
order, the canvas ends exactly as a freshly built one (places, paths, pixels)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QUndoStack
from pytestqt.qtbot import QtBot

from blueprint.edit import Document, MoveCard
from blueprint.layout.in_sight import route_candidates
from blueprint.ui.canvas.editing import CanvasEditor
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.canvas.view import BlueprintView
from blueprint.ui.selection import Selection

from builders import blueprint_with, card
from ui_gestures import canvas_view, scene_image

STEPS = 40


def wide_document() -> Document:
    """Forty steps; a card per lane and step, linked along each lane and down each column, so that
    making the customer lane taller renews well over a hundred cards and routes below it."""
    lanes = ["customer", "frontstage", "backstage", "support"]
    cards = [card(f"{lane[0]}{i}", lane, i, f"{lane} work {i}") for lane in lanes for i in range(STEPS)]
    cards.append(card("extra", "support", 1, "Logs a question"))
    links: list = []
    for lane in lanes:
        links += [(f"{lane[0]}{i}", f"{lane[0]}{i + 1}", {"label": f"then {i}"}) for i in range(STEPS - 1)]
    links += [(f"f{i}", f"b{i}") for i in range(STEPS)]
    return Document(blueprint_with(cards=cards, links=links, lanes=lanes, steps=STEPS))


def shown(qtbot: QtBot, document: Document) -> tuple[BlueprintView, BlueprintScene, CanvasEditor, QUndoStack]:
    return canvas_view(qtbot, document, 500, 700)


def render(scene: BlueprintScene) -> QImage:
    return scene_image(scene, QRectF(0, 0, scene.extent.width(), scene.extent.height()))


def assert_as_fresh(scene: BlueprintScene, document: Document) -> None:
    fresh = BlueprintScene(document, Selection())
    fresh.catch_up()
    while not fresh.complete:
        fresh._make_more()
    assert not scene.has_behind
    for card_id, item in dict.items(scene.cards):
        assert item.card_box == fresh.cards[card_id].card_box
        assert item.sceneBoundingRect() == fresh.cards[card_id].sceneBoundingRect()
    for link_id, item in dict.items(scene.links):
        other = fresh.links[link_id]
        assert item.route == other.route and item.sceneBoundingRect() == other.sceneBoundingRect()
        assert item.path() == other.path()
        if item.label is not None:
            assert item.label.sceneBoundingRect() == other.label.sceneBoundingRect()  # type: ignore[union-attr]
    assert render(scene) == render(fresh)
    fresh.detach()


def lane_shift(editor: CanvasEditor, scene: BlueprintScene) -> None:
    before = [lane.band.h for lane in scene.layout.lanes]
    editor.run(MoveCard("extra", "customer", "step0"))  # two cards in one cell: the lane grows
    assert [lane.band.h for lane in scene.layout.lanes] != before


@pytest.mark.usefixtures("qapp")
def test_items_out_of_sight_catch_up_after_the_paint(qtbot: QtBot) -> None:
    document = wide_document()
    view, scene, editor, stack = shown(qtbot, document)
    lane_shift(editor, scene)
    assert scene.has_behind  # the far columns were left for after the paint
    visible = view.visible_scene_rect()
    for item in dict.values(scene.cards):  # what the view shows is told at once
        b = item.card_box.box
        if QRectF(b.x, b.y, b.w, b.h).intersects(visible):
            assert item.card_box is scene.layout.cards[item.card_id]
    far = f"b{STEPS - 1}"
    assert dict.__getitem__(scene.cards, far).card_box is not scene.layout.cards[far]
    assert scene.cards[far].card_box is scene.layout.cards[far]  # asked for by id: brought up to date
    qtbot.waitUntil(lambda: not scene.has_behind)  # the rest, a chunk per turn after the paint
    assert_as_fresh(scene, document)
    stack.undo()
    qtbot.waitUntil(lambda: not scene.has_behind)
    assert_as_fresh(scene, document)


@pytest.mark.usefixtures("qapp")
def test_looking_elsewhere_brings_everything_up_to_date_first(qtbot: QtBot) -> None:
    document = wide_document()
    view, scene, editor, stack = shown(qtbot, document)
    lane_shift(editor, scene)
    stack.undo()  # left behind twice: the items' routes are two layouts old
    lane_shift(editor, scene)
    assert scene.has_behind
    far = view.horizontalScrollBar().maximum()
    view.horizontalScrollBar().setValue(far)
    # the view paints the far columns (no event loop turn): they are drawn where they are now
    painted = view.grab().toImage()
    visible = view.visible_scene_rect()
    for item in dict.values(scene.cards):  # what the view shows was brought up to date first
        if item.sceneBoundingRect().intersects(visible) or item.card_id in {f"b{STEPS - 1}", f"s{STEPS - 1}"}:
            assert item.card_box is scene.layout.cards[item.card_id]
    fresh_view, fresh_scene, _, _ = shown(qtbot, document)
    fresh_view.horizontalScrollBar().setValue(far)
    assert fresh_view.grab().toImage() == painted  # as a fresh canvas shows the same place
    qtbot.waitUntil(lambda: not scene.has_behind)  # the rest after the paint, a chunk per turn
    view.horizontalScrollBar().setValue(0)  # the frozen headers back where a fresh scene has them
    assert_as_fresh(scene, document)
    fresh_scene.detach()


@pytest.mark.usefixtures("qapp")
def test_a_far_look_right_after_a_lane_shift_brings_up_to_date_only_what_it_shows(qtbot: QtBot) -> None:
    document = wide_document()
    view, scene, editor, _ = shown(qtbot, document)
    lane_shift(editor, scene)
    behind = len(scene._behind)
    assert behind > 50
    view.resize(260, 700)  # a narrow view: most of the far columns stay out of its sight too
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum() // 2)
    view.grab()
    assert 0 < len(scene._behind) < behind  # what it shows was told, the rest is still to come
    qtbot.waitUntil(lambda: not scene.has_behind)
    view.horizontalScrollBar().setValue(0)  # the frozen headers back where a fresh scene has them
    assert_as_fresh(scene, document)


@pytest.mark.usefixtures("qapp")
def test_a_new_sight_finds_every_item_behind_it_shows(qtbot: QtBot) -> None:
    """The fast search (old places from Qt's index, new ones from the layout) misses no item that
    `_shows` would bring up to date, wherever the sight, after one lane shift and after two."""
    document = wide_document()
    _view, scene, editor, stack = shown(qtbot, document)
    for shifts in (1, 2):
        if shifts == 2:
            stack.undo()  # left behind twice: items two layouts old
        lane_shift(editor, scene)
        scene.finish_layout()
        behind = list(scene._behind)
        assert len(behind) > 50  # more than the few asked one by one
        assert route_candidates(scene.layout, (0.0, 0.0, 1.0, 1.0)) is not None  # found, not asked
        width, height = scene.extent.width(), scene.extent.height()
        bands = [(y, y + 30) for y in range(0, int(height), 25)]  # thin: old places apart from new
        for x in range(0, int(width), 700):
            for top, bottom in [*bands, (-50, height + 50)]:
                sight = (float(x), float(top), float(x + 500), float(bottom))
                shown_there = {i for i in behind if scene._shows(i, sight)}
                found = scene._seen_behind(sight)
                assert shown_there <= set(found), (sight, sorted(shown_there - set(found))[:5])
                assert set(found) <= set(behind) and len(found) == len(set(found))
    qtbot.waitUntil(lambda: not scene.has_behind)
    assert_as_fresh(scene, document)
