"""Every edit operation is exactly invertible: apply, undo and redo compared by the file's text."""

from __future__ import annotations

import pytest

from blueprint.edit import (
    AddCard,
    AddFunction,
    AddLane,
    AddLink,
    AddStage,
    AddStep,
    Batch,
    Document,
    EditError,
    MoveCard,
    MoveLane,
    MoveStage,
    MoveStep,
    Operation,
    RemoveCards,
    RemoveFunction,
    RemoveLane,
    RemoveLinks,
    RemoveStage,
    RemoveStep,
    SetCardFields,
    SetDocumentFields,
    SetFunctionFields,
    SetLaneFields,
    SetLinkFields,
    SetStageFields,
    SetStepFields,
    copy_cards,
    duplicate_cards,
    new_card,
    paste_cards,
    pasted_card_ids,
)
from blueprint.fileformat import dumps
from blueprint.model import Card, Function, Lane, Link, Stage, Step

from builders import blueprint_with, card


def sample_document() -> Document:
    return Document(
        blueprint_with(
            cards=[
                card("c1", "customer", 0, "Orders", channel="app"),
                card("c2", "frontstage", 0, "Takes order", function="team-a"),
                card("c3", "backstage", 1, "Cooks", function="team-b", duration_minutes=5),
                card("c4", "customer", 1, "Waits"),
                card("c5", "customer", 0, "Pays"),
                card("c6", "support", 2, "Stock", function="team-a"),
            ],
            links=[("c1", "c2"), ("c2", "c3"), ("c3", "c4", {"label": "ready"}), ("c6", "c3")],
            stages=[("order", 2, "purchase"), ("after", 1, None)],
        )
    )


OPERATIONS: dict[str, Operation] = {
    "add card": AddCard(Card(id="new", lane="customer", step="step2", title="New")),
    "add card at 0": AddCard(Card(id="new", lane="customer", step="step2", title="New"), 0),
    "remove cards": RemoveCards(("c2", "c5")),
    "move card to other cell": MoveCard("c1", "backstage", "step1", 0),
    "move card within cell": MoveCard("c5", "customer", "step0", 0),
    "move card to end of cell": MoveCard("c1", "customer", "step0", 9),
    "move card to empty cell": MoveCard("c4", "evidence", "step2", 0),
    "set card fields": SetCardFields(
        "c3", {"title": "Cooks fast", "tolerance_minutes": 9, "fail_point": {"note": "burns"}}
    ),
    "clear card function": SetCardFields("c2", {"function": None, "tags": ["a", "b"]}),
    "add link": AddLink(Link(id="lnew", source="c5", target="c6"), 1),
    "remove links": RemoveLinks(("l0", "l3")),
    "set link fields": SetLinkFields("l2", {"label": "done", "kind": "loop"}),
    "add lane": AddLane(Lane(id="notes", name="Notes", kind="notes"), 2),
    "remove lane": RemoveLane("customer"),
    "move lane": MoveLane("support", 0),
    "set lane fields": SetLaneFields("backstage", {"name": "Kitchen", "kind": "support"}),
    "add stage": AddStage(Stage(id="s-new", name="New", steps=[Step(id="st-new", name="New")]), 1),
    "remove stage": RemoveStage("order"),
    "set stage fields": SetStageFields("order", {"name": "Ordering", "phase": None, "job": "eat"}),
    "add step": AddStep("after", Step(id="st-new", name="New"), 0),
    "remove step": RemoveStep("step1"),
    "move stage": MoveStage("after", 0),
    "move stage past the end": MoveStage("order", 9),
    "move step to other stage": MoveStep("step0", "after", 1),
    "move step within stage": MoveStep("step1", "order", 0),
    "set step fields": SetStepFields("step2", {"name": "Later"}),
    "add function": AddFunction(Function(id="fn-new", name="New", color="#112233"), 0),
    "remove function": RemoveFunction("team-a"),
    "set function fields": SetFunctionFields(
        "team-b", {"name": "Kitchen", "color": "#aabbcc", "kind": "role"}
    ),
    "set document fields": SetDocumentFields(
        {"title": "Café", "persona": {"name": "Ana"}, "metadata": {"author": "Me", "tags": ["x"]}}
    ),
    "batch": Batch([MoveCard("c1", "support", "step2", 0), RemoveLinks(("l1",))], text="Two"),
}


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_apply_then_inverse_restores_the_file_exactly_and_redo_repeats(name: str) -> None:
    doc = sample_document()
    before = dumps(doc.blueprint)
    op = OPERATIONS[name]
    inverse = doc.apply(op)
    after = dumps(doc.blueprint)
    assert after != before
    redo = doc.apply(inverse)
    assert dumps(doc.blueprint) == before
    doc.apply(redo)
    assert dumps(doc.blueprint) == after


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_applying_without_a_document_gives_the_same_file(name: str) -> None:
    through_document, alone = sample_document(), sample_document().blueprint
    through_document.apply(OPERATIONS[name])
    inverse = OPERATIONS[name].apply(alone)
    assert dumps(alone) == dumps(through_document.blueprint)
    inverse.apply(alone)
    assert dumps(alone) == dumps(sample_document().blueprint)


