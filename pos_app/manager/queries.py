"""Report queries over the till's journal: SQL aggregation with ``json_extract``, no entry is loaded whole.

Counting rule (issue 5): a ``sale`` counts unless a ``sale_rejected`` or ``sale_cancelled`` entry
refers to it; refunds and voids count on the business day they are made. Business days are
Asia/Seoul midnight to midnight; stored times are UTC text, so ranges compare as text on ``ts``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pos_app.core.reports import (
    ProductTotal,
    RefundRecord,
    Report,
    ReportRow,
    SalesSummary,
    TenderTotals,
    business_day_bounds,
    iso_utc,
    range_bounds,
)
from pos_app.journal.store import Journal
from sync.shared.clock import KST_SQLITE_MODIFIER
from sync.shared.entries import REFUND_TYPES, UNDONE_TYPES

# Sales of the range that were approved. Follow-ups always come after their sale, so only
# follow-ups from the range's start on can undo one of its sales.
_APPROVED = """
WITH undone AS (
    SELECT sale.seq FROM entry AS sale WHERE sale.id IN (
        SELECT json_extract(payload, '$.ref') FROM entry
        WHERE type IN ('sale_rejected', 'sale_cancelled') AND ts >= :start
    )
),
approved AS (
    SELECT seq, ts, payload FROM entry
    WHERE type = 'sale' AND ts >= :start AND ts < :end AND seq NOT IN undone
)
"""
# The same, within a stretch of the journal (``:after`` < seq <= ``:through``): what a day close
# covered (the entries before it) or what came after it. Only a follow-up within the stretch undoes.
_APPROVED_IN_SEQ = """
WITH undone AS (
    SELECT sale.seq FROM entry AS sale WHERE sale.id IN (
        SELECT json_extract(payload, '$.ref') FROM entry
        WHERE type IN ('sale_rejected', 'sale_cancelled') AND ts >= :start AND seq <= :through
    )
),
approved AS (
    SELECT seq, id, ts, payload FROM entry
    WHERE type = 'sale' AND ts >= :start AND ts < :end AND seq > :after AND seq <= :through
      AND seq NOT IN undone
)
"""
ALL_SEQ = 2**62  # beyond any journal's last entry
_REFUNDS = "SELECT seq, id, ts, type, payload FROM entry WHERE type IN ('refund', 'void') AND ts >= :start AND ts < :end"

TENDER_KO = {"points": "포인트", "cash": "현금", "bank_card": "카드"}
REPORT_COLUMNS = {
    "day": ("영업일", "요일", "판매 건수", "순매출(원)"),
    "product": ("상품 코드", "상품명", "수량", "판매 금액(원)"),
    "category": ("분류 코드", "분류", "수량", "판매 금액(원)"),
    "tender": ("결제 수단", "이름", "건수", "순매출(원)"),
    "cashier": ("직원 번호", "이름", "판매 건수", "순매출(원)"),
}
WEEKDAY_KO = "월화수목금토일"


def _bounds(start: dt.datetime, end: dt.datetime) -> dict[str, str]:
    # ``kst`` is the business time zone as SQLite's date modifier, so no query spells the offset.
    return {"start": iso_utc(start), "end": iso_utc(end), "kst": KST_SQLITE_MODIFIER}


@dataclass(frozen=True)
class OfflineStatus:
    """What the till knows about offline points sales (the ledger tells a till no shortfall amounts)."""

    pending_count: int
    pending_points: int
    # Synced offline sales after which the ledger reported the card at 0 points: the card may not
    # have covered the sale; the exact shortfall is in the office's ledger report.
    possible_shortfalls: tuple[tuple[str, str, int], ...]  # (time ISO, card last 4, points)


@dataclass(frozen=True)
class Glance:
    """Today at a glance: everything the manager's first screen shows, read in one go."""

    business_day: dt.date
    summary: SalesSummary
    by_hour: tuple[int, ...]
    top_products: tuple[ProductTotal, ...]
    refunds: tuple[RefundRecord, ...]
    unsynced: dict[str, int]
    offline: OfflineStatus

    @property
    def unsynced_total(self) -> int:
        return sum(self.unsynced.values())


