"""`merge_documents`: what each side did is kept; each kind of conflict keeps OURS (or the element),
says so in one line, and leaves a valid document."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from blueprint.fileformat import dumps, loads
from blueprint.model import Blueprint
from blueprint.teams import conflict_line, merge_documents
from blueprint.teams.merge import MergeResult
from blueprint.teams.words import Names

from builders import cafe_raw as cafe
from builders import from_raw as doc

Edit = Callable[[dict[str, Any]], None]


def merge(ours: Edit, theirs: Edit, base_raw: dict[str, Any] | None = None) -> tuple[MergeResult, list[str]]:
    base_raw = base_raw or cafe()
    sides = []
    for change in (ours, theirs):
        raw = loads(dumps(doc(base_raw))).model_dump(mode="json", by_alias=True)
        change(raw)
        sides.append(doc(raw))
    result = merge_documents(doc(base_raw), *sides)
    loads(dumps(result.document))  # always a valid file
    names = Names(*result.versions)
    return result, [conflict_line(conflict, names) for conflict in result.conflicts]


def card(bp: Blueprint, card_id: str) -> Any:
    return bp.cards_by_id().get(card_id)


def nothing(raw: dict[str, Any]) -> None:
    pass


def test_changes_to_different_fields_and_elements_are_all_kept() -> None:
    def ours(raw: dict[str, Any]) -> None:
        raw["cards"][1]["title"] = "Takes the order with a smile"
        raw["cards"].append({"id": "c7", "lane": "customer", "step": "waits", "title": "Waits"})

    def theirs(raw: dict[str, Any]) -> None:
        raw["cards"][1]["function"] = "cashier"
        raw["lanes"][2]["name"] = "Kitchen"
        raw["links"] = raw["links"][:1]

    result, lines = merge(ours, theirs)
    assert lines == []
    merged = result.document
    assert card(merged, "c4").title == "Takes the order with a smile"
    assert card(merged, "c4").function == "cashier"
    assert card(merged, "c7") is not None
    assert merged.lanes[2].name == "Kitchen"
    assert [link.id for link in merged.links] == ["l1"]


def test_both_changed_a_field_differently() -> None:
    result, lines = merge(
        lambda raw: raw["cards"][1].update(function="cashier"),
        lambda raw: raw["cards"][1].update(function=None, title="Greets"),
    )
    assert lines == [
        'CONFLICT (both changed) card c4 "Takes the order", function: ours Cashier, theirs (none); kept ours'
    ]
    assert card(result.document, "c4").function == "cashier"  # OURS's value
    assert card(result.document, "c4").title == "Greets"  # the field only THEIRS changed


def test_both_changed_to_the_same_value_is_no_conflict_and_saving_times_never_conflict() -> None:
    def same(raw: dict[str, Any]) -> None:
        raw["cards"][1]["function"] = "cashier"

    result, lines = merge(
        lambda raw: (same(raw), raw["metadata"].update(modified="2026-03-01T10:00:00Z")),
        lambda raw: (same(raw), raw["metadata"].update(modified="2026-02-01T10:00:00Z")),
    )
    assert lines == []
    assert result.document.metadata.modified == "2026-03-01T10:00:00Z"  # the later save


def test_removed_on_one_side_and_changed_on_the_other_keeps_the_element() -> None:
    def remove_c5(raw: dict[str, Any]) -> None:
        raw["cards"] = [c for c in raw["cards"] if c["id"] != "c5"]
        raw["links"] = [li for li in raw["links"] if "c5" not in (li["source"], li["target"])]

    result, lines = merge(remove_c5, lambda raw: raw["cards"][2].update(title="Pulls the espresso"))
    assert lines == [
        'CONFLICT (removed and changed) card c5 "Pulls the espresso", title: '
        'ours removed the card, theirs "Pulls the espresso"; kept the card',
        'CONFLICT (removed and changed) link l2 "Takes the order" → "Pulls the espresso", the link: '
        "ours removed the link, theirs kept it; kept the link "
        '(it joins card "Pulls the espresso", which is kept)',
    ]
    assert card(result.document, "c5").title == "Pulls the espresso"
    assert "l2" in result.document.links_by_id()  # the card comes back joined as it was


def test_removed_on_one_side_and_unchanged_on_the_other_is_removed() -> None:
    def remove_c5(raw: dict[str, Any]) -> None:
        raw["cards"] = [c for c in raw["cards"] if c["id"] != "c5"]
        raw["links"] = [li for li in raw["links"] if li["id"] != "l2"]

    result, lines = merge(nothing, remove_c5)
    assert lines == [] and card(result.document, "c5") is None
    assert [link.id for link in result.document.links] == ["l1"]


def test_a_link_to_a_card_the_other_side_removed_keeps_the_card() -> None:
    def remove_c1(raw: dict[str, Any]) -> None:
        raw["cards"] = [c for c in raw["cards"] if c["id"] != "c1"]
        raw["links"] = [li for li in raw["links"] if li["id"] != "l1"]

    def link_c1(raw: dict[str, Any]) -> None:
        raw["links"].append({"id": "l9", "source": "c1", "target": "c5", "label": "asks for oat milk"})

    result, lines = merge(link_c1, remove_c1)
    assert card(result.document, "c1") is not None
    assert "l9" in result.document.links_by_id()
    assert lines == [
        'CONFLICT (broken reference) card c1 "Orders a flat white", still used by link "asks for oat milk" '
        '("Orders a flat white" → "Makes the coffee") as its start: '
        "ours kept it, theirs removed the card; kept the card",
        'CONFLICT (removed and changed) link l1 "Orders a flat white" → "Takes the order", the link: '
        "ours kept it, theirs removed the link; kept the link "
        '(it joins card "Orders a flat white", which is kept)',
    ]


def test_a_card_in_a_lane_the_other_side_removed_keeps_the_lane() -> None:
    def remove_back(raw: dict[str, Any]) -> None:
        raw["lanes"] = [lane for lane in raw["lanes"] if lane["id"] != "back"]
        raw["cards"] = [c for c in raw["cards"] if c["lane"] != "back"]
        raw["links"] = [li for li in raw["links"] if li["id"] != "l2"]

    def add_to_back(raw: dict[str, Any]) -> None:
        raw["cards"].append({"id": "c8", "lane": "back", "step": "pays", "title": "Grinds beans"})

    result, lines = merge(remove_back, add_to_back)
    assert "back" in result.document.lanes_by_id()
    assert card(result.document, "c8") is not None and card(result.document, "c5") is None
    assert set(result.document.links_by_id()) == {"l1"}  # a kept lane does not bring back its cards
    assert len(lines) == 1 and lines[0].startswith('CONFLICT (broken reference) lane back "Backstage"')
    assert "ours removed the lane, theirs kept it; kept the lane" in lines[0]


def test_a_plan_targeting_a_card_the_other_side_removed_keeps_the_card() -> None:
    def plan(raw: dict[str, Any]) -> None:
        raw["improvements"] = [{"id": "p1", "title": "Faster coffee", "targets": ["c5"]}]

    def remove_c5(raw: dict[str, Any]) -> None:
        raw["cards"] = raw["cards"][:2]
        raw["links"] = raw["links"][:1]

    result, lines = merge(remove_c5, plan)
    assert card(result.document, "c5") is not None
    assert result.document.improvements[0].targets == ["c5"]
    assert len(lines) == 2 and "(broken reference) card c5" in lines[0]
    assert lines[1].startswith("CONFLICT (removed and changed) link l2 ")  # back with its card


def test_two_new_elements_with_one_id_are_both_kept_and_reported() -> None:
    def theirs(raw: dict[str, Any]) -> None:
        raw["links"].append({"id": "new", "source": "c5", "target": "c1"})
        raw["improvements"] = [{"id": "p1", "title": "Call back", "targets": ["new"]}]

    result, lines = merge(
        lambda raw: raw["cards"].append(
            {"id": "new", "lane": "front", "step": "waits", "title": "Calls the name"}
        ),
        theirs,
    )
    assert card(result.document, "new").title == "Calls the name"
    link = result.document.links_by_id()["new-1"]  # THEIRS's link, under a fresh id
    assert (link.source, link.target) == ("c5", "c1")
    assert result.document.improvements[0].targets == ["new-1"]  # THEIRS's references follow it
    assert lines == [
        'CONFLICT (same id) card new "Calls the name", the card: ours card "Calls the name" '
        '(Order › Waits, Frontstage), theirs link "Makes the coffee" → "Orders a flat white"; '
        "kept both; theirs is now link new-1"
    ]


def test_two_designers_each_adding_a_card_get_both_cards() -> None:
    """The editor numbers new cards from the first free number, so both new cards are `card-1`."""
    result, lines = merge(
        lambda raw: raw["cards"].append({"id": "card-1", "lane": "front", "step": "waits", "title": "Ana's"}),
        lambda raw: raw["cards"].append({"id": "card-1", "lane": "back", "step": "pays", "title": "Ben's"}),
    )
    titles = {c.id: c.title for c in result.document.cards}
    assert (titles["card-1"], titles["card-1-1"]) == ("Ana's", "Ben's")
    assert len(lines) == 1 and "kept both; theirs is now card card-1-1" in lines[0]


def test_two_sides_adding_the_same_element_is_no_conflict() -> None:
    def add(raw: dict[str, Any]) -> None:
        raw["cards"].append({"id": "new", "lane": "front", "step": "waits", "title": "Calls the name"})

    result, lines = merge(add, add)
    assert lines == [] and [c.id for c in result.document.cards].count("new") == 1


def test_different_ids_for_the_same_card_are_two_cards_not_a_conflict() -> None:
    result, lines = merge(
        lambda raw: raw["cards"].append(
            {"id": "a1", "lane": "front", "step": "waits", "title": "Calls the name"}
        ),
        lambda raw: raw["cards"].append(
            {"id": "b1", "lane": "front", "step": "waits", "title": "Calls the name"}
        ),
    )
    assert lines == []
    assert [c.id for c in result.document.cards_in_cell("front", "waits")] == ["a1", "b1"]


def test_where_both_reordered_ours_order_wins_without_a_conflict() -> None:
    result, lines = merge(
        lambda raw: raw["lanes"].reverse(),
        lambda raw: raw["lanes"].append(raw["lanes"].pop(0)),
    )
    assert lines == []
    assert [lane.id for lane in result.document.lanes] == ["back", "front", "customer"]


def test_one_side_reordering_and_the_other_inserting_keeps_both() -> None:
    def theirs(raw: dict[str, Any]) -> None:
        raw["lanes"].insert(2, {"id": "support", "name": "Support", "kind": "support"})

    result, lines = merge(lambda raw: raw["lanes"].append(raw["lanes"].pop(0)), theirs)
    assert lines == []
    assert [lane.id for lane in result.document.lanes] == ["front", "support", "back", "customer"]


def test_changes_that_do_not_fit_together_keep_ours() -> None:
    base = cafe()
    base["cards"][1].update(duration_minutes=2, tolerance_minutes=5)
    result, lines = merge(
        lambda raw: raw["cards"][1].update(duration_minutes=4),
        lambda raw: raw["cards"][1].update(tolerance_minutes=3),
        base,
    )
    merged = card(result.document, "c4")
    assert (merged.duration_minutes, merged.tolerance_minutes) == (4, 5)
    assert len(lines) == 1 and lines[0].startswith('CONFLICT (does not fit) card c4 "Takes the order"')
    assert "ours 5 min, theirs 3 min; kept ours" in lines[0]


def test_a_stage_whose_steps_all_went_keeps_one() -> None:
    base = cafe()
    base["stages"].append({"id": "pay", "name": "Pay", "steps": [{"id": "taps", "name": "Taps the card"}]})

    def ours(raw: dict[str, Any]) -> None:  # moves "Waits" out to the new stage
        raw["stages"][0]["steps"].pop()
        raw["stages"][1]["steps"].append({"id": "waits", "name": "Waits"})

    def theirs(raw: dict[str, Any]) -> None:  # removes "Pays" with its cards
        raw["stages"][0]["steps"].pop(0)
        raw["cards"] = [c for c in raw["cards"] if c["step"] != "pays"]
        raw["links"] = []

    result, lines = merge(ours, theirs, base)
    steps = {stage.id: [s.id for s in stage.steps] for stage in result.document.stages}
    assert steps == {"order": ["pays"], "pay": ["taps", "waits"]}
    assert lines and all(line.startswith("CONFLICT") for line in lines)


def test_merging_a_document_with_itself_changes_nothing() -> None:
    bp = doc(cafe())
    result = merge_documents(bp, bp, bp)
    assert result.clean and dumps(result.document) == dumps(bp)


def test_cards_the_editor_adds_on_both_sides_never_mix() -> None:
    """Ana changes c4; Ben deletes c4 and adds a card with the editor; both add a card. With counted
    ids Ben's new card took the freed id and the merge mixed the two; now each stays itself."""
    from blueprint.edit import Document
    from blueprint.edit.clipboard import new_card

    base = doc(cafe())

    def added(bp: Blueprint, title: str, gone: tuple[str, ...] = ()) -> Blueprint:
        raw = bp.model_dump(mode="json", by_alias=True)
        raw["cards"] = [c for c in raw["cards"] if c["id"] not in gone]
        raw["links"] = [li for li in raw["links"] if li["source"] not in gone and li["target"] not in gone]
        document = Document(doc(raw))
        raw["cards"].append(new_card(document, "front", "pays", title).model_dump(mode="json"))
        return doc(raw)

    ours_raw = base.model_dump(mode="json", by_alias=True)
    ours_raw["cards"][1]["title"] = "Takes the order with a smile"
    ours = added(doc(ours_raw), "Ana's card")
    theirs = added(base, "Ben's card", gone=("c4",))
    result = merge_documents(base, ours, theirs)
    titles = sorted(c.title for c in result.document.cards if c.id not in base.cards_by_id())
    assert titles == ["Ana's card", "Ben's card"]
    # c4 itself and its two links (back with it), nothing mixed
    assert [(c.reason, c.element) for c in result.conflicts] == [
        ("removed and changed", "card"),
        ("removed and changed", "link"),
        ("removed and changed", "link"),
    ]
    assert card(result.document, "c4").title == "Takes the order with a smile"


