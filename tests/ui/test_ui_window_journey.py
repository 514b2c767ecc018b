"""The issue's "done" story, scaled down: from the eight-stage template, draw cards and hand-offs with
the mouse and keyboard only, watch the Findings panel catch a broken hand-off, fix it, save, reopen and
export the PDF. Asserts on the document at every step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from blueprint.fileformat import dumps
from blueprint.resources import load_template
from blueprint.ui.access_keys import shown_text
from blueprint.ui.dialogs.new_function import NewFunctionDialog

from ui_gestures import (
    at,
    card_centre,
    cell_centre,
    double_click,
    drag,
    key,
    open_window,
    when_dialog_opens,
)


def draw_card(qtbot, window, lane: str, step: str, title: str) -> str:  # type: ignore[no-untyped-def]
    double_click(qtbot, window, cell_centre(window, lane, step))
    qtbot.keyClicks(window.view.inplace.edit, title)
    key(qtbot, window.view.inplace.edit, Qt.Key.Key_Return)
    [card_id] = window.selection.ids
    assert window.document.card(card_id).title == title
    return card_id


def connect(qtbot, window, source: str, target: str) -> None:  # type: ignore[no-untyped-def]
    drag(qtbot, window, window.scene.cards[source].handle_centre(), card_centre(window, target))
    assert any((link.source, link.target) == (source, target) for link in window.document.blueprint.links)


def right_click_menu(qtbot, window, pos, *path: str) -> None:  # type: ignore[no-untyped-def]
    """Right-click at a scene position and pick `path` in the context menu (through submenus)."""

    def pick(depth: int = 0) -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, lambda: pick(depth))
            return
        action = next(a for a in menu.actions() if shown_text(a.text()) == path[depth])
        if depth + 1 < len(path):
            menu.setActiveAction(action)
            action.menu().popup(menu.mapToGlobal(menu.actionGeometry(action).topRight()))
            QTimer.singleShot(20, lambda: pick(depth + 1))
        else:
            action.trigger()
            while QApplication.activePopupWidget() is not None:
                QApplication.activePopupWidget().close()

    QTimer.singleShot(0, pick)
    point = at(window, pos)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, window.view.viewport().mapToGlobal(point)
    )
    window.view.contextMenuEvent(event)


def new_function(qtbot, window, card_id: str, name: str) -> None:  # type: ignore[no-untyped-def]
    def answer(dialog):  # type: ignore[no-untyped-def]
        assert isinstance(dialog, NewFunctionDialog)
        dialog.name_edit.setText(name)
        dialog.accept()

    when_dialog_opens(answer)
    right_click_menu(qtbot, window, card_centre(window, card_id), "Set function", "New function…")
    function = window.document.blueprint.functions_by_id()[window.document.card(card_id).function]
    assert function.name == name


def test_draw_check_fix_save_reopen_export(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, load_template("eight-stage"))
    steps = [step.id for _, step in window.document.blueprint.all_steps()]
    assert len(window.document.blueprint.stages) == 8

    searches = draw_card(qtbot, window, "customer", steps[0], "Searches for a bike")
    shows = draw_card(qtbot, window, "frontstage", steps[0], "Web shop shows bikes")
    stock = draw_card(qtbot, window, "backstage", steps[0], "Stock levels synced")
    asks = draw_card(qtbot, window, "customer", steps[1], "Asks about sizes")
    answers = draw_card(qtbot, window, "frontstage", steps[1], "Advisor answers in chat")

    new_function(qtbot, window, shows, "Web shop")
    new_function(qtbot, window, stock, "Warehouse")
    new_function(qtbot, window, answers, "Sales advisors")
    assert len({window.document.card(c).function for c in (shows, stock, answers)}) == 3

    connect(qtbot, window, searches, shows)
    connect(qtbot, window, shows, stock)  # a hand-off to the warehouse that leads nowhere
    connect(qtbot, window, asks, answers)

    findings = window.findings_watch.run_now()
    dead_ends = [f for f in findings if f.code == "BP102"]
    assert [f.elements[0] for f in dead_ends] == [stock]
    tree = window.panel("FindingsPanel").tree
    rows = [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]
    row = next(r for r in rows if r.text(0).startswith("BP102 "))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(row).center())
    assert stock in window.selection.ids
    assert window.scene.cards[stock].finding_count >= 1

    connect(qtbot, window, stock, answers)  # fix: the warehouse's answer comes back to the advisor
    assert not [f for f in window.findings_watch.run_now() if f.code == "BP102"]

    target = tmp_path / "bike-shop.blueprint"
    assert window.save_to(target)
    reopened = open_window(qtbot, load_template("blank"))
    assert reopened.open_path(target)
    assert dumps(reopened.document.blueprint) == dumps(window.document.blueprint)
    assert len(reopened.scene.cards) == 5 and len(reopened.scene.links) == 4

    pypdf = pytest.importorskip("pypdf")
    from blueprint.ui.dialogs.export_dialog import ExportOptions
    from blueprint.ui.exporting import export_to

    pdf = tmp_path / "bike-shop.pdf"
    assert export_to(reopened, ExportOptions(pdf))
    text = "".join(page.extract_text() for page in pypdf.PdfReader(str(pdf)).pages)
    assert "Advisor answers in chat" in text.replace("\n", " ")


def test_right_click_a_card_and_add_a_fail_point(qtbot):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, load_template("classic"))
    steps = [step.id for _, step in window.document.blueprint.all_steps()]
    card_id = draw_card(qtbot, window, "frontstage", steps[0], "Takes payment")
    right_click_menu(qtbot, window, card_centre(window, card_id), "Add fail point")
    assert window.document.card(card_id).fail_point is not None
    assert window.scene.layout.cards[card_id].markers[0].kind == "fail"
