"""The Findings dock: the hand-off checks' findings grouped by severity; a click selects and centres
the elements of the finding. It follows a FindingsWatch, so it never runs the checks itself.
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


def rule_name(code: str) -> str:
    """ "BP101 Unsupported touchpoint": the code alone means nothing to a newcomer."""
    info = RULES.get(code)
    return f"{code} {info.title}" if info is not None else code


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
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.setWidget(self.tree)
        self._groups: dict[str, QTreeWidgetItem] = {}
        findings_watch.updated.connect(self.show_findings)
        self.show_findings(findings_watch.findings)

    def set_document(self, document: Document) -> None:
        """The window opened another document (the watch follows it too)."""
        self.document = document

    def show_findings(self, findings: list) -> None:
        expanded = {key for key, item in self._groups.items() if item.isExpanded()} if self._groups else None
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
            children = []
            for finding in mine:
                item = QTreeWidgetItem([rule_name(finding.code), finding.message])
                item.setData(0, FINDING_ROLE, finding)
                item.setIcon(0, dot_icon(COLOURS[severity], 10, outline=COLOURS[severity]))
                item.setToolTip(1, tooltip(finding.message))
                item.setToolTip(0, f"{finding.code} ({severity}); click to select its elements")
                children.append(item)
            group.addChildren(children)
            group.setExpanded(expanded is None or severity in expanded)
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

    def _clicked(self, item: QTreeWidgetItem, column: int = 0) -> None:
        finding = item.data(0, FINDING_ROLE)
        if finding is not None:
            self.selection.set(finding.elements, centre=True)
