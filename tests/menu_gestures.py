"""Helpers for the editor polish tests: pick context-menu entries (pointer and keyboard), as a person does."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from blueprint.ui.access_keys import shown_text
from blueprint.ui.main_window import MainWindow

from ui_gestures import at


def same_entry(text: str, wanted: str) -> bool:
    """Whether a menu entry's Qt text is `wanted` as a person reads it: the access key's `&` (which
    the menus give every entry) is not part of what an entry says."""
    return shown_text(text) == shown_text(wanted)


def header_centre(window: MainWindow, kind: str, element_id: str) -> QPointF:
    """Scene centre of a lane name, stage header or step header (where the frozen headers are now)."""
    scene = window.scene
    layout = scene.layout
    if kind == "lane":
        box = next(lane.header for lane in layout.lanes if lane.lane_id == element_id)
        item = scene.lane_header
    elif kind == "step":
        box = next(step.box for step in layout.steps if step.step_id == element_id)
        item = scene.top_header
    else:
        box = next(stage.box for stage in layout.stages if stage.stage_id == element_id)
        item = scene.top_header
    return item.mapToScene(QPointF(box.x + box.w / 2, box.y + box.h / 2))


def right_click_pick(window: MainWindow, scene_pos: QPointF, *path: str) -> list[str]:
    """Right-click at a scene position and pick `path` in the menu (submenus opened by hovering).

    Returns the texts of the first menu's entries as shown (to assert what was offered)."""
    offered = _pick_when_open(path)
    point = at(window, scene_pos)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, window.view.viewport().mapToGlobal(point)
    )
    window.view.contextMenuEvent(event)
    return offered


def right_click_widget_pick(widget: QWidget, point: QPoint, *path: str) -> list[str]:
    """Right-click `widget` (e.g. a list's viewport) at `point` and pick `path` in its menu."""
    offered = _pick_when_open(path)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, widget.mapToGlobal(point))
    QApplication.sendEvent(widget, event)
    return offered


def _pick_when_open(path: tuple[str, ...]) -> list[str]:
    """Pick `path` in the next menu that opens; the list fills with the first menu's entries."""
    offered: list[str] = []

    def pick(menu: QMenu | None = None, depth: int = 0) -> None:
        popup = QApplication.activePopupWidget()
        if not isinstance(popup, QMenu) or popup is menu:
            QTimer.singleShot(20, lambda: pick(menu, depth))
            return
        if depth == 0:
            offered.extend(shown_text(a.text()) for a in popup.actions())
        action = next(a for a in popup.actions() if same_entry(a.text(), path[depth]))
        centre = popup.actionGeometry(action).center()
        QTest.mouseMove(popup, centre)
        if depth + 1 < len(path):
            popup.setActiveAction(action)
            action.menu().popup(popup.mapToGlobal(popup.actionGeometry(action).topRight()))
            QTimer.singleShot(20, lambda: pick(popup, depth + 1))
        else:
            # Enter on the highlighted entry: the menu closes and triggers it, as on a click (a
            # synthesised click can be taken for half a double-click after earlier tests' clicks)
            popup.setActiveAction(action)
            QTest.keyClick(popup, Qt.Key.Key_Return)
            while QApplication.activePopupWidget() is not None:
                QApplication.activePopupWidget().close()

    QTimer.singleShot(0, pick)
    return offered


def keyboard_pick(*path: str) -> list[str]:
    """Once a context menu is open (opened with the keyboard), walk `path` with the arrow keys and
    Return, as a person without a mouse does: Down to the entry, Right into a submenu, Return to pick.

    Returns the texts of the first menu's entries."""
    offered: list[str] = []

    def step(depth: int, menu: QMenu | None = None) -> None:
        popup = QApplication.activePopupWidget()
        if not isinstance(popup, QMenu) or popup is menu:
            QTimer.singleShot(20, lambda: step(depth, menu))
            return
        entries = [a for a in popup.actions() if not a.isSeparator() and a.isEnabled()]
        if depth == 0:
            offered.extend(shown_text(a.text()) for a in popup.actions())
        texts = [shown_text(a.text()) for a in entries]
        if shown_text(path[depth]) not in texts:  # close the menu (no hang) and say what was offered instead
            while QApplication.activePopupWidget() is not None:
                QApplication.activePopupWidget().close()
            raise AssertionError(f"{path[depth]!r} is not in the menu: {texts}")
        target = texts.index(shown_text(path[depth]))
        if popup.activeAction() in entries:  # a submenu opened by the keyboard starts on its first entry
            presses = target - entries.index(popup.activeAction())
        else:
            presses = target + 1
        for _ in range(presses):
            QTest.keyClick(popup, Qt.Key.Key_Down)
        assert popup.activeAction() is entries[target], (path[depth], popup.activeAction().text())
        if depth + 1 < len(path):
            QTest.keyClick(popup, Qt.Key.Key_Right)
            QTimer.singleShot(20, lambda: step(depth + 1, popup))
        else:
            QTest.keyClick(popup, Qt.Key.Key_Return)

    QTimer.singleShot(0, lambda: step(0))
    return offered
