"""The scene stays equal to a fresh layout of the document after any sequence of edits, undos and
redos (it updates only what changed, so this is what could go wrong)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack

from blueprint.edit import AddLink, Document, MoveCard, RemoveCards, RemoveLinks, SetCardFields
from blueprint.layout import compute_layout
from blueprint.model import Link, unique_id
from blueprint.ui.canvas.editing import CanvasEditor
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.selection import Selection

from builders import blueprint_with, card

LANES = ["evidence", "customer", "frontstage", "backstage", "support"]


def fresh_document() -> Document:
    return Document(
        blueprint_with(
            cards=[card(f"c{i}", LANES[i % 5], i % 3, f"Card {i} " + "word " * (i % 4)) for i in range(8)],
            links=[("c0", "c1"), ("c1", "c2"), ("c2", "c3"), ("c5", "c6")],
        )
    )


edits = st.lists(
    st.tuples(
        st.sampled_from(["move", "link", "unlink", "remove", "title", "fail", "undo", "redo"]),
        st.integers(0, 7),
        st.integers(0, 7),
        st.integers(0, 2),
    ),
    min_size=1,
    max_size=12,
)


def assert_scene_matches(scene: BlueprintScene, document: Document) -> None:
    expected = compute_layout(document.blueprint)
    assert {i: item.card_box for i, item in scene.cards.items()} == expected.cards
    assert {i: item.route for i, item in scene.links.items()} == expected.routes
    for item in scene.links.values():  # drawn where the route is (a moved item has a new path)
        path = item.sceneTransform().map(item.path())
        drawn = [path.elementAt(i) for i in range(path.elementCount())]
        flat = [c for p in drawn for c in (p.x, p.y)]
        assert flat == pytest.approx([c for point in item.route.points for c in point])
    assert scene.layout.lanes == expected.lanes
    assert scene.layout.emotion == expected.emotion


@pytest.mark.usefixtures("qapp")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits)
def test_scene_equals_a_fresh_layout_after_any_edits(steps) -> None:  # type: ignore[no-untyped-def]
    document, selection, stack = fresh_document(), Selection(), QUndoStack()
    scene = BlueprintScene(document, selection)
    editor = CanvasEditor(document, stack, selection)
    for kind, a, b, index in steps:
        cards = [c.id for c in document.blueprint.cards]
        links = [link.id for link in document.blueprint.links]
        if kind == "undo":
            stack.undo()
        elif kind == "redo":
            stack.redo()
        elif not cards:
            continue
        elif kind == "move":
            editor.run(MoveCard(cards[a % len(cards)], LANES[b % 5], f"step{index}", index))
        elif kind == "link" and len(cards) > 1 and a % len(cards) != b % len(cards):
            source, target = cards[a % len(cards)], cards[b % len(cards)]
            link_id = unique_id("link", document.blueprint.all_ids())
            editor.run(AddLink(Link(id=link_id, source=source, target=target)))
        elif kind == "unlink" and links:
            editor.run(RemoveLinks((links[a % len(links)],)))
        elif kind == "remove":
            editor.run(RemoveCards((cards[a % len(cards)],)))
        elif kind == "title":
            editor.run(SetCardFields(cards[a % len(cards)], {"title": "A much longer title " * (b + 1)}))
        elif kind == "fail":
            editor.run(
                SetCardFields(cards[a % len(cards)], {"fail_point": {"note": "x"}, "emotion": b % 5 - 2})
            )
        assert_scene_matches(scene, document)
    scene.detach()