def test_a_card_removed_on_one_side_and_changed_on_the_other_comes_back_with_its_links() -> None:
    """Ana deletes "Takes the order" (the editor deletes its links with it), Ben retitles it: the card
    is kept, and so are the links that joined it, not a card cut off from the journey."""

    def remove_c4(raw: dict[str, Any]) -> None:
        raw["cards"] = [c for c in raw["cards"] if c["id"] != "c4"]
        raw["links"] = [li for li in raw["links"] if "c4" not in (li["source"], li["target"])]

    def retitle_c4(raw: dict[str, Any]) -> None:
        raw["cards"][1]["title"] = "Takes the order by name"
        raw["links"][1]["label"] = "the order"  # l2 changed too: kept as removed-and-changed already

    result, lines = merge(remove_c4, retitle_c4)
    assert card(result.document, "c4").title == "Takes the order by name"
    links = result.document.links_by_id()
    assert set(links) == {"l1", "l2"} and links["l2"].label == "the order"
    assert (
        'CONFLICT (removed and changed) link l1 "Orders a flat white" → "Takes the order by name", '
        "the link: ours removed the link, theirs kept it; kept the link (it joins card "
        '"Takes the order by name", which is kept)'
    ) in lines

    # the other way round: THEIRS removed it, OURS moved it to the other step
    result, lines = merge(lambda raw: raw["cards"][1].update(step="waits"), remove_c4)
    assert card(result.document, "c4").step == "waits"
    assert set(result.document.links_by_id()) == {"l1", "l2"}
    assert sum("ours kept it, theirs removed the link" in line for line in lines) == 2


