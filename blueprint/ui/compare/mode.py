"""File > Compare With...: another version of the blueprint against the open one, read-only.

The chosen file is the older version and the open document the newer one (Swap turns that round, for
an as-is blueprint opened beside its to-be). While comparing, the canvas shows the newer version with
the changes marked and the removed cards and links as ghosts where they were; the Changes dock lists
the changes in words; a line of measures compares the two; nothing can change the document (the
window's editing actions and panels are disabled and the editor's canvas is put aside) until Close
Compare puts everything back as it was.

Only the main window's public API is used: `document`, `undo_stack`, `panels`, `actions`,
`menuBar`, `document_replaced`, central widget and docks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMenu, QWidget

from blueprint.edit import Document
from blueprint.fileformat import BlueprintFileError, load
from blueprint.model import Blueprint
from blueprint.teams.comparison import Comparison, compare
from blueprint.ui.canvas.editing import CanvasEditor
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.compare.banner import compare_page
from blueprint.ui.compare.changes_dock import ChangesDock
from blueprint.ui.compare.docks import FrontDocks, bring_forward, front_docks
from blueprint.ui.compare.overlay import CompareMarks
from blueprint.ui.compare.view import CompareView
from blueprint.ui.dialogs.prompts import show_error
from blueprint.ui.selection import Selection

FILE_FILTER = "Service blueprints (*.blueprint)"
_CHANGES_ROWS = 10


@dataclass
class _Session:
    """One comparison on screen, and what it put aside to be restored."""

    comparison: Comparison
    other: Path
    other_is_old: bool
    selection: Selection
    scene: BlueprintScene
    view: CompareView
    marks: CompareMarks
    dock: ChangesDock
    page: QWidget
    editor_view: QWidget
    disabled: list[QAction] = field(default_factory=list)
    disabled_widgets: list[QWidget] = field(default_factory=list)
    accepted_drops: bool = True
    window_size: QSize | None = None
    front_docks: FrontDocks = field(default_factory=list)


class CompareMode(QObject):
    """Compare With for one main window: File > Compare With... and Close Compare, and the mode."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session: _Session | None = None
        self.compare_action = QAction("Compare &With…", window)
        self.compare_action.setObjectName("compareWithAction")
        tip = "Compare the blueprint with another version of it (a file): what was added, changed, removed"
        self.compare_action.setToolTip(tip)
        self.compare_action.setStatusTip(tip)
        self.compare_action.triggered.connect(lambda _checked=False: self.choose())
        self.close_action = QAction("C&lose Compare", window)
        self.close_action.setObjectName("closeCompareAction")
        self.close_action.setStatusTip("Leave the comparison and edit the blueprint again")
        self.close_action.setEnabled(False)
        self.close_action.triggered.connect(lambda _checked=False: self.close())
        _add_to_file_menu(window, [self.compare_action, self.close_action])
        window.document_replaced.connect(self.close)  # type: ignore[attr-defined]

    @property
    def active(self) -> bool:
        return self.session is not None

    # --- entering and leaving -----------------------------------------------------------------------

    def choose(self) -> bool:
        """Ask for the other version's file, then compare with it."""
        document: Document = self.window.document  # type: ignore[attr-defined]
        start = str(document.path.parent) if document.path else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, "Compare with another version", start, FILE_FILTER
        )
        return bool(chosen) and self.compare_with(Path(chosen))

    def compare_with(self, path: Path | str, *, other_is_old: bool = True) -> bool:
        """Show the comparison of the open document with the file at `path` (False: it cannot be read)."""
        path = Path(path)
        try:
            other = load(path)
        except BlueprintFileError as error:
            show_error(self.window, "Cannot compare", error.one_line())
            return False
        except Exception as error:  # the editor never crashes on a bad file
            show_error(
                self.window, "Cannot compare", f"{path}: could not read it ({type(error).__name__}: {error})"
            )
            return False
        previous = self.session
        self.close()
        current: Blueprint = self.window.document.snapshot()  # type: ignore[attr-defined]
        old, new = (other, current) if other_is_old else (current, other)
        self._open(compare(old, new), path, other_is_old)
        if previous is not None and self.session is not None:  # Swap: the window as before the first
            self.session.window_size = previous.window_size
            self.session.front_docks = previous.front_docks
        return True

    def swap(self) -> None:
        """Turn the comparison round: the open document becomes the older version, or the newer."""
        if self.session is not None:
            self.compare_with(self.session.other, other_is_old=not self.session.other_is_old)

    def close(self) -> None:
        session, self.session = self.session, None
        if session is None:
            return
        window = self.window
        window.removeDockWidget(session.dock)
        session.dock.deleteLater()
        window.takeCentralWidget()
        window.setCentralWidget(session.editor_view)
        session.editor_view.show()
        session.scene.detach()
        session.page.deleteLater()
        session.scene.deleteLater()
        _enable_again([*session.disabled, *session.disabled_widgets])
        window.setAcceptDrops(session.accepted_drops)
        self.close_action.setEnabled(False)
        _give_size_back(window, session.window_size)
        bring_forward(window, session.front_docks)
        editor_view = window.view  # type: ignore[attr-defined]
        show_zoom = getattr(window, "_show_zoom", None)
        if show_zoom is not None:
            show_zoom(editor_view.zoom)
        editor_view.setFocus(Qt.FocusReason.OtherFocusReason)
        editor_view.refreeze()

    # --- building the mode --------------------------------------------------------------------------

    def _open(self, comparison: Comparison, other: Path, other_is_old: bool) -> None:
        window = self.window
        selection = Selection()
        document = Document(comparison.drawn)
        scene = BlueprintScene(document, selection, window)
        view = CompareView(scene, CanvasEditor(document, QUndoStack(self), selection))
        marks = CompareMarks(scene, comparison.marks)
        older, newer = (other.name, "this blueprint") if other_is_old else ("this blueprint", other.name)
        page = compare_page(
            comparison,
            older,
            newer,
            view,
            [
                ("Swap", "compareSwap", self.swap, "Turn the comparison round (older and newer)"),
                ("Fit", "compareFit", view.fit, "Zoom to show the whole blueprint (Ctrl+0)"),
                ("Close Compare", "compareClose", self.close, "Leave the comparison and edit again"),
            ],
        )
        dock = ChangesDock(comparison, selection, window)
        window_size, docks = window.size(), front_docks(window)  # before the canvas goes
        editor_view = window.takeCentralWidget()  # kept (not deleted) to be put back by close()
        session = _Session(
            comparison, other, other_is_old, selection, scene, view, marks, dock, page, editor_view
        )
        session.window_size, session.front_docks = window_size, docks
        self._put_aside(session)
        editor_view.hide()
        window.setCentralWidget(page)
        page.show()  # now, not when the event loop gets to it: a hidden page would give docks its room
        self._dock(dock)
        bring_forward(window, session.front_docks, sides_only=True)
        show_zoom = getattr(window, "_show_zoom", None)
        if show_zoom is not None:
            view.zoom_changed.connect(show_zoom)
        self.session = session
        self.close_action.setEnabled(True)
        view.zoom_actual()
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.setValue(bar.minimum())
        view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _put_aside(self, session: _Session) -> None:
        """Disable everything that edits or replaces the document; remember it to enable it again."""
        window = self.window
        keep = {self.compare_action, self.close_action}
        actions = getattr(window, "actions", None)
        for name in ("close", "quit", "about"):
            action = getattr(actions, name, None)
            if action is not None:
                keep.add(action)
        for panel in getattr(window, "panels", []):
            keep.add(panel.toggleViewAction())
        recent = getattr(actions, "recent_menu", None)
        for action in _own_actions(window):
            whole_menu = action.menu() is not None and not (
                recent is not None and action is recent.menuAction()
            )
            if action in keep or whole_menu or not action.isEnabled():
                continue
            action.setEnabled(False)
            session.disabled.append(action)
        for panel in getattr(window, "panels", []):
            body = panel.widget()
            if body is not None and body.isEnabled():
                body.setEnabled(False)
                session.disabled_widgets.append(body)
        find_bar = getattr(window, "find_bar", None)
        if find_bar is not None:
            find_bar.hide()
        session.accepted_drops = window.acceptDrops()
        window.setAcceptDrops(False)

    def _dock(self, dock: ChangesDock) -> None:
        window = self.window
        findings = next((p for p in getattr(window, "panels", []) if p.objectName() == "findings"), None)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        if findings is not None and not findings.isHidden():
            window.tabifyDockWidget(findings, dock)
        dock.show()
        dock.raise_()
        rows = dock.fontMetrics().height() + 4
        window.resizeDocks([dock], [rows * (_CHANGES_ROWS + 3)], Qt.Orientation.Vertical)


