"""Text from a shared file is shown literally in panels: never rendered as Qt rich text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument, QUndoStack
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from blueprint.edit import Document
from blueprint.ui.panels.functions import FunctionsPanel
from blueprint.ui.plain import tooltip
from blueprint.ui.selection import Selection

from builders import blueprint_with, card

HOSTILE = "<b>Ops</b><img src='x.png'> & co"


def rendered(markup: str) -> str:
    page = QTextDocument()
    page.setHtml(markup)
    return page.toPlainText()


def test_tooltip_markup_shows_the_text_as_typed() -> None:
    assert rendered(tooltip(HOSTILE)) == HOSTILE
    assert QtGuiNamespace.mightBeRichText(tooltip(HOSTILE))


def test_a_function_named_with_markup_is_shown_literally(qtbot: QtBot) -> None:
    doc = blueprint_with(cards=[card("c1", "frontstage", 0, "Work", function="team-a")])
    doc.functions[0].name = HOSTILE
    panel = FunctionsPanel(Document(doc), QUndoStack(), Selection())
    qtbot.addWidget(panel)
    item = panel.list.item(0)
    assert item.text() == HOSTILE
    assert rendered(item.toolTip()).startswith(HOSTILE + ": team")
    labels = panel.findChildren(QLabel)
    assert labels and all(
        label.textFormat() == Qt.TextFormat.PlainText for label in labels if label.wordWrap()
    )


def test_card_and_link_tooltips_on_the_canvas_are_literal(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QGraphicsSceneHoverEvent

    from blueprint.ui.canvas.card_item import CardItem
    from blueprint.ui.canvas.link_item import LinkItem
    from blueprint.ui.canvas.scene import BlueprintScene

    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, HOSTILE),
            card("c2", "frontstage", 0, "Takes it", function="team-a"),
        ],
        links=[("c1", "c2", {"label": "<i>order</i>"})],
    )
    scene = BlueprintScene(Document(doc), Selection())
    cards = [item for item in scene.items() if isinstance(item, CardItem) and item.card_id == "c1"]
    links = [item for item in scene.items() if isinstance(item, LinkItem)]
    assert cards and links
    cards[0].hoverEnterEvent(QGraphicsSceneHoverEvent())
    assert rendered(cards[0].toolTip()).startswith(HOSTILE)
    assert "<i>order</i>" in rendered(links[0].toolTip())


def shown(menu) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """The entries of `menu` as Qt shows them (a lone "&" marks a shortcut key and is not drawn), each
    submenu's title with its entries."""
    return {
        action.iconText(): [a.iconText() for a in action.menu().actions()] if action.menu() else []
        for action in menu.actions()
    }


def test_an_ampersand_in_a_name_shows_in_menus_and_buttons(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from blueprint.fileformat import save
    from blueprint.model import View
    from blueprint.ui.canvas.menus import card_menu
    from blueprint.ui.plain import menu_text

    from menu_gestures import right_click_pick
    from ui_gestures import card_centre, open_window

    doc = blueprint_with(
        cards=[card("c1", "customer", 0, "Fish & chips", fail_point={"note": "Cold"})],
        improvements=[{"id": "p1", "title": "Points & rewards", "targets": ["c1"]}],
    )
    doc.functions[0].name = "Loyalty & CRM"
    doc.lanes[2].name = "Staff & systems"
    doc.views.append(View(id="v1", name="Kitchen & bar"))
    path = tmp_path / "R&D.blueprint"
    save(doc, path)
    window = open_window(qtbot, doc)
    assert window.open_path(path)  # and into the recent files

    entries = shown(card_menu(window.view, "c1"))
    assert "Loyalty & CRM" in entries["Set function"]
    assert "Loyalty & CRM" in entries["Fail point owner"]
    assert entries["Add to improvement"] == ["Points & rewards"]
    window.views.fill_menu()
    views = shown(window.views.menu)
    assert "Kitchen & bar" in views and "Staff & systems" in views["Show Lanes"]
    window.fill_recent_menu()
    assert "R&D.blueprint" in shown(window.actions.recent_menu)
    window.selection.set(["p1"])
    button = window.panel("InspectorPanel").plan_form.targets.buttons["c1"]
    assert button.text() == menu_text("Fish & chips") == "Fish && chips"  # drawn as "Fish & chips"
    # the entry still does its work when picked
    right_click_pick(window, card_centre(window, "c1"), "Fail point owner", menu_text("Loyalty & CRM"))
    assert window.document.card("c1").fail_point.owner == "team-a"