def test_a_link_removed_by_its_own_side_stays_removed_when_its_card_is_kept() -> None:
    def remove_c4_and_unlink(raw: dict[str, Any]) -> None:
        raw["cards"] = [c for c in raw["cards"] if c["id"] != "c4"]
        raw["links"] = []

    def retitle_and_unlink(raw: dict[str, Any]) -> None:
        raw["cards"][1]["title"] = "Takes the order by name"
        raw["links"] = raw["links"][:1]  # THEIRS removed l2 itself

    result, _lines = merge(remove_c4_and_unlink, retitle_and_unlink)
    assert set(result.document.links_by_id()) == {"l1"}


def test_a_card_moved_on_both_sides_goes_to_one_sides_cell_not_half_of_each() -> None:
    """Ana moves "Makes the coffee" down to Frontstage, Ben moves it back to Pays: a card at
    (Frontstage, Pays) would be a place neither chose. The cell is one value: OURS's, a conflict."""
    result, lines = merge(
        lambda raw: raw["cards"][2].update(lane="front"),
        lambda raw: raw["cards"][2].update(step="pays"),
    )
    moved = card(result.document, "c5")
    assert (moved.lane, moved.step) == ("front", "waits")
    assert lines == [
        'CONFLICT (both changed) card c5 "Makes the coffee", cell: ours Order › Waits, Frontstage, '
        "theirs Order › Pays, Backstage; kept ours"
    ]
    # one side moving the card and the other changing its title is no conflict
    result, lines = merge(
        lambda raw: raw["cards"][2].update(lane="front", step="pays"),
        lambda raw: raw["cards"][2].update(title="Pulls the espresso"),
    )
    assert lines == [] and (card(result.document, "c5").lane, card(result.document, "c5").step) == (
        "front",
        "pays",
    )


