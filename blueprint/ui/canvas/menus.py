"""Context menus of the canvas: on cards, on links, on stage and step headers, on lane names and on
empty cells. `context_menu` picks one by what is under the mouse; `menu_for` by the selection (the
Menu key and Shift+F10), so the keyboard reaches every entry the mouse does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from blueprint.edit import SetLinkFields
from blueprint.model import FailPoint, WaitPoint
from blueprint.ui.access_keys import give_access_keys
from blueprint.ui.canvas.grid_cursor import header_ids
from blueprint.ui.canvas.plan_menus import add_fail_owner_menu, add_plan_entries
from blueprint.ui.dialogs.lifetime import modal
from blueprint.ui.dialogs.new_function import NewFunctionDialog
from blueprint.ui.plain import menu_text
from blueprint.ui.vocabulary import EMOTIONS, LANE_KINDS, NO_FUNCTION

if TYPE_CHECKING:
    from blueprint.ui.canvas.view import BlueprintView

#: Shown beside the entries that the window's Move actions also do.
MOVE_KEYS = {"left": "Alt+Left", "right": "Alt+Right", "up": "Alt+Up", "down": "Alt+Down"}


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
        return cell_menu(view, cell)
    return None


def menu_for(view: BlueprintView, target: tuple[str, str | tuple[str, str]]) -> QMenu | None:
    """The menu of a ("card" | "link" | "lane" | "stage" | "step", id) or ("cell", (lane, step))."""
    kind, value = target
    if kind == "cell":
        return cell_menu(view, value)  # type: ignore[arg-type]
    assert isinstance(value, str)
    if kind == "card":
        return card_menu(view, value)
    if kind == "link":
        return link_menu(view, value)
    if kind == "lane":
        return lane_menu(view, value)
    if kind in ("stage", "step"):
        return header_menu(view, kind, value)
    return None


def cell_menu(view: BlueprintView, cell: tuple[str, str]) -> QMenu:
    menu = QMenu(view)
    menu.addAction("&New card here", lambda: view.new_card_in(*cell)).setShortcut(QKeySequence("Ctrl+Return"))
    paste = menu.addAction("&Paste here", lambda: view.editor.paste(cell))
    paste.setEnabled(view.editor.can_paste())
    return give_access_keys(menu)


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
    menu.addAction("&Edit title", lambda: view.edit_title(card_id)).setShortcut("F2")
    menu.addAction("Edit de&scription", lambda: view.edit_description(card_id)).setShortcut("Shift+F2")
    functions = menu.addMenu("Set &function")
    group = QActionGroup(functions)
    for function_id, name in [
        (None, NO_FUNCTION),  # the Inspector's word (the menu said "(none)")
        *[(f.id, f.name) for f in editor.document.blueprint.functions],
    ]:
        action = QAction(menu_text(name), functions, checkable=True)
        action.setChecked(card.function == function_id)
        action.triggered.connect(lambda _=False, f=function_id: set_all({"function": f}, "Set function"))
        group.addAction(action)
        functions.addAction(action)
    functions.addSeparator()
    functions.addAction("&New function…", lambda: ask_new_function(view, card_id))
    menu.addSeparator()
    if card.fail_point is None:
        menu.addAction(
            "&Add fail point",
            lambda: set_all({"fail_point": FailPoint()}, "Add fail point"),
        )
    else:
        menu.addAction(
            "&Remove fail point",
            lambda: set_all({"fail_point": None}, "Remove fail point"),
        )
    if card.wait_point is None:
        menu.addAction(
            "Add &wait point",
            lambda: set_all({"wait_point": WaitPoint()}, "Add wait point"),
        )
    else:
        menu.addAction(
            "Remove &wait point",
            lambda: set_all({"wait_point": None}, "Remove wait point"),
        )
    links = editor.document.links_of(card_id)
    if links:  # the keyboard's way to a link (arrow keys go from card to card)
        chosen = menu.addMenu("Select a &link")
        for link in links:
            out = link.source == card_id
            other = editor.document.card(link.target if out else link.source)
            name = other.title if other is not None else "?"
            label = f"→ {_short(name)}" if out else f"← {_short(name)}"
            if link.label:
                label += f" ({_short(link.label)})"
            chosen.addAction(menu_text(label), lambda i=link.id: editor.select([i], centre=True))
    add_fail_owner_menu(menu, view, card, targets)
    emotions = menu.addMenu("Set e&motion")
    feelings = QActionGroup(emotions)  # one of them, marked as Set function's choice is (not ticks)
    for value, label in EMOTIONS:
        action = QAction(label, emotions, checkable=True)
        action.setChecked(card.emotion == value)
        feelings.addAction(action)
        action.triggered.connect(lambda _=False, v=value: set_all({"emotion": v}, "Set emotion"))
        emotions.addAction(action)
    menu.addSeparator()
    add_plan_entries(menu, view, card_id)
    menu.addSeparator()
    for text, slot, key in (
        ("Cu&t", editor.cut, QKeySequence(QKeySequence.StandardKey.Cut)),
        ("&Copy", editor.copy, QKeySequence(QKeySequence.StandardKey.Copy)),
        ("Dupl&icate", editor.duplicate, QKeySequence("Ctrl+D")),
        ("&Delete", editor.delete_selection, QKeySequence(Qt.Key.Key_Delete)),
    ):
        menu.addAction(text, slot).setShortcut(key)  # shown beside the entry, as in the Edit menu
    return give_access_keys(menu)


def ask_new_function(view: BlueprintView, card_id: str) -> str | None:
    """Ask for a function's name and kind, create it and give it the selected cards (one undo step)."""
    with modal(NewFunctionDialog(view)) as dialog:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        name, kind = dialog.name(), dialog.kind()
    cards = view.editor.selected_cards()
    return view.editor.new_function_for(cards if card_id in cards else [card_id], name, kind)


