"""PDF receipts and reports (fpdf2, Korean font embedded): always written, whatever the printer does."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from pos_app.printing.layout import render_text
from pos_app.printing.receipt import Receipt
from sync.shared.fonts import find_korean_font

RECEIPT_WIDTH_MM = 80
LINE_MM = 4.2


def _pdf(width: float, height: float) -> FPDF:
    pdf = FPDF(unit="mm", format=(width, height))
    pdf.set_margins(4, 4, 4)
    pdf.set_auto_page_break(auto=True, margin=4)
    pdf.add_font("korean", "", str(find_korean_font()))
    pdf.set_font("korean", size=8)
    pdf.add_page()
    return pdf


def _write_lines(pdf: FPDF, lines: list[str]) -> None:
    for line in lines:
        # Lines are laid out for a 2-column-Hangul monospace printer; Nanum Gothic keeps them aligned
        # closely enough at this size that the columns still read.
        pdf.cell(0, LINE_MM, line, new_x="LMARGIN", new_y="NEXT")


def render_pdf(receipt: Receipt, path: Path, columns: int = 42) -> Path:
    lines = render_text(receipt, columns)
    pdf = _pdf(RECEIPT_WIDTH_MM, 10 + LINE_MM * len(lines))
    pdf.set_font("korean", size=7.5)
    _write_lines(pdf, lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def render_text_pdf(title: str, lines: list[str], path: Path) -> Path:
    """A plain A4 report: a title and lines of text (Z reports, day totals)."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.add_font("korean", "", str(find_korean_font()))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("korean", size=16)
    pdf.cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("korean", size=10)
    _write_lines(pdf, lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path
