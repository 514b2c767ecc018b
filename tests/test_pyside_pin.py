"""Regression guard for the PySide6 6.12.0 bug on Python 3.11: void methods dropped a reference to None.

After a few thousand calls the process aborted with "Fatal Python error: none_dealloc". We pin
PySide6-Essentials <6.12 until a fixed release passes this test.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QGraphicsRectItem


def test_void_methods_do_not_leak_references_to_none(qapp: object) -> None:
    item = QGraphicsRectItem(0, 0, 10, 10)
    before = sys.getrefcount(None)
    for i in range(10_000):
        item.setPos(i, i)
        item.setZValue(i)
    assert sys.getrefcount(None) >= before - 100
