"""The words the editor shows for the model's fixed choices, in one place: the card menu, the Inspector,
the Functions panel and the dialogs all read them here, so a designer never sees two names (or two
orders) for one thing."""

from __future__ import annotations

#: (value, label) of a card's emotion, happiest first (as the curve draws them: up is good).
EMOTIONS: tuple[tuple[int | None, str], ...] = (
    (None, "Not set"),
    (2, "+2 Delighted"),
    (1, "+1 Pleased"),
    (0, "0 Neutral"),
    (-1, "−1 Annoyed"),
    (-2, "−2 Upset"),
)

#: (kind, name) of a lane, in the order lanes usually run down a blueprint.
LANE_KINDS: tuple[tuple[str, str], ...] = (
    ("evidence", "Physical evidence"),
    ("customer", "Customer actions"),
    ("frontstage", "Frontstage"),
    ("backstage", "Backstage"),
    ("support", "Support processes"),
    ("notes", "Notes"),
)
LANE_NAMES: dict[str, str] = dict(LANE_KINDS)

#: A card with no function, in the card menu's Set function and the Inspector's Function box alike.
NO_FUNCTION = "No function"

#: (kind, name) of a function.
FUNCTION_KINDS: tuple[tuple[str, str], ...] = (
    ("team", "Team"),
    ("role", "Role"),
    ("system", "System"),
    ("partner", "Partner"),
)


def choices(pairs: tuple[tuple[object, str], ...]) -> list[tuple[str, object]]:
    """(label, value) pairs for a ChoiceBox from (value, label) pairs."""
    return [(label, value) for value, label in pairs]
