"""Each rule of the format spec refuses bad input with the JSON path and a plain message."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from blueprint.fileformat import BlueprintFileError, dumps, loads

BASE: dict[str, Any] = {
    "format": "service-blueprint",
    "version": 1,
    "title": "Coffee at Café Bean",
    "description": "",
    "persona": {"name": "Tess", "description": "Commutes by car."},
    "metadata": {"author": "Ana", "created": "2026-11-01T09:00:00Z", "modified": None, "tags": ["retail"]},
    "functions": [
        {"id": "barista", "name": "Barista", "kind": "role", "color": "#2E7D32", "description": ""},
        {"id": "pos", "name": "Point of sale", "kind": "system", "color": None, "description": ""},
    ],
    "lanes": [
        {"id": "customer", "name": "Customer actions", "kind": "customer"},
        {"id": "front", "name": "Frontstage", "kind": "frontstage"},
    ],
    "stages": [
        {
            "id": "order",
            "name": "Order",
            "phase": "purchase",
            "job": "",
            "steps": [{"id": "s1", "name": "Arrives"}, {"id": "s2", "name": "Orders"}],
        }
    ],
    "cards": [
        {
            "id": "c1",
            "lane": "customer",
            "step": "s2",
            "title": "Orders a flat white",
            "channel": "in person",
            "duration_minutes": 1,
            "tolerance_minutes": 3,
            "emotion": 1,
            "wait_point": {"note": "Queue", "minutes": 4},
            "evidence": "observed",
        },
        {
            "id": "c2",
            "lane": "front",
            "step": "s2",
            "title": "Takes the order",
            "function": "barista",
            "fail_point": {"note": "Order misheard", "severity": "medium"},
        },
    ],
    "links": [{"id": "l1", "source": "c1", "target": "c2", "kind": "flow", "label": "order"}],
}


def refuse(change: Any) -> BlueprintFileError:
    raw = copy.deepcopy(BASE)
    change(raw)
    with pytest.raises(BlueprintFileError) as caught:
        loads(json.dumps(raw), file="shared.blueprint")
    return caught.value


def test_the_base_document_loads_with_spec_defaults() -> None:
    doc = loads(json.dumps(BASE))
    assert doc.cards[1].tags == []
    assert doc.cards[0].function is None
    assert doc.links[0].kind == "flow"
    assert doc.functions_by_id()["pos"].kind == "system"


CASES = [
    # (description, change, expected path, words expected in the message)
    ("unknown lane", lambda r: r["cards"][1].update(lane="bak"), "cards[1].lane", "unknown lane 'bak'"),
    ("unknown step", lambda r: r["cards"][0].update(step="s9"), "cards[0].step", "unknown step 's9'"),
    ("unknown function", lambda r: r["cards"][1].update(function="chef"), "cards[1].function", "'chef'"),
    (
        "unknown link source",
        lambda r: r["links"][0].update(source="zz"),
        "links[0].source",
        "unknown card 'zz'",
    ),
    ("self link", lambda r: r["links"][0].update(target="c1"), "links[0].target", "itself"),
    (
        "duplicate id across kinds",
        lambda r: r["cards"][1].update(id="barista"),
        "cards[1].id",
        "duplicate id",
    ),
    (
        "duplicate step id",
        lambda r: r["stages"][0]["steps"][1].update(id="s1"),
        "stages[0].steps[1].id",
        "duplicate id 's1'",
    ),
    ("bad id", lambda r: r["cards"][0].update(id="c 1"), "cards[0].id", "not a valid id"),
    ("long id", lambda r: r["lanes"][0].update(id="x" * 65), "lanes[0].id", "not a valid id"),
    ("unknown field", lambda r: r["cards"][0].update(colour="red"), "cards[0].colour", "unknown field"),
    ("unknown top field", lambda r: r.update(extra=1), "extra", "unknown field"),
    ("missing title", lambda r: r["cards"][0].pop("title"), "cards[0].title", "missing"),
    ("missing lane kind", lambda r: r["lanes"][0].pop("kind"), "lanes[0].kind", "missing"),
    ("wrong type", lambda r: r["cards"][0].update(emotion="happy"), "cards[0].emotion", "whole number"),
    (
        "bool is not a number",
        lambda r: r["cards"][0].update(duration_minutes=True),
        "cards[0].duration_minutes",
        "number",
    ),
    ("emotion range", lambda r: r["cards"][0].update(emotion=3), "cards[0].emotion", "at most 2"),
    (
        "negative duration",
        lambda r: r["cards"][0].update(duration_minutes=-1),
        "cards[0].duration_minutes",
        "at least 0",
    ),
    (
        "tolerance below duration",
        lambda r: r["cards"][0].update(tolerance_minutes=0.5),
        "cards[0].tolerance_minutes",
        "at least duration_minutes",
    ),
    (
        "wait minutes negative",
        lambda r: r["cards"][0]["wait_point"].update(minutes=-3),
        "cards[0].wait_point.minutes",
        "at least 0",
    ),
    (
        "severity enum",
        lambda r: r["cards"][1]["fail_point"].update(severity="huge"),
        "cards[1].fail_point.severity",
        "'low', 'medium' or 'high'",
    ),
    ("lane kind enum", lambda r: r["lanes"][1].update(kind="front"), "lanes[1].kind", "'frontstage'"),
    ("function kind enum", lambda r: r["functions"][0].update(kind="person"), "functions[0].kind", "'role'"),
    ("phase enum", lambda r: r["stages"][0].update(phase="during"), "stages[0].phase", "'post-purchase'"),
    ("evidence enum", lambda r: r["cards"][0].update(evidence="guessed"), "cards[0].evidence", "'assumed'"),
    ("link kind enum", lambda r: r["links"][0].update(kind="jump"), "links[0].kind", "'loop'"),
    ("colour", lambda r: r["functions"][0].update(color="green"), "functions[0].color", "colour"),
    ("stage needs a step", lambda r: r["stages"][0].update(steps=[]), "stages[0].steps", "at least 1"),
    ("blank title", lambda r: r.update(title="   "), "title", "after trimming"),
    ("title too long", lambda r: r.update(title="x" * 201), "title", "1 to 200"),
    ("card title too long", lambda r: r["cards"][0].update(title="x" * 501), "cards[0].title", "too long"),
    ("card title empty", lambda r: r["cards"][0].update(title=""), "cards[0].title", "empty"),
    (
        "description too long",
        lambda r: r["cards"][0].update(description="d" * 20_001),
        "cards[0].description",
        "too long",
    ),
    (
        "function name too long",
        lambda r: r["functions"][0].update(name="n" * 101),
        "functions[0].name",
        "too long",
    ),
    (
        "time without zone",
        lambda r: r["metadata"].update(created="2026-11-01T09:00:00"),
        "metadata.created",
        "needs a time zone (for example a trailing Z), got '2026-11-01T09:00:00'",
    ),
    (
        "not a time",
        lambda r: r["metadata"].update(modified="yesterday"),
        "metadata.modified",
        "must be an ISO 8601 time such as 2026-11-01T09:00:00Z, not 'yesterday'",
    ),
    ("cards not a list", lambda r: r.update(cards={}), "cards", "list"),
    ("persona not an object", lambda r: r.update(persona="Tess"), "persona", "object"),
    ("null where text is needed", lambda r: r["cards"][0].update(title=None), "cards[0].title", "null"),
]


@pytest.mark.parametrize(("change", "path", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_refusal_names_the_file_the_path_and_the_problem(change: Any, path: str, words: str) -> None:
    error = refuse(change)
    assert error.file == "shared.blueprint"
    assert error.path == path
    assert words in error.message
    line = str(error)
    assert line.startswith(f"shared.blueprint: {path}: ")
    assert "\n" not in line


def test_a_number_given_as_text_is_refused_as_not_a_number() -> None:
    error = refuse(lambda r: r["cards"][0].update(duration_minutes="3"))
    assert error.path == "cards[0].duration_minutes"
    assert error.message == "must be a number, not '3'"


def test_integers_stay_integers_and_floats_stay_floats() -> None:
    raw = copy.deepcopy(BASE)
    raw["cards"][0]["duration_minutes"] = 1.5
    doc = loads(json.dumps(raw))
    assert isinstance(doc.cards[0].duration_minutes, float)
    assert isinstance(doc.cards[0].tolerance_minutes, int)
    assert '"tolerance_minutes": 3,' in dumps(doc)


def test_model_helpers_answer_a_designers_questions() -> None:
    doc = loads(json.dumps(BASE))
    assert [c.id for c in doc.cards_in_cell("customer", "s2")] == ["c1"]
    assert doc.cards_in_cell("customer", "s1") == []
    assert doc.step_index_of_card(doc.cards[1]) == 1
    assert doc.lane_zone("front") == "frontstage"
    assert doc.lane_zone("customer") == "customer-side"
    assert doc.stage_of_step()["s1"].id == "order"
    assert {"barista", "c1", "l1", "s2", "order", "front"} <= doc.all_ids()
