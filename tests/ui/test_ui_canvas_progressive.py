"""A big blueprint's items are made in two goes: those near its left edge (where it opens) before the
first paint, the rest after it, a chunk per turn of the event loop; edits meanwhile are shown."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsView

from blueprint.edit import Document, MoveCard
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.selection import Selection

import generated as _generator


def test_a_big_blueprint_gets_every_item_after_its_first_paint(qtbot) -> None:  # type: ignore[no-untyped-def]
    document = Document(_generator.generate(900))  # 900 cards and 1,350 links: made in two goes
    selection = Selection()
    far = document.blueprint.cards[-1]
    selection.set([far.id])
    scene = BlueprintScene(document, selection)
    assert not scene.complete and far.id not in scene.cards  # right of what opens: made later
    assert scene.cards and scene.links
    moved = document.blueprint.cards[-2]
    document.apply(MoveCard(moved.id, moved.lane, document.blueprint.all_steps()[-1][1].id, 0))
    view = QGraphicsView(scene)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(scene.completed, timeout=20_000):
        pass
    assert scene.cards.keys() == scene.layout.cards.keys()
    assert scene.links.keys() == scene.layout.routes.keys()
    assert all(item.card_box is scene.layout.cards[i] for i, item in scene.cards.items())
    assert all(item.route is scene.layout.routes[i] for i, item in scene.links.items())
    assert scene.cards[far.id].selected_look  # selected before its item was made
    scene.detach()
