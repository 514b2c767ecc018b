"""A lane-shifting edit of a big blueprint repaints from a preview exact where the views look
(`layout/preview.py`); the exact layout follows beside the editor and replaces it (`canvas/pending.py`).
Whatever happens meanwhile (another edit, undo and redo, a look elsewhere, the window closing), the
canvas ends exactly as a freshly built one, and its layout is the document's exact layout."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from test_ui_canvas_behind import STEPS, assert_as_fresh, lane_shift, wide_document

import blueprint.ui.canvas.scene as scene_module
from blueprint.edit import Document, MoveCard, RemoveCards, SetCardFields
from blueprint.layout import compute_layout
from blueprint.ui.canvas.editing import CanvasEditor
from blueprint.ui.canvas.find_marks import FindMarks
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.canvas.view import BlueprintView

from ui_gestures import canvas_view, open_window


@pytest.fixture(autouse=True)
def _preview_at_any_size(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The preview is used from `PREVIEW_FROM` cards; these blueprints are small, for speed.

    The scenes these tests leave in reference cycles are collected here, on the UI thread: left to
    a later collection, one ran on a findings worker thread of the next test's window (the collector
    comes back on there at the start of each check) and destroyed them there, which crashed."""
    monkeypatch.setattr(scene_module, "PREVIEW_FROM", 0)
    yield
    gc.collect()


def shown(qtbot: QtBot, document: Document) -> tuple[BlueprintView, BlueprintScene, CanvasEditor, QUndoStack]:
    return canvas_view(qtbot, document, 500, 700)


def exact(qtbot: QtBot, scene: BlueprintScene) -> None:
    """Let the exact layout arrive from the worker and the items out of sight catch up."""
    qtbot.waitUntil(lambda: not scene.exact_pending)
    qtbot.waitUntil(lambda: not scene.has_behind)


def assert_exact(scene: BlueprintScene, document: Document) -> None:
    assert not scene.exact_pending
    assert scene.layout == compute_layout(document.blueprint)
    assert_as_fresh(scene, document)


@pytest.mark.usefixtures("qapp")
def test_a_lane_shift_shows_a_preview_then_the_exact_layout_without_telling_the_items_in_sight_again(
    qtbot: QtBot,
) -> None:
    document = wide_document()
    _view, scene, editor, _stack = shown(qtbot, document)
    lane_shift(editor, scene)
    assert scene.exact_pending and scene.has_behind
    preview = scene.layout
    truth = compute_layout(document.blueprint)
    assert preview.lanes == truth.lanes and preview.height == truth.height  # the grid is exact at once
    told = preview.renewed_cards
    assert told and all(preview.cards[i] == truth.cards[i] for i in told)
    far = f"b{STEPS - 1}"
    assert far not in told and preview.cards[far] != truth.cards[far]  # out of sight: as before
    repainted: list[str] = []
    for card_id in told:  # the items the preview told are not told again when the exact layout comes
        item = dict.__getitem__(scene.cards, card_id)
        item.setRect = item.update = lambda *_, i=card_id: repainted.append(i)  # type: ignore[method-assign]
    qtbot.waitUntil(lambda: not scene.exact_pending)
    assert repainted == []
    assert all(dict.__getitem__(scene.cards, i).card_box is scene.layout.cards[i] for i in told)
    for card_id in told:
        del dict.__getitem__(scene.cards, card_id).setRect, dict.__getitem__(scene.cards, card_id).update
    exact(qtbot, scene)
    assert_exact(scene, document)


@pytest.mark.usefixtures("qapp")
def test_an_item_asked_for_beyond_the_preview_waits_for_the_exact_layout(qtbot: QtBot) -> None:
    document = wide_document()
    _view, scene, editor, _stack = shown(qtbot, document)
    lane_shift(editor, scene)
    assert scene.exact_pending
    far = f"b{STEPS - 1}"
    item = scene.cards[far]  # e.g. to centre on it: it must be where the exact layout puts it
    assert not scene.exact_pending
    assert item.card_box == compute_layout(document.blueprint).cards[far]
    exact(qtbot, scene)
    assert_exact(scene, document)


