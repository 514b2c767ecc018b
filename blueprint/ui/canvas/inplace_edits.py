"""Where the in-place editor opens: a card's title, a new card in a cell, a link's label, and the
names of lanes, stages and steps. A mixin of the canvas view (it needs the view's scene and editor)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF

from blueprint.layout import metrics as m
from blueprint.ui.canvas.grid_cursor import header_ids
from blueprint.ui.canvas.inplace import InPlaceEditor

if TYPE_CHECKING:
    from blueprint.ui.canvas.editing import CanvasEditor


class InPlaceEditing:
    """In-place editing for BlueprintView (`self` is the view)."""

    # provided by BlueprintView: editor, inplace, scene(), cancel_gesture(), ensureVisible()
    editor: CanvasEditor
    inplace: InPlaceEditor | None

    def _open_editor(
        self,
        rect: QRectF,
        text: str,
        commit: Callable[[str], object],
        placeholder: str = "",
        multi_line: bool = False,
        on_tab: Callable[[bool], None] | None = None,
    ) -> None:
        self.cancel_gesture()
        self.ensureVisible(rect, 20, 20)

        def ended() -> None:
            self.inplace = None

        self.inplace = InPlaceEditor(self, rect, text, commit, ended, placeholder, multi_line, on_tab)

    def edit_title(self, card_id: str) -> None:
        """Type a card's title in place (F2, or a double-click on the card)."""
        item = self.scene().cards.get(card_id)
        card = self.editor.document.card(card_id)
        if item is None or card is None:
            return
        self.editor.selection.set([card_id])
        self._open_editor(
            item.rect(),
            card.title,
            lambda text: self.editor.set_card_fields(card_id, {"title": text.strip()}),
        )

    def edit_description(self, card_id: str) -> None:
        """Type a card's description in place (Shift+F2, or a double-click on its description):
        several lines (Shift+Enter), Enter commits, Escape cancels; emptying it removes it."""
        item = self.scene().cards.get(card_id)
        card = self.editor.document.card(card_id)
        if item is None or card is None:
            return
        self.editor.selection.set([card_id])
        before = card.description

        def commit(text: str) -> None:
            if text.strip() != before:
                self.editor.set_card_fields(card_id, {"description": text.strip()}, "Edit description")

        rect = item.rect()
        shape = self.scene().layout.cards.get(card_id)
        if shape is not None:  # below the title, so the card's title stays in sight
            top = rect.top() + m.CARD_PAD + (m.MARKER_HEIGHT / 2 if shape.markers else 0)
            top += len(shape.title_lines) * m.TITLE_LEADING + m.BLOCK_GAP / 2
            rect = QRectF(rect.left(), top, rect.width(), max(rect.bottom() - top, 10.0))
        self._open_editor(rect, before, commit, "What happens here, in more detail", multi_line=True)

    def edit_selected_description(self) -> None:
        cards = self.editor.selected_cards()
        if cards:
            self.edit_description(cards[-1])

    def edit_label(self, link_id: str, near: QPointF) -> None:
        """Type what a link hands over, in place (a double-click on the link)."""
        link = self.editor.document.link(link_id)
        if link is None:
            return
        self.editor.selection.set([link_id])
        rect = QRectF(near.x() - 60, near.y() - 11, 140, 22)
        self._open_editor(
            rect,
            link.label,
            lambda text: self.editor.set_link_label(link_id, text.strip()),
            "What is handed over",
        )

    def new_card_in(self, lane_id: str, step_id: str) -> None:
        """Type the title of a new card in an empty place of a cell; Enter creates it (one undo step)."""
        scene = self.scene()
        cell = scene.layout.cells.get((lane_id, step_id))
        rect = scene.cell_rect(lane_id, step_id) or QRectF()
        top = rect.top() + 16
        if cell is not None and cell.card_ids:
            top = scene.layout.cards[cell.card_ids[-1]].box.bottom + 8
        target = QRectF(rect.left() + 12, top, rect.width() - 24, 24)
        self._open_editor(
            target,
            "",
            lambda text: self.editor.add_card(lane_id, step_id, text),
            placeholder="New card title",
        )

    def edit_selection(self) -> None:
        """F2: type the selected card's title, the selected link's label, or the selected lane's,
        stage's or step's name, in place."""
        cards = self.editor.selected_cards()
        if cards:
            self.edit_title(cards[-1])
        elif self.editor.selection.ids:
            element_id = self.editor.selection.ids[-1]
            kind = self.editor.document.kind_of(element_id)
            if kind in ("lane", "stage", "step"):
                self.edit_name(kind, element_id)
            elif kind == "link":
                route = self.scene().layout.routes.get(element_id)
                if route is not None:
                    x, y = route.label_pos or _middle(route.points)
                    self.edit_label(element_id, QPointF(x, y))

    def edit_name(self, kind: str, element_id: str) -> None:
        """Rename a lane, stage or step in place."""
        scene = self.scene()
        layout = scene.layout
        rect, name = None, ""
        if kind == "lane":
            for lane in layout.lanes:
                if lane.lane_id == element_id:
                    rect = scene.lane_header.mapRectToScene(_qrect(lane.header))  # type: ignore[union-attr]
                    name = lane.name
        elif kind == "step":
            for step in layout.steps:
                if step.step_id == element_id:
                    rect = scene.top_header.mapRectToScene(_qrect(step.box))  # type: ignore[union-attr]
                    name = step.name
        else:
            for stage in layout.stages:
                if stage.stage_id == element_id:
                    rect = scene.top_header.mapRectToScene(_qrect(stage.box))  # type: ignore[union-attr]
                    name = stage.name
        if rect is not None:
            self._open_editor(
                rect,
                name,
                lambda text: self.editor.rename(kind, element_id, text),
                on_tab=lambda forward: self.edit_next_name(kind, element_id, forward),
            )

    def edit_next_name(self, kind: str, element_id: str, forward: bool = True) -> None:
        """Tab in a name: the next lane's, stage's or step's name (Shift+Tab: the one before), selected
        and open for typing; past the last one the editor just closes."""
        ids = header_ids(self.editor.document.blueprint, kind)
        if element_id not in ids:
            return
        index = ids.index(element_id) + (1 if forward else -1)
        if 0 <= index < len(ids):
            self.editor.select([ids[index]])
            self.edit_name(kind, ids[index])


def _qrect(box) -> QRectF:  # type: ignore[no-untyped-def]
    return QRectF(box.x, box.y, box.w, box.h)


def _middle(points: tuple[tuple[float, float], ...]) -> tuple[float, float]:
    """The point halfway along a polyline."""
    segments = list(pairwise(points))
    lengths = [abs(bx - ax) + abs(by - ay) for (ax, ay), (bx, by) in segments]
    half = sum(lengths) / 2
    for ((ax, ay), (bx, by)), length in zip(segments, lengths, strict=True):
        if half <= length and length:
            t = half / length
            return ax + (bx - ax) * t, ay + (by - ay) * t
        half -= length
    return points[-1]
