"""Arrow keys move the selection from card to card, by position on the grid."""

from __future__ import annotations

from PySide6.QtCore import Qt

from blueprint.layout.shapes import Layout

DIRECTIONS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


def next_card(
    layout: Layout, selected: list[str], direction: tuple[int, int], origin: tuple[float, float] | None = None
) -> str | None:
    """The nearest card in `direction` from the last selected card, else from `origin` (the centre of
    the chosen cell), else the first card."""
    if not layout.cards:
        return None
    current = layout.cards.get(selected[-1]) if selected else None
    if current is None and origin is None:
        return next(iter(layout.cards))
    cx, cy = current.box.center if current is not None else origin  # type: ignore[misc]
    dx, dy = direction
    best, best_score = None, float("inf")
    for card_id, shape in layout.cards.items():
        if current is not None and card_id == current.card_id:
            continue
        x, y = shape.box.center
        along = (x - cx) * dx + (y - cy) * dy
        if along <= 1 and current is not None:
            continue
        if along < 0:  # from a cell, a card in that cell counts as ahead
            continue
        across = abs((x - cx) * dy) + abs((y - cy) * dx)
        score = along + 3 * across  # prefer cards straight ahead (same lane, or same column)
        if score < best_score:
            best, best_score = card_id, score
    return best
