"""The anomaly scan: a period's sales read in one query, the pure rules of ``anomalies`` run over
them, an alert raised for each anomaly not alerted before; and the thresholds each programme year
keeps in ``programme.settings``.

The card's balance before a sale comes from the balance the ledger told the till after it
(``entry.card_balance``) plus what the sale took from the card; it is looked up only for sales
large enough to drain a card (most sales are a coffee or a meal). Whether a sale had an open-price
line is read only for the few sales that may have drained a card: their lines, against the skus the
shop's tills ever put on their menus with an open price (``catalogue`` entries). The rules work per
sale (a drained card, the shop's hours) and per card, on its sales split by business day.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, case, select, update

from sync.ledger import schema as t
from sync.ledger.alerts import raise_anomalies
from sync.ledger.anomalies import (
    SCANNED_KINDS,
    SETTINGS_KEY,
    Anomaly,
    ScannedSale,
    Thresholds,
    ThresholdsByDay,
    drain_floor,
    find_anomalies,
    may_drain,
    thresholds_by_day,
)
from sync.ledger.db import among
from sync.ledger.errors import LedgerError
from sync.ledger.oversight import stored_bounds
from sync.ledger.settlement import Period
from sync.shared.clock import Clock
from sync.shared.entries import CatalogueChange, Sale, parse_payload


def _settings(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _programme_row(conn: Connection, year: int | None) -> tuple[int, dict[str, Any]]:
    query = select(t.programme.c.year, t.programme.c.settings).order_by(t.programme.c.year.desc()).limit(1)
    if year is not None:
        query = query.where(t.programme.c.year == year)
    row = conn.execute(query).first()
    if row is None:
        raise LedgerError("programme_unknown", year=year) if year is not None else LedgerError("no_programme")
    return int(row[0]), _settings(row[1])


def thresholds(conn: Connection, year: int | None = None) -> tuple[int, Thresholds]:
    """The programme year (the latest when None) and its thresholds."""
    found, settings = _programme_row(conn, year)
    return found, Thresholds.from_settings(settings)


def set_thresholds(
    conn: Connection, year: int | None, changes: Mapping[str, str]
) -> tuple[int, Thresholds, Thresholds]:
    """Change a programme year's thresholds (``key=value`` as the office types them, checked
    first); returns the year, and the thresholds before and after. Other settings are kept."""
    found, settings = _programme_row(conn, year)
    before = Thresholds.from_settings(settings)
    after = before.changed(changes)
    settings[SETTINGS_KEY] = after.as_settings()
    conn.execute(
        update(t.programme)
        .where(t.programme.c.year == found)
        .values(settings=json.dumps(settings, ensure_ascii=False, sort_keys=True))
    )
    return found, before, after


def programme_thresholds(conn: Connection) -> dict[int, Thresholds]:
    """Every programme year's thresholds."""
    return {
        int(year): Thresholds.from_settings(_settings(text))
        for year, text in conn.execute(select(t.programme.c.year, t.programme.c.settings))
    }


def day_thresholds(years: Mapping[int, Thresholds]) -> Callable[[dt.date], Thresholds]:
    """A day's thresholds: those of its calendar year's programme, else of the latest programme
    before it, else of the earliest (defaults when there is no programme at all)."""
    ordered = sorted(years)

    def of(day: dt.date) -> Thresholds:
        before = [y for y in ordered if y <= day.year]
        chosen = before[-1] if before else (ordered[0] if ordered else None)
        return years[chosen] if chosen is not None else Thresholds()

    return of


