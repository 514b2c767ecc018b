"""The Functions dock: add, rename, recolour, re-kind and remove the functions (teams, roles,
systems, partners), and see who the selected one receives work from and hands work to.
"""

from __future__ import annotations

import contextlib
from functools import partial

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from blueprint.edit import AddFunction, Change, Document, EditError, RemoveFunction, SetFunctionFields
from blueprint.export.palette import next_function_color
from blueprint.graph import HandoffReport, handoff_report
from blueprint.model import Blueprint, Function, fresh_id
from blueprint.ui.access_keys import give_access_keys
from blueprint.ui.after_paint import after_paint
from blueprint.ui.commands import push
from blueprint.ui.panels.form import ChoiceBox, line_edit, set_line
from blueprint.ui.panels.functions_relations import handoff_counts, relations_text
from blueprint.ui.panels.swatch import dot_icon
from blueprint.ui.panels.wheel_guard import WheelGuard
from blueprint.ui.plain import plain_label, tooltip
from blueprint.ui.selection import Selection
from blueprint.ui.vocabulary import FUNCTION_KINDS, choices
from blueprint.ui.worker import run_on

KINDS = choices(FUNCTION_KINDS)
#: Cards and links from which the hand-offs are always counted on a worker thread ("Counting…").
COUNT_AWAY = 2_000


