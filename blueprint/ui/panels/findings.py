"""The Findings dock: the hand-off checks' findings grouped by severity; a click selects and centres
the elements of the finding (a link's finding selects the link alone). Several findings of one rule
(e.g. a journey gap in every empty step) sit under one collapsed row, so they do not flood the list.
It follows a FindingsWatch, so it never runs the checks itself.

The list keeps one line per finding; the line under it shows the current finding's whole message (the
end, where the fix is, was cut off), with a button that opens the rule's explanation (also in each
row's context menu: "What does BP106 mean?"). Errors are never folded away, and show no fold arrow.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
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
from blueprint.ui.findings_watch import FindingsWatch
from blueprint.ui.panels.findings_tree import FIXED_ROLE, FindingsTree
from blueprint.ui.panels.swatch import dot_icon
from blueprint.ui.plain import plain_label, tooltip
from blueprint.ui.selection import Selection
from blueprint.validate import RULES

SEVERITIES = [("error", "Errors"), ("warning", "Warnings"), ("info", "Info")]
COLOURS = {"error": "#D32F2F", "warning": "#E08E0B", "info": "#3B82F6"}
FINDING_ROLE = Qt.ItemDataRole.UserRole
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
#: This many findings of one rule in one severity are listed under one collapsed row ("BP108 … × 14").
GROUP_AT = 4
CHECKING = "Checking…"
NO_DETAIL = "Select a finding to read it whole."


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
        self._shown: list | None = None  # type: ignore[type-arg]  # the findings the tree shows
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
        self._shown = None
        self._groups = {}
        self.tree.clear()
        self.show_detail(None)
        row = QTreeWidgetItem([CHECKING, ""])
        row.setFirstColumnSpanned(True)
        row.setFlags(Qt.ItemFlag.NoItemFlags)
        self.tree.addTopLevelItem(row)
        self.setWindowTitle("Findings (checking…)")

    def show_findings(self, findings: list) -> None:
        if self._shown is not None and findings == self._shown:
            return  # most edits leave the findings as they were (rebuilding: ~30 ms at 5,000 cards)
        self._shown = list(findings)
        expanded = self._expanded() if self._groups else None
        current = self.tree.currentItem()
        was = current.data(0, FINDING_ROLE) if current is not None else None
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        self._groups = {}
        for severity, heading in SEVERITIES:
            mine = [f for f in findings if f.severity == severity]
            if not mine:
                continue
            group = QTreeWidgetItem([f"{heading} ({len(mine)})", ""])
            group.setIcon(0, dot_icon(COLOURS[severity], outline=COLOURS[severity]))
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            by_code: dict[str, list] = {}  # type: ignore[type-arg]
            for finding in mine:
                by_code.setdefault(finding.code, []).append(finding)
            rows = []
            for code, same in by_code.items():
                if len(same) < GROUP_AT:
                    rows += [self._row(finding) for finding in same]
                    continue
                rule = QTreeWidgetItem([f"{rule_name(code)} × {len(same)}", rule_summary(code)])
                rule.setData(0, CODE_ROLE, code)
                rule.setIcon(0, dot_icon(COLOURS[severity], 10, outline=COLOURS[severity]))
                rule.setToolTip(
                    0, f"{len(same)} {code} findings; click to select all their elements and list them"
                )
                rule.setToolTip(1, tooltip(rule_summary(code)))
                rule.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                rule.addChildren([self._row(finding) for finding in same])
                rows.append(rule)
            group.addChildren(rows)
            group.setExpanded(expanded is None or severity in expanded or severity == "error")
            group.setData(0, FIXED_ROLE, severity == "error")
            for rule in rows:
                code = rule.data(0, CODE_ROLE)
                if code is not None:
                    rule.setExpanded(expanded is not None and f"{severity}:{code}" in expanded)
            self._groups[severity] = group
        if not findings:
            empty = QTreeWidgetItem(["No findings: every hand-off check passes", ""])
            empty.setFirstColumnSpanned(True)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(empty)
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 320))  # leave room for the message
        again = next(
            (row for row in self.rows() if was is not None and row.data(0, FINDING_ROLE) == was), None
        )
        if again is not None:  # the same finding stays the one read below the list
            self.tree.setCurrentItem(again, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.show_detail(again)
        self._fit_detail()
        self.tree.setUpdatesEnabled(True)
        count = len(findings)
        self.setWindowTitle(f"Findings ({count})" if count else "Findings (none)")

    def _expanded(self) -> set[str]:
        """Open severity groups ("warning") and rule groups ("warning:BP108"), kept across refreshes."""
        opened = set()
        for severity, group in self._groups.items():
            if group.isExpanded():
                opened.add(severity)
            for i in range(group.childCount()):
                code = group.child(i).data(0, CODE_ROLE)
                if code is not None and group.child(i).isExpanded():
                    opened.add(f"{severity}:{code}")
        return opened

    @staticmethod
    def _row(finding) -> QTreeWidgetItem:  # type: ignore[no-untyped-def]
        colour = COLOURS.get(finding.severity, COLOURS["info"])
        item = QTreeWidgetItem([rule_name(finding.code), finding.message])
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
        longest = max((f.message for f in self._shown or ()), key=len, default="")
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
            menu.addAction("Select on the blueprint", lambda: self._clicked(item))
        menu.addAction(f"What does {code} mean?", lambda: self.explain_requested.emit(code))
        finding = item.data(0, FINDING_ROLE)
        if finding is not None:
            menu.addAction("Copy the message", lambda: QGuiApplication.clipboard().setText(finding.message))
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
