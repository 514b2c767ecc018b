"""The colours of cards by lane kind, and of new functions, as plain hex strings: the PDF, the images and
the editor's canvas all use these, so a blueprint looks the same wherever it is drawn (no reportlab or
Qt here)."""

from __future__ import annotations

from functools import lru_cache

from blueprint.layout.focus import FADED_OPACITY

#: (card fill, card border) per lane kind.
CARD_COLORS: dict[str, tuple[str, str]] = {
    "evidence": ("#ECEFF1", "#78909C"),
    "customer": ("#E3F2FD", "#1E88E5"),
    "frontstage": ("#E8F5E9", "#43A047"),
    "backstage": ("#FFF3E0", "#EF6C00"),
    "support": ("#F3E5F5", "#8E24AA"),
    "notes": ("#FFF59D", "#F9A825"),
}

#: The improvement marker ("Plan", white on this teal) on cards an open improvement plan targets.
PLAN = "#00796B"


#: Line width of a hand-off into or out of a function in focus (a hand-off is 1.3 pt otherwise).
STRONG_HANDOFF_WIDTH = 2.4


@lru_cache(maxsize=256)
def faded(colour: str, strength: float = FADED_OPACITY) -> str:
    """`colour` ("#RRGGBB") mixed with white, keeping `strength` of it (the focus's faded opacity by
    default): how a faded line looks on white paper, without transparency."""
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02X}" for c in channels)


#: Colours given to new functions, in the order they are handed out. A function's colour is the strip
#: down a card's left edge, so each has at least 3:1 contrast with every card and lane fill, stays clear
#: of the lane kinds' border colours (a strip must not melt into the card's own border) and differs
#: from the others (tests/export/test_export_palette.py measures all three).
FUNCTION_COLORS: tuple[str, ...] = (
    "#0072B2",  # blue
    "#C62828",  # red
    "#007A5E",  # green
    "#AA3377",  # magenta
    "#8C6D00",  # ochre
    "#3F51B5",  # indigo
    "#00838F",  # teal
    "#6D4C41",  # brown
    "#37474F",  # slate
    "#1B5E20",  # dark green
)


def next_function_color(used: list[str | None] | tuple[str | None, ...]) -> str:
    """The first palette colour no function uses yet (case-insensitive); when all are taken, the one
    used least, so two new functions in a row never share a colour while another is free."""
    taken = [color.upper() for color in used if color]
    for color in FUNCTION_COLORS:
        if color not in taken:
            return color
    return min(FUNCTION_COLORS, key=lambda color: (taken.count(color), FUNCTION_COLORS.index(color)))
