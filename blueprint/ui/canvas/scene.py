"""The canvas scene: items drawn from the shared layout, kept in step with the document.

The scene observes the document: on a card or link change it re-lays out and updates only the items
whose shapes changed; on a structural change (lanes, stages, steps) it rebuilds the grid items too.
Items never own the truth: gestures create operations, the document changes, the scene follows.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import math
from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import islice

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsScene
from shiboken6 import isValid

from blueprint.edit import Document
from blueprint.edit.change import Change
from blueprint.layout import compute_layout, prepare_for_edits, relayout
from blueprint.layout.audience import EVERYTHING, Audience, shown_blueprint
from blueprint.layout.cards import planned_cards
from blueprint.layout.in_sight import cards_meeting, route_candidates
from blueprint.layout.preview import preview
from blueprint.layout.shapes import CardBox, Layout, Route
from blueprint.model import Blueprint
from blueprint.ui.canvas import link_item, link_label
from blueprint.ui.canvas.audience_look import apply_focus
from blueprint.ui.canvas.behind import ItemTable, Sight, box_in_sight, points_in_sight, sight_of, within
from blueprint.ui.canvas.buckets import SlabGroups
from blueprint.ui.canvas.card_item import CardItem
from blueprint.ui.canvas.grid_items import (
    CornerItem,
    EmotionItem,
    GridItem,
    LaneHeaderItem,
    TopHeaderItem,
    first_change,
)
from blueprint.ui.canvas.link_item import LinkItem
from blueprint.ui.canvas.pending import PendingLayout
from blueprint.ui.findings_digest import Badge, badges_of, changed_keys
from blueprint.ui.heap import BIG as FREEZE_FROM
from blueprint.ui.selection import Selection
from blueprint.ui.worker import hold_beside_while

_MARGIN = 40.0
#: The scene rect is this much larger than the blueprint, so that most edits leave it as it is.
_ROOM = 1.25
#: Qt's index cuts the scene's rect in halves, across its height first and then its width by turns,
#: `depth` times. The scene's rect is one point high (`_set_extent`), so the cuts across the height
#: leave every item in one row and the cuts across the width make columns of about `_INDEX_COLUMN`
#: points at any length of blueprint (between `_INDEX_COLUMNS` columns, as 2 ** (depth / 2)).
_INDEX_COLUMN = 2_048.0
_INDEX_COLUMNS = (32, 512)
#: How long after a full layout its label memo is built (after the view has painted it).
_PREPARE_AFTER_MS = 50
#: Cards and links from which a blueprint's items are made in two goes: those within `_FIRST_X`
#: points of its left edge (where a new document opens) before the first paint, the rest after it,
#: `_CHUNK` per turn of the event loop, so opening a big file shows it at once and stays responsive.
_AT_ONCE = 2_000
_FIRST_X = 3_000.0
_CHUNK = 300
#: An edit that renews more cards (or links) than this tells those out of every view's sight after
#: the paint (`behind.py`); fewer are told at once (asking the views where they look costs more).
_AT_ONCE_TOLD = 50
#: From this many cards a lane-shifting edit repaints from a preview exact where the views look, and
#: the exact layout follows beside the editor (`pending.py`); below, `relayout` fits in a frame.
PREVIEW_FROM = 1_000
#: At the latest this long after a preview, its exact layout is started even if no view painted.
_EXACT_LATEST_MS = 50

_log = logging.getLogger(__name__)


class BlueprintScene(QGraphicsScene):
    """All items of one document; `layout` is the layout they were drawn from.

    `extent` is the blueprint's rect (what a view scrolls over; `extent_changed` says when it changes).
    The scene's own rect is roomier and changes seldom: Qt rebuilds its whole item index (every item)
    whenever the scene rect changes, which a lane growing by a few points would otherwise do."""

    extent_changed = Signal(QRectF)
    #: Every card and link has its item (at once for a small blueprint; see `_AT_ONCE`).
    completed = Signal()

    def __init__(self, document: Document, selection: Selection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.setBackgroundBrush(QColor("#FFFFFF"))
        # A BSP index halves the repaint after a move at 5,000 cards (no Python boundingRect() calls
        # for every item on each paint); building it costs little because it is built lazily.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        # Qt's own depth (log2 of the item count, 15 at 5,000 cards) cuts the scene into thin slices
        # across its height too, which every tall link crosses (moving the ~3,500 items below a taller
        # lane cost a third more); a fixed depth (10 until 2026-12-05) cut it into 32 columns whatever
        # its width, so each repaint and each search for the items in sight went through 1/32 of all
        # items: 4,000-5,000 at 40,000 cards (`items(rect)` 1.2 ms against 0.3 ms at 5,000). Now
        # columns of about `_INDEX_COLUMN` points and no rows (see `_set_extent`, `_index_depth`).
        self.extent = QRectF()
        #: The roomier rect the scene's extent lies in (the grid's and headers' height; changes seldom).
        self.room = QRectF()
        # Cards, links and labels live in groups by layer and slab of the width (a few hundred
        # top-level items, not one per item: Qt visits every top-level item after any change to any
        # item, 14 ms per edit at 40,000 cards; see `buckets.py`).
        self.card_groups = SlabGroups(self, CardItem.Z)
        self.link_groups = SlabGroups(self, link_item.Z)
        self.label_groups = SlabGroups(self, link_label.Z)
        #: Ids of the cards and links whose items still show an earlier shape, out of every view's
        #: sight (`behind.py`), in the order they were left behind; `_sight` is that sight.
        self._behind: dict[str, None] = {}
        self._sight: Sight | None = None
        self._catch_up_timer = QTimer(self)
        self._catch_up_timer.setSingleShot(True)
        self._catch_up_timer.timeout.connect(self._catch_up)
        self.cards: ItemTable[CardItem] = ItemTable(self._behind, self._settle)
        self.links: ItemTable[LinkItem] = ItemTable(self._behind, self._settle)
        #: The exact layout of the last lane-shifting edit while `layout` is its preview (`pending.py`),
        #: started once a view has painted the preview (`_exact_due`) or after `_EXACT_LATEST_MS`.
        self._exact: PendingLayout | None = None
        self._exact_due = False
        self._exact_latest = QTimer(self)
        self._exact_latest.setSingleShot(True)
        self._exact_latest.setInterval(_EXACT_LATEST_MS)
        self._exact_latest.timeout.connect(self._start_exact)
        #: Called once when the exact layout has replaced a preview (Find's highlights follow it).
        self._when_exact: list[Callable[[], None]] = []
        self.grid: GridItem | None = None
        self.lane_header: LaneHeaderItem | None = None
        self.top_header: TopHeaderItem | None = None
        self.corner: CornerItem | None = None
        self.emotion: EmotionItem | None = None
        self._selected: set[str] = set()
        #: Each link's place in the link order its items are stacked in (`LinkItem.set_order`).
        self._link_order: dict[str, int] = {}
        self._findings: dict[str, tuple[str, int, tuple[str, ...]]] = {}
        #: The audience view applied to the canvas (hidden lanes, functions in focus): not an edit.
        self.audience: Audience = EVERYTHING
        self._over: dict[str, str] = {}  # customer cards over their tolerance
        self.layout: Layout = compute_layout(document.blueprint)
        # After a full layout, what relayout needs to place link labels incrementally is built once a
        # view has painted it, so that neither that paint nor the first card move pays for it (~60 ms
        # at 5,000 cards): `drawBackground` starts the timer.
        self._prepare = QTimer(self)
        self._prepare.setSingleShot(True)
        self._prepare.setInterval(_PREPARE_AFTER_MS)
        self._prepare.timeout.connect(self._prepare_for_edits)
        self._prepare_due = True
        #: Ids of the cards and links whose items are still to be made (see `_AT_ONCE`).
        self._pending: list[str] = []
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._make_more)
        self._build_all()
        self._unsubscribe: Callable[[], None] | None = document.subscribe(self._on_change)
        self._unprepare: Callable[[], None] | None = document.before_apply(self.finish_layout)
        hold_beside_while(self, lambda scene: scene.has_behind)  # re-checks wait for the catch-up
        selection.changed.connect(self._sync_selection)

    def detach(self) -> None:
        """Stop observing the document and the selection (before the scene is thrown away); an exact
        layout still being worked out is let finish reading the document, and dropped."""
        pending, self._exact = self._exact, None
        if pending is not None:
            self._not_pending()
            pending.abandon()
        if self._unprepare is not None:
            self._unprepare()
            self._unprepare = None
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        with contextlib.suppress(RuntimeError, TypeError):
            self.selection.changed.disconnect(self._sync_selection)

    # --- building ------------------------------------------------------------------------------

    @property
    def complete(self) -> bool:
        """Every card and link of the layout has its item."""
        return not self._pending

    def _build_all(self) -> None:
        self._build_grid()
        layout = self.layout
        self._link_order = {link_id: i for i, link_id in enumerate(layout.routes)}
        later = len(layout.cards) + len(layout.routes) >= _AT_ONCE
        pending = self._pending
        for shape in layout.cards.values():
            if later and shape.box.x > _FIRST_X:
                pending.append(shape.card_id)
            else:
                self._add_card(shape)
        for route in layout.routes.values():
            if later and min(x for x, _ in route.points) > _FIRST_X:
                pending.append(route.link_id)
            else:
                self._add_link(route)
        self._sync_selection()
        self._apply_findings()

    def _add_card(self, shape: CardBox) -> CardItem:
        item = self.cards[shape.card_id] = CardItem(shape)
        self.card_groups.put(item)
        if shape.card_id in self._selected:
            item.set_look(selected=True)
        if shape.card_id in self._findings:
            self._apply_findings_to(shape.card_id)
        if shape.card_id in self._over:
            item.set_over_tolerance(self._over[shape.card_id])
        return item

    def _add_link(self, route: Route) -> LinkItem:
        item = self.links[route.link_id] = LinkItem(route, self._link_order.get(route.link_id, 0))
        item.add_to(self)
        if route.link_id in self._selected:
            item.set_look(selected=True)
        return item

    def _make_more(self) -> None:
        """Make the next `_CHUNK` pending items (from the layout shown now), then let the loop turn."""
        pending, layout = self._pending, self.layout
        for element_id in pending[-_CHUNK:]:
            shape = layout.cards.get(element_id)
            if shape is not None:
                if element_id not in self.cards:
                    self._add_card(shape)
                continue
            route = layout.routes.get(element_id)
            if route is not None and element_id not in self.links:
                self._add_link(route)
        del pending[-_CHUNK:]
        if pending:
            self._more.start()
        else:
            self.completed.emit()

    def _build_grid(self) -> None:
        layout = self.layout
        self._set_extent()
        self.grid = GridItem(layout, self.room.height())
        self.lane_header = LaneHeaderItem(layout, self.room.height())
        self.top_header = TopHeaderItem(layout)
        self.corner = CornerItem(layout, self.document.blueprint.title)
        for item in (self.grid, self.lane_header, self.top_header, self.corner):
            self.addItem(item)
        self._update_emotion()

    def _update_grid(self) -> None:
        """Show the new layout's lanes, headers and lines with the same items (updated in place)."""
        layout = self.layout
        self._set_extent()
        room = self.room.height()
        if self.grid is not None:
            top = first_change(self.grid.layout, layout)  # the grid items all show the same layout
            self.grid.set_layout(layout, room, top)
            for header in (self.lane_header, self.top_header):
                if header is not None:
                    header.set_layout(layout, room, top)
        if self.corner is not None:
            self.corner.set_layout(layout, self.document.blueprint.title)
        self._update_emotion()

    def _update_emotion(self) -> None:
        layout = self.layout
        if layout.emotion is None:
            if self.emotion is not None:
                self.removeItem(self.emotion)
                self.emotion = None
        elif self.emotion is None:
            self.emotion = EmotionItem(layout)
            self.addItem(self.emotion)
        else:
            self.emotion.set_layout(layout)

    def _set_extent(self) -> None:
        layout = self.layout
        extent = QRectF(0, 0, layout.width + _MARGIN, layout.height + _MARGIN)
        if extent == self.extent:
            return
        first, self.extent = self.extent.isNull(), extent
        room = self.room
        if (
            first
            or not room.contains(extent)
            or extent.width() < room.width() / 2
            or extent.height() < room.height() / 2
        ):
            self.room = QRectF(0, 0, extent.width() * _ROOM, extent.height() * _ROOM)
            if self.room.width() != room.width():
                # The scene's own rect is only what Qt's index is cut from (the views scroll over the
                # extent, `BlueprintView._follow_extent`): the room's width and one point high, so the
                # index has columns and no rows. Qt rebuilds the index when it changes.
                self.setBspTreeDepth(_index_depth(self.room.width()))
                self.setSceneRect(QRectF(0, 0, self.room.width(), 1))
        self.extent_changed.emit(extent)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawBackground(painter, rect)
        if self._prepare_due:  # a full layout has been painted: prepare for edits when idle
            self._prepare_due = False
            # (counted from the end of this paint: the paint of a big blueprint takes longer than
            # the timer, which then ran in the same turn of the event loop, before the paint showed)
            QTimer.singleShot(0, self, self._prepare.start)
        if self._pending and not self._more.isActive():
            self._more.start()  # the rest of the items, now that the first paint is done
        if self._behind:
            self._catch_up_timer.start(0)  # the items out of sight, now that the view is painted
        if self._exact_due:  # the preview is painted: the exact layout beside the editor now
            self._exact_due = False
            QTimer.singleShot(0, self, self._start_exact)  # (once the paint is done)

    def render(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        """Draw the scene elsewhere (an image, a printer): every item up to date first."""
        self.catch_up()
        super().render(*args, **kwargs)

    def _prepare_for_edits(self) -> None:
        if self._exact is None:  # (a preview has no memo to prepare: its exact layout brings one)
            prepare_for_edits(self.layout)

    # --- the exact layout after a preview (see pending.py) ------------------------------------

    @property
    def exact_pending(self) -> bool:
        """The layout shown is a preview, exact only where the views look; the exact one follows."""
        return self._exact is not None

    def when_exact(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the exact layout replaces the preview shown now (at once without one)."""
        if self._exact is None:
            callback()
        else:
            self._when_exact.append(callback)

    def _relayout_in_sight(self, bp: Blueprint, old: Layout, changed: set[str]) -> Layout:
        """The layout after a card edit: a preview exact where the visible views look when the edit
        shifts lanes of a big blueprint (the exact layout then follows beside the editor), else the
        exact `relayout` (which visits only what the edit touched)."""
        document = self.document
        sight = self._current_sight() if len(old.cards) >= PREVIEW_FROM else None
        shown = preview(bp, old, changed, sight, index=document) if sight is not None else None
        if shown is None or sight is None:
            return relayout(bp, old, changed, index=document, same_frame=True)
        self._exact = PendingLayout.of_edit(bp, old, changed, document.cards, sight, self._exact_arrived)
        self.cards.unsure = self.links.unsure = self._check_exact
        self._exact_due = True
        self._exact_latest.start()
        return shown

    def _start_exact(self) -> None:
        self._exact_due = False
        self._exact_latest.stop()
        if self._exact is not None:
            self._exact.start()

    def _exact_arrived(self, pending: PendingLayout) -> None:
        if pending is self._exact and isValid(self):  # (not taken already, the scene not gone)
            self.finish_layout()

    def _not_pending(self) -> None:
        self._exact_due = False
        self._exact_latest.stop()
        self.cards.unsure = self.links.unsure = None

    def finish_layout(self) -> None:
        """Make the exact layout of the last edit the one shown, waiting for it when it is still being
        worked out: before the next edit (`Document.before_apply`), a render, a view looking beyond the
        preview's sight, and anything else that needs every place exact. Nothing when none is due."""
        pending, self._exact = self._exact, None
        if pending is None:
            return
        self._not_pending()
        shown = self.layout
        try:
            self.layout = pending.wait()
        except Exception:  # the exact layout from scratch, here: the canvas must not stay a preview
            _log.exception("the exact layout after an edit failed beside the editor")
            self.layout = compute_layout(self.shown_blueprint())
            self._prepare_due = True
            self._update_grid()
            self._update_cards()
            self._update_links()
        else:
            self._adopt_grid()
            told_cards, told_routes = shown.renewed_cards or frozenset(), shown.renewed_routes or frozenset()
            exact = self.layout
            if (
                self._current_sight() == pending.sight
                and exact.renewed_cards is not None
                and exact.renewed_routes is not None
            ):
                self._follow_preview(told_cards, told_routes)
            else:  # the views look elsewhere now: each item is asked whether a view can show it
                self._update_cards(told_cards)
                self._update_links(told_routes)
        if self._behind:  # out of sight: a chunk per turn from now (the views show nothing new)
            self._catch_up_timer.start(0)
        if self.audience.focus:
            apply_focus(self)
        followers, self._when_exact = self._when_exact, []
        for follow in followers:
            follow()

    def _follow_preview(self, told_cards: frozenset[str], told_routes: frozenset[str]) -> None:
        """Bring the items up to the exact layout that replaced a preview, the views looking where
        they did. The items the preview told get the exact shapes (equal ones: nothing moves or
        repaints). The preview told every renewed item whose old or new place its sight meets, and
        every card and link added or removed: the others are out of sight, left behind as a whole
        (asking each one cost 40 ms at 40,000 cards)."""
        layout, cards, links, behind = self.layout, self.cards, self.links, self._behind
        for card_id in told_cards:
            item, shape = dict.get(cards, card_id), layout.cards.get(card_id)
            if item is not None and shape is not None:
                item.set_card_box(shape)
                behind.pop(card_id, None)
        for link_id in told_routes:
            item, route = dict.get(links, link_id), layout.routes.get(link_id)
            if item is not None and route is not None:
                item.set_route(route, exact=True)  # (its `shifted_by` counts from before the preview)
                behind.pop(link_id, None)
        rest_cards = layout.renewed_cards - told_cards  # type: ignore[operator]
        rest_routes = layout.renewed_routes - told_routes  # type: ignore[operator]
        # (a card or link added or removed is one the preview told: should one not be, it is made or
        # dropped here, as `_update_cards` would; found by set operations, not a visit of each)
        odd_cards = (rest_cards - layout.cards.keys()) | (rest_cards - cards.keys())
        odd_routes = (rest_routes - layout.routes.keys()) | (rest_routes - links.keys())
        if odd_cards or odd_routes:
            self._follow_link_order(
                [i for i in odd_routes if i in layout.routes and i not in self._link_order]
            )
            for card_id in odd_cards:
                shape, item = layout.cards.get(card_id), dict.get(cards, card_id)
                if shape is None and item is not None:
                    self.removeItem(cards.pop(card_id))
                elif shape is not None and item is None:
                    self._add_card(shape)
            for link_id in odd_routes:
                route, link = layout.routes.get(link_id), dict.get(links, link_id)
                if route is None and link is not None:
                    links.pop(link_id).remove()
                elif route is not None and link is None:
                    self._add_link(route)
            for element_id in odd_cards | odd_routes:
                behind.pop(element_id, None)
            rest_cards -= odd_cards
            rest_routes -= odd_routes
        behind.update(dict.fromkeys(rest_cards | rest_routes))

    def _adopt_grid(self) -> None:
        """The grid items show the layout shown now, drawn as the preview they show (whose lanes,
        lines, headers, size and emotion row were exact): nothing to compare, move or repaint (comparing
        every step and emotion point took 2-3 ms at 5,000 cards)."""
        layout = self.layout
        for item in (self.grid, self.lane_header, self.top_header, self.corner):
            if item is not None:
                item.layout = layout

    def _check_exact(self, element_id: str) -> None:
        """`ItemTable.unsure` while a preview is shown: an item asked for by id whose place lies outside
        the preview's sight may not be where the exact layout has it; wait for that first."""
        pending = self._exact
        if pending is None:
            return
        sight = pending.sight
        card = self.layout.cards.get(element_id)
        if card is not None:
            if not box_in_sight(card.box, sight):
                self.finish_layout()
            return
        route = self.layout.routes.get(element_id)
        if route is not None and not points_in_sight(route.points, sight):
            self.finish_layout()

    # --- items out of sight (see behind.py) ---------------------------------------------------

    @property
    def has_behind(self) -> bool:
        """Some items still show an earlier shape, out of sight (left behind, or a preview is shown)."""
        return bool(self._behind) or self._exact is not None

    def before_paint(self, visible: QRectF) -> None:
        """A view is about to paint `visible`: if it looks beyond the sight a preview is exact in, wait
        for the exact layout; if it looks beyond the sight the items were left behind for, bring up to
        date those the new sight can show, and leave the rest behind for it."""
        if self._exact is not None and not within(visible, self._exact.sight):
            self.finish_layout()
        if self._behind and (self._sight is None or not within(visible, self._sight)):
            rects = [
                v.visible_scene_rect()
                for v in self.views()
                if v.isVisible() and hasattr(v, "visible_scene_rect")
            ]
            self._look_at(sight_of([*rects, visible]))

    def _look_at(self, sight: Sight | None) -> None:
        """Make `sight` the one the items are behind for: those whose old or new place it meets are
        brought up to date now (a view there would show them), the others stay behind for the chunks
        after the paint (at 40,000 cards a lane shift leaves ~20,000 items behind: bringing them all
        up to date before a scroll's paint stopped the editor for 0.4 s). Without a sight, all."""
        if sight is None:
            self.catch_up()
        else:
            for element_id in self._seen_behind(sight):
                self._settle(element_id)
        self._sight = sight

    def _seen_behind(self, sight: Sight) -> list[str]:
        """The items left behind whose old or new place `sight` meets (what `_shows` says of each),
        found without asking each: about 18,500 items are left behind by a lane shift at 40,000 cards,
        and asking each took 60-80 ms of a scroll's turn. The old places come from Qt's index (an
        item's rect is its old place's bounds), the new ones from the layout's cells and its index of
        links by column (`layout/in_sight.py`); a superset is harmless (an item told early). (An item
        the layout has no shape for, which `_shows` counts as seen, is not looked for: `_settle` leaves
        such an item as it is.)"""
        behind = self._behind
        layout = self.layout
        candidates = route_candidates(layout, sight) if len(behind) > _AT_ONCE_TOLD else None
        if candidates is None:  # few, or a layout without the index (a preview): each is asked
            return [i for i in behind if self._shows(i, sight)]
        left, top, right, bottom = sight
        found: set[str] = set()
        for item in self.items(
            QRectF(left - 1, top - 1, right - left + 2, bottom - top + 2),
            Qt.ItemSelectionMode.IntersectsItemBoundingRect,
        ):
            if isinstance(item, CardItem):
                found.add(item.card_id)
            elif isinstance(item, LinkItem):
                found.add(item.link_id)
        found.update(cards_meeting(layout, sight))
        routes = layout.routes
        found.update(i for i in candidates if i in behind and points_in_sight(routes[i].points, sight))
        return [i for i in found if i in behind]

    def _shows(self, element_id: str, sight: Sight) -> bool:
        """Whether `sight` meets the place the item of `element_id` has, or the layout's place for it."""
        card = dict.get(self.cards, element_id)
        if card is not None:
            shape = self.layout.cards.get(element_id)
            return shape is None or box_in_sight(card.card_box.box, sight) or box_in_sight(shape.box, sight)
        link = dict.get(self.links, element_id)
        if link is not None:
            route = self.layout.routes.get(element_id)
            return (
                route is None
                or points_in_sight(link.route.points, sight)
                or points_in_sight(route.points, sight)
            )
        return True

    def catch_up(self) -> None:
        """Bring every item left behind up to date (to the exact layout, when a preview is shown)."""
        self.finish_layout()
        while self._behind:
            self._settle(next(iter(self._behind)))
        self._catch_up_timer.stop()

    def _catch_up(self) -> None:
        """The next `_CHUNK` items left behind (one turn of the event loop), then let the loop turn.
        Not while an exact layout is worked out beside the editor (`finish_layout` starts again): each
        item's call into Python waited for the worker to yield the interpreter, and a chunk took
        100-280 ms at 40,000 cards instead of 5-10."""
        if self._exact is not None and self._exact.started:
            return
        behind = self._behind
        for element_id in list(islice(behind, _CHUNK)):
            self._settle(element_id)
        if behind:
            self._catch_up_timer.start(0)

    def _settle(self, element_id: str) -> None:
        """Bring the item of `element_id` up to the shape the layout has now."""
        self._behind.pop(element_id, None)
        card = dict.get(self.cards, element_id)
        if card is not None:
            shape = self.layout.cards.get(element_id)
            if shape is not None and card.card_box is not shape:
                card.set_card_box(shape)
            return
        link = dict.get(self.links, element_id)
        if link is not None:
            route = self.layout.routes.get(element_id)
            if route is not None and link.route is not route:
                link.set_route(route, exact=True)  # (its route may be older than the last layout's)

    def _current_sight(self) -> Sight | None:
        """Where the visible views look now (None: no view shows the scene, nothing is left behind).
        Items left behind for another sight are brought up to date first."""
        views = self.views()
        # (another kind of view would not bring the items up to date before it paints)
        ours = all(hasattr(view, "visible_scene_rect") for view in views)
        sight = sight_of([v.visible_scene_rect() for v in views if v.isVisible()]) if ours else None
        if self._behind and sight != self._sight:
            self._look_at(sight)
        self._sight = sight
        return sight

    # --- following the document ---------------------------------------------------------------

    def shown_blueprint(self) -> Blueprint:
        """The document as the canvas shows it: without the lanes the applied view hides."""
        return shown_blueprint(self.document.blueprint, self.audience.hidden_lanes)

    def set_audience(self, audience: Audience) -> None:
        """Show the document as `audience` sees it: hidden lanes leave the canvas (the lanes below
        move up), cards and links away from the focus fade. Changes nothing in the document."""
        self.finish_layout()
        old, self.audience = self.audience, audience
        if old.hidden_lanes != audience.hidden_lanes:
            self.layout = compute_layout(self.shown_blueprint())
            self._prepare.start()
            self._update_grid()
            self._update_cards()
            self._update_links()
            self._sync_selection()
        apply_focus(self)

    def _on_change(self, change: Change) -> None:
        self.finish_layout()  # (done already before the edit, by `Document.before_apply`)
        old = self.layout
        bp = self.shown_blueprint()
        if change.kinds <= {"document"} and not change.structural:
            if self.corner is not None and self.corner.title != bp.title:  # the layout ignores the title
                self.corner.title = bp.title
                self.corner.update()
            return
        if change.kinds <= {"improvement"} and planned_cards(bp) == old.planned:
            return  # a plan's words changed: no card gains or loses its "Plan" marker
        grid_changed = change.structural or bool(change.kinds & {"lane", "stage", "step", "document"})
        if grid_changed:
            self.layout = compute_layout(bp)
            self._prepare_due = True
            self.update(QRectF(0, 0, 1, 1))  # a paint, after which the memo is prepared
        else:
            changed = set(change.ids)
            if "function" in change.kinds:  # a function's name or colour shows on its cards
                changed.update(card.id for card in bp.cards if card.function in change.ids)
                self.layout = relayout(bp, old, changed)
            elif self.audience.hidden_lanes:  # the shown blueprint is a filtered copy: no index of it
                self.layout = relayout(bp, old, changed)
            else:  # what the edit touched is known: relayout visits only that (see `relayout`)
                self.layout = self._relayout_in_sight(bp, old, changed)
        _keep_out_of_collections(self.layout)
        if grid_changed or _grid_differs(old, self.layout):
            self._update_grid()
        self._update_cards()
        self._update_links()
        layout = self.layout
        maybe_gone = [i for i in self._selected if i not in layout.cards and i not in layout.routes]
        if maybe_gone:
            views = {view.id for view in bp.views}
            gone = [i for i in maybe_gone if self.document.kind_of(i) is None and i not in views]
            if gone:
                self.selection.discard(gone)
        self._sync_selection()
        if self.audience.focus:
            apply_focus(self)

    def _update_cards(self, told: frozenset[str] = frozenset()) -> None:
        """Bring the card items up to the layout. `told`: the cards a preview set just before this
        layout (in sight): their items are given the layout's shape even though it may equal theirs
        (`set_card_box` repaints nothing then), never left behind."""
        shapes, items, behind = self.layout.cards, self.cards, self._behind
        # after a relayout only the renewed cards can differ from what is shown (the rest are the very
        # shapes the items hold): visiting 5,000 items for a one-card move cost several ms
        renewed = self.layout.renewed_cards
        ids = renewed if renewed is not None else [*shapes, *(i for i in items if i not in shapes)]
        if told:
            ids = told.union(ids)
        sight = self._current_sight() if len(ids) > _AT_ONCE_TOLD else None
        for card_id in ids:
            shape, item = shapes.get(card_id), dict.get(items, card_id)
            if shape is None:
                if item is not None:
                    self.removeItem(items.pop(card_id))
                    behind.pop(card_id, None)
            elif item is None:
                self._add_card(shape)
            elif item.card_box is not shape:
                if sight is None or card_id in told or self._shows(card_id, sight):
                    item.set_card_box(shape)
                    behind.pop(card_id, None)
                else:
                    behind[card_id] = None  # out of sight: told after the paint

    def _update_links(self, told: frozenset[str] = frozenset()) -> None:
        """As `_update_cards`; a route the preview told is not moved by its `shifted_by` (that is
        counted from the route before the preview, and the item shows the preview's)."""
        routes, items, behind = self.layout.routes, self.links, self._behind
        renewed = self.layout.renewed_routes  # as for cards
        ids = renewed if renewed is not None else [*routes, *(i for i in items if i not in routes)]
        if told:
            ids = told.union(ids)
        self._follow_link_order([i for i in ids if i in routes and i not in self._link_order])
        sight = self._current_sight() if len(ids) > _AT_ONCE_TOLD else None
        for link_id in ids:
            route, item = routes.get(link_id), dict.get(items, link_id)
            if route is None:
                if item is not None:
                    items.pop(link_id).remove()
                    behind.pop(link_id, None)
            elif item is None:
                self._add_link(route)
            elif item.route is not route:
                if sight is None or link_id in told or self._shows(link_id, sight):
                    item.set_route(route, exact=link_id in behind or link_id in told)
                    behind.pop(link_id, None)
                else:
                    behind[link_id] = None  # out of sight: told after the paint

    def _follow_link_order(self, added: list[str]) -> None:
        """Number the `added` links in the link order: at the end when they were appended (the common
        case), else every link again (a link restored in the middle by undo)."""
        if not added:
            return
        order, routes = self._link_order, self.layout.routes
        # every route not numbered yet is in `added` (numbers are given to all routes of a full
        # layout and to every added one), so when they are the last routes the others keep theirs
        tail = list(islice(reversed(routes), len(added)))
        if set(tail) == set(added):
            start = len(order)
            for k, link_id in enumerate(reversed(tail)):
                order[link_id] = start + k
            return
        self._link_order = {link_id: i for i, link_id in enumerate(routes)}
        for link_id, item in self.links.items():
            if link_id in self._link_order:
                item.set_order(self._link_order[link_id])

    def _sync_selection(self) -> None:
        # (a look needs no place: items out of sight or of a preview's sight are not brought up to date)
        new = set(self.selection.ids)
        cards, links = self.cards, self.links
        for element_id in self._selected ^ new:
            item = dict.get(cards, element_id) or dict.get(links, element_id)
            if item is not None:
                item.set_look(selected=element_id in new)
        for element_id in new:
            item = dict.get(cards, element_id) or dict.get(links, element_id)
            if item is not None and not item.selected_look:
                item.set_look(selected=True)
        self._selected = new
        for header in (self.lane_header, self.top_header):
            mine = frozenset(new & header.ids) if header is not None else frozenset()
            if header is not None and header.selected != mine:
                header.selected = mine
                header.update()

    # --- findings badges ------------------------------------------------------------------------

    def set_findings(self, by_element: dict[str, list]) -> None:  # type: ignore[type-arg]
        """Show a badge on each card with findings (the worst severity, and how many)."""
        self.finish_layout()
        self.show_badges(badges_of(by_element, self.layout.cards))

    def show_badges(
        self,
        badges: dict[str, Badge],
        changes: Iterable[str] | None = None,
        since: dict[str, Badge] | None = None,
    ) -> None:
        """Show these badges (card id -> worst severity, how many, the tooltip's lines). `changes`:
        the cards whose badge differs from those of `since` (both worked out beside the editor, see
        `findings_digest`): only they are told, when `since` is what the canvas shows now; otherwise
        the two are compared here. Never modifies `badges`."""
        old, self._findings = self._findings, badges
        if changes is None or since is not old:
            changes = changed_keys(old, badges)
        for element_id in changes:  # only the cards whose badge or lines changed
            self._apply_findings_to(element_id)

    def set_over_tolerance(
        self, over: dict[str, str], changes: Iterable[str] | None = None, since: dict[str, str] | None = None
    ) -> None:
        """A clock badge on each customer card over its tolerance (`over`: id -> "3.5 min over the
        tolerance of 5 min", for its tooltip). `changes` and `since` as for `show_badges`."""
        old, self._over = self._over, over
        if changes is None or since is not old:
            changes = changed_keys(old, over)
        for card_id in changes:
            item = dict.get(self.cards, card_id)  # (a badge needs no place: see `_apply_findings_to`)
            if item is not None:
                item.set_over_tolerance(over.get(card_id, ""))

    def _apply_findings(self) -> None:
        for element_id in self._findings:
            self._apply_findings_to(element_id)

    def _apply_findings_to(self, element_id: str) -> None:
        # a badge needs no place: an item out of sight, or out of a preview's, is not brought up to date
        # first (a card made after the first paint while a preview is shown is made from the preview)
        item = dict.get(self.cards, element_id)
        if item is not None:
            severity, count, lines = self._findings.get(element_id, (None, 0, ()))
            item.set_findings(severity, count, lines)

    # --- questions the view and the interactions ask ------------------------------------------

    def freeze_headers(self, visible: QRectF) -> None:
        """Keep the lane names at the left edge and the stage and step names at the top of `visible`."""
        dx = max(0.0, visible.left())
        dy = max(0.0, visible.top())
        if self.lane_header is not None:
            self.lane_header.setPos(dx, 0)
        if self.top_header is not None:
            self.top_header.setPos(0, dy)
        if self.corner is not None:
            self.corner.setPos(dx, dy)

    def header_at(self, pos: QPointF) -> tuple[str, str] | None:
        """("lane" | "stage" | "step", id) of the frozen header under `pos`, or None."""
        if self.corner is not None and self.corner.sceneBoundingRect().contains(pos):
            return None
        for header in (self.top_header, self.lane_header):
            if header is not None and header.area().contains(pos):
                found = header.element_at(pos)
                if found is not None:
                    return found
        return None

    def in_header(self, pos: QPointF) -> bool:
        if self.corner is not None and self.corner.sceneBoundingRect().contains(pos):
            return True
        return any(
            header is not None and header.area().contains(pos)
            for header in (self.top_header, self.lane_header)
        )

    def card_at(self, pos: QPointF) -> CardItem | None:
        if self.in_header(pos):
            return None
        for item in self.items(pos):
            if isinstance(item, CardItem) and item.rect().contains(pos):
                return item
        return None

    def handle_at(self, pos: QPointF) -> CardItem | None:
        """The card whose connector handle is under `pos`."""
        if self.in_header(pos):
            return None
        box = QRectF(pos.x() - 10, pos.y() - 10, 20, 20)
        for item in self.items(box):
            if isinstance(item, CardItem) and item.on_handle(pos):
                return item
        return None

    def link_at(self, pos: QPointF) -> LinkItem | None:
        if self.in_header(pos):
            return None
        for item in self.items(pos):
            if isinstance(item, LinkItem):
                return item
        return None

    def cell_at(self, pos: QPointF) -> tuple[str, str] | None:
        """(lane id, step id) of the grid cell under `pos`, or None outside the grid."""
        if self.in_header(pos):
            return None
        layout = self.layout
        lefts = [s.column.x for s in layout.steps]
        col = bisect_right(lefts, pos.x()) - 1
        if col < 0 or pos.x() > layout.steps[col].column.right:
            return None
        for lane in layout.lanes:
            if lane.band.y <= pos.y() < lane.band.bottom:
                return (lane.lane_id, layout.steps[col].step_id)
        return None

    def cell_rect(self, lane_id: str, step_id: str) -> QRectF | None:
        cell = self.layout.cells.get((lane_id, step_id))
        if cell is not None and self._exact is not None and not box_in_sight(cell.box, self._exact.sight):
            self.finish_layout()  # a preview's cell out of its sight may be elsewhere in the exact layout
            cell = self.layout.cells.get((lane_id, step_id))
        if cell is not None:
            b = cell.box
            return QRectF(b.x, b.y, b.w, b.h)
        lanes = {lane.lane_id: lane for lane in self.layout.lanes}
        steps = {step.step_id: step for step in self.layout.steps}
        if lane_id in lanes and step_id in steps:
            band, column = lanes[lane_id].band, steps[step_id].column
            return QRectF(column.x, band.y, column.w, band.h)
        return None


def _keep_out_of_collections(layout: Layout) -> None:
    """After a big blueprint's edit is laid out: what is alive goes where the cycle collector does
    not walk (`gc.freeze`), as the document did once open (`ui/heap.py`) and each findings result does
    (`ui/worker.keep_out_of_collections`).

    A layout after an edit is new dicts of every card box and route (40,000 and 60,000 entries at
    40,000 cards) made with the collector paused (`layout/gcpause.py`); the next young collection,
    due at the first allocation after, walked them and every box and route they hold, and the next
    middle one again: 10-12 ms of each edit at 40,000 cards (0.3 ms at 5,000). Frozen objects are
    still freed when their last reference goes (the layout before this one); only garbage in reference
    cycles alive at this moment stays until the next document is opened (`heap.settle`)."""
    if len(layout.cards) + len(layout.routes) >= FREEZE_FROM:
        gc.freeze()


def _index_depth(width: float) -> int:
    """The depth of Qt's index that cuts `width` into columns of about `_INDEX_COLUMN` points (half
    the cuts are across the one-point height: 2 ** depth leaves of which 2 ** (depth / 2) are used)."""
    least, most = _INDEX_COLUMNS
    columns = min(max(least, 2 ** math.ceil(math.log2(max(width, 1.0) / _INDEX_COLUMN))), most)
    return 2 * int(math.log2(columns))


def _grid_differs(old: Layout, new: Layout) -> bool:
    """True when lanes, headers, lines or the emotion curve moved (e.g. a lane grew taller)."""
    if old.lanes is new.lanes and old.steps is new.steps and old.stages is new.stages:
        return (
            old.width != new.width
            or old.height != new.height
            or old.lines != new.lines
            or old.emotion != new.emotion
        )
    return (
        old.width != new.width
        or old.height != new.height
        or old.lanes != new.lanes
        or old.steps != new.steps
        or old.stages != new.stages
        or old.lines != new.lines
        or old.emotion != new.emotion
    )
