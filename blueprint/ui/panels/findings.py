"""The Findings dock: the hand-off checks' findings grouped by severity; a click selects and centres
the elements of the finding (a link's finding selects the link alone). Several findings of one rule
(e.g. a journey gap in every empty step) sit under one collapsed row, so they do not flood the list.
It follows a FindingsWatch, so it never runs the checks itself.

The list keeps one line per finding; the line under it shows the current finding's whole message (the
end, where the fix is, was cut off), with a button that opens the rule's explanation (also in each
row's context menu: "What does BP106 mean?"). Errors are never folded away, and show no fold arrow.
"""

from __future__ import annotations

import contextlib
from collections import deque
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blueprint.edit import Document
from blueprint.ui.findings_digest import GROUP_AT, SEVERITIES, Digest, Plan, Step, digest, plan_steps
from blueprint.ui.findings_watch import FindingsWatch
from blueprint.ui.panels.findings_tree import FIXED_ROLE, FindingsTree
from blueprint.ui.panels.swatch import dot_icon
from blueprint.ui.plain import plain_label, tooltip
from blueprint.ui.selection import Selection
from blueprint.validate import RULES

HEADINGS = dict(SEVERITIES)
COLOURS = {"error": "#D32F2F", "warning": "#E08E0B", "info": "#3B82F6"}
FINDING_ROLE = Qt.ItemDataRole.UserRole
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Rows added, removed or changed in one turn of the event loop (about 10 ms at a speed check of
#: 150 ms): a bigger change, such as the first result of a 40,000-card blueprint, takes several turns.
ROWS_PER_TURN = 1500
__all__ = ["GROUP_AT", "FindingsPanel", "rule_name", "rule_summary"]
CHECKING = "Checking…"
NO_DETAIL = "Select a finding to read it whole."


def _done(watch: FindingsWatch, key: int) -> None:
    with contextlib.suppress(RuntimeError):  # the watch went first (the window closes)
        watch.showing(key, False)


def rule_name(code: str) -> str:
    """ "BP101 Unsupported touchpoint": the code alone means nothing to a newcomer."""
    info = RULES.get(code)
    return f"{code} {info.title}" if info is not None else code


def rule_summary(code: str) -> str:
    """What the rule checks, in a few words (the grouped row's second column)."""
    info = RULES.get(code)
    return info.summary if info is not None else code


class FindingsPanel(QDockWidget):
    """Dock widget; build with the window's document, its FindingsWatch and the selection."""

    #: The designer asked what a rule means (its code, e.g. "BP106"): the window shows its explanation.
    explain_requested = Signal(str)
    #: A finding was opened with Return (or a double-click): the window gives the canvas the keyboard,
    #: so the designer can fix what it selected there (as Enter in an IDE's problem list goes to the code).
    opened = Signal()

    def __init__(
        self,
        document: Document,
        findings_watch: FindingsWatch,
        selection: Selection,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Findings", parent)
        self.setObjectName("findings")
        self.document, self.watch, self.selection = document, findings_watch, selection
        self.tree = FindingsTree()  # the Errors group shows no fold arrow: it never folds
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Rule", "Finding"])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setToolTip("Problems with the hand-offs; click one to select and show its cards")
        self.tree.setExpandsOnDoubleClick(False)  # a click opens or closes a rule's group
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemClicked.connect(self._toggle_rule)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemCollapsed.connect(self._keep_errors_open)
        self.tree.currentItemChanged.connect(lambda item, _old: self.show_detail(item))
        self.detail = plain_label(QLabel(NO_DETAIL))
        self.detail.setObjectName("findingDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # its height is set for the longest message listed (`_fit_detail`), never by the text shown: a
        # click that changed the current row must not move the rows under the mouse before its release
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.explain = QPushButton()
        self.explain.setObjectName("explainRule")
        self.explain.setFlat(True)
        self.explain.setToolTip(
            "What the rule checks, why it matters and how to fix it (Help > Hand-off Rules)"
        )
        self.explain.setCursor(Qt.CursorShape.PointingHandCursor)
        self.explain.setStyleSheet("QPushButton { color: #1A73E8; text-decoration: underline; }")
        self.explain.clicked.connect(lambda: self.explain_requested.emit(self.explain.property("code")))
        self.explain.hide()
        line = QHBoxLayout()
        line.setContentsMargins(4, 0, 4, 2)
        line.addWidget(self.detail, 1)
        line.addWidget(self.explain, 0, Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.tree, 1)
        column.addLayout(line)
        self.setWidget(body)
        self._groups: dict[str, QTreeWidgetItem] = {}
        self._rules: dict[tuple[str, str], QTreeWidgetItem] = {}  # (severity, code): the rule's row
        self._note: QTreeWidgetItem | None = None  # "Checking…" or "No findings…"
        #: The rows the tree shows once `_steps` are applied (None: checking).
        self._plan: Plan | None = None
        self._steps: deque[Step] = deque()
        self._slices = QTimer(self)  # the next slice of steps, in the next turn of the event loop
        self._slices.setSingleShot(True)
        self._slices.setInterval(0)
        self._slices.timeout.connect(self._pump)
        self._touched = False  # rows were added or changed (the first column's width may change)
        self._was_item: QTreeWidgetItem | None = None  # the current row when the steps began
        self._was = None  # its finding
        self._longest = ""  # the longest message listed (`_fit_detail`)
        self._folded: set[str] = set()  # the severity groups the designer folded
        self.tree.itemExpanded.connect(self._remember_fold)
        self.tree.itemCollapsed.connect(self._remember_fold)
        key = self._key = id(self)  # how the watch knows it is still applying a result
        self.destroyed.connect(lambda: _done(findings_watch, key))  # a panel deleted meanwhile is done
        findings_watch.updated.connect(self.show_findings)
        findings_watch.checking.connect(self.show_checking)
        selection.changed.connect(self._follow_selection)
        if findings_watch.has_result():
            self.show_findings(findings_watch.findings)
        else:
            self.show_checking()

    def set_document(self, document: Document) -> None:
        """The window opened another document (the watch follows it too)."""
        self.document = document

    def show_checking(self) -> None:
        """The first check of the document is still running: say so, not "no findings"."""
        self._start_over()
        self._plan = None
        self.show_detail(None)
        self._set_note(CHECKING)
        self.setWindowTitle("Findings (checking…)")

    def show_findings(self, findings: list) -> None:  # type: ignore[type-arg]
        """Show a new result: only the rows that differ from those shown change (or are added or
        removed), so the selection, the folds and the scroll position stay; many changes (the first
        result of a big blueprint) are made in slices of ROWS_PER_TURN rows, one per turn of the
        event loop, so the editor keeps answering meanwhile."""
        made = self.watch.digest
        if not isinstance(made, Digest) or made.findings is not findings:
            made = digest(findings, ())  # not digested beside the editor: worked out here
        if not self._steps:  # a new batch: the row read below the list is kept across it
            self._was_item = self.tree.currentItem()
            self._was = self._was_item.data(0, FINDING_ROLE) if self._was_item is not None else None
        if self._plan is not None and made.base_plan is self._plan:
            self._steps.extend(made.steps)
        else:  # another document, or the panel missed a result: every row anew
            self._start_over()
            self._steps.extend(plan_steps((), made.plan))
        self._plan, self._longest = made.plan, made.longest
        count = len(findings)
        self.setWindowTitle(f"Findings ({count})" if count else "Findings (none)")
        self._pump()

    # --- applying a result's changes to the rows -----------------------------------------------------

    def _start_over(self) -> None:
        self._steps.clear()
        self._slices.stop()
        self.watch.showing(self._key, False)
        self._groups, self._rules, self._note = {}, {}, None
        self.tree.clear()

    def _pump(self) -> None:
        """Apply the next ROWS_PER_TURN rows' worth of steps; the rest in the next turn."""
        budget = ROWS_PER_TURN
        self.tree.setUpdatesEnabled(False)
        try:
            while self._steps and budget > 0:
                budget -= self._apply(self._steps.popleft(), budget)
        finally:
            self.tree.setUpdatesEnabled(True)
        if self._steps:
            self.watch.showing(self._key, True)
            self._slices.start()
        else:
            self._finish()
            self.watch.showing(self._key, False)

    def _apply(self, step: Step, budget: int) -> int:
        """Apply `step`, or as much of it as `budget` rows allow (the rest goes back first in line);
        returns the rows it cost."""
        severity = step.severity
        if step.kind == "drop":
            group = self._groups.pop(severity)
            self._rules = {key: rule for key, rule in self._rules.items() if key[0] != severity}
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(group))
            return 1 + group.childCount()
        if step.kind == "group":
            self._set_note(None)
            group = QTreeWidgetItem(["", ""])
            group.setIcon(0, dot_icon(COLOURS[severity], outline=COLOURS[severity]))
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setData(0, FIXED_ROLE, severity == "error")
            self._set_count(group, severity, None, step.count)
            self.tree.insertTopLevelItem(step.index, group)
            self._groups[severity] = group
            group.setExpanded(severity == "error" or severity not in self._folded)
            self._touched = True
            return 1
        parent = self._groups[severity] if step.code is None else self._rules[(severity, step.code)]
        if step.kind == "count":
            self._set_count(parent, severity, step.code, step.count)
            return 1
        if step.kind == "change":
            finding = step.entries[0][1]
            self._fill(parent.child(step.index), finding)
            self._touched = True
            return 1
        if step.kind == "remove":
            n = min(step.n, budget)
            if n < step.n:
                self._steps.appendleft(replace(step, n=step.n - n))
            for _ in range(n):
                item = parent.takeChild(step.index)
                code = item.data(0, CODE_ROLE)
                if code is not None and self._rules.get((severity, code)) is item:
                    del self._rules[(severity, code)]
            return n
        # insert
        entries = step.entries[: max(1, budget)]
        if len(entries) < len(step.entries):
            rest = step.entries[len(entries) :]
            self._steps.appendleft(replace(step, index=step.index + len(entries), entries=rest))
        items = []
        for kind, value in entries:
            if kind == "row":
                items.append(self._fill(QTreeWidgetItem(), value))
                continue
            rule = self._rule_row(severity, value, len(step.rules[value]))
            self._rules[(severity, value)] = rule
            self._steps.appendleft(
                Step("insert", severity, value, 0, entries=tuple(("row", f) for f in step.rules[value]))
            )
            items.append(rule)
        parent.insertChildren(step.index, items)
        self._touched = True
        return len(items)

    def _finish(self) -> None:
        """After the last step: the note for no findings, the column, the row read below the list."""
        if self._plan is not None and not self._plan:
            self._set_note("No findings: every hand-off check passes")
        if self._touched:
            self._touched = False
            self.tree.resizeColumnToContents(0)
            self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 320))  # room for the message
        current = self.tree.currentItem()
        if self._was_item is not None and current is not self._was_item:  # its row went: find it again
            was = self._was
            again = next((r for r in self.rows() if was is not None and r.data(0, FINDING_ROLE) == was), None)
            if again is not None:
                self.tree.setCurrentItem(again, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                self.tree.setCurrentItem(None)  # type: ignore[arg-type]
            current = again
        self._was_item = self._was = None
        self.show_detail(current)
        self._fit_detail()

    def _set_note(self, text: str | None) -> None:
        """The line shown instead of findings ("Checking…", "No findings…"), or none."""
        if text is None:
            if self._note is not None:
                self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(self._note))
                self._note = None
            return
        if self._note is None:
            self._note = QTreeWidgetItem([text, ""])
            self._note.setFirstColumnSpanned(True)
            self._note.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(self._note)
        self._note.setText(0, text)

    @staticmethod
    def _set_count(item: QTreeWidgetItem, severity: str, code: str | None, count: int) -> None:
        """ "Warnings (12)" on a severity group, "BP108 Journey gap × 14" on a rule row."""
        if code is None:
            item.setText(0, f"{HEADINGS[severity]} ({count})")
            return
        item.setText(0, f"{rule_name(code)} × {count}")
        item.setToolTip(0, f"{count} {code} findings; click to select all their elements and list them")

    @classmethod
    def _rule_row(cls, severity: str, code: str, count: int) -> QTreeWidgetItem:
        """The row over several findings of one rule (folded until opened)."""
        rule = QTreeWidgetItem(["", rule_summary(code)])
        rule.setData(0, CODE_ROLE, code)
        rule.setIcon(0, dot_icon(COLOURS[severity], 10, outline=COLOURS[severity]))
        rule.setToolTip(1, tooltip(rule_summary(code)))
        rule.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        cls._set_count(rule, severity, code, count)
        return rule

    def _remember_fold(self, item: QTreeWidgetItem) -> None:
        """A severity group the designer folded stays folded when it goes and comes back."""
        for severity, group in self._groups.items():
            if group is item:
                (self._folded.discard if item.isExpanded() else self._folded.add)(severity)

    @staticmethod
    def _fill(item: QTreeWidgetItem, finding) -> QTreeWidgetItem:  # type: ignore[no-untyped-def]
        """A finding's row (new, or one shown again with a changed finding)."""
        colour = COLOURS.get(finding.severity, COLOURS["info"])
        item.setText(0, rule_name(finding.code))
        item.setText(1, finding.message)
        item.setData(0, FINDING_ROLE, finding)
        item.setIcon(0, dot_icon(colour, 10, outline=colour))
        item.setToolTip(1, tooltip(finding.message))
        item.setToolTip(0, f"{finding.code} ({finding.severity}); click to select its elements")
        return item

    def rows(self) -> list[QTreeWidgetItem]:
        """Every finding row, inside rule groups too (in the order shown)."""
        found = []
        stack = [self.tree.topLevelItem(i) for i in reversed(range(self.tree.topLevelItemCount()))]
        while stack:
            item = stack.pop()
            if item.data(0, FINDING_ROLE) is not None:
                found.append(item)
            stack += [item.child(i) for i in reversed(range(item.childCount()))]
        return found

    def _fit_detail(self) -> None:
        """Make the detail line tall enough for the longest message listed (2 to 4 lines)."""
        longest = self._longest
        metrics = self.detail.fontMetrics()
        width = max(self.detail.width(), 200)
        text = f"BP000 {'x' * 24} (warning): {longest}"
        needed = metrics.boundingRect(0, 0, width, 10_000, Qt.TextFlag.TextWordWrap, text).height()
        lines = min(4, max(2, -(-needed // metrics.lineSpacing())))
        height = lines * metrics.lineSpacing() + 4
        if self.detail.height() != height:
            self.detail.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._fit_detail()

    def _keep_errors_open(self, item: QTreeWidgetItem) -> None:
        if item is self._groups.get("error"):
            item.setExpanded(True)

    @staticmethod
    def code_of(item: QTreeWidgetItem | None) -> str | None:
        """The rule code of a finding row or of a rule's group row."""
        if item is None:
            return None
        finding = item.data(0, FINDING_ROLE)
        return finding.code if finding is not None else item.data(0, CODE_ROLE)

    def show_detail(self, item: QTreeWidgetItem | None) -> None:
        """The current finding's whole message under the list (a rule group's summary), and the button
        that explains its rule."""
        finding = item.data(0, FINDING_ROLE) if item is not None else None
        code = self.code_of(item)
        if finding is not None:
            self.detail.setText(f"{rule_name(finding.code)} ({finding.severity}): {finding.message}")
        elif code is not None:
            self.detail.setText(f"{rule_name(code)}: {rule_summary(code)}")
        else:
            self.detail.setText(NO_DETAIL)
        self.explain.setVisible(code is not None)
        if code is not None:
            self.explain.setText(f"What does {code} mean?")
            self.explain.setProperty("code", code)

    def menu_for(self, item: QTreeWidgetItem | None) -> QMenu | None:
        """A row's own entries of its context menu (the window adds its own, `findings_plans.py`):
        show its elements, explain its rule, copy its message."""
        code = self.code_of(item)
        if item is None or code is None:
            return None
        menu = QMenu(self.tree)
        if self.elements_of(item):
            menu.addAction("&Select on the blueprint", lambda: self._clicked(item))
        menu.addAction(f"&What does {code} mean?", lambda: self.explain_requested.emit(code))
        finding = item.data(0, FINDING_ROLE)
        if finding is not None:
            menu.addAction("&Copy the message", lambda: QGuiApplication.clipboard().setText(finding.message))
        return menu

    def _toggle_rule(self, item: QTreeWidgetItem, column: int = 0) -> None:
        if item.data(0, CODE_ROLE) is not None:
            item.setExpanded(not item.isExpanded())

    def elements_of(self, item: QTreeWidgetItem) -> list[str]:
        """What a click on `item` selects: a finding's elements (a link's finding: the link alone), a
        rule group's: every element of its findings."""
        code = item.data(0, CODE_ROLE)
        if code is not None:
            found = [self.elements_of(item.child(i)) for i in range(item.childCount())]
            return list(dict.fromkeys(e for elements in found for e in elements))
        finding = item.data(0, FINDING_ROLE)
        if finding is None:
            return []
        elements = list(finding.elements)
        if elements and self.document.link(elements[0]) is not None:
            # a link's finding (BP105, BP106, BP111): the link alone, so the Inspector shows the link
            elements = [e for e in elements if self.document.link(e) is not None]
        return elements

    def _clicked(self, item: QTreeWidgetItem, column: int = 0) -> None:
        elements = self.elements_of(item)
        if elements:
            self.selection.set(elements, centre=True)

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        if self.elements_of(item):
            self._clicked(item, column)
            self.opened.emit()

    def _follow_selection(self) -> None:
        """A row stays highlighted only while the selection is still what it selected."""
        chosen = set(self.selection.ids)
        for item in self.tree.selectedItems():
            if set(self.elements_of(item)) != chosen:
                self.tree.clearSelection()
                self.tree.setCurrentItem(None)  # type: ignore[arg-type]
                return
