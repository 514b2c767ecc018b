"""Help > Hand-off Rules (F1), and "What does BPxxx mean?" on a finding: the text of docs/rules.md,
shipped inside the package and read when the window opens (so a new rule's explanation appears with
the rule), scrolled to the rule asked about.

One window, kept open beside the editor (not modal): a designer reads the explanation while fixing the
blueprint.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from blueprint.resources import rules_text
from blueprint.ui.activation import bring_forward

WINDOW_NAME = "rulesHelp"


class RulesHelp(QDialog):
    """The rules' explanations; `show_rule(code)` scrolls to one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(WINDOW_NAME)
        self.setWindowTitle("Hand-off rules")
        self.browser = QTextBrowser()
        self.browser.setObjectName("rulesText")
        self.browser.setAccessibleName("Hand-off rules")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(_follow)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        column = QVBoxLayout(self)
        column.addWidget(self.browser)
        column.addWidget(buttons)
        self.resize(720, 640)
        self.reload()

    def reload(self) -> None:
        """Read docs/rules.md again (it follows the installed version, never a copy made earlier)."""
        try:
            text = rules_text()
        except OSError as error:
            text = f"The rules' explanations are missing from this installation ({error.strerror})."
        self.browser.document().setMarkdown(text, QTextDocument.MarkdownFeature.MarkdownDialectGitHub)

    def show_rule(self, code: str | None) -> bool:
        """Scroll so that the heading of rule `code` (e.g. "BP106") is at the top; True when found."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and block.text().split(" ", 1)[0] == code:
                cursor = QTextCursor(block)
                cursor.select(QTextCursor.SelectionType.LineUnderCursor)
                self.browser.setTextCursor(cursor)  # the heading is selected: easy to see
                top = document.documentLayout().blockBoundingRect(block).top()
                self.browser.verticalScrollBar().setValue(round(top))
                return True
            block = block.next()
        self.browser.verticalScrollBar().setValue(0)
        return False


def _follow(url: QUrl) -> None:
    """Links to the web open in the browser; links between the repository's files lead nowhere here."""
    if url.scheme() in ("http", "https"):
        QDesktopServices.openUrl(url)


def show_rules(parent: QWidget, code: str | None = None) -> RulesHelp:
    """Open (or bring forward) the window's one rules window, at rule `code` when given."""
    help_window = parent.findChild(RulesHelp, WINDOW_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if help_window is None:
        help_window = RulesHelp(parent)
        activate = getattr(parent, "activate", None)
        if activate is not None:  # closing it gives the keyboard back to the editor (no window manager)
            help_window.finished.connect(lambda _result: QTimer.singleShot(0, activate))
    else:
        help_window.reload()
    if code:
        help_window.setWindowTitle(f"Hand-off rules: what {code} means")
    else:
        help_window.setWindowTitle("Hand-off rules")
    help_window.show()
    bring_forward(help_window)
    help_window.show_rule(code)
    QTimer.singleShot(0, lambda: help_window.show_rule(code))  # again once laid out at its size
    return help_window
