"""The focus state of a layout: which cards and links a drawing fades, and which hand-offs it stresses.

An audience view or a hand-off sheet puts some functions "in focus": their cards, and the customer's
and the physical evidence, stay at full strength; every other card is faded. A link at full strength
joins two cards at full strength; a hand-off into or out of a focused function is drawn strongly; every
other link is faded. The PDF, the images, the HTML and the editor's canvas all ask this one function,
so they fade and stress the same things. It is an explicit input to drawing, not part of the layout:
geometry does not change with focus.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from blueprint.layout.shapes import CardBox, Layout, Route

#: How much of its strength a faded card or link keeps (an opacity, everywhere it is drawn).
FADED_OPACITY = 0.3
#: Lane kinds whose cards stay at full strength whatever the focus: the customer and what they see.
ALWAYS_SHOWN_KINDS = frozenset({"customer", "evidence"})


@dataclass(frozen=True, slots=True)
class FocusState:
    """The functions in focus and what follows for one layout's cards and routes (ids)."""

    functions: frozenset[str]
    faded_cards: frozenset[str]
    faded_routes: frozenset[str]
    strong_routes: frozenset[str]

    def card_faded(self, card_id: str) -> bool:
        return card_id in self.faded_cards

    def route_faded(self, link_id: str) -> bool:
        return link_id in self.faded_routes

    def route_strong(self, link_id: str) -> bool:
        return link_id in self.strong_routes


def card_in_focus(card: CardBox, functions: frozenset[str]) -> bool:
    """True when `card` stays at full strength with `functions` in focus."""
    return card.lane_kind in ALWAYS_SHOWN_KINDS or (
        card.function_id is not None and card.function_id in functions
    )


def route_strength(route: Route, cards: dict[str, CardBox], functions: frozenset[str]) -> str:
    """ "strong" (a hand-off into or out of a focused function), "full" (both ends at full strength)
    or "faded"."""
    source, target = cards.get(route.source), cards.get(route.target)
    if source is None or target is None:
        return "faded"
    if route.is_handoff and (source.function_id in functions or target.function_id in functions):
        return "strong"
    if card_in_focus(source, functions) and card_in_focus(target, functions):
        return "full"
    return "faded"


def focus_state(layout: Layout, functions: Iterable[str]) -> FocusState | None:
    """The focus state of `layout` with `functions` in focus; None when no function is in focus (the
    drawing is the plain one)."""
    chosen = frozenset(functions)
    if not chosen:
        return None
    cards = layout.cards
    faded_cards = frozenset(i for i, card in cards.items() if not card_in_focus(card, chosen))
    faded, strong = [], []
    for link_id, route in layout.routes.items():
        strength = route_strength(route, cards, chosen)
        if strength == "faded":
            faded.append(link_id)
        elif strength == "strong":
            strong.append(link_id)
    return FocusState(chosen, faded_cards, frozenset(faded), frozenset(strong))
