"""Improvement plans in the editor, driven as a designer does: "Plan an improvement…" from a card's, a
link's, a selection's and a finding's menu, the Improvements dock, every field in the Inspector (the
due date's calendar and Clear), the fail point's owner, and the "Plan" marker on the canvas. Each
change is one undo step; the assertions are on the document."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QInputDialog, QMenu

from blueprint.model import FailPoint
from blueprint.ui.access_keys import shown_text
from blueprint.ui.canvas.plan_menus import add_plan_entries

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


def read_prompt(accept: bool) -> dict:  # type: ignore[type-arg]
    """Note what the next "Plan an improvement" dialog says and suggests, then accept or cancel it."""
    seen: dict = {}  # type: ignore[type-arg]

    def answer(dialog):  # type: ignore[no-untyped-def]
        seen["label"], seen["suggested"] = dialog.labelText(), dialog.textValue()
        dialog.accept() if accept else dialog.reject()

    when_dialog_opens(answer)
    return seen


def link_middle(window, link_id: str):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPointF

    (x0, y0), (x1, y1) = window.scene.layout.routes[link_id].points[:2]
    return QPointF((x0 + x1) / 2, (y0 + y1) / 2)


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
    seen = read_prompt(accept=False)
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


def test_a_selection_plan_starts_from_the_card_right_clicked(qtbot, window):  # type: ignore[no-untyped-def]
    """The prompt and the suggested title came from the first card in grid order, whichever card of
    the selection was right-clicked."""
    click(qtbot, window, card_centre(window, "c2"))
    click(qtbot, window, card_centre(window, "c4"), CTRL)
    seen = read_prompt(accept=True)
    right_click_pick(window, card_centre(window, "c4"), PLAN)
    assert seen["label"].splitlines()[0] == 'For "Picks up the drink", "Barista takes the order".'
    assert seen["suggested"] == "Fix: Cannot find it"  # its fail point, not the first card's
    [plan] = [p for p in window.document.blueprint.improvements if p.id != "p1"]
    assert plan.targets == ["c2", "c4"]  # the targets keep their order
    click(qtbot, window, card_centre(window, "c2"))  # the new plan was selected: c2 and c3 now
    click(qtbot, window, card_centre(window, "c3"), CTRL)
    seen = read_prompt(accept=False)
    right_click_pick(window, card_centre(window, "c3"), PLAN)
    assert seen["label"].startswith('For "Makes the drink", "Barista takes the order".')
    assert seen["suggested"] == "Fix: Orders get lost at rush hour"  # a fail point of the selection


def test_a_link_menu_plans_for_the_link(qtbot, window):  # type: ignore[no-untyped-def]
    answer_title("Ticket printer in the kitchen")
    offered = right_click_pick(window, link_middle(window, "l1"), PLAN)
    assert "Reverse direction" in offered
    [plan] = [p for p in window.document.blueprint.improvements if p.id != "p1"]
    assert plan.targets == ["l1"]
    row = window.panel("ImprovementsPanel").row_of(plan.id)
    assert row.text(4) == "Barista takes the order → Makes the drink"


def test_the_prompt_for_a_link_names_both_ends(qtbot, window):  # type: ignore[no-untyped-def]
    long_source = "Barista takes the order at the counter and reads it back"
    window.document.blueprint.cards[1].title = long_source
    seen = read_prompt(accept=False)
    right_click_pick(window, link_middle(window, "l1"), PLAN)
    first_line = seen["label"].splitlines()[0]
    assert first_line == 'For "Barista takes the order at the counter… → Makes the drink".'


def test_add_to_improvement_puts_the_card_into_a_plan(qtbot, window):  # type: ignore[no-untyped-def]
    right_click_pick(window, card_centre(window, "c1"), "Add to improvement", "Pickup shelf by the door")
    assert plans(window)["p1"].targets == ["c4", "c1"]
    assert window.undo_stack.undoText() == "Add to improvement"
    assert [m.kind for m in window.scene.layout.cards["c1"].markers] == ["plan"]
    menu = QMenu()
    add_plan_entries(menu, window.view, "c1")
    into = next(a.menu() for a in menu.actions() if shown_text(a.text()) == "Add to improvement")
    [entry] = into.actions()  # greyed, and its tooltip (why) shows
    assert (
        not entry.isEnabled() and into.toolTipsVisible() and entry.toolTip() == "It is in this plan already"
    )


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


def slow_ticket_queue():  # type: ignore[no-untyped-def]
    """A drink over its 5 min tolerance: the payment (a fail point, Team A) is first in its chain, the
    ticket queue (Team B) takes longest."""
    return blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders in the app", duration_minutes=1),
            card(
                "c2",
                "support",
                0,
                "Payment provider charges the card",
                function="team-a",
                duration_minutes=1,
                fail_point={"note": "Declined"},
            ),
            card("c3", "backstage", 1, "Ticket waits in the queue", function="team-b", duration_minutes=8),
            card("c4", "customer", 2, "Picks up the drink", duration_minutes=0.5, tolerance_minutes=5),
        ],
        links=[("c1", "c2"), ("c2", "c3"), ("c3", "c4")],
    )


def test_a_plan_for_a_slow_card_is_about_that_card(qtbot):  # type: ignore[no-untyped-def]
    from blueprint.ui.improvements import suggested_owner

    window = open_window(qtbot, slow_ticket_queue())
    window.findings_watch.run_now()
    panel = window.panel("FindingsPanel")
    row = next(r for r in panel.rows() if r.data(0, Qt.ItemDataRole.UserRole).code == "BP112")
    finding = row.data(0, Qt.ItemDataRole.UserRole)
    seen = read_prompt(accept=True)
    tree = panel.tree
    tree.scrollToItem(row)
    right_click_widget_pick(tree.viewport(), tree.visualItemRect(row).center(), PLAN)
    assert seen["suggested"] == "Slower than the customer accepts: Picks up the drink"
    [plan] = window.document.blueprint.improvements
    assert plan.targets == ["c4", "c2", "c3"]  # the finding's elements: the card, then its chain
    assert plan.owner == "team-b"  # the longest part, not the first card with a fail point
    # the card's own fail point owner, or its function, comes first
    bp = window.document.blueprint
    bp.cards[3].fail_point = FailPoint(owner="team-c")
    assert suggested_owner(window.document, plan.targets, finding.elements) == "team-c"
    bp.cards[3].fail_point, bp.cards[3].function = None, "team-a"
    assert suggested_owner(window.document, plan.targets, finding.elements) == "team-a"


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


def three_plans(qtbot):  # type: ignore[no-untyped-def]
    """A window with plans p1, p2, p3 (all on one card), its Improvements dock in front, the dock's list."""
    doc = blueprint_with(
        cards=[card("c1", "customer", 0, "Orders")],
        improvements=[{"id": p, "title": f"Plan {p}", "targets": ["c1"]} for p in ("p1", "p2", "p3")],
    )
    window = open_window(qtbot, doc)
    dock = window.panel("ImprovementsPanel")
    dock.raise_()
    return window, dock, dock.tree


