"""Work beside the editor that reads the blueprint is finished before an edit changes it: the document
calls its preparers at the start of every `apply` (the canvas's exact layout waits there, see
`ui/canvas/pending.py`)."""

from __future__ import annotations

import pytest

from blueprint.edit import Document, EditError, MoveCard

from builders import blueprint_with, card


def document() -> Document:
    return Document(blueprint_with(cards=[card("a", "customer", 0), card("b", "customer", 1)], steps=2))


def test_preparers_run_before_the_blueprint_changes_and_stop_when_told() -> None:
    doc = document()
    seen: list[str] = []
    stop = doc.before_apply(lambda: seen.append(doc.card("a").step))  # type: ignore[union-attr]
    undo = doc.apply(MoveCard("a", "customer", "step1"))
    assert seen == ["step0"]  # called while the card was still where it was
    stop()
    doc.apply(undo)
    assert seen == ["step0"]


def test_a_refused_edit_still_lets_the_preparers_finish_first() -> None:
    doc = document()
    seen: list[str] = []
    doc.before_apply(lambda: seen.append("ready"))
    with pytest.raises(EditError):
        doc.apply(MoveCard("nowhere", "customer", "step1"))
    assert seen == ["ready"]
