"""The office's dashboard: one programme year at a glance — participants, points granted, spent and
unspent, spending by shop and by day, alerts waiting, tills not heard from.

Spending comes from the oversight report (``oversight.spending``), alerts from ``alerts``, tills
from ``tills``: this module adds only the year's counts and sums, and reads them all at one instant.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, func, literal_column, select

from sync.ledger import alerts as _alerts
from sync.ledger import oversight as _oversight
from sync.ledger import schema as t
from sync.ledger import tills as _tills
from sync.ledger.settlement import Period
from sync.shared.clock import business_day_of

DAYS_SHOWN = 30
QUIET_AFTER = dt.timedelta(days=1)
ALERTS_SHOWN = 5


@dataclass(frozen=True)
class YearTotals:
    year: int
    participants: int  # registered, whatever their eligibility
    granted_participants: int  # who received the year's grant
    granted: int  # won
    spent: int  # won: points the shops were credited in the year, less refunds
    unspent: int  # won still on the year's cards


@dataclass(frozen=True)
class Dashboard:
    today: dt.date  # KST business day
    totals: YearTotals | None  # None before the first programme year
    period: Period  # the year's spending so far
    by_shop: list[_oversight.SpendingRow]
    by_day: list[_oversight.SpendingRow]  # every one of the last DAYS_SHOWN days, oldest first
    alerts_open: int
    alerts: list[_alerts.AlertRecord]  # the newest open ones
    quiet_tills: list[_tills.TillInfo]  # active tills with nothing received for QUIET_AFTER


def quiet_tills(tills: list[_tills.TillInfo], now: dt.datetime) -> list[_tills.TillInfo]:
    """Active tills the ledger has received nothing from for a day (never, for a new till: since
    its enrolment)."""
    return [
        till
        for till in tills
        if till.active
        and now - dt.datetime.fromisoformat(till.last_received_at or till.enrolled_at) >= QUIET_AFTER
    ]


def days_filled(rows: list[_oversight.SpendingRow], period: Period) -> list[_oversight.SpendingRow]:
    """One row per business day of the period, the days without sales at zero."""
    found = {row.key: row for row in rows}
    days = [period.start + dt.timedelta(days=n) for n in range((period.end - period.start).days + 1)]
    return [
        found.get(d.isoformat(), _oversight.SpendingRow(d.isoformat(), d.isoformat(), 0, 0, 0, 0, 0))
        for d in days
    ]


def _year_totals(conn: Connection, year: int, spent: int) -> YearTotals:
    participants = conn.execute(select(func.count()).select_from(t.participant)).scalar_one()
    granted_count, granted = conn.execute(
        select(func.count(), func.coalesce(func.sum(t.grant.c.amount), 0)).where(t.grant.c.year == year)
    ).one()
    unspent = conn.execute(
        select(func.coalesce(func.sum(t.account.c.balance), 0))
        .select_from(t.card.join(t.account, t.account.c.name == literal_column("'card:'") + t.card.c.number))
        .where(t.card.c.year == year)
    ).scalar_one()
    return YearTotals(year, int(participants), int(granted_count), int(granted), spent, int(unspent))


def dashboard(conn: Connection, now: dt.datetime) -> Dashboard:
    today = business_day_of(now)
    year = conn.execute(select(func.max(t.programme.c.year))).scalar_one_or_none()
    start = dt.date(year, 1, 1) if year is not None else today
    period = Period(start, max(start, today))
    by_shop = _oversight.spending(conn, "shop", period)
    last_days = Period(today - dt.timedelta(days=DAYS_SHOWN - 1), today)
    by_day = days_filled(_oversight.spending(conn, "day", last_days), last_days)
    totals = _year_totals(conn, year, sum(r.net for r in by_shop)) if year is not None else None
    alerts_open = conn.execute(
        select(func.count()).select_from(t.alert).where(t.alert.c.status == "open")
    ).scalar_one()
    return Dashboard(
        today,
        totals,
        period,
        by_shop,
        by_day,
        int(alerts_open),
        _alerts.alert_list(conn, status="open", limit=ALERTS_SHOWN),
        quiet_tills(_tills.tills(conn), now),
    )
