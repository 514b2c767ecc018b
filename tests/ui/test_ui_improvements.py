"""Improvement plans in the editor, driven as a designer does: "Plan an improvement…" from a card's, a
link's, a selection's and a finding's menu, the Improvements dock, every field in the Inspector (the
due date's calendar and Clear), the fail point's owner, and the "Plan" marker on the canvas. Each
change is one undo step; the assertions are on the document."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QInputDialog

from blueprint.model import FailPoint

from builders import blueprint_with, card
from menu_gestures import right_click_pick, right_click_widget_pick
from ui_gestures import card_centre, click, key, look, open_window, type_text, when_dialog_opens

CTRL = Qt.KeyboardModifier.ControlModifier
PLAN = "Plan an improvement…"


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders a coffee in the app"),
            card(
                "c2",
                "frontstage",
                0,
                "Barista takes the order",
                function="team-a",
                fail_point={"note": "Orders get lost at rush hour", "severity": "high"},
            ),
            card("c3", "backstage", 1, "Makes the drink", function="team-b"),
            card("c4", "customer", 1, "Picks up the drink", fail_point={"note": "Cannot find it"}),
        ],
        links=[("c1", "c2"), ("c2", "c3"), ("c3", "c4")],
        improvements=[
            {"id": "p1", "title": "Pickup shelf by the door", "targets": ["c4"], "status": "planned"},
        ],
    )
    return open_window(qtbot, doc)


def answer_title(title: str) -> dict:  # type: ignore[type-arg]
    """Answer the next "Plan an improvement" dialog with `title` (typed over the suggestion)."""

    def answer(dialog):  # type: ignore[no-untyped-def]
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue(title)
        dialog.accept()

    return when_dialog_opens(answer)


def plans(window) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return {plan.id: plan for plan in window.document.blueprint.improvements}


def test_a_card_menu_plans_an_improvement_for_the_card_in_one_step(qtbot, window):  # type: ignore[no-untyped-def]
    answer_title("Order screen for the barista")
    offered = right_click_pick(window, card_centre(window, "c2"), PLAN)
    assert PLAN in offered
    new = [p for p in window.document.blueprint.improvements if p.id != "p1"]
    assert len(new) == 1
    plan = new[0]
    assert (plan.title, plan.targets, plan.owner, plan.status) == (
        "Order screen for the barista",
        ["c2"],
        "team-a",  # the card's function owns its fail point
        "proposed",
    )
    # the new plan is selected: the Inspector edits it, the dock highlights it
    assert window.selection.ids == (plan.id,)
    inspector = window.panel("InspectorPanel")
    assert inspector.pages.currentWidget() is inspector.plan_form
    dock = window.panel("ImprovementsPanel")
    assert dock.tree.currentItem().text(0) == "Order screen for the barista"
    # the card carries the marker, drawn from the layout
    assert [m.kind for m in window.scene.layout.cards["c2"].markers] == ["fail", "plan"]
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert list(plans(window)) == ["p1"]
    assert [m.kind for m in window.scene.layout.cards["c2"].markers] == ["fail"]


def test_the_suggested_title_comes_from_the_fail_point(qtbot, window):  # type: ignore[no-untyped-def]
    seen: dict = {}  # type: ignore[type-arg]

    def cancel(dialog):  # type: ignore[no-untyped-def]
        seen["suggested"] = dialog.textValue()
        dialog.reject()

    when_dialog_opens(cancel)
    right_click_pick(window, card_centre(window, "c2"), PLAN)
    assert seen["suggested"] == "Fix: Orders get lost at rush hour"
    assert list(plans(window)) == ["p1"]  # cancelled: nothing planned
    assert window.undo_stack.count() == 0


def test_a_selection_plans_for_all_its_cards_and_links(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "c2"))
    click(qtbot, window, card_centre(window, "c3"), CTRL)
    answer_title("One queue for app and counter")
    right_click_pick(window, card_centre(window, "c3"), PLAN)
    [plan] = [p for p in window.document.blueprint.improvements if p.id != "p1"]
    assert plan.targets == ["c2", "c3"]


def test_a_link_menu_plans_for_the_link(qtbot, window):  # type: ignore[no-untyped-def]
    route = window.scene.layout.routes["l1"]
    (x0, y0), (x1, y1) = route.points[0], route.points[1]
    from PySide6.QtCore import QPointF

    answer_title("Ticket printer in the kitchen")
    offered = right_click_pick(window, QPointF((x0 + x1) / 2, (y0 + y1) / 2), PLAN)
    assert "Reverse direction" in offered
    [plan] = [p for p in window.document.blueprint.improvements if p.id != "p1"]
    assert plan.targets == ["l1"]
    row = window.panel("ImprovementsPanel").row_of(plan.id)
    assert row.text(4) == "Barista takes the order → Makes the drink"


def test_add_to_improvement_puts_the_card_into_a_plan(qtbot, window):  # type: ignore[no-untyped-def]
    right_click_pick(window, card_centre(window, "c1"), "Add to improvement", "Pickup shelf by the door")
    assert plans(window)["p1"].targets == ["c4", "c1"]
    assert window.undo_stack.undoText() == "Add to improvement"
    assert [m.kind for m in window.scene.layout.cards["c1"].markers] == ["plan"]


def test_a_finding_menu_plans_for_its_cards_with_the_finding_as_description(qtbot, window):  # type: ignore[no-untyped-def]
    findings = window.findings_watch.run_now()
    panel = window.panel("FindingsPanel")
    row = next(r for r in panel.rows() if r.data(0, Qt.ItemDataRole.UserRole).code == "BP109")
    finding = row.data(0, Qt.ItemDataRole.UserRole)
    assert finding in findings and finding.elements == ("c4",)
    tree = panel.tree
    tree.scrollToItem(row)
    answer_title("Owner for the pickup")
    offered = right_click_widget_pick(tree.viewport(), tree.visualItemRect(row).center(), PLAN)
    assert offered == ["Select on the blueprint", PLAN, "What does BP109 mean?", "Copy the message"]
    [plan] = [p for p in window.document.blueprint.improvements if p.id != "p1"]
    assert plan.targets == ["c4"]
    assert plan.description == f"BP109: {finding.message}"


def test_the_dock_lists_plans_and_a_click_opens_one_in_the_inspector(qtbot, window):  # type: ignore[no-untyped-def]
    dock = window.panel("ImprovementsPanel")
    dock.raise_()
    row = dock.row_of("p1")
    assert [row.text(i) for i in range(5)] == [
        "Pickup shelf by the door",
        "Planned",
        "",
        "",
        "Picks up the drink",
    ]
    tree = dock.tree
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(row).center())
    assert window.selection.ids == ("p1",)
    inspector = window.panel("InspectorPanel")
    assert inspector.pages.currentWidget() is inspector.plan_form
    assert inspector.plan_form.title.text() == "Pickup shelf by the door"
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(row).center())
    assert window.selection.ids == ("c4",)  # a double-click shows its targets on the blueprint


def test_every_field_is_edited_in_the_inspector_one_step_each(qtbot, window):  # type: ignore[no-untyped-def]
    from test_ui_inspector_many_cards import pick

    window.selection.set(["p1"])
    form = window.panel("InspectorPanel").plan_form
    form.title.setFocus()
    form.title.selectAll()
    type_text(form.title, "Pickup shelf at the door")
    form.description.setFocus()
    type_text(form.description, "A shelf with names")
    pick(qtbot, form.owner, "Team B")
    form.measure.setFocus()
    type_text(form.measure, "minutes to find the drink")
    form.target.setFocus()
    type_text(form.target, "under 1 min")
    pick(qtbot, form.status, "Testing")
    plan = plans(window)["p1"]
    assert (plan.title, plan.description, plan.owner, plan.measure, plan.target, plan.status) == (
        "Pickup shelf at the door",
        "A shelf with names",
        "team-b",
        "minutes to find the drink",
        "under 1 min",
        "testing",
    )
    assert window.undo_stack.count() == 6  # typing in one field is one step
    for _ in range(6):
        window.undo_stack.undo()
    plan = plans(window)["p1"]
    assert (plan.title, plan.description, plan.owner, plan.status) == (
        "Pickup shelf by the door",
        "",
        None,
        "planned",
    )


def test_the_due_date_is_picked_in_a_calendar_and_can_be_cleared(qtbot, window):  # type: ignore[no-untyped-def]
    window.selection.set(["p1"])
    form = window.panel("InspectorPanel").plan_form
    due = form.due
    assert due.date.text() == "No date" and not due.clear_button.isEnabled()
    calendar = due.date.calendarWidget()
    arrow = QPoint(due.date.width() - 6, due.date.height() // 2)
    qtbot.mouseClick(due.date, Qt.MouseButton.LeftButton, pos=arrow)
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate() == QDate.currentDate()  # with no date the calendar opens on today
    key(qtbot, calendar, Qt.Key.Key_Escape)  # closed without a pick: still no date
    qtbot.waitUntil(lambda: due.date.text() == "No date")
    assert plans(window)["p1"].due is None and window.undo_stack.count() == 0
    qtbot.mouseClick(due.date, Qt.MouseButton.LeftButton, pos=arrow)
    qtbot.waitUntil(calendar.isVisible)
    calendar.setSelectedDate(QDate(2027, 3, 31))
    key(qtbot, calendar, Qt.Key.Key_Return)  # picks the highlighted day, as Enter does
    qtbot.waitUntil(lambda: plans(window)["p1"].due == "2027-03-31")
    assert due.clear_button.isEnabled()
    qtbot.mouseClick(due.clear_button, Qt.MouseButton.LeftButton)
    assert plans(window)["p1"].due is None
    assert due.date.text() == "No date"
    assert window.undo_stack.count() == 2  # the date, then Clear: two steps
    window.undo_stack.undo()
    assert plans(window)["p1"].due == "2027-03-31"


def test_a_target_is_taken_out_but_not_the_last_one(qtbot, window):  # type: ignore[no-untyped-def]
    right_click_pick(window, card_centre(window, "c1"), "Add to improvement", "Pickup shelf by the door")
    window.selection.set(["p1"])
    form = window.panel("InspectorPanel").plan_form
    assert form.targets.ids() == ["c4", "c1"]
    qtbot.mouseClick(form.targets.remove_buttons["c1"], Qt.MouseButton.LeftButton)
    assert plans(window)["p1"].targets == ["c4"]
    assert [m.kind for m in window.scene.layout.cards["c1"].markers] == []
    qtbot.mouseClick(form.targets.remove_buttons["c4"], Qt.MouseButton.LeftButton)
    assert plans(window)["p1"].targets == ["c4"]
    assert "delete the plan instead" in form.error_text("targets")
    qtbot.mouseClick(form.targets.buttons["c4"], Qt.MouseButton.LeftButton)
    assert window.selection.ids == ("c4",)  # a target's title selects it


def test_a_closed_plan_loses_its_marker_and_delete_removes_it(qtbot, window):  # type: ignore[no-untyped-def]
    dock = window.panel("ImprovementsPanel")
    assert [m.kind for m in window.scene.layout.cards["c4"].markers] == ["fail", "plan"]
    tree = dock.tree
    row = tree.visualItemRect(dock.row_of("p1")).center()
    right_click_widget_pick(tree.viewport(), row, "Set status", "Done")
    assert plans(window)["p1"].status == "done"
    assert [m.kind for m in window.scene.layout.cards["c4"].markers] == ["fail"]
    assert dock.windowTitle() == "Improvements (0 open)"
    window.selection.set(["p1"])
    window.actions.delete.trigger()  # Edit > Delete with the plan selected
    assert plans(window) == {}
    assert window.selection.ids == ()
    window.undo_stack.undo()
    assert list(plans(window)) == ["p1"] and window.selection.ids == ("p1",)
    form = window.panel("InspectorPanel").plan_form
    qtbot.mouseClick(form.delete_button, Qt.MouseButton.LeftButton)
    assert plans(window) == {}


def test_the_fail_points_owner_is_set_in_the_inspector_and_the_card_menu(qtbot, window):  # type: ignore[no-untyped-def]
    from test_ui_inspector_many_cards import pick

    click(qtbot, window, card_centre(window, "c4"))
    form = window.panel("InspectorPanel").card_form
    assert form.fail_owner.currentText() == "Nobody (the card has no function)"
    pick(qtbot, form.fail_owner, "Team C")
    assert window.document.card("c4").fail_point == FailPoint(note="Cannot find it", owner="team-c")
    right_click_pick(window, card_centre(window, "c4"), "Fail point owner", "Team A")
    assert window.document.card("c4").fail_point.owner == "team-a"
    assert window.document.card("c4").fail_point.note == "Cannot find it"
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.document.card("c4").fail_point.owner is None


def test_look_at_the_dock_and_the_marker(qtbot, window):  # type: ignore[no-untyped-def]
    dock = window.panel("ImprovementsPanel")
    dock.raise_()
    window.selection.set(["p1"])
    qtbot.wait(50)
    assert not dock.visibleRegion().isEmpty()
    look(window, "improvements-dock")


def test_deleting_a_plans_last_target_deletes_the_plan_in_the_same_step(qtbot, window):  # type: ignore[no-untyped-def]
    dock = window.panel("ImprovementsPanel")
    click(qtbot, window, card_centre(window, "c4"))
    window.actions.delete.trigger()
    assert plans(window) == {} and window.document.card("c4") is None
    assert dock.row_of("p1") is None and dock.windowTitle() == "Improvements"
    window.undo_stack.undo()
    assert list(plans(window)) == ["p1"] and dock.row_of("p1") is not None
    assert [m.kind for m in window.scene.layout.cards["c4"].markers] == ["fail", "plan"]
