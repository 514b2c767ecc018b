"""An audience view as drawing input: the document with its hidden lanes left out, and the functions
in focus (format version 2 `views`).

Hidden lanes leave the drawing entirely (no blank rows): `shown_blueprint` gives the document without
them, their cards and every link that touches one of those cards, so the one layout (`compute_layout`)
lays out only what the audience sees. Plans are trimmed to the targets still shown. The result is for
drawing and reading only; it is never saved or edited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from blueprint.model import Blueprint, View


@dataclass(frozen=True, slots=True)
class Audience:
    """What a drawing shows: lanes left out and functions in focus (both may be empty)."""

    hidden_lanes: frozenset[str] = frozenset()
    focus: tuple[str, ...] = ()
    #: The saved view's name, for the outputs' headings ("view: Front of house"); not part of what
    #: is shown, so two audiences showing the same are equal whatever they are called.
    name: str | None = field(default=None, compare=False)

    @classmethod
    def of_view(cls, view: View) -> Audience:
        return cls(frozenset(view.hidden_lanes), tuple(view.focus), view.name)

    @property
    def heading(self) -> str | None:
        """ "view: NAME" for the facts line of a page drawn for a view (long names cut), else None."""
        if not self.name:
            return None
        name = " ".join(self.name.split())
        return "view: " + (name if len(name) <= 60 else name[:59] + "…")

    @property
    def is_everything(self) -> bool:
        return not self.hidden_lanes and not self.focus

    def within(self, doc: Blueprint) -> Audience:
        """The same audience less the lanes and functions `doc` no longer has (after an edit)."""
        lanes = {lane.id for lane in doc.lanes}
        functions = {function.id for function in doc.functions}
        return Audience(
            frozenset(i for i in self.hidden_lanes if i in lanes),
            tuple(i for i in self.focus if i in functions),
            self.name,
        )


EVERYTHING = Audience()


def shown_blueprint(doc: Blueprint, hidden_lanes: Iterable[str]) -> Blueprint:
    """`doc` without the lanes in `hidden_lanes`, their cards and the links that touch those cards;
    `doc` itself when nothing is hidden. Not validated again (a copy of valid parts stays valid)."""
    hidden = frozenset(hidden_lanes)
    if not hidden or not any(lane.id in hidden for lane in doc.lanes):
        return doc
    cards = [card for card in doc.cards if card.lane not in hidden]
    kept = {card.id for card in cards}
    links = [link for link in doc.links if link.source in kept and link.target in kept]
    shown = kept | {link.id for link in links}
    improvements = []
    for plan in doc.improvements:
        targets = [t for t in plan.targets if t in shown]
        if targets:
            improvements.append(
                plan if len(targets) == len(plan.targets) else plan.model_copy(update={"targets": targets})
            )
    return doc.model_copy(
        update={
            "lanes": [lane for lane in doc.lanes if lane.id not in hidden],
            "cards": cards,
            "links": links,
            "improvements": improvements,
        }
    )


def view_by_id(doc: Blueprint, view_id: str) -> View | None:
    return doc.views_by_id().get(view_id)
