"""Format version 2: version-1 files migrate on the raw JSON, the new fields are checked with their JSON
paths, dangling references in them are refused and "Open and repair" drops them."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from blueprint.fileformat import BlueprintFileError, dumps, load, load_file, loads
from blueprint.fileformat.migrations import MIGRATIONS
from blueprint.fileformat.repair import UNTITLED, plan_repair
from blueprint.model import FORMAT_VERSION

FILES = Path(__file__).resolve().parents[1] / "files"


def _raw(name: str) -> dict:
    return json.loads((FILES / name).read_text(encoding="utf-8"))


def test_the_program_writes_version_2() -> None:
    assert FORMAT_VERSION == 2


def test_the_v1_to_v2_migration_adds_the_new_fields_and_leaves_its_input_alone() -> None:
    raw = _raw("ok-version-1-tag-with-line-break.blueprint")
    raw["metadata"] = {"author": "Ana", "tags": ["a\nb"]}
    raw["cards"][1]["fail_point"] = {"note": "Misheard", "severity": "low"}
    before = copy.deepcopy(raw)
    out = MIGRATIONS[1](raw)
    assert raw == before
    assert out["version"] == 2
    assert out["improvements"] == [] and out["views"] == []
    assert out["metadata"] == {"author": "Ana", "tags": ["a b"], "language": None}
    assert out["cards"][1]["fail_point"] == {"note": "Misheard", "severity": "low", "owner": None}
    assert out["cards"][0]["tags"] == ["two lines"]  # version 2 allows no line break in a tag


def test_a_version_1_file_loads_and_saves_as_version_2() -> None:
    doc = load(FILES / "ok-minimal.blueprint")
    text = dumps(doc)
    assert '"version": 2,' in text
    assert text.rstrip().endswith('"improvements": [],\n  "views": []\n}')
    assert '"language": null' in text
    assert loads(text) == doc


@pytest.mark.parametrize(
    ("name", "version"),
    [("ok-version-0.blueprint", 0), ("ok-minimal.blueprint", 1), ("ok-version-2.blueprint", 2)],
)
def test_the_loader_says_which_version_a_file_was_written_in(name: str, version: int) -> None:
    loaded = load_file(FILES / name)
    assert loaded.version == version
    assert loaded.migrated is (version < FORMAT_VERSION)
    assert loaded.blueprint == load(FILES / name)  # the document itself is always the current version


def test_a_full_version_2_file_round_trips_with_its_schema_key_second() -> None:
    text = (FILES / "ok-version-2.blueprint").read_text(encoding="utf-8")
    doc = loads(text)
    assert doc.schema_url == "./blueprint.schema.json"
    assert doc.cards[0].fail_point is not None and doc.cards[0].fail_point.owner == "barista"
    assert doc.improvements[0].targets == ["c1", "l1"] and doc.improvements[0].due == "2027-03-31"
    assert doc.views[0].focus == ["barista"]
    assert doc.metadata.language == "en"
    saved = dumps(doc)
    keys = [line.split('"')[1] for line in saved.splitlines() if line.startswith('  "')]
    assert keys[:3] == ["format", "$schema", "version"]
    assert keys[-2:] == ["improvements", "views"]
    plan_keys = list(json.loads(saved)["improvements"][0])
    assert plan_keys == [
        "id",
        "title",
        "description",
        "targets",
        "owner",
        "measure",
        "target",
        "due",
        "status",
    ]
    assert list(json.loads(saved)["metadata"]) == ["author", "created", "modified", "language", "tags"]
    assert list(json.loads(saved)["cards"][0]["fail_point"]) == ["note", "severity", "owner"]
    assert loads(saved) == doc and dumps(loads(saved)) == saved


def test_without_a_schema_key_none_is_written() -> None:
    assert '"$schema"' not in dumps(load(FILES / "ok-minimal.blueprint"))


@pytest.mark.parametrize(
    ("name", "path", "words"),
    [
        ("bad-v2-tag-with-line-break.blueprint", "metadata.tags[0]", "line break"),
        ("bad-v2-plan-without-targets.blueprint", "improvements[0].targets", "must not be empty"),
        ("bad-v2-plan-repeats-a-target.blueprint", "improvements[0].targets[1]", "'c1' is listed twice"),
        ("bad-v2-plan-due-not-a-date.blueprint", "improvements[0].due", "must be a date such as 2027-03-31"),
        ("bad-v2-plan-unknown-status.blueprint", "improvements[0].status", "must be one of"),
        ("bad-v2-language.blueprint", "metadata.language", "must be a language tag"),
        ("repair-v1-blank-card-title.blueprint", "cards[2].title", "must not be blank"),
        (
            "repair-v2-plan-targets-a-lane.blueprint",
            "improvements[0].targets[1]",
            "'front' is a lane; an improvement targets cards or links",
        ),
        (
            "repair-v2-dangling-references.blueprint",
            "cards[0].fail_point.owner",
            "unknown function 'manager'",
        ),
    ],
)
def test_each_wrong_new_field_is_refused_with_its_json_path(name: str, path: str, words: str) -> None:
    with pytest.raises(BlueprintFileError) as caught:
        load(FILES / name)
    assert caught.value.path == path
    assert words in caught.value.message
    assert str(caught.value).startswith(f"{FILES / name}: {path}: ")


def test_every_dangling_reference_of_the_new_fields_is_refused_in_file_order() -> None:
    raw = _raw("repair-v2-dangling-references.blueprint")
    raw["cards"][0]["fail_point"]["owner"] = None
    with pytest.raises(BlueprintFileError) as caught:
        loads(json.dumps(raw))
    assert (caught.value.path, caught.value.message) == (
        "improvements[0].targets[1]",
        "unknown card or link 'l404'",
    )
    raw["improvements"][0]["targets"] = ["c2"]
    for path, message in [
        ("improvements[0].owner", "unknown function 'nobody'"),
        ("views[0].hidden_lanes[0]", "unknown lane 'back'"),
        ("views[0].focus[1]", "unknown function 'cook'"),
    ]:
        with pytest.raises(BlueprintFileError) as caught:
            loads(json.dumps(raw))
        assert (caught.value.path, caught.value.message) == (path, message)
        if path.startswith("improvements"):
            raw["improvements"][0]["owner"] = None
        elif "hidden" in path:
            raw["views"][0]["hidden_lanes"] = []


def test_ids_of_plans_and_views_are_unique_across_the_document() -> None:
    raw = _raw("ok-version-2.blueprint")
    raw["views"][0]["id"] = "c1"
    with pytest.raises(BlueprintFileError) as caught:
        loads(json.dumps(raw))
    assert caught.value.path == "views[0].id" and "duplicate id 'c1'" in caught.value.message


def test_open_and_repair_drops_the_dangling_references_and_lists_each() -> None:
    plan = plan_repair(FILES / "repair-v2-dangling-references.blueprint")
    assert [(a.path, a.kind) for a in plan.actions] == [
        ("cards[0].fail_point.owner", "clear"),
        ("improvements[0].targets", "drop"),
        ("improvements[0].owner", "clear"),
        ("views[0].hidden_lanes", "drop"),
        ("views[0].focus", "drop"),
    ]
    doc = plan.repaired
    assert doc.cards[0].fail_point is not None and doc.cards[0].fail_point.owner is None
    assert doc.improvements[0].targets == ["c2"] and doc.improvements[0].owner is None
    assert doc.views[0].hidden_lanes == [] and doc.views[0].focus == ["barista"]


def test_a_plan_left_without_targets_is_dropped_by_the_repair() -> None:
    raw = _raw("repair-v2-plan-targets-a-lane.blueprint")
    raw["improvements"][0]["targets"] = ["front", "order"]
    path = FILES / "repair-v2-plan-targets-a-lane.blueprint"
    from blueprint.fileformat.repair import plan_repair_text

    plan = plan_repair_text(json.dumps(raw), file=str(path))
    assert [(a.path, a.kind) for a in plan.actions] == [
        ("improvements[0].targets", "drop"),
        ("improvements[0].targets", "drop"),
        ("improvements[0]", "drop"),
    ]
    assert plan.repaired.improvements == []


def test_a_blank_card_title_is_repaired_as_untitled() -> None:
    plan = plan_repair(FILES / "repair-v1-blank-card-title.blueprint")
    assert [(a.path, a.kind) for a in plan.actions] == [("cards[2].title", "name")]
    assert plan.repaired.cards[2].title == UNTITLED


def test_a_blank_channel_or_author_reads_as_null() -> None:
    raw = _raw("ok-version-2.blueprint")
    raw["cards"][0]["channel"] = "   "
    raw["metadata"]["author"] = ""
    doc = loads(json.dumps(raw))
    assert doc.cards[0].channel is None and doc.metadata.author is None


def test_only_a_blank_card_title_is_offered_open_and_repair() -> None:
    from blueprint.fileformat.repair import is_repairable

    raw = _raw("ok-version-2.blueprint")
    raw["improvements"][0]["title"] = "  "
    with pytest.raises(BlueprintFileError) as caught:
        loads(json.dumps(raw))
    assert caught.value.path == "improvements[0].title" and not is_repairable(caught.value)
    with pytest.raises(BlueprintFileError) as caught:
        load(FILES / "repair-v1-blank-card-title.blueprint")
    assert is_repairable(caught.value)


def test_a_wrong_schema_key_is_named_in_the_error() -> None:
    raw = _raw("ok-version-2.blueprint")
    raw["$schema"] = 3
    with pytest.raises(BlueprintFileError) as caught:
        loads(json.dumps(raw))
    assert caught.value.path == "$schema" and caught.value.message == "must be text, not 3"


def test_the_repair_names_plans_and_views_by_their_titles() -> None:
    texts = [action.text for action in plan_repair(FILES / "repair-v2-dangling-references.blueprint").actions]
    assert "Clear the missing owner 'nobody' of plan 'A clearer sign' (plan1)" in texts
    assert "Drop the missing lane 'back' from view 'Front desk' (view1)" in texts
