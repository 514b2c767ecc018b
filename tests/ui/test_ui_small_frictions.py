"""What tripped a newcomer, each small: one vocabulary for emotions; a new stage or step is selected;
Tab in a header's name goes on to the next; "+2" sits inside the feeling row; Find highlights as you
type and looks in descriptions, link labels and function names; save times; "Open the file when done"."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

import blueprint.fileformat.stamps as stamps
import blueprint.ui.exporting as exporting
from blueprint.fileformat import load
from blueprint.layout import metrics as m
from blueprint.layout.emotion import label_baseline
from blueprint.ui.access_keys import shown_text
from blueprint.ui.canvas.menus import card_menu

from builders import blueprint_with, card
from menu_gestures import header_centre, right_click_pick
from ui_gestures import card_centre, key, look, open_window, type_text, when_dialog_opens


def doc():  # type: ignore[no-untyped-def]
    return blueprint_with(
        cards=[
            card("c0", "customer", 0, "Orders", emotion=2),
            card("f0", "frontstage", 0, "Takes it", function="team-a", description="checks the QUEUE first"),
            card("b1", "backstage", 1, "Cooks", function="team-b"),
        ],
        links=[("c0", "f0"), ("f0", "b1", {"label": "ticket for the kitchen"})],
    )


def test_one_emotion_vocabulary_in_the_card_menu_and_the_inspector(qtbot):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, doc())
    menu = next(
        a.menu() for a in card_menu(window.view, "c0").actions() if shown_text(a.text()) == "Set emotion"
    )
    in_menu = [shown_text(a.text()) for a in menu.actions() if not a.isSeparator()]
    box = window.panel("InspectorPanel").card_form.emotion
    assert in_menu == [box.itemText(i) for i in range(box.count())]
    assert in_menu[:3] == ["Not set", "+2 Delighted", "+1 Pleased"]
    group = menu.actions()[0].actionGroup()  # one choice, drawn as Set function's (it showed ticks)
    assert (
        group is not None
        and group.isExclusive()
        and shown_text(group.checkedAction().text()) == "+2 Delighted"
    )


def test_one_word_for_no_function_in_the_card_menu_and_the_inspector(qtbot):  # type: ignore[no-untyped-def]
    """The card menu's Set function said "(none)" where the Inspector's Function box says "No function"."""
    window = open_window(qtbot, doc())
    window.selection.set(["f0"])
    box = window.panel("InspectorPanel").card_form.function
    menu = next(
        a.menu() for a in card_menu(window.view, "f0").actions() if shown_text(a.text()) == "Set function"
    )
    in_menu = [shown_text(a.text()) for a in menu.actions() if not a.isSeparator()]
    assert in_menu == [box.itemText(i) for i in range(box.count())] + ["New function…"]
    right_click_pick(window, card_centre(window, "f0"), "Set function", "No function")
    assert window.document.card("f0").function is None


def test_an_inserted_step_is_selected_and_tab_names_the_next_headers(qtbot):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, doc())
    right_click_pick(window, header_centre(window, "step", "step0"), "Insert step after")
    new_id = window.document.blueprint.stages[0].steps[1].id
    assert window.selection.ids == (new_id,)
    edit = window.view.inplace.edit
    type_text(edit, "Waits")
    key(qtbot, edit, Qt.Key.Key_Tab)  # commits, and the next step's name opens
    assert window.document.blueprint.stages[0].steps[1].name == "Waits"
    assert window.selection.ids == ("step1",) and window.view.inplace is not None
    assert window.view.inplace.edit.text() == "Step 1"
    type_text(window.view.inplace.edit, "Gets it")
    key(qtbot, window.view.inplace.edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert window.selection.ids == (new_id,)
    key(qtbot, window.view.inplace.edit, Qt.Key.Key_Escape)
    assert [s.name for s in window.document.blueprint.stages[0].steps] == [
        "Step 0",
        "Waits",
        "Gets it",
        "Step 2",
    ]
    assert window.undo_stack.count() == 3  # the insert, and one rename each
    right_click_pick(window, header_centre(window, "stage", "stage"), "Insert stage after")
    assert window.selection.ids == (window.document.blueprint.stages[1].id,)


def test_a_plus_two_is_drawn_inside_the_feeling_row(qtbot):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, doc())
    curve = window.scene.layout.emotion
    (_x, y), (_, value) = curve.points[0], curve.values[0]
    assert value == 2
    size = 6.5
    top = y + label_baseline(value) - size  # the label's ink, from its cap height to its baseline
    assert curve.box.y + 1 <= top and y + label_baseline(value) + 2 <= curve.box.bottom
    assert label_baseline(-2) < 0 and label_baseline(1) < 0  # elsewhere the value is above its point
    assert curve.box.y > window.scene.layout.top_header_height - 1 and m.EMOTION_ROW_HEIGHT > 30
    look(window.view, "emotion-plus-two")


def test_find_highlights_while_typing_everywhere_a_designer_would_look(qtbot):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, doc())
    window.actions.find.trigger()
    bar = window.find_bar
    assert bar.parentWidget() is window.centralWidget(), "the bar sits right under the canvas"
    type_text(bar.edit, "kitchen")  # a link's label
    assert bar.marks.marked == ("l1",) and bar.marks.isVisible()
    assert bar.count.text().strip() == "1 match"
    bar.edit.clear()
    type_text(bar.edit, "queue")  # a description
    assert bar.marks.marked == ("f0",)
    bar.edit.clear()
    type_text(bar.edit, "team b")  # a function's name: its cards
    assert bar.marks.marked == ("b1",)
    look(window, "find-highlights")
    key(qtbot, bar.edit, Qt.Key.Key_Return)
    assert window.selection.ids == ("b1",)
    bar.edit.clear()
    type_text(bar.edit, "orders")
    key(qtbot, bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # added, in order
    assert window.selection.ids == ("b1", "c0")
    key(qtbot, bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and not bar.marks.isVisible()


def test_save_times_and_open_the_exported_file(qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, doc())
    path = tmp_path / "trip.blueprint"
    moments = iter([datetime(2026, 3, 1, 9, 0, tzinfo=UTC), datetime(2026, 3, 2, 17, 30, tzinfo=UTC)])
    monkeypatch.setattr(stamps, "now_text", lambda moment=None, real=stamps.now_text: real(next(moments)))
    assert window.save_to(path)
    first = load(path).metadata
    assert (first.created, first.modified) == ("2026-03-01T09:00:00Z", "2026-03-01T09:00:00Z")
    assert window.save_to(path)
    second = load(path).metadata
    assert (second.created, second.modified) == ("2026-03-01T09:00:00Z", "2026-03-02T17:30:00Z")
    assert window.undo_stack.count() == 0 and window.undo_stack.isClean(), "saving is not an edit"
    opened = []
    monkeypatch.setattr(exporting, "open_file", lambda p: opened.append(p) or True)
    out = tmp_path / "trip.pdf"

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.path.setText(str(out))
        assert dialog.open_when_done.text() == "Open the file when done"
        dialog.open_when_done.setChecked(True)
        dialog.accept()

    when_dialog_opens(fill)
    window.actions.export_pdf.trigger()
    assert opened == [out] and out.stat().st_size > 1000
    remembered: dict = {}  # type: ignore[type-arg]

    def look_again(dialog) -> None:  # type: ignore[no-untyped-def]
        remembered["checked"] = dialog.open_when_done.isChecked()
        dialog.reject()

    when_dialog_opens(look_again)
    window.actions.export_pdf.trigger()
    assert remembered["checked"], "the choice is remembered"
