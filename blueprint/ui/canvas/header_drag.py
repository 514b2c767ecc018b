"""Drag a step's or stage's header left or right (or a lane's name up or down) to reorder: an insertion
marker shows where it will go; release moves it (one undo step), Escape puts everything back.

A step dropped over another stage joins that stage at the place marked (a stage keeps at least one
step, so a stage's only step is moved by moving its stage).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem

from blueprint.ui.canvas import style
from blueprint.ui.canvas.grid_cursor import header_ids
from blueprint.ui.canvas.interactions import DRAG_THRESHOLD, Interaction

if TYPE_CHECKING:
    from blueprint.ui.canvas.view import BlueprintView

#: Where a dragged header would go: (stage id for a step, else ""), index, and the marker's x (or y).
Drop = tuple[str, int, float]


class HeaderDragInteraction(Interaction):
    """Press on a header, then move past the drag threshold: the header follows as a marker."""

    def __init__(self, view: BlueprintView, kind: str, element_id: str, start: QPointF) -> None:
        super().__init__(view)
        self.kind = kind
        self.element_id = element_id
        self.start = start
        self.started = False
        self.drop: Drop | None = None
        self.marker = QGraphicsLineItem()
        pen = QPen(QColor(style.DROP_TARGET), 4)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.marker.setPen(pen)
        self.marker.setZValue(12)  # over the frozen headers

    def move(self, pos: QPointF) -> None:
        view = self.view
        if not self.started:
            delta = view.mapFromScene(pos) - view.mapFromScene(self.start)
            if delta.manhattanLength() < DRAG_THRESHOLD:
                return
            self.started = True
            view.scene().addItem(self.marker)
            view.viewport().setCursor(
                Qt.CursorShape.SizeVerCursor if self.kind == "lane" else Qt.CursorShape.SizeHorCursor
            )
        self.drop = self.target(pos)
        self._show()

    def target(self, pos: QPointF) -> Drop | None:
        """Where the header would go if released at `pos` (None: where it is now)."""
        layout = self.view.scene().layout
        if self.kind == "lane":
            others = [lane for lane in layout.lanes if lane.lane_id != self.element_id]
            index = sum(1 for lane in others if lane.band.y + lane.band.h / 2 < pos.y())
            y = others[index].band.y if index < len(others) else (others[-1].band.bottom if others else 0.0)
            return self._unless_same(("", index, y))
        if self.kind == "stage":
            others = [stage for stage in layout.stages if stage.stage_id != self.element_id]
            index = sum(1 for stage in others if stage.box.x + stage.box.w / 2 < pos.x())
            x = others[index].box.x if index < len(others) else (others[-1].box.right if others else 0.0)
            return self._unless_same(("", index, x))
        stages = layout.stages
        if not stages:
            return None
        stage = next((s for s in stages if s.box.x <= pos.x() < s.box.right), None)
        if stage is None:
            stage = stages[0] if pos.x() < stages[0].box.x else stages[-1]
        bp = self.view.editor.document.blueprint
        model = next((s for s in bp.stages if s.id == stage.stage_id), None)
        if model is None:
            return None
        step_ids = {step.id for step in model.steps}
        others = [s for s in layout.steps if s.step_id in step_ids and s.step_id != self.element_id]
        index = sum(1 for s in others if s.box.x + s.box.w / 2 < pos.x())
        x = others[index].box.x if index < len(others) else others[-1].box.right if others else stage.box.x
        return self._unless_same((stage.stage_id, index, x))

    def _unless_same(self, drop: Drop) -> Drop | None:
        """None when the drop would leave the header where it is."""
        bp = self.view.editor.document.blueprint
        stage_id, index, _ = drop
        if self.kind in ("lane", "stage"):
            return None if header_ids(bp, self.kind).index(self.element_id) == index else drop
        for stage in bp.stages:
            ids = [step.id for step in stage.steps]
            if self.element_id in ids:
                return None if stage.id == stage_id and ids.index(self.element_id) == index else drop
        return drop

    def _show(self) -> None:
        if self.drop is None:
            self.marker.hide()
            return
        seen = self.view.visible_scene_rect()
        layout = self.view.scene().layout
        at = self.drop[2]
        if self.kind == "lane":  # across the grid, from the frozen lane names on
            left = max(seen.left(), 0.0)
            self.marker.setLine(QLineF(left, at, max(left, min(seen.right(), layout.width)), at))
        else:  # down the grid, from the frozen headers on
            top = max(seen.top(), 0.0)
            self.marker.setLine(QLineF(at, top, at, max(top, min(seen.bottom(), layout.height))))
        self.marker.show()

    def release(self, pos: QPointF) -> None:
        if not self.started:
            return
        drop = self.target(pos)
        self.cancel()
        if drop is None:
            return
        editor = self.view.editor
        stage_id, index, _ = drop
        if self.kind == "lane":
            editor.move_lane_to(self.element_id, index)
        elif self.kind == "stage":
            editor.move_stage_to(self.element_id, index)
        else:
            editor.move_step_to(self.element_id, stage_id, index)

    def cancel(self) -> None:
        if self.marker.scene() is not None:
            self.marker.scene().removeItem(self.marker)
        if self.started:
            self.view.viewport().unsetCursor()
