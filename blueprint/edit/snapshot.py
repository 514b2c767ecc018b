"""A cheap frozen copy of a blueprint, for work that runs beside the editor (validation on a thread).

Operations mutate only the element lists (cards, links, lanes, stages, functions, a stage's steps) and
replace field values by assignment; nested values (fail points, tags, persona...) are never changed in
place. So copying the lists and each element shallowly is enough: later edits cannot reach the copy.
About 15-25 ms at 5,000 cards and 7,500 links, against 90 ms for a deep copy.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from blueprint.model import Blueprint

M = TypeVar("M", bound=BaseModel)


def _shallow(element: M) -> M:
    """Like copy.copy of a model, twice as fast (this runs on the UI thread for every element)."""
    cls = type(element)
    copied = cls.__new__(cls)
    object.__setattr__(copied, "__dict__", element.__dict__.copy())
    object.__setattr__(copied, "__pydantic_fields_set__", element.__pydantic_fields_set__)
    object.__setattr__(copied, "__pydantic_extra__", None)
    object.__setattr__(copied, "__pydantic_private__", None)
    return copied


def snapshot(bp: Blueprint) -> Blueprint:
    """A copy of `bp` that later edits of `bp` through operations leave untouched."""
    shallow = _shallow
    stages = []
    for stage in bp.stages:
        copied = shallow(stage)
        copied.steps = [shallow(step) for step in stage.steps]
        stages.append(copied)
    result = shallow(bp)
    result.functions = [shallow(f) for f in bp.functions]
    result.lanes = [shallow(lane) for lane in bp.lanes]
    result.stages = stages
    result.cards = [shallow(card) for card in bp.cards]
    result.links = [shallow(link) for link in bp.links]
    return result
