"""File > Print… (Ctrl+P): Qt's print dialog with a Blueprint tab (one page or tiles); the sheets are the
PDF's page plan for the printer's paper. Printed to a PDF file here and read back with pypdf."""

from __future__ import annotations

from conftest import REPO
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QComboBox

from blueprint.export.pages import plan_sheets
from blueprint.fileformat import load
from blueprint.layout import compute_layout
from blueprint.ui.printing import printer_of

from ui_gestures import key, open_window, when_dialog_opens


def test_ctrl_p_prints_the_pdf_page_plan_on_one_page_or_tiled(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, load(REPO / "samples" / "hotel-stay.blueprint"))
    out = tmp_path / "printed.pdf"
    printer_of(window).setOutputFileName(str(out))  # the printer chosen last: a PDF file
    seen: dict = {}  # type: ignore[type-arg]

    def answer(fit: str):  # type: ignore[no-untyped-def]
        def pick(dialog) -> None:  # type: ignore[no-untyped-def]
            seen["dialog"] = dialog
            box = dialog.findChild(QComboBox, "printFit")
            seen["fits"] = [box.itemData(i) for i in range(box.count())]
            box.setCurrentIndex(box.findData(fit))
            dialog.accept()

        return pick

    when_dialog_opens(answer("tile"))
    key(qtbot, window.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(seen["dialog"], QPrintDialog) and seen["fits"] == ["page", "tile"]
    paper = printer_of(window).pageLayout().fullRectPoints()
    plan = plan_sheets(compute_layout(window.document.blueprint), paper.width(), paper.height(), "tile")
    pages = PdfReader(out).pages
    assert len(plan.tiles) > 1 and len(pages) == len(plan.tiles)
    first = " ".join(pages[0].extract_text().split())  # Qt writes spaces as tabs
    assert "Business stay" in first and "row 1, column 1" in first
    assert "Compares hotels" in first  # a card of the first sheet, printed as text
    assert window.statusBar().currentMessage().startswith(f"Printed {len(plan.tiles)} sheets")

    when_dialog_opens(answer("page"))
    window.actions.print.trigger()
    assert len(PdfReader(out).pages) == 1
