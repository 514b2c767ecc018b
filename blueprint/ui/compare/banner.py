"""The banner of Compare With, over its canvas: which version is compared with which (older, newer),
the colours of the marks, the line of measures, and the buttons (Swap, Fit, Close Compare)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from blueprint.teams.comparison import Comparison
from blueprint.ui.compare.overlay import COLOURS
from blueprint.ui.plain import tooltip

#: (text, object name, what it does, tooltip) of each button.
Button = tuple[str, str, Callable[[], object], str]


def compare_page(
    comparison: Comparison,
    older: str,
    newer: str,
    canvas: QWidget,
    buttons: list[Button],
) -> QWidget:
    """The banner over `canvas`, as one widget (the window's central widget while comparing)."""
    page = QWidget()
    page.setObjectName("comparePage")
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    banner = QWidget()
    banner.setObjectName("compareBanner")
    banner.setAutoFillBackground(True)
    banner.setStyleSheet("#compareBanner { background: #FFF8E1; border-bottom: 1px solid #E0C97F; }")
    row = QHBoxLayout(banner)
    row.setContentsMargins(10, 6, 10, 6)
    texts = QVBoxLayout()
    heading = QLabel(
        f"<b>Comparing</b> {_escaped(_short(older))} (older) with {_escaped(_short(newer))} (newer) · "
        "read-only until "
        f"you close the comparison · <span style='color:{COLOURS['added']}'>■&nbsp;added</span> "
        f"<span style='color:{COLOURS['changed']}'>■&nbsp;changed</span> "
        f"<span style='color:{COLOURS['removed']}'>▭&nbsp;removed</span>"
    )
    heading.setObjectName("compareHeading")
    heading.setTextFormat(Qt.TextFormat.RichText)
    heading.setWordWrap(True)  # the banner wraps (names shortened) and never widens the window
    heading.setToolTip(tooltip(f"Older: {older}\nNewer: {newer}"))
    measures = QLabel(" · ".join(measure.text() for measure in comparison.measures))
    measures.setObjectName("compareMeasures")
    measures.setTextFormat(Qt.TextFormat.PlainText)
    measures.setWordWrap(True)
    measures.setToolTip(
        tooltip(
            "Older → newer. Open findings: errors and warnings. Journey: the customer's time. "
            "Observed: the share of cards whose evidence is observed."
        )
    )
    texts.addWidget(heading)
    texts.addWidget(measures)
    row.addLayout(texts, 1)
    for text, name, slot, tip in buttons:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False, slot=slot: slot())
        row.addWidget(button)
    layout.addWidget(banner)
    layout.addWidget(canvas, 1)
    return page


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


#: File names longer than this are shortened in the middle (the whole name is in the tooltip).
_NAME_CHARS = 32


def _short(name: str) -> str:
    """`name`, or its start and end around an ellipsis: one long word cannot wrap."""
    if len(name) <= _NAME_CHARS:
        return name
    half = (_NAME_CHARS - 1) // 2
    return name[:half] + "…" + name[-half:]