class FunctionsPanel(QDockWidget):
    """Dock widget; build with the window's document, undo stack and selection.

    The hand-off counts behind "receives from / hands to" cost about 70 ms at 5,000 cards. When edits
    pause they are recounted on a worker thread, from a snapshot of the document (as the findings are),
    so the editor does not stop after each edit while the panel shows; a result the document has moved
    on from is dropped."""

    #: Internal: a worker finished counting (the edit count it started at, the report or None).
    _counted = Signal(int, object)
    #: "Focus" on the selected functions (ids): the window toggles them in the canvas's focus.
    focus_requested = Signal(list)
    #: "Export Hand-off Sheet…" for a function (its id).
    sheet_requested = Signal(str)

    def __init__(
        self, document: Document, undo_stack: QUndoStack, selection: Selection, parent: QWidget | None = None
    ) -> None:
        super().__init__("Functions", parent)
        self.setObjectName("functions")
        self.undo_stack, self.selection = undo_stack, selection
        self._unsubscribe = None
        self._report: HandoffReport | None = None
        self._edits = 0  # document changes seen (a background count is kept only if none came since)
        self._counted.connect(self._on_counted)
        self._session = 0
        self._pushing = False
        self._focus: tuple[str, ...] = ()
        self.list = QListWidget()
        self.list.setToolTip(
            "The functions that do the work; pick one to edit it (Ctrl+click picks several to focus on)"
        )
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.list.itemSelectionChanged.connect(self._show_focus_button)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.add_button = _button("Add", "Add a new function", self.add_function)
        self.remove_button = _button("Remove…", "Remove the selected function", self.remove_function)
        self.colour_button = _button("Colour…", "Choose the selected function's colour", self.choose_colour)
        self.cards_button = _button("Select cards", "Select the cards this function owns", self.select_cards)
        self.focus_button = _button(
            "Focus",
            "Fade every other function's cards on the canvas (again: take the selected out of focus)",
            self.toggle_focus,
        )
        self.focus_button.setObjectName("focusButton")
        self.name = line_edit(self._rename)
        self.name.setToolTip("The function's name")
        self.kind = ChoiceBox(KINDS, self._set_kind)
        self.kind.setToolTip("A team, a role, a system or a partner")
        WheelGuard(self).guard(self.kind)  # a wheel passing over it changed the function's kind
        self.error = plain_label(QLabel())
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.upstream = _wrapped("Functions that hand work to this one (number of hand-offs)")
        self.downstream = _wrapped("Functions this one hands work to (number of hand-offs)")
        self.counts = _wrapped("Hand-offs received and passed on")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.colour_button, self.cards_button):
            buttons.addWidget(button)
        # the canvas's focus on a row of its own: one more button in the row above made the dock
        # (and so the Inspector tabbed with it) wider than the window gives it
        focus_row = QHBoxLayout()
        focus_row.addWidget(self.focus_button)
        focus_row.addStretch(1)
        details = QFormLayout()
        for text, field in (("Name", self.name), ("Kind", self.kind)):
            field.setAccessibleName(text)
        self.list.setAccessibleName("Functions")
        details.addRow("Name", self.name)
        details.addRow("", self.error)
        details.addRow("Kind", self.kind)
        details.addRow("Receives from", self.upstream)
        details.addRow("Hands to", self.downstream)
        details.addRow("Hand-offs", self.counts)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        column.addLayout(focus_row)
        column.addLayout(details)
        self.setWidget(body)
        self._relations_timer = QTimer(self)
        self._relations_timer.setSingleShot(True)
        self._relations_timer.setInterval(300)
        self._relations_timer.timeout.connect(self._recount_in_background)
        self._counting = -1  # the edit count of the document a worker is counting, if one is
        self._count_due = False  # a count waits for the next paint (`_count_after_paint`)
        self.set_document(document)

    # --- public -------------------------------------------------------------------------------------

    def set_document(self, document: Document) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.document = document
        self._unsubscribe = document.subscribe(self._document_changed)
        self._report = None
        self._edits += 1  # a count of the last document still running is dropped
        self._rebuild_list()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select_function(self, function_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == function_id:
                self.list.setCurrentRow(row)
                return

    def selected_ids(self) -> list[str]:
        """The selected functions, in list order (the current one when none is selected)."""
        ids = [
            self.list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.list.count())
            if self.list.item(row).isSelected()
        ]
        current = self.current_id()
        return ids or ([current] if current is not None else [])

    def toggle_focus(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.focus_requested.emit(ids)

    def show_focus(self, focus: tuple[str, ...]) -> None:
        """Mark the functions in the canvas's focus (bold) and name what the Focus button will do."""
        self._focus = tuple(focus)
        for row in range(self.list.count()):
            item = self.list.item(row)
            font = item.font()
            font.setBold(item.data(Qt.ItemDataRole.UserRole) in self._focus)
            item.setFont(font)
        self._show_focus_button()

    def _show_focus_button(self) -> None:
        ids = self.selected_ids()
        undo = bool(ids) and all(i in self._focus for i in ids)
        self.focus_button.setText("Unfocus" if undo else "Focus")
        self.focus_button.setEnabled(bool(ids))

    def _context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        if not item.isSelected():
            self.list.setCurrentItem(item)
        menu = self.context_menu(item.data(Qt.ItemDataRole.UserRole))
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def context_menu(self, function_id: str) -> QMenu:
        """The menu of a function's row: focus, its hand-off sheet, its cards."""
        menu = QMenu(self)
        menu.setObjectName("functionMenu")
        menu.addAction(self.focus_button.text(), self.toggle_focus)
        sheet = menu.addAction("&Export Hand-off Sheet…", lambda: self.sheet_requested.emit(function_id))
        sheet.setToolTip("A PDF of this function's part: what it receives and hands on, fail points, time")
        menu.addAction("&Select Cards", self.select_cards)
        return give_access_keys(menu)

    def add_function(self) -> None:
        bp = self.document.blueprint
        colour = next_function_color([f.color for f in bp.functions])
        function = Function(id=fresh_id("function", bp.all_ids()), name="New function", color=colour)
        self._push(AddFunction(function))
        self.select_function(function.id)
        self.name.setFocus()
        self.name.selectAll()

    def remove_function(self) -> None:
        function = self._current()
        if function is None:
            return
        owned = sum(1 for card in self.document.blueprint.cards if card.function == function.id)
        cards = "1 card" if owned == 1 else f"{owned} cards"
        answer = QMessageBox.question(
            self,
            "Remove function",
            f"Remove '{function.name}'? It owns {cards}; they will have no function.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._push(RemoveFunction(function.id))

    def choose_colour(self) -> None:
        function = self._current()
        if function is None:
            return
        colour = QColorDialog.getColor(
            QColor(function.color or "#888888"), self, f"Colour of {function.name}"
        )
        if colour.isValid():
            self._push(SetFunctionFields(function.id, {"color": colour.name().upper()}))

    def select_cards(self) -> None:
        function_id = self.current_id()
        if function_id is not None:
            cards = [card.id for card in self.document.blueprint.cards if card.function == function_id]
            self.selection.set(cards, centre=bool(cards))

    # --- edits --------------------------------------------------------------------------------------

    def _current(self) -> Function | None:
        function_id = self.current_id()
        return self.document.blueprint.functions_by_id().get(function_id) if function_id else None

    def _push(self, op, merge_key: str | None = None) -> bool:
        self._pushing = True
        try:
            push(self.undo_stack, self.document, op, merge_key)
        except EditError as error:
            self.error.setText(error.message)
            self.error.show()
            return False
        finally:
            self._pushing = False
        self.error.hide()
        self._rebuild_list()
        return True

    def _rename(self, text: str) -> None:
        function_id = self.current_id()
        if function_id is not None:
            op = SetFunctionFields(function_id, {"name": text})
            self._push(op, merge_key=f"{function_id}:name:{self._session}")

    def _set_kind(self, kind: str) -> None:
        function_id = self.current_id()
        if function_id is not None:
            self._push(SetFunctionFields(function_id, {"kind": kind}))

    # --- showing ------------------------------------------------------------------------------------

    def _document_changed(self, change: Change) -> None:
        self._edits += 1
        if not self._pushing:
            self._session += 1
        if change.kinds & {"card", "link", "lane", "stage", "step"}:
            self._report = None  # hand-offs may have changed; recount once the edits pause
            if self.isVisible():
                self._relations_timer.start()
        if "function" in change.kinds and not self._pushing:
            self._rebuild_list()

    def _rebuild_list(self) -> None:
        current = self.current_id()
        bp = self.document.blueprint
        owned: dict[str, int] = {}
        for card in bp.cards:
            if card.function is not None:
                owned[card.function] = owned.get(card.function, 0) + 1
        self.list.blockSignals(True)
        self.list.clear()
        for function in bp.functions:
            item = QListWidgetItem(dot_icon(function.color), function.name)
            item.setData(Qt.ItemDataRole.UserRole, function.id)
            count = owned.get(function.id, 0)
            item.setToolTip(
                tooltip(f"{function.name}: {function.kind}, owns {count} card{'' if count == 1 else 's'}")
            )
            self.list.addItem(item)
        self.list.blockSignals(False)
        if current is not None:
            self.select_function(current)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show_selected()
        if self._focus:
            self.show_focus(self._focus)

    def _show_selected(self) -> None:
        function = self._current()
        for widget in (self.name, self.kind, self.remove_button, self.colour_button, self.cards_button):
            widget.setEnabled(function is not None)
        if function is None:
            set_line(self.name, "")
            for label in (self.upstream, self.downstream, self.counts):
                label.setText("")
            return
        set_line(self.name, function.name)
        self.kind.set_value(function.kind)
        self._show_relations()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_relations()  # counting was skipped while hidden (e.g. tabbed behind the Inspector)

    def _recount_in_background(self) -> None:
        """Count the hand-offs of a snapshot of the document on a worker thread (edits paused)."""
        if self.current_id() is None or not self.isVisible() or self._report is not None:
            return
        copy = self.document.snapshot()
        self._counting = self._edits
        run_on("hand-offs", partial(self._count, self._edits, copy))  # collections paused meanwhile

    def _count_after_paint(self) -> None:
        self._count_due = False
        if self._counting != self._edits:
            self._recount_in_background()

    def _count(self, edits: int, blueprint: Blueprint) -> None:
        try:
            report: HandoffReport | None = handoff_report(blueprint)
        except Exception:  # a bug in the counting must not take the editor down; counted again on show
            report = None
        with contextlib.suppress(RuntimeError, TypeError):  # the panel was deleted (window closed, exit)
            self._counted.emit(edits, report)

    def _on_counted(self, edits: int, report: HandoffReport | None) -> None:
        self._counting = -1
        if report is None or edits != self._edits:
            if report is not None and self.isVisible():
                self._relations_timer.start()  # the document moved on while counting: count again
            return
        self._report = report
        self._show_relations()

    def _show_relations(self) -> None:
        """Recount hand-offs if needed (about 70 ms at 5,000 cards, so only while the panel shows; on a
        worker thread for a big blueprint, so that opening one is not held up by it)."""
        function_id = self.current_id()
        if function_id is None or not self.isVisible():
            return
        bp = self.document.blueprint
        functions = bp.functions
        if self._report is None or len(self._report.functions) != len(functions):
            if len(bp.cards) + len(bp.links) >= COUNT_AWAY:
                self._report = None
                for label in (self.upstream, self.downstream, self.counts):
                    label.setText("Counting…")
                if self._counting != self._edits and not self._count_due:
                    # after the paint: the snapshot is taken on this thread, and the counting thread
                    # would share the interpreter with the paint (opening a big file showed it later)
                    self._count_due = True
                    after_paint(self.list.viewport(), self._count_after_paint)
                return
            self._report = handoff_report(bp)
        names = {f.id: f.name for f in functions}
        upstream, downstream = relations_text(self._report, function_id, names)
        received, passed = handoff_counts(self._report, function_id)
        self.upstream.setText(upstream)
        self.downstream.setText(downstream)
        self.counts.setText(f"{received} received, {passed} passed on")


def _button(text: str, tooltip: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tooltip)
    button.clicked.connect(slot)
    return button


def _wrapped(tip: str) -> QLabel:
    label = plain_label(QLabel())
    label.setWordWrap(True)
    label.setToolTip(tip)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
