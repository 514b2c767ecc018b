"""F6 and Shift+F6: the keyboard goes from the canvas to each open panel and back, as in most desktop
programs with panes. Tab alone walks every field of every panel on its way (fourteen stops from the
canvas to the Findings list), which is no way to reach the findings between two edits.

A panel tabbed behind another (Functions behind the Inspector) is brought to the front when the keyboard
comes to it; each area gets the keyboard back where it was last left (the field, the row).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QScrollArea, QWidget

Area = QWidget  # the central widget (the canvas and the find bar) or a dock widget


class PanelFocus(QObject):
    """Moves the keyboard between the window's areas; one per main window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._left: dict[int, QWidget] = {}  # id(area) -> the widget the keyboard left it from

    def areas(self) -> list[Area]:
        """The canvas area, then every open panel (tabbed behind another or not), in docking order."""
        central = self.window.centralWidget()
        panels: list[QDockWidget] = list(getattr(self.window, "panels", []))  # the window's order
        children = self.window.findChildren(QDockWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        panels += [dock for dock in children if dock not in panels]  # others (Compare's changes)
        docks = [dock for dock in panels if dock.toggleViewAction().isChecked() and dock.widget() is not None]
        return ([central] if central is not None else []) + docks

    def area_of(self, widget: QWidget | None) -> Area | None:
        for area in self.areas():
            if widget is not None and (widget is area or area.isAncestorOf(widget)):
                return area
        return None

    def next_area(self) -> None:
        self._move(1)

    def previous_area(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        areas = self.areas()
        if not areas:
            return
        here = QApplication.focusWidget()
        current = self.area_of(here)
        if current is not None and here is not None:
            self._left[id(current)] = here
        index = areas.index(current) if current is not None else -step  # from nowhere: the canvas first
        for offset in range(1, len(areas) + 1):
            area = areas[(index + step * offset) % len(areas)]
            if self._enter(area):
                return

    def _enter(self, area: Area) -> bool:
        """Give `area` the keyboard (raising a tabbed panel first); False when nothing in it takes it."""
        if isinstance(area, QDockWidget):
            area.raise_()
            area.show()
        QApplication.processEvents()  # a panel raised from behind a tab becomes visible
        target = self._left.get(id(area))
        if not _takes_focus(target, area):
            target = _first_focusable(area)
        if target is None:
            return False
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True


def _takes_focus(widget: QWidget | None, area: Area) -> bool:
    if widget is None or not (widget is area or area.isAncestorOf(widget)):
        return False
    return widget.isVisible() and widget.isEnabled() and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _first_focusable(area: Area) -> QWidget | None:
    """The first widget of `area` in the window's Tab order that takes the keyboard: a field, a list,
    the canvas; a scroll area holding a form is passed over for the form's first field."""
    if _takes_focus(area, area) and not isinstance(area, QScrollArea):
        return area
    widget = area.nextInFocusChain()
    while widget is not None and widget is not area:
        if _takes_focus(widget, area) and not isinstance(widget, QScrollArea):
            return widget
        widget = widget.nextInFocusChain()
    return None
