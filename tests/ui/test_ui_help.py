"""The Help menu: Keyboard Shortcuts generated from the actions, Hand-off Rules (F1), About with the licence
and credits, About Qt; the application's icon and desktop entry name; Qt's translations."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from blueprint.ui.app import load_qt_translations
from blueprint.ui.dialogs.rules_help import RulesHelp
from blueprint.ui.dialogs.shortcuts import ShortcutsDialog, keys_of

from builders import blueprint_with
from ui_gestures import key, look, open_window, when_dialog_opens


def test_keyboard_shortcuts_list_every_action_and_follow_new_ones(qtbot):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, blueprint_with())
    help_menu = window.menus["help"]
    assert [a.text() for a in help_menu.actions() if not a.isSeparator()] == [
        "&Hand-off Rules",
        "&Keyboard Shortcuts",
        "&About Service Blueprint Studio",
        "About &Qt",
    ]
    window.actions.shortcuts.trigger()
    dialog = window.findChild(ShortcutsDialog, "keyboardShortcuts")  # the window's one shortcuts list
    rows = dialog.rows()
    keys = {(where, command): keys for where, command, keys in rows}
    assert keys[("Edit", "Undo")].startswith("Ctrl+Z")
    assert keys[("File", "Print")] == "Ctrl+P" and keys[("File", "Quit")] == "Ctrl+Q"
    assert keys[("Edit", "Move Left")] == "Alt+Left"
    assert keys[("Canvas", "Context menu of the selection (also the Menu key)")] == "Shift+F10"
    assert keys[("Canvas", "Go to the cell or header below")] == "Ctrl+Down"
    listed = {keys for _, _, keys in rows}
    for action in window.actions.all():  # every key the editor answers to is listed
        if keys_of(action):
            assert keys_of(action) in listed, action.text()
    look(dialog, "help-keyboard-shortcuts")
    later = QAction("Compare With…", window)  # a feature added later, in its menu, with its key
    later.setShortcut(QKeySequence("Ctrl+Shift+K"))
    window.menus["view"].addAction(later)
    window.actions.shortcuts.trigger()
    assert ("View", "Compare With", "Ctrl+Shift+K") in dialog.rows()
    dialog.close()


def test_f1_opens_the_rules_and_about_shows_licence_and_credits(qtbot):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, blueprint_with())
    key(qtbot, window.view, Qt.Key.Key_F1)
    rules = window.findChild(RulesHelp, "rulesHelp")
    assert rules is not None and rules.isVisible()
    assert "BP101 Unsupported touchpoint" in rules.browser.toPlainText()
    rules.close()
    seen: dict = {}  # type: ignore[type-arg]

    def read(dialog) -> None:  # type: ignore[no-untyped-def]
        seen["about"] = dialog.about.text()
        seen["licence"] = dialog.licence.toPlainText()
        dialog.tabs.setCurrentIndex(1)
        look(dialog, "help-about-licence")
        dialog.reject()

    when_dialog_opens(read)
    window.actions.about.trigger()
    for credit in ("MIT", "Qt", "PySide6", "DejaVu", "reportlab"):
        assert credit in seen["about"]
    assert seen["licence"].startswith("MIT License") and "Permission is hereby granted" in seen["licence"]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the keyboard is the editor's again
    qt_box = when_dialog_opens(lambda dialog: dialog.reject())
    window.actions.about_qt.trigger()  # Qt's own box
    assert isinstance(qt_box["dialog"], QMessageBox)


def test_icon_desktop_name_and_qt_translations(qtbot):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, blueprint_with())
    assert QGuiApplication.desktopFileName() == "service-blueprint-studio"
    icon = QApplication.windowIcon()
    assert not icon.isNull() and not icon.pixmap(64, 64).isNull()
    assert window.windowIcon().cacheKey() == icon.cacheKey()
    translator = load_qt_translations(QApplication.instance(), QLocale(QLocale.Language.German))
    try:
        assert translator is not None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
    finally:
        QApplication.removeTranslator(translator)
    assert load_qt_translations(QApplication.instance(), QLocale("xx_XX")) is None


def test_shortcuts_name_undo_plainly_and_leave_out_sun_keys(qtbot):  # type: ignore[no-untyped-def]
    """After an edit the list read "Undo Edit card emotion" (the menu's text of the moment), and it
    listed F14, F16, F18 and F20, keys only Sun keyboards have, beside Ctrl+Z, Ctrl+C, Ctrl+V, Ctrl+X."""
    from builders import card

    window = open_window(qtbot, blueprint_with(cards=[card("c1", "customer", 0, "Orders")]))
    window.selection.set(["c1"])
    key(qtbot, window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # an edit to undo
    assert window.document.card("c1").step == "step1"
    assert window.actions.undo.text() != "&Undo"
    x11 = [QKeySequence("Ctrl+Z"), QKeySequence("F14")]  # Qt's Undo keys under X11 (offscreen: no F14)
    window.actions.undo.setShortcuts(x11)
    window.actions.shortcuts.trigger()
    dialog = window.findChild(ShortcutsDialog, "keyboardShortcuts")
    keys = {(where, command): keys for where, command, keys in dialog.rows()}
    assert keys[("Edit", "Undo")] == "Ctrl+Z" and "Ctrl+Shift+Z" in keys[("Edit", "Redo")]
    assert not any(f"F{n}" in k.split(", ") for k in keys.values() for n in range(13, 36))
    dialog.close()
