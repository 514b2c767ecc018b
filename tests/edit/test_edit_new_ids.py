"""New elements get ids that are never handed out again and that two designers are unlikely to share:
a kind prefix and six random hex digits (`card-7f3a9c`), so that a merge never mixes two cards."""

from __future__ import annotations

import re

import pytest

import blueprint.model.ids as ids_module
from blueprint.edit import Document
from blueprint.edit.clipboard import copy_cards, new_card, paste_cards, pasted_card_ids
from blueprint.edit.operations.cards import AddCard, RemoveCards
from blueprint.model import ID_PATTERN, fresh_id

from builders import blueprint_with, card

FRESH = re.compile(r"^card-[0-9a-f]{6}$")


def test_a_fresh_id_is_a_prefix_and_six_hex_digits_and_avoids_taken_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    draws = iter(["000001", "000001", "00000a"])
    monkeypatch.setattr(ids_module.secrets, "token_hex", lambda n: next(draws))
    assert fresh_id("card", {"card-000001"}) == "card-00000a"  # drawn again until free
    monkeypatch.undo()
    made = fresh_id("Front desk & bar " * 10, set())
    assert re.fullmatch(ID_PATTERN, made) and len(made) <= 64


def test_a_removed_cards_id_is_not_given_to_the_next_card() -> None:
    doc = Document(blueprint_with())
    first = new_card(doc, "customer", "step0")
    doc.apply(AddCard(first))
    doc.apply(RemoveCards((first.id,)))
    second = new_card(doc, "customer", "step0")
    assert FRESH.fullmatch(first.id) and FRESH.fullmatch(second.id)
    assert second.id != first.id


def test_two_designers_adding_a_card_to_one_file_get_two_ids() -> None:
    start = blueprint_with()
    ana, ben = Document(start.model_copy(deep=True)), Document(start.model_copy(deep=True))
    assert new_card(ana, "customer", "step0").id != new_card(ben, "customer", "step0").id


def test_pasted_copies_and_their_links_get_fresh_ids() -> None:
    doc = Document(
        blueprint_with(cards=[card("a", "customer", 0), card("b", "frontstage", 0)], links=[("a", "b")])
    )
    batch = paste_cards(doc, copy_cards(doc, ["a", "b"]))
    doc.apply(batch)
    copies = pasted_card_ids(batch)
    assert len(copies) == 2 and all(FRESH.fullmatch(i) for i in copies)
    link = next(link for link in doc.blueprint.links if link.source in copies)
    assert re.fullmatch(r"link-[0-9a-f]{6}", link.id) and link.target in copies
