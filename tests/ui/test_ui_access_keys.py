"""Access keys: every entry of the menu bar's menus and of every context menu has its own underlined
letter within its menu, as a person who opens a menu from the keyboard expects (two entries sharing
one make Qt cycle between them and wait for Enter). Names from the document show their `&` as it is."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from blueprint.model import View
from blueprint.ui.access_keys import access_key, give_access_keys, shown_text
from blueprint.ui.canvas.menus import card_menu, cell_menu, header_menu, lane_menu, link_menu
from blueprint.ui.findings_plans import finding_menu
from blueprint.ui.main_window import MainWindow

from builders import blueprint_with, card, findings_blueprint
from menu_gestures import right_click_pick
from ui_gestures import at, card_centre, open_window


def menus_in(menu: QMenu, path: str) -> Iterator[tuple[str, QMenu]]:
    """`menu` and its submenus (filled as they are when shown), each with a path that names it."""
    menu.aboutToShow.emit()
    yield path, menu
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from menus_in(sub, f"{path} > {shown_text(action.text())}")


def key_problems(menu: QMenu, path: str) -> list[str]:
    """Entries without an access key, and keys two entries share, in `menu` and its submenus."""
    problems: list[str] = []
    for where, each in menus_in(menu, path):
        seen: dict[str, str] = {}
        for action in each.actions():
            if action.isSeparator() or not action.text():
                continue
            key = access_key(action.text())
            if key is None or not key.isalnum():  # "& " of a name not escaped is no key either
                problems.append(f"{where}: {action.text()!r} has no access key")
            elif key in seen:
                problems.append(f"{where}: {action.text()!r} and {seen[key]!r} share '{key}'")
            else:
                seen[key] = action.text()
    return problems


def a_window(qtbot: QtBot) -> MainWindow:
    """A blueprint with names holding `&`, a fail point, links both ways, a plan and a view."""
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Fish & chips", fail_point={"note": "Cold"}),
            card("c2", "frontstage", 0, "Takes the order", function="team-a"),
            card("c3", "backstage", 1, "Cooks", function="team-b"),
        ],
        links=[("c1", "c2", {"label": "order & pay"}), ("c2", "c3"), ("c3", "c1")],
        improvements=[{"id": "p1", "title": "Points & rewards", "targets": ["c1"]}],
    )
    doc.functions[0].name = "&Loyalty & CRM"
    doc.views.append(View(id="v1", name="Kitchen & bar", hidden_lanes=[doc.lanes[0].id]))
    return open_window(qtbot, doc)


def test_every_menu_of_the_menu_bar_has_one_access_key_per_entry(qtbot: QtBot) -> None:
    window = a_window(qtbot)
    problems = [
        problem
        for action in window.menuBar().actions()
        for problem in key_problems(action.menu(), shown_text(action.text()))
    ]
    assert problems == []
    tops = [access_key(action.text()) for action in window.menuBar().actions()]
    assert None not in tops and len(set(tops)) == len(tops)


def test_every_context_menu_of_the_canvas_has_one_access_key_per_entry(qtbot: QtBot) -> None:
    window = a_window(qtbot)
    view, bp = window.view, window.document.blueprint
    window.selection.set(["c1"])
    link = bp.links[0].id
    stage, step = bp.stages[0], bp.stages[0].steps[0]
    menus = {
        "card": card_menu(view, "c1"),
        "link": link_menu(view, link),
        "lane": lane_menu(view, bp.lanes[1].id),
        "stage": header_menu(view, "stage", stage.id),
        "step": header_menu(view, "step", step.id),
        "cell": cell_menu(view, (bp.lanes[0].id, step.id)),
    }
    problems = [problem for name, menu in menus.items() for problem in key_problems(menu, name)]
    assert problems == []


def test_the_panels_menus_have_one_access_key_per_entry(qtbot: QtBot) -> None:
    window = a_window(qtbot)
    plans = window.panel("ImprovementsPanel")
    functions = window.panel("FunctionsPanel")
    menus = {
        "plan row": plans.menu_for(plans.row_of("p1")),
        "no plan row": plans.menu_for(None),
        "function row": functions.context_menu("team-a"),
    }
    problems = [problem for name, menu in menus.items() for problem in key_problems(menu, name)]
    assert problems == []


def test_the_findings_menu_has_one_access_key_per_entry(qtbot: QtBot) -> None:
    window = open_window(qtbot, findings_blueprint())
    window.findings_watch.run_now()
    panel = window.panel("FindingsPanel")
    rows = list(panel.rows())
    assert rows
    problems = [
        problem
        for row in rows
        for problem in key_problems(finding_menu(panel, window, row), row.text(0))  # type: ignore[arg-type]
    ]
    assert problems == []


def test_names_with_an_ampersand_show_it_and_still_get_a_key(qtbot: QtBot) -> None:
    window = a_window(qtbot)
    menu = card_menu(window.view, "c1")
    functions = next(a.menu() for a in menu.actions() if shown_text(a.text()) == "Set function")
    shown = [shown_text(a.text()) for a in functions.actions() if not a.isSeparator()]
    assert "&Loyalty & CRM" in shown  # both ampersands drawn, neither taken for a key
    loyalty = next(a for a in functions.actions() if shown_text(a.text()) == "&Loyalty & CRM")
    assert access_key(loyalty.text()) == "l" and loyalty.text() == "&&&Loyalty && CRM"
    links = next(a.menu() for a in menu.actions() if shown_text(a.text()) == "Select a link")
    assert "→ Takes the order (order & pay)" in [shown_text(a.text()) for a in links.actions()]
    into = next(a.menu() for a in menu.actions() if shown_text(a.text()) == "Add to improvement")
    assert [shown_text(a.text()) for a in into.actions()] == ["Points & rewards"]
    window.views.fill_menu()
    assert "Kitchen & bar" in [shown_text(a.text()) for a in window.views.menu.actions()]


def test_a_letter_picks_the_entry_as_a_person_types_it(qtbot: QtBot) -> None:
    """Right-click a card and type "w": its wait point is added (no mouse on the entry, no Enter)."""
    window = a_window(qtbot)

    def type_w() -> None:
        popup = QApplication.activePopupWidget()
        if not isinstance(popup, QMenu):
            QTimer.singleShot(20, type_w)
            return
        QTest.keyClick(popup, Qt.Key.Key_W)
        while QApplication.activePopupWidget() is not None:
            QApplication.activePopupWidget().close()

    QTimer.singleShot(0, type_w)
    window.view.setFocus()
    point = at(window, card_centre(window, "c2"))
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, window.view.viewport().mapToGlobal(point)
    )
    window.view.contextMenuEvent(event)
    assert window.document.card("c2").wait_point is not None
    assert window.undo_stack.undoText() == "Add wait point"


def test_an_entry_is_still_picked_by_what_it_says(qtbot: QtBot) -> None:
    window = a_window(qtbot)
    offered = right_click_pick(window, card_centre(window, "c2"), "Add fail point")
    assert "Add fail point" in offered and "Set emotion" in offered  # as drawn, without the `&`
    assert window.document.card("c2").fail_point is not None


def test_give_access_keys_keeps_chosen_letters_and_prefers_the_start_of_a_word() -> None:
    menu = QMenu()
    for text in ("&Delete", "Duplicate", "Set due date", "Dd", "R&&D", "→ Takes", "12 items"):
        menu.addAction(text)
    give_access_keys(menu)
    texts = [a.text() for a in menu.actions()]
    assert texts == ["&Delete", "D&uplicate", "&Set due date", "Dd", "&R&&D", "→ &Takes", "&12 items"]
    assert shown_text("&R&&D") == "R&D" and access_key("R&&D") is None