def test_the_dock_moves_a_plan_up_and_down_one_step_each(qtbot):  # type: ignore[no-untyped-def]
    window, dock, tree = three_plans(qtbot)

    def order() -> list[str]:
        return [plan.id for plan in window.document.blueprint.improvements]

    def pick(plan_id: str, entry: str) -> list[str]:
        row = tree.visualItemRect(dock.row_of(plan_id)).center()
        return right_click_widget_pick(tree.viewport(), row, entry)

    def enabled(plan_id: str) -> tuple[bool, bool]:
        entries = {
            shown_text(action.text()): action for action in dock.menu_for(dock.row_of(plan_id)).actions()
        }
        assert "Move Up" in entries and "Move Down" in entries
        return entries["Move Up"].isEnabled(), entries["Move Down"].isEnabled()

    assert enabled("p1") == (False, True) and enabled("p3") == (True, False)  # not past either end
    pick("p3", "Move Up")
    assert order() == ["p1", "p3", "p2"]
    assert [tree.topLevelItem(i).text(0) for i in range(3)] == ["Plan p1", "Plan p3", "Plan p2"]
    assert window.selection.ids == ("p3",) and tree.currentItem() is dock.row_of("p3")
    pick("p1", "Move Down")
    assert order() == ["p3", "p1", "p2"]
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()
    assert order() == ["p1", "p3", "p2"]
    window.undo_stack.undo()
    assert order() == ["p1", "p2", "p3"]


def test_the_arrow_keys_in_the_dock_select_the_plan_they_highlight(qtbot):  # type: ignore[no-untyped-def]
    """Down moved the highlight while the Inspector kept the plan clicked before, and Delete then
    deleted that one, not the highlighted plan."""
    window, dock, tree = three_plans(qtbot)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(dock.row_of("p1")).center()
    )
    key(qtbot, tree, Qt.Key.Key_Down)
    assert window.selection.ids == ("p2",)
    assert window.panel("InspectorPanel").plan_form.title.text() == "Plan p2"
    key(qtbot, tree, Qt.Key.Key_Delete)
    assert [plan.id for plan in window.document.blueprint.improvements] == ["p1", "p3"]
    window.undo_stack.undo()  # the plan comes back selected, and highlighted
    assert window.selection.ids == ("p2",) and tree.currentItem() is dock.row_of("p2")
    click(qtbot, window, card_centre(window, "c1"))
    assert window.selection.ids == ("c1",) and tree.currentItem() is None


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


