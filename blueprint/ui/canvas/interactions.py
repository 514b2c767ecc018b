"""The canvas gestures, one small class each: press starts one, move updates it, release commits it
(one undo step) and cancel (Escape) puts everything back as it was."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QGraphicsRectItem

from blueprint.ui.canvas import style
from blueprint.ui.canvas.buckets import lift, lower
from blueprint.ui.canvas.card_item import CardItem
from blueprint.ui.canvas.link_item import LinkItem

if TYPE_CHECKING:
    from blueprint.ui.canvas.view import BlueprintView

DRAG_THRESHOLD = 4.0  # view pixels before a press becomes a drag


class Interaction:
    """Base: a gesture in progress on `view`."""

    def __init__(self, view: BlueprintView) -> None:
        self.view = view

    def move(self, pos: QPointF) -> None: ...

    def release(self, pos: QPointF) -> None: ...

    def cancel(self) -> None: ...


class PanInteraction(Interaction):
    """Middle button or Space+drag: scroll the view with the mouse."""

    def __init__(self, view: BlueprintView, viewport_pos: QPointF) -> None:
        super().__init__(view)
        self.last = viewport_pos
        view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def move_viewport(self, viewport_pos: QPointF) -> None:
        delta = viewport_pos - self.last
        self.last = viewport_pos
        h, v = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        h.setValue(h.value() - round(delta.x()))
        v.setValue(v.value() - round(delta.y()))

    def release(self, pos: QPointF) -> None:
        self.cancel()

    def cancel(self) -> None:
        self.view.viewport().unsetCursor()


class MoveCardsInteraction(Interaction):
    """Drag cards to another cell (it highlights) or within their cell to reorder; pushed on release."""

    def __init__(self, view: BlueprintView, card_ids: list[str], start: QPointF) -> None:
        super().__init__(view)
        self.card_ids = card_ids
        self.start = start
        self.started = False
        self.target: tuple[str, str, int] | None = None
        self.highlight = QGraphicsRectItem()
        self.highlight.setPen(QPen(QColor(style.DROP_TARGET), 2))
        fill = QColor(style.DROP_TARGET)
        fill.setAlpha(28)
        self.highlight.setBrush(QBrush(fill))
        self.highlight.setZValue(5)
        self.marker = QGraphicsLineItem()
        self.marker.setPen(QPen(QColor(style.DROP_TARGET), 3))
        self.marker.setZValue(6)
        #: Where each dragged card's item was in its group (`buckets.lift`), to go back there.
        self._places: dict[str, tuple[QGraphicsItem, QGraphicsItem | None] | None] = {}

    def _items(self) -> list[CardItem]:
        cards = self.view.scene().cards
        return [cards[i] for i in self.card_ids if i in cards]

    def move(self, pos: QPointF) -> None:
        view_delta = self.view.mapFromScene(pos) - self.view.mapFromScene(self.start)
        if not self.started and view_delta.manhattanLength() < DRAG_THRESHOLD:
            return
        if not self.started:
            self.started = True
            self.view.scene().addItem(self.highlight)
            self.view.scene().addItem(self.marker)
            for item in self._items():
                item.setOpacity(0.75)
                # above everything (the drop marker too): out of its group while dragged (`buckets.py`)
                self._places[item.card_id] = lift(item)
                item.setZValue(7)
        delta = pos - self.start
        for item in self._items():
            item.setPos(delta)
        self.target = self._target(pos)
        self._show_target()

    def _target(self, pos: QPointF) -> tuple[str, str, int] | None:
        scene = self.view.scene()
        cell = scene.cell_at(pos)
        if cell is None:
            return None
        lane_id, step_id = cell
        shapes = scene.layout.cards
        stack = (
            [c for c in scene.layout.cells[cell].card_ids if c not in self.card_ids]
            if cell in scene.layout.cells
            else []
        )
        index = sum(1 for c in stack if shapes[c].box.center[1] < pos.y())
        return (lane_id, step_id, index)

    def _show_target(self) -> None:
        scene = self.view.scene()
        if self.target is None:
            self.highlight.setVisible(False)
            self.marker.setVisible(False)
            return
        lane_id, step_id, index = self.target
        rect = scene.cell_rect(lane_id, step_id) or QRectF()
        self.highlight.setRect(rect.adjusted(2, 2, -2, -2))
        self.highlight.setVisible(True)
        cell = scene.layout.cells.get((lane_id, step_id))
        stack = [c for c in cell.card_ids if c not in self.card_ids] if cell else []
        shapes = scene.layout.cards
        if index < len(stack):
            y = shapes[stack[index]].box.y - 6
        elif stack:
            y = shapes[stack[-1]].box.bottom + 6
        else:
            y = rect.top() + 10
        self.marker.setLine(QLineF(rect.left() + 10, y, rect.right() - 10, y))
        self.marker.setVisible(True)

    def release(self, pos: QPointF) -> None:
        if not self.started:
            return
        target = self._target(pos)
        self._clean()
        if target is not None:
            self.view.editor.move_cards(self.card_ids, *target)

    def cancel(self) -> None:
        self._clean()

    def _clean(self) -> None:
        scene = self.view.scene()
        for item in self._items():
            item.setPos(0, 0)
            item.setOpacity(1.0)
            item.setZValue(CardItem.Z)
            if item.card_id in self._places:
                lower(item, self._places.pop(item.card_id), "card_groups")
        for item in (self.highlight, self.marker):
            if item.scene() is scene:
                scene.removeItem(item)


class ConnectInteraction(Interaction):
    """Drag from a card's connector handle onto another card: a rubber line follows; release links."""

    def __init__(self, view: BlueprintView, source: CardItem) -> None:
        super().__init__(view)
        self.source = source
        self.hover: CardItem | None = None
        self.line = QGraphicsLineItem(QLineF(source.handle_centre(), source.handle_centre()))
        pen = QPen(QColor(style.SELECTION), 1.6)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.line.setPen(pen)
        self.line.setZValue(8)
        view.scene().addItem(self.line)

    def move(self, pos: QPointF) -> None:
        self.line.setLine(QLineF(self.source.handle_centre(), pos))
        target = self.view.scene().card_at(pos)
        if target is self.source:
            target = None
        if target is not self.hover:
            if self.hover is not None:
                self.hover.set_look(drop_target=False)
            if target is not None:
                target.set_look(drop_target=True)
            self.hover = target

    def release(self, pos: QPointF) -> None:
        target = self.view.scene().card_at(pos)
        self.cancel()
        if target is not None and target is not self.source:
            self.view.editor.add_link(self.source.card_id, target.card_id)

    def cancel(self) -> None:
        if self.hover is not None:
            self.hover.set_look(drop_target=False)
            self.hover = None
        if self.line.scene() is not None:
            self.line.scene().removeItem(self.line)


