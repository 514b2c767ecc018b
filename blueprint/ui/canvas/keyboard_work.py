"""Working on the canvas with the keyboard alone: a mixin of the canvas view.

The window's actions call these (their shortcuts are listed in Help > Keyboard Shortcuts):
- arrow keys pick the nearest card that way, Shift+arrows add it to the selection;
- Ctrl+arrows go cell by cell, and on into the lane names and the step and stage headers
  (`grid_cursor`), choosing an empty cell (the dashed frame) or selecting a header;
- Alt+arrows move the selection: cards to the next step or lane, a step or stage left or right, a lane
  up or down (each one undo step);
- Return edits the selection in place, or starts a new card in the chosen cell; Ctrl+Return starts a
  new card in the chosen cell (the selected card's, else the one chosen last);
- the Menu key and Shift+F10 open the selection's context menu beside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtWidgets import QMenu

from blueprint.ui.activation import exec_menu
from blueprint.ui.canvas import grid_cursor, navigation
from blueprint.ui.canvas.cell_cursor import CellCursor
from blueprint.ui.canvas.grid_cursor import Direction, Place
from blueprint.ui.canvas.menus import menu_for

if TYPE_CHECKING:
    from blueprint.ui.canvas.editing import CanvasEditor
    from blueprint.ui.canvas.scene import BlueprintScene

LEFT, RIGHT, UP, DOWN = (-1, 0), (1, 0), (0, -1), (0, 1)


class KeyboardWork:
    """Keyboard work for BlueprintView (`self` is the view)."""

    # provided by BlueprintView
    editor: CanvasEditor
    cell: tuple[str, str] | None
    cell_cursor: CellCursor

    # --- the chosen cell ------------------------------------------------------------------------

    def set_cell(self, cell: tuple[str, str] | None) -> None:
        """Choose a cell (None: none); the frame shows while nothing is selected."""
        self.cell = cell
        self.update_cell_cursor()

    def update_cell_cursor(self) -> None:
        """Put the dashed frame where it belongs after a selection change, an edit or a new scene."""
        scene: BlueprintScene = self.scene()  # type: ignore[attr-defined]
        cursor = self.cell_cursor
        if cursor.scene() is not scene:
            if cursor.scene() is not None:
                cursor.scene().removeItem(cursor)
            scene.addItem(cursor)
        bp = self.editor.document.blueprint
        cards = self.editor.selected_cards()
        if cards:  # the chosen cell follows the selected card, so Escape leaves the keyboard there
            card = self.editor.document.card(cards[-1])
            self.cell = (card.lane, card.step) if card is not None else self.cell
        if self.cell is not None and not grid_cursor.in_grid(bp, self.cell):
            self.cell = None
        shown = self.cell is not None and not self.editor.selection.ids
        cursor.show_at(scene.cell_rect(*self.cell) if shown else None)  # type: ignore[misc]

    def chosen_cell(self) -> tuple[str, str] | None:
        """Where a new card goes: the selected card's cell, else the chosen cell, else the first cell
        of the customer lane."""
        place = grid_cursor.place_of(self.editor.document, self.editor.selection.ids, self.cell)
        if place is not None and place[0] == "cell":
            return place[1]  # type: ignore[no-any-return]
        return grid_cursor.first_cell(self.editor.document.blueprint)

    # --- arrows ---------------------------------------------------------------------------------

    def select_towards(self, direction: Direction, extend: bool = False) -> str | None:
        """Arrow keys: select the nearest card that way (Shift: add it to the selection)."""
        scene: BlueprintScene = self.scene()  # type: ignore[attr-defined]
        origin = None
        cards = self.editor.selected_cards()
        if not cards and self.cell is not None:
            rect = scene.cell_rect(*self.cell)
            origin = (rect.center().x(), rect.top() + 1) if rect is not None else None
        scene.finish_layout()  # the nearest card may lie beyond a preview's sight (see pending.py)
        found = navigation.next_card(scene.layout, cards, direction, origin)
        if found is None:
            return None
        ids = [*self.editor.selection.ids, found] if extend else [found]
        if extend and found in self.editor.selection.ids:
            ids = [i for i in self.editor.selection.ids if i != found] + [found]
        self.editor.selection.set(ids)
        self.centre_on_ids((found,))  # type: ignore[attr-defined]
        return found

    def go_towards(self, direction: Direction) -> Place | None:
        """Ctrl+arrows: the next cell, or a lane name, step or stage header, that way."""
        document = self.editor.document
        here = grid_cursor.place_of(document, self.editor.selection.ids, self.cell)
        if here is None:
            first = grid_cursor.first_cell(document.blueprint)
            there: Place | None = ("cell", first) if first is not None else None
        else:
            there = grid_cursor.neighbour(document.blueprint, here, direction)
        if there is None:
            return None
        kind, value = there
        if kind == "cell":
            self.editor.selection.clear()
            self.set_cell(value)
            rect = self.scene().cell_rect(*value)  # type: ignore[attr-defined]
            if rect is not None:
                self.ensureVisible(rect, 40, 40)  # type: ignore[attr-defined]
        else:
            self.editor.selection.set([value])
            self.show_header(kind, value)
        return there

    def show_header(self, kind: str, element_id: str) -> None:
        """Scroll a step's or stage's column (or a lane's band) into sight."""
        layout = self.scene().layout  # type: ignore[attr-defined]
        if kind == "lane":
            lane = next((lane for lane in layout.lanes if lane.lane_id == element_id), None)
            rect = (
                None
                if lane is None
                else QRectF(self.visible_scene_rect().left(), lane.band.y, 1, lane.band.h)
            )  # type: ignore[attr-defined]
        else:
            boxes = layout.steps if kind == "step" else layout.stages
            key = "step_id" if kind == "step" else "stage_id"
            box = next((h.box for h in boxes if getattr(h, key) == element_id), None)
            rect = None if box is None else QRectF(box.x, self.visible_scene_rect().top(), box.w, 1)  # type: ignore[attr-defined]
        if rect is not None:
            self.ensureVisible(rect, 40, 0)  # type: ignore[attr-defined]

    def move_selection(self, direction: Direction) -> bool:
        """Alt+arrows: selected cards to the next or previous step or lane; a selected step or stage
        left or right; a selected lane up or down. One undo step each."""
        editor = self.editor
        dx, dy = direction
        cards = editor.selected_cards()
        if cards:
            done = editor.move_cards_by(cards, dy, dx)
            if done:
                self.centre_on_ids(tuple(cards))  # type: ignore[attr-defined]
            return done
        place = grid_cursor.place_of(editor.document, editor.selection.ids, None)
        if place is None or place[0] == "cell":
            editor.problem("Select cards, a lane, a stage or a step to move them")
            return False
        kind, element_id = place
        if kind == "lane" and dy:
            done = editor.move_lane(element_id, dy)
        elif kind == "step" and dx:
            done = editor.move_step(element_id, dx)
        elif kind == "stage" and dx:
            done = editor.move_stage(element_id, dx)
        else:
            editor.problem("Lanes move up and down; stages and steps left and right")
            return False
        if done:
            self.show_header(kind, element_id)
        return done

    # --- Return, Ctrl+Return, Escape ------------------------------------------------------------

    def new_card_here(self) -> None:
        """Ctrl+Return: type the title of a new card in the chosen cell."""
        cell = self.chosen_cell()
        if cell is None:
            self.editor.problem("The blueprint needs a lane and a step before it can hold cards")
            return
        self.editor.selection.clear()
        self.set_cell(cell)
        self.new_card_in(*cell)  # type: ignore[attr-defined]

    def edit_or_add(self) -> None:
        """Return: edit the selection in place; with nothing selected, a new card in the chosen cell."""
        if self.editor.selection.ids:
            self.edit_selection()  # type: ignore[attr-defined]
        elif self.cell is not None:
            self.new_card_here()

    def escape(self) -> None:
        """Escape: stop the gesture in progress, else clear the selection (the chosen cell stays)."""
        if self.interaction is not None:  # type: ignore[attr-defined]
            self.cancel_gesture()  # type: ignore[attr-defined]
        else:
            self.editor.selection.clear()

    # --- context menu from the keyboard ---------------------------------------------------------

    def keyboard_target(self) -> tuple[Place, QPointF] | None:
        """What the Menu key is about (the last selected element, else the chosen cell) and the scene
        point beside which its menu opens."""
        scene: BlueprintScene = self.scene()  # type: ignore[attr-defined]
        document = self.editor.document
        ids = self.editor.selection.ids
        if ids:
            element_id = ids[-1]
            kind = document.kind_of(element_id)
            if kind == "card" and element_id in scene.cards:
                rect = scene.cards[element_id].rect()
                return ("card", element_id), QPointF(rect.center().x(), rect.top() + 12)
            if kind == "link" and element_id in scene.links:
                return ("link", element_id), scene.links[element_id].sceneBoundingRect().center()
            if kind in ("lane", "stage", "step"):
                point = self.header_point(kind, element_id)
                if point is not None:
                    return (kind, element_id), point
        cell = self.chosen_cell()
        rect = scene.cell_rect(*cell) if cell is not None else None
        if cell is None or rect is None:
            return None
        return ("cell", cell), QPointF(rect.center().x(), rect.top() + 12)

    def header_point(self, kind: str, element_id: str) -> QPointF | None:
        """The scene centre of a lane name or a stage or step header where the frozen headers are now."""
        scene: BlueprintScene = self.scene()  # type: ignore[attr-defined]
        layout = scene.layout
        if kind == "lane":
            boxes = {lane.lane_id: lane.header for lane in layout.lanes}
            item = scene.lane_header
        else:
            boxes = {s.step_id: s.box for s in layout.steps} | {s.stage_id: s.box for s in layout.stages}
            item = scene.top_header
        box = boxes.get(element_id)
        if box is None or item is None:
            return None
        return item.mapToScene(QPointF(box.x + box.w / 2, box.y + box.h / 2))

    def show_context_menu(self) -> bool:
        """The Menu key or Shift+F10: the selection's context menu, beside it."""
        found = self.keyboard_target()
        if found is None:
            return False
        target, point = found
        if target[0] == "cell":
            self.editor.selection.clear()
            self.set_cell(target[1])
        menu = menu_for(self, target)  # type: ignore[arg-type]
        if menu is None:
            return False
        viewport = self.viewport()  # type: ignore[attr-defined]
        where = self.mapFromScene(point)  # type: ignore[attr-defined]
        where.setX(max(0, min(where.x(), viewport.width() - 20)))
        where.setY(max(0, min(where.y(), viewport.height() - 20)))
        self.run_menu(menu, viewport.mapToGlobal(where))
        return True

    def run_menu(self, menu: QMenu, where: QPoint) -> None:
        exec_menu(menu, where, self)  # type: ignore[arg-type]