@pytest.mark.usefixtures("qapp")
def test_a_look_beyond_the_preview_paints_the_exact_layout(qtbot: QtBot) -> None:
    document = wide_document()
    view, scene, editor, _stack = shown(qtbot, document)
    lane_shift(editor, scene)
    assert scene.exact_pending
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    painted = view.grab().toImage()  # (no turn of the event loop: the view asks before it paints)
    assert not scene.exact_pending
    fresh_view, fresh_scene, _, _ = shown(qtbot, document)
    fresh_view.horizontalScrollBar().setValue(fresh_view.horizontalScrollBar().maximum())
    assert fresh_view.grab().toImage() == painted
    fresh_scene.detach()
    exact(qtbot, scene)
    view.horizontalScrollBar().setValue(0)  # the frozen headers back where a fresh scene has them
    assert_exact(scene, document)


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("started", [False, True], ids=["before the worker started", "while it works"])
def test_an_edit_right_after_a_lane_shift_starts_from_its_exact_layout(qtbot: QtBot, started: bool) -> None:
    document = wide_document()
    _view, scene, editor, _stack = shown(qtbot, document)
    lane_shift(editor, scene)
    if started:
        scene._start_exact()
    editor.run(SetCardFields("b3", {"title": "Plates the order"}))  # waits for the exact layout, then edits
    assert document.card("b3").title == "Plates the order"  # type: ignore[union-attr]
    assert document.card("extra").lane == "customer"  # type: ignore[union-attr]
    before = [lane.band.h for lane in scene.layout.lanes]
    editor.run(MoveCard("c5", "customer", "step0"))  # three cards in one cell: taller again
    assert [lane.band.h for lane in scene.layout.lanes] != before and scene.exact_pending
    editor.run(MoveCard("f7", "frontstage", "step8"))  # and one more, straight after
    exact(qtbot, scene)
    assert_exact(scene, document)


@pytest.mark.usefixtures("qapp")
def test_undo_and_redo_through_previews(qtbot: QtBot) -> None:
    document = wide_document()
    _view, scene, editor, stack = shown(qtbot, document)
    lane_shift(editor, scene)
    stack.undo()  # the lane shrinks back: a preview again, after the first one's exact layout
    assert document.card("extra").lane == "support" and scene.exact_pending  # type: ignore[union-attr]
    exact(qtbot, scene)
    assert_exact(scene, document)
    stack.redo()
    stack.undo()
    stack.redo()
    exact(qtbot, scene)
    assert_exact(scene, document)
    editor.run(RemoveCards(("c0",)))  # the customer lane shrinks back: a card and its links gone
    assert scene.exact_pending and "c0" not in scene.cards and document.card("c0") is None
    stack.undo()  # and back, with its links
    assert "c0" in scene.cards  # (previewed or not: links come back with it)
    exact(qtbot, scene)
    assert_exact(scene, document)


@pytest.mark.usefixtures("qapp")
def test_the_window_closes_while_the_exact_layout_is_worked_out(qtbot: QtBot) -> None:
    document = wide_document()
    window = open_window(qtbot, document.blueprint)
    scene = window.scene
    window.view.zoom_actual()
    lane_shift(window.view.editor, scene)
    assert scene.exact_pending
    scene._start_exact()
    window.undo_stack.setClean()
    window.close()  # the scene lets the worker finish reading the document, and drops its result
    assert not scene.exact_pending
    qtbot.wait(1)  # (the worker's word arrives, for nobody)


@pytest.mark.usefixtures("qapp")
def test_find_highlights_made_from_a_preview_follow_the_exact_layout(qtbot: QtBot) -> None:
    document = wide_document()
    _view, scene, editor, _stack = shown(qtbot, document)
    marks = FindMarks()
    scene.addItem(marks)
    lane_shift(editor, scene)
    far = f"b{STEPS - 1}"
    marks.mark(scene.layout, [far, "f0"])  # as Find does after every edit: the far card from the preview
    qtbot.waitUntil(lambda: not scene.exact_pending)
    fresh = FindMarks()
    fresh.mark(compute_layout(document.blueprint), [far, "f0"])
    assert marks.path() == fresh.path()
    exact(qtbot, scene)


@pytest.mark.usefixtures("qapp")
def test_items_left_behind_wait_while_the_exact_layout_is_worked_out(qtbot: QtBot) -> None:
    document = wide_document()
    _view, scene, editor, stack = shown(qtbot, document)
    lane_shift(editor, scene)
    scene.finish_layout()  # the exact layout shown: the far items are left behind
    behind = len(scene._behind)
    assert behind > 50
    stack.undo()  # another preview; its exact layout worked out beside the editor
    scene._start_exact()
    waiting = len(scene._behind)
    scene._catch_up()  # (a chunk's turn) nothing: each item would wait for the worker's interpreter
    assert len(scene._behind) == waiting > 0 and scene.exact_pending
    exact(qtbot, scene)  # then the rest catch up, after the exact layout
    assert_exact(scene, document)