def test_a_due_date_is_typed_into_the_field_that_shows_no_date(qtbot, window):  # type: ignore[no-untyped-def]
    window.selection.set(["p1"])
    due = window.panel("InspectorPanel").plan_form.due
    field = due.date
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(12, field.height() // 2))
    assert field.text() == "No date" and not field.calendarWidget().isVisible()  # a click in the text
    qtbot.keyClicks(field, "20270501")
    assert field.text() == "2027-05-01"
    key(qtbot, field, Qt.Key.Key_Return)
    assert plans(window)["p1"].due == "2027-05-01"
    assert window.undo_stack.count() == 1  # the whole date in one step, not each part on the way
    assert due.clear_button.isEnabled()
    qtbot.mouseClick(due.clear_button, Qt.MouseButton.LeftButton)
    assert plans(window)["p1"].due is None and field.text() == "No date"
    qtbot.keyClicks(field, "2028-1")  # separators typed too; the day left as it was
    key(qtbot, field, Qt.Key.Key_Return)
    assert plans(window)["p1"].due == "2028-01-01"
    qtbot.mouseClick(due.clear_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field, "2")  # not a date: nothing saved, "No date" again
    key(qtbot, field, Qt.Key.Key_Return)
    assert plans(window)["p1"].due is None and field.text() == "No date"
    assert window.undo_stack.count() == 4


def test_an_overdue_date_reads_red_in_the_inspector(qtbot, window):  # type: ignore[no-untyped-def]
    """A date passed on an open plan was red only in the dock (and white once its row was selected):
    the Inspector showed it as any other date."""
    from PySide6.QtGui import QPalette
    from test_ui_inspector_many_cards import pick

    from blueprint.ui.improvements import OVERDUE_COLOUR

    def colour() -> str:
        return field.lineEdit().palette().color(QPalette.ColorRole.Text).name().upper()

    window.selection.set(["p1"])
    form = window.panel("InspectorPanel").plan_form
    field = form.due.date
    normal = colour()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(12, field.height() // 2))
    qtbot.keyClicks(field, "20200501")
    key(qtbot, field, Qt.Key.Key_Return)
    assert plans(window)["p1"].due == "2020-05-01"
    assert colour() == OVERDUE_COLOUR and "Overdue" in field.toolTip()
    pick(qtbot, form.status, "Done")  # a closed plan is never overdue
    assert colour() == normal and "Overdue" not in field.toolTip()


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


def test_a_new_plan_never_shows_the_last_plans_errors(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    from blueprint.fileformat import save

    form = window.panel("InspectorPanel").plan_form
    answer_title("Order screen")
    right_click_pick(window, card_centre(window, "c2"), PLAN)
    first = one_new_plan(window)
    qtbot.mouseClick(form.targets.remove_buttons["c2"], Qt.MouseButton.LeftButton)
    assert "delete the plan instead" in form.error_text("targets")
    form.title.setFocus()
    form.title.selectAll()
    key(qtbot, form.title, Qt.Key.Key_Delete)  # a blank title is refused
    assert form.error_text("title") and form.title.text() == ""
    # another file (whose new plan may even have the same id: ids are only unique within a file)
    path = tmp_path / "other.blueprint"
    save(window.document.blueprint.model_copy(update={"improvements": []}, deep=True), path)
    assert window.open_path(path)
    answer_title("Ticket printer")
    right_click_pick(window, link_middle(window, "l1"), PLAN)
    second = one_new_plan(window)
    assert form.error_text("targets") == "" and form.error_text("title") == ""
    assert form.title.text() == "Ticket printer"
    # in the same file: a plan deleted, and a new one with its id
    qtbot.mouseClick(form.targets.remove_buttons["l1"], Qt.MouseButton.LeftButton)
    assert form.error_text("targets")
    qtbot.mouseClick(form.delete_button, Qt.MouseButton.LeftButton)
    answer_title("Pickup shelf")
    right_click_pick(window, card_centre(window, "c4"), PLAN)
    assert one_new_plan(window) not in (first, second) and form.error_text("targets") == ""


def one_new_plan(window) -> str:  # type: ignore[no-untyped-def]
    """The id of the one plan just made and selected (new plans get random ids: plan-7f3a9c)."""
    (plan_id,) = window.selection.ids
    assert plan_id.startswith("plan-") and plan_id in plans(window)
    return plan_id


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
