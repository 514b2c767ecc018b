"""File > Print… (Ctrl+P): Qt's print dialog, with a Blueprint tab to print on one page or tiled across
sheets; the sheets are planned as the PDF's pages are (`blueprint.export.pages.plan_sheets`, for the
printer's paper) and painted with `blueprint.export.qtpages`. The window keeps one QPrinter, so the
printer, paper and copies chosen last are offered again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QWidget

from blueprint.export.pages import plan_sheets
from blueprint.export.qtpages import paint_sheets
from blueprint.layout import compute_layout
from blueprint.ui.dialogs.lifetime import modal
from blueprint.ui.dialogs.prompts import show_error

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow

FIT_KEY = "print/fit"


class BlueprintPrintOptions(QWidget):
    """The print dialog's Blueprint tab: one page, or tiles at full size."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Blueprint")  # the tab's title
        self.setObjectName("blueprintPrintOptions")
        form = QFormLayout(self)
        self.fit = QComboBox()
        self.fit.setObjectName("printFit")
        self.fit.addItem("Fit on one page", "page")
        self.fit.addItem("Tile across sheets (full size, to tape together)", "tile")
        self.fit.setCurrentIndex(max(0, self.fit.findData(QSettings().value(FIT_KEY, "page"))))
        label = QLabel("&Fit:")
        label.setBuddy(self.fit)
        self.fit.setAccessibleName("Fit")
        form.addRow(label, self.fit)
        note = QLabel(
            "Sheets are laid out as the PDF's pages. The PDF's appendix (findings, hand-offs) is "
            "not printed: export the PDF for it."
        )
        note.setWordWrap(True)
        form.addRow(note)

    def chosen_fit(self) -> str:
        return str(self.fit.currentData())


def printer_of(window: MainWindow) -> QPrinter:
    """The window's one printer (settings kept between prints)."""
    printer = getattr(window, "_printer", None)
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        window._printer = printer  # type: ignore[attr-defined]
    return printer


def print_with_dialog(window: MainWindow) -> bool:
    printer = printer_of(window)
    printer.setDocName(window.document.blueprint.title)
    with modal(QPrintDialog(printer, window)) as dialog:
        dialog.setObjectName("printDialog")
        dialog.setWindowTitle("Print blueprint")
        options = BlueprintPrintOptions()
        dialog.setOptionTabs([options])
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        fit = options.chosen_fit()
    if not accepted:
        return False
    QSettings().setValue(FIT_KEY, fit)
    return print_to(window, printer, fit)


def print_to(window: MainWindow, printer: QPrinter, fit: str) -> bool:
    """Print the blueprint on `printer` as planned for its paper; says in the status bar how many sheets."""
    doc = window.document.blueprint.model_copy(deep=True)
    layout = compute_layout(doc)
    printer.setFullPage(True)  # the sheet's own margins (as on the PDF), from the paper's corner
    # one device unit per point, as the image export paints: its fonts are sized in points, and at a
    # printer's 1200 dpi under a matching scale they would be scaled twice (Qt prints vectors anyway)
    printer.setResolution(72)
    paper = printer.pageLayout().fullRectPoints()
    plan = plan_sheets(layout, paper.width(), paper.height(), fit, printer.pageLayout().pageSize().name())
    painter = QPainter()
    if not painter.begin(printer):
        show_error(
            window,
            "Cannot print",
            f"The printer '{printer.printerName() or printer.outputFileName()}' could not be started",
        )
        return False
    try:
        sheets = paint_sheets(painter, doc, layout, plan, lambda: printer.newPage())
    finally:
        painter.end()
    warning = (
        f": {plan.warnings[0].replace('--fit tile', 'Tile').replace('--page-size', 'paper')}"
        if plan.warnings
        else ""
    )
    window.show_message(f"Printed {sheets} sheet{'s' * (sheets != 1)}{warning}", 8000)
    return True