def test_a_link_rewired_on_both_sides_keeps_one_sides_ends() -> None:
    result, lines = merge(
        lambda raw: raw["links"][1].update(source="c1"),  # c1 → c5
        lambda raw: raw["links"][1].update(target="c1"),  # c4 → c1
    )
    link = result.document.links_by_id()["l2"]
    assert (link.source, link.target) == ("c1", "c5")
    assert lines == [
        'CONFLICT (both changed) link l2 "Orders a flat white" → "Makes the coffee", ends: '
        'ours "Orders a flat white" → "Makes the coffee", theirs "Takes the order" → "Orders a flat white"; '
        "kept ours"
    ]


def test_a_kept_card_goes_back_into_the_plans_it_was_taken_out_of() -> None:
    plans = [{"id": "p1", "title": "Faster coffee", "targets": ["c4", "c5"]}]

    def remove_c5(raw: dict[str, Any]) -> None:  # as the editor does: links and plan targets too
        raw["cards"] = raw["cards"][:2]
        raw["links"] = raw["links"][:1]
        raw["improvements"][0]["targets"] = ["c4"]

    result, _lines = merge(
        remove_c5, lambda raw: raw["cards"][2].update(title="Pulls the espresso"), cafe(improvements=plans)
    )
    assert card(result.document, "c5").title == "Pulls the espresso"
    assert result.document.improvements[0].targets == ["c4", "c5"]
