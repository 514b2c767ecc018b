"""The canvas's everyday gestures, driven with real mouse and keyboard events; asserts on the document."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QLineEdit

from builders import blueprint_with, card
from ui_gestures import (
    at,
    card_centre,
    cell_centre,
    click,
    double_click,
    drag,
    key,
    open_window,
    type_text,
)


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders a coffee", channel="app"),
            card("c2", "frontstage", 0, "Takes the order", function="team-a"),
            card("c3", "frontstage", 0, "Greets the guest", function="team-a"),
            card("c4", "backstage", 1, "Brews it", function="team-b"),
        ],
        links=[("c1", "c2"), ("c2", "c4")],
    )
    return open_window(qtbot, doc)


def cards_of(window, lane, step):  # type: ignore[no-untyped-def]
    return [c.id for c in window.document.blueprint.cards_in_cell(lane, step)]


def test_double_click_empty_cell_and_type_a_title_creates_one_card(qtbot, window):  # type: ignore[no-untyped-def]
    double_click(qtbot, window, cell_centre(window, "support", "step2"))
    editor = window.view.inplace
    assert editor is not None
    qtbot.keyClicks(editor.edit, "Restock beans")
    key(qtbot, editor.edit, Qt.Key.Key_Return)
    [new] = window.document.blueprint.cards_in_cell("support", "step2")
    assert new.title == "Restock beans"
    assert window.selection.ids == (new.id,)
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert window.document.card(new.id) is None
    assert window.scene.cards.get(new.id) is None
    window.undo_stack.redo()
    assert window.document.card(new.id).title == "Restock beans"
    assert new.id in window.scene.cards


def test_enter_finishes_typing_a_new_card_and_does_not_reopen_the_editor(qtbot, window):  # type: ignore[no-untyped-def]
    double_click(qtbot, window, cell_centre(window, "support", "step2"))
    editor = window.view.inplace
    assert editor is not None
    line_edit = editor.edit
    qtbot.keyClicks(line_edit, "Restock beans")
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)
    qtbot.wait(20)
    [new] = window.document.blueprint.cards_in_cell("support", "step2")
    assert new.title == "Restock beans"
    assert window.view.inplace is None
    assert not [w for w in window.view.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert window.undo_stack.count() == 1
    # Enter on the canvas (documented: "Enter edits the selection") now opens the new card's title.
    qtbot.keyClick(window.view, Qt.Key.Key_Enter)
    assert window.view.inplace is not None
    assert window.view.inplace.text() == "Restock beans"
    qtbot.keyClick(window.view.inplace.edit, Qt.Key.Key_Enter)  # unchanged: no undo step, editor closed
    qtbot.wait(20)
    assert window.view.inplace is None
    assert window.undo_stack.count() == 1
    assert len(window.document.blueprint.cards_in_cell("support", "step2")) == 1


def test_escape_while_typing_a_new_card_creates_nothing(qtbot, window):  # type: ignore[no-untyped-def]
    before = len(window.document.blueprint.cards)
    double_click(qtbot, window, cell_centre(window, "support", "step2"))
    qtbot.keyClicks(window.view.inplace.edit, "Never mind")
    key(qtbot, window.view.inplace.edit, Qt.Key.Key_Escape)
    assert window.view.inplace is None
    assert len(window.document.blueprint.cards) == before
    assert window.undo_stack.count() == 0


def test_drag_a_card_to_another_cell_moves_it_as_one_undo_step(qtbot, window):  # type: ignore[no-untyped-def]
    target = cell_centre(window, "backstage", "step2")
    drag(qtbot, window, card_centre(window, "c4"), target, release=False)
    interaction = window.view.interaction
    assert interaction.highlight.isVisible()  # the target cell highlights
    assert interaction.target[:2] == ("backstage", "step2")
    qtbot.mouseRelease(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.mapFromScene(target)
    )
    c4 = window.document.card("c4")
    assert (c4.lane, c4.step) == ("backstage", "step2")
    assert window.undo_stack.count() == 1
    assert window.scene.layout.cards["c4"].step_id == "step2"
    window.undo_stack.undo()
    assert (window.document.card("c4").lane, window.document.card("c4").step) == ("backstage", "step1")
    window.undo_stack.redo()
    assert window.document.card("c4").step == "step2"


def test_drag_within_a_cell_reorders(qtbot, window):  # type: ignore[no-untyped-def]
    assert cards_of(window, "frontstage", "step0") == ["c2", "c3"]
    c3_box = window.scene.layout.cards["c3"].box
    c2_box = window.scene.layout.cards["c2"].box
    drag(qtbot, window, card_centre(window, "c3"), QPointF(c3_box.x + 20, c2_box.y + 3))
    assert cards_of(window, "frontstage", "step0") == ["c3", "c2"]
    window.undo_stack.undo()
    assert cards_of(window, "frontstage", "step0") == ["c2", "c3"]


def test_escape_cancels_a_drag(qtbot, window):  # type: ignore[no-untyped-def]
    drag(qtbot, window, card_centre(window, "c4"), cell_centre(window, "support", "step2"), release=False)
    key(qtbot, window.view, Qt.Key.Key_Escape)
    qtbot.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton)
    assert window.document.card("c4").lane == "backstage"
    assert window.undo_stack.count() == 0
    assert window.scene.cards["c4"].pos() == QPointF(0, 0)


def test_drag_from_the_connector_handle_onto_another_card_links_them(qtbot, window):  # type: ignore[no-untyped-def]
    handle = window.scene.cards["c3"].handle_centre()
    drag(qtbot, window, handle, card_centre(window, "c4"), release=False)
    assert window.view.interaction.line.scene() is window.scene  # the rubber line follows the mouse
    qtbot.mouseRelease(
        window.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.view.mapFromScene(card_centre(window, "c4")),
    )
    new = [link for link in window.document.blueprint.links if (link.source, link.target) == ("c3", "c4")]
    assert len(new) == 1
    assert new[0].id in window.scene.links
    window.undo_stack.undo()
    assert not any(link.source == "c3" for link in window.document.blueprint.links)
    window.undo_stack.redo()
    assert any((link.source, link.target) == ("c3", "c4") for link in window.document.blueprint.links)


def test_click_and_delete_removes_a_card_with_its_links_and_undo_restores(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "c2"))
    assert window.selection.ids == ("c2",)
    key(qtbot, window.view, Qt.Key.Key_Delete)
    assert window.document.card("c2") is None
    assert window.document.blueprint.links == []
    assert "c2" not in window.scene.cards
    window.undo_stack.undo()
    assert window.document.card("c2") is not None
    assert len(window.document.blueprint.links) == 2
    window.undo_stack.redo()
    assert window.document.card("c2") is None


def test_click_a_link_and_delete_it(qtbot, window):  # type: ignore[no-untyped-def]
    route = window.scene.layout.routes["l0"]
    (x0, y0), (x1, y1) = route.points[0], route.points[1]
    click(qtbot, window, QPointF((x0 + x1) / 2, (y0 + y1) / 2))
    assert window.selection.ids == ("l0",)
    key(qtbot, window.view, Qt.Key.Key_Delete)
    assert window.document.link("l0") is None
    assert window.document.card("c1") is not None
    window.undo_stack.undo()
    assert window.document.link("l0") is not None


def test_rubber_band_selects_cards_it_touches(qtbot, window):  # type: ignore[no-untyped-def]
    layout = window.scene.layout
    top_left = QPointF(
        layout.cells[("frontstage", "step0")].box.x + 2, layout.cells[("frontstage", "step0")].box.y + 2
    )
    drag(qtbot, window, top_left, card_centre(window, "c3"))
    assert set(window.selection.ids) >= {"c2", "c3"}
    assert "c4" not in window.selection.ids


def test_ctrl_click_adds_to_the_selection(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "c1"))
    click(qtbot, window, card_centre(window, "c4"), Qt.KeyboardModifier.ControlModifier)
    assert window.selection.ids == ("c1", "c4")
    assert window.scene.cards["c4"].selected_look


def test_f2_edits_a_title_in_place_with_unicode_as_one_undo_step(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "c2"))
    key(qtbot, window.view, Qt.Key.Key_F2)
    edit = window.view.inplace.edit
    edit.selectAll()
    type_text(edit, "Prend la commande — café ☕")
    key(qtbot, edit, Qt.Key.Key_Return)
    assert window.document.card("c2").title == "Prend la commande — café ☕"
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert window.document.card("c2").title == "Takes the order"


def test_double_click_a_card_edits_its_title(qtbot, window):  # type: ignore[no-untyped-def]
    double_click(qtbot, window, card_centre(window, "c4"))
    edit = window.view.inplace.edit
    assert edit.text() == "Brews it"
    edit.selectAll()
    qtbot.keyClicks(edit, "Brews the espresso")
    key(qtbot, edit, Qt.Key.Key_Return)
    assert window.document.card("c4").title == "Brews the espresso"


def test_copy_paste_keeps_links_among_the_copies(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "c1"))
    click(qtbot, window, card_centre(window, "c2"), Qt.KeyboardModifier.ControlModifier)
    key(qtbot, window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    click(qtbot, window, card_centre(window, "c4"))
    key(qtbot, window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    bp = window.document.blueprint
    assert len(bp.cards) == 6
    pasted = set(window.selection.ids)
    assert len(pasted) == 2 and pasted.isdisjoint({"c1", "c2", "c3", "c4"})
    assert all(window.document.card(i).step == "step1" for i in pasted)  # pasted at the selected card's cell
    assert [(link.source in pasted, link.target in pasted) for link in bp.links].count((True, True)) == 1
    window.undo_stack.undo()
    assert len(window.document.blueprint.cards) == 4


def test_cut_then_paste_moves_cards(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "c3"))
    key(qtbot, window.view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert window.document.card("c3") is None
    key(qtbot, window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    titles = [c.title for c in window.document.blueprint.cards]
    assert titles.count("Greets the guest") == 1


def test_duplicate_with_ctrl_d(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "c4"))
    key(qtbot, window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    copies = [c for c in window.document.blueprint.cards if c.title == "Brews it"]
    assert len(copies) == 2
    assert window.selection.ids == (copies[1].id,)
    assert window.undo_stack.count() == 1


def test_arrow_keys_move_the_selection_between_cards(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "c2"))
    key(qtbot, window.view, Qt.Key.Key_Down)
    assert window.selection.ids == ("c3",)
    key(qtbot, window.view, Qt.Key.Key_Right)
    assert window.selection.ids == ("c4",)
    key(qtbot, window.view, Qt.Key.Key_Up)
    assert window.selection.ids in {("c3",), ("c2",), ("c1",)}


def test_select_all_then_escape_clears(qtbot, window):  # type: ignore[no-untyped-def]
    window.view.setFocus()
    key(qtbot, window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert set(window.selection.ids) == {"c1", "c2", "c3", "c4"}
    key(qtbot, window.view, Qt.Key.Key_Escape)
    assert window.selection.ids == ()


def test_ctrl_wheel_zooms_and_ctrl_0_fits(qtbot, window):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    view = window.view
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom == pytest.approx(1.25)
    assert window.zoom_label.text() == "125%"
    key(qtbot, view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1.0)
    key(qtbot, view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    visible = view.visible_scene_rect()
    assert visible.width() >= window.scene.layout.width - 1
    assert visible.height() >= window.scene.layout.height - 1


def test_headers_stay_visible_while_scrolling(qtbot, window):  # type: ignore[no-untyped-def]
    view = window.view
    view.set_zoom(3.0)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    visible = view.visible_scene_rect()
    assert visible.left() > 0 and visible.top() > 0
    assert window.scene.lane_header.pos().x() == pytest.approx(visible.left(), abs=1)
    assert window.scene.top_header.pos().y() == pytest.approx(visible.top(), abs=1)


def test_middle_button_pans(qtbot, window):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    view = window.view
    view.set_zoom(3.0)
    bar = view.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    viewport = view.viewport()
    start = viewport.rect().center()
    qtbot.mousePress(viewport, Qt.MouseButton.MiddleButton, pos=start)
    qtbot.mouseMove(viewport, start - QPoint(200, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.MiddleButton)
    assert bar.value() == before + 200


def test_space_and_drag_pans(qtbot, window):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    view = window.view
    view.set_zoom(3.0)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    viewport = view.viewport()
    start = viewport.rect().center()
    qtbot.keyPress(view, Qt.Key.Key_Space)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(0, 100))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(0, 100))
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    assert bar.value() == before - 100
    assert window.undo_stack.count() == 0  # panning changes nothing in the document
    assert window.selection.ids == ()


def test_clicking_a_lane_name_selects_the_lane(qtbot, window):  # type: ignore[no-untyped-def]
    header = next(lane for lane in window.scene.layout.lanes if lane.lane_id == "backstage").header
    click(qtbot, window, QPointF(header.x + 10, header.y + header.h / 2))
    assert window.selection.ids == ("backstage",)
    assert window.scene.lane_header.selected == frozenset({"backstage"})
    key(qtbot, window.view, Qt.Key.Key_F2)
    edit = window.view.inplace.edit
    assert edit.text() == "Backstage"
    key(qtbot, edit, Qt.Key.Key_Escape)
    assert window.undo_stack.count() == 0


def test_double_click_a_link_and_type_what_is_handed_over(qtbot, window):  # type: ignore[no-untyped-def]
    route = window.scene.layout.routes["l1"]
    (x0, y0), (x1, y1) = route.points[0], route.points[1]
    double_click(qtbot, window, QPointF((x0 + x1) / 2, (y0 + y1) / 2))
    edit = window.view.inplace.edit
    qtbot.keyClicks(edit, "order ticket")
    key(qtbot, edit, Qt.Key.Key_Return)
    assert window.document.link("l1").label == "order ticket"
    assert len(window.document.blueprint.cards) == 4  # no card was created under the link
    window.undo_stack.undo()
    assert window.document.link("l1").label == ""


def test_a_link_label_sits_on_a_white_plate_between_links_and_cards(qtbot, window):  # type: ignore[no-untyped-def]
    assert window.scene.links["l1"].label is None  # no label, no plate item
    route = window.scene.layout.routes["l1"]
    (x0, y0), (x1, y1) = route.points[0], route.points[1]
    double_click(qtbot, window, QPointF((x0 + x1) / 2, (y0 + y1) / 2))
    edit = window.view.inplace.edit
    qtbot.keyClicks(edit, "order ticket with the table number and the time it was placed " * 3)
    key(qtbot, edit, Qt.Key.Key_Return)
    route = window.scene.layout.routes["l1"]
    assert route.label_shortened and route.label_text.endswith("\u2026")
    link = window.scene.links["l1"]
    label = link.label
    assert label.scene() is window.scene
    assert link.zValue() < label.zValue() < window.scene.cards["c2"].zValue()
    plate = label.boundingRect()
    pts = route.points
    length = max(abs(bx - ax) + abs(by - ay) for (ax, ay), (bx, by) in itertools.pairwise(pts))
    assert max(plate.width(), plate.height()) <= length + 4  # cut to its segment, as in the PDF
    window.view.centerOn(plate.center())
    qtbot.wait(20)
    image = window.view.viewport().grab().toImage()
    corner = window.view.mapFromScene(plate.topLeft() + QPointF(1.2, 1.2))
    assert image.pixelColor(corner).lightness() > 245  # the plate hides the band and the line under it
    click(qtbot, window, QPointF((x0 + x1) / 2, y0 + (y1 - y0) * 0.2))
    assert window.selection.ids == ("l1",)
    key(qtbot, window.view, Qt.Key.Key_Delete)
    assert window.document.link("l1") is None
    assert label.scene() is None and "l1" not in window.scene.links
    window.undo_stack.undo()
    assert window.scene.links["l1"].label.scene() is window.scene


def test_removing_a_selected_step_drops_it_from_the_selection(qtbot, window):  # type: ignore[no-untyped-def]
    window.selection.set(["step2", "c1"])
    window.canvas_editor.remove("step", "step2")
    assert "step2" not in window.selection.ids
    from blueprint.edit import RemoveCards

    window.canvas_editor.run(RemoveCards(("c1",)))
    assert window.selection.ids == ()


def test_scene_follows_function_and_title_edits(qtbot, window):  # type: ignore[no-untyped-def]
    from blueprint.edit import RemoveFunction, SetDocumentFields, SetFunctionFields
    from blueprint.layout import compute_layout

    editor = window.canvas_editor
    editor.run(SetFunctionFields("team-a", {"name": "Baristas", "color": "#123456"}))
    assert window.scene.cards["c2"].card_box.function_name == "Baristas"
    assert window.scene.cards["c2"].card_box.function_color == "#123456"
    editor.run(RemoveFunction("team-b"))
    assert window.scene.cards["c4"].card_box.function_id is None
    assert window.scene.layout == compute_layout(window.document.blueprint)
    window.undo_stack.undo()
    assert window.scene.cards["c4"].card_box.function_id == "team-b"
    assert window.scene.layout == compute_layout(window.document.blueprint)
    editor.run(SetDocumentFields({"title": "Coffee, faster"}))
    assert window.scene.corner.title == "Coffee, faster"


def test_shortcuts_do_not_fire_while_typing_in_place(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "c4"))
    key(qtbot, window.view, Qt.Key.Key_F2)
    edit = window.view.inplace.edit
    key(qtbot, edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # not Duplicate
    key(qtbot, edit, Qt.Key.Key_End)
    key(qtbot, edit, Qt.Key.Key_Delete)  # not Delete card
    assert len(window.document.blueprint.cards) == 4
    assert window.undo_stack.count() == 0
    key(qtbot, edit, Qt.Key.Key_Escape)


def test_hovering_a_card_shows_its_handle_and_tooltip(qtbot, window):  # type: ignore[no-untyped-def]
    item = window.scene.cards["c2"]
    qtbot.mouseMove(window.view.viewport(), at(window, card_centre(window, "c2")))
    qtbot.waitUntil(lambda: item.hovered, timeout=2000)
    assert "Takes the order" in item.toolTip()
    assert "Team A" in item.toolTip()


def test_holding_a_drag_at_the_edge_keeps_scrolling(qtbot, window):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    view = window.view
    view.set_zoom(3.0)
    view.horizontalScrollBar().setValue(0)
    view.verticalScrollBar().setValue(0)
    viewport = view.viewport()
    start = at(window, card_centre(window, "c1"))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    edge = QPoint(viewport.width() - 5, start.y())
    qtbot.mouseMove(viewport, start + QPoint(10, 0))
    qtbot.mouseMove(viewport, edge)
    before = view.horizontalScrollBar().value()
    qtbot.wait(300)
    assert view.horizontalScrollBar().value() > before  # it scrolled on while the mouse rested
    qtbot.mouseMove(viewport, edge - QPoint(60, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=edge - QPoint(60, 0))
    assert window.document.card("c1").step != "step0"


def test_line_labels_between_the_same_lanes_do_not_overlap(qtbot):  # type: ignore[no-untyped-def]
    from pathlib import Path

    from PySide6.QtGui import QFontMetricsF

    from blueprint.fileformat import load
    from blueprint.ui.canvas import style
    from blueprint.ui.canvas.grid_items import line_label_baselines

    path = Path(__file__).resolve().parents[2] / "samples" / "broken-handoffs.blueprint"
    window = open_window(qtbot, load(path), path)
    lines = window.scene.layout.lines
    assert abs(lines[0].y - lines[1].y) < 10  # lanes out of order: two lines a few points apart
    metrics = QFontMetricsF(style.font(style.LINE_LABEL_SIZE, italic=True))
    placed = line_label_baselines(window.scene.lane_header.layout)
    boxes = [metrics.tightBoundingRect(line.label).translated(6, baseline) for line, baseline in placed]
    assert len(boxes) == len(lines) == 3
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.intersects(b), (a, b)


def test_hovering_a_card_with_a_long_title_shows_the_whole_title(qtbot, window):  # type: ignore[no-untyped-def]
    title = "Restock the beans " + "and check the grinder settings before the morning rush " * 4 + "END"
    double_click(qtbot, window, cell_centre(window, "support", "step2"))
    qtbot.keyClicks(window.view.inplace.edit, title)
    key(qtbot, window.view.inplace.edit, Qt.Key.Key_Return)
    [new] = window.document.blueprint.cards_in_cell("support", "step2")
    assert window.scene.layout.cards[new.id].shortened  # the box shows only part of it
    item = window.scene.cards[new.id]
    click(qtbot, window, cell_centre(window, "support", "step0"))  # QTest holds the button after a dbl-click
    qtbot.mouseMove(window.view.viewport(), at(window, card_centre(window, new.id)))
    qtbot.waitUntil(lambda: item.hovered, timeout=2000)
    assert "before the morning rush END" in item.toolTip()
    assert "\u2026" not in item.toolTip()
