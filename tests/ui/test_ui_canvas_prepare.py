"""After a full layout the scene builds the label memo once the view has painted, so the first card
move after opening a file (or after a lane, stage or step edit) does not build it."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsView

from blueprint.edit import Document, MoveCard
from blueprint.layout import label_memo
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.selection import Selection

from builders import blueprint_with, card


def test_the_first_move_after_a_full_layout_finds_its_label_memo_ready(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cards = [card(f"c{i}", ("frontstage", "backstage")[i % 2], i % 3, f"Card {i}") for i in range(8)]
    links = [(f"c{i}", f"c{i + 1}") for i in range(7)]
    doc = blueprint_with(cards=cards, links=links, steps=3)
    for link in doc.links:
        link.label = "hands over"
    document = Document(doc)
    scene = BlueprintScene(document, Selection())
    assert scene.layout.label_memo.memo is None  # type: ignore[union-attr]  # not before a paint
    view = QGraphicsView(scene)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: scene.layout.label_memo.memo is not None, timeout=3000)  # type: ignore[union-attr]
    built: list[int] = []
    original = label_memo.Memo.__init__
    monkeypatch.setattr(
        label_memo.Memo, "__init__", lambda self, routes: (built.append(1), original(self, routes))[1]
    )
    document.apply(MoveCard("c0", "frontstage", "step2", 0))
    assert scene.layout.cards["c0"].step_id == "step2"
    assert built == [], "the move built the memo again"
    scene.detach()
