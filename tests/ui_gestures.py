"""Helpers for editor tests that act as a person: real mouse and keyboard events on the canvas.

Positions are given in scene coordinates (the layout's) and mapped through the view, so the tests
exercise the same path as a real click.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, QRectF, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage, QKeyEvent, QPainter, QUndoStack, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsScene, QWidget
from pytestqt.qtbot import QtBot

from blueprint.edit import Document
from blueprint.model import Blueprint
from blueprint.ui.canvas.editing import CanvasEditor
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.canvas.view import BlueprintView
from blueprint.ui.main_window import MainWindow
from blueprint.ui.selection import Selection

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


def isolate_settings(folder: Path) -> None:
    """Keep QSettings (recent files, window state) of a test in its own folder."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().clear()


def open_window(qtbot: QtBot, blueprint: Blueprint, path: Path | None = None) -> MainWindow:
    from blueprint.ui.app import ensure_app

    ensure_app()
    window = MainWindow(Document(blueprint, path))
    qtbot.addWidget(window, before_close_func=lambda w: w.undo_stack.setClean())
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)  # keys reach it
    window.view.zoom_actual()
    window.view.horizontalScrollBar().setValue(0)
    window.view.verticalScrollBar().setValue(0)
    return window


def at(window: MainWindow, scene_pos: QPointF) -> QPoint:
    """The viewport position of a scene position (brought into sight first)."""
    view = window.view
    view.ensureVisible(scene_pos.x() - 1, scene_pos.y() - 1, 2, 2, 80, 80)
    return view.mapFromScene(scene_pos)


def card_centre(window: MainWindow, card_id: str) -> QPointF:
    box = window.scene.layout.cards[card_id].box
    return QPointF(box.x + box.w / 2, box.y + box.h / 2)


def cell_centre(window: MainWindow, lane_id: str, step_id: str) -> QPointF:
    box = window.scene.layout.cells[(lane_id, step_id)].box
    return QPointF(box.x + box.w / 2, box.bottom - 8)


def click(qtbot: QtBot, window: MainWindow, pos: QPointF, modifier=NO_MODIFIER) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.view.viewport(), LEFT, modifier, at(window, pos))


def double_click(qtbot: QtBot, window: MainWindow, pos: QPointF) -> None:
    viewport = window.view.viewport()
    point = at(window, pos)
    qtbot.mouseClick(viewport, LEFT, NO_MODIFIER, point)
    qtbot.mouseDClick(viewport, LEFT, NO_MODIFIER, point)


def drag(
    qtbot: QtBot, window: MainWindow, start: QPointF, end: QPointF, steps: int = 6, release: bool = True
) -> None:
    """Press at `start`, move in steps to `end`, release (all in scene coordinates)."""
    viewport = window.view.viewport()
    view = window.view
    a = at(window, start)
    qtbot.mousePress(viewport, LEFT, NO_MODIFIER, a)
    start_view = view.mapToScene(a)
    for i in range(1, steps + 1):
        p = start_view + (end - start_view) * (i / steps)
        qtbot.mouseMove(viewport, view.mapFromScene(p))
    if release:
        qtbot.mouseRelease(viewport, LEFT, NO_MODIFIER, view.mapFromScene(end))


def key(qtbot: QtBot, widget: QWidget, key_code: Qt.Key, modifier=NO_MODIFIER) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget, key_code, modifier)


def wheel(widget: QWidget, notches: int) -> None:
    """Turn the mouse wheel over `widget` (negative: towards the person, scrolling down)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        NO_MODIFIER,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, non-ASCII included (QTest.keyClicks aborts on non-ASCII)."""
    for ch in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, NO_MODIFIER, ch))


def when_dialog_opens(action: Callable[[QWidget], None], timeout_ms: int = 5000) -> dict:  # type: ignore[type-arg]
    """Run `action(dialog)` on the next modal dialog that opens (to answer it like a person)."""
    seen: dict = {}  # type: ignore[type-arg]
    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            seen["dialog"] = dialog
            seen["text"] = getattr(dialog, "text", lambda: "")()
            action(dialog)
            return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def look(widget: QWidget, name: str) -> None:
    """Save a picture of `widget` for a person to look at, only when BLUEPRINT_LOOK_DIR names a folder.

    Tests never write outside tmp_path on their own; a reviewer sets the variable to see the window.
    """
    folder = os.environ.get("BLUEPRINT_LOOK_DIR")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def drop_file(window: QWidget, path: Path) -> None:
    """Drop `path` on the window, as from a file manager."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def scene_image(scene: QGraphicsScene, source: QRectF) -> QImage:
    """`source` of `scene` rendered 1:1 on white (to compare two scenes pixel for pixel)."""
    image = QImage(int(source.width()), int(source.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), source)
    painter.end()
    return image


def canvas_view(
    qtbot: QtBot, document: Document, width: int, height: int, x: int = 0
) -> tuple[BlueprintView, BlueprintScene, CanvasEditor, QUndoStack]:
    """A canvas on `document` in a view of its own, `width` x `height` at 100%, every item made, scrolled
    `x` points along the journey (and to the top)."""
    selection, stack = Selection(), QUndoStack()
    scene = BlueprintScene(document, selection)
    editor = CanvasEditor(document, stack, selection)
    view = BlueprintView(scene, editor)
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    view.set_zoom(1.0)
    qtbot.waitUntil(lambda: scene.complete)
    view.horizontalScrollBar().setValue(x)
    view.verticalScrollBar().setValue(0)
    return view, scene, editor, stack
