"""Properties of the three-way merge, with random edits made by the edit layer's own operations.

Two designers edit copies of one random blueprint. When their edits do not overlap, merging the two
results gives the document that applying OURS's edits and then THEIRS's gives, byte for byte.

"Do not overlap" is worked out from the documents before and after each edit, not from the kind of
operation: which (element, field) pairs it changed, which elements it added or removed (cascades
included), which elements its new values name, and which neighbours in a list an element left or
joined. THEIRS's edits are drawn only among those that do not overlap OURS's.

Edits that put an element at a place are replayed by neighbour, as a designer means them ("move lane
X just before lane Y", "to the end of this cell"), so that applying them after OURS's edits puts the
element where THEIRS put it rather than at a position number that OURS's edits shifted.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from blueprint.edit import (
    AddCard,
    AddFunction,
    AddImprovement,
    AddLane,
    AddLink,
    AddStage,
    AddStep,
    AddView,
    Document,
    EditError,
    MoveCard,
    MoveImprovement,
    MoveLane,
    MoveStep,
    Operation,
    RemoveCards,
    RemoveFunction,
    RemoveImprovements,
    RemoveLane,
    RemoveLinks,
    RemoveStage,
    RemoveStep,
    RemoveView,
    SetCardFields,
    SetDocumentFields,
    SetFunctionFields,
    SetImprovementFields,
    SetLaneFields,
    SetLinkFields,
    SetStageFields,
    SetStepFields,
    SetViewFields,
)
from blueprint.fileformat import dumps, loads
from blueprint.model import Blueprint, Card, Function, Improvement, Lane, Link, Stage, Step, View
from blueprint.teams import conflict_line, merge_documents
from blueprint.teams.elements import KINDS, Tables, tables_of
from blueprint.teams.listorder import moved
from blueprint.teams.words import REFERENCES, Names

from strategies import blueprints, element_ids, text, title

# --- what an edit touched ---------------------------------------------------------------------------


@dataclass
class Touched:
    fields: set[tuple[str | None, str]] = field(default_factory=set)  # (id, field) changed
    whole: set[str] = field(default_factory=set)  # ids added or removed
    uses: set[str] = field(default_factory=set)  # ids named by new values
    places: set[Any] = field(default_factory=set)  # ids (and cell ends) whose neighbours changed

    def update(self, other: Touched) -> None:
        self.fields |= other.fields
        self.whole |= other.whole
        self.uses |= other.uses
        self.places |= other.places

    def overlaps(self, other: Touched) -> bool:
        ids = {element_id for element_id, _ in self.fields}
        other_ids = {element_id for element_id, _ in other.fields}
        return bool(
            self.fields & other.fields
            or self.whole & (other.whole | other_ids | other.uses)
            or other.whole & (ids | self.uses)
            or {place for place in self.places & other.places if place[0:1] != ("end-add",)}
            or bool(_ends(self.places, "end") & _ends(other.places, "end", "end-add"))
            or bool(_ends(other.places, "end") & _ends(self.places, "end", "end-add"))
        )


def _ends(places: set[Any], *marks: str) -> set[Any]:
    return {place[1] for place in places if isinstance(place, tuple) and place[0] in marks}


def touched(before: Tables, after: Tables) -> Touched:
    out = Touched()
    for name in set(before.document) | set(after.document):
        if before.document.get(name) != after.document.get(name):
            out.fields.add((None, name))
    for kind in KINDS:
        old, new = before.elements[kind], after.elements[kind]
        for element_id in set(old) ^ set(new):
            out.whole.add(element_id)
        for element_id, data in new.items():
            previous = old.get(element_id)
            if previous == data:
                continue
            if previous is not None:
                out.fields.update((element_id, name) for name in data if data[name] != previous.get(name))
            out.uses |= _named(kind, data)
        for key, (old_list, new_list) in _lists(kind, old, new).items():
            out.places |= _places(key, old_list, new_list)
    return out


def _named(kind: str, data: dict[str, Any]) -> set[str]:
    names: set[str] = set()
    for path in REFERENCES.get(kind, {}):
        value: Any = data
        for part in path.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, list):
            names.update(value)
        elif isinstance(value, str):
            names.add(value)
    return names


def _lists(kind: str, old: dict[str, Any], new: dict[str, Any]) -> dict[Any, tuple[list[str], list[str]]]:
    """The orders a merge keeps for this kind: the whole list, and each stage's steps or cell's cards."""
    out: dict[Any, tuple[list[str], list[str]]] = {}
    if kind != "step":
        out[kind] = (list(old), list(new))
    group = {
        "step": lambda d: ("stage-end", d["stage"]),
        "card": lambda d: ("cell-end", d["lane"], d["step"]),
    }
    if kind in group:
        key_of = group[kind]
        for table, side in ((old, 0), (new, 1)):
            for element_id, data in table.items():
                out.setdefault(key_of(data), ([], []))[side].append(element_id)
    return out


def _places(key: Any, old: list[str], new: list[str]) -> set[Any]:
    """Elements whose neighbours changed in one list, with the list's ends as tokens.

    Two additions at the end of a list commute (both are appended in turn), so an addition marks the
    end as ("end-add", list) and only a move to or from an end marks it as ("end", list): a one-step
    move next to an end reads as the neighbour's move, which another side's addition there would
    change. The end of a cell is an element of its own: a card put at the end of a cell goes after the
    cell's last card, wherever OURS's edits put that in the card array."""
    cell_end = isinstance(key, tuple) and key[0] == "cell-end"
    out: set[Any] = set()
    old_set, new_set = set(old), set(new)
    moved_ids = moved(old, new)
    for element_id in [*(old_set ^ new_set), *moved_ids]:
        out.add(element_id)
        is_move = element_id in moved_ids
        for order, present in ((old, element_id in old_set), (new, element_id in new_set)):
            if not present:
                continue
            at = order.index(element_id)
            if at + 1 < len(order):
                out.add(order[at + 1])
            else:
                out.add(key if cell_end else ("end" if is_move else "end-add", key))
            if is_move:
                out.add(order[at - 1] if at > 0 else ("start", key))
    return out


# --- edits, replayed by neighbour -------------------------------------------------------------------


@dataclass
class Edit:
    """An operation, or for one that places an element, how to make it again on another document:
    `place(doc, anchor)` builds the operation that puts the element just before `anchor` (None: at
    the end of its list, its stage or its cell)."""

    op: Operation
    place: Callable[[Document, str | None], Operation] | None = None
    anchor: str | None = None

    def replay(self, doc: Document) -> None:
        # a copy: an added element must not be the very object the other document holds
        doc.apply(copy.deepcopy(self.op) if self.place is None else self.place(doc, self.anchor))


def _index_before(ids: list[str], anchor: str | None) -> int:
    return len(ids) if anchor is None else ids.index(anchor)


def _lane_move(lane_id: str) -> Callable[[Document, str | None], Operation]:
    def make(doc: Document, anchor: str | None) -> Operation:
        others = [lane.id for lane in doc.blueprint.lanes if lane.id != lane_id]
        return MoveLane(lane_id, _index_before(others, anchor))

    return make


def _step_move(step_id: str, stage_id: str) -> Callable[[Document, str | None], Operation]:
    def make(doc: Document, anchor: str | None) -> Operation:
        stage = next(s for s in doc.blueprint.stages if s.id == stage_id)
        others = [step.id for step in stage.steps if step.id != step_id]
        return MoveStep(step_id, stage_id, _index_before(others, anchor))

    return make


def _card_move(card_id: str, lane_id: str, step_id: str) -> Callable[[Document, str | None], Operation]:
    def make(doc: Document, anchor: str | None) -> Operation:
        others = [c.id for c in doc.blueprint.cards_in_cell(lane_id, step_id) if c.id != card_id]
        return MoveCard(card_id, lane_id, step_id, _index_before(others, anchor))

    return make


def _plan_move(plan_id: str) -> Callable[[Document, str | None], Operation]:
    def make(doc: Document, anchor: str | None) -> Operation:
        others = [p.id for p in doc.blueprint.improvements if p.id != plan_id]
        return MoveImprovement(plan_id, _index_before(others, anchor))

    return make


def _anchor(doc: Document, edit: Edit) -> str | None:
    """The element just after the placed one, in its list (lanes, plans), stage (steps) or cell."""
    ids, element = _group(doc, edit.op)
    at = ids.index(element)
    return ids[at + 1] if at + 1 < len(ids) else None


def _group(doc: Document, op: Operation) -> tuple[list[str], str]:
    """The ids of the list (lanes, plans), stage (steps) or cell (cards) a move places its element
    in, and that element's id."""
    bp = doc.blueprint
    if isinstance(op, MoveLane):
        ids = [lane.id for lane in bp.lanes]
        element = op.lane_id
    elif isinstance(op, MoveImprovement):
        ids, element = [p.id for p in bp.improvements], op.improvement_id
    elif isinstance(op, MoveStep):
        stage = next(s for s in bp.stages if s.id == op.stage_id)
        ids, element = [s.id for s in stage.steps], op.step_id
    else:
        assert isinstance(op, MoveCard)
        ids, element = [c.id for c in bp.cards_in_cell(op.lane_id, op.step_id)], op.card_id
    return ids, element


