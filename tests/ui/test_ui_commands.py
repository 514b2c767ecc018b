"""Undo commands on a real QUndoStack: undo/redo restore the file text, typing merges per field."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from blueprint.edit import Document, EditError, MoveCard, RemoveStep, SetCardFields
from blueprint.edit.snapshot import snapshot
from blueprint.fileformat import dumps
from blueprint.ui.commands import push
from blueprint.ui.findings_watch import FindingsWatch

from builders import blueprint_with, card


def make_document() -> Document:
    return Document(
        blueprint_with(
            cards=[
                card("c1", "customer", 0, "Orders"),
                card("c2", "frontstage", 0, "Takes order", function="team-a"),
                card("c3", "backstage", 1, "Cooks", function="team-b"),
            ],
            links=[("c1", "c2"), ("c2", "c3")],
        )
    )


def test_undo_and_redo_through_the_stack(qapp) -> None:
    doc, stack = make_document(), QUndoStack()
    original = dumps(doc.blueprint)
    push(stack, doc, MoveCard("c1", "support", "step2", 0))
    push(stack, doc, RemoveStep("step1"))
    edited = dumps(doc.blueprint)
    assert stack.undoText() == "Remove step 'Step 1'"
    stack.undo()
    stack.undo()
    assert dumps(doc.blueprint) == original and stack.isClean()
    stack.redo()
    stack.redo()
    assert dumps(doc.blueprint) == edited


def test_typing_in_one_field_is_one_undo_step(qapp) -> None:
    doc, stack = make_document(), QUndoStack()
    for text in ["C", "Co", "Coo", "Cook"]:
        push(stack, doc, SetCardFields("c3", {"title": text}), merge_key="c3:title:1")
    push(stack, doc, SetCardFields("c3", {"duration_minutes": 4}), merge_key="c3:duration:1")
    assert stack.count() == 2
    stack.undo()
    assert doc.card("c3").title == "Cook" and doc.card("c3").duration_minutes is None
    stack.undo()
    assert doc.card("c3").title == "Cooks"
    stack.redo()
    assert doc.card("c3").title == "Cook"


def test_typing_back_to_the_start_leaves_nothing_to_undo(qapp) -> None:
    doc, stack = make_document(), QUndoStack()
    stack.setClean()
    for text in ["Cooks!", "Cooks"]:
        push(stack, doc, SetCardFields("c3", {"title": text}), merge_key="c3:title:1")
    assert stack.count() == 0 and stack.isClean()
    assert doc.card("c3").title == "Cooks"


def test_a_refused_edit_raises_and_never_reaches_the_stack(qapp) -> None:
    doc, stack = make_document(), QUndoStack()
    with pytest.raises(EditError):
        push(stack, doc, SetCardFields("c3", {"title": ""}))
    assert stack.count() == 0 and doc.card("c3").title == "Cooks"


def test_snapshot_is_equal_and_untouched_by_later_edits() -> None:
    doc = make_document()
    copy = snapshot(doc.blueprint)
    before = dumps(copy)
    assert before == dumps(doc.blueprint)
    doc.apply(SetCardFields("c1", {"title": "Changed", "tags": ["x"]}))
    doc.apply(RemoveStep("step1"))
    doc.apply(MoveCard("c2", "support", "step2", 0))
    assert dumps(copy) == before


def test_findings_watch_debounces_and_ends_up_matching_the_document(qtbot) -> None:
    calls = []

    def validator(bp):
        calls.append(bp.cards[0].title)
        return [_Finding(("c1",))] if bp.cards[0].title == "bad" else []

    doc = make_document()
    watch = FindingsWatch(doc, delay_ms=50, validator=validator)
    qtbot.waitUntil(watch.is_idle)
    assert watch.findings == []
    for text in ["b", "ba", "bad"]:
        doc.apply(SetCardFields("c1", {"title": text}))
    with qtbot.waitSignal(watch.updated, timeout=3000):
        pass
    qtbot.waitUntil(watch.is_idle)
    assert [f.elements for f in watch.findings] == [("c1",)]
    assert list(watch.findings_by_element()) == ["c1"]
    assert calls[-1] == "bad" and "b" not in calls and "ba" not in calls  # debounced


class _Finding:
    def __init__(self, elements: tuple[str, ...]) -> None:
        self.elements = elements
