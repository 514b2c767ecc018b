"""The canvas's look under an audience view's focus: the layout's focus state (`layout.focus`, the
same one the PDF, the images and the HTML draw) applied to the items as opacity and stronger
hand-off lines. Only items whose look changes are touched."""

from __future__ import annotations

from typing import TYPE_CHECKING

from blueprint.layout.focus import FADED_OPACITY, focus_state

if TYPE_CHECKING:
    from blueprint.ui.canvas.scene import BlueprintScene


def apply_focus(scene: BlueprintScene) -> None:
    """Fade and stress the scene's items for its audience's focus (all at full strength without one)."""
    state = focus_state(scene.layout, scene.audience.focus)
    for card_id, item in scene.cards.items():
        opacity = FADED_OPACITY if state is not None and state.card_faded(card_id) else 1.0
        if item.opacity() != opacity:
            item.setOpacity(opacity)
    for link_id, link in scene.links.items():
        strong = state is not None and state.route_strong(link_id)
        faded = state is not None and state.route_faded(link_id)
        link.set_strength(strong, faded)
