"""User text shown by Qt widgets that guess rich text (tooltips, labels) or mnemonics (menus, buttons)
must stay plain text.

A card titled `<img src=x>` or a function named `<b>Ops</b>` comes from a shared file: Qt would render
it as HTML in a tooltip. A function named "Loyalty & CRM" in a menu entry or on a button would show as
"Loyalty _CRM" (the "&" marks the next letter as the entry's shortcut key). These helpers make such
text literal.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def tooltip(text: str) -> str:
    """Tooltip markup that shows `text` literally (line breaks kept)."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def menu_text(text: str) -> str:
    """`text` (a name from the document or a file's name) for a menu entry, a menu's title or a
    button: "&" shows as "&", never as a shortcut-key underline."""
    return text.replace("&", "&&")


def plain_label(label: QLabel) -> QLabel:
    """Make `label` show its text literally, never as rich text."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
