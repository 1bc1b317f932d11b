"""Settlement with the shops: a shop's bank details, its statement for a period, the transfers the
office owes, and payments recorded by the bank's reference (the ledger transfer shop -> settled).

What the programme owes a shop for a period is every posting to its ``shop:`` account, other than
payments, whose event falls in the period's business days (KST):

- a sale's points by the business day of the sale's till time (``sale.ts``; for an offline sale only
  the part the rules allowed, ``card_part + shortfall``: a disputed part is never the shop's);
- a refund, void or cancellation by the business day of that entry's till time;
- an accepted disputed claim by the day the office accepted it.

So periods never overlap and together hold every won the shop was credited: a refund made after a
month was paid lowers the month it was made in, not the month already paid. A statement is read,
never stored; two runs over the same ledger give the same figures.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, RowMapping, and_, case, func, insert, or_, select, update

from sync.ledger import schema as t
from sync.ledger.banks import BankDetails, bank_details
from sync.ledger.db import among
from sync.ledger.errors import LedgerError
from sync.ledger.postings import account_balance, post
from sync.ledger.transaction import Transaction, settled_account, shop_account
from sync.shared.clock import Clock, business_day_bounds, business_day_of, parse_instant
from sync.shared.money import require_won

_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
MAX_REFERENCE = 64
# Follow-ups that give a shop's points back (postings shop -> card or shortfall).
GIVEN_BACK_KINDS = ("refund", "reversal")


def _utc_text(at: dt.datetime) -> str:
    """An instant as the ledger stores it: ISO 8601 in UTC with microseconds (text order is time order)."""
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _day_of_text(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return business_day_of(parse_instant(text))
    except ValueError:
        return None


# -- periods -------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Period:
    """Business days ``start`` to ``end`` (both included), in KST; a calendar month by default."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise LedgerError("settlement_period_invalid", first=self.start, last=self.end)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        first = dt.date(year, month, 1)
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return cls(first, following - dt.timedelta(days=1))

    @classmethod
    def parse_month(cls, text: str) -> Period:
        """``YYYY-MM`` (e.g. ``2026-11``), as the office types it."""
        found = _MONTH.fullmatch(text.strip())
        if found is None or not 1 <= int(found.group(2)) <= 12 or int(found.group(1)) < 2000:
            raise LedgerError("settlement_month_invalid", month=text)
        return cls.month(int(found.group(1)), int(found.group(2)))

    @classmethod
    def month_before(cls, day: dt.date) -> Period:
        """The calendar month before the one ``day`` is in (what the office settles at a month's start)."""
        last = day.replace(day=1) - dt.timedelta(days=1)
        return cls.month(last.year, last.month)

    @property
    def is_month(self) -> bool:
        return self.start.day == 1 and self == Period.month(self.start.year, self.start.month)

    @property
    def label(self) -> str:
        """``2026-11`` for a calendar month, else ``2026-11-01~2026-11-15``."""
        return f"{self.start:%Y-%m}" if self.is_month else f"{self.start}~{self.end}"

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """The UTC instants [start, end) of the period's business days."""
        return business_day_bounds(self.start)[0], business_day_bounds(self.end)[1]

    def days(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


# -- what a statement holds ------------------------------------------------------------------------


@dataclass(frozen=True)
class DayLine:
    """One business day of a shop: its points sales, the points they credited, and the points given
    back that day (refunds, voids and cancelled sales)."""

    day: dt.date
    sales: int = 0
    points: int = 0
    refunds: int = 0

    @property
    def net(self) -> int:
        return self.points - self.refunds


@dataclass(frozen=True)
class DisputeLine:
    """An offline claim beyond the rules that concerns the period: its sale is in it, or it was
    raised or decided in it. Only a claim accepted in the period adds to what the period owes."""

    id: str
    sale_id: str
    till_id: str
    sale_ts: str | None  # the sale's till time (UTC text), None when the sale is not stored
    amount: int
    reason: str
    status: str  # open | accepted | rejected
    raised_at: str
    resolved_at: str | None
    resolved_by: str | None
    note: str
    counted: int  # what this period owes for it: the amount when accepted in the period, else 0


@dataclass(frozen=True)
class PaymentLine:
    reference: str
    amount: int
    paid_on: dt.date
    recorded_at: str
    operator: str


@dataclass(frozen=True)
class Statement:
    shop_id: str
    shop_name: str
    business_no: str
    representative: str
    bank: BankDetails  # as stored: show ``bank.masked`` anywhere but a transfer file
    period: Period
    days: tuple[DayLine, ...]
    disputes: tuple[DisputeLine, ...]
    payments: tuple[PaymentLine, ...]

    @property
    def sales(self) -> int:
        return sum(d.sales for d in self.days)

    @property
    def points(self) -> int:
        return sum(d.points for d in self.days)

    @property
    def refunds(self) -> int:
        return sum(d.refunds for d in self.days)

    @property
    def disputes_accepted(self) -> int:
        return sum(d.counted for d in self.disputes)

    @property
    def net(self) -> int:
        """What the programme owes the shop for the period."""
        return self.points - self.refunds + self.disputes_accepted

    @property
    def paid(self) -> int:
        return sum(p.amount for p in self.payments)

    @property
    def balance(self) -> int:
        """Owed and not yet paid (negative: the period was paid more than it now owes)."""
        return self.net - self.paid


@dataclass
class _Figures:
    days: dict[dt.date, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    disputes: list[DisputeLine] = field(default_factory=list)
    payments: list[PaymentLine] = field(default_factory=list)


def _shops(conn: Connection, shop_ids: Sequence[str] | None) -> list[dict[str, str]]:
    query = select(
        t.shop.c.shop_id,
        t.shop.c.name,
        t.shop.c.business_no,
        t.shop.c.representative,
        t.shop.c.bank,
        t.shop.c.account_no,
        t.shop.c.account_holder,
    ).order_by(t.shop.c.shop_id)
    if shop_ids is not None:
        query = query.where(among(conn, t.shop.c.shop_id, shop_ids))
    rows = [dict(r) for r in conn.execute(query).mappings()]
    if shop_ids is not None:
        missing = sorted(set(shop_ids) - {r["shop_id"] for r in rows})
        if missing:
            raise LedgerError("shop_unknown", shop_id=missing[0])
    return rows


def _add_sales(conn: Connection, figures: dict[str, _Figures], period: Period, a: str, b: str) -> None:
    """Points sales per shop and business day in one grouped read on the (shop, ts) index.

    Sale times are stored as one-width UTC text (``EntryMeta``), so the KST day is the UTC date,
    plus one from 15:00 UTC on: grouping by those two keeps the work in the database.
    """
    sale = t.sale.c
    credited = sale.card_part + sale.shortfall
    utc_date = func.substr(sale.ts, 1, 10).label("utc_date")
    late = case((func.substr(sale.ts, 12, 2) >= "15", 1), else_=0).label("late")
    query = (
        select(sale.shop_id, utc_date, late, func.count().label("n"), func.sum(credited).label("points"))
        .where(among(conn, sale.shop_id, list(figures)), sale.ts >= a, sale.ts < b, credited > 0)
        .group_by(sale.shop_id, utc_date, late)
    )
    for shop_id, date_text, is_late, count, points in conn.execute(query):
        day = dt.date.fromisoformat(date_text) + dt.timedelta(days=int(is_late))
        if day in period:
            line = figures[shop_id].days[day]
            line[0] += int(count)
            line[1] += int(points)


def _add_given_back(conn: Connection, figures: dict[str, _Figures], period: Period) -> None:
    """Refunds, voids and cancellations: the shop's postings of those follow-ups, each on the
    business day of its entry's till time (the ledger's receipt time when that cannot be read)."""
    start, end = period.bounds()
    a, b = _utc_text(start - dt.timedelta(days=1)), _utc_text(end + dt.timedelta(days=1))
    accounts = {shop_account(s): s for s in figures}
    p, x, e = t.posting.c, t.txn.c, t.entry.c
    query = (
        select(p.account, e.ts, e.received_at, p.amount)
        .select_from(t.posting.join(t.txn, x.id == p.txn_id).join(t.entry, e.id == x.entry_id))
        .where(
            among(conn, p.account, list(accounts)),
            x.kind.in_(GIVEN_BACK_KINDS),
            or_(and_(e.ts >= a, e.ts < b), and_(e.received_at >= a, e.received_at < b)),
        )
    )
    for account, ts, received_at, amount in conn.execute(query):
        day = _day_of_text(ts) or _day_of_text(received_at)
        if day is not None and day in period:
            figures[accounts[account]].days[day][2] -= int(amount)


def _add_disputes(conn: Connection, figures: dict[str, _Figures], period: Period) -> None:
    start, _ = period.bounds()
    since = _utc_text(start - dt.timedelta(days=1))
    d = t.dispute.c
    query = (
        select(
            d.id,
            d.entry_id,
            d.till_id,
            d.shop_id,
            t.sale.c.ts,
            d.amount,
            d.reason,
            d.status,
            d.raised_at,
            d.resolved_at,
            d.resolved_by,
            d.note,
        )
        .select_from(t.dispute.outerjoin(t.sale, t.sale.c.entry_id == d.entry_id))
        .where(among(conn, d.shop_id, list(figures)), or_(d.raised_at >= since, d.resolved_at >= since))
        .order_by(d.raised_at, d.id)
    )
    for row in conn.execute(query).mappings():
        resolved = _day_of_text(row["resolved_at"])
        days = (_day_of_text(row["ts"]), _day_of_text(row["raised_at"]), resolved)
        if not any(day in period for day in days):
            continue
        counted = int(row["amount"]) if row["status"] == "accepted" and resolved in period else 0
        figures[row["shop_id"]].disputes.append(
            DisputeLine(
                row["id"],
                row["entry_id"],
                row["till_id"],
                row["ts"],
                int(row["amount"]),
                row["reason"],
                row["status"],
                row["raised_at"],
                row["resolved_at"],
                row["resolved_by"],
                row["note"],
                counted,
            )
        )


def _add_payments(conn: Connection, figures: dict[str, _Figures], period: Period) -> None:
    pay = t.payment.c
    query = (
        select(pay.shop_id, pay.reference, pay.amount, pay.paid_on, pay.recorded_at, pay.operator)
        .where(
            among(conn, pay.shop_id, list(figures)),
            pay.period_start == period.start,
            pay.period_end == period.end,
        )
        .order_by(pay.paid_on, pay.recorded_at, pay.reference)
    )
    for shop_id, reference, amount, paid_on, recorded_at, operator in conn.execute(query):
        figures[shop_id].payments.append(PaymentLine(reference, int(amount), paid_on, recorded_at, operator))


def statements(conn: Connection, period: Period, shop_ids: Sequence[str] | None = None) -> list[Statement]:
    """The statements of ``shop_ids`` (every shop by default) for ``period``, in shop order: a few
    reads for all of them, whatever their number."""
    shops = _shops(conn, shop_ids)
    if not shops:
        return []
    figures = {s["shop_id"]: _Figures() for s in shops}
    start, end = period.bounds()
    _add_sales(conn, figures, period, _utc_text(start), _utc_text(end))
    _add_given_back(conn, figures, period)
    _add_disputes(conn, figures, period)
    _add_payments(conn, figures, period)
    out = []
    for shop in shops:
        found = figures[shop["shop_id"]]
        out.append(
            Statement(
                shop["shop_id"],
                shop["name"],
                shop["business_no"],
                shop["representative"],
                BankDetails(shop["bank"], shop["account_no"], shop["account_holder"]),
                period,
                tuple(
                    DayLine(day, *found.days[day]) if day in found.days else DayLine(day)
                    for day in period.days()
                ),
                tuple(found.disputes),
                tuple(found.payments),
            )
        )
    return out


def statement(conn: Connection, shop_id: str, period: Period) -> Statement:
    return statements(conn, period, [shop_id])[0]


# -- bank details ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShopBank:
    shop_id: str
    name: str
    bank: BankDetails


def shop_banks(conn: Connection) -> list[ShopBank]:
    return [
        ShopBank(s["shop_id"], s["name"], BankDetails(s["bank"], s["account_no"], s["account_holder"]))
        for s in _shops(conn, None)
    ]


def set_shop_bank(
    conn: Connection, shop_id: str, bank: str, account_no: str, holder: str
) -> tuple[BankDetails, BankDetails]:
    """Check and keep where the shop is paid; returns the details before and after."""
    details = bank_details(bank, account_no, holder)
    before = shop_bank(conn, shop_id, lock=True)
    conn.execute(
        update(t.shop)
        .where(t.shop.c.shop_id == shop_id)
        .values(bank=details.bank, account_no=details.account_no, account_holder=details.holder)
    )
    return before, details


def shop_bank(conn: Connection, shop_id: str, lock: bool = False) -> BankDetails:
    query = select(t.shop.c.bank, t.shop.c.account_no, t.shop.c.account_holder).where(
        t.shop.c.shop_id == shop_id
    )
    row = conn.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise LedgerError("shop_unknown", shop_id=shop_id)
    return BankDetails(row[0], row[1], row[2])


# -- what to transfer ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Transfer:
    """One line of the bank transfer file: what a shop is owed for the period and not yet paid."""

    shop_id: str
    shop_name: str
    bank: BankDetails
    amount: int


@dataclass(frozen=True)
class TransferProblem:
    """A shop the transfer file leaves out, and why (a message code): the office must act on it."""

    shop_id: str
    shop_name: str
    code: str  # transfer_no_bank | transfer_negative | transfer_over_account
    amount: int
    held: int  # the shop account's balance (all periods, not yet paid)


@dataclass(frozen=True)
class TransferBatch:
    period: Period
    transfers: tuple[Transfer, ...]
    problems: tuple[TransferProblem, ...]

    @property
    def total(self) -> int:
        return sum(x.amount for x in self.transfers)


def transfers(conn: Connection, period: Period) -> TransferBatch:
    """Every shop's unpaid balance for the period: a transfer when it can be paid, else a problem."""
    found = statements(conn, period)
    held = {
        name: int(balance)
        for name, balance in conn.execute(
            select(t.account.c.name, t.account.c.balance).where(
                among(conn, t.account.c.name, [shop_account(s.shop_id) for s in found])
            )
        )
    }
    lines: list[Transfer] = []
    problems: list[TransferProblem] = []
    for s in found:
        balance, in_account = s.balance, held.get(shop_account(s.shop_id), 0)
        code = None
        if balance < 0:
            code = "transfer_negative"
        elif balance == 0:
            continue
        elif not s.bank.complete:
            code = "transfer_no_bank"
        elif balance > in_account:
            code = "transfer_over_account"
        if code:
            problems.append(TransferProblem(s.shop_id, s.shop_name, code, balance, in_account))
        else:
            lines.append(Transfer(s.shop_id, s.shop_name, s.bank, balance))
    return TransferBatch(period, tuple(lines), tuple(problems))


# -- payments --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Payment:
    reference: str
    shop_id: str
    period: Period
    amount: int
    paid_on: dt.date
    txn_id: str
    recorded_at: str
    operator: str


@dataclass(frozen=True)
class PaymentRecorded:
    """A payment and the period's balance before and after it; ``already_recorded``: the same
    reference came again with the same figures, and nothing was written."""

    payment: Payment
    already_recorded: bool
    balance_before: int
    balance_after: int
    account_before: int
    account_after: int


def clean_reference(reference: str) -> str:
    text = unicodedata.normalize("NFKC", reference).strip()
    if not text:
        raise LedgerError("payment_reference_empty")
    if len(text) > MAX_REFERENCE or any(unicodedata.category(ch).startswith("C") for ch in text):
        raise LedgerError("payment_reference_invalid", length=MAX_REFERENCE)
    return text


def _payment(row: RowMapping) -> Payment:
    return Payment(
        row["reference"],
        row["shop_id"],
        Period(row["period_start"], row["period_end"]),
        int(row["amount"]),
        row["paid_on"],
        row["txn_id"],
        row["recorded_at"],
        row["operator"],
    )


def _stored_payment(conn: Connection, reference: str) -> Payment | None:
    row = conn.execute(select(t.payment).where(t.payment.c.reference == reference)).mappings().first()
    return _payment(row) if row is not None else None


def record_payment(
    conn: Connection,
    clock: Clock,
    shop_id: str,
    period: Period,
    amount: int,
    reference: str,
    paid_on: dt.date,
    operator: str,
) -> PaymentRecorded:
    """Record that the bank paid ``amount`` to the shop for ``period`` under ``reference``: the
    ledger transfer shop -> settled and the payment row, in the caller's transaction.

    Idempotent by reference: the same reference with the same shop, period, amount and day answers
    ``already_recorded`` and writes nothing; with other figures it is refused. Never more than the
    period still owes, nor more than the shop's account holds.
    """
    require_won(amount)
    reference = clean_reference(reference)
    if amount <= 0:
        raise LedgerError("payment_amount_invalid", amount=amount)
    today = business_day_of(clock())
    if paid_on > today:
        raise LedgerError("payment_in_future", paid_on=paid_on, today=today)
    if paid_on < period.start:
        raise LedgerError("payment_before_period", paid_on=paid_on, start=period.start)
    shop_bank(conn, shop_id)  # refuses an unknown shop
    # The shop's account is locked first: payments of one shop are recorded one at a time, so a
    # resend of the same reference waits and then finds the first one stored.
    account = shop_account(shop_id)
    held = account_balance(conn, account, lock=True)
    stored = _stored_payment(conn, reference)
    if stored is not None:
        same = (stored.shop_id, stored.period, stored.amount, stored.paid_on) == (
            shop_id,
            period,
            amount,
            paid_on,
        )
        if not same:
            raise LedgerError(
                "payment_reference_conflict",
                reference=reference,
                shop_id=stored.shop_id,
                period=stored.period.label,
                amount=stored.amount,
                paid_on=stored.paid_on,
            )
        balance = statement(conn, shop_id, period).balance
        return PaymentRecorded(stored, True, balance, balance, held, held)
    balance = statement(conn, shop_id, period).balance
    if amount > balance:
        raise LedgerError(
            "payment_exceeds_owed", shop_id=shop_id, period=period.label, owed=balance, amount=amount
        )
    if amount > held:
        raise LedgerError("payment_exceeds_account", shop_id=shop_id, held=held, amount=amount)
    moves = [(account, -amount), (settled_account(shop_id), amount)]
    txn_id = post(conn, clock, Transaction.of("settlement", None, moves, f"{reference} {period.label}"))
    assert txn_id is not None  # amount > 0: the transaction moves money
    payment = Payment(
        reference, shop_id, period, amount, paid_on, txn_id, _utc_text(clock()), operator[:64] or "unknown"
    )
    conn.execute(
        insert(t.payment).values(
            reference=reference,
            shop_id=shop_id,
            period_start=period.start,
            period_end=period.end,
            amount=amount,
            paid_on=paid_on,
            txn_id=txn_id,
            recorded_at=payment.recorded_at,
            operator=payment.operator,
        )
    )
    return PaymentRecorded(payment, False, balance, balance - amount, held, held - amount)


def payments(conn: Connection, shop_id: str | None = None) -> list[Payment]:
    query = select(t.payment).order_by(t.payment.c.paid_on, t.payment.c.recorded_at, t.payment.c.reference)
    if shop_id is not None:
        query = query.where(t.payment.c.shop_id == shop_id)
    return [_payment(row) for row in conn.execute(query).mappings()]
