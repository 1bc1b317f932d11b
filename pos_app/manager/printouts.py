"""Z reports and sales reports on paper: rows laid out by display width for ESC/POS (CP949), tables in PDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from pos_app.core.dayclose import DENOMINATIONS, ZReport, denomination_label
from pos_app.core.money import won
from pos_app.core.reports import Report, csv_bytes
from pos_app.printing.escpos import (
    ALIGN_CENTER,
    ALIGN_LEFT,
    BOLD_OFF,
    BOLD_ON,
    INIT,
    KOREAN_MODE,
    PARTIAL_CUT,
    encode,
)
from pos_app.printing.layout import center, ljust, pair, rjust, wrap
from pos_app.printing.printer_port import PrinterError, send
from pos_app.printing.receipt import ShopHeader
from sync.shared.clock import KST
from sync.shared.fonts import find_korean_font

RULE = "---"  # a row that is a horizontal rule
# A row: (label, middle, value). RULE rows draw a line; rows with only a middle are centred headings;
# rows with only a label are wrapped notes.
Row = tuple[str, str, str]
REPORT_TITLES = {
    "day": "일별 매출",
    "product": "상품별 매출",
    "category": "분류별 매출",
    "tender": "결제 수단별 매출",
    "cashier": "직원별 매출",
}


def _signed(amount: int) -> str:
    return f"-{won(-amount)}" if amount < 0 else won(amount)


def z_report_rows(z: ZReport, header: ShopHeader, closed_by_name: str = "") -> list[Row]:
    """What a Z report says, row by row; the printer and the PDF lay the same rows out."""
    s = z.summary
    rows: list[Row] = [
        ("", "마감 보고서 (Z) - 재마감" if z.supersedes else "마감 보고서 (Z)", ""),
        ("", header.name, ""),
    ]
    if header.business_no:
        rows.append(("", f"사업자 {header.business_no}", ""))
    rows += [
        (RULE, "", ""),
        ("영업일", "", z.business_day.isoformat()),
        ("계산대", "", z.till_id),
        ("마감 시각", "", z.closed_at.astimezone(KST).strftime("%Y-%m-%d %H:%M")),
        (
            "마감자",
            "",
            f"{closed_by_name} ({z.closed_by})"
            if closed_by_name and closed_by_name != z.closed_by
            else z.closed_by,
        ),
        (RULE, "", ""),
        ("판매 건수", "", f"{s.sales_count}건"),
        ("평균 객단가", "", won(s.average_ticket)),
        ("총매출", "", won(s.gross.total)),
        ("  포인트", "", won(s.gross.points)),
        ("  현금", "", won(s.gross.cash)),
        ("  카드", "", won(s.gross.bank_card)),
        (f"환불/취소 ({s.refund_count + s.void_count}건)", "", _signed(-s.refunds.total)),
        ("순매출", "", won(s.net.total)),
        ("  포인트", "", won(s.net.points)),
        ("  현금", "", won(s.net.cash)),
        ("  카드", "", won(s.net.bank_card)),
        (RULE, "", ""),
        ("", "현금 시재", ""),
    ]
    for value in DENOMINATIONS:
        count = int(z.counted.pieces.get(value, 0))
        if count:
            rows.append((denomination_label(value), f"{count}", won(value * count)))
    difference = f"+{won(z.difference)}" if z.difference > 0 else _signed(z.difference)
    rows += [
        ("시작 현금", "", won(z.opening_float)),
        ("+ 현금 판매", "", won(s.gross.cash)),
        ("- 현금 환불", "", won(s.refunds.cash)),
        ("예상 현금", "", won(z.expected_cash)),
        ("센 현금", "", won(z.counted.total)),
        ("차이", "", difference),
    ]
    if z.reason:
        rows.append((f"사유: {z.reason}", "", ""))
    rows.append(("내일 시작 현금", "", won(z.next_float)))
    if z.top_products:
        rows += [(RULE, "", ""), ("", "많이 팔린 상품", "")]
        rows += [(name, f"{qty}", won(amount)) for name, qty, amount in z.top_products[:5]]
    if z.unsynced:
        rows += [(RULE, "", ""), (f"전송 대기 기록 {z.unsynced}건 (인터넷 연결 후 자동 전송)", "", "")]
    if z.supersedes:
        rows += [(RULE, "", ""), (f"이전 마감 {z.supersedes[:8]} 을(를) 대체함", "", "")]
    return rows


def _text_line(row: Row, columns: int) -> list[str]:
    label, middle, value = row
    if label == RULE:
        return ["-" * columns]
    if not label and not value:
        return [center(middle, columns)]
    if not middle and not value:
        return wrap(label, columns)
    if middle:
        return [ljust(label, columns - 18) + rjust(middle, 6) + rjust(value, 12)]
    return [pair(label, value, columns)]


def z_report_lines(z: ZReport, header: ShopHeader, closed_by_name: str = "", columns: int = 42) -> list[str]:
    """The Z report as a thermal printer lays it out: lines at most ``columns`` wide (Hangul = 2)."""
    return [line for row in z_report_rows(z, header, closed_by_name) for line in _text_line(row, columns)]


def z_report_escpos(z: ZReport, header: ShopHeader, closed_by_name: str = "", columns: int = 42) -> bytes:
    """ESC/POS bytes in the printer's Korean mode (CP949), title in bold, then a cut."""
    lines = z_report_lines(z, header, closed_by_name, columns)
    out = bytearray(INIT + KOREAN_MODE)
    out += ALIGN_CENTER + BOLD_ON + encode(lines[0].strip()) + BOLD_OFF + b"\n" + ALIGN_LEFT
    for line in lines[1:]:
        out += encode(line) + b"\n"
    out += b"\n\n\n" + PARTIAL_CUT
    return bytes(out)