def test_move_card_into_an_empty_cell_keeps_its_place_in_the_file() -> None:
    doc = sample_document()
    doc.apply(MoveCard("c2", "evidence", "step2", 0))
    assert [c.id for c in doc.blueprint.cards] == ["c1", "c2", "c3", "c4", "c5", "c6"]
    doc.apply(MoveCard("c6", "evidence", "step2", 0))
    assert [c.id for c in doc.blueprint.cards_in_cell("evidence", "step2")] == ["c6", "c2"]


def test_observers_hear_what_changed_and_can_unsubscribe() -> None:
    doc = sample_document()
    heard = []
    unsubscribe = doc.subscribe(heard.append)
    doc.apply(MoveCard("c1", "backstage", "step1", 0))
    doc.apply(RemoveStep("step1"))
    unsubscribe()
    doc.apply(SetCardFields("c2", {"title": "x"}))
    assert heard[0].kinds == {"card"} and heard[0].ids == {"c1"} and not heard[0].structural
    assert heard[1].structural and {"c1", "c3", "c4", "l1", "l2", "l3", "step1"} <= heard[1].ids
    assert len(heard) == 2


def test_remove_step_takes_cards_and_links_and_undo_puts_them_back_in_place() -> None:
    doc = sample_document()
    before = dumps(doc.blueprint)
    inverse = doc.apply(RemoveStep("step1"))
    bp = doc.blueprint
    assert [c.id for c in bp.cards] == ["c1", "c2", "c5", "c6"]
    assert [li.id for li in bp.links] == ["l0"]
    doc.apply(inverse)
    assert [c.id for c in doc.blueprint.cards] == ["c1", "c2", "c3", "c4", "c5", "c6"]
    assert dumps(doc.blueprint) == before


def test_move_card_places_it_at_the_cell_index() -> None:
    doc = sample_document()
    doc.apply(MoveCard("c5", "customer", "step0", 0))
    assert [c.id for c in doc.blueprint.cards_in_cell("customer", "step0")] == ["c5", "c1"]
    doc.apply(MoveCard("c4", "customer", "step0", 1))
    assert [c.id for c in doc.blueprint.cards_in_cell("customer", "step0")] == ["c5", "c4", "c1"]
    assert doc.card("c4").step == "step0"


