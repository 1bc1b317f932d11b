"""The settlement files the office hands out: a shop's statement as CSV and as an A4 PDF in Korean,
and one bank transfer file for all shops of a period.

CSV files are UTF-8 with a BOM (Korean Excel opens them as Korean) and every cell goes through
``safe_row`` (a shop name or a holder starting with ``=`` is text, never a formula). Amounts are
plain integers in the CSVs, so a spreadsheet adds them up; the PDF prints them as ``3,500``. Account
numbers are masked on statements: only the transfer file, which the bank needs, carries them whole.
Words come from ``sync.admin.messages`` (Korean, or English with ``lang="en"``); the transfer memo is
always Korean, since it is printed in the shop's bankbook.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from sync.admin.messages import text
from sync.ledger.settlement import DisputeLine, Statement, TransferBatch
from sync.shared.clock import KST
from sync.shared.fonts import find_korean_font
from sync.shared.money import won
from sync.shared.office_text import safe_row

OLIVE = (86, 130, 3)
HEADING_FILL = (231, 238, 220)
WEEKEND_FILL = (246, 246, 246)
GREY = (110, 110, 110)


def file_stem(statement: Statement) -> str:
    """``statement-cafe1-2026-11``: the shop id kept to letters, digits, ``-`` and ``_``."""
    shop = re.sub(r"[^A-Za-z0-9_-]+", "_", statement.shop_id) or "shop"
    return f"statement-{shop}-{statement.period.label.replace('~', '_')}"


def _kst(text_utc: str | None) -> str:
    """A stored UTC instant as the office reads it: ``2026-11-30 23:59`` (KST)."""
    if not text_utc:
        return ""
    try:
        return dt.datetime.fromisoformat(text_utc).astimezone(KST).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text_utc


def _issued(at: dt.datetime) -> str:
    return at.astimezone(KST).strftime("%Y-%m-%d %H:%M")


def _columns(code: str, lang: str) -> list[str]:
    return text(code, lang).split(",")


def _weekday(day: dt.date, lang: str) -> str:
    return _columns("stmt_weekdays", lang)[day.weekday()]


def _reason(reason: str, lang: str) -> str:
    code = f"dispute_reason_{reason}"
    found = text(code, lang)
    return reason if found == code else found


def _status(status: str, lang: str) -> str:
    return text(f"dispute_status_{status}", lang)


def _account(statement: Statement, lang: str) -> str:
    bank = statement.bank
    if not bank.complete:
        return text("stmt_account_missing", lang)
    masked = bank.masked
    return f"{masked.bank} {masked.account_no} ({masked.holder})"


def _period(statement: Statement, lang: str) -> str:
    period = statement.period
    days = text("stmt_period_days", lang, start=period.start.isoformat(), end=period.end.isoformat())
    return f"{days} ({period.label})" if period.is_month else days


def _header_rows(statement: Statement, lang: str, issued_at: dt.datetime) -> list[tuple[str, str]]:
    rows = [
        (text("stmt_shop", lang), f"{statement.shop_name} ({statement.shop_id})"),
        (text("stmt_business_no", lang), statement.business_no),
        (text("stmt_representative", lang), statement.representative),
        (text("stmt_period", lang), _period(statement, lang)),
        (text("stmt_account", lang), _account(statement, lang)),
        (text("stmt_issued", lang), f"{_issued(issued_at)} (KST)"),
    ]
    return [(label, value) for label, value in rows if value]


def _summary_rows(statement: Statement, lang: str) -> list[tuple[str, int]]:
    return [
        (text("stmt_points", lang), statement.points),
        (text("stmt_refunds", lang), -statement.refunds),
        (text("stmt_disputes_accepted", lang), statement.disputes_accepted),
        (text("stmt_net", lang), statement.net),
        (text("stmt_paid", lang), -statement.paid),
        (text("stmt_balance", lang), statement.balance),
    ]


def _dispute_cells(d: DisputeLine, lang: str) -> list[object]:
    return [
        _kst(d.sale_ts),
        d.till_id,
        d.amount,
        _reason(d.reason, lang),
        _status(d.status, lang),
        _kst(d.resolved_at),
        d.counted,
    ]


# -- CSV ---------------------------------------------------------------------------------------------


def write_statement_csv(statement: Statement, path: Path, issued_at: dt.datetime, lang: str = "ko") -> Path:
    """The statement as one CSV: the header, the summary, the days, the disputed claims, the payments."""
    rows: list[Sequence[object]] = [[text("stmt_title", lang)]]
    rows += [[label, value] for label, value in _header_rows(statement, lang, issued_at)]
    rows += [[], [text("stmt_summary", lang)]]
    rows += [[label, amount] for label, amount in _summary_rows(statement, lang)]
    rows += [[], [text("stmt_by_day", lang)], _columns("stmt_day_columns", lang)]
    rows += [
        [d.day.isoformat(), _weekday(d.day, lang), d.sales, d.points, -d.refunds, d.net]
        for d in statement.days
    ]
    rows.append(
        [text("stmt_total", lang), "", statement.sales, statement.points, -statement.refunds,
         statement.points - statement.refunds]
    )  # fmt: skip
    rows += [[], [text("stmt_disputes", lang)], _columns("stmt_dispute_columns", lang)]
    rows += [_dispute_cells(d, lang) for d in statement.disputes] or [[text("stmt_no_disputes", lang)]]
    rows += [[], [text("stmt_payments", lang)], _columns("stmt_payment_columns", lang)]
    rows += [[p.reference, p.paid_on.isoformat(), p.amount] for p in statement.payments] or [
        [text("stmt_no_payments", lang)]
    ]
    rows += [[], [text("stmt_rule", lang)]]
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        for row in rows:
            writer.writerow(safe_row(row))
    return path


def transfer_memo(period_label: str, shop_id: str) -> str:
    """What the shop's bankbook shows for the transfer (Korean, whatever the office's language)."""
    return text("transfer_memo", "ko", period=period_label, shop_id=shop_id)


def write_transfer_file(batch: TransferBatch, path: Path, lang: str = "ko") -> Path:
    """One line per shop to pay: bank, bank code, account, holder, amount, memo, shop."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(safe_row(_columns("transfer_columns", lang)))
        for line in batch.transfers:
            writer.writerow(
                safe_row(
                    [
                        line.bank.bank,
                        line.bank.bank_code,
                        line.bank.account_no,
                        line.bank.holder,
                        line.amount,
                        transfer_memo(batch.period.label, line.shop_id),
                        line.shop_id,
                    ]
                )
            )
    return path


