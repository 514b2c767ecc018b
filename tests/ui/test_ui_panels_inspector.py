"""The Inspector driven as a person would: click a field, type, and check the document model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QApplication

from blueprint.edit import Document, RemoveCards
from blueprint.fileformat import dumps
from blueprint.ui.panels import InspectorPanel
from blueprint.ui.selection import Selection

from builders import blueprint_with, card
from ui_gestures import wheel


@pytest.fixture
def document() -> Document:
    return Document(
        blueprint_with(
            cards=[
                card("c1", "customer", 0, "Orders"),
                card("c2", "frontstage", 0, "Takes order", function="team-a"),
                card("c3", "backstage", 1, "Cooks", function="team-b", duration_minutes=5),
            ],
            links=[("c1", "c2"), ("c2", "c3")],
        )
    )


@pytest.fixture
def inspector(qtbot, document: Document) -> InspectorPanel:
    panel = InspectorPanel(document, QUndoStack(), Selection())
    qtbot.addWidget(panel)
    panel.resize(360, 900)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def retype(qtbot, widget, text: str) -> None:
    """Click into a line edit, select everything and type `text` (ASCII) over it."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, text)


def type_unicode(widget, text: str) -> None:
    """Type any text, one QKeyEvent per character carrying the text (keyClicks aborts on non-ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def test_editing_a_card_title_is_one_undo_step(qtbot, inspector: InspectorPanel, document: Document) -> None:
    inspector.selection.set(["c3"])
    assert inspector.pages.currentWidget() is inspector.card_form
    retype(qtbot, inspector.card_form.title, "Grills the burger")
    assert document.card("c3").title == "Grills the burger"
    assert inspector.undo_stack.count() == 1  # typing merged into one step (backspace to empty was refused)
    inspector.undo_stack.undo()
    assert document.card("c3").title == "Cooks"
    assert inspector.card_form.title.text() == "Cooks"  # the Inspector follows the undo


def test_duration_and_a_refused_tolerance(qtbot, inspector: InspectorPanel, document: Document) -> None:
    inspector.selection.set(["c3"])
    form = inspector.card_form
    retype(qtbot, form.duration, "12")
    assert document.card("c3").duration_minutes == 12
    retype(qtbot, form.tolerance, "5")
    assert document.card("c3").tolerance_minutes is None  # 5 < 12: refused
    assert form.error_text("tolerance_minutes") == "Tolerance must be at least the duration"
    qtbot.keyClicks(form.tolerance, "0")
    assert document.card("c3").tolerance_minutes == 50
    assert form.error_text("tolerance_minutes") == ""
    inspector.undo_stack.undo()
    assert document.card("c3").tolerance_minutes is None
    inspector.undo_stack.undo()
    assert document.card("c3").duration_minutes == 5
    assert form.duration.text() == "5"


def test_decimal_minutes_and_a_wait_point(qtbot, inspector: InspectorPanel, document: Document) -> None:
    inspector.selection.set(["c1"])
    form = inspector.card_form
    retype(qtbot, form.duration, "2.5")
    assert document.card("c1").duration_minutes == 2.5
    assert form.duration.text() == "2.5"  # "2." was not rewritten to "2" while typing
    qtbot.mouseClick(form.wait, Qt.MouseButton.LeftButton, pos=QPoint(8, form.wait.height() // 2))
    retype(qtbot, form.wait_minutes, "15")
    retype(qtbot, form.wait_note, "Queue at the till")
    assert document.card("c1").wait_point.model_dump() == {"note": "Queue at the till", "minutes": 15}
    form.emotion.setFocus()
    qtbot.keyClick(form.emotion, Qt.Key.Key_Down)
    assert document.card("c1").emotion == 2  # happiest first, after "Not set" (as in the card menu)


def test_empty_title_and_letters_in_minutes_are_refused(
    qtbot, inspector: InspectorPanel, document: Document
) -> None:
    before = dumps(document.blueprint)
    inspector.selection.set(["c1"])
    form = inspector.card_form
    qtbot.mouseClick(form.title, Qt.MouseButton.LeftButton)
    qtbot.keyClick(form.title, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(form.title, Qt.Key.Key_Delete)
    assert form.error_text("title") == "Title cannot be empty"
    retype(qtbot, form.duration, "ten")
    assert form.error_text("duration_minutes") == "Duration must be a number of minutes"
    assert dumps(document.blueprint) == before
    assert inspector.undo_stack.count() == 0


def test_unicode_typing_reaches_the_model(qtbot, inspector: InspectorPanel, document: Document) -> None:
    inspector.selection.set(["c1"])
    title = inspector.card_form.title
    qtbot.mouseClick(title, Qt.MouseButton.LeftButton)
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_End)
    type_unicode(title, " café ☕ — 注文")
    assert document.card("c1").title == "Orders café ☕ — 注文"
    assert inspector.undo_stack.count() == 1


def test_function_combo_and_fail_point(qtbot, inspector: InspectorPanel, document: Document) -> None:
    inspector.selection.set(["c2"])
    form = inspector.card_form
    form.function.setFocus()
    qtbot.keyClick(form.function, Qt.Key.Key_Down)
    assert document.card("c2").function == "team-b"
    qtbot.mouseClick(form.fail, Qt.MouseButton.LeftButton, pos=QPoint(8, form.fail.height() // 2))
    assert document.card("c2").fail_point is not None
    assert form.fail_note.isEnabled()
    qtbot.mouseClick(form.fail_note, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.fail_note, "Order lost")
    assert document.card("c2").fail_point.note == "Order lost"
    assert document.card("c2").fail_point.severity == "medium"
    form.step.setFocus()
    qtbot.keyClick(form.step, Qt.Key.Key_Down)
    assert document.card("c2").step == "step1"


def test_nothing_selected_edits_the_blueprint(qtbot, inspector: InspectorPanel, document: Document) -> None:
    form = inspector.document_form
    assert inspector.pages.currentWidget() is form
    retype(qtbot, form.title, "Burger bar")
    retype(qtbot, form.persona_name, "Sam")
    retype(qtbot, form.author, "Lea")
    retype(qtbot, form.tags, "food, fast")
    bp = document.blueprint
    assert (bp.title, bp.persona.name, bp.metadata.author, bp.metadata.tags) == (
        "Burger bar",
        "Sam",
        "Lea",
        ["food", "fast"],
    )
    assert inspector.undo_stack.count() == 4


def test_link_lane_stage_and_step_forms(qtbot, inspector: InspectorPanel, document: Document) -> None:
    inspector.selection.set(["l1"])
    retype(qtbot, inspector.link_form.label, "ticket")
    assert document.link("l1").label == "ticket"
    inspector.selection.set(["backstage"])
    retype(qtbot, inspector.lane_form.name, "Kitchen")
    assert document.blueprint.lanes_by_id()["backstage"].name == "Kitchen"
    inspector.selection.set(["stage"])
    retype(qtbot, inspector.stage_form.name, "Eat")
    assert document.blueprint.stages[0].name == "Eat"
    inspector.selection.set(["step2"])
    retype(qtbot, inspector.step_form.name, "Leave")
    assert document.blueprint.stages[0].steps[2].name == "Leave"
    assert inspector.undo_stack.count() == 4


def test_removed_card_falls_back_to_the_blueprint_form(
    qtbot, inspector: InspectorPanel, document: Document
) -> None:
    inspector.selection.set(["c1"])
    document.apply(RemoveCards(("c1",)))
    assert inspector.pages.currentWidget() is inspector.document_form


def test_lane_kind_stage_phase_and_several_selected(
    qtbot, inspector: InspectorPanel, document: Document
) -> None:
    inspector.selection.set(["support"])
    inspector.lane_form.kind.setFocus()
    qtbot.keyClick(inspector.lane_form.kind, Qt.Key.Key_Up)
    assert document.blueprint.lanes_by_id()["support"].kind == "backstage"
    inspector.selection.set(["stage"])
    inspector.stage_form.phase.setFocus()
    qtbot.keyClick(inspector.stage_form.phase, Qt.Key.Key_End)
    assert document.blueprint.stages[0].phase == "post-purchase"
    inspector.selection.set(["c1", "support"])
    assert inspector.pages.currentWidget() is inspector.many
    assert inspector.many.text() == "2 elements selected"
    inspector.selection.set(["c1", "c2"])  # cards only: their shared fields
    assert inspector.pages.currentWidget() is inspector.cards_form


def test_typing_in_two_cards_makes_two_undo_steps(
    qtbot, inspector: InspectorPanel, document: Document
) -> None:
    for card_id in ("c1", "c2", "c1"):
        inspector.selection.set([card_id])
        qtbot.mouseClick(inspector.card_form.title, Qt.MouseButton.LeftButton)
        qtbot.keyClick(inspector.card_form.title, Qt.Key.Key_End)
        qtbot.keyClicks(inspector.card_form.title, "!!")
    assert document.card("c1").title == "Orders!!!!"
    assert inspector.undo_stack.count() == 3
    inspector.undo_stack.undo()
    assert document.card("c1").title == "Orders!!"


def test_the_wheel_over_a_choice_box_scrolls_the_form_and_changes_nothing(
    qtbot, inspector: InspectorPanel, document: Document
) -> None:
    """Scrolling the card's form with the pointer resting on the Function box gave the card another
    function (one undo step per notch); now the form scrolls and the box changes only once clicked."""
    inspector.resize(360, 260)  # the card's form is taller than the dock: it scrolls
    inspector.selection.set(["c2"])
    before = dumps(document.blueprint)
    function = inspector.card_form.function
    bar = inspector.scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    wheel(function, -1)
    assert dumps(document.blueprint) == before
    assert inspector.undo_stack.count() == 0
    assert bar.value() > 0  # the wheel went to the form
    function.setFocus()  # tabbed into
    wheel(function, -1)  # a focused box takes the wheel, as a person who chose it expects
    assert document.card("c2").function != "team-a"


def test_a_short_form_does_not_scroll_into_the_tallest_forms_height(
    qtbot, inspector: InspectorPanel, document: Document
) -> None:
    """A stage's form (two fields) could be scrolled down into empty space as tall as the card's form:
    the forms share one stack, which took the tallest form's height."""
    inspector.resize(360, 300)
    bar = inspector.scroll.verticalScrollBar()
    inspector.selection.set(["c2"])
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the card's form is taller than the dock
    inspector.selection.set([document.blueprint.stages[0].id])
    assert inspector.pages.currentWidget() is inspector.stage_form
    qtbot.waitUntil(lambda: bar.maximum() == 0)
    inspector.selection.set(["c2"])
    qtbot.waitUntil(lambda: bar.maximum() > 0)