@pytest.mark.parametrize(
    ("op", "code", "field"),
    [
        (SetCardFields("c3", {"tolerance_minutes": 1}), "tolerance", "tolerance_minutes"),
        (SetCardFields("c3", {"title": ""}), "blank", "title"),
        (SetCardFields("c3", {"function": "nobody"}), "unknown-function", "function"),
        (SetCardFields("c3", {"id": "c9"}), "locked-field", "id"),
        (SetDocumentFields({"title": "   "}), "title_length", "title"),
        (MoveCard("c1", "nowhere", "step0"), "unknown-lane", "lane"),
        (AddCard(Card(id="c1", lane="customer", step="step0", title="x")), "duplicate-id", ""),
        (AddLink(Link(id="l9", source="c1", target="c1")), "self-link", ""),
        (RemoveStep("step2"), "last-step", ""),
        (MoveStep("step2", "order", 0), "last-step", ""),
        (
            Batch([MoveCard("c1", "support", "step2"), SetCardFields("c2", {"emotion": 9})]),
            "less_than_equal",
            "emotion",
        ),
    ],
)
def test_refused_edits_raise_a_plain_error_and_change_nothing(op: Operation, code: str, field: str) -> None:
    doc = sample_document()
    before = dumps(doc.blueprint)
    with pytest.raises(EditError) as raised:
        doc.apply(op)
    assert raised.value.code == code
    assert raised.value.field == field
    assert "\n" not in raised.value.message and raised.value.message
    assert dumps(doc.blueprint) == before


def test_indexes_follow_additions_and_removals() -> None:
    doc = sample_document()
    assert [li.id for li in doc.links_of("c3")] == ["l1", "l2", "l3"]
    inverse = doc.apply(RemoveLinks(("l2",)))
    assert [li.id for li in doc.links_of("c3")] == ["l1", "l3"]
    assert doc.link("l2") is None
    doc.apply(inverse)
    assert doc.link("l2") is not None and doc.kind_of("l2") == "link"
    assert doc.kind_of("order") == "stage" and doc.kind_of("step0") == "step" and doc.kind_of("x") is None


def test_paste_makes_fresh_copies_that_keep_links_among_themselves() -> None:
    doc = sample_document()
    before = dumps(doc.blueprint)
    payload = copy_cards(doc, ["c2", "c3", "c6"])
    assert [li["id"] for li in payload["links"]] == ["l1", "l3"]  # only links among copied cards
    batch = paste_cards(doc, payload, "support", "step0")
    assert batch.text == "Paste 3 cards"
    inverse = doc.apply(batch)
    new = pasted_card_ids(batch)
    assert len(set(new)) == 3 and not set(new) & {"c2", "c3", "c6"}
    assert all(doc.card(i).lane == "support" and doc.card(i).step == "step0" for i in new)
    copied_links = [li for li in doc.blueprint.links if li.source in new]
    assert {(li.source, li.target) for li in copied_links} == {(new[0], new[1]), (new[2], new[1])}
    assert doc.card(new[0]).function == "team-a"
    doc.apply(inverse)
    assert dumps(doc.blueprint) == before


def test_paste_into_another_blueprint_drops_unknown_functions_and_places_cards() -> None:
    source = sample_document()
    target = Document(blueprint_with(lanes=["support"], functions=[], steps=1))
    batch = paste_cards(target, copy_cards(source, ["c1", "c2"]))
    target.apply(batch)
    cards = target.blueprint.cards
    assert [(c.lane, c.step, c.function) for c in cards] == [("support", "step0", None)] * 2
    assert len(target.blueprint.links) == 1


def test_duplicate_and_new_card_use_fresh_ids() -> None:
    doc = sample_document()
    batch = duplicate_cards(doc, ["c1"])
    assert batch.text == "Duplicate card"
    doc.apply(batch)
    (copy_id,) = pasted_card_ids(batch)
    assert doc.card(copy_id).title == "Orders" and doc.card(copy_id).step == "step0"
    fresh = new_card(doc, "customer", "step2", "Leaves")
    assert fresh.id not in doc.blueprint.all_ids()
    doc.apply(AddCard(fresh))
    assert doc.blueprint.cards[-1].title == "Leaves"
