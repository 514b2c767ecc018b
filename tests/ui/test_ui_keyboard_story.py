"""The issue's story of a small blueprint with the keyboard alone: cards in chosen cells, links in
selection order, functions with their kind, a fail point, a step inserted and reordered, a card moved,
then saved through the file dialog; and the rest of the newcomer's story (a finding fixed, saved, reopened,
exported). Every key goes to whatever has the focus, as on a real keyboard."""

from __future__ import annotations

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from blueprint.fileformat import load, save
from blueprint.resources import load_template

from builders import blueprint_with, card
from menu_gestures import keyboard_pick
from ui_gestures import look, open_window, type_text, when_dialog_opens

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


def focused(qtbot):  # type: ignore[no-untyped-def]
    """Where the keyboard types: the focused widget of the active window (after a dialog or a menu the
    editor activates its window again: wait for that, as a person waits for the dialog to go)."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    return QApplication.focusWidget()


def press(qtbot, key: Qt.Key, modifier=NONE) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(qtbot), key, modifier)


def type_in(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    type_text(focused(qtbot), text)


def menu_key(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The Menu key as the platform delivers it (X11 measured): a keyboard context menu event for the
    focused widget, then the key press itself."""
    widget = focused(qtbot)
    centre = widget.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, centre, widget.mapToGlobal(centre))
    QApplication.sendEvent(widget, event)
    qtbot.keyClick(focused(qtbot), Qt.Key.Key_Menu)


def card_titled(window, title: str) -> str:  # type: ignore[no-untyped-def]
    return next(c.id for c in window.document.blueprint.cards if c.title == title)


