"""The canvas view: zoom, pan, frozen headers, and the mouse and keyboard gestures of the canvas.

Mouse presses start one interaction (pan, move, connect, rubber band, drag a header to reorder);
double-clicks and F2 open an in-place editor; the context menu depends on what is under the mouse (card,
link, header, lane name), or on the selection for the Menu key. The keys are the window's actions
(`blueprint/ui/actions.py`); what they do on the canvas is `keyboard_work.py`.

Edits never move what the designer sees: when the blueprint grows or shrinks, the point at the top-left
of the view stays there (the scroll area takes in what was in sight); zooming and fitting start afresh.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from blueprint.ui.canvas.cell_cursor import CellCursor
from blueprint.ui.canvas.editing import CanvasEditor
from blueprint.ui.canvas.header_drag import HeaderDragInteraction
from blueprint.ui.canvas.inplace import InPlaceEditor
from blueprint.ui.canvas.inplace_edits import InPlaceEditing
from blueprint.ui.canvas.interactions import (
    ConnectInteraction,
    Interaction,
    MoveCardsInteraction,
    PanInteraction,
    RubberBandInteraction,
)
from blueprint.ui.canvas.keyboard_work import KeyboardWork
from blueprint.ui.canvas.menus import context_menu
from blueprint.ui.canvas.scene import BlueprintScene

MIN_ZOOM, MAX_ZOOM = 0.01, 4.0
TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
ZOOM_STEP = 1.25
EDGE = 24  # view pixels from an edge where a drag starts scrolling
SCROLL_STEP = 18


class BlueprintView(KeyboardWork, InPlaceEditing, QGraphicsView):
    """Shows a BlueprintScene; owns the gesture in progress and the in-place editor."""

    zoom_changed = Signal(float)
    #: A one-line message for the status bar (e.g. why an edit was refused).
    message = Signal(str)

    def __init__(self, scene: BlueprintScene, editor: CanvasEditor, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.editor = editor
        self.interaction: Interaction | None = None
        self.inplace: InPlaceEditor | None = None
        self.space_held = False
        self.cell: tuple[str, str] | None = None  # the chosen cell (keyboard_work.py)
        self.cell_cursor = CellCursor()
        self._drag_point = QPoint()
        self._edge_timer = QTimer(self)
        self._edge_timer.setInterval(30)
        self._edge_timer.timeout.connect(self._edge_tick)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # a blueprint smaller than the window sits at its top-left corner (where it grows from, so an
        # edit never moves it); after Fit to Window, in its middle (see `fit` and `zoom_actual`)
        self.setAlignment(TOP_LEFT)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.setToolTip("")
        self.horizontalScrollBar().valueChanged.connect(self.refreeze)
        self.verticalScrollBar().valueChanged.connect(self.refreeze)
        editor.selection.centre_requested.connect(self.centre_on_ids)
        editor.selection.changed.connect(self.update_cell_cursor)
        self._connect(scene, editor)
        self.update_cell_cursor()

    def scene(self) -> BlueprintScene:  # type: ignore[override]
        return super().scene()  # type: ignore[return-value]

    def set_document_scene(self, scene: BlueprintScene, editor: CanvasEditor) -> None:
        """Show another document's scene (after New or Open)."""
        self.cancel_gesture()
        self.setScene(scene)
        self._connect(scene, editor)
        self.editor = editor
        self.cell = None
        self.update_cell_cursor()
        self.refreeze()

    def _connect(self, scene: BlueprintScene, editor: CanvasEditor) -> None:
        editor.problem = self.message.emit
        scene.extent_changed.connect(self._follow_extent)
        self._follow_extent(scene.extent)

    def _follow_extent(self, extent: QRectF) -> None:
        """Scroll over the blueprint itself (the scene's own rect is roomier, see BlueprintScene). After
        an edit (the scene says its extent changed) the top-left of what is in sight stays put."""
        if self.sender() not in (None, self.scene()):
            return  # a scene shown before this one
        if self.sender() is None or not self.isVisible():
            self.setSceneRect(extent)
            self.refreeze()
            return
        top_left = self.mapToScene(0, 0)
        seen = QRectF(top_left, self.visible_scene_rect().size())
        self.setSceneRect(extent.united(seen))
        self.scroll_to_top_left(top_left)
        self.refreeze()

    def scroll_to_top_left(self, point: QPointF) -> None:
        """Scroll so that scene `point` is at the viewport's top-left corner (as near as the scroll
        bars allow)."""
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        for _ in range(2):  # the second round takes in scroll bars that came or went
            now = self.mapToScene(0, 0)
            h.setValue(h.value() + round((point.x() - now.x()) * self.zoom))
            v.setValue(v.value() + round((point.y() - now.y()) * self.zoom))

    def fit_extent(self) -> None:
        """Scroll over the blueprint alone again (after zooming: what was kept in sight is let go)."""
        extent = self.scene().extent
        if self.sceneRect() != extent:
            self.setSceneRect(extent)

    # --- zoom, pan, frozen headers --------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        """Zoom to `factor`, between MIN_ZOOM (or less, as far as Fit to Window needs) and MAX_ZOOM."""
        factor = max(min(MIN_ZOOM, self.fit_factor() or MIN_ZOOM), min(MAX_ZOOM, factor))
        if abs(factor - self.zoom) < 1e-9:
            return
        self.fit_extent()
        self.setTransform(QTransform.fromScale(factor, factor))
        self.refreeze()
        self.zoom_changed.emit(factor)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def zoom_actual(self) -> None:
        """Show the blueprint at 100%, keeping the selected cards in sight (centred on them), else
        the point that was in the middle of the view (never a jump to the blueprint's middle)."""
        cards = self.scene().cards
        rect = QRectF()
        for card_id in self.editor.selected_cards():
            item = cards.get(card_id)
            if item is not None:
                rect = rect.united(item.rect())
        centre = rect.center() if not rect.isNull() else self.visible_scene_rect().center()
        self.fit_extent()
        self.setAlignment(TOP_LEFT)
        self.set_zoom(1.0)
        self.centerOn(centre)
        self.refreeze()

    def fit_factor(self) -> float | None:
        """The zoom at which the whole blueprint fits the window without scroll bars (None before
        the window has a size). A very wide blueprint needs less than MIN_ZOOM."""
        extent = self.sceneRect()
        view = self.viewport().rect()
        if extent.width() <= 0 or extent.height() <= 0 or view.width() < 10:
            return None
        # the viewport as it is without scroll bars (fitted, it has none)
        width = view.width() + (
            self.verticalScrollBar().width() if self.verticalScrollBar().isVisible() else 0
        )
        height = view.height() + (
            self.horizontalScrollBar().height() if self.horizontalScrollBar().isVisible() else 0
        )
        return min(MAX_ZOOM, (width - 8) / extent.width(), (height - 8) / extent.height())

    def fit(self) -> None:
        """Zoom so the whole blueprint fits the window, in its middle, with no scroll bar."""
        self.fit_extent()
        factor = self.fit_factor()
        if factor is None:
            return
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_zoom(factor)
        self.centerOn(self.sceneRect().center())
        self.refreeze()

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def refreeze(self, *_: object) -> None:
        """Move the frozen headers to the visible edges."""
        if self.scene() is not None:
            self.scene().freeze_headers(self.visible_scene_rect())

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        scene = self.scene()
        if scene is not None and scene.has_behind:  # items out of sight are told after a paint
            scene.before_paint(self.visible_scene_rect())
        super().paintEvent(event)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.refreeze()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.refreeze()

    def centre_on_ids(self, ids: tuple) -> None:  # type: ignore[type-arg]
        """Bring the cards (or links) with these ids into sight."""
        scene = self.scene()
        rect = QRectF()
        for element_id in ids:
            item = scene.cards.get(element_id) or scene.links.get(element_id)
            if item is not None:
                rect = rect.united(item.sceneBoundingRect())
        if not rect.isNull():
            self.ensureVisible(rect, 60, 60)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom * (ZOOM_STEP**steps))
            event.accept()
            return
        super().wheelEvent(event)

    # --- mouse ----------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.inplace is not None:
            self.inplace.commit()
        if self.interaction is not None:
            return
        pos = self.mapToScene(event.position().toPoint())
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (button == Qt.MouseButton.LeftButton and self.space_held):
            self.interaction = PanInteraction(self, event.position())
            event.accept()
            return
        if button != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.interaction = self._start(pos, bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))
        event.accept()

    def _start(self, pos: QPointF, toggle: bool) -> Interaction | None:
        scene, selection = self.scene(), self.editor.selection
        header = scene.header_at(pos)
        if header is not None:
            selection.set([header[1]])
            return None if toggle else HeaderDragInteraction(self, header[0], header[1], pos)
        if scene.in_header(pos):
            return None
        handle = scene.handle_at(pos)
        if handle is not None and not toggle:
            return ConnectInteraction(self, handle)
        card = scene.card_at(pos)
        if card is not None:
            if toggle:
                ids = list(selection.ids)
                selection.set(
                    [i for i in ids if i != card.card_id] if card.card_id in ids else [*ids, card.card_id]
                )
                return None
            if card.card_id not in selection.ids:
                selection.set([card.card_id])
            return MoveCardsInteraction(self, self.editor.selected_cards() or [card.card_id], pos)
        link = scene.link_at(pos)
        if link is not None:
            ids = list(selection.ids)
            if toggle:
                selection.set(
                    [i for i in ids if i != link.link_id] if link.link_id in ids else [*ids, link.link_id]
                )
            else:
                selection.set([link.link_id])
            return None
        if not toggle:
            selection.clear()
            self.set_cell(scene.cell_at(pos))
        return RubberBandInteraction(self, pos, add=toggle)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if isinstance(self.interaction, PanInteraction):
            self.interaction.move_viewport(event.position())
        elif self.interaction is not None:
            self._drag_point = event.position().toPoint()
            self._scroll_near_edge()
            self.interaction.move(self.mapToScene(self._drag_point))
        else:
            super().mouseMoveEvent(event)
            on_handle = self.scene().handle_at(self.mapToScene(event.position().toPoint())) is not None
            if on_handle:
                self.viewport().setCursor(Qt.CursorShape.CrossCursor)
            elif not self.space_held:
                self.viewport().unsetCursor()

    def _scroll_near_edge(self) -> None:
        """While dragging, scroll (and keep scrolling) when the mouse is near an edge of the view."""
        point = self._drag_point
        rect = self.viewport().rect()
        zoom = self.zoom
        layout = self.scene().layout
        left = layout.lane_header_width * zoom + EDGE
        top = layout.top_header_height * zoom + EDGE
        dx = -SCROLL_STEP if point.x() < left else SCROLL_STEP if point.x() > rect.right() - EDGE else 0
        dy = -SCROLL_STEP if point.y() < top else SCROLL_STEP if point.y() > rect.bottom() - EDGE else 0
        if isinstance(self.interaction, HeaderDragInteraction):  # a header moves along one axis only
            if self.interaction.kind == "lane":
                dx = 0
            else:
                dy = 0
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        moved = False
        if dx and h.minimum() <= h.value() + dx <= h.maximum():
            h.setValue(h.value() + dx)
            moved = True
        if dy and v.minimum() <= v.value() + dy <= v.maximum():
            v.setValue(v.value() + dy)
            moved = True
        if moved and not self._edge_timer.isActive():
            self._edge_timer.start()
        elif not moved:
            self._edge_timer.stop()

    def _edge_tick(self) -> None:
        """The mouse rests near an edge during a drag: scroll on, and let the gesture follow."""
        if self.interaction is None or isinstance(self.interaction, PanInteraction):
            self._edge_timer.stop()
            return
        self._scroll_near_edge()
        self.interaction.move(self.mapToScene(self._drag_point))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._edge_timer.stop()
        interaction, self.interaction = self.interaction, None
        if interaction is not None:
            interaction.release(self.mapToScene(event.position().toPoint()))
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.interaction is not None:
            self.interaction.cancel()
            self.interaction = None
        pos = self.mapToScene(event.position().toPoint())
        scene = self.scene()
        header = scene.header_at(pos)
        if header is not None:
            self.edit_name(*header)
            return
        card = scene.card_at(pos)
        if card is not None:
            self.edit_title(card.card_id)
            return
        link = scene.link_at(pos)
        if link is not None:
            self.edit_label(link.link_id, pos)
            return
        cell = scene.cell_at(pos)
        if cell is not None:
            self.new_card_in(*cell)

    def cancel_gesture(self) -> None:
        self._edge_timer.stop()
        if self.interaction is not None:
            self.interaction.cancel()
            self.interaction = None
        if self.inplace is not None:
            self.inplace.cancel()

    # --- keyboard and menus ---------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space held pans; every other key is one of the window's actions (their shortcuts normally
        fire before this; a key that still arrives here, e.g. sent while the window was inactive, is
        matched to the view's actions so it does the same)."""
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.space_held = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        pressed = QKeySequence(event.keyCombination())
        for action in self.actions():
            if action.isEnabled() and any(
                pressed.matches(shortcut) == QKeySequence.SequenceMatch.ExactMatch
                for shortcut in action.shortcuts()
            ):
                action.trigger()
                event.accept()
                return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.space_held = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # the Menu key: the selection's menu
            self.show_context_menu()
            return
        pos = self.mapToScene(event.pos())
        menu = context_menu(self, pos)
        if menu is not None:
            self.run_menu(menu, event.globalPos())
