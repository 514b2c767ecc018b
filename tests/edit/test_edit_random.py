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
from blueprint.edit.card_index import CardIndex
from blueprint.fileformat import dumps, loads
from blueprint.model import integrity_problems

from strategies import blueprints


def assert_index_is_exact(doc: Document) -> None:
    """The document's index (kept up to date in place by moves, additions and removals of cards and
    links) agrees with the card and link arrays: what a freshly built one would answer."""
    bp = doc.blueprint
    for i, c in enumerate(bp.cards):
        assert doc.card(c.id) is c
        assert doc.cards.position(c.id) == i
        assert doc.cards.cell(c.lane, c.step) == [x.id for x in bp.cards_in_cell(c.lane, c.step)]
        assert doc.links_of(c.id) == [li for li in bp.links if c.id in (li.source, li.target)]
    for i, li in enumerate(bp.links):
        assert doc.link(li.id) is li
        assert doc.cards.link_position(li.id) == i
    fresh = CardIndex(bp)
    for element_id in ("gone", *(c.id for c in bp.cards), *(li.id for li in bp.links)):
        assert doc.cards.id_taken(element_id) == fresh.id_taken(element_id)
        assert (doc.card(element_id) is None) == (fresh.card(element_id) is None)
        assert (doc.link(element_id) is None) == (fresh.link(element_id) is None)


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