def find(qtbot, window, words: str) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+F, the words, Return (selects the card), Escape (back to the canvas)."""
    press(qtbot, Qt.Key.Key_F, CTRL)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_in(qtbot, words)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.view


def new_function(qtbot, name: str, kind_steps: int) -> None:  # type: ignore[no-untyped-def]
    """Menu key, Set function > New function…, the name, Tab, Down to the kind, Return."""

    def answer(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # the keyboard is the dialog's
        type_in(qtbot, name)
        press(qtbot, Qt.Key.Key_Tab)
        for _ in range(kind_steps):
            press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Return)

    when_dialog_opens(answer)
    keyboard_pick("Set function", "New function…")
    menu_key(qtbot)


def test_a_small_blueprint_with_the_keyboard_only(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, load_template("classic"))
    window.view.setFocus()
    bp = lambda: window.document.blueprint  # noqa: E731

    press(qtbot, Qt.Key.Key_Down, CTRL)  # nothing chosen yet: the customer lane's first cell
    assert window.view.cell == ("customer", "step-1") and window.view.cell_cursor.isVisible()
    press(qtbot, Qt.Key.Key_Return)  # an empty cell: a new card there
    type_in(qtbot, "Orders a flat white")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Down, CTRL)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    type_in(qtbot, "Takes the order")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Down, CTRL)
    press(qtbot, Qt.Key.Key_Right, CTRL)
    assert window.view.cell == ("backstage", "step-2")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    type_in(qtbot, "Makes the coffee")
    press(qtbot, Qt.Key.Key_Return)
    orders, takes, makes = (
        card_titled(window, t) for t in ("Orders a flat white", "Takes the order", "Makes the coffee")
    )
    assert [(c.lane, c.step) for c in bp().cards] == [
        ("customer", "step-1"),
        ("frontstage", "step-1"),
        ("backstage", "step-2"),
    ]

    find(qtbot, window, "Orders")
    press(qtbot, Qt.Key.Key_Down, SHIFT)  # the card below joins the selection, second
    assert window.selection.ids == (orders, takes)
    press(qtbot, Qt.Key.Key_L, CTRL)
    find(qtbot, window, "Takes")
    press(qtbot, Qt.Key.Key_Down, SHIFT)
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert [(link.source, link.target) for link in bp().links] == [(orders, takes), (takes, makes)]
    find(qtbot, window, "Takes")
    keyboard_pick("Select a link", "→ Makes the coffee")  # a card's menu leads to its links
    menu_key(qtbot)
    press(qtbot, Qt.Key.Key_Return)  # a selected link: its label, in place
    type_in(qtbot, "order ticket")
    press(qtbot, Qt.Key.Key_Return)
    assert bp().links[1].label == "order ticket"

    find(qtbot, window, "Takes")
    new_function(qtbot, "Barista", kind_steps=1)  # Team, Role
    find(qtbot, window, "Makes")
    new_function(qtbot, "Coffee machine", kind_steps=2)  # Team, Role, System
    keyboard_pick("Add fail point")
    press(qtbot, Qt.Key.Key_F10, SHIFT)  # the other way to the same menu
    functions = {f.name: f for f in bp().functions}
    assert functions["Barista"].kind == "role" and functions["Coffee machine"].kind == "system"
    assert window.document.card(takes).function == functions["Barista"].id
    assert window.document.card(makes).fail_point is not None

    press(qtbot, Qt.Key.Key_Left, ALT)  # the selected card to the step before, and back
    assert window.document.card(makes).step == "step-1"
    press(qtbot, Qt.Key.Key_Right, ALT)
    assert window.document.card(makes).step == "step-2"
    for _ in range(4):  # up through the cells to the step's header
        press(qtbot, Qt.Key.Key_Up, CTRL)
    assert window.selection.ids == ("step-2",)
    keyboard_pick("Insert step after")
    menu_key(qtbot)
    type_in(qtbot, "Pays")
    press(qtbot, Qt.Key.Key_Return)
    pays = bp().stages[0].steps[2]
    assert pays.name == "Pays" and window.selection.ids == (pays.id,)
    press(qtbot, Qt.Key.Key_Left, ALT)  # reorder: Pays before the coffee is made
    assert [s.name for s in bp().stages[0].steps] == ["Step 1", "Pays", "Step 2"]
    assert window.document.card(makes).step == "step-2", "cards stay in their step"
    look(window, "keyboard-story")

    out = tmp_path / "coffee.blueprint"

    def save_as(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        edit = QApplication.focusWidget()
        assert isinstance(edit, QLineEdit) and dialog.isAncestorOf(edit)
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_in(qtbot, str(out))
        press(qtbot, Qt.Key.Key_Return)

    when_dialog_opens(save_as)
    press(qtbot, Qt.Key.Key_S, CTRL)
    saved = load(out)
    assert [c.title for c in saved.cards] == ["Orders a flat white", "Takes the order", "Makes the coffee"]
    assert len(saved.links) == 2 and {f.name for f in saved.functions} == {"Barista", "Coffee machine"}
    assert [s.name for s in saved.stages[0].steps] == ["Step 1", "Pays", "Step 2"]
    assert saved.metadata.created is not None and window.undo_stack.isClean()


def test_fix_a_finding_save_reopen_and_export_with_the_keyboard_only(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    """The rest of the newcomer's story: F6 to the Findings, Return on the dead end, fix it on the canvas,
    save, reopen through the Open dialog and export the PDF through its dialog, all with keys."""
    path = tmp_path / "cafe.blueprint"
    save(
        blueprint_with(
            cards=[
                card("orders", "customer", 0, "Orders a flat white"),
                card("takes", "frontstage", 0, "Takes the order", function="team-a"),
                card("makes", "backstage", 1, "Makes the coffee", function="team-b"),
                card("hands", "frontstage", 1, "Hands over the cup", function="team-a"),
                card("collects", "customer", 1, "Collects the coffee"),
            ],
            links=[("orders", "takes"), ("takes", "makes"), ("hands", "collects")],
            steps=2,
            functions=["team-a", "team-b"],
        ),
        path,
    )
    window = open_window(qtbot, load(path), path)
    window.findings_watch.run_now()
    window.view.setFocus()
    panels = {name: window.panel(name) for name in ("InspectorPanel", "FunctionsPanel", "FindingsPanel")}

    press(qtbot, Qt.Key.Key_F6)  # the canvas, then each panel in turn
    assert panels["InspectorPanel"].isAncestorOf(focused(qtbot))
    press(qtbot, Qt.Key.Key_F6)  # Functions, tabbed behind the Inspector, comes to the front
    assert panels["FunctionsPanel"].isAncestorOf(focused(qtbot))
    assert not panels["FunctionsPanel"].visibleRegion().isEmpty()
    press(qtbot, Qt.Key.Key_F6)
    tree = panels["FindingsPanel"].tree
    assert focused(qtbot) is tree
    for _ in range(8):
        press(qtbot, Qt.Key.Key_Down)
        if tree.currentItem() is not None and tree.currentItem().text(0).startswith("BP102"):
            break
    assert tree.currentItem().text(0).startswith("BP102")
    assert "Makes the coffee" in panels["FindingsPanel"].detail.text(), "the whole message under the list"
    press(qtbot, Qt.Key.Key_Return)  # select what the finding names; the keyboard goes to the canvas
    assert window.selection.ids[0] == "makes" and focused(qtbot) is window.view
    shown = not panels["InspectorPanel"].visibleRegion().isEmpty()
    assert shown, "the Inspector, in front of Functions again, shows the selection"

    find(qtbot, window, "Makes")  # fix: what the barista makes goes to the one who hands it over
    press(qtbot, Qt.Key.Key_F, CTRL)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_in(qtbot, "Hands over")
    press(qtbot, Qt.Key.Key_Return, SHIFT)  # adds the match to the selection, second
    press(qtbot, Qt.Key.Key_Escape)
    assert window.selection.ids == ("makes", "hands")
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert not [f for f in window.findings_watch.run_now() if f.code == "BP102"]
    press(qtbot, Qt.Key.Key_S, CTRL)  # it has a file: saved there, no dialog
    assert ("makes", "hands") in [(link.source, link.target) for link in load(path).links]

    def open_file(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_in(qtbot, str(path))
        press(qtbot, Qt.Key.Key_Return)

    before = window.document
    when_dialog_opens(open_file)
    press(qtbot, Qt.Key.Key_O, CTRL)
    qtbot.waitUntil(lambda: window.document is not before)
    assert window.document.path == path and len(window.document.blueprint.links) == 4

    pdf = tmp_path / "cafe.pdf"

    def export(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        edit = focused(qtbot)
        assert isinstance(edit, QLineEdit) and dialog.isAncestorOf(edit), "the file name has the keyboard"
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_in(qtbot, str(pdf))
        press(qtbot, Qt.Key.Key_Return)

    when_dialog_opens(export)
    press(qtbot, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(pdf.exists, timeout=10_000)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(str(pdf)).pages).replace("\n", " ")
    assert "Makes the coffee" in text
