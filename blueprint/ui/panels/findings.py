"""The Findings dock: the hand-off checks' findings grouped by severity; a click selects and centres
the elements of the finding (a link's finding selects the link alone). Several findings of one rule
(e.g. a journey gap in every empty step) sit under one collapsed row, so they do not flood the list.
It follows a FindingsWatch, so it never runs the checks itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QTreeWidget, QTreeWidgetItem, QWidget

from blueprint.edit import Document
from blueprint.ui.findings_watch import FindingsWatch
from blueprint.ui.panels.swatch import dot_icon
from blueprint.ui.plain import tooltip
from blueprint.ui.selection import Selection
from blueprint.validate import RULES

SEVERITIES = [("error", "Errors"), ("warning", "Warnings"), ("info", "Info")]
COLOURS = {"error": "#D32F2F", "warning": "#E08E0B", "info": "#3B82F6"}
FINDING_ROLE = Qt.ItemDataRole.UserRole
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
#: This many findings of one rule in one severity are listed under one collapsed row ("BP108 … × 14").
GROUP_AT = 4
CHECKING = "Checking…"


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
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Rule", "Finding"])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setToolTip("Problems with the hand-offs; click one to select and show its cards")
        self.tree.setExpandsOnDoubleClick(False)  # a click opens or closes a rule's group
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemClicked.connect(self._toggle_rule)
        self.tree.itemActivated.connect(self._clicked)
        self.setWidget(self.tree)
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
            group.setExpanded(expanded is None or severity in expanded)
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

    def _follow_selection(self) -> None:
        """A row stays highlighted only while the selection is still what it selected."""
        chosen = set(self.selection.ids)
        for item in self.tree.selectedItems():
            if set(self.elements_of(item)) != chosen:
                self.tree.clearSelection()
                self.tree.setCurrentItem(None)  # type: ignore[arg-type]
                return
