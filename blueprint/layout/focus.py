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

from blueprint.layout.shapes import CardBox, Layout, Route

#: How much of its strength a faded card or link keeps (an opacity, everywhere it is drawn).
FADED_OPACITY = 0.3
#: Lane kinds whose cards stay at full strength whatever the focus: the customer and what they see.
ALWAYS_SHOWN_KINDS = frozenset({"customer", "evidence"})


class FocusState:
    """The functions in focus and what follows for one layout's cards and routes, asked per id (a
    hand-off sheet draws a few columns of a 5,000-card layout: only what it draws is looked at).
    `faded_cards`, `faded_routes` and `strong_routes` give the whole sets."""

    __slots__ = ("_cards", "_routes", "functions", "layout")

    def __init__(self, layout: Layout, functions: frozenset[str]) -> None:
        self.layout = layout
        self.functions = functions
        self._cards: dict[str, bool] = {}
        self._routes: dict[str, str] = {}

    def card_faded(self, card_id: str) -> bool:
        faded = self._cards.get(card_id)
        if faded is None:
            card = self.layout.cards.get(card_id)
            faded = self._cards[card_id] = card is not None and not card_in_focus(card, self.functions)
        return faded

    def _strength(self, link_id: str) -> str:
        strength = self._routes.get(link_id)
        if strength is None:
            route = self.layout.routes.get(link_id)
            strength = "full" if route is None else route_strength(route, self.layout.cards, self.functions)
            self._routes[link_id] = strength
        return strength

    def route_faded(self, link_id: str) -> bool:
        return self._strength(link_id) == "faded"

    def route_strong(self, link_id: str) -> bool:
        return self._strength(link_id) == "strong"

    @property
    def faded_cards(self) -> frozenset[str]:
        return frozenset(i for i in self.layout.cards if self.card_faded(i))

    @property
    def faded_routes(self) -> frozenset[str]:
        return frozenset(i for i in self.layout.routes if self.route_faded(i))

    @property
    def strong_routes(self) -> frozenset[str]:
        return frozenset(i for i in self.layout.routes if self.route_strong(i))


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
    return FocusState(layout, chosen) if chosen else None
