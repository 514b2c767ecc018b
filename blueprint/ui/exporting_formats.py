"""File > Export As...: one file dialog listing every format the editor writes (PDF, PNG, SVG, HTML,
and for other tools XLSX, CSV, draw.io). The format is the file name's suffix, else the filter picked;
PDF and HTML then ask for their options (the Export PDF dialog, which takes both), the others are
written at once (on a worker thread, the window painted)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from blueprint.fileformat import BlueprintFileError
from blueprint.interchange.exports import FORMATS as OTHER_TOOLS
from blueprint.ui import exporting, exporting_image
from blueprint.ui.dialogs.export_dialog import HTML_SUFFIXES
from blueprint.ui.dialogs.prompts import ask_export_path, show_error
from blueprint.ui.worker import run_with_progress

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow

#: (file dialog filter, suffix), in the order the dialog lists them.
FORMATS: list[tuple[str, str]] = [
    ("PDF document (*.pdf)", ".pdf"),
    (exporting_image.PNG_FILTER, ".png"),
    (exporting_image.SVG_FILTER, ".svg"),
    ("Web page, opens in any browser (*.html)", ".html"),
    *((f"{name} (*{suffix})", suffix) for suffix, name in OTHER_TOOLS.items()),
]
_WITH_OPTIONS = (".pdf", *HTML_SUFFIXES)


def chosen_path(chosen: str, picked_filter: str) -> Path:
    """`chosen` with a suffix: its own when it is one of ours, else the picked filter's."""
    path = Path(chosen).expanduser().absolute()
    if path.suffix.lower() in {*(suffix for _, suffix in FORMATS), *HTML_SUFFIXES}:
        return path
    suffix = dict(FORMATS).get(picked_filter, ".pdf")
    return path.with_name(path.name + suffix)


def export_as_with_dialog(window: MainWindow) -> bool:
    path = window.document.path
    # No suffix in the suggested name: the format picked in the list then decides (a name left as
    # "trip.xlsx" while draw.io was picked would write a workbook); a suffix typed in the name wins.
    suggested = path.with_suffix("") if path else Path.home() / "blueprint"
    workbook = next(f for f, suffix in FORMATS if suffix == ".xlsx")
    target = ask_export_path(window, "Export", suggested, [f for f, _ in FORMATS], workbook, chosen_path)
    return target is not None and export_to(window, target)


def export_to(window: MainWindow, target: Path) -> bool:
    """Write `target` in the format its suffix names (PDF and HTML ask for their options first). The
    open blueprint's own file, and anything that is not a regular file, is refused before writing."""
    suffix = target.suffix.lower()
    if suffix in _WITH_OPTIONS:
        return exporting.export_with_dialog(window, target)
    if suffix in (".png", ".svg"):
        return exporting_image.export_image_to(window, target)
    from blueprint.export.output import output_problem
    from blueprint.interchange.exports import export_file

    problem = output_problem(target, window.document.path)
    if problem is not None:
        show_error(window, "Cannot export", f"{target}: {problem}")
        return False
    copy = window.document.blueprint.model_copy(deep=True)
    try:
        run_with_progress(window, "Export", f"Writing {target.name}…", lambda: export_file(copy, target))
    except BlueprintFileError as error:
        show_error(window, "Cannot export", error.one_line())
        return False
    except Exception as error:  # the editor never crashes on an export
        show_error(window, "Cannot export", f"{target}: could not write it ({type(error).__name__}: {error})")
        return False
    window.show_message(f"Exported {target}")
    return True
