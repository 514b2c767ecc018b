"""The validation API: the registry, Finding values, the sort order, purity, and never raising."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given

from blueprint.fileformat import dumps
from blueprint.validate import RULES, SEVERITY_RANK, Finding, validate

from builders import blueprint_with, card
from strategies import blueprints

SPEC_RULES = {
    "BP101": ("Unsupported touchpoint", "warning"),
    "BP102": ("Hand-off dead end", "warning"),
    "BP103": ("Orphan card", "warning"),
    "BP104": ("Unowned work", "warning"),
    "BP105": ("Visibility breach", "warning"),
    "BP106": ("Backwards flow", "error"),
    "BP107": ("Unmarked cycle", "error"),
    "BP108": ("Journey gap", "warning"),
    "BP109": ("Unowned fail point", "warning"),
    "BP110": ("Lane order", "error"),
    "BP111": ("Unlabelled hand-off", "info"),
    "BP112": ("Slower than the customer accepts", "warning"),
    "BP113": ("Fail point without a plan", "info"),
    "BP201": ("Inside-out journey", "info"),
}


def test_registry_holds_exactly_the_spec_rules_in_code_order() -> None:
    assert list(RULES) == sorted(SPEC_RULES)
    assert {code: (info.title, info.severity) for code, info in RULES.items()} == SPEC_RULES
    assert all(info.summary and info.code == code for code, info in RULES.items())


def test_finding_is_a_frozen_value_with_the_documented_json() -> None:
    finding = Finding("BP103", "warning", "lonely", ("c1",), position=(2, 1, 0))
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.code = "BP104"  # type: ignore[misc]
    assert finding.to_json() == {
        "code": "BP103",
        "severity": "warning",
        "message": "lonely",
        "elements": ["c1"],
    }
    assert finding == Finding("BP103", "warning", "lonely", ("c1",))  # position is not part of the value


def messy_blueprint():  # type: ignore[no-untyped-def]
    return blueprint_with(
        lanes=["customer", "backstage", "frontstage", "support"],
        cards=[
            card("f9", "frontstage", 2, "Late and unowned"),
            card("c0", "customer", 0, "Orders", channel="app"),
            card("b1", "backstage", 1, "Loops", function="team-a"),
            card("b2", "backstage", 1, "Loops back", function="team-a"),
            card("f0", "frontstage", 0, "Early and unowned"),
        ],
        links=[("b1", "b2"), ("b2", "b1")],
    )


def test_findings_sort_by_severity_then_grid_position() -> None:
    findings = validate(messy_blueprint())
    ranks = [SEVERITY_RANK[f.severity] for f in findings]
    assert ranks == sorted(ranks)
    assert [f.code for f in findings if f.severity == "error"] == ["BP110", "BP107"]  # lanes come first
    unowned = [f.elements for f in findings if f.code == "BP104"]
    assert unowned == [("f0",), ("f9",)]  # step 0 before step 2, whatever the card order
    warnings = [f for f in findings if f.severity == "warning"]
    assert [f.position for f in warnings] == sorted(f.position for f in warnings)


def test_validate_is_a_pure_function_of_the_document() -> None:
    doc = messy_blueprint()
    before = dumps(doc)
    first = validate(doc)
    assert validate(doc) == first
    assert dumps(doc) == before
    assert validate(doc, codes=["BP104"]) == [f for f in first if f.code == "BP104"]


def test_a_blank_blueprint_has_no_findings() -> None:
    assert validate(blueprint_with()) == []
    assert validate(blueprint_with(lanes=[], steps=1)) == []


@given(blueprints())
def test_rules_never_raise_and_findings_are_well_formed(doc) -> None:  # type: ignore[no-untyped-def]
    findings = validate(doc)
    ids = doc.all_ids()
    assert findings == sorted(findings, key=Finding.sort_key)
    for finding in findings:
        info = RULES[finding.code]
        assert finding.severity == info.severity
        assert set(finding.elements) <= ids
        assert finding.message and "\n" not in finding.message
        # Cards are named by title, never by their id alone.
        assert not re.search(r"\bcard\d+\b", finding.message)
