"""Receipts through the operating system's printers (QPrinter): for shops whose printer has a driver
but no raw ESC/POS port. Draws the same lines as the thermal layout, in a Korean font."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from pos_app.printing.layout import render_text
from pos_app.printing.printer_port import PrinterError, PrinterProblem
from pos_app.printing.receipt import Receipt
from sync.shared.fonts import find_korean_font

RECEIPT_WIDTH_MM = 80.0


def _font() -> QFont:
    family = ""
    font_id = QFontDatabase.addApplicationFont(str(find_korean_font()))
    if font_id >= 0:
        families = QFontDatabase.applicationFontFamilies(font_id)
        family = families[0] if families else ""
    font = QFont(family or "monospace")
    font.setPointSizeF(7.5)
    return font


def make_printer(name: str = "", pdf_path: Path | None = None) -> QPrinter:
    """The named system printer (default printer when empty), or a PDF file for tests and previews."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if pdf_path is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf_path))
    elif name:
        if name not in QPrinterInfo.availablePrinterNames():
            raise PrinterError(PrinterProblem.NOT_FOUND, f"no system printer named {name!r}")
        printer.setPrinterName(name)
    return printer


def print_receipt(receipt: Receipt, printer: QPrinter, columns: int = 42) -> None:
    lines = render_text(receipt, columns)
    height_mm = 12 + 4.2 * len(lines)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QSizeF(RECEIPT_WIDTH_MM, height_mm), QPageSize.Unit.Millimeter),
            QPageLayout.Orientation.Portrait,
            QMarginsF(3, 3, 3, 3),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterError(PrinterProblem.CANNOT_START, "the system printer could not start")
    try:
        painter.setFont(_font())
        step = painter.fontMetrics().lineSpacing()
        y = step
        for line in lines:
            painter.drawText(0, y, line)
            y += step
    finally:
        painter.end()
