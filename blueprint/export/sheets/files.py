"""Writing hand-off sheets: one PDF per function, `<function id>.pdf`, into a folder.

Each sheet is drawn in memory and written atomically, so a sheet is either whole or not there. The
folder is created when missing and checked before the first (costly) drawing, so a folder that
cannot be made or written fails at once with the reason and leaves nothing behind.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from blueprint.export.pdf import glyph_warnings, new_canvas, problem_warnings
from blueprint.export.sheets.facts import SheetContext
from blueprint.export.sheets.pages import SheetPages
from blueprint.export.textdraw import TextPen
from blueprint.fileformat import write_atomically
from blueprint.layout.gcpause import without_gc
from blueprint.model import Blueprint


class SheetsCancelled(Exception):
    """The person stopped the export; the sheets written before stay (each is whole)."""

    def __init__(self, written: list[Path]) -> None:
        super().__init__(f"cancelled after {len(written)} sheets")
        self.written = written


class SheetWriteError(OSError):
    """A sheet that could not be written: `filename` is the sheet's path; the sheets written before
    it (`written`) are whole and stay."""

    def __init__(self, errno: int | None, strerror: str, filename: str, written: list[Path]) -> None:
        super().__init__(errno, strerror, filename)
        self.written = list(written)


@dataclass(frozen=True)
class SheetsResult:
    paths: list[Path]
    warnings: list[str]


def render_sheet(
    context: SheetContext,
    function_id: str,
    page_size: str,
    orientation: str,
    problems: dict[str, set[str]] | None = None,
) -> tuple[bytes, list[str]]:
    """One function's sheet as PDF bytes, with the warnings (characters no font can draw). With
    `problems`, those characters are added to it instead (by owner: the cards, the title, ...), so a
    run of many sheets warns once about a card several sheets draw."""
    sheet = SheetPages(context, function_id, page_size, orientation)
    buffer = io.BytesIO()
    canvas, fonts = new_canvas(buffer, sheet.plan, context.doc, sheet.facts.heading)
    pen = TextPen(canvas, fonts)
    sheet.draw(canvas, pen, 1, sheet.page_count)
    canvas.save()
    if problems is None:
        return buffer.getvalue(), glyph_warnings(pen, fonts, context.doc)
    for owner, chars in pen.problems.items():
        problems.setdefault(owner, set()).update(chars)
    return buffer.getvalue(), []


def prepare_folder(folder: Path) -> None:
    """Create `folder` when missing and make sure a file can be written in it (OSError if not)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not folder.is_dir():
        raise NotADirectoryError(20, "not a folder", str(folder))
    handle, probe = tempfile.mkstemp(prefix=".sheets-", suffix=".probe", dir=folder)
    os.close(handle)
    os.unlink(probe)


def write_sheets(
    doc: Blueprint,
    folder: Path,
    function_ids: Iterable[str] | None = None,
    page_size: str = "A3",
    orientation: str = "landscape",
    progress: Callable[[int, int, str], bool] | None = None,
) -> SheetsResult:
    """Write the sheets of `function_ids` (all functions by default, in display order) into `folder`.

    `progress(done, total, function name)` is called before each sheet; when it returns False the
    export stops (SheetsCancelled, with the paths already written). OSError when the folder cannot be
    made or written; SheetWriteError (an OSError naming the sheet) when one sheet cannot be."""
    ids = [f.id for f in doc.functions] if function_ids is None else list(dict.fromkeys(function_ids))
    prepare_folder(folder)
    context = SheetContext(doc)
    paths: list[Path] = []
    problems: dict[str, set[str]] = {}  # of every sheet: one warning per card or heading at the end
    with without_gc():
        for done, function_id in enumerate(ids):
            if progress is not None and not progress(done, len(ids), context.functions[function_id].name):
                raise SheetsCancelled(paths)
            data, _ = render_sheet(context, function_id, page_size, orientation, problems)
            path = folder / f"{function_id}.pdf"
            try:
                write_atomically(path, data)
            except OSError as error:  # named by the sheet's file, not a temporary one or the folder
                raise SheetWriteError(error.errno, error.strerror or str(error), str(path), paths) from None
            paths.append(path)
    if progress is not None:
        progress(len(ids), len(ids), "")
    return SheetsResult(paths, problem_warnings(problems, doc))