def _own_actions(window: QMainWindow) -> list[QAction]:
    """The window's actions, without those of a comparison's own widgets (a Changes dock's toggle,
    say): a comparison replaced by Swap deletes those later, and they must not be restored then."""
    own: list[QAction] = []
    for action in window.findChildren(QAction):
        owner = action.parent()
        while owner is not None and owner is not window and not isinstance(owner, ChangesDock):
            owner = owner.parent()
        if not isinstance(owner, ChangesDock):
            own.append(action)
    return own


def _give_size_back(window: QMainWindow, size: QSize | None) -> None:
    """The window's size before comparing (a wide banner or dock may have widened it), unless the
    window is maximised or full screen, where the screen decides."""
    if size is None or window.isMaximized() or window.isFullScreen():
        return
    window.resize(size)


def _enable_again(things: list[QAction | QWidget]) -> None:
    """Enable each one that still exists; one that Qt deleted meanwhile does not stop the others."""
    for thing in things:
        if not shiboken6.isValid(thing):
            continue
        try:
            thing.setEnabled(True)
        except RuntimeError:  # deleted between the check and the call: nothing to enable
            continue


def _add_to_file_menu(window: QMainWindow, actions: list[QAction]) -> None:
    """Put the actions in the File menu after Save As (or at its end), before the next separator."""
    save_as = getattr(getattr(window, "actions", None), "save_as", None)
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    menu = next((m for m in menus if save_as in m.actions()), menus[0] if menus else None)
    if menu is None:
        return
    entries = menu.actions()
    before: QAction | None = None
    if save_as in entries:
        after = entries[entries.index(save_as) + 1 :]
        before = next((a for a in after if a.isSeparator()), None)
    if before is None:
        menu.addSeparator()
        menu.addActions(actions)
    else:
        menu.insertSeparator(before)
        menu.insertActions(before, actions)
    for action in actions:
        window.addAction(action)


def dock_of(window: QMainWindow) -> QDockWidget | None:
    """The Changes dock while comparing (for tests and the help)."""
    return window.findChild(ChangesDock)
