"""Export Image from the editor: PNG or SVG (chosen by the file name, else by the filter picked), drawn
by `blueprint.export.image` as the command line's `export -o OUT.png|.svg` does, written atomically."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from blueprint.ui.dialogs.prompts import ask_export_path, show_error

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow

PNG_FILTER = "PNG image (*.png)"
SVG_FILTER = "SVG image (*.svg)"
SUFFIXES = (".png", ".svg")


def export_image_with_dialog(window: MainWindow) -> bool:
    """Ask for the file (the file dialog asks before replacing one), then write the image."""
    path = window.document.path
    suggested = path.with_suffix(".png") if path else Path.home() / "blueprint.png"
    target = ask_export_path(
        window, "Export image", suggested, [PNG_FILTER, SVG_FILTER], PNG_FILTER, image_path
    )
    return target is not None and export_image_to(window, target)


def image_path(chosen: str, picked_filter: str = "") -> Path:
    """`chosen` with .png or .svg: its own suffix when it has one, else the picked filter's."""
    path = Path(chosen).expanduser().absolute()
    if path.suffix.lower() in SUFFIXES:
        return path
    return path.with_name(path.name + (".svg" if picked_filter == SVG_FILTER else ".png"))


def export_image_to(window: MainWindow, path: Path) -> bool:
    """Draw and write the image; a failure names the file in a message box."""
    from blueprint.export.image import export_image
    from blueprint.export.output import output_problem

    problem = output_problem(path, window.document.path)
    if problem is not None:
        show_error(window, "Cannot export the image", f"{path}: {problem}")
        return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        warnings = export_image(window.document.blueprint.model_copy(deep=True), path)
    except Exception as error:  # the editor never crashes on an export
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        QApplication.restoreOverrideCursor()
        show_error(window, "Cannot export the image", f"{path}: could not write the image ({reason})")
        return False
    QApplication.restoreOverrideCursor()
    if warnings:
        more = f" (and {len(warnings) - 1} more)" if len(warnings) > 1 else ""
        window.show_message(f"Exported {path}: {warnings[0]}{more}", 10000)
    else:
        window.show_message(f"Exported {path}")
    return True