# -- PDF ---------------------------------------------------------------------------------------------


class _StatementPdf(FPDF):
    def __init__(self, footer_text: str, lang: str) -> None:
        super().__init__(unit="mm", format="A4")
        self.footer_text = footer_text
        self.lang = lang

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("korean", size=8)
        self.set_text_color(*GREY)
        self.cell(0, 5, self.footer_text, align="L")
        self.set_x(self.l_margin)
        page = text("stmt_page", self.lang, page=self.page_no(), pages="{nb}")
        self.cell(0, 5, page, align="R")
        self.set_text_color(0, 0, 0)


def _amount(value: int) -> str:
    return won(value) if value else "-"


def _heading(pdf: FPDF, title: str, keep_with: float = 20) -> None:
    """A section's title, on a new page when the page has no room for it and ``keep_with`` mm more."""
    if pdf.will_page_break(11 + keep_with):
        pdf.add_page()
    else:
        pdf.ln(4)
    pdf.set_font("korean", "B", 11)
    pdf.set_text_color(*OLIVE)
    pdf.cell(0, 7, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("korean", size=9)


def write_statement_pdf(statement: Statement, path: Path, issued_at: dt.datetime, lang: str = "ko") -> Path:
    """The statement on A4: who and when, the summary, every day of the period, the disputed claims
    and the payments; the same statement and issue time give the same file."""
    footer = f"{text('stmt_title', lang)} · {statement.shop_id} · {statement.period.label}"
    pdf = _StatementPdf(footer, lang)
    pdf.set_creation_date(issued_at.astimezone(dt.UTC))
    pdf.set_title(f"{text('stmt_title', lang)} {statement.shop_id} {statement.period.label}")
    pdf.add_font("korean", "", str(find_korean_font()))
    pdf.add_font("korean", "B", str(find_korean_font(bold=True)))
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    bold = FontFace(emphasis="BOLD")
    heading = FontFace(emphasis="BOLD", fill_color=HEADING_FILL)

    pdf.set_fill_color(*OLIVE)
    pdf.rect(15, 15, 180, 1.2, style="F")
    pdf.set_fill_color(255, 255, 255)
    pdf.ln(3)
    pdf.set_font("korean", "B", 16)
    pdf.cell(0, 10, text("stmt_title", lang), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("korean", size=9.5)
    with pdf.table(
        col_widths=(32, 148),
        text_align=("LEFT", "LEFT"),
        borders_layout="NONE",
        first_row_as_headings=False,
        line_height=5.5,
    ) as table:
        for label, value in _header_rows(statement, lang, issued_at):
            row = table.row()
            row.cell(label, style=FontFace(color=GREY))
            row.cell(value)

    _heading(pdf, text("stmt_summary", lang))
    with pdf.table(
        col_widths=(60, 40),
        width=100,
        align="LEFT",
        text_align=("LEFT", "RIGHT"),
        borders_layout="HORIZONTAL_LINES",
        first_row_as_headings=False,
        line_height=6,
    ) as table:
        for label, amount in _summary_rows(statement, lang):
            strong = label in (text("stmt_net", lang), text("stmt_balance", lang))
            style = heading if strong else None
            table.row([label, won(amount)], style=style)

    _heading(pdf, text("stmt_by_day", lang))
    with pdf.table(
        col_widths=(30, 14, 24, 38, 36, 38),
        text_align=("LEFT", "CENTER", "RIGHT", "RIGHT", "RIGHT", "RIGHT"),
        borders_layout="HORIZONTAL_LINES",
        headings_style=heading,
        line_height=4.7,
    ) as table:
        table.row(_columns("stmt_day_columns", lang))
        for d in statement.days:
            weekend = FontFace(fill_color=WEEKEND_FILL) if d.day.weekday() >= 5 else None
            refunds = _amount(-d.refunds)
            cells = [d.day.isoformat(), _weekday(d.day, lang), _amount(d.sales), _amount(d.points), refunds]
            table.row([*cells, _amount(d.net)], style=weekend)
        total = statement.points - statement.refunds
        table.row(
            [text("stmt_total", lang), "", won(statement.sales), won(statement.points),
             won(-statement.refunds), won(total)],
            style=bold,
        )  # fmt: skip

    _heading(pdf, text("stmt_disputes", lang))
    if statement.disputes:
        pdf.set_font("korean", size=8)
        with pdf.table(
            col_widths=(27, 17, 17, 45, 14, 27, 33),
            text_align=("LEFT", "LEFT", "RIGHT", "LEFT", "CENTER", "LEFT", "RIGHT"),
            borders_layout="HORIZONTAL_LINES",
            headings_style=heading,
            line_height=4.9,
        ) as table:
            table.row(_columns("stmt_dispute_columns", lang))
            for claim in statement.disputes:
                shown = [str(c) for c in _dispute_cells(claim, lang)]
                shown[2], shown[6] = won(claim.amount), _amount(claim.counted)
                table.row(shown)
        pdf.set_font("korean", size=9)
    else:
        pdf.cell(0, 6, text("stmt_no_disputes", lang), new_x="LMARGIN", new_y="NEXT")

    _heading(pdf, text("stmt_payments", lang))
    if statement.payments:
        with pdf.table(
            col_widths=(80, 40, 40),
            width=160,
            align="LEFT",
            text_align=("LEFT", "LEFT", "RIGHT"),
            borders_layout="HORIZONTAL_LINES",
            headings_style=heading,
            line_height=5.5,
        ) as table:
            table.row(_columns("stmt_payment_columns", lang))
            for p in statement.payments:
                table.row([p.reference, p.paid_on.isoformat(), won(p.amount)])
    else:
        pdf.cell(0, 6, text("stmt_no_payments", lang), new_x="LMARGIN", new_y="NEXT")

    pdf.ln(4)
    pdf.set_font("korean", size=8)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(0, 4.2, text("stmt_rule", lang), new_x="LMARGIN", new_y="NEXT")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path
