"""The faster constructor of the layout's value objects builds the same frozen values."""

from __future__ import annotations

import dataclasses

import pytest

from blueprint.layout.quickinit import quick_init
from blueprint.layout.shapes import Box, Route


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
