"""The colours of cards by lane kind, as plain hex strings: the PDF, the images and the editor's canvas
all use these, so a blueprint looks the same wherever it is drawn (no reportlab or Qt here)."""

from __future__ import annotations

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