def random_edit(draw: st.DrawFn, doc: Document, name: str) -> Edit:
    """One edit of `doc`; new elements get ids starting with `name` (so two sides never clash)."""
    ids = element_ids(doc.blueprint)
    cards, lanes, steps, stages, functions, links, plans, views = (
        ids.cards,
        ids.lanes,
        ids.steps,
        ids.stages,
        ids.functions,
        ids.links,
        ids.plans,
        ids.views,
    )
    pick = st.sampled_from
    choices: list[Callable[[], Edit]] = [
        lambda: Edit(SetDocumentFields({"title": draw(title)})),
        lambda: Edit(SetDocumentFields({"description": draw(text)})),
        lambda: Edit(AddLane(Lane(id=f"{name}-lane", name="L", kind="support"))),
        lambda: Edit(AddStage(Stage(id=f"{name}-stage", name="S", steps=[Step(id=f"{name}-s0", name="T")]))),
        lambda: Edit(AddFunction(Function(id=f"{name}-fn", name="F"))),
        lambda: Edit(  # a name of its own, as the editor asks (a merge renames a repeat: a conflict)
            AddView(View(id=f"{name}-view", name=f"V {name}", hidden_lanes=lanes[:1], focus=functions[:1]))
        ),
    ]
    if lanes and steps:
        choices.append(
            lambda: Edit(
                AddCard(Card(id=f"{name}-card", lane=draw(pick(lanes)), step=draw(pick(steps)), title="C"))
            )
        )
    if cards:
        choices += [
            lambda: Edit(RemoveCards((draw(pick(cards)),))),
            lambda: _placed(
                MoveCard(draw(pick(cards)), draw(pick(lanes)), draw(pick(steps)), draw(st.integers(0, 3)))
            ),
            lambda: Edit(SetCardFields(draw(pick(cards)), {"title": draw(title)})),
            lambda: Edit(
                SetCardFields(draw(pick(cards)), {"emotion": draw(st.one_of(st.none(), st.integers(-2, 2)))})
            ),
            lambda: Edit(SetCardFields(draw(pick(cards)), {"function": draw(pick([None, *functions]))})),
            lambda: Edit(
                AddImprovement(
                    Improvement(
                        id=f"{name}-plan",
                        title="P",
                        targets=draw(st.lists(pick(cards), min_size=1, max_size=2, unique=True)),
                    )
                )
            ),
        ]
    if len(cards) >= 2:
        ends = st.lists(pick(cards), min_size=2, max_size=2, unique=True)
        choices.append(
            lambda: Edit(
                AddLink(Link(id=f"{name}-link", **dict(zip(("source", "target"), draw(ends), strict=True))))
            )
        )
    if links:
        choices += [
            lambda: Edit(RemoveLinks((draw(pick(links)),))),
            lambda: Edit(SetLinkFields(draw(pick(links)), {"label": draw(text)})),
        ]
    if lanes:
        choices += [
            lambda: Edit(RemoveLane(draw(pick(lanes)))),
            lambda: _placed(MoveLane(draw(pick(lanes)), draw(st.integers(0, len(lanes))))),
            lambda: Edit(SetLaneFields(draw(pick(lanes)), {"name": draw(title)})),
        ]
    if stages:
        choices += [
            lambda: Edit(RemoveStage(draw(pick(stages)))),
            lambda: Edit(SetStageFields(draw(pick(stages)), {"job": draw(text)})),
            lambda: Edit(AddStep(draw(pick(stages)), Step(id=f"{name}-step", name="T"))),
            lambda: Edit(RemoveStep(draw(pick(steps)))),
            lambda: _placed(MoveStep(draw(pick(steps)), draw(pick(stages)), draw(st.integers(0, 3)))),
            lambda: Edit(SetStepFields(draw(pick(steps)), {"name": draw(title)})),
        ]
    if functions:
        choices += [
            lambda: Edit(RemoveFunction(draw(pick(functions)))),
            lambda: Edit(SetFunctionFields(draw(pick(functions)), {"color": draw(pick([None, "#123456"]))})),
        ]
    if plans:
        choices += [
            lambda: Edit(
                SetImprovementFields(draw(pick(plans)), {"status": draw(pick(["planned", "done"]))})
            ),
            lambda: Edit(RemoveImprovements((draw(pick(plans)),))),
            lambda: _placed(MoveImprovement(draw(pick(plans)), draw(st.integers(0, len(plans))))),
        ]
    if views:
        choices += [  # a name of its own, as the editor asks
            lambda: Edit(SetViewFields(draw(pick(views)), {"name": f"{draw(title)[:100]} {name}"})),
            lambda: Edit(RemoveView(draw(pick(views)))),
        ]
    return draw(pick(choices))()


