"""A lane one side deleted and the other changed is kept by the merge: the views that hid it hide it
again. Both sides are edited as the editor edits (deleting a lane takes it out of every view's hidden
lanes), saved to files and read back, as `blueprint merge` reads them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from blueprint.edit import AddCard, Document, RemoveLane, RemoveView, SetLaneFields, SetViewFields
from blueprint.fileformat import load, save
from blueprint.model import Blueprint, Card
from blueprint.teams import merge_documents

from builders import cafe_raw
from builders import from_raw as doc

VIEWS = [
    {"id": "v1", "name": "For the guest", "hidden_lanes": ["back", "front"]},
    {"id": "v2", "name": "Kitchen", "hidden_lanes": ["customer"]},
]
Edits = Callable[[Document], None]


def edited(tmp_path: Path, name: str, edits: Edits) -> Blueprint:
    """The common file, edited in the editor's document and saved as `name`, read back."""
    document = Document(doc(cafe_raw(views=VIEWS)))
    edits(document)
    path = tmp_path / f"{name}.blueprint"
    save(document.blueprint, path)
    return load(path)


def delete_back(document: Document) -> None:
    document.apply(RemoveLane("back"))


def rename_back(document: Document) -> None:
    document.apply(SetLaneFields("back", {"name": "Kitchen pass"}))


def hidden(bp: Blueprint) -> dict[str, list[str]]:
    return {view.id: view.hidden_lanes for view in bp.views}


def test_deleting_a_lane_takes_it_out_of_the_views_as_the_merge_expects(tmp_path: Path) -> None:
    assert hidden(edited(tmp_path, "ours", delete_back)) == {"v1": ["front"], "v2": ["customer"]}


def test_a_lane_kept_by_the_merge_is_hidden_again_by_the_views_that_hid_it(tmp_path: Path) -> None:
    base = doc(cafe_raw(views=VIEWS))
    for ours, theirs in ((delete_back, rename_back), (rename_back, delete_back)):
        result = merge_documents(base, edited(tmp_path, "ours", ours), edited(tmp_path, "theirs", theirs))
        lanes = result.document.lanes_by_id()
        assert lanes["back"].name == "Kitchen pass"  # kept: removed on one side, changed on the other
        assert hidden(result.document) == {"v1": ["back", "front"], "v2": ["customer"]}  # in its place
        assert [c.reason for c in result.conflicts] == ["removed and changed"]
        save(result.document, tmp_path / "merged.blueprint")
        assert hidden(load(tmp_path / "merged.blueprint")) == hidden(result.document)


def test_a_view_the_keeper_showed_the_lane_in_stays_showing_it(tmp_path: Path) -> None:
    def rename_and_show(document: Document) -> None:
        rename_back(document)
        document.apply(SetViewFields("v1", {"hidden_lanes": ["front"]}))

    base = doc(cafe_raw(views=VIEWS))
    result = merge_documents(
        base, edited(tmp_path, "ours", delete_back), edited(tmp_path, "theirs", rename_and_show)
    )
    assert "back" in result.document.lanes_by_id()
    assert hidden(result.document) == {"v1": ["front"], "v2": ["customer"]}


def test_a_view_the_keeper_deleted_but_the_merge_kept_hides_the_lane_as_the_common_version_did(
    tmp_path: Path,
) -> None:
    def rename_and_drop_v1(document: Document) -> None:
        rename_back(document)
        document.apply(RemoveView("v1"))

    base = doc(cafe_raw(views=VIEWS))
    result = merge_documents(
        base, edited(tmp_path, "ours", delete_back), edited(tmp_path, "theirs", rename_and_drop_v1)
    )
    assert hidden(result.document)["v1"] == ["back", "front"]  # kept: ours changed it, theirs removed it


def test_a_lane_nobody_kept_stays_out_of_the_views(tmp_path: Path) -> None:
    base = doc(cafe_raw(views=VIEWS))
    result = merge_documents(
        base, edited(tmp_path, "ours", delete_back), edited(tmp_path, "theirs", lambda d: None)
    )
    assert "back" not in result.document.lanes_by_id()
    assert hidden(result.document) == {"v1": ["front"], "v2": ["customer"]}


def test_a_lane_kept_for_a_new_card_in_it_is_hidden_again_too(tmp_path: Path) -> None:
    """Kept as a broken reference (the other side put a card in it), not for a change of its own."""

    def add_to_back(document: Document) -> None:
        document.apply(AddCard(Card(id="c8", lane="back", step="pays", title="Grinds beans")))

    base = doc(cafe_raw(views=VIEWS))
    result = merge_documents(
        base, edited(tmp_path, "ours", delete_back), edited(tmp_path, "theirs", add_to_back)
    )
    assert "back" in result.document.lanes_by_id()
    assert [c.reason for c in result.conflicts] == ["broken reference"]
    assert hidden(result.document) == {"v1": ["back", "front"], "v2": ["customer"]}