class RubberBandInteraction(Interaction):
    """Drag on empty canvas: select every card and link the rectangle touches."""

    def __init__(self, view: BlueprintView, start: QPointF, add: bool) -> None:
        super().__init__(view)
        self.start = start
        self.add = add
        self.before = view.editor.selection.ids if add else ()
        self.band = QGraphicsRectItem(QRectF(start, start))
        self.band.setPen(QPen(QColor(style.SELECTION), 0))
        fill = QColor(style.SELECTION)
        fill.setAlpha(30)
        self.band.setBrush(QBrush(fill))
        self.band.setZValue(9)
        view.scene().addItem(self.band)

    def move(self, pos: QPointF) -> None:
        rect = QRectF(self.start, pos).normalized()
        self.band.setRect(rect)
        self.view.editor.selection.set([*self.before, *self._hits(rect)])

    def _hits(self, rect: QRectF) -> list[str]:
        if rect.width() < 1 and rect.height() < 1:
            return []
        found = []
        for item in self.view.scene().items(rect, Qt.ItemSelectionMode.IntersectsItemShape):
            if isinstance(item, CardItem) and item.rect().intersects(rect):
                found.append(item.card_id)
            elif isinstance(item, LinkItem):
                found.append(item.link_id)
        return found

    def release(self, pos: QPointF) -> None:
        self.move(pos)
        self._remove_band()

    def cancel(self) -> None:
        self._remove_band()
        self.view.editor.selection.set(self.before)

    def _remove_band(self) -> None:
        if self.band.scene() is not None:
            self.band.scene().removeItem(self.band)