def _placed(op: Operation) -> Edit:
    if isinstance(op, MoveLane):
        return Edit(op, _lane_move(op.lane_id))
    if isinstance(op, MoveStep):
        return Edit(op, _step_move(op.step_id, op.stage_id))
    if isinstance(op, MoveImprovement):
        return Edit(op, _plan_move(op.improvement_id))
    assert isinstance(op, MoveCard)
    return Edit(op, _card_move(op.card_id, op.lane_id, op.step_id))


def make_edits(
    draw: st.DrawFn, doc: Document, side: str, avoid: Touched | None
) -> tuple[list[Edit], Touched]:
    """Up to 6 edits of `doc` that each change something; with `avoid`, none overlapping it."""
    edits: list[Edit] = []
    total = Touched()
    for n in range(draw(st.integers(1, 6))):
        edit = random_edit(draw, doc, f"{side}{n}")
        before, before_text = tables_of(doc.blueprint), dumps(doc.blueprint)
        group_before = _group(doc, edit.op)[0] if edit.place is not None else []
        try:
            inverse = doc.apply(copy.deepcopy(edit.op))  # edit.op stays as it was, for the replay
        except EditError:
            continue
        after = tables_of(doc.blueprint)
        change = touched(before, after)
        if (
            dumps(doc.blueprint) == before_text
            or (avoid is not None and change.overlaps(avoid))
            or (edit.place is not None and _another_seems_moved(group_before, *_group(doc, edit.op)))
        ):
            doc.apply(inverse)
            continue
        if edit.place is not None:
            edit.anchor = _anchor(doc, edit)
        edits.append(edit)
        total.update(change)
    return edits, total


