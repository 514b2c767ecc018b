"""After a merge: references to elements the other side removed, and stages left without a step.

Each side's document is valid, so an element a merged field names exists on the side that set it;
when the other side removed it, the merge keeps it (a conflict, `broken reference`) rather than lose
the work that uses it. A stage whose steps all went (one side moved them away, the other removed the
rest) keeps one of its steps. A link joining a card to itself, or a plan left without targets, keeps
OURS's value.
"""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.teams.conflicts import REMOVED, Conflict
from blueprint.teams.elements import Fields, Tables, title_of
from blueprint.teams.words import Names, quoted

#: How a reference reads in "still used by link ... as its start".
_ROLE = {"from": "start", "to": "end"}
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
        mended |= self._self_links() | self._plans_with_targets() | self._stages_with_steps()
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
