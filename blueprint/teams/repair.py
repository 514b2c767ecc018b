"""After a merge: references to elements the other side removed, and stages left without a step.

Each side's document is valid, so an element a merged field names exists on the side that set it;
when the other side removed it, the merge keeps it (a conflict, `broken reference`) rather than lose
the work that uses it. A stage whose steps all went (one side moved them away, the other removed the
rest) keeps one of its steps. A link joining a card to itself, or a plan left without targets, keeps
OURS's value. A card one side removed but the merge keeps comes back with the links the editor
removed with it on that side, where the other side still has them and both their cards are kept; a
lane one side removed but the merge keeps is hidden again by the views that hid it.
"""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.teams.conflicts import REMOVED, Conflict
from blueprint.teams.elements import Fields, Tables, title_of
from blueprint.teams.words import Names, quoted

#: How a reference reads in "still used by link ... as its start".
_ROLE = {"from": "start", "to": "end"}
#: What the editor removes with an element, and comes back with it when the merge keeps the element:
#: (kind of the dependent, the fields naming the element, how the dependent relates to it in words).
#: Only a card's links: a lane or step kept because the other side still uses it does not bring back
#: the cards the remover deleted with it (nobody changed those; their removal stands).
_DEPENDENTS: dict[str, tuple[tuple[str, tuple[str, ...], str], ...]] = {
    "card": (("link", ("source", "target"), "joins"),),
}
#: The references a dependent cannot do without (it is restored only when these are in the result).
_NEEDS: dict[str, tuple[tuple[str, str], ...]] = {
    "link": (("source", "card"), ("target", "card")),
}
#: A round can restore elements that name others; no document needs more rounds than this many.
_MAX_ROUNDS = 50


def repair_references(result: Tables, ours: Tables, theirs: Tables, base: Tables) -> list[Conflict]:
    """Mend `result` in place; the conflicts that says what was kept."""
    fixer = _Fixer(result, ours, theirs, base)
    for _ in range(_MAX_ROUNDS):
        if not fixer.round():
            break
    return fixer.conflicts


