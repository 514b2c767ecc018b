"""Help > Keyboard Shortcuts: every key the editor answers to, read from the window's actions at the
moment it opens (the menus, in their order, then the canvas's own keys), so it cannot drift from what
the keys do: an action someone adds with a shortcut appears here by itself."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blueprint.ui.activation import bring_forward

WINDOW_NAME = "keyboardShortcuts"
MOUSE = (
    "With the mouse: double-click a cell to add a card; drag the round handle on a card's right edge "
    "onto another card to link them; drag a card to another cell; drag a stage or step header (or a "
    "lane name) to reorder; right-click anything for its menu; Ctrl+wheel zooms; the middle button or "
    "Space+drag pans."
)


def plain(text: str) -> str:
    """A menu text as read aloud: no mnemonic ampersands, no trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…").strip()


#: The function keys past F12, which only Sun and office keyboards have: Qt's standard bindings on X11
#: give Undo F14, Copy F16, Paste F18 and Cut F20, and a list of them reads like keys to press.
FAR_FUNCTION_KEYS = range(Qt.Key.Key_F13.value, Qt.Key.Key_F35.value + 1)

#: An action's name in the list where its menu text changes (Undo reads "Undo Edit card emotion").
COMMAND_NAME = "commandName"


def keys_of(action: QAction) -> str:
    """The action's keys as a person types them; the dedicated keys of multimedia and office keyboards
    that Qt's standard bindings add ("Open", "Zoom In", "Undo" keys, F13 to F35) are left out."""
    typed = [
        k
        for k in action.shortcuts()
        if k.count()
        and k[0].key().value < Qt.Key.Key_Back.value
        and k[0].key().value not in FAR_FUNCTION_KEYS
    ]
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in typed)


def command_of(action: QAction) -> str:
    """The command's name: its fixed name when it has one, else its menu text."""
    return str(action.property(COMMAND_NAME) or plain(action.text()))


def _menu_rows(menu: QMenu, path: str, seen: set[int]) -> Iterator[tuple[str, str, str]]:
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _menu_rows(sub, f"{path} › {plain(sub.title())}", seen)
        elif keys_of(action) and not action.isSeparator():
            seen.add(id(action))
            yield (path, command_of(action), keys_of(action))


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(where, command, keys) for every action with a shortcut: menu entries first (by menu), then the
    canvas's keys and any other action of the window that sits in no menu."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            rows += _menu_rows(menu, plain(menu.title()), seen)
    others: list[QAction] = []
    view = getattr(window, "view", None)
    canvas = QWidget.actions(view) if isinstance(view, QWidget) else []
    for owner in (view, window):
        if isinstance(owner, QWidget):  # QWidget.actions: MainWindow.actions is its Actions object
            others += [a for a in QWidget.actions(owner) if keys_of(a) and id(a) not in seen]
    for action in dict.fromkeys(others):
        where = "Canvas" if action in canvas else "Window"
        rows.append((where, command_of(action), keys_of(action)))
    return rows


class ShortcutsDialog(QDialog):
    """A list grouped by menu: command and keys."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName(WINDOW_NAME)
        self.setWindowTitle("Keyboard shortcuts")
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutList")
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Command", "Keys"])
        self.tree.setRootIsDecorated(False)
        mouse = QLabel(MOUSE)
        mouse.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        column = QVBoxLayout(self)
        column.addWidget(self.tree)
        column.addWidget(mouse)
        column.addWidget(buttons)
        self.resize(620, 640)
        self.fill(window)

    def fill(self, window: QMainWindow) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for where, command, keys in shortcut_rows(window):
            group = groups.get(where)
            if group is None:
                group = groups[where] = QTreeWidgetItem([where, ""])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(group)
            group.addChild(QTreeWidgetItem([command, keys]))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)

    def rows(self) -> list[tuple[str, str, str]]:
        """What the list shows: (group, command, keys)."""
        found = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                child = group.child(j)
                found.append((group.text(0), child.text(0), child.text(1)))
        return found


def show_shortcuts(window: QMainWindow) -> ShortcutsDialog:
    """Open (or bring forward, refilled) the window's one shortcuts list."""
    dialog = window.findChild(ShortcutsDialog, WINDOW_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if dialog is None:
        dialog = ShortcutsDialog(window)
        activate = getattr(window, "activate", None)
        if activate is not None:
            dialog.finished.connect(lambda _result: QTimer.singleShot(0, activate))
    else:
        dialog.fill(window)
    dialog.show()
    bring_forward(dialog)
    return dialog
