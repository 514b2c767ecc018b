"""View > Views: audience views on the canvas.

Applying a view (or "All lanes"), hiding a lane and focusing functions change only what the canvas
shows: no undo step, and the document is not modified. Saving the current view, renaming and
deleting views are edits (AddView, SetViewFields, RemoveView), one undo step each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QInputDialog, QMenu

from blueprint.edit import AddView, Change, EditError, view_name_problem
from blueprint.layout.audience import EVERYTHING, Audience
from blueprint.model import View, fresh_id
from blueprint.ui.access_keys import give_access_keys
from blueprint.ui.commands import push
from blueprint.ui.dialogs.lifetime import run_modal
from blueprint.ui.dialogs.prompts import show_error
from blueprint.ui.plain import menu_text

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow


class ViewsController(QObject):
    """The window's applied audience (hidden lanes, focus) and the View > Views menu."""

    #: The applied audience changed (the Functions panel shows the focus).
    changed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.audience: Audience = EVERYTHING
        self.menu = QMenu("Vie&ws", window)
        self.menu.setObjectName("viewsMenu")
        self.menu.setToolTip("Saved audience views: lanes left out and functions in focus")
        self.menu.aboutToShow.connect(self.fill_menu)
        self._unsubscribe = window.document.subscribe(self._document_changed)
        window.document_replaced.connect(self._document_replaced)
        window.selection.changed.connect(self._selection_changed)

    # --- what is shown --------------------------------------------------------------------------

    def apply(self, audience: Audience) -> None:
        """Show `audience` on the canvas (not an edit)."""
        audience = audience.within(self.window.document.blueprint)
        if audience == self.audience:
            return
        self.audience = audience
        self.window.scene.set_audience(audience)
        hidden = len(audience.hidden_lanes)
        if hidden:
            self.window.show_message(
                f"{hidden} lane{'' if hidden == 1 else 's'} hidden (View > Views > All lanes)"
            )
        self.changed.emit()

    def apply_view(self, view_id: str | None) -> None:
        """Apply a saved view, or everything (None: "All lanes")."""
        view = self.window.document.blueprint.views_by_id().get(view_id) if view_id else None
        self.apply(Audience.of_view(view) if view is not None else EVERYTHING)

    def set_lane_hidden(self, lane_id: str, hidden: bool) -> None:
        lanes = set(self.audience.hidden_lanes)
        lanes.add(lane_id) if hidden else lanes.discard(lane_id)
        if len(lanes) >= len(self.window.document.blueprint.lanes):
            self.window.show_message("At least one lane stays shown")
            return
        self.apply(Audience(frozenset(lanes), self.audience.focus))

    def toggle_focus(self, function_ids: list[str]) -> None:
        """Focus on `function_ids`; when all of them are in focus already, take them out of it."""
        focus = list(self.audience.focus)
        if function_ids and all(f in focus for f in function_ids):
            focus = [f for f in focus if f not in function_ids]
        else:
            focus += [f for f in function_ids if f not in focus]
        self.apply(Audience(self.audience.hidden_lanes, tuple(focus)))

    def current_view_id(self) -> str | None:
        """The saved view the canvas shows exactly, if any."""
        for view in self.window.document.blueprint.views:
            if Audience.of_view(view) == self.audience:
                return view.id
        return None

    # --- edits ----------------------------------------------------------------------------------

    def save_current_as(self, name: str | None = None) -> str | None:
        """Save what the canvas shows as a new view (asks for its name); returns its id."""
        if name is None:
            name, ok = QInputDialog.getText(self.window, "Save Current View", "Name of the view:")
            if not ok:
                return None
        bp = self.window.document.blueprint
        name = name.strip()
        if not name:  # no name typed: "View", "View 2", ...
            taken = {view.name.casefold() for view in bp.views}
            name = next(
                n for n in ("View", *(f"View {i}" for i in range(2, 10_000))) if n.casefold() not in taken
            )
        problem = view_name_problem(bp, name)
        if problem is not None:
            show_error(self.window, "Cannot save the view", problem)
            return None
        view = View(
            id=fresh_id("view", bp.all_ids()),
            name=name,
            hidden_lanes=[lane.id for lane in bp.lanes if lane.id in self.audience.hidden_lanes],
            focus=list(self.audience.focus),
        )
        try:
            push(self.window.undo_stack, self.window.document, AddView(view))
        except EditError as error:
            show_error(self.window, "Cannot save the view", error.message)
            return None
        self.window.show_message(f"Saved the view “{view.name}”")
        return view.id

    def manage(self) -> None:
        from blueprint.ui.dialogs.views_dialog import ManageViewsDialog

        run_modal(ManageViewsDialog(self.window))

    # --- the menu -------------------------------------------------------------------------------

    def fill_menu(self) -> None:
        menu = self.menu
        menu.clear()
        bp = self.window.document.blueprint
        group = QActionGroup(menu)
        current = self.current_view_id()
        everything = menu.addAction("&All lanes", lambda: self.apply(EVERYTHING))
        everything.setCheckable(True)
        everything.setChecked(self.audience.is_everything)
        everything.setToolTip("Show every lane, with no function in focus")
        group.addAction(everything)
        for view in bp.views:
            action = menu.addAction(menu_text(view.name), lambda v=view.id: self.apply_view(v))
            action.setCheckable(True)
            action.setChecked(view.id == current)
            action.setObjectName(f"view:{view.id}")
            group.addAction(action)
        menu.addSeparator()
        lanes = menu.addMenu("Show &Lanes")
        for lane in bp.lanes:
            shown = lanes.addAction(menu_text(lane.name))
            shown.setCheckable(True)
            shown.setChecked(lane.id not in self.audience.hidden_lanes)
            shown.toggled.connect(lambda on, lane_id=lane.id: self.set_lane_hidden(lane_id, not on))
        menu.addSeparator()
        save = menu.addAction("&Save Current View As…", lambda: self.save_current_as())
        save.setToolTip("Save the lanes shown and the functions in focus as a view (an edit you can undo)")
        manage = menu.addAction("&Manage Views…", self.manage)
        manage.setEnabled(bool(bp.views))
        manage.setToolTip("Rename or delete saved views")
        give_access_keys(menu)  # the views and lanes, named by the designer, get free letters

    def menu_actions(self) -> list[QAction]:
        """The menu's entries as it would show them now."""
        self.fill_menu()
        return self.menu.actions()

    # --- following the document -------------------------------------------------------------------

    def _document_changed(self, change: Change) -> None:
        if change.kinds & {"lane", "function"} or change.structural:
            within = self.audience.within(self.window.document.blueprint)
            if within != self.audience:
                self.audience = within
                self.window.scene.set_audience(within)
                self.changed.emit()

    def _selection_changed(self) -> None:
        """Say so when a finding or a search selects cards of hidden lanes (they are selected, and
        an edit such as Delete would reach them, but the canvas does not show them)."""
        if not self.audience.hidden_lanes:
            return
        document, shown = self.window.document, self.window.scene.cards
        hidden = [i for i in self.window.selection.ids if i not in shown and document.card(i) is not None]
        if hidden:
            count = len(hidden)
            self.window.show_message(
                f"{count} selected card{' is' if count == 1 else 's are'} in hidden lanes "
                "(View > Views > All lanes shows them)"
            )

    def _document_replaced(self) -> None:
        self._unsubscribe()
        self._unsubscribe = self.window.document.subscribe(self._document_changed)
        self.audience = EVERYTHING  # the new scene starts with everything shown
        self.changed.emit()
