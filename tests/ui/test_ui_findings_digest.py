"""The findings digest (worked out beside the editor): the steps from one result's rows to the next's,
applied as the Findings panel applies them, give the rows of the next result, whatever changed; the
badges to tell again are exactly those that differ."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from blueprint.ui.findings_digest import Plan, Step, badges_of, by_element, digest, plan_of, plan_steps
from blueprint.validate import Finding

findings_lists = st.lists(
    st.builds(
        Finding,
        code=st.sampled_from(["BP101", "BP104", "BP108", "BP111"]),
        severity=st.sampled_from(["error", "warning", "info"]),
        message=st.sampled_from(["Takes the order", "Greets the guest", "Cooks"]),
        elements=st.lists(st.sampled_from(["c1", "c2", "c3", "l1"]), max_size=3).map(tuple),
    ),
    max_size=14,
)


def shown(plan: Plan) -> list[Any]:
    """The rows a plan lists: per group (severity, count, rows); a rule row with its findings."""
    return [
        [
            section.severity,
            section.count,
            [
                ["rule", value, len(section.rules[value]), [["row", f] for f in section.rules[value]]]
                if kind == "rule"
                else ["row", value]
                for kind, value in section.entries
            ],
        ]
        for section in plan
    ]


def apply(rows: list[Any], steps: list[Step]) -> list[Any]:
    """The panel's way with steps (`FindingsPanel._apply`), on plain lists."""
    for step in steps:
        groups = {group[0]: group for group in rows}
        if step.kind == "drop":
            rows.remove(groups[step.severity])
            continue
        if step.kind == "group":
            rows.insert(step.index, [step.severity, step.count, []])
            continue
        group = groups[step.severity]
        parent = group if step.code is None else next(r for r in group[2] if r[:2] == ["rule", step.code])
        if step.kind == "count":
            parent[1 if step.code is None else 2] = step.count
            continue
        children = parent[2] if step.code is None else parent[3]
        if step.kind == "remove":
            del children[step.index : step.index + step.n]
        elif step.kind == "change":
            children[step.index] = ["row", step.entries[0][1]]
        else:
            children[step.index : step.index] = [
                ["rule", value, len(step.rules[value]), [["row", f] for f in step.rules[value]]]
                if kind == "rule"
                else ["row", value]
                for kind, value in step.entries
            ]
    return rows


@given(findings_lists, findings_lists)
def test_the_steps_between_two_results_give_the_rows_of_the_second(old: list, new: list) -> None:
    before, after = plan_of(old), plan_of(new)
    assert apply(shown(before), plan_steps(before, after)) == shown(after)
    assert apply([], plan_steps((), after)) == shown(after)


@given(findings_lists, findings_lists)
def test_the_badges_told_again_are_those_that_differ(old: list, new: list) -> None:
    cards = {"c1", "c2", "c3"}
    first = digest(old, cards)
    second = digest(new, cards, first)
    assert second.base_badges is first.badges and second.base_plan is first.plan
    assert set(second.badge_changes) == {c for c in cards if first.badges.get(c) != second.badges.get(c)}
    assert second.badges == badges_of(by_element(new), cards)
    assert set(second.badges) <= cards  # a link's finding has no badge
    assert second.counts == {s: sum(f.severity == s for f in new) for s in ("error", "warning", "info")}


def test_an_unchanged_result_has_no_steps_and_no_badges_to_tell() -> None:
    findings = [Finding("BP104", "warning", "Takes the order has no function", ("c2",))] * 5
    first = digest(findings, {"c2"})
    again = digest(list(findings), {"c2"}, first)
    assert again.steps == () and again.badge_changes == ()
