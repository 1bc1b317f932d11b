"""Day close on the till: the expected cash of a business day, the ``day_close`` journal entry, re-closes.

A close is never edited: closing the same business day again needs an explicit confirmation and
writes a new entry whose ``supersedes`` names the one it replaces. The float counted into the
drawer for tomorrow becomes the next business day's opening float.

A sale made after the close still belongs to its business day (reports count it there), but the
close's Z report does not hold it and the next day's expected cash does not either: only closing
the day again takes it in. ``after_close`` says what a closed day took since its close.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pos_app.checkout import sale_number
from pos_app.core.dayclose import (
    CashCount,
    DayCloseError,
    DayCloseProblem,
    ZReport,
    check_close,
    expected_cash,
    parse_amount,
)
from pos_app.core.reports import SalesSummary, TenderTotals
from pos_app.journal.store import Journal
from pos_app.manager.queries import SalesQueries
from sync.shared.chain import JournalEntry
from sync.shared.clock import business_day_bounds, utc_now
from sync.shared.entries import DayClose, Sale


@dataclass(frozen=True)
class CloseDraft:
    """What the close screen shows before the manager counts: today's figures and the expected cash."""

    business_day: dt.date
    summary: SalesSummary
    opening_float: int
    expected_cash: int
    previous_close: JournalEntry | None  # the close this day already has, if any
    unsynced: int


@dataclass(frozen=True)
class LateSale:
    """An approved sale of a closed business day, made after the close: its Z report does not hold it."""

    sale_no: str
    at: dt.datetime
    paid: TenderTotals
    cashier: str

    @property
    def total(self) -> int:
        return self.paid.total


@dataclass(frozen=True)
class AfterClose:
    """What a closed business day took after its standing close (the latest one)."""

    close: JournalEntry
    closed_at: dt.datetime
    closed_by: str
    sales: tuple[LateSale, ...]
    refund_count: int  # refunds and voids
    refunds: TenderTotals

    @property
    def sold(self) -> TenderTotals:
        total = TenderTotals()
        for sale in self.sales:
            total = total + sale.paid
        return total

    @property
    def cash_change(self) -> int:
        """Cash the drawer gained since the close (negative when more went back than came in)."""
        return self.sold.cash - self.refunds.cash

    @property
    def anything(self) -> bool:
        return bool(self.sales) or self.refund_count > 0