def scanned_sales(conn: Connection, period: Period, balance_from: int = 0) -> list[ScannedSale]:
    """The period's posted sales that took points and kept some (not refunded in full); the card's
    balance before the sale is looked up for sales keeping at least ``balance_from`` points (the
    smallest sale that can drain a card), and left None for the others."""
    start, end = stored_bounds(period)
    s = t.sale.c
    kept = s.points - s.disputed - s.refunded_points
    told = select(t.entry.c.card_balance).where(t.entry.c.id == s.entry_id).scalar_subquery()
    query = select(
        s.entry_id,
        s.till_id,
        s.shop_id,
        s.ts,
        s.card_number,
        kept,
        s.card_part,
        s.auth,
        case((kept >= balance_from, told), else_=None),
    ).where(
        s.status == "posted",
        s.points > 0,
        s.card_number.is_not(None),
        s.ts >= start,
        s.ts < end,
        kept > 0,
    )
    found = []
    parse = dt.datetime.fromisoformat
    of = ScannedSale.of
    for entry_id, till_id, shop_id, ts, card, points, card_part, auth, balance_after in conn.execute(
        query
    ).all():
        try:
            at = parse(ts)
        except ValueError:
            continue
        if at.tzinfo is None:
            continue
        if balance_after is None:
            before = None
        elif auth == "fallback":  # refused online first: the balance told then was before the sale
            before = int(balance_after)
        else:
            before = int(balance_after) + int(card_part)
        found.append(of(entry_id, till_id, shop_id, card, at, int(points), before))
    return found


def open_price_skus(conn: Connection, shops: Collection[str]) -> dict[str, set[str]]:
    """Per shop, the skus its tills ever saved on their menus with an open price."""
    tills = select(t.till.c.till_id).where(among(conn, t.till.c.shop_id, shops))
    rows = conn.execute(
        select(t.till.c.shop_id, t.entry.c.payload)
        .select_from(t.entry.join(t.till, t.till.c.till_id == t.entry.c.till_id))
        .where(t.entry.c.type == "catalogue", t.entry.c.till_id.in_(tills))
    )
    skus: dict[str, set[str]] = defaultdict(set)
    for shop_id, text in rows:
        change = parse_payload("catalogue", _settings(text))
        item = change.item if isinstance(change, CatalogueChange) and change.action == "item" else None
        if item and item.get("open_price") is True and isinstance(item.get("sku"), str):
            skus[shop_id].add(item["sku"])
    return skus


def with_open_prices(conn: Connection, sales: list[ScannedSale], ths: ThresholdsByDay) -> list[ScannedSale]:
    """The sales, with ``open_price`` set on those that may have drained their card."""
    candidates = {s.entry_id: s for s in sales if s.balance_before is not None and may_drain(s, ths[s.day])}
    if not candidates:
        return sales
    open_skus = open_price_skus(conn, {s.shop_id for s in candidates.values()})
    marked: set[str] = set()
    for entry_id, text in conn.execute(
        select(t.entry.c.id, t.entry.c.payload).where(among(conn, t.entry.c.id, list(candidates)))
    ):
        sale = parse_payload("sale", _settings(text))
        skus = open_skus.get(candidates[entry_id].shop_id, set())
        if isinstance(sale, Sale) and any(line.sku in skus for line in sale.lines):
            marked.add(entry_id)
    return [s._replace(open_price=True) if s.entry_id in marked else s for s in sales]


@dataclass(frozen=True)
class ScanResult:
    period: Period
    sales: int  # sales the rules looked at
    found: int  # anomalies the rules found (raised now or before)
    raised: tuple[Anomaly, ...]  # alerts raised by this scan
    by_kind: Mapping[str, int] = field(default_factory=dict)  # found, per rule

    def summary(self) -> dict[str, Any]:
        """What the audit log keeps of a scan."""
        return {
            "sales": self.sales,
            "found": self.found,
            "raised": len(self.raised),
            "by_kind": dict(self.by_kind),
        }


def scan(conn: Connection, clock: Clock, period: Period) -> ScanResult:
    """Run every rule over the period's sales and raise what was not raised before."""
    years = programme_thresholds(conn)
    floor = min((drain_floor(th) for th in [Thresholds(), *years.values()]), default=0)
    sales = scanned_sales(conn, period, floor)
    ths = thresholds_by_day(sales, day_thresholds(years))
    sales = with_open_prices(conn, sales, ths)
    anomalies = find_anomalies(sales, ths)
    raised = raise_anomalies(conn, clock, anomalies)
    by_kind = {kind: sum(1 for a in anomalies if a.kind == kind) for kind in SCANNED_KINDS}
    return ScanResult(period, len(sales), len(anomalies), tuple(raised), by_kind)
