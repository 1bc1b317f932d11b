"""The working set of one push: its locked cards and balances, the sales it touches, and what it
writes at the end (entries, sales, postings, card changes, alerts) in one statement per table."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from sync.ledger import schema as t
from sync.ledger.alerts import raise_alerts
from sync.ledger.db import among, insert_rows
from sync.ledger.offline_books import OFFLINE_AUTH, day_of, load_offline_books, offline_sales
from sync.ledger.postings import PostingWriter, card_balances
from sync.ledger.rules import MAX_CLOCK_SKEW, Books, CardView, Decision, SaleBook
from sync.ledger.versions import touch_cards
from sync.protocol import TillLimits
from sync.shared.clock import Clock
from sync.shared.entries import (
    FOLLOW_UP_CLASSES,
    EntryPayload,
    InvalidPayload,
    Refund,
    Sale,
    SaleFallback,
)

# Entries that refer to an earlier sale (``ref``); Void is a Refund.
# What an entry may change on an existing sale row.
SALE_MUTABLE = (
    "status",
    "auth",
    "card_part",
    "shortfall",
    "refunded_points",
    "refunded_card",
    "refunded_total",
    "refunded_cash",
    "refunded_bank_card",
    "disputed",
)
UPDATE_SALE = (
    update(t.sale)
    .where(t.sale.c.entry_id == bindparam("eid"))
    .values({k: bindparam(k) for k in SALE_MUTABLE})
)


@dataclass
class PushState:
    conn: Connection
    clock: Clock
    till_id: str
    shop_id: str
    cards: dict[str, CardView]  # card number -> state (rows locked)
    writer: PostingWriter  # holds the locked card balances, kept current
    sales: dict[str, SaleBook]  # entry id -> the sale as it stands in this push
    stored_sales: set[str]  # of those, the ones already in the database
    books: Books
    received_at: str
    card_day_taken: dict[tuple[str, dt.date], int] = field(default_factory=dict)  # the books' counters
    till_period_taken: dict[int | None, int] = field(default_factory=dict)
    claims: list[dict[str, Any]] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)
    changed_sales: dict[str, None] = field(default_factory=dict)  # insertion-ordered set
    changed_cards: set[str] = field(default_factory=set)
    alerts: list[tuple[str, str | None, str]] = field(default_factory=list)

    def sale(self, entry_id: str) -> SaleBook | None:
        return self.sales.get(entry_id)

    def alert(self, kind: str, detail: str) -> None:
        self.alerts.append((kind, self.till_id, detail))

    def keep(self, decision: Decision) -> int | None:
        """Take in what the rules decided; returns the card balance the till is told."""
        for txn in decision.transactions:
            self.writer.add(txn)
        if decision.sale is not None:
            self._count_offline(self.sales.get(decision.sale.entry_id), decision.sale)
            self.sales[decision.sale.entry_id] = decision.sale
            self.changed_sales[decision.sale.entry_id] = None
        for number, status in decision.card_status:
            card = self.cards[number]
            self.cards[number] = CardView(card.number, status, card.expires_on, card.replaced_by)
            self.changed_cards.add(number)
        for alert in decision.alerts:
            self.alert(alert.kind, alert.detail)
        for claim in decision.claims:
            self.claims.append(
                {
                    "id": uuid.uuid4().hex,
                    "entry_id": claim.entry_id,
                    "till_id": self.till_id,
                    "shop_id": self.shop_id,
                    "amount": claim.amount,
                    "reason": claim.reason[:64],
                    "status": "open",
                    "raised_at": self.received_at,
                    "note": "",
                }
            )
        return self.writer.balances.get(decision.balance_of) if decision.balance_of else None

    def _count_offline(self, before: SaleBook | None, after: SaleBook) -> None:
        """An offline sale just posted counts against its card's day and its till's snapshot period."""
        newly = before is None or before.status != "posted"
        if not (newly and after.status == "posted" and after.auth in OFFLINE_AUTH and after.card_number):
            return
        day = day_of(after.ts)
        if day is not None:
            key = (after.card_number, day)
            self.card_day_taken[key] = self.card_day_taken.get(key, 0) + after.posted_points
        version = after.snapshot_version
        self.till_period_taken[version] = self.till_period_taken.get(version, 0) + after.posted_points

    def flush(self, held: list[dict[str, Any]], released: list[int]) -> None:
        conn = self.conn
        insert_rows(conn, t.entry, self.entries)
        insert_rows(conn, t.held_entry, held)
        if released:
            conn.execute(
                t.held_entry.delete().where(
                    t.held_entry.c.till_id == self.till_id, among(conn, t.held_entry.c.seq, released)
                )
            )
        fresh = [vars(self.sales[i]) for i in self.changed_sales if i not in self.stored_sales]
        insert_rows(conn, t.sale, fresh)
        updated = [
            {"eid": i, **{k: getattr(self.sales[i], k) for k in SALE_MUTABLE}}
            for i in self.changed_sales
            if i in self.stored_sales
        ]
        if updated:
            conn.execute(UPDATE_SALE, updated)
        # Balances change in account-name order, the same order every push locks them in.
        self.writer.write(conn)
        for number in sorted(self.changed_cards):
            conn.execute(
                update(t.card).where(t.card.c.number == number).values(status=self.cards[number].status)
            )
        insert_rows(conn, t.dispute, self.claims)
        if self.claims:
            total = sum(int(c["amount"]) for c in self.claims)
            first = "; ".join(f"{c['entry_id']} {c['amount']} ({c['reason']})" for c in self.claims[:5])
            more = f" and {len(self.claims) - 5} more" if len(self.claims) > 5 else ""
            self.alert(
                "offline_claim_disputed",
                f"{len(self.claims)} offline claim(s), {total} won, disputed: {first}{more}",
            )
        raise_alerts(conn, self.clock, self.alerts)
        touch_cards(conn, self.writer.touched_cards | self.changed_cards)


def open_push(
    conn: Connection,
    clock: Clock,
    till_id: str,
    shop_id: str,
    limits: TillLimits,
    payloads: Iterable[tuple[str, str, EntryPayload | InvalidPayload]],
) -> PushState:
    """Lock the cards the entries (id, till time, payload) name, and the sales they refer to, in a
    fixed order; read what the offline rules need when the push holds offline claims (offline sales,
    and online sales a fallback of the same push may turn into one)."""
    numbers: set[str] = set()
    refs: set[str] = set()
    candidates: dict[str, tuple[str, str, int | None]] = {}
    offline: list[tuple[str, str, int | None]] = []
    fallbacks: set[str] = set()
    for entry_id, ts, payload in payloads:
        if isinstance(payload, Sale | Refund) and payload.card is not None:
            numbers.add(payload.card.number)
        if isinstance(payload, Sale) and payload.card is not None and payload.points:
            claim = (payload.card.number, ts, payload.snapshot_version)
            if payload.auth == "offline":
                offline.append(claim)
            else:
                candidates[entry_id] = claim
        if isinstance(payload, FOLLOW_UP_CLASSES):
            refs.add(payload.ref)
        if isinstance(payload, SaleFallback):
            fallbacks.add(payload.ref)
    offline += [claim for entry_id, claim in candidates.items() if entry_id in fallbacks]
    sales: dict[str, SaleBook] = {}
    if refs:
        for row in conn.execute(select(t.sale).where(among(conn, t.sale.c.entry_id, refs))).mappings():
            sales[row["entry_id"]] = SaleBook(**row)
            if row["card_number"]:
                numbers.add(row["card_number"])
    cards: dict[str, CardView] = {}
    if numbers:
        # Replacement cards receive refunds for their predecessors: lock them as well. (Asked in
        # the lock's own statement, an OR with a subquery, PostgreSQL scans every card: 0.2 s a push.)
        rows = conn.execute(
            select(t.card.c.replaced_by).where(among(conn, t.card.c.number, sorted(numbers)))
        ).all()
        numbers |= {r[0] for r in rows if r[0]}
        # Fixed lock order (card number) so two pushes touching the same cards never deadlock.
        for number, status, expires_on, replaced_by, revoked_version in conn.execute(
            select(
                t.card.c.number,
                t.card.c.status,
                t.card.c.expires_on,
                t.card.c.replaced_by,
                t.card.c.revoked_version,
            )
            .where(among(conn, t.card.c.number, sorted(numbers)))
            .order_by(t.card.c.number)
            .with_for_update()
        ):
            cards[number] = CardView(number, status, expires_on, replaced_by, revoked_version)
    writer = PostingWriter(clock, card_balances(conn, cards))
    now = clock()
    window = dt.timedelta(seconds=limits.snapshot_max_age_seconds)
    claims = offline_sales(offline, sales.values())
    known = load_offline_books(conn, till_id, shop_id, claims, now, window, MAX_CLOCK_SKEW)
    books = Books(
        till_id,
        shop_id,
        cards,
        writer.balances,
        offline_card_cap=limits.offline_card_daily_cap,
        offline_till_cap=limits.offline_till_cap,
        snapshot_max_age=window,
        received_at=now,
        current_version=known.current_version,
        served=known.served,
        card_day_taken=known.card_day_taken,
        till_period_taken=known.till_period_taken,
    )
    received = now.astimezone(dt.UTC).isoformat(timespec="microseconds")
    return PushState(
        conn,
        clock,
        till_id,
        shop_id,
        cards,
        writer,
        sales,
        set(sales),
        books,
        received,
        known.card_day_taken,
        known.till_period_taken,
    )