class DayCloseBook:
    """Reads and writes ``day_close`` entries of one till's journal."""

    def __init__(
        self,
        journal: Journal,
        *,
        initial_float: Callable[[], int] = lambda: 0,
        clock: Callable[[], dt.datetime] = utc_now,
        queries: SalesQueries | None = None,
    ) -> None:
        self.journal = journal
        self.queries = queries or SalesQueries(journal)
        self.initial_float = initial_float
        self.clock = clock

    def closes(self, business_day: dt.date | None = None) -> list[JournalEntry]:
        """Close entries, oldest first (of one business day when given)."""
        sql = "SELECT seq FROM entry WHERE type = 'day_close'"
        params: list[str] = []
        if business_day is not None:
            sql += " AND json_extract(payload, '$.business_day') = ?"
            params.append(business_day.isoformat())
        rows = self.journal.query(sql + " ORDER BY seq", params)
        if not rows:
            return []
        first = rows[0][0]
        wanted = {r[0] for r in rows}
        return [e for e in self.journal.entries(after_seq=first - 1, types=["day_close"]) if e.seq in wanted]

    def current_close(self, business_day: dt.date) -> JournalEntry | None:
        """The close that stands for the day: the latest one (each re-close supersedes the one before)."""
        rows = self.journal.query(
            "SELECT id FROM entry WHERE type = 'day_close' AND json_extract(payload, '$.business_day') = ? "
            "ORDER BY seq DESC LIMIT 1",
            (business_day.isoformat(),),
        )
        return self.journal.entry(rows[0][0]) if rows else None

    def after_close(self, business_day: dt.date) -> AfterClose | None:
        """The sales, refunds and voids of a closed day since its standing close; None if not closed."""
        close = self.current_close(business_day)
        if close is None:
            return None
        start, end = business_day_bounds(business_day)
        sales = []
        for entry_id in self.queries.sales_after(start, end, close.seq):
            entry = self.journal.entry(entry_id)
            body = entry.body if entry is not None else None
            if entry is None or not isinstance(body, Sale):
                continue  # an unreadable entry: the journal's verification reports it
            sales.append(
                LateSale(
                    sale_no=sale_number(entry),
                    at=dt.datetime.fromisoformat(entry.ts),
                    paid=TenderTotals(body.points, body.cash, body.bank_card),
                    cashier=body.cashier,
                )
            )
        count, refunds = self.queries.refunds_after(start, end, close.seq)
        return AfterClose(
            close=close,
            closed_at=dt.datetime.fromisoformat(close.ts),
            closed_by=str(close.payload.get("closed_by", "")),
            sales=tuple(sales),
            refund_count=count,
            refunds=refunds,
        )

    def opening_float(self, business_day: dt.date) -> int:
        """Tomorrow's float of the latest earlier close; the shop's initial float before any close."""
        rows = self.journal.query(
            "SELECT json_extract(payload, '$.next_float') FROM entry WHERE type = 'day_close' "
            "AND json_extract(payload, '$.business_day') < ? ORDER BY json_extract(payload, '$.business_day') DESC, "
            "seq DESC LIMIT 1",
            (business_day.isoformat(),),
        )
        return int(rows[0][0]) if rows else int(self.initial_float())

    def draft(self, business_day: dt.date) -> CloseDraft:
        summary = self.queries.summary(*business_day_bounds(business_day))
        opening = self.opening_float(business_day)
        return CloseDraft(
            business_day=business_day,
            summary=summary,
            opening_float=opening,
            expected_cash=expected_cash(opening, summary.gross.cash, summary.refunds.cash),
            previous_close=self.current_close(business_day),
            unsynced=sum(self.queries.unsynced().values()),
        )

    def close(
        self,
        business_day: dt.date,
        counts: Mapping[int, str],
        *,
        reason: str,
        next_float: str,
        closed_by: str,
        confirm_reclose: bool = False,
    ) -> tuple[ZReport, JournalEntry]:
        """Check everything, then append one ``day_close`` entry. ``DayCloseError`` leaves the journal as it was."""
        counted = CashCount.from_texts(counts)
        float_amount = parse_amount(next_float, DayCloseProblem.NEXT_FLOAT_NOT_NUMBER)
        draft = self.draft(business_day)
        check_close(
            expected=draft.expected_cash,
            counted=counted,
            reason=reason,
            next_float=float_amount,
            already_closed=draft.previous_close is not None,
            confirmed_reclose=confirm_reclose,
        )
        if not closed_by:
            raise DayCloseError(DayCloseProblem.NO_MANAGER)
        now = self.clock()
        z = ZReport(
            business_day=business_day,
            till_id=self.journal.till_id,
            summary=draft.summary,
            opening_float=draft.opening_float,
            counted=counted,
            reason=reason.strip(),
            next_float=float_amount,
            closed_by=closed_by,
            closed_at=now,
            supersedes=draft.previous_close.id if draft.previous_close else None,
            top_products=tuple(
                (p.name, p.qty, p.amount)
                for p in self.queries.top_products(*business_day_bounds(business_day))
            ),
            unsynced=draft.unsynced,
        )
        entry = self.journal.append(z.to_payload(), at=now)
        return z, entry

    def z_report(self, entry: JournalEntry) -> ZReport:
        """A stored close as the Z report it printed, rebuilt from the journal alone (a reprint after
        the till restarted): the figures the entry recorded, and the top products of the entries it
        covered, not of sales made after it."""
        body = entry.body
        if not isinstance(body, DayClose):
            raise ValueError(f"entry {entry.id} is not a readable day close")
        z = ZReport.from_payload(body, entry.till_id, dt.datetime.fromisoformat(entry.ts))
        top = self.queries.top_products(*business_day_bounds(z.business_day), through_seq=entry.seq)
        return ZReport(**{**z.__dict__, "top_products": tuple((p.name, p.qty, p.amount) for p in top)})

    def standing_z_report(self, business_day: dt.date) -> ZReport | None:
        """The Z report of the close that stands for the day (the latest), or None if it is not closed."""
        close = self.current_close(business_day)
        return self.z_report(close) if close is not None else None
