"""The window's actions, with standard shortcuts and tooltips, and the menus and toolbar built from them.

Every key the editor answers to is an action here (the canvas's own keys too: arrows, Return, Escape,
the Menu key), so Help > Keyboard Shortcuts, generated from the actions, lists them all. Menus are kept
by name in `window.menus` ("file", "edit", "view", "help"; "export" and "panels" inside them) so that a
new feature adds its actions to the right menu in one line, e.g.
`window.menus["view"].addAction(action)`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QToolBar

from blueprint.ui import icons
from blueprint.ui.access_keys import give_access_keys
from blueprint.ui.dialogs.shortcuts import COMMAND_NAME
from blueprint.ui.safety import backup_action

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow

Key = QKeySequence.StandardKey
#: Canvas keys work while the canvas (or something in it) has the keyboard focus, not in text fields.
ON_CANVAS = Qt.ShortcutContext.WidgetWithChildrenShortcut
LEFT, RIGHT, UP, DOWN = (-1, 0), (1, 0), (0, -1), (0, 1)


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
            "Export I&mage…",
            w.export_image,
            "Ctrl+Shift+E",
            "Export the blueprint as a PNG or SVG image (by the file name)",
        )
        self.print = self._make(
            "&Print…",
            w.print_blueprint,
            Key.Print,
            "Print the blueprint on one page or tiled across sheets, as the PDF is laid out",
        )
        self.export_sheets = self._make(
            "Export &Hand-off Sheets…",
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
            "Expor&t As…",
            w.export_as,
            "Ctrl+Alt+E",
            "Export the blueprint as PDF, PNG, SVG, or for other tools as XLSX, CSV or draw.io",
        )
        self.close = self._make("&Close Window", w.close, Key.Close, "Close this window")
        self.quit = self._make("&Quit", w.quit_all, Key.Quit, "Quit Service Blueprint Studio")
        if not self.quit.shortcuts():  # some platforms (and Qt's offscreen one) bind no key to Quit
            self.quit.setShortcut(QKeySequence("Ctrl+Q"))

        self.undo = w.undo_stack.createUndoAction(w, "&Undo")
        self.undo.setShortcuts(QKeySequence.keyBindings(Key.Undo))
        self.undo.setIcon(icons.undo())
        self.undo.setToolTip("Undo the last change")
        self.undo.setProperty(COMMAND_NAME, "Undo")  # its text names the step: "Undo Move step 'Pay'"
        self.redo = w.undo_stack.createRedoAction(w, "&Redo")
        self.redo.setShortcuts(QKeySequence.keyBindings(Key.Redo))
        self.redo.setIcon(icons.redo())
        self.redo.setToolTip("Redo the change you undid")
        self.redo.setProperty(COMMAND_NAME, "Redo")
        self.cut = self._make("Cu&t", lambda: w.canvas_editor.cut(), Key.Cut, "Cut the selected cards")
        self.copy = self._make("&Copy", lambda: w.canvas_editor.copy(), Key.Copy, "Copy the selected cards")
        self.paste = self._make("&Paste", w.paste, Key.Paste, "Paste cards (with the links among them)")
        self.duplicate = self._make(
            "Dupl&icate",
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
            "&Edit Title",
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
            "Edit De&scription",
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
        self.new_card = self._make(
            "&New Card",
            lambda: w.view.new_card_here(),
            "Ctrl+Return",
            "Type a new card in the chosen cell: the selected card's, else the one clicked or reached "
            "with Ctrl+arrows",
        )
        self.new_card.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.link_selected = self._make(
            "&Link Selected Cards",
            lambda: w.canvas_editor.link_selected(),
            "Ctrl+L",
            "Link the card selected first to the card selected second",
        )
        self.move_left = self._canvas(
            "&Move Left",
            lambda: w.view.move_selection(LEFT),
            ["Alt+Left"],
            "Move the selected cards to the step before, or the selected step or stage left",
        )
        self.move_right = self._canvas(
            "Move Ri&ght",
            lambda: w.view.move_selection(RIGHT),
            ["Alt+Right"],
            "Move the selected cards to the next step, or the selected step or stage right",
        )
        self.move_up = self._canvas(
            "M&ove Up",
            lambda: w.view.move_selection(UP),
            ["Alt+Up"],
            "Move the selected cards to the lane above, or the selected lane up",
        )
        self.move_down = self._canvas(
            "Move Do&wn",
            lambda: w.view.move_selection(DOWN),
            ["Alt+Down"],
            "Move the selected cards to the lane below, or the selected lane down",
        )
        self.canvas_keys = self._canvas_keys()
        self.next_panel = self._make(
            "Ne&xt Panel",
            lambda: w.panel_focus.next_area(),
            "F6",
            "Give the keyboard to the next panel: canvas, Inspector, Functions, Findings, Improvements",
        )
        self.previous_panel = self._make(
            "Previou&s Panel",
            lambda: w.panel_focus.previous_area(),
            "Shift+F6",
            "Give the keyboard to the panel before (back to the canvas from the Inspector)",
        )

        self.shortcuts = self._make(
            "&Keyboard Shortcuts", w.show_shortcuts, None, "Every key the editor answers to"
        )
        self.rules = self._make(
            "&Hand-off Rules",
            w.show_rules,
            Key.HelpContents,
            "What each finding (BP code) means and how to fix it",
        )
        self.about = self._make(
            "&About Service Blueprint Studio", w.about, None, "Version, licence and credits"
        )
        self.about_qt = self._make(
            "About &Qt", QApplication.aboutQt, None, "The Qt version this program uses"
        )
        self.recent_menu = QMenu("Open &Recent", w)
        self.recent_menu.setToolTip("Files you opened recently")
        self.recent_menu.aboutToShow.connect(w.fill_recent_menu)
        self.recent_menu.aboutToShow.connect(lambda: give_access_keys(self.recent_menu))  # files' names

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

    def _canvas(self, text: str, slot: Callable[[], object], keys: list[str], tip: str) -> QAction:
        """An action whose keys work while the canvas has the focus (it may be in a menu too)."""
        view = self.window.view
        action = QAction(text, view)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(ON_CANVAS)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shortcut})")
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        view.addAction(action)
        return action

    def _canvas_keys(self) -> list[QAction]:
        """The canvas's own keys (in no menu): picking cards and cells, editing, the context menu."""
        view = lambda: self.window.view  # noqa: E731  # the window's view, whichever document is open
        keys: list[QAction] = []
        for name, direction, arrow in (
            ("left", LEFT, "Left"),
            ("right", RIGHT, "Right"),
            ("above", UP, "Up"),
            ("below", DOWN, "Down"),
        ):
            keys.append(
                self._canvas(
                    f"Select the card {name}",
                    lambda d=direction: view().select_towards(d),
                    [arrow],
                    f"Select the nearest card {name}",
                )
            )
            keys.append(
                self._canvas(
                    f"Add the card {name} to the selection",
                    lambda d=direction: view().select_towards(d, extend=True),
                    [f"Shift+{arrow}"],
                    f"Add the nearest card {name} to the selection (Link Selected Cards links them in order)",
                )
            )
            keys.append(
                self._canvas(
                    f"Go to the cell or header {name}",
                    lambda d=direction: view().go_towards(d),
                    [f"Ctrl+{arrow}"],
                    f"Choose the cell {name} (past the edge: the lane name, step or stage header)",
                )
            )
        keys.append(
            self._canvas(
                "Edit the selection, or a new card in the chosen cell",
                lambda: view().edit_or_add(),
                ["Return", "Enter"],
                "Type the selected card's title or header's name in place; with nothing selected, a new "
                "card in the chosen cell",
            )
        )
        keys.append(
            self._canvas(
                "Cancel, or clear the selection",
                lambda: view().escape(),
                ["Escape"],
                "Stop the drag in progress, else select nothing",
            )
        )
        # the Menu key is not a shortcut: the platform turns it into a context menu event (before the
        # key press), which the view answers with the same menu
        keys.append(
            self._canvas(
                "Context menu of the selection (also the Menu key)",
                lambda: view().show_context_menu(),
                ["Shift+F10"],
                "Open the menu of the selected card, link, lane, stage or step (else of the chosen cell)",
            )
        )
        return keys

    def all(self) -> list[QAction]:
        found = [v for v in vars(self).values() if isinstance(v, QAction)]
        return found + [a for a in self.canvas_keys if a not in found]


