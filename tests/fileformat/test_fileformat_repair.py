""" "Open and repair": only files whose sole problems are missing ids; the plan lists every change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blueprint.fileformat import BlueprintFileError, dumps, load, loads
from blueprint.fileformat.repair import (
    REPAIR_LANE_NAME,
    REPAIR_STEP_NAME,
    is_repairable,
    plan_repair,
    plan_repair_text,
)

FILES = Path(__file__).resolve().parents[1] / "files"
EXPECTED: dict[str, dict[str, object]] = json.loads((FILES / "expected.json").read_text(encoding="utf-8"))
REPAIRABLE = sorted(name for name, e in EXPECTED.items() if e["repair"])
NOT_REPAIRABLE = sorted(name for name, e in EXPECTED.items() if not e["repair"] and e["expect"] != "ok")


@pytest.mark.parametrize("name", REPAIRABLE)
def test_repairable_files_are_refused_by_load_and_repaired_on_request(name: str) -> None:
    path = FILES / name
    with pytest.raises(BlueprintFileError) as caught:
        load(path)
    assert is_repairable(caught.value)
    before = path.read_bytes()
    plan = plan_repair(path)
    assert plan.actions and plan.file == str(path)
    assert path.read_bytes() == before  # planning writes nothing
    raw = json.loads(before)
    assert {c["id"] for c in raw["cards"]} == {c.id for c in plan.repaired.cards}  # no card is lost
    assert loads(dumps(plan.repaired)) == plan.repaired  # the result is a valid document


@pytest.mark.parametrize("name", NOT_REPAIRABLE)
def test_other_broken_files_are_not_repaired(name: str) -> None:
    with pytest.raises(BlueprintFileError) as caught:
        plan_repair(FILES / name)
    assert caught.value.file == str(FILES / name)


def test_a_file_that_loads_needs_no_repair() -> None:
    plan = plan_repair(FILES / "ok-version-0.blueprint")
    assert plan.actions == ()
    assert plan.repaired == load(FILES / "ok-version-0.blueprint")


def test_the_plan_lists_exactly_what_it_moves_drops_and_clears() -> None:
    plan = plan_repair(FILES / "repair-many-problems.blueprint")
    assert [(a.path, a.kind) for a in plan.actions] == [
        ("cards[3].lane", "move"),
        ("cards[3].step", "move"),
        ("cards[3].function", "clear"),
        ("links[2]", "drop"),
        ("links[3]", "drop"),
    ]
    texts = [a.text for a in plan.actions]
    assert (
        texts[0]
        == "Move card 'Lost card' (c4) from missing lane 'gone' to a new lane 'Cards from missing lanes'"
    )
    assert "missing step 's9'" in texts[1]
    assert texts[2] == "Clear the missing function 'nobody' of card 'Lost card' (c4)"
    assert texts[3] == "Drop link l3 to missing card 'c404'"
    assert texts[4] == "Drop link l4 from card 'c3' to itself"
    doc = plan.repaired
    lost = doc.cards_by_id()["c4"]
    assert doc.lanes_by_id()[lost.lane].name == REPAIR_LANE_NAME
    assert doc.lanes_by_id()[lost.lane].kind == "notes"
    assert doc.all_steps()[-1][1].name == REPAIR_STEP_NAME and lost.step == doc.all_steps()[-1][1].id
    assert lost.function is None
    assert sorted(doc.links_by_id()) == ["l1", "l2"]


def test_one_new_lane_takes_every_card_of_missing_lanes() -> None:
    plan = plan_repair(FILES / "repair-no-lanes.blueprint")
    assert len(plan.repaired.lanes) == 1
    assert len(plan.actions) == 3 and all(a.kind == "move" for a in plan.actions)


def test_new_ids_do_not_clash_with_ids_in_the_file() -> None:
    raw = json.loads((FILES / "repair-dangling-lane.blueprint").read_text(encoding="utf-8"))
    raw["functions"].append({"id": "repaired-lane-1", "name": "Taken"})
    plan = plan_repair_text(json.dumps(raw))
    assert plan.repaired.cards_by_id()["c2"].lane == "repaired-lane-2"


def test_a_file_with_a_duplicate_id_as_well_is_not_repairable() -> None:
    with pytest.raises(BlueprintFileError) as caught:
        plan_repair(FILES / "bad-duplicate-id-and-dangling.blueprint")
    assert caught.value.code == "duplicate-id"


def test_reference_problems_behind_a_field_error_are_not_repairable() -> None:
    raw = json.loads((FILES / "repair-dangling-link.blueprint").read_text(encoding="utf-8"))
    raw["cards"][0]["emotion"] = 7
    with pytest.raises(BlueprintFileError) as caught:
        plan_repair_text(json.dumps(raw), file="x.blueprint")
    assert caught.value.path == "cards[0].emotion"
    assert not is_repairable(caught.value)
