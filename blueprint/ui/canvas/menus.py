"""Context menus of the canvas: on cards, on links, on stage and step headers, and on lane names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu

from blueprint.edit import SetLinkFields
from blueprint.model import FailPoint, WaitPoint
from blueprint.ui.canvas.plan_menus import add_fail_owner_menu, add_plan_entries

if TYPE_CHECKING:
    from blueprint.ui.canvas.view import BlueprintView

LANE_KINDS = [
    ("evidence", "Physical evidence"),
    ("customer", "Customer actions"),
    ("frontstage", "Frontstage"),
    ("backstage", "Backstage"),
    ("support", "Support processes"),
    ("notes", "Notes"),
]
EMOTIONS = [
    (2, "+2  Delighted"),
    (1, "+1  Pleased"),
    (0, "0  Neutral"),
    (-1, "−1  Annoyed"),
    (-2, "−2  Upset"),
]


def context_menu(view: BlueprintView, pos: QPointF) -> QMenu | None:
    """The menu for what is under `pos`, or None when there is nothing to offer."""
    scene = view.scene()
    header = scene.header_at(pos)
    if header is not None:
        view.editor.selection.set([header[1]])
        return lane_menu(view, header[1]) if header[0] == "lane" else header_menu(view, *header)
    card = scene.card_at(pos)
    if card is not None:
        if card.card_id not in view.editor.selection.ids:
            view.editor.selection.set([card.card_id])
        return card_menu(view, card.card_id)
    link = scene.link_at(pos)
    if link is not None:
        view.editor.selection.set([link.link_id])
        return link_menu(view, link.link_id)
    cell = scene.cell_at(pos)
    if cell is not None:
        menu = QMenu(view)
        menu.addAction("New card here", lambda: view.new_card_in(*cell))
        paste = menu.addAction("Paste here", lambda: view.editor.paste(cell))
        paste.setEnabled(view.editor.can_paste())
        return menu
    return None


def card_menu(view: BlueprintView, card_id: str) -> QMenu:
    """Right-click on a card: its fields; with several cards selected, they all change (one undo step)."""
    editor = view.editor
    card = editor.document.card(card_id)
    assert card is not None
    selected = editor.selected_cards()
    targets = selected if card_id in selected else [card_id]

    def set_all(changes: dict, text: str) -> None:  # type: ignore[type-arg]
        editor.set_cards_fields(targets, changes, text)

    menu = QMenu(view)
    menu.addAction("Edit title", lambda: view.edit_title(card_id)).setShortcut("F2")
    menu.addAction("Edit description", lambda: view.edit_description(card_id)).setShortcut("Shift+F2")
    functions = menu.addMenu("Set function")
    group = QActionGroup(functions)
    for function_id, name in [
        (None, "(none)"),
        *[(f.id, f.name) for f in editor.document.blueprint.functions],
    ]:
        action = QAction(name, functions, checkable=True)
        action.setChecked(card.function == function_id)
        action.triggered.connect(lambda _=False, f=function_id: set_all({"function": f}, "Set function"))
        group.addAction(action)
        functions.addAction(action)
    functions.addSeparator()
    functions.addAction("New function…", lambda: ask_new_function(view, card_id))
    menu.addSeparator()
    if card.fail_point is None:
        menu.addAction(
            "Add fail point",
            lambda: set_all({"fail_point": FailPoint()}, "Add fail point"),
        )
    else:
        menu.addAction(
            "Remove fail point",
            lambda: set_all({"fail_point": None}, "Remove fail point"),
        )
    if card.wait_point is None:
        menu.addAction(
            "Add wait point",
            lambda: set_all({"wait_point": WaitPoint()}, "Add wait point"),
        )
    else:
        menu.addAction(
            "Remove wait point",
            lambda: set_all({"wait_point": None}, "Remove wait point"),
        )
    add_fail_owner_menu(menu, view, card, targets)
    emotions = menu.addMenu("Set emotion")
    for value, label in [*EMOTIONS, (None, "(none)")]:
        action = QAction(label, emotions, checkable=True)
        action.setChecked(card.emotion == value)
        action.triggered.connect(lambda _=False, v=value: set_all({"emotion": v}, "Set emotion"))
        emotions.addAction(action)
    menu.addSeparator()
    add_plan_entries(menu, view, card_id)
    menu.addSeparator()
    for text, slot, key in (
        ("Cut", editor.cut, QKeySequence(QKeySequence.StandardKey.Cut)),
        ("Copy", editor.copy, QKeySequence(QKeySequence.StandardKey.Copy)),
        ("Duplicate", editor.duplicate, QKeySequence("Ctrl+D")),
        ("Delete", editor.delete_selection, QKeySequence(Qt.Key.Key_Delete)),
    ):
        menu.addAction(text, slot).setShortcut(key)  # shown beside the entry, as in the Edit menu
    return menu


def ask_new_function(view: BlueprintView, card_id: str) -> str | None:
    """Ask for a function's name, create it and give it the selected cards (one undo step)."""
    name, ok = QInputDialog.getText(view, "New function", "Name of the team, role, system or partner:")
    if not ok:
        return None
    cards = view.editor.selected_cards()
    return view.editor.new_function_for(cards if card_id in cards else [card_id], name)


