"""Function colours: readable as a strip on every card fill, apart from the lane borders and each other."""

from __future__ import annotations

import itertools

from blueprint.export.palette import CARD_COLORS, FUNCTION_COLORS, next_function_color

LANE_FILLS = ("#FFFFFF", "#F7F8FA")  # the grid's alternating lane fills (canvas and PDF)


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _rgb(color: str) -> tuple[float, float, float]:
    return tuple(_linear(int(color[i : i + 2], 16) / 255) for i in (1, 3, 5))  # type: ignore[return-value]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio."""
    la, lb = (0.2126 * r + 0.7152 * g + 0.0722 * b_ for r, g, b_ in (_rgb(a), _rgb(b)))
    high, low = max(la, lb), min(la, lb)
    return (high + 0.05) / (low + 0.05)


def lab_distance(a: str, b: str) -> float:
    """CIE76 colour difference (about 2.3 is just noticeable; 20 and more reads as another colour)."""

    def lab(color: str) -> tuple[float, float, float]:
        r, g, b = _rgb(color)
        x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

        def f(v: float) -> float:
            return v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116

        return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))

    return sum((p - q) ** 2 for p, q in zip(lab(a), lab(b), strict=True)) ** 0.5


def test_function_colours_read_on_every_fill_and_differ_from_borders_and_each_other() -> None:
    fills = [fill for fill, _ in CARD_COLORS.values()] + list(LANE_FILLS)
    borders = [border for _, border in CARD_COLORS.values()]
    assert len(FUNCTION_COLORS) >= 10
    for color in FUNCTION_COLORS:
        assert min(contrast(color, fill) for fill in fills) >= 3.0, color
        assert min(lab_distance(color, border) for border in borders) >= 15, color
    for a, b in itertools.combinations(FUNCTION_COLORS, 2):
        assert lab_distance(a, b) >= 15, (a, b)


def test_new_functions_take_the_first_free_colour() -> None:
    assert next_function_color([]) == FUNCTION_COLORS[0]
    assert next_function_color([FUNCTION_COLORS[0].lower(), None]) == FUNCTION_COLORS[1]
    everything = [*list(FUNCTION_COLORS), FUNCTION_COLORS[0]]
    assert next_function_color(everything) == FUNCTION_COLORS[1]  # the least used once all are taken
