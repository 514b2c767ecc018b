"""Cards, links and link labels live in groups by layer and slab of the width (`canvas/buckets.py`):
the scene has few top-level items, each item is in the group of its rect's slab (after edits as in a
fresh scene), the layers stack as before, and a dragged card leaves its group and comes back."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsRectItem

from blueprint.edit import Document, MoveCard
from blueprint.ui.canvas import buckets
from blueprint.ui.canvas.card_item import CardItem
from blueprint.ui.canvas.link_item import LinkItem
from blueprint.ui.canvas.link_label import LinkLabelItem
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.selection import Selection

import generated as _generator


def _slab(item: QGraphicsRectItem) -> int:
    return max(0, int(QGraphicsRectItem.rect(item).left() // buckets.WIDTH))


def _placed(scene: BlueprintScene) -> dict[str, tuple[str, int]]:
    """Each card's, link's and label's (layer, slab of its group), checking it is its rect's slab."""
    layers = {CardItem: scene.card_groups, LinkItem: scene.link_groups, LinkLabelItem: scene.label_groups}
    placed = {}
    for item in scene.items():
        kind = type(item)
        if kind not in layers:
            continue
        groups = layers[kind]
        slab = _slab(item)
        assert item.parentItem() is groups.groups[slab], (kind.__name__, slab)
        key = item.card_id if kind is CardItem else f"{kind.__name__}:{item.route.link_id}"
        placed[key] = (kind.__name__, slab)
    return placed


def test_items_are_grouped_by_layer_and_slab_as_a_fresh_scene_after_edits(qapp) -> None:  # type: ignore[no-untyped-def]
    document = Document(_generator.generate(300))
    scene = BlueprintScene(document, Selection())
    assert scene.complete
    before = _placed(scene)
    assert len({slab for _, slab in before.values()}) > 2  # the blueprint spans several slabs
    top_level = [item for item in scene.items() if item.parentItem() is None]
    assert len(top_level) < len(before) / 10
    # the layers stack as before: links, labels, the chosen cell's frame (1.9), cards, Find (2.5)
    links = [g.zValue() for g in scene.link_groups.groups.values()]
    labels = [g.zValue() for g in scene.label_groups.groups.values()]
    cards = [g.zValue() for g in scene.card_groups.groups.values()]
    assert max(links) < min(labels) and max(labels) < 1.9 and min(cards) > 1.9 and max(cards) < 2.5
    # a card moved to the last step changes slab (and its links and labels with it)
    card = document.blueprint.cards[0]
    last_step = document.blueprint.all_steps()[-1][1].id
    document.apply(MoveCard(card.id, card.lane, last_step, 0))
    after = _placed(scene)
    assert after[card.id][1] > before[card.id][1]
    fresh = BlueprintScene(document, Selection())
    assert _placed(fresh) == after
    scene.detach()
    fresh.detach()


def test_a_lifted_card_leaves_its_group_and_comes_back_to_its_place(qapp) -> None:  # type: ignore[no-untyped-def]
    document = Document(_generator.generate(300))
    scene = BlueprintScene(document, Selection())
    item = scene.cards[document.blueprint.cards[5].id]
    group = item.parentItem()
    order = [child for child in group.childItems()]
    place = buckets.lift(item)
    assert item.parentItem() is None and item.scene() is scene
    item.setZValue(7)  # as a drag does: above everything
    other = scene.cards[document.blueprint.cards[6].id]
    other.set_card_box(scene.layout.cards[other.card_id])  # a lifted card is never regrouped meanwhile
    buckets.regroup(item, "card_groups")
    assert item.parentItem() is None
    item.setZValue(CardItem.Z)
    buckets.lower(item, place, "card_groups")
    assert item.parentItem() is group
    assert group.childItems() == order
    scene.detach()


def test_the_index_has_columns_of_about_the_same_width_at_any_length(qapp) -> None:  # type: ignore[no-untyped-def]
    from blueprint.ui.canvas.scene import _INDEX_COLUMN, _index_depth

    for width in (5_000.0, 180_000.0, 1_450_000.0):
        columns = 2 ** (_index_depth(width) // 2)
        assert 32 <= columns <= 512
        if 32 < columns < 512:
            assert _INDEX_COLUMN / 2 < width / columns <= _INDEX_COLUMN
    document = Document(_generator.generate(300))
    scene = BlueprintScene(document, Selection())
    rect = scene.sceneRect()  # what the index is cut from: the room's width, one point high
    assert (rect.width(), rect.height()) == (scene.room.width(), 1)
    assert scene.room.contains(scene.extent)
    for item in [*scene.cards.values(), *scene.links.values()]:  # each is found where it lies
        assert item in scene.items(item.sceneBoundingRect())
    scene.detach()


def test_a_big_blueprints_layout_after_an_edit_is_kept_out_of_young_collections(qapp) -> None:  # type: ignore[no-untyped-def]
    import gc

    from blueprint.edit import SetCardFields

    document = Document(_generator.generate(1_000))  # 1,000 cards and 1,500 links: a big blueprint
    scene = BlueprintScene(document, Selection())
    card = document.blueprint.cards[500]
    try:
        document.apply(SetCardFields(card.id, {"title": card.title + " again"}))
        young = {id(obj) for generation in (0, 1, 2) for obj in gc.get_objects(generation)}
        assert id(scene.layout.cards) not in young and id(scene.layout.routes) not in young
        assert scene.cards[card.id].card_box is scene.layout.cards[card.id]
    finally:
        scene.detach()
        gc.unfreeze()  # (as the next document opened does: `heap.settle`)
