"""One parent item per lane band and layer, so that a lane that moves is one `setPos` on the canvas.

When a lane grows, every lane below it moves down as it is: the layout gives each of their cards and
the routes that stay within one lane a new object (`Layout.renewed_cards`, `Route.shifted_by`), but
their shapes differ only by the lane's shift. The items of those cards, routes and labels are children
of their lane's group, positioned relative to it (an item's `origin` is its group's y), so the scene
moves the group and only tells each such item its new shape (a Python attribute: no Qt call).

A lane has three parents, one per layer, so that every label still sits above every link line and
every card above both (`link_item.Z`, `link_label.Z`, cards at 2): a child is stacked within its
parent. Links that cross lanes (and labels of such links) stay top-level items, above the in-lane ones
of their layer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene

from blueprint.ui.canvas import link_item, link_label

CARDS_Z = 2.0
#: The in-lane groups of links and labels lie just below the top-level links and labels of their layer.
_BELOW = 1e-8
#: Lanes are stacked in their order within a layer (a fresh scene and an edited one stack alike).
_LANE_STEP = 1e-10


def _parent(z: float, y: float) -> QGraphicsItem:
    item = QGraphicsRectItem()  # empty rect: nothing to paint, no bounds of its own
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
    item.setPos(0.0, y)
    item.setZValue(z)
    return item


class LaneGroup:
    """The parents of one lane's cards, in-lane links and their labels, all at the lane's top `y`."""

    def __init__(self, scene: QGraphicsScene, y: float, index: int) -> None:
        self.y = y
        self.index = index
        self.cards = _parent(_z(CARDS_Z, index), y)
        self.links = _parent(_z(link_item.Z - _BELOW, index), y)
        self.labels = _parent(_z(link_label.Z - _BELOW, index), y)
        for parent in (self.links, self.labels, self.cards):
            scene.addItem(parent)

    def place(self, y: float, index: int) -> None:
        """Move the lane to `y` (its children move with it) and stack it as the `index`-th lane."""
        if y != self.y:
            self.y = y
            for parent in (self.cards, self.links, self.labels):
                parent.setPos(0.0, y)
        if index != self.index:
            self.index = index
            self.cards.setZValue(_z(CARDS_Z, index))
            self.links.setZValue(_z(link_item.Z - _BELOW, index))
            self.labels.setZValue(_z(link_label.Z - _BELOW, index))

    def remove(self, scene: QGraphicsScene) -> None:
        """Take the (by now empty) parents out of `scene`."""
        for parent in (self.cards, self.links, self.labels):
            if parent.scene() is scene:
                scene.removeItem(parent)


def _z(base: float, index: int) -> float:
    return base + index * _LANE_STEP
