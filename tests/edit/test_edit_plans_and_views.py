"""Improvement plans and views are edited like every element, and deleting what they name cleans the
references as one undo step (format version 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint.edit import Document
from blueprint.edit.errors import EditError
from blueprint.edit.operations import (
    AddImprovement,
    AddView,
    MoveImprovement,
    RemoveCards,
    RemoveFunction,
    RemoveImprovements,
    RemoveLane,
    RemoveLinks,
    RemoveStep,
    RemoveView,
    SetCardFields,
    SetImprovementFields,
    SetViewFields,
)
from blueprint.fileformat import dumps, load, loads
from blueprint.model import FailPoint, Improvement, View

FILES = Path(__file__).resolve().parents[1] / "files"


@pytest.fixture
def doc() -> Document:
    """The v2 corpus blueprint: plan1 targets c1 and l1 (owner barista); view1 focuses barista; c1's fail
    point is owned by barista."""
    return Document(load(FILES / "ok-version-2.blueprint"))


def _undo_restores(doc: Document, op: object) -> Document:
    before = dumps(doc.blueprint)
    inverse = doc.apply(op)  # type: ignore[arg-type]
    after = dumps(doc.blueprint)
    assert loads(after) == doc.blueprint  # what the edit leaves is a valid file
    doc.apply(inverse)
    assert dumps(doc.blueprint) == before
    doc.apply(op)  # type: ignore[arg-type]
    assert dumps(doc.blueprint) == after
    return doc


def test_a_plan_is_added_edited_moved_and_removed_with_exact_undo(doc: Document) -> None:
    plan = Improvement(id="plan2", title="Call back within the hour", targets=["c2"], status="planned")
    _undo_restores(doc, AddImprovement(plan, 0))
    assert [p.id for p in doc.blueprint.improvements] == ["plan2", "plan1"]
    _undo_restores(doc, SetImprovementFields("plan2", {"due": "2027-01-15", "owner": "barista"}))
    assert doc.blueprint.improvements[0].due == "2027-01-15"
    _undo_restores(doc, MoveImprovement("plan2", 1))
    assert [p.id for p in doc.blueprint.improvements] == ["plan1", "plan2"]
    _undo_restores(doc, RemoveImprovements(("plan1",)))
    assert [p.id for p in doc.blueprint.improvements] == ["plan2"]


@pytest.mark.parametrize(
    ("op", "code"),
    [
        (AddImprovement(Improvement(id="p9", title="x", targets=["nothing"])), "unknown-target"),
        (AddImprovement(Improvement(id="c1", title="x", targets=["c2"])), "duplicate-id"),
        (SetImprovementFields("plan1", {"owner": "ghost"}), "unknown-function"),
        (SetImprovementFields("plan1", {"targets": []}), "too_short"),
        (SetImprovementFields("plan1", {"due": "next week"}), "calendar_date"),
        (AddView(View(id="v9", name="V", hidden_lanes=["back"])), "unknown-lane"),
        (SetViewFields("view1", {"focus": ["ghost"]}), "unknown-function"),
        (SetCardFields("c1", {"fail_point": FailPoint(severity="high", owner="ghost")}), "unknown-function"),
    ],
)
def test_a_plan_or_view_naming_what_is_not_there_is_refused(doc: Document, op: object, code: str) -> None:
    before = dumps(doc.blueprint)
    with pytest.raises(EditError) as caught:
        doc.apply(op)  # type: ignore[arg-type]
    assert caught.value.code == code
    assert dumps(doc.blueprint) == before


def test_deleting_a_targeted_card_takes_it_out_of_the_plan(doc: Document) -> None:
    _undo_restores(doc, RemoveCards(("c1",)))
    # c1 went, and with it its link l1: the plan had no other target and went too
    assert doc.blueprint.improvements == []


def test_deleting_one_of_two_targets_keeps_the_plan(doc: Document) -> None:
    _undo_restores(doc, RemoveLinks(("l1",)))
    assert doc.blueprint.improvements[0].targets == ["c1"]


def test_deleting_a_step_cleans_the_plans_of_its_cards(doc: Document) -> None:
    doc.apply(SetImprovementFields("plan1", {"targets": ["c1", "c3"]}))
    _undo_restores(doc, RemoveStep("s2"))  # c3 is in step s2
    assert doc.blueprint.improvements[0].targets == ["c1"]


def test_deleting_a_function_clears_owners_and_focus(doc: Document) -> None:
    _undo_restores(doc, RemoveFunction("barista"))
    bp = doc.blueprint
    assert bp.cards[0].fail_point is not None and bp.cards[0].fail_point.owner is None
    assert bp.improvements[0].owner is None
    assert bp.views[0].focus == []


def test_deleting_a_lane_leaves_the_views_that_hid_it(doc: Document) -> None:
    doc.apply(SetViewFields("view1", {"hidden_lanes": ["front"]}))
    _undo_restores(doc, RemoveLane("front"))
    assert doc.blueprint.views[0].hidden_lanes == []


def test_views_are_saved_renamed_and_deleted(doc: Document) -> None:
    _undo_restores(doc, AddView(View(id="view2", name="Customers only", hidden_lanes=["front"])))
    _undo_restores(doc, SetViewFields("view2", {"name": "Customer side"}))
    assert doc.blueprint.views[1].name == "Customer side"
    _undo_restores(doc, RemoveView("view1"))
    assert [v.id for v in doc.blueprint.views] == ["view2"]


def test_the_deletion_and_its_cleanup_are_one_undo_step(doc: Document) -> None:
    inverse = doc.apply(RemoveFunction("barista"))
    assert inverse.describe(doc.blueprint) == "Remove function 'Barista'"


def test_edit_undo_names_the_plans_field(doc: Document) -> None:
    """Edit > Undo said "Edit improvement" for every field; it names the field as a card's edit does."""
    bp = doc.blueprint
    assert SetImprovementFields("plan1", {"due": "2027-01-15"}).describe(bp) == "Edit improvement due date"
    assert SetImprovementFields("plan1", {"title": "Call back"}).describe(bp) == "Edit improvement title"
    assert SetImprovementFields("plan1", {"status": "done"}).describe(bp) == "Change improvement status"
