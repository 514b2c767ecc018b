"""Random sequences of edits on random documents: undoing them all gives back the original file."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from random_edits import random_operation

from blueprint.edit import (
    Document,
    EditError,
    Operation,
)
from blueprint.fileformat import dumps, loads
from blueprint.model import integrity_problems

from strategies import blueprints


def assert_index_is_exact(doc: Document) -> None:
    """The document's card index (kept up to date by moves) agrees with the card array."""
    bp = doc.blueprint
    for i, c in enumerate(bp.cards):
        assert doc.card(c.id) is c
        assert doc.cards.position(c.id) == i
        assert doc.cards.cell(c.lane, c.step) == [x.id for x in bp.cards_in_cell(c.lane, c.step)]


@given(st.data(), blueprints(max_cards=12))
def test_random_edits_then_undo_all_restore_the_original(data: st.DataObject, blueprint) -> None:
    doc = Document(blueprint)
    original = dumps(doc.blueprint)
    undo: list[tuple[Operation, Operation, str]] = []
    for n in range(data.draw(st.integers(1, 12))):
        op = random_operation(data.draw, doc, n)
        before = dumps(doc.blueprint)
        try:
            inverse = doc.apply(op)
        except EditError:
            assert dumps(doc.blueprint) == before  # a refused edit changes nothing
            continue
        assert integrity_problems(doc.blueprint) == []
        assert_index_is_exact(doc)
        undo.append((op, inverse, before))
    final = dumps(doc.blueprint)
    loads(final)  # every state is a valid file
    redo = []
    for _op, inverse, before in reversed(undo):
        redo.append(doc.apply(inverse))
        assert dumps(doc.blueprint) == before
        assert_index_is_exact(doc)
    assert dumps(doc.blueprint) == original
    for again in reversed(redo):
        doc.apply(again)
    assert dumps(doc.blueprint) == final
