"""What the ledger already knows about a till's offline claims, read for one push: the snapshot
versions it was served (and when), and the offline points this till already had allowed per card
and business day and per snapshot period (the caps of ARCHITECTURE §6 are per till). Only read when the push holds offline sales."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

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


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=KST)


def _text(at: dt.datetime) -> str:
    """An instant as sales store it (UTC, microseconds): text order is time order."""
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


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
    shop_id: str,
    claims: Iterable[OfflineSale],
    received: dt.datetime,
    window: dt.timedelta,
    skew: dt.timedelta,
) -> OfflineBooks:
    """One range read of the till's earlier offline sales (on the shop's (shop, ts) index), bounded
    by the times the claims could legitimately have: a claim whose time the rules will refuse anyway
    widens nothing."""
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
    spans: list[tuple[dt.datetime, dt.datetime]] = []
    unversioned = (received - window - skew, received + skew)
    for claim in claims:
        try:
            at = parse_instant(claim.ts)
        except ValueError:
            continue
        served = books.served.get(claim.snapshot_version) if claim.snapshot_version is not None else None
        period = unversioned if claim.snapshot_version is None else None
        if served is not None:
            period = (served - skew, served + window + skew)
        if period is None or not period[0] <= at <= min(period[1], received + skew):
            continue  # the rules dispute this claim whatever was sold before it
        day = business_day_of(at)
        spans.append(
            (min(period[0], _day_start(day)), max(period[1], _day_start(day + dt.timedelta(days=1))))
        )
    if not spans:
        return books
    low, high = min(s[0] for s in spans), max(s[1] for s in spans)
    numbers = {c.card_number for c in claims}
    since = _text(unversioned[0])
    days: dict[str, dt.date | None] = {}
    for number, ts, version, points in conn.execute(
        select(
            t.sale.c.card_number, t.sale.c.ts, t.sale.c.snapshot_version, t.sale.c.points - t.sale.c.disputed
        ).where(
            t.sale.c.shop_id == shop_id,
            t.sale.c.ts >= _text(low),
            t.sale.c.ts < _text(high),
            t.sale.c.till_id == till_id,  # §6 caps are per till: each till knows only its own
            t.sale.c.status == "posted",
            t.sale.c.auth.in_(OFFLINE_AUTH),
        )
    ):
        if number in numbers:
            # Stored sale times are UTC text of one width: the business day by its date and hour.
            stem = ts[:13]
            if stem not in days:
                days[stem] = day_of(ts)
            sale_day = days[stem]
            if sale_day is not None:
                key = (number, sale_day)
                books.card_day_taken[key] = books.card_day_taken.get(key, 0) + int(points)
        if version is None and ts < since:  # same stored form: text order is time order
            continue
        bucket = None if version is None else int(version)
        books.till_period_taken[bucket] = books.till_period_taken.get(bucket, 0) + int(points)
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