def link_menu(view: BlueprintView, link_id: str) -> QMenu:
    editor = view.editor
    link = editor.document.link(link_id)
    assert link is not None
    menu = QMenu(view)
    loop = menu.addAction("Deliberate loop (not a backwards flow)")
    loop.setCheckable(True)
    loop.setChecked(link.kind == "loop")
    loop.triggered.connect(
        lambda checked: editor.run(SetLinkFields(link_id, {"kind": "loop" if checked else "flow"}))
    )
    menu.addAction("Reverse direction", lambda: editor.reverse_link(link_id))
    menu.addSeparator()
    add_plan_entries(menu, view, link_id)
    menu.addSeparator()
    menu.addAction("Delete link", editor.delete_selection)
    return menu


def header_menu(view: BlueprintView, kind: str, element_id: str) -> QMenu:
    """Stage or step header: insert before or after, rename, delete."""
    editor = view.editor
    menu = QMenu(view)
    noun = "step" if kind == "step" else "stage"
    insert = editor.insert_step if kind == "step" else editor.insert_stage

    def inserted(new_id: str | None) -> None:
        if new_id is not None:
            view.edit_name(kind, new_id)

    menu.addAction(f"Insert {noun} before", lambda: inserted(insert(element_id, False)))
    menu.addAction(f"Insert {noun} after", lambda: inserted(insert(element_id, True)))
    menu.addSeparator()
    menu.addAction(f"Rename {noun}", lambda: view.edit_name(kind, element_id))
    menu.addAction(f"Delete {noun}", lambda: editor.remove(kind, element_id))
    return menu


def lane_menu(view: BlueprintView, lane_id: str) -> QMenu:
    """Lane name: insert a lane of a kind above or below, rename, move up or down, delete."""
    editor = view.editor
    menu = QMenu(view)

    def inserted(new_id: str | None) -> None:
        if new_id is not None:
            view.edit_name("lane", new_id)

    for after, title in ((False, "Insert lane above"), (True, "Insert lane below")):
        sub = menu.addMenu(title)
        for kind, name in LANE_KINDS:
            sub.addAction(name, lambda k=kind, a=after: inserted(editor.insert_lane(lane_id, k, a)))
    menu.addSeparator()
    menu.addAction("Rename lane", lambda: view.edit_name("lane", lane_id))
    lanes = [lane.id for lane in editor.document.blueprint.lanes]
    up = menu.addAction("Move lane up", lambda: editor.move_lane(lane_id, -1))
    up.setEnabled(lanes.index(lane_id) > 0)
    down = menu.addAction("Move lane down", lambda: editor.move_lane(lane_id, 1))
    down.setEnabled(lanes.index(lane_id) < len(lanes) - 1)
    menu.addSeparator()
    menu.addAction("Delete lane", lambda: editor.remove("lane", lane_id))
    return menu
