"""Sales report values and their pure arithmetic: business days in KST, tender totals, CSV text.

The SQL that fills these values lives in ``pos_app.manager.queries``; everything here is plain data
so the day's figures, the Z report and the exports share one definition of "net".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from pos_app.core.money import require_won
from sync.shared.clock import business_day_bounds
from sync.shared.office_text import safe_row


def range_bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """UTC bounds of the business days ``first`` to ``last`` inclusive."""
    if last < first:
        first, last = last, first
    return business_day_bounds(first)[0], business_day_bounds(last)[1]


def iso_utc(at: dt.datetime) -> str:
    """The journal's timestamp format, so range bounds compare as text with stored ``ts``."""
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class TenderTotals:
    """Amounts by tender, int won."""

    points: int = 0
    cash: int = 0
    bank_card: int = 0

    def __post_init__(self) -> None:
        for value in (self.points, self.cash, self.bank_card):
            require_won(value)

    @property
    def total(self) -> int:
        return self.points + self.cash + self.bank_card

    def __sub__(self, other: TenderTotals) -> TenderTotals:
        return TenderTotals(
            self.points - other.points, self.cash - other.cash, self.bank_card - other.bank_card
        )

    def __add__(self, other: TenderTotals) -> TenderTotals:
        return TenderTotals(
            self.points + other.points, self.cash + other.cash, self.bank_card + other.bank_card
        )


@dataclass(frozen=True)
class SalesSummary:
    """Approved sales and the refunds/voids made in a period; ``net`` is what the shop keeps."""

    sales_count: int
    gross: TenderTotals
    refunds: TenderTotals
    refund_count: int = 0
    void_count: int = 0

    @property
    def net(self) -> TenderTotals:
        return self.gross - self.refunds

    @property
    def average_ticket(self) -> int:
        """Gross per sale, rounded down to the won (0 when nothing was sold)."""
        return average(self.gross.total, self.sales_count)


def average(total: int, count: int) -> int:
    return total // count if count else 0


@dataclass(frozen=True)
class RefundRecord:
    """A refund or void as the manager reviews it: who, when, why, how much."""

    entry_id: str
    kind: str  # refund | void
    at: dt.datetime
    sale_id: str
    amount: int
    points: int
    cash: int
    bank_card: int
    reason: str
    manager: str
    cashier: str


@dataclass(frozen=True)
class ProductTotal:
    sku: str
    name: str
    qty: int
    amount: int


@dataclass(frozen=True)
class ReportRow:
    """One line of a report: a key (date, sku, category, tender, cashier) and its figures.

    A day's row also has what was sold and what went back, by tender (``amount`` is their net)."""

    key: str
    label: str
    count: int
    amount: int
    sold: TenderTotals | None = None
    refunded: TenderTotals | None = None


@dataclass(frozen=True)
class Report:
    """A report over a range of business days, ready for the screen, CSV and PDF."""

    kind: str  # day | product | category | tender | cashier
    first_day: dt.date
    last_day: dt.date
    columns: tuple[str, str, str, str]
    rows: tuple[ReportRow, ...]
    summary: SalesSummary
    notes: tuple[str, ...] = field(default=())

    @property
    def total_amount(self) -> int:
        return sum(row.amount for row in self.rows)


REPORT_KINDS = ("day", "product", "category", "tender", "cashier")
# The daily CSV splits each day by tender; refunds are negative, so a row adds up to its net.
DAY_CSV_COLUMNS = (
    "영업일",
    "요일",
    "판매 건수",
    "포인트 판매(원)",
    "현금 판매(원)",
    "카드 판매(원)",
    "포인트 환불(원)",
    "현금 환불(원)",
    "카드 환불(원)",
    "순매출(원)",
)


def _by_tender(sold: TenderTotals, refunded: TenderTotals) -> list[int]:
    return [sold.points, sold.cash, sold.bank_card, -refunded.points, -refunded.cash, -refunded.bank_card]


def csv_bytes(report: Report) -> bytes:
    """The report as CSV in UTF-8 with a BOM, which Korean Excel needs to read Hangul correctly."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    split = report.kind == "day" and all(r.sold is not None and r.refunded is not None for r in report.rows)
    writer.writerow(safe_row(DAY_CSV_COLUMNS if split else report.columns))
    s = report.summary
    for row in report.rows:
        # Product and staff names are typed at the till: never let a spreadsheet run one.
        middle = _by_tender(row.sold, row.refunded) if split and row.sold and row.refunded else []
        writer.writerow(safe_row([row.key, row.label, row.count, *middle, row.amount]))
    total = _by_tender(s.gross, s.refunds) if split else []
    writer.writerow(["합계", "", s.sales_count, *total, report.total_amount])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def summarise(
    sales: Sequence[tuple[int, int, int, int]], refunds: Sequence[tuple[str, int, int, int]]
) -> SalesSummary:
    """Reference arithmetic over raw rows (``(total, points, cash, bank_card)`` and ``(kind, ...)``).

    The SQL path must agree with this; tests compare the two on the same journal.
    """
    gross = TenderTotals(sum(s[1] for s in sales), sum(s[2] for s in sales), sum(s[3] for s in sales))
    back = TenderTotals(sum(r[1] for r in refunds), sum(r[2] for r in refunds), sum(r[3] for r in refunds))
    return SalesSummary(
        sales_count=len(sales),
        gross=gross,
        refunds=back,
        refund_count=sum(1 for r in refunds if r[0] == "refund"),
        void_count=sum(1 for r in refunds if r[0] == "void"),
    )