class SalesQueries:
    """Read-only figures for one till's journal."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def _q(self, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.journal.query(sql, params)  # type: ignore[arg-type]

    # -- totals ------------------------------------------------------------------------------------
    def summary(self, start: dt.datetime, end: dt.datetime) -> SalesSummary:
        params = _bounds(start, end)
        row = self._q(
            _APPROVED
            + """
            SELECT COUNT(*),
                   COALESCE(SUM(json_extract(payload, '$.points')), 0),
                   COALESCE(SUM(json_extract(payload, '$.cash')), 0),
                   COALESCE(SUM(json_extract(payload, '$.bank_card')), 0)
            FROM approved""",
            params,
        )[0]
        back = self._q(
            """
            SELECT COALESCE(SUM(json_extract(payload, '$.points')), 0),
                   COALESCE(SUM(json_extract(payload, '$.cash')), 0),
                   COALESCE(SUM(json_extract(payload, '$.bank_card')), 0),
                   COALESCE(SUM(type = 'refund'), 0), COALESCE(SUM(type = 'void'), 0)
            FROM entry WHERE type IN ('refund', 'void') AND ts >= :start AND ts < :end""",
            params,
        )[0]
        return SalesSummary(
            sales_count=int(row[0]),
            gross=TenderTotals(int(row[1]), int(row[2]), int(row[3])),
            refunds=TenderTotals(int(back[0]), int(back[1]), int(back[2])),
            refund_count=int(back[3]),
            void_count=int(back[4]),
        )

    def day_summary(self, day: dt.date) -> SalesSummary:
        return self.summary(*business_day_bounds(day))

    def by_hour(self, day: dt.date) -> list[int]:
        """Gross sales per hour of the business day (24 values, Seoul hours)."""
        hours = [0] * 24
        for hour, amount in self._q(
            _APPROVED
            + """
            SELECT CAST(strftime('%H', ts, :kst) AS INTEGER), SUM(json_extract(payload, '$.total'))
            FROM approved GROUP BY 1""",
            _bounds(*business_day_bounds(day)),
        ):
            hours[int(hour)] = int(amount)
        return hours

    def top_products(
        self, start: dt.datetime, end: dt.datetime, limit: int | None = 5, *, through_seq: int | None = None
    ) -> list[ProductTotal]:
        """Products by amount sold; with ``through_seq``, only what the journal held up to that entry."""
        params: dict[str, Any] = _bounds(start, end)
        if through_seq is not None:
            params.update(after=0, through=through_seq)
        sql = (
            (_APPROVED if through_seq is None else _APPROVED_IN_SEQ)
            + """
            SELECT json_extract(line.value, '$.sku') AS sku, MAX(json_extract(line.value, '$.name')),
                   SUM(json_extract(line.value, '$.qty')), SUM(json_extract(line.value, '$.amount')) AS amount
            FROM approved, json_each(approved.payload, '$.lines') AS line
            GROUP BY sku ORDER BY amount DESC, sku"""
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [ProductTotal(str(r[0]), str(r[1]), int(r[2]), int(r[3])) for r in self._q(sql, params)]

    def sales_after(self, start: dt.datetime, end: dt.datetime, after_seq: int) -> list[str]:
        """Ids of the approved sales of a range that came after the entry ``after_seq``, oldest first."""
        params: dict[str, Any] = {**_bounds(start, end), "after": after_seq, "through": ALL_SEQ}
        return [str(r[0]) for r in self._q(_APPROVED_IN_SEQ + "SELECT id FROM approved ORDER BY seq", params)]

    def refunds_after(self, start: dt.datetime, end: dt.datetime, after_seq: int) -> tuple[int, TenderTotals]:
        """How many refunds and voids a range had after the entry ``after_seq``, and what they gave back."""
        row = self._q(
            """SELECT COUNT(*),
                      COALESCE(SUM(json_extract(payload, '$.points')), 0),
                      COALESCE(SUM(json_extract(payload, '$.cash')), 0),
                      COALESCE(SUM(json_extract(payload, '$.bank_card')), 0)
               FROM entry WHERE type IN ('refund', 'void') AND ts >= :start AND ts < :end AND seq > :after""",
            {**_bounds(start, end), "after": after_seq},
        )[0]
        return int(row[0]), TenderTotals(int(row[1]), int(row[2]), int(row[3]))

    def refunds(self, start: dt.datetime, end: dt.datetime) -> list[RefundRecord]:
        out = []
        for _seq, entry_id, ts, kind, payload in self._q(
            """SELECT seq, id, ts, type, json_object(
                   'ref', json_extract(payload, '$.ref'), 'points', json_extract(payload, '$.points'),
                   'cash', json_extract(payload, '$.cash'), 'bank_card', json_extract(payload, '$.bank_card'),
                   'reason', json_extract(payload, '$.reason'), 'manager', json_extract(payload, '$.manager'),
                   'cashier', json_extract(payload, '$.cashier'))
               FROM entry WHERE type IN ('refund', 'void') AND ts >= :start AND ts < :end ORDER BY seq""",
            _bounds(start, end),
        ):
            p = json.loads(payload)
            points, cash, card = int(p["points"] or 0), int(p["cash"] or 0), int(p["bank_card"] or 0)
            out.append(
                RefundRecord(
                    entry_id=entry_id,
                    kind=kind,
                    at=dt.datetime.fromisoformat(ts),
                    sale_id=str(p["ref"]),
                    amount=points + cash + card,
                    points=points,
                    cash=cash,
                    bank_card=card,
                    reason=str(p["reason"] or ""),
                    manager=str(p["manager"] or ""),
                    cashier=str(p["cashier"] or ""),
                )
            )
        return out

    def glance(self, day: dt.date) -> Glance:
        start, end = business_day_bounds(day)
        return Glance(
            business_day=day,
            summary=self.summary(start, end),
            by_hour=tuple(self.by_hour(day)),
            top_products=tuple(self.top_products(start, end)),
            refunds=tuple(self.refunds(start, end)),
            unsynced=self.unsynced(),
            offline=self.offline_status(start),
        )

    # -- sync state --------------------------------------------------------------------------------
    def unsynced(self) -> dict[str, int]:
        """Entries the ledger has not acknowledged yet, by type."""
        through = int(self.journal.setting("acked_through") or 0)
        return {
            str(kind): int(count)
            for kind, count in self._q(
                "SELECT type, COUNT(*) FROM entry e WHERE seq > ? "
                "AND NOT EXISTS (SELECT 1 FROM ack a WHERE a.seq = e.seq) GROUP BY type ORDER BY type",
                (through,),
            )
        }

    def offline_status(self, since: dt.datetime | None = None) -> OfflineStatus:
        """Offline points sales not yet synced, and synced ones that may have left a shortfall."""
        through = int(self.journal.setting("acked_through") or 0)
        pending = self._q(
            """SELECT COUNT(*), COALESCE(SUM(json_extract(s.payload, '$.points')), 0) FROM entry s
               WHERE s.type = 'sale' AND s.seq > ? AND json_extract(s.payload, '$.points') > 0
                 AND (json_extract(s.payload, '$.auth') = 'offline'
                      OR EXISTS (SELECT 1 FROM entry f WHERE f.type = 'sale_fallback' AND f.seq > s.seq
                                 AND json_extract(f.payload, '$.ref') = s.id))
                 AND NOT EXISTS (SELECT 1 FROM ack a WHERE a.seq = s.seq)""",
            (through,),
        )[0]
        start = iso_utc(since) if since else ""
        flagged = self._q(
            """SELECT s.ts, json_extract(s.payload, '$.card.number'), json_extract(s.payload, '$.points')
               FROM entry s JOIN ack a ON a.seq = s.seq
               WHERE s.type = 'sale' AND s.ts >= ? AND json_extract(s.payload, '$.auth') = 'offline'
                 AND json_extract(s.payload, '$.points') > 0 AND a.status = 'accepted' AND a.card_balance = 0
               ORDER BY s.seq""",
            (start,),
        )
        return OfflineStatus(
            pending_count=int(pending[0]),
            pending_points=int(pending[1]),
            possible_shortfalls=tuple((str(ts), str(num or "")[-4:], int(pts)) for ts, num, pts in flagged),
        )

    def _sold_by_day(
        self, first_day: dt.date, last_day: dt.date, params: dict[str, str]
    ) -> dict[str, tuple[int, TenderTotals]]:
        """Approved sales per business day and tender, grouped while walking the figures index in time order."""
        days: list[dt.date] = []
        day = first_day
        while day <= last_day:
            days.append(day)
            day += dt.timedelta(days=1)
        ends = [iso_utc(business_day_bounds(d)[1]) for d in days]
        sold: dict[str, tuple[int, TenderTotals]] = {}
        index, count, points, cash, card = 0, 0, 0, 0, 0
        for ts, p, c, b in self._q(
            _APPROVED
            + """SELECT ts, json_extract(payload, '$.points'), json_extract(payload, '$.cash'),
                        json_extract(payload, '$.bank_card') FROM approved ORDER BY ts""",
            params,
        ):
            while ts >= ends[index]:
                if count:
                    sold[days[index].isoformat()] = (count, TenderTotals(points, cash, card))
                index, count, points, cash, card = index + 1, 0, 0, 0, 0
            count, points, cash, card = count + 1, points + int(p), cash + int(c), card + int(b)
        if count:
            sold[days[index].isoformat()] = (count, TenderTotals(points, cash, card))
        return sold

    # -- reports over a date range ---------------------------------------------------------------
    def report(
        self,
        kind: str,
        first_day: dt.date,
        last_day: dt.date,
        *,
        category_of: Callable[[str], tuple[str, str]] | None = None,
        staff_name: Callable[[str], str] | None = None,
    ) -> Report:
        """A report by ``day``, ``product``, ``category``, ``tender`` or ``cashier`` over business days.

        Day, tender and cashier rows are net of the refunds made in the range; product and category
        rows are what was sold (refunds carry no lines).
        """
        if kind not in REPORT_COLUMNS:
            raise ValueError(f"unknown report {kind}")
        if last_day < first_day:
            first_day, last_day = last_day, first_day
        start, end = range_bounds(first_day, last_day)
        params = _bounds(start, end)
        summary = self.summary(start, end)
        rows: list[ReportRow] = []
        notes: list[str] = []
        if kind == "day":
            sold = self._sold_by_day(first_day, last_day, params)
            back = {
                d: TenderTotals(int(p), int(c), int(b))
                for d, p, c, b in self._q(
                    """SELECT date(ts, :kst), SUM(json_extract(payload, '$.points')),
                              SUM(json_extract(payload, '$.cash')), SUM(json_extract(payload, '$.bank_card'))
                       FROM entry WHERE type IN ('refund', 'void') AND ts >= :start AND ts < :end GROUP BY 1""",
                    params,
                )
            }
            day = first_day
            while day <= last_day:
                key = day.isoformat()
                count, gross = sold.get(key, (0, TenderTotals()))
                refunded = back.get(key, TenderTotals())
                rows.append(
                    ReportRow(
                        key,
                        WEEKDAY_KO[day.weekday()],
                        count,
                        gross.total - refunded.total,
                        sold=gross,
                        refunded=refunded,
                    )
                )
                day += dt.timedelta(days=1)
        elif kind == "product":
            rows = [
                ReportRow(p.sku, p.name, p.qty, p.amount) for p in self.top_products(start, end, limit=None)
            ]
            notes.append("상품별 금액은 판매 금액입니다 (환불은 상품을 나누지 않으므로 합계에서만 뺍니다).")
        elif kind == "category":
            grouped: dict[str, tuple[str, int, int]] = {}
            for p in self.top_products(start, end, limit=None):
                cid, name = category_of(p.sku) if category_of else ("", "")
                cid, name = cid or "-", name or "분류 없음"
                _, qty, amount = grouped.get(cid, (name, 0, 0))
                grouped[cid] = (name, qty + p.qty, amount + p.amount)
            rows = [
                ReportRow(cid, name, qty, amount)
                for cid, (name, qty, amount) in sorted(grouped.items(), key=lambda kv: -kv[1][2])
            ]
            notes.append("분류별 금액은 판매 금액입니다 (환불은 합계에서만 뺍니다).")
        elif kind == "tender":
            counts = self._q(
                _APPROVED
                + """SELECT COALESCE(SUM(json_extract(payload, '$.points') > 0), 0),
                            COALESCE(SUM(json_extract(payload, '$.cash') > 0), 0),
                            COALESCE(SUM(json_extract(payload, '$.bank_card') > 0), 0) FROM approved""",
                params,
            )[0]
            net = summary.net
            for key, count, amount in zip(
                ("points", "cash", "bank_card"), counts, (net.points, net.cash, net.bank_card), strict=True
            ):
                rows.append(ReportRow(key, TENDER_KO[key], int(count), amount))
        else:  # cashier
            sold_by: dict[str, tuple[int, int]] = {}
            # Grouped here, not by SQL GROUP BY: a plain read is served from the figures index
            # (no payload parsing), a GROUP BY on an expression is not (SQLite 3.40).
            for cashier, total in self._q(
                _APPROVED
                + "SELECT json_extract(payload, '$.cashier'), json_extract(payload, '$.total') FROM approved",
                params,
            ):
                count, amount = sold_by.get(str(cashier or ""), (0, 0))
                sold_by[str(cashier or "")] = (count + 1, amount + int(total))
            back_by = {
                str(c): int(a)
                for c, a in self._q(
                    """SELECT COALESCE(json_extract(payload, '$.cashier'), ''),
                              SUM(json_extract(payload, '$.points') + json_extract(payload, '$.cash')
                                  + json_extract(payload, '$.bank_card'))
                       FROM entry WHERE type IN ('refund', 'void') AND ts >= :start AND ts < :end GROUP BY 1""",
                    params,
                )
            }
            for cashier in sorted(set(sold_by) | set(back_by)):
                count, amount = sold_by.get(cashier, (0, 0))
                label = staff_name(cashier) if staff_name else cashier
                rows.append(ReportRow(cashier, label, count, amount - back_by.get(cashier, 0)))
        return Report(kind, first_day, last_day, REPORT_COLUMNS[kind], tuple(rows), summary, tuple(notes))


__all__ = ["REFUND_TYPES", "REPORT_COLUMNS", "UNDONE_TYPES", "Glance", "OfflineStatus", "SalesQueries"]
