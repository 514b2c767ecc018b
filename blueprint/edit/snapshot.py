"""A cheap frozen copy of a blueprint, for work that runs beside the editor (validation on a thread).

Operations mutate only the element lists (cards, links, lanes, stages, functions, improvements,
views, a stage's steps) and
replace field values by assignment; nested values (fail points, tags, persona...) are never changed in
place. So copying the lists and each element shallowly is enough: later edits cannot reach the copy.
About 15-25 ms at 5,000 cards and 7,500 links, against 90 ms for a deep copy. `Snapshots` takes
them one after another and shares with the last one every element whose fields are as they were
(copies are never changed), so a snapshot after an edit copies only what the edit touched.
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
    return Snapshots().take(bp)


class Snapshots:
    """Successive snapshots of a blueprint (the findings watch takes one after each pause in editing).

    An element is copied again only when its fields differ from its last copy's (a C-level comparison
    of the two field dicts: their values are the same objects unless an edit replaced them); otherwise
    the last copy is shared. Stages and the blueprint itself, which hold lists of elements, are always
    copied (there are few of them)."""

    def __init__(self) -> None:
        #: The last copy of each element, by the element's id(). An id can be reused by a new element
        #: after the old one is gone; its last copy is shared only if its type and fields are the new
        #: element's, which makes it a right copy all the same.
        self._copies: dict[int, BaseModel] = {}
        self._last: Blueprint | None = None

    def take(
        self, bp: Blueprint, touched: list[BaseModel] | None = None, frame_touched: bool = True
    ) -> Blueprint:
        """A copy of `bp` that later edits of `bp` through operations leave untouched.

        `touched`, when the caller knows it: every card and link added or changed since the last
        copy (the Document names them from its edits). Then only those are copied, the lists are put
        together in C (a look-up per element by its id()), and when `frame_touched` is False (no lane,
        stage, step, function or blueprint field edited) those parts are the last copy's: at 40,000
        cards this is a few ms instead of 50-80."""
        last = self._last
        if touched is not None and last is not None and not frame_touched:
            copies = self._copies
            for element in touched:
                copies[id(element)] = _shallow(element)
            try:
                cards = list(map(copies.__getitem__, map(id, bp.cards)))
                links = list(map(copies.__getitem__, map(id, bp.links)))
            except KeyError:  # an element not named: copy everything as below
                pass
            else:
                result = _shallow(last)
                result.cards, result.links = cards, links
                if len(copies) > 2 * (len(cards) + len(links)) + 1000:  # removed elements' copies
                    self._copies = {}
                    self._last = None
                else:
                    self._last = result
                return result
        result = self._take(bp)
        self._last = result
        return result

    def _take(self, bp: Blueprint) -> Blueprint:
        old, new = self._copies, {}
        shallow = _shallow

        def copy_of(element: M) -> M:
            key = id(element)
            copied = old.get(key)
            if copied is None or type(copied) is not type(element) or copied.__dict__ != element.__dict__:
                copied = shallow(element)
            new[key] = copied
            return copied  # type: ignore[return-value]

        stages = []
        for stage in bp.stages:
            copied = shallow(stage)
            copied.steps = [copy_of(step) for step in stage.steps]
            stages.append(copied)
        result = shallow(bp)
        result.functions = [copy_of(f) for f in bp.functions]
        result.lanes = [copy_of(lane) for lane in bp.lanes]
        result.stages = stages
        result.cards = [copy_of(card) for card in bp.cards]
        result.links = [copy_of(link) for link in bp.links]
        result.improvements = [copy_of(plan) for plan in bp.improvements]
        result.views = [copy_of(view) for view in bp.views]
        self._copies = new
        return result
