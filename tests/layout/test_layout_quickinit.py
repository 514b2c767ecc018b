"""The faster constructor of the layout's value objects builds the same frozen values."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from blueprint.layout.quickinit import positional_maker, quick_init
from blueprint.layout.shapes import Box, CardBox, Cell, Route


def test_positional_keyword_and_default_arguments_build_equal_values() -> None:
    a = Route("l1", "a", "b", ((0.0, 0.0), (5.0, 0.0)), "label", (2.5, 0.0), "flow", True)
    b = Route(
        link_id="l1",
        source="a",
        target="b",
        points=((0.0, 0.0), (5.0, 0.0)),
        label="label",
        label_pos=(2.5, 0.0),
        is_handoff=True,
    )
    assert a == b and hash(a) == hash(b)
    assert a.label_text == "" and a.label_moved is False and a.shifted_by == 0.0
    assert dataclasses.replace(a, label="other").label == "other"


def test_the_values_stay_frozen_and_arguments_are_checked() -> None:
    box = Box(1.0, 2.0, 3.0, 4.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        box.x = 5.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        Box(1.0, 2.0, 3.0)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Box(1.0, 2.0, 3.0, 4.0, 5.0)  # type: ignore[call-arg]
    assert box.right == 4.0 and box.bottom == 6.0


def test_classes_it_cannot_serve_are_refused() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list[int] = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError, match="WithFactory"):
        quick_init(WithFactory)


def test_the_positional_maker_builds_the_class_own_frozen_value() -> None:
    make = positional_maker(Route)
    args = (
        "l1",
        "a",
        "b",
        ((0.0, 0.0), (5.0, 0.0)),
        "label",
        (2.5, 0.0),
        "flow",
        True,
        "lab",
        False,
        True,
        False,
    )
    made = make(*args, 1.5)
    built = Route(*args, shifted_by=1.5)
    assert type(made) is Route and made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert made.shifted_by == 1.5
    assert copy.copy(made) == made and pickle.loads(pickle.dumps(made)) == made
    assert dataclasses.replace(made, label="other").label == "other"
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.label = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        make(*args)  # every field must be given
    for cls in (Box, Cell, CardBox):
        positional_maker(cls)


def test_the_positional_maker_refuses_classes_without_matching_slots() -> None:
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        x: int

    with pytest.raises(TypeError, match="NoSlots"):
        positional_maker(NoSlots)
