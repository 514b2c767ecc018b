"""Start the editor: one QApplication with the shipped fonts, the application's icon and desktop entry
name, Qt's own translations for the user's language, a main window, the event loop."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from blueprint import __version__
from blueprint.desktop import DESKTOP_ID
from blueprint.resources import icon_path, resources_dir

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow

ORGANISATION = "Service Blueprint Studio"
APPLICATION = "Service Blueprint Studio"


#: How long a thread runs Python before another may (seconds); see `ensure_app`.
SWITCH_INTERVAL = 0.001


def load_fonts() -> list[str]:
    """Register the shipped .ttf fonts with Qt; returns the families found."""
    families: list[str] = []
    try:
        folder = resources_dir() / "fonts"
    except FileNotFoundError:
        return families
    for path in sorted(Path(folder).glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def load_qt_translations(app: QApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Install Qt's own translations (standard buttons, file and print dialogs) for `locale` (else the
    user's), as shipped with PySide6; None when there are none for that language (English needs none).
    The editor's own words are English."""
    locale = locale or QLocale.system()
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(locale, "qtbase", "_", folder) and QApplication.installTranslator(translator):
        return translator
    translator.deleteLater()
    return None


def ensure_app() -> QApplication:
    """The running QApplication, created (with names for QSettings and the fonts) if needed."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    if app.property("blueprint-ready") is None:
        app.setOrganizationName(ORGANISATION)
        app.setApplicationName(APPLICATION)
        app.setApplicationDisplayName(APPLICATION)
        app.setApplicationVersion(__version__)
        QGuiApplication.setDesktopFileName(DESKTOP_ID)  # the desktop entry `install-desktop` installs
        with contextlib.suppress(FileNotFoundError):
            app.setWindowIcon(QIcon(str(icon_path())))
        load_qt_translations(app)
        load_fonts()
        # The findings and hand-off counts run on worker threads in Python: every call from Qt back
        # into Python (a paint, an event) waits for the interpreter until the worker's slice ends.
        # Slices of 1 ms instead of 5 keep the editor answering while they run (a big blueprint's
        # re-check takes seconds), at a small cost to the workers.
        sys.setswitchinterval(SWITCH_INTERVAL)
        app.setProperty("blueprint-ready", True)
    return app


def open_editor(path: str | None) -> MainWindow:
    """The shown main window with its safety net (recovery copies, change-on-disk watch), on `path`.

    Recovery is offered after `path` is opened, so a restored copy never replaces the file asked for.
    """
    ensure_app()
    from blueprint.ui.heap import keep_pauses_short
    from blueprint.ui.main_window import MainWindow  # after the app exists: widgets need it
    from blueprint.ui.safety import install_safety, offer_recovery

    window = MainWindow()
    install_safety(window)
    keep_pauses_short(window)
    window.show()
    if path:
        window.open_path(Path(path))
    offer_recovery(window)
    return window


def run_editor(path: str | None) -> int:
    """Open the editor (on `path` if given) and run until the last window closes."""
    app = ensure_app()
    window = open_editor(path)
    code = int(app.exec())
    del window
    return code