def _a4(title: str) -> FPDF:
    pdf = FPDF(unit="mm", format="A4")
    pdf.add_font("korean", "", str(find_korean_font()))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("korean", size=16)
    pdf.cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("korean", size=11)
    return pdf


def _pdf_rows(pdf: FPDF, rows: Sequence[Row], widths: tuple[float, float, float], line: float = 6.5) -> None:
    # A proportional Korean font cannot align columns with spaces: each column is its own cell.
    total = sum(widths)
    for label, middle, value in rows:
        if label == RULE:
            y = pdf.get_y() + 1.5
            pdf.line(pdf.l_margin, y, pdf.l_margin + total, y)
            pdf.ln(3)
        elif not label and not value:
            pdf.cell(total, line, middle, align="C", new_x="LMARGIN", new_y="NEXT")
        elif not middle and not value:
            pdf.multi_cell(total, line, label, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.cell(widths[0], line, label)
            pdf.cell(widths[1], line, middle, align="R")
            pdf.cell(widths[2], line, value, align="R", new_x="LMARGIN", new_y="NEXT")


def z_report_pdf(z: ZReport, header: ShopHeader, closed_by_name: str, path: Path) -> Path:
    pdf = _a4(f"마감 보고서 (Z) {z.business_day.isoformat()}")
    _pdf_rows(pdf, z_report_rows(z, header, closed_by_name)[1:], (70.0, 20.0, 40.0))
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


@dataclass(frozen=True)
class ZReportIssued:
    """Where a Z report was saved, and why the receipt printer did not print it (None: it did, or none is set)."""

    pdf: Path
    printer_problem: PrinterError | None = None


def z_report_file_name(z: ZReport) -> str:
    return f"z-report-{z.business_day.isoformat()}-{z.closed_at.strftime('%Y%m%d-%H%M%S')}.pdf"


def issue_z_report(
    z: ZReport, header: ShopHeader, closed_by_name: str, folder: Path, printer: str = "", columns: int = 42
) -> ZReportIssued:
    """Save the Z report as PDF (always; a reprint of the same close writes the same file) and send it
    to the receipt printer when one is set. Slow: the screens call it from a worker thread."""
    pdf = z_report_pdf(z, header, closed_by_name, folder / z_report_file_name(z))
    if not printer:
        return ZReportIssued(pdf)
    try:
        send(printer, z_report_escpos(z, header, closed_by_name, columns))
    except PrinterError as exc:
        return ZReportIssued(pdf, exc)
    return ZReportIssued(pdf)


def report_lines(report: Report, columns: int = 72) -> list[str]:
    """A sales report as monospace text lines (for a receipt printer or a plain-text view)."""
    widths = (14, columns - 14 - 10 - 16, 10, 16)
    c = report.columns
    head = ljust(c[0], widths[0]) + ljust(c[1], widths[1]) + rjust(c[2], widths[2]) + rjust(c[3], widths[3])
    lines = [f"기간: {report.first_day.isoformat()} ~ {report.last_day.isoformat()}", "", head, "-" * columns]
    for row in report.rows:
        lines.append(
            ljust(row.key, widths[0])
            + ljust(row.label, widths[1])
            + rjust(f"{row.count:,}", widths[2])
            + rjust(_signed(row.amount), widths[3])
        )
    lines += ["-" * columns, *[pair(label, value, columns) for label, value in _summary_pairs(report)]]
    lines += ["", *report.notes]
    return lines


def _summary_pairs(report: Report) -> list[tuple[str, str]]:
    s = report.summary
    return [
        ("판매 건수", f"{s.sales_count:,}건"),
        ("총매출", won(s.gross.total)),
        ("환불/취소", _signed(-s.refunds.total)),
        ("순매출", won(s.net.total)),
        ("  포인트 / 현금 / 카드", f"{won(s.net.points)} / {won(s.net.cash)} / {won(s.net.bank_card)}"),
    ]


def report_file_name(report: Report, suffix: str) -> str:
    return f"report-{report.kind}-{report.first_day.isoformat()}-{report.last_day.isoformat()}.{suffix}"


def report_csv(report: Report, path: Path) -> Path:
    """The report as a CSV file for Excel (UTF-8 with BOM, cells a spreadsheet cannot run)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_bytes(report))
    return path


def report_pdf(report: Report, path: Path) -> Path:
    """The report as an A4 table: header row, one row per line, then the totals and notes."""
    pdf = _a4(f"{REPORT_TITLES[report.kind]}  {report.first_day.isoformat()} ~ {report.last_day.isoformat()}")
    widths = (40.0, 70.0, 30.0, 40.0)
    pdf.set_fill_color(238, 242, 239)
    for i, title in enumerate(report.columns):
        pdf.cell(widths[i], 8, title, border=1, align="C", fill=True)
    pdf.ln(8)
    for row in report.rows:
        pdf.cell(widths[0], 7, row.key, border=1)
        pdf.cell(widths[1], 7, row.label, border=1)
        pdf.cell(widths[2], 7, f"{row.count:,}", border=1, align="R")
        pdf.cell(widths[3], 7, _signed(row.amount), border=1, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    _pdf_rows(pdf, [(label, "", value) for label, value in _summary_pairs(report)], (80.0, 20.0, 80.0))
    for note in report.notes:
        pdf.multi_cell(180, 6.5, note, new_x="LMARGIN", new_y="NEXT")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path
