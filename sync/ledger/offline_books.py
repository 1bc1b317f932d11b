"""What the ledger already knows about a till's offline claims, read for one push: the snapshot
versions it was served (and when), and the offline points this till already had allowed per card
and business day and per snapshot period (the caps of ARCHITECTURE §6 are per till). Only read when the push holds offline sales."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, and_, func, or_, select

from sync.ledger import schema as t
from sync.ledger.db import among
from sync.ledger.rules import SaleBook
from sync.ledger.versions import current_version
from sync.shared.clock import KST, business_day_of, parse_instant

OFFLINE_AUTH = ("offline", "fallback")


def day_of(ts: str) -> dt.date | None:
    try:
        return business_day_of(parse_instant(ts))
    except ValueError:
        return None


def _utc_text(day: dt.date) -> str:
    start = dt.datetime.combine(day, dt.time(), tzinfo=KST).astimezone(dt.UTC)
    return start.isoformat(timespec="microseconds")


@dataclass
class OfflineBooks:
    current_version: int = 0
    served: dict[int, dt.datetime] = field(default_factory=dict)
    card_day_taken: dict[tuple[str, dt.date], int] = field(default_factory=dict)
    till_period_taken: dict[int | None, int] = field(default_factory=dict)


@dataclass(frozen=True)
class OfflineSale:
    """An offline sale (or a fallback's sale) of this push: card, till time, snapshot it claims."""

    card_number: str
    ts: str
    snapshot_version: int | None


def load_offline_books(
    conn: Connection,
    till_id: str,
    claims: Iterable[OfflineSale],
    received: dt.datetime,
    window: dt.timedelta,
) -> OfflineBooks:
    claims = list(claims)
    books = OfflineBooks()
    if not claims:
        return books
    books.current_version = current_version(conn)
    versions = sorted({c.snapshot_version for c in claims if c.snapshot_version is not None})
    if versions:
        for version, served_at in conn.execute(
            select(t.till_snapshot.c.version, t.till_snapshot.c.served_at).where(
                t.till_snapshot.c.till_id == till_id, among(conn, t.till_snapshot.c.version, versions)
            )
        ):
            books.served[int(version)] = parse_instant(served_at)
    days = [d for d in (day_of(c.ts) for c in claims) if d is not None]
    posted = and_(t.sale.c.status == "posted", t.sale.c.auth.in_(OFFLINE_AUTH))
    amount = t.sale.c.points - t.sale.c.disputed
    if days:
        numbers = sorted({c.card_number for c in claims})
        low, high = _utc_text(min(days)), _utc_text(max(days) + dt.timedelta(days=1))
        for number, ts, points in conn.execute(
            select(t.sale.c.card_number, t.sale.c.ts, amount).where(
                posted,
                t.sale.c.till_id == till_id,  # §6 caps are per till: each till knows only its own
                among(conn, t.sale.c.card_number, numbers),
                t.sale.c.ts >= low,
                t.sale.c.ts < high,
            )
        ):
            day = day_of(ts)
            if day is not None:
                key = (number, day)
                books.card_day_taken[key] = books.card_day_taken.get(key, 0) + int(points)
    # The till's periods: each snapshot version it claims; without one, the last snapshot window.
    period = []
    if versions:
        period.append(among(conn, t.sale.c.snapshot_version, versions))
    if any(c.snapshot_version is None for c in claims):
        since = (received - window).astimezone(dt.UTC).isoformat(timespec="microseconds")
        period.append(and_(t.sale.c.snapshot_version.is_(None), t.sale.c.ts >= since))
    for version, points in conn.execute(
        select(t.sale.c.snapshot_version, func.sum(amount))
        .where(posted, t.sale.c.till_id == till_id, or_(*period))
        .group_by(t.sale.c.snapshot_version)
    ):
        books.till_period_taken[None if version is None else int(version)] = int(points or 0)
    return books


def offline_sales(
    sale_payloads: Iterable[tuple[str, str, int | None]], refs: Iterable[SaleBook]
) -> list[OfflineSale]:
    """The offline claims a push may decide: offline sales (card, ts, version) and rejected online
    sales a fallback may post."""
    found = [OfflineSale(number, ts, version) for number, ts, version in sale_payloads]
    found += [
        OfflineSale(b.card_number, b.ts, b.snapshot_version)
        for b in refs
        if b.status == "rejected" and b.card_number is not None
    ]
    return found