def link_menu(view: BlueprintView, link_id: str) -> QMenu:
    editor = view.editor
    link = editor.document.link(link_id)
    assert link is not None
    menu = QMenu(view)
    loop = menu.addAction("Deliberate &loop (not a backwards flow)")
    loop.setCheckable(True)
    loop.setChecked(link.kind == "loop")
    loop.triggered.connect(
        lambda checked: editor.run(SetLinkFields(link_id, {"kind": "loop" if checked else "flow"}))
    )
    menu.addAction("&Reverse direction", lambda: editor.reverse_link(link_id))
    menu.addSeparator()
    add_plan_entries(menu, view, link_id)
    menu.addSeparator()
    menu.addAction("&Delete link", editor.delete_selection)
    return give_access_keys(menu)


def header_menu(view: BlueprintView, kind: str, element_id: str) -> QMenu:
    """Stage or step header: insert before or after, rename, move left or right, delete."""
    editor = view.editor
    menu = QMenu(view)
    noun = "step" if kind == "step" else "stage"
    insert = editor.insert_step if kind == "step" else editor.insert_stage
    move = editor.move_step if kind == "step" else editor.move_stage

    menu.addAction(f"Insert {noun} &before", lambda: _inserted(view, kind, insert(element_id, False)))
    menu.addAction(f"Insert {noun} &after", lambda: _inserted(view, kind, insert(element_id, True)))
    menu.addSeparator()
    menu.addAction(f"Rena&me {noun}", lambda: view.edit_name(kind, element_id)).setShortcut("F2")
    first, last = _at_ends(editor.document.blueprint, kind, element_id)
    left = menu.addAction(f"Move {noun} &left", lambda: move(element_id, -1))
    left.setShortcut(MOVE_KEYS["left"])
    left.setEnabled(not first)
    right = menu.addAction(f"Move {noun} &right", lambda: move(element_id, 1))
    right.setShortcut(MOVE_KEYS["right"])
    right.setEnabled(not last)
    menu.addSeparator()
    menu.addAction(f"&Delete {noun}", lambda: editor.remove(kind, element_id))
    return give_access_keys(menu)


def _inserted(view: BlueprintView, kind: str, new_id: str | None) -> None:
    """A new lane, stage or step is selected and its name opens for typing."""
    if new_id is not None:
        view.editor.select([new_id])
        view.edit_name(kind, new_id)


def _at_ends(bp, kind: str, element_id: str) -> tuple[bool, bool]:  # type: ignore[no-untyped-def]
    """Whether a lane, stage or step is the first and whether it is the last of its kind (a step
    moves across stage boundaries, so it is first only in the first stage). A stage's only step
    moves neither way (a stage keeps one step), so its Move entries are greyed like the ends'."""
    ids = header_ids(bp, kind)
    if kind == "step" and any(len(s.steps) == 1 and s.steps[0].id == element_id for s in bp.stages):
        return True, True
    return ids[0] == element_id, ids[-1] == element_id


def lane_menu(view: BlueprintView, lane_id: str) -> QMenu:
    """Lane name: insert a lane of a kind above or below, rename, move up or down, delete."""
    editor = view.editor
    menu = QMenu(view)

    for after, title in ((False, "Insert lane &above"), (True, "Insert lane &below")):
        sub = menu.addMenu(title)
        for kind, name in LANE_KINDS:
            sub.addAction(
                name, lambda k=kind, a=after: _inserted(view, "lane", editor.insert_lane(lane_id, k, a))
            )
    menu.addSeparator()
    menu.addAction("Rena&me lane", lambda: view.edit_name("lane", lane_id)).setShortcut("F2")
    first, last = _at_ends(editor.document.blueprint, "lane", lane_id)
    up = menu.addAction("Move lane &up", lambda: editor.move_lane(lane_id, -1))
    up.setShortcut(MOVE_KEYS["up"])
    up.setEnabled(not first)
    down = menu.addAction("Move lane do&wn", lambda: editor.move_lane(lane_id, 1))
    down.setShortcut(MOVE_KEYS["down"])
    down.setEnabled(not last)
    menu.addSeparator()
    menu.addAction("&Delete lane", lambda: editor.remove("lane", lane_id))
    return give_access_keys(menu)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
