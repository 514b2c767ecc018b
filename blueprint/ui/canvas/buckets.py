"""Parent items that hold the cards, links and link labels in groups, one group per layer and slab of
the scene's width, so that the scene has a few hundred top-level items instead of one per item.

Why: after any change to any item (a repaint asked for, a new rect, a new position), Qt's scene
visits every top-level item once in the next turn of the event loop (`_q_processDirtyItems`), dirty
or not: about 90 ns each, 14 ms per edit at 40,000 cards (158,000 items) against 1.8 ms at 5,000
(`benchmarks/edit_growth.py`). A child is visited only when something in its own group changed,
so an edit pays for the groups it touched, not for the document.

Why slabs of the width: Qt paints (and finds the items under the mouse) by its index of every item,
then visits every child of each top-level item that one found lies in; a group must therefore hold
items that lie together, or a repaint visits thousands of children out of sight. The document
grows along its width only (steps), so a slab of `WIDTH` points holds about the same number of
items at 5,000 cards as at 40,000. An item's slab is that of its rect's left edge; an item whose
rect moves to another slab changes group (`put`, called by the items when their rect changes).

Stacking, which Qt does within a parent and then among the top-level items:
- the layers stay apart: every link group is under every label group, under the chosen cell's
  frame (1.9), under every card group, under Find's highlights (2.5); a group's z value is its
  layer's plus its slab times `SLAB_Z` (below the next layer for any width);
- within a group, items stack as they did: links and labels in link order (their z values), cards
  in the order added;
- across two groups of one layer, the group further left is under: two links that cross, one
  starting in each slab, are drawn in that order rather than in link order (the same pixels when
  they have one colour; cards and labels do not overlap in a layout). The order is a function of the
  shapes only, so the canvas after any edits still equals a freshly built one.

A group has no contents and no extent (nothing to paint, never under the mouse) and sits at the
scene's origin untransformed, so a child's position is its scene position as before. An item
raised above all others for a while (a card being dragged, `lift`) leaves its group for the top
level and goes back (`lower`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene

#: The width of a slab (scene points): a view at 100% shows one or two.
WIDTH = 2048.0
#: A group's z value above its layer's per slab (1,000 slabs: 0.0001, far below the next layer).
SLAB_Z = 1e-7


def _group(scene: QGraphicsScene, z: float) -> QGraphicsRectItem:
    """An empty parent (a rect item: no Python call when Qt asks for its bounds)."""
    group = QGraphicsRectItem()
    group.setPen(Qt.PenStyle.NoPen)
    group.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
    group.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    group.setZValue(z)
    scene.addItem(group)
    return group


class SlabGroups:
    """The groups of one layer (cards, links or labels), by slab."""

    def __init__(self, scene: QGraphicsScene, z: float, width: float = WIDTH) -> None:
        self.scene = scene
        self.z = z
        self.width = width
        #: (kept here: a group whose Python wrapper is gone is deleted with its children)
        self.groups: dict[int, QGraphicsRectItem] = {}

    def put(self, item: QGraphicsRectItem) -> None:
        """Put `item` (in no scene, or in this one) into the group of its rect's slab, unless it is
        lifted (`lift`)."""
        if getattr(item, "lifted", False):
            return
        slab = max(0, int(QGraphicsRectItem.rect(item).left() // self.width))
        group = self.groups.get(slab)
        if group is None:
            group = self.groups[slab] = _group(self.scene, self.z + slab * SLAB_Z)
        if item.parentItem() is not group:
            item.setParentItem(group)


def regroup(item: QGraphicsRectItem, layer: str) -> None:
    """After `item`'s rect changed: into the group of its new slab, if its scene groups `layer`
    ("card_groups", "link_groups" or "label_groups")."""
    scene = item.scene()
    if scene is not None:
        groups = getattr(scene, layer, None)
        if groups is not None:
            groups.put(item)


def lift(item: QGraphicsItem) -> tuple[QGraphicsItem, QGraphicsItem | None] | None:
    """Take `item` out of its group to the top level (its own z value then counts among all items)
    until `lower`; returns where it was."""
    item.lifted = True  # type: ignore[attr-defined]
    group = item.parentItem()
    if group is None:
        return None
    siblings = group.childItems()  # in stacking order
    at = siblings.index(item)
    after = siblings[at + 1] if at + 1 < len(siblings) else None
    item.setParentItem(None)
    return group, after


def lower(
    item: QGraphicsRectItem, place: tuple[QGraphicsItem, QGraphicsItem | None] | None, layer: str
) -> None:
    """Put `item` back where `lift` took it from (before the sibling that followed it, if still
    there); into its slab's group if its rect has moved meanwhile."""
    item.lifted = False  # type: ignore[attr-defined]
    if place is not None:
        group, after = place
        if group.scene() is not None and item.scene() is group.scene():
            item.setParentItem(group)
            if after is not None and after.parentItem() is group and after.zValue() == item.zValue():
                item.stackBefore(after)
    regroup(item, layer)
