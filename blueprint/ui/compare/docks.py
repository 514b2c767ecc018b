"""The docks in front before comparing, and their sizes, to keep while comparing and put back on Close.

Replacing the central widget lets the main window share its room anew (by size hints, until a
designer drags a dock's edge): the Inspector would take the canvas's width. The Changes dock joins
the Findings tabs while comparing and asks for rows; removing it on Close would bring whichever tab
Qt picks to the front and leave the bottom area as tall as the Changes dock made it. A designer
expects the window as it was.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

_SIDES = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)

#: Each dock in front of its tabs (not floating), with its size.
FrontDocks = list[tuple[QDockWidget, QSize]]


def front_docks(window: QMainWindow) -> FrontDocks:
    return [
        (dock, dock.size())
        for dock in window.findChildren(QDockWidget)
        if dock.isVisible() and not dock.isFloating() and not dock.visibleRegion().isEmpty()
    ]


def bring_forward(window: QMainWindow, docks: FrontDocks, *, sides_only: bool = False) -> None:
    """Raise each dock again and give it its size (width at the sides, height above and below; only
    the widths with `sides_only`). Until a designer drags a dock's edge, the window shares its room
    by size hints, so a new central widget would otherwise change every dock's size."""
    alive = [(dock, size) for dock, size in docks if shiboken6.isValid(dock) and dock.isVisible()]
    if not sides_only:
        for dock, _size in alive:
            dock.raise_()
    layout = window.layout()
    if layout is not None:
        layout.activate()  # lay out the editing canvas first: resizing before that is undone
    for orientation, side in ((Qt.Orientation.Horizontal, True), (Qt.Orientation.Vertical, False)):
        if sides_only and not side:
            continue
        chosen = [(d, s) for d, s in alive if (window.dockWidgetArea(d) in _SIDES) == side]
        if chosen:
            docks = [d for d, _s in chosen]
            sizes = [s.width() if side else s.height() for _d, s in chosen]
            window.resizeDocks(docks, sizes, orientation)
            # a dock in tabs shares its area with the tab bar, and resizeDocks sizes the area: add
            # what the dock came out short by (the tab bar), once
            if layout is not None:
                layout.activate()
            got = [d.width() if side else d.height() for d in docks]
            if got != sizes:
                window.resizeDocks(
                    docks, [2 * want - have for want, have in zip(sizes, got, strict=True)], orientation
                )
