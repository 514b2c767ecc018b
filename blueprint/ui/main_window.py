"""The main window: the canvas in the middle, the panels docked around it, files in and out.

`open_path` is the one place that opens a file and `save_to` the one place that writes one, so crash
recovery, change-on-disk detection and backups can hook in there. `document_replaced` is emitted
whenever the window starts showing another document (New, Open).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from blueprint.edit import Document
from blueprint.fileformat import BlueprintFileError, load_file
from blueprint.fileformat.stamps import stamped
from blueprint.model import Blueprint
from blueprint.resources import load_template
from blueprint.ui import exporting, exporting_formats, exporting_image, exporting_sheets, importing, printing
from blueprint.ui.actions import Actions, build_menus, build_toolbar
from blueprint.ui.activation import take_keyboard_back
from blueprint.ui.after_paint import after_paint, collector_paused, until_painted
from blueprint.ui.canvas.editing import CanvasEditor
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.canvas.view import BlueprintView
from blueprint.ui.canvas_clicks import CanvasClicks
from blueprint.ui.commands import follow_selection
from blueprint.ui.compare.mode import CompareMode
from blueprint.ui.dialogs.about import show_about
from blueprint.ui.dialogs.lifetime import modal
from blueprint.ui.dialogs.prompts import Answer, ask_save_changes, show_error
from blueprint.ui.dialogs.rules_help import show_rules
from blueprint.ui.dialogs.shortcuts import show_shortcuts
from blueprint.ui.dialogs.template_chooser import TemplateChooser
from blueprint.ui.find_bar import FindBar
from blueprint.ui.findings_plans import install_findings_menu
from blueprint.ui.findings_watch import FindingsWatch
from blueprint.ui.panel_focus import PanelFocus
from blueprint.ui.plain import menu_text
from blueprint.ui.recent_files import RecentFiles
from blueprint.ui.safety import checked_save, is_repairable, refuse_or_repair
from blueprint.ui.safety.saving import upgrade_note
from blueprint.ui.selection import Selection
from blueprint.ui.timing_watch import TimingDisplay
from blueprint.ui.views_menu import ViewsController
from blueprint.ui.window_status import StatusBarMixin

FILE_FILTER = "Service blueprints (*.blueprint)"
START_TEMPLATE = "classic"
FINDINGS_ROWS = 6  # the Findings dock's default height, in rows: the canvas is what matters
FINDING_DETAIL_LINES = 3  # under the rows: the current finding's whole message (2 to 4 lines)
#: Docked under the canvas (as tabs: Findings in front); the others go to the right.
BOTTOM_PANELS = ("FindingsPanel", "ImprovementsPanel")


class MainWindow(StatusBarMixin, QMainWindow):
    """One document at a time; New and Open replace it (after asking about unsaved changes)."""

    document_replaced = Signal()

    def __init__(self, document: Document | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.undo_stack = QUndoStack(self)
        self.selection = Selection(self)
        follow_selection(self.undo_stack, self.selection)
        self.recent = RecentFiles()
        self.document = document or Document(load_template(START_TEMPLATE))
        self.findings_watch = FindingsWatch(self.document, self)
        self.canvas_editor = CanvasEditor(self.document, self.undo_stack, self.selection)
        self.scene = BlueprintScene(self.document, self.selection, self)
        self.view = BlueprintView(self.scene, self.canvas_editor, self)
        self.view.setObjectName("canvas")
        self.panels_menu: QMenu | None = None
        #: The menus by name ("file", "edit", "view", "panels", "help"): features add their actions here.
        self.menus: dict[str, QMenu] = {}
        #: (blueprint path, folder) the hand-off sheets last went to: where the chooser opens next
        self.sheets_folder: tuple[Path | None, Path] | None = None
        self.views = ViewsController(self)
        self.actions = Actions(self)
        build_menus(self, self.actions)
        self.compare = CompareMode(self)  # File > Compare With...
        self.addToolBar(build_toolbar(self, self.actions))
        self.find_bar = FindBar(self)
        self.setCentralWidget(self._canvas_area())
        self.panels: list[QDockWidget] = []
        self._dock_panels()
        self.panel_focus = PanelFocus(self)  # F6 and Shift+F6
        self._build_status_bar()
        self.timing = TimingDisplay(self)
        self.canvas_clicks = CanvasClicks(self)
        self.setAcceptDrops(True)
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.undo_stack.indexChanged.connect(self._update_counts)
        self.undo_stack.indexChanged.connect(self._follow_edit)
        self.findings_watch.updated.connect(self._on_findings)
        self.findings_watch.checking.connect(self._on_checking)
        self.findings_watch.stale.connect(self._on_stale)
        self.selection.changed.connect(self._follow_plan_selection)
        self.view.zoom_changed.connect(self._show_zoom)
        self.view.message.connect(self.show_message)
        self._update_title()
        self._update_counts()
        self.resize(_first_size(self))
        self._restore_geometry()
        self._raise_inspector()  # a saved layout may have left the Functions tab in front
        self.find_bar.hide()  # until Edit > Find, whatever the saved layout says
        QTimer.singleShot(0, self.view.refreeze)

    # --- building -------------------------------------------------------------------------------

    def _canvas_area(self) -> QWidget:
        """The canvas with the find bar right under it (not below the docks, where it was far away)."""
        area = QWidget(self)
        area.setObjectName("canvasArea")
        column = QVBoxLayout(area)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.view, 1)
        column.addWidget(self.find_bar)
        return area

    def _dock_panels(self) -> None:
        """Dock the Inspector, Functions and Findings panels (from the panels package, when present)."""
        from blueprint.ui import panels as package

        made: dict[str, QDockWidget] = {}
        for name, args in (
            ("InspectorPanel", (self.document, self.undo_stack, self.selection)),
            ("FunctionsPanel", (self.document, self.undo_stack, self.selection)),
            ("FindingsPanel", (self.document, self.findings_watch, self.selection)),
            ("ImprovementsPanel", (self.document, self.undo_stack, self.selection)),
        ):
            panel_class = getattr(package, name, None)
            if panel_class is not None:
                made[name] = panel_class(*args)
        for name, panel in made.items():
            area = (
                Qt.DockWidgetArea.BottomDockWidgetArea
                if name in BOTTOM_PANELS
                else Qt.DockWidgetArea.RightDockWidgetArea
            )
            self.addDockWidget(area, panel)
        if "InspectorPanel" in made and "FunctionsPanel" in made:
            self.tabifyDockWidget(made["InspectorPanel"], made["FunctionsPanel"])
        if "FindingsPanel" in made:
            install_findings_menu(made["FindingsPanel"], self)  # type: ignore[arg-type]
        if "FindingsPanel" in made and "ImprovementsPanel" in made:
            self.tabifyDockWidget(made["FindingsPanel"], made["ImprovementsPanel"])
            made["FindingsPanel"].raise_()
        self.panels = list(made.values())
        functions = made.get("FunctionsPanel")
        if functions is not None:
            functions.focus_requested.connect(self.views.toggle_focus)
            functions.sheet_requested.connect(self.export_sheet)
            self.views.changed.connect(lambda: functions.show_focus(self.views.audience.focus))
        right = [p for n, p in made.items() if n not in BOTTOM_PANELS][:1]
        if right:
            self.resizeDocks(right, [360], Qt.Orientation.Horizontal)
        if "FindingsPanel" in made:
            # small by default (a few rows; empty most of the time): the canvas is what matters
            self.resizeDocks([made["FindingsPanel"]], [self._findings_height()], Qt.Orientation.Vertical)
        for panel in self.panels:
            explain = getattr(panel, "explain_requested", None)
            if explain is not None:  # the Findings panel: "What does BP106 mean?"
                explain.connect(self.show_rules)
            opened = getattr(panel, "opened", None)
            if opened is not None:  # Return on a finding: the keyboard goes to what it selected
                opened.connect(self._go_to_selection)
            if not panel.objectName():
                panel.setObjectName(type(panel).__name__)
            if self.panels_menu is not None:
                self.panels_menu.addAction(panel.toggleViewAction())

    def _findings_height(self) -> int:
        """Room for the title, the column header, FINDINGS_ROWS rows and the detail line under them."""
        row = self.fontMetrics().height() + 2
        return round(row * (FINDINGS_ROWS + 2.6 + FINDING_DETAIL_LINES))

    def _raise_inspector(self) -> None:
        inspector = self.panel("InspectorPanel")
        if inspector is not None:
            inspector.raise_()

    def panel(self, name: str) -> QDockWidget | None:
        """A docked panel by class name, e.g. "InspectorPanel"."""
        return next((p for p in self.panels if type(p).__name__ == name), None)

    # --- status and title -----------------------------------------------------------------------

    def display_name(self) -> str:
        return self.document.path.name if self.document.path else "Untitled"

    def _update_title(self, *_: object) -> None:
        self.setWindowTitle(f"{self.display_name()}[*] — Service Blueprint Studio")
        self.setWindowModified(not self.undo_stack.isClean())

    # --- documents ------------------------------------------------------------------------------

    def set_document(self, document: Document) -> None:
        """Show `document` instead of the current one (no questions asked: callers ask first)."""
        old_scene = self.scene
        old_scene.detach()
        self.document = document
        self.undo_stack.clear()
        self.selection.clear()
        self.canvas_editor = CanvasEditor(document, self.undo_stack, self.selection)
        self.scene = BlueprintScene(document, self.selection, self)
        self.view.set_document_scene(self.scene, self.canvas_editor)
        self.show_from_top_left()
        old_scene.deleteLater()
        # the first check waits until the new document is painted (its thread would slow that paint)
        self.findings_watch.set_document(document, start=False)
        after_paint(self.view.viewport(), self.findings_watch.start_due)
        self.find_bar.highlight()
        self.timing.set_document(document)
        self._replace_panels()
        self._update_title()
        self._update_counts()
        self.document_replaced.emit()

    def _follow_edit(self, *_: object) -> None:
        """After every edit, undo and redo: the chosen cell and Find's highlights follow the layout."""
        self.view.update_cell_cursor()
        if self.find_bar.isVisible():
            self.find_bar.highlight()

    def show_from_top_left(self) -> None:
        """A new document opens at 100%, scrolled to its top-left corner (not where the last one was)."""
        self.view.zoom_actual()
        for bar in (self.view.horizontalScrollBar(), self.view.verticalScrollBar()):
            bar.setValue(bar.minimum())

    def _replace_panels(self) -> None:
        if all(hasattr(panel, "set_document") for panel in self.panels):
            for panel in self.panels:
                panel.set_document(self.document)  # type: ignore[attr-defined]
            return
        state = self.saveState()
        for panel in self.panels:
            if self.panels_menu is not None:
                self.panels_menu.removeAction(panel.toggleViewAction())
            self.removeDockWidget(panel)
            panel.deleteLater()
        self.panels = []
        self._dock_panels()
        self.restoreState(state)

    def open_path(self, path: Path | str) -> bool:
        """Open a .blueprint file; a file that cannot be read opens nothing and shows its one-line error."""
        path = Path(path)
        resume = collector_paused()  # until the first paint: see after_paint.collector_paused
        try:
            loaded = load_file(path)
        except BlueprintFileError as error:
            resume()
            if is_repairable(error):  # only missing ids: offer "Open and repair", listing every change
                return refuse_or_repair(self, path, error)
            show_error(self, "Cannot open the file", error.one_line())
            return False
        except Exception as error:  # the editor never crashes on a bad file
            resume()
            show_error(
                self, "Cannot open the file", f"{path}: could not read it ({type(error).__name__}: {error})"
            )
            return False
        try:
            self.set_document(Document(loaded.blueprint, path, disk=loaded.state, source=loaded.data))
        finally:
            until_painted(self.view.viewport(), resume)
        self.recent.add(path)
        if loaded.notes:  # a view read under a name of its own (fileformat/view_names.py): said once
            self.show_message("; ".join(note.one_line() for note in loaded.notes), 20_000)
        elif loaded.migrated:  # said once, as the file opens: held like a refused edit's message
            self.show_message(upgrade_note(path, loaded.version), 20_000)
        else:
            self.statusBar().showMessage(f"Opened {path}", 4000)
        return True

    def save_to(self, path: Path | str) -> bool:
        """Write the document to `path`; on failure say why, and keep the document open and unsaved."""
        path = Path(path)
        bp = self.document.blueprint
        with_times = stamped(bp)  # metadata.created on the first save, modified on every save
        try:  # asks first about a read-only file, or one another program changed since it was read
            saved = checked_save(self, self.document, path, with_times)
        except BlueprintFileError as error:
            show_error(self, "Cannot save the file", error.one_line())
            return False
        except Exception as error:
            show_error(
                self, "Cannot save the file", f"{path}: could not save ({type(error).__name__}: {error})"
            )
            return False
        if saved is None:  # the designer chose not to replace the file
            return False
        self.document.path, self.document.disk, self.document.source = path, saved.state, saved.data
        bp.metadata = with_times.metadata  # the times belong to the file, not to an edit: no undo step
        self.undo_stack.setClean()
        self.recent.add(path)
        self._update_title()
        if not saved.backup_problem:  # else the status bar says the backup could not be written
            self.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to close or replace the document."""
        if self.undo_stack.isClean():
            return True
        answer = ask_save_changes(self, self.display_name())
        if answer is Answer.SAVE:
            return self.save()
        return answer is Answer.DISCARD

    # --- File actions ---------------------------------------------------------------------------

    def new_from_template(self) -> bool:
        with modal(TemplateChooser(self)) as chooser:
            if chooser.exec() != TemplateChooser.DialogCode.Accepted or chooser.chosen() is None:
                return False
            name = chooser.chosen()
        return self.new_document(load_template(name))  # type: ignore[arg-type]

    def new_document(self, blueprint: Blueprint) -> bool:
        if not self.maybe_save():
            return False
        self.set_document(Document(blueprint, None))
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        start = str(self.document.path.parent) if self.document.path else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(self, "Open blueprint", start, FILE_FILTER)
        return bool(chosen) and self.open_path(chosen)

    def open_recent(self, path: Path) -> bool:
        return self.maybe_save() and self.open_path(path)

    def fill_recent_menu(self) -> None:
        menu = self.actions.recent_menu
        menu.clear()
        paths = self.recent.paths()
        for path in paths:
            action = menu.addAction(menu_text(path.name), lambda p=path: self.open_recent(p))
            action.setToolTip(str(path))
        if not paths:
            menu.addAction("(no recent files)").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("Clear the list", self.recent.clear)

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        start = str(
            self.document.path or Path.home() / f"{_file_stem(self.document.blueprint.title)}.blueprint"
        )
        chosen, _ = QFileDialog.getSaveFileName(self, "Save blueprint", start, FILE_FILTER)
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix != ".blueprint":
            path = path.with_name(path.name + ".blueprint")
        return self.save_to(path)

    def export_pdf(self) -> bool:
        return exporting.export_with_dialog(self)

    def export_image(self) -> bool:
        return exporting_image.export_image_with_dialog(self)

    def print_blueprint(self) -> bool:
        return printing.print_with_dialog(self)

    def export_sheets(self) -> bool:
        return exporting_sheets.export_sheets_with_dialog(self)

    def export_sheet(self, function_id: str) -> bool:
        return exporting_sheets.export_sheet_with_dialog(self, function_id)

    def export_as(self) -> bool:
        return exporting_formats.export_as_with_dialog(self)

    def import_file(self) -> bool:
        return importing.import_with_dialog(self)

    def about(self) -> None:
        show_about(self)

    def show_shortcuts(self) -> None:
        show_shortcuts(self)

    def show_rules(self, code: str | None = None) -> None:
        show_rules(self, code)

    def quit_all(self) -> None:
        QApplication.closeAllWindows()

    # --- Edit actions ---------------------------------------------------------------------------

    def paste(self) -> None:
        """Into the selected card's cell, else the cell last clicked, else the copies' own cells."""
        cards = self.canvas_editor.selected_cards()
        cell = self.view.cell or self.canvas_clicks.last_cell
        if cards:
            card = self.document.card(cards[-1])
            cell = (card.lane, card.step) if card is not None else None
        bp = self.document.blueprint
        if cell is not None and (cell[0] not in bp.lanes_by_id() or cell[1] not in bp.stage_of_step()):
            cell = None  # the lane or step went away since the click
        self.canvas_editor.paste(cell)

    def _go_to_selection(self) -> None:
        """A finding opened with Enter: the Inspector shows what it selected, the canvas takes the keys."""
        self.show_inspector()
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_inspector(self) -> None:
        """Bring the Inspector to the front of its tab group (unless the user closed it)."""
        inspector = self.panel("InspectorPanel")
        if inspector is not None and not inspector.isHidden() and inspector.visibleRegion().isEmpty():
            inspector.raise_()

    def _follow_plan_selection(self) -> None:
        """A plan selected (in the Improvements panel, or just planned): the Inspector, which edits it,
        and the Improvements panel, which lists it, come to the front."""
        ids = self.selection.ids
        if len(ids) != 1 or self.document.improvement(ids[0]) is None:
            return
        self.show_inspector()
        plans = self.panel("ImprovementsPanel")
        if plans is not None and not plans.isHidden() and plans.visibleRegion().isEmpty():
            plans.raise_()

    def select_all_cards(self) -> None:
        """Every card the canvas shows (a view's hidden lanes keep theirs out of reach)."""
        self.selection.set(card.id for card in self.scene.shown_blueprint().cards)

    def edit_selected_title(self) -> None:
        self.view.edit_selection()

    # --- window events --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.activate)

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.WindowBlocked, QEvent.Type.WindowUnblocked):
            # while a modal dialog is open the canvas's keys (arrows, Return, Escape) are the dialog's
            for action in self.view.actions():
                action.setEnabled(kind == QEvent.Type.WindowUnblocked)
        if kind == QEvent.Type.WindowUnblocked:  # a modal dialog closed
            QTimer.singleShot(0, self.activate)
        return super().event(event)

    def activate(self) -> None:
        """Make this the active window when nothing else is: without a window manager (a kiosk, VNC,
        Xvfb) no window becomes active by itself after start or when a dialog closes, and until one
        is, no shortcut works (Ctrl+Q did nothing until a click)."""
        take_keyboard_back(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.findings_watch.stop()
        self.timing.stop()
        self.scene.detach()
        QSettings().setValue("window/geometry", self.saveGeometry())
        QSettings().setValue("window/state", self.saveState())
        event.accept()

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry, state = settings.value("window/geometry"), settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_file(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        if path.suffix.lower() in importing.IMPORT_SUFFIXES:  # a spreadsheet: imported, report first
            QTimer.singleShot(0, lambda: importing.import_path(self, path))
        else:
            QTimer.singleShot(0, lambda: self.open_recent(path))


def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    data = event.mimeData()
    if data is None or not data.hasUrls():
        return None
    for url in data.urls():
        if url.isLocalFile() and url.toLocalFile().endswith(".blueprint"):
            return Path(url.toLocalFile())
    for url in data.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in importing.IMPORT_SUFFIXES:
            return Path(url.toLocalFile())
    return None


def _file_stem(title: str) -> str:
    stem = "".join(ch if ch.isalnum() or ch in " -_" else "-" for ch in title).strip() or "blueprint"
    return stem[:60]


#: The first window's size on a large screen; a smaller screen gets its room less the window's frame.
FIRST_SIZE = QSize(1400, 860)
FRAME_ROOM = QSize(16, 48)  # the window manager's borders and title bar, roughly


def _first_size(window: QWidget) -> QSize:
    """1400 x 860, or what the screen has room for: on a 1366 x 768 laptop the window was wider and
    taller than the screen, its right edge (the Inspector's fields) and the status bar off it."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return FIRST_SIZE
    room = screen.availableGeometry().size() - FRAME_ROOM
    return FIRST_SIZE.boundedTo(room)
