"""Random edit operations for property tests: one operation of any kind that fits the document."""

from __future__ import annotations

from hypothesis import strategies as st

from blueprint.edit import (
    AddCard,
    AddFunction,
    AddLane,
    AddLink,
    AddStage,
    AddStep,
    Document,
    MoveCard,
    MoveLane,
    MoveStep,
    Operation,
    RemoveCards,
    RemoveFunction,
    RemoveLane,
    RemoveLinks,
    RemoveStage,
    RemoveStep,
    SetCardFields,
    SetDocumentFields,
    SetFunctionFields,
    SetLaneFields,
    SetLinkFields,
    SetStageFields,
    SetStepFields,
    duplicate_cards,
    new_card,
)
from blueprint.model import Function, Lane, Link, Stage, Step

from strategies import text, title


def random_operation(draw: st.DrawFn, doc: Document, n: int) -> Operation | None:
    bp = doc.blueprint
    cards = [c.id for c in bp.cards]
    lanes = [lane.id for lane in bp.lanes]
    steps = [s.id for _, s in bp.all_steps()]
    stages = [s.id for s in bp.stages]
    functions = [f.id for f in bp.functions]
    links = [li.id for li in bp.links]
    pick = st.sampled_from
    choices: list = [
        lambda: SetDocumentFields(
            {"title": draw(title), "persona": draw(st.one_of(st.none(), st.just({"name": "P"})))}
        ),
        lambda: AddLane(Lane(id=f"x-lane{n}", name="L", kind="support"), draw(st.integers(0, len(lanes)))),
        lambda: AddStage(Stage(id=f"x-stage{n}", name="S", steps=[Step(id=f"x-step{n}", name="T")]), None),
        lambda: AddFunction(Function(id=f"x-fn{n}", name="F"), draw(st.integers(0, len(functions)))),
    ]
    if lanes and steps:
        choices.append(lambda: AddCard(new_card(doc, draw(pick(lanes)), draw(pick(steps)), draw(title))))
    if cards:
        choices += [
            lambda: RemoveCards(tuple(draw(st.lists(pick(cards), min_size=1, max_size=3, unique=True)))),
            lambda: MoveCard(
                draw(pick(cards)), draw(pick(lanes)), draw(pick(steps)), draw(st.integers(0, 4))
            ),
            lambda: SetCardFields(
                draw(pick(cards)),
                {"description": draw(text), "emotion": draw(st.one_of(st.none(), st.integers(-2, 2)))},
            ),
            lambda: SetCardFields(draw(pick(cards)), {"function": draw(pick([None, *functions]))}),
            lambda: duplicate_cards(doc, draw(st.lists(pick(cards), min_size=1, max_size=3, unique=True))),
        ]
    if len(cards) >= 2:
        choices.append(
            lambda: AddLink(Link(id=f"x-link{n}", source=draw(pick(cards)), target=draw(pick(cards))))
        )
    if links:
        choices += [
            lambda: RemoveLinks((draw(pick(links)),)),
            lambda: SetLinkFields(
                draw(pick(links)), {"label": draw(text), "kind": draw(pick(["flow", "loop"]))}
            ),
        ]
    if lanes:
        choices += [
            lambda: RemoveLane(draw(pick(lanes))),
            lambda: MoveLane(draw(pick(lanes)), draw(st.integers(0, len(lanes)))),
            lambda: SetLaneFields(draw(pick(lanes)), {"name": draw(title)}),
        ]
    if stages:
        choices += [
            lambda: RemoveStage(draw(pick(stages))),
            lambda: SetStageFields(draw(pick(stages)), {"job": draw(text)}),
            lambda: AddStep(draw(pick(stages)), Step(id=f"x-step{n}", name="T"), 0),
            lambda: RemoveStep(draw(pick(steps))),
            lambda: MoveStep(draw(pick(steps)), draw(pick(stages)), draw(st.integers(0, 3))),
            lambda: SetStepFields(draw(pick(steps)), {"name": draw(title)}),
        ]
    if functions:
        choices += [
            lambda: RemoveFunction(draw(pick(functions))),
            lambda: SetFunctionFields(draw(pick(functions)), {"color": draw(pick([None, "#123456"]))}),
        ]
    return draw(pick(choices))()