class _Fixer:
    def __init__(self, result: Tables, ours: Tables, theirs: Tables, base: Tables) -> None:
        self.result, self.ours, self.theirs, self.base = result, ours, theirs, base
        self.names = Names(ours, theirs, base)
        self.conflicts: list[Conflict] = []

    def round(self) -> bool:
        """One pass over every reference; True when something was mended (then look again)."""
        mended = False
        for kind, element_id, data, path, target_kind, target in self._references():
            if target not in self.result.elements[target_kind]:
                user = self.names.element(kind, element_id, data)
                self._restore(target_kind, target, f"still used by {user} as its {_ROLE.get(path, path)}")
                mended = True
        mended |= self._dependents_of_kept() | self._hidden_lanes_of_kept()
        mended |= self._self_links() | self._plans_with_targets() | self._stages_with_steps()
        return mended

    def _dependents_of_kept(self) -> bool:
        """Bring back, with a card one side removed and the merge kept, the links that side removed with
        it (Ana deletes a card and so its links, Ben retitles the card: the card stays, with its links)
        where the other side still has them and both their ends are in the result; and put it back
        among the targets of the plans it was taken out of."""
        mended = False
        result = self.result.elements
        for kind, dependents in _DEPENDENTS.items():
            for element_id, element in list(result[kind].items()):
                if element_id not in self.base.elements[kind]:
                    continue
                for remover, keeper in ((self.ours, self.theirs), (self.theirs, self.ours)):
                    if element_id in remover.elements[kind] or element_id not in keeper.elements[kind]:
                        continue
                    mended |= self._targets_of_kept(element_id, remover, keeper)
                    for dependent_kind, fields, relation in dependents:
                        for dependent_id, data in keeper.elements[dependent_kind].items():
                            if (
                                dependent_id in result[dependent_kind]
                                or dependent_id in remover.elements[dependent_kind]
                                or dependent_id not in self.base.elements[dependent_kind]
                                or not any(data[name] == element_id for name in fields)
                                or not all(
                                    data[name] in result[named] for name, named in _NEEDS[dependent_kind]
                                )
                            ):
                                continue
                            result[dependent_kind][dependent_id] = dict(data)
                            owner = f"{kind} {quoted(title_of(kind, element))}"
                            self.conflicts.append(
                                Conflict(
                                    "removed and changed",
                                    dependent_kind,
                                    dependent_id,
                                    title_of(dependent_kind, data),
                                    "",
                                    REMOVED if remover is self.ours else "kept it",
                                    REMOVED if remover is self.theirs else "kept it",
                                    f"the {dependent_kind}",
                                    f"it {relation} {owner}, which is kept",
                                )
                            )
                            mended = True
        return mended

    def _hidden_lanes_of_kept(self) -> bool:
        """A lane one side removed and the merge kept is hidden again by the views that hid it (Ana
        deletes a lane, and her editor takes it out of every view's hidden lanes; Ben renames it: the
        lane stays, and a view that hid it from the customer still hides it). A view hides it again
        when it did in the common version and the keeper's view still does (or the keeper removed
        the view and the merge kept it), at the keeper's place (else the common version's)."""
        mended = False
        result = self.result.elements
        for lane_id in result["lane"]:
            if lane_id not in self.base.elements["lane"]:
                continue
            for remover, keeper in ((self.ours, self.theirs), (self.theirs, self.ours)):
                if lane_id in remover.elements["lane"] or lane_id not in keeper.elements["lane"]:
                    continue
                for view_id, view in result["view"].items():
                    base_view = self.base.elements["view"].get(view_id)
                    kept_view = keeper.elements["view"].get(view_id)
                    if (
                        base_view is None
                        or lane_id in view["hidden_lanes"]
                        or lane_id not in base_view.get("hidden_lanes", ())
                        or (kept_view is not None and lane_id not in kept_view["hidden_lanes"])
                    ):
                        continue
                    order = (kept_view or base_view)["hidden_lanes"]
                    wanted = {*view["hidden_lanes"], lane_id}
                    view["hidden_lanes"] = [
                        *(lane for lane in order if lane in wanted),
                        *(lane for lane in view["hidden_lanes"] if lane not in order),
                    ]
                    mended = True
        return mended

    def _targets_of_kept(self, card_id: str, remover: Tables, keeper: Tables) -> bool:
        """A kept card goes back into the plans whose targets the remover's editor took it out of (the
        keeper's plan still targets it, and so did the common version's), at the keeper's place."""
        mended = False
        for plan_id, plan in self.result.elements["improvement"].items():
            kept_plan = keeper.elements["improvement"].get(plan_id)
            base_plan = self.base.elements["improvement"].get(plan_id)
            removed_plan = remover.elements["improvement"].get(plan_id)
            if (
                kept_plan is None
                or base_plan is None
                or card_id in plan["targets"]
                or card_id not in kept_plan["targets"]
                or card_id not in base_plan.get("targets", ())
                or (removed_plan is not None and card_id in removed_plan["targets"])
            ):
                continue
            wanted = {*plan["targets"], card_id}
            plan["targets"] = [
                *(target for target in kept_plan["targets"] if target in wanted),
                *(target for target in plan["targets"] if target not in kept_plan["targets"]),
            ]
            mended = True
        return mended

    def _references(self) -> Iterator[tuple[str, str, Fields, str, str, str]]:
        """(kind, id, fields, field, kind named, id named) of every reference in the result."""
        elements = self.result.elements
        for step_id, data in list(elements["step"].items()):
            yield "step", step_id, data, "stage", "stage", data["stage"]
        for card_id, data in list(elements["card"].items()):
            yield "card", card_id, data, "lane", "lane", data["lane"]
            yield "card", card_id, data, "step", "step", data["step"]
            if data.get("function") is not None:
                yield "card", card_id, data, "function", "function", data["function"]
            point = data.get("fail_point")
            if isinstance(point, dict) and point.get("owner") is not None:
                yield "card", card_id, data, "fail point owner", "function", point["owner"]
        for link_id, data in list(elements["link"].items()):
            yield "link", link_id, data, "from", "card", data["source"]
            yield "link", link_id, data, "to", "card", data["target"]
        for plan_id, data in list(elements["improvement"].items()):
            for target in data["targets"]:
                kind = "card" if self._kind_in_sources(target) == "card" else "link"
                yield "improvement", plan_id, data, "target", kind, target
            if data.get("owner") is not None:
                yield "improvement", plan_id, data, "owner", "function", data["owner"]
        for view_id, data in list(elements["view"].items()):
            for lane in data["hidden_lanes"]:
                yield "view", view_id, data, "hidden lane", "lane", lane
            for function in data["focus"]:
                yield "view", view_id, data, "focus", "function", function

    def _kind_in_sources(self, element_id: str) -> str | None:
        for tables in (self.result, self.ours, self.theirs, self.base):
            for kind in ("card", "link"):
                if element_id in tables.elements[kind]:
                    return kind
        return None

    def _source(self, kind: str, element_id: str) -> tuple[Fields | None, Tables | None]:
        for tables in (self.ours, self.theirs, self.base):
            found = tables.elements[kind].get(element_id)
            if found is not None:
                return found, tables
        return None, None

    def _restore(self, kind: str, element_id: str, why: str) -> None:
        data, _tables = self._source(kind, element_id)
        if data is None:  # cannot happen with valid inputs; nothing to restore from
            return
        self.result.elements[kind][element_id] = dict(data)
        ours_has = element_id in self.ours.elements[kind]
        self.conflicts.append(
            Conflict(
                "broken reference",
                kind,
                element_id,
                title_of(kind, data),
                "",
                "kept it" if ours_has else REMOVED,
                "kept it" if element_id in self.theirs.elements[kind] else REMOVED,
                f"the {kind}",
                why,
            )
        )

    def _self_links(self) -> bool:
        mended = False
        for link_id, data in self.result.elements["link"].items():
            if data["source"] == data["target"]:
                ours = self.ours.elements["link"].get(link_id) or self.theirs.elements["link"][link_id]
                self._keep_ours(
                    "link", link_id, data, ours, ("source", "target"), "a link cannot join a card to itself"
                )
                mended = True
        return mended

    def _plans_with_targets(self) -> bool:
        mended = False
        for plan_id, data in self.result.elements["improvement"].items():
            if not data["targets"]:
                ours = (
                    self.ours.elements["improvement"].get(plan_id)
                    or self.theirs.elements["improvement"][plan_id]
                )
                self._keep_ours("improvement", plan_id, data, ours, ("targets",), "a plan needs a target")
                mended = True
        return mended

    def _keep_ours(
        self, kind: str, element_id: str, data: Fields, ours: Fields, paths: tuple[str, ...], why: str
    ) -> None:
        theirs = self.theirs.elements[kind].get(element_id, {})
        for path in paths:
            if data[path] != ours[path]:
                self.conflicts.append(
                    Conflict(
                        "does not fit",
                        kind,
                        element_id,
                        title_of(kind, data),
                        path,
                        ours[path],
                        theirs.get(path),
                        "ours",
                        why,
                    )
                )
                data[path] = ours[path]

    def _stages_with_steps(self) -> bool:
        elements = self.result.elements
        used = {data["stage"] for data in elements["step"].values()}
        mended = False
        for stage_id, stage in elements["stage"].items():
            if stage_id in used:
                continue
            source = self.ours if stage_id in self.ours.elements["stage"] else self.theirs
            candidates = source.steps_of(stage_id) or self.base.steps_of(stage_id)
            if not candidates:
                continue
            step_id = candidates[0]
            step = elements["step"].get(step_id)
            why = f"stage {quoted(title_of('stage', stage))} would have no step"
            if step is None:
                self._restore("step", step_id, f"the last step of stage {quoted(title_of('stage', stage))}")
                elements["step"][step_id]["stage"] = stage_id
            else:
                self.conflicts.append(
                    Conflict(
                        "does not fit",
                        "step",
                        step_id,
                        title_of("step", step),
                        "stage",
                        stage_id,
                        step["stage"],
                        "ours",
                        why,
                    )
                )
                step["stage"] = stage_id
            mended = True
        return mended