def without(bindings: list[QKeySequence], taken: list[QKeySequence]) -> list[QKeySequence]:
    """`bindings` less any key sequence already `taken` by another action (an ambiguous shortcut
    does nothing at all in Qt)."""
    used = {k.toString() for k in taken}
    return [k for k in bindings if k.toString() not in used]


def build_menus(window: MainWindow, a: Actions) -> None:
    """The menu bar; each menu is kept in `window.menus` by name for features that add to it."""
    bar = window.menuBar()
    menus = window.menus
    file = menus["file"] = bar.addMenu("&File")
    file.addActions([a.new, a.open])
    file.addMenu(a.recent_menu)
    file.addAction(a.import_file)
    file.addSeparator()
    file.addActions([a.save, a.save_as])
    file.addAction(backup_action(window))
    file.addSeparator()
    file.addActions([a.export_pdf, a.export_image, a.export_sheets, a.export_as])
    file.addAction(a.print)
    file.addSeparator()
    file.addActions([a.close, a.quit])
    edit = menus["edit"] = bar.addMenu("&Edit")
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addActions([a.cut, a.copy, a.paste, a.duplicate, a.delete])
    edit.addSeparator()
    edit.addActions([a.select_all, a.rename, a.edit_description])
    edit.addSeparator()
    edit.addActions([a.new_card, a.link_selected])
    edit.addActions([a.move_left, a.move_right, a.move_up, a.move_down])
    edit.addSeparator()
    edit.addAction(a.find)
    view = menus["view"] = bar.addMenu("&View")
    view.addActions([a.zoom_in, a.zoom_out, a.zoom_actual, a.fit])
    view.addSeparator()
    view.addMenu(window.views.menu)
    window.panels_menu = menus["panels"] = view.addMenu("&Panels")
    panels = window.panels_menu  # the docks' titles (which change with their counts) get free letters
    panels.aboutToShow.connect(lambda: give_access_keys(panels))
    view.addActions([a.next_panel, a.previous_panel])
    help_menu = menus["help"] = bar.addMenu("&Help")
    help_menu.addActions([a.rules, a.shortcuts])
    help_menu.addSeparator()
    help_menu.addActions([a.about, a.about_qt])


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
