"""Two saved views of one name after a merge (each side saved a view "Kitchen"): both are kept, the
one that is not OURS's under a name of its own, as the file reader would read it anyway."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from blueprint.edit import AddView, Document
from blueprint.fileformat import load, save
from blueprint.model import Blueprint, View
from blueprint.teams import conflict_line, merge_documents
from blueprint.teams.words import Names

from builders import cafe_raw
from builders import from_raw as doc

Edits = Callable[[Document], None]
VIEWS = [{"id": "v1", "name": "For the guest", "hidden_lanes": ["back"]}]


def test_two_sides_saving_a_view_of_one_name_keep_both_theirs_renamed(tmp_path: Path) -> None:
    """Views are chosen by name: the merged file may not hold two "Kitchen" (its reader would rename
    one anyway); OURS's keeps the name, THEIRS's is "Kitchen (3)" (the first free number), a conflict."""

    def save_kitchen(view_id: str, hidden: list[str]) -> Edits:
        return lambda document: document.apply(AddView(View(id=view_id, name="kitchen", hidden_lanes=hidden)))

    views = [*VIEWS, {"id": "v3", "name": "Kitchen (2)"}]
    base = doc(cafe_raw(views=views))

    def edited_from(name: str, edits: Edits) -> Blueprint:
        document = Document(doc(cafe_raw(views=views)))
        edits(document)
        save(document.blueprint, tmp_path / f"{name}.blueprint")
        return load(tmp_path / f"{name}.blueprint")

    ours = edited_from("ours", save_kitchen("o-view", ["front"]))
    theirs = edited_from("theirs", save_kitchen("t-view", ["back"]))
    result = merge_documents(base, ours, theirs)
    names = {view.id: view.name for view in result.document.views}
    assert names == {
        "v1": "For the guest",
        "v3": "Kitchen (2)",
        "o-view": "kitchen",  # OURS's keeps its name
        "t-view": "kitchen (3)",
    }
    assert result.document.views_by_id()["t-view"].hidden_lanes == ["back"]
    lines = [conflict_line(c, Names(*result.versions)) for c in result.conflicts]
    assert lines == [
        'CONFLICT (does not fit) view t-view "kitchen", name: ours "kitchen", theirs "kitchen"; kept both, '
        'this one as "kitchen (3)" (together they break a rule: two views may not share a name (views are '
        "chosen by name))"
    ]
