"""The window's actions, with standard shortcuts and tooltips, and the menus and toolbar built from them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar

from blueprint.ui import icons
from blueprint.ui.safety import backup_action

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow

Key = QKeySequence.StandardKey


class Actions:
    """Every action of the main window, as attributes (tests and other modules find them by name)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        w = window
        icon = w.style().standardIcon
        sp = QStyle.StandardPixmap
        self.new = self._make(
            "&New…",
            w.new_from_template,
            Key.New,
            "Start a new blueprint from a template",
            icon(sp.SP_FileIcon),
        )
        self.open = self._make(
            "&Open…", w.open_dialog, Key.Open, "Open a .blueprint file", icon(sp.SP_DialogOpenButton)
        )
        self.save = self._make("&Save", w.save, Key.Save, "Save the blueprint", icon(sp.SP_DialogSaveButton))
        self.save_as = self._make("Save &As…", w.save_as, Key.SaveAs, "Save the blueprint under a new name")
        self.export_pdf = self._make(
            "&Export PDF…",
            w.export_pdf,
            "Ctrl+E",
            "Export the blueprint as a PDF for stakeholders (or a web page: name the file .html)",
            icons.export_pdf(),
        )
        self.export_image = self._make(
            "Export &Image…",
            w.export_image,
            "Ctrl+Shift+E",
            "Export the blueprint as a PNG or SVG image (by the file name)",
        )
        self.export_sheets = self._make(
            "Export Hand-off &Sheets…",
            w.export_sheets,
            None,
            "Export one PDF per function: its part of the blueprint, what it receives and hands on",
        )
        self.import_file = self._make(
            "&Import…",
            w.import_file,
            "Ctrl+I",
            "Make a blueprint from a spreadsheet (.xlsx) or CSV file, after showing what it could not import",
        )
        self.export_as = self._make(
            "Export &As…",
            w.export_as,
            "Ctrl+Alt+E",
            "Export the blueprint as PDF, PNG, SVG, or for other tools as XLSX, CSV or draw.io",
        )
        self.close = self._make("&Close Window", w.close, Key.Close, "Close this window")
        self.quit = self._make("&Quit", w.quit_all, Key.Quit, "Quit Service Blueprint Studio")

        self.undo = w.undo_stack.createUndoAction(w, "&Undo")
        self.undo.setShortcuts(QKeySequence.keyBindings(Key.Undo))
        self.undo.setIcon(icons.undo())
        self.undo.setToolTip("Undo the last change")
        self.redo = w.undo_stack.createRedoAction(w, "&Redo")
        self.redo.setShortcuts(QKeySequence.keyBindings(Key.Redo))
        self.redo.setIcon(icons.redo())
        self.redo.setToolTip("Redo the change you undid")
        self.cut = self._make("Cu&t", lambda: w.canvas_editor.cut(), Key.Cut, "Cut the selected cards")
        self.copy = self._make("&Copy", lambda: w.canvas_editor.copy(), Key.Copy, "Copy the selected cards")
        self.paste = self._make("&Paste", w.paste, Key.Paste, "Paste cards (with the links among them)")
        self.duplicate = self._make(
            "D&uplicate",
            lambda: w.canvas_editor.duplicate(),
            "Ctrl+D",
            "Duplicate the selected cards and their links",
        )
        self.delete = self._make(
            "&Delete",
            lambda: w.canvas_editor.delete_selection(),
            Key.Delete,
            "Delete the selected cards and links (or the selected lane, stage or step)",
        )
        # X11's standard Delete binding also holds Ctrl+D, which is Duplicate here: keep one meaning
        self.delete.setShortcuts(without(self.delete.shortcuts(), self.duplicate.shortcuts()))
        self.select_all = self._make("Select &All", w.select_all_cards, Key.SelectAll, "Select every card")
        self.rename = self._make(
            "Edit &Title",
            w.edit_selected_title,
            "F2",
            "Type the selected card's title (or a lane's, stage's or step's name) in place",
        )
        self.find = self._make(
            "&Find…",
            lambda: w.find_bar.open(),
            Key.Find,
            "Find a card by a word of its title or description (Enter: the next one)",
        )
        self.edit_description = self._make(
            "Edit &Description",
            lambda: w.view.edit_selected_description(),
            "Shift+F2",
            "Type the selected card's description in place (Shift+Enter: new line)",
        )

        self.zoom_in = self._make(
            "Zoom &In", lambda: w.view.zoom_in(), Key.ZoomIn, "Zoom in (Ctrl+wheel)", icons.zoom_in()
        )
        self.zoom_in.setShortcuts([*QKeySequence.keyBindings(Key.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out = self._make(
            "Zoom &Out",
            lambda: w.view.zoom_out(),
            Key.ZoomOut,
            "Zoom out (Ctrl+wheel)",
            icons.zoom_out(),
        )
        self.zoom_actual = self._make(
            "&Actual Size", lambda: w.view.zoom_actual(), "Ctrl+1", "Show the blueprint at 100%"
        )
        self.fit = self._make(
            "&Fit to Window", lambda: w.view.fit(), "Ctrl+0", "Zoom to show the whole blueprint", icons.fit()
        )
        self.about = self._make("&About Service Blueprint Studio", w.about, None, "Version and credits")
        self.recent_menu = QMenu("Open &Recent", w)
        self.recent_menu.setToolTip("Files you opened recently")
        self.recent_menu.aboutToShow.connect(w.fill_recent_menu)

    def _make(
        self,
        text: str,
        slot: Callable[[], object],
        key: QKeySequence.StandardKey | str | None,
        tip: str,
        icon: QIcon | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if isinstance(key, QKeySequence.StandardKey):
            action.setShortcuts(QKeySequence.keyBindings(key))
        elif key:
            action.setShortcut(QKeySequence(key))
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.setStatusTip(tip)
        if icon is not None:
            action.setIcon(icon)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def all(self) -> list[QAction]:
        return [v for v in vars(self).values() if isinstance(v, QAction)]


def without(bindings: list[QKeySequence], taken: list[QKeySequence]) -> list[QKeySequence]:
    """`bindings` less any key sequence already `taken` by another action (an ambiguous shortcut
    does nothing at all in Qt)."""
    used = {k.toString() for k in taken}
    return [k for k in bindings if k.toString() not in used]


def build_menus(window: MainWindow, a: Actions) -> None:
    bar = window.menuBar()
    file = bar.addMenu("&File")
    file.addActions([a.new, a.open])
    file.addMenu(a.recent_menu)
    file.addAction(a.import_file)
    file.addSeparator()
    file.addActions([a.save, a.save_as])
    file.addAction(backup_action(window))
    file.addSeparator()
    file.addActions([a.export_pdf, a.export_image, a.export_sheets, a.export_as])
    file.addSeparator()
    file.addActions([a.close, a.quit])
    edit = bar.addMenu("&Edit")
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addActions([a.cut, a.copy, a.paste, a.duplicate, a.delete])
    edit.addSeparator()
    edit.addActions([a.select_all, a.rename, a.edit_description])
    edit.addSeparator()
    edit.addAction(a.find)
    view = bar.addMenu("&View")
    view.addActions([a.zoom_in, a.zoom_out, a.zoom_actual, a.fit])
    view.addSeparator()
    view.addMenu(window.views.menu)
    window.panels_menu = view.addMenu("&Panels")
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(a.about)


def build_toolbar(window: MainWindow, a: Actions) -> QToolBar:
    bar = QToolBar("Main toolbar", window)
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.addActions([a.new, a.open, a.save])
    bar.addSeparator()
    bar.addActions([a.undo, a.redo])
    bar.addSeparator()
    bar.addActions([a.zoom_out, a.zoom_in, a.fit])
    bar.addSeparator()
    bar.addAction(a.export_pdf)
    return bar