def _another_seems_moved(before: list[str], after: list[str], element: str) -> bool:
    """A move within one list that reads as other elements moving (moving the first of two down is
    moving the second up): the merge keeps the fewest moves, so the replay, which moves the element
    the edit named, would place things differently. Such an edit is ambiguous, not a merge error."""
    if element not in before:  # moved in from another cell or stage: a field change, not a reorder
        return False
    return moved(before, after) not in (set(), {element})


# --- the properties ---------------------------------------------------------------------------------


def _copy(bp: Blueprint) -> Blueprint:
    return copy.deepcopy(bp)


@given(st.data(), blueprints(max_cards=10))
def test_merging_edits_that_do_not_overlap_equals_applying_both_and_an_unchanged_side_changes_nothing(
    data: st.DataObject, base: Blueprint
) -> None:
    ours, theirs = Document(_copy(base)), Document(_copy(base))
    _, ours_touched = make_edits(data.draw, ours, "o", None)
    theirs_edits, _ = make_edits(data.draw, theirs, "t", ours_touched)
    expected = Document(_copy(ours.blueprint))
    for edit in theirs_edits:
        edit.replay(expected)
    merged = merge_documents(base, ours.blueprint, theirs.blueprint)
    assert merged.conflicts == []
    assert dumps(merged.document) == dumps(expected.blueprint)
    # a side that changed nothing gives the other side, as it is
    for x in (ours.blueprint, theirs.blueprint):
        for result in (merge_documents(base, base, x), merge_documents(base, x, base)):
            assert result.conflicts == [] and dumps(result.document) == dumps(x)
    assert dumps(merge_documents(base, base, base).document) == dumps(base)


@given(st.data(), blueprints(max_cards=10))
def test_any_two_sides_merge_to_a_valid_file_and_every_conflict_reads_as_one_line(
    data: st.DataObject, base: Blueprint
) -> None:
    ours, theirs = Document(_copy(base)), Document(_copy(base))
    same_names = data.draw(st.booleans())  # both sides' new elements then get the same ids
    make_edits(data.draw, ours, "x" if same_names else "o", None)
    make_edits(data.draw, theirs, "x" if same_names else "t", None)
    result = merge_documents(base, ours.blueprint, theirs.blueprint)
    assert dumps(loads(dumps(result.document))) == dumps(result.document)
    names = Names(*result.versions)
    for conflict in result.conflicts:
        line = conflict_line(conflict, names)
        assert line.startswith("CONFLICT (") and "\n" not in line
