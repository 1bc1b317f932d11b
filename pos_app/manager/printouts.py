"""Z reports and sales reports on paper: text laid out by display width, ESC/POS bytes (CP949), PDF."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from pos_app.core.dayclose import DENOMINATIONS, ZReport, denomination_label
from pos_app.core.money import won
from pos_app.core.reports import Report
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
from pos_app.printing.layout import center, ljust, pair, rjust, truncate
from pos_app.printing.pdf import render_text_pdf
from pos_app.printing.receipt import ShopHeader

SEOUL = ZoneInfo("Asia/Seoul")


def _signed(amount: int) -> str:
    return f"-{won(-amount)}" if amount < 0 else won(amount)


def z_report_lines(z: ZReport, header: ShopHeader, columns: int = 42) -> list[str]:
    """The Z report as the printer lays it out: one list of lines, each at most ``columns`` wide."""
    rule = "-" * columns
    s = z.summary
    title = "마감 보고서 (Z) - 재마감" if z.supersedes else "마감 보고서 (Z)"
    lines = [center(title, columns), center(header.name, columns)]
    if header.business_no:
        lines.append(center(f"사업자 {header.business_no}", columns))
    lines += [
        rule,
        pair("영업일", z.business_day.isoformat(), columns),
        pair("계산대", z.till_id, columns),
        pair("마감 시각", z.closed_at.astimezone(SEOUL).strftime("%Y-%m-%d %H:%M"), columns),
        pair("마감자", z.closed_by, columns),
        rule,
        pair("판매 건수", f"{s.sales_count}건", columns),
        pair("평균 객단가", won(s.average_ticket), columns),
        pair("총매출", won(s.gross.total), columns),
        pair("  포인트", won(s.gross.points), columns),
        pair("  현금", won(s.gross.cash), columns),
        pair("  카드", won(s.gross.bank_card), columns),
        pair(f"환불/취소 ({s.refund_count + s.void_count}건)", _signed(-s.refunds.total), columns),
        pair("순매출", won(s.net.total), columns),
        pair("  포인트", won(s.net.points), columns),
        pair("  현금", won(s.net.cash), columns),
        pair("  카드", won(s.net.bank_card), columns),
        rule,
        center("현금 시재", columns),
    ]
    for value in DENOMINATIONS:
        count = int(z.counted.pieces.get(value, 0))
        if count:
            lines.append(
                ljust(denomination_label(value), columns - 18)
                + rjust(f"{count}", 6)
                + rjust(won(value * count), 12)
            )
    lines += [
        pair("시작 현금", won(z.opening_float), columns),
        pair("+ 현금 판매", won(s.gross.cash), columns),
        pair("- 현금 환불", won(s.refunds.cash), columns),
        pair("예상 현금", won(z.expected_cash), columns),
        pair("센 현금", won(z.counted.total), columns),
        pair("차이", _signed(z.difference), columns),
    ]
    if z.reason:
        lines.append(truncate(f"사유: {z.reason}", columns))
    lines.append(pair("내일 시작 현금", won(z.next_float), columns))
    if z.top_products:
        lines += [rule, center("많이 팔린 상품", columns)]
        for name, qty, sold_amount in z.top_products[:5]:
            lines.append(ljust(name, columns - 18) + rjust(f"{qty}", 6) + rjust(won(sold_amount), 12))
    if z.unsynced:
        lines += [rule, truncate(f"전송 대기 기록 {z.unsynced}건 (인터넷 연결 후 자동 전송)", columns)]
    if z.supersedes:
        lines += [rule, truncate(f"이전 마감 {z.supersedes[:8]} 을(를) 대체함", columns)]
    return lines


def z_report_escpos(z: ZReport, header: ShopHeader, columns: int = 42) -> bytes:
    """ESC/POS bytes in the printer's Korean mode (CP949), title in bold, then a cut."""
    lines = z_report_lines(z, header, columns)
    out = bytearray(INIT + KOREAN_MODE)
    out += ALIGN_CENTER + BOLD_ON + encode(lines[0].strip()) + BOLD_OFF + b"\n" + ALIGN_LEFT
    for line in lines[1:]:
        out += encode(line) + b"\n"
    out += b"\n\n\n" + PARTIAL_CUT
    return bytes(out)


def z_report_pdf(z: ZReport, header: ShopHeader, path: Path) -> Path:
    lines = z_report_lines(z, header, 48)[1:]
    return render_text_pdf(f"마감 보고서 (Z) {z.business_day.isoformat()}", lines, path)


def report_lines(report: Report, columns: int = 72) -> list[str]:
    """A sales report as monospace lines for the A4 PDF."""
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
    s = report.summary
    lines += [
        "-" * columns,
        pair("판매 건수", f"{s.sales_count:,}건", columns),
        pair("총매출", won(s.gross.total), columns),
        pair("환불/취소", _signed(-s.refunds.total), columns),
        pair("순매출", won(s.net.total), columns),
        pair(
            "  포인트 / 현금 / 카드",
            f"{won(s.net.points)} / {won(s.net.cash)} / {won(s.net.bank_card)}",
            columns,
        ),
    ]
    lines += ["", *report.notes]
    return lines


REPORT_TITLES = {
    "day": "일별 매출",
    "product": "상품별 매출",
    "category": "분류별 매출",
    "tender": "결제 수단별 매출",
    "cashier": "직원별 매출",
}


def report_pdf(report: Report, path: Path) -> Path:
    return render_text_pdf(REPORT_TITLES[report.kind], report_lines(report), path)
