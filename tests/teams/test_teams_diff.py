"""`diff_documents`: the spec's kinds of change, their order, and the words a designer reads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from blueprint.fileformat import dumps, load, loads
from blueprint.model import Blueprint
from blueprint.teams import diff_documents, diff_lines

from builders import cafe_raw as cafe
from builders import from_raw as doc

FILES = Path(__file__).resolve().parents[1] / "files"


def edited(change) -> Blueprint:  # type: ignore[no-untyped-def]
    raw = cafe()
    change(raw)
    return doc(raw)


def test_the_same_document_has_no_changes_and_saving_time_does_not_count() -> None:
    later = cafe(metadata={"modified": "2027-05-05T10:00:00Z"})
    diff = diff_documents(doc(cafe()), doc(later))
    assert diff.same and diff.to_json() == {"same": True, "changes": []}
    assert diff_lines(diff) == []


def test_a_version_1_file_and_its_version_2_save_are_the_same_document() -> None:
    old = load(FILES / "ok-minimal.blueprint")
    assert json.loads((FILES / "ok-minimal.blueprint").read_text(encoding="utf-8"))["version"] == 1
    assert diff_documents(old, loads(dumps(old))).same


def test_the_spec_example_in_json_and_in_words() -> None:
    new = edited(lambda raw: raw["cards"][1].update(function="cashier"))
    diff = diff_documents(doc(cafe()), new)
    assert diff.to_json() == {
        "same": False,
        "changes": [
            {
                "change": "changed",
                "element": "card",
                "id": "c4",
                "title": "Takes the order",
                "fields": {"function": ["barista", "cashier"]},
            }
        ],
    }
    assert diff_lines(diff) == [
        'card "Takes the order" (Order › Pays, Frontstage): function Barista -> Cashier'
    ]


def test_a_card_moved_to_another_step_and_lane_is_one_changed_entry() -> None:
    new = edited(lambda raw: raw["cards"][1].update(step="waits", lane="back"))
    (change,) = diff_documents(doc(cafe()), new).changes
    assert (change.change, change.id, change.fields) == (
        "changed",
        "c4",
        {"lane": ("front", "back"), "step": ("pays", "waits")},
    )
    (line,) = diff_lines(diff_documents(doc(cafe()), new))
    assert line == (
        'card "Takes the order" (Order › Waits, Backstage): '
        "lane Frontstage -> Backstage; step Order › Pays -> Order › Waits"
    )


def test_nested_fields_by_dotted_path() -> None:
    base = edited(lambda raw: raw["cards"][1].update(fail_point={"note": "Queue", "severity": "low"}))
    new = edited(lambda raw: raw["cards"][1].update(fail_point={"note": "Queue", "severity": "high"}))
    (change,) = diff_documents(base, new).changes
    assert change.fields == {"fail_point.severity": ("low", "high")}
    assert diff_lines(diff_documents(base, new))[0].endswith("fail point severity low -> high")


def test_removing_a_card_lists_its_links_as_removed_in_kind_order() -> None:
    def remove_c4(raw: dict[str, Any]) -> None:
        raw["cards"] = [c for c in raw["cards"] if c["id"] != "c4"]
        raw["links"] = []

    changes = diff_documents(doc(cafe()), edited(remove_c4)).to_json()["changes"]
    assert [(c["change"], c["element"], c["id"]) for c in changes] == [
        ("removed", "card", "c4"),
        ("removed", "link", "l1"),
        ("removed", "link", "l2"),
    ]
    assert changes[0]["title"] == "Takes the order"  # the title in OLD


def test_kinds_in_the_spec_order_and_removed_elements_where_they_were() -> None:
    def many(raw: dict[str, Any]) -> None:
        raw["title"] = "Café Lumen"
        raw["lanes"] = [
            raw["lanes"][0],
            {"id": "ev", "name": "Evidence", "kind": "evidence"},
            raw["lanes"][2],
        ]
        raw["cards"] = [raw["cards"][0], raw["cards"][2]]
        raw["links"] = []
        raw["functions"][0]["name"] = "Head barista"

    changes = diff_documents(doc(cafe()), edited(many)).to_json()["changes"]
    assert [(c["change"], c["element"], c["id"]) for c in changes] == [
        ("changed", "blueprint", None),
        ("changed", "function", "barista"),
        ("removed", "lane", "front"),  # where it was in OLD: right after the customer lane
        ("added", "lane", "ev"),
        ("removed", "card", "c4"),
        ("removed", "link", "l1"),
        ("removed", "link", "l2"),
    ]
    assert changes[0]["fields"] == {"title": ["Café", "Café Lumen"]}


def test_moved_reports_the_fewest_elements() -> None:
    lanes = [{"id": f"lane{i}", "name": f"Lane {i}", "kind": "support"} for i in range(6)]
    old = doc(cafe(lanes=[*cafe()["lanes"], *lanes]))
    reordered = [*cafe()["lanes"], lanes[5], *lanes[:5]]  # the last lane moved to the front
    diff = diff_documents(old, doc(cafe(lanes=reordered)))
    assert [(c.change, c.id) for c in diff.changes] == [("moved", "lane5")]
    assert diff_lines(diff) == ['lane "Lane 5": moved, now after "Backstage"']


def test_cards_move_within_their_cell_and_a_changed_card_is_not_also_moved() -> None:
    def two_in_a_cell(raw: dict[str, Any]) -> None:
        raw["cards"].append({"id": "c6", "lane": "front", "step": "pays", "title": "Says hello"})

    def swapped(raw: dict[str, Any]) -> None:
        two_in_a_cell(raw)
        raw["cards"] = [raw["cards"][0], raw["cards"][3], raw["cards"][1], raw["cards"][2]]

    diff = diff_documents(edited(two_in_a_cell), edited(swapped))
    assert [(c.change, c.element) for c in diff.changes] == [("moved", "card")]
    assert diff_lines(diff)[0].endswith(": moved, now first in its cell")


def test_long_texts_show_where_they_differ() -> None:
    text = "The barista greets every guest by name and asks how their day is going, then "
    old = edited(lambda raw: raw["cards"][1].update(description=text + "takes the order."))
    new = edited(lambda raw: raw["cards"][1].update(description=text + "writes the order."))
    (line,) = diff_lines(diff_documents(old, new))
    assert "takes the order" in line and "writes the order" in line
    assert len(line) < 250


def test_characters_a_terminal_acts_on_are_shown_not_sent() -> None:
    hostile = "Takes\x1b[2J the \u202eorder"
    new = edited(lambda raw: raw["cards"][1].update(title=hostile))
    (line,) = diff_lines(diff_documents(doc(cafe()), new))
    assert "\x1b" not in line and "\u202e" not in line
    assert '"Takes\\u001b[2J the \\u202eorder"' in line


class _CountedTable(dict[str, Any]):
    """A table that counts the passes made over it."""

    passes = 0

    def items(self) -> Any:
        type(self).passes += 1
        return super().items()

    def __iter__(self) -> Any:
        type(self).passes += 1
        return super().__iter__()


def test_the_places_of_many_moved_elements_are_found_in_one_pass() -> None:
    """Each moved element says what it now follows; finding that must not walk the list once per
    moved element (reversing 5,000 lanes would be 25 million steps)."""
    lanes = [{"id": f"lane{i}", "name": f"Lane {i}", "kind": "support"} for i in range(40)]
    old = doc(cafe(lanes=[*cafe()["lanes"], *lanes]))
    diff = diff_documents(old, doc(cafe(lanes=[*cafe()["lanes"], *reversed(lanes)])))
    moved = [change for change in diff.changes if change.change == "moved"]
    assert len(moved) >= 39
    diff.new.elements["lane"] = _CountedTable(diff.new.elements["lane"])
    _CountedTable.passes = 0
    lines = diff_lines(diff)
    assert _CountedTable.passes == 1
    assert lines[:2] == [
        'lane "Lane 39": moved, now after "Backstage"',
        'lane "Lane 38": moved, now after "Lane 39"',
    ]
