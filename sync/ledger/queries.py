"""Read queries for the office and the API: balances, cards, shortfalls, sales."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, select

from sync.ledger import schema as t
from sync.ledger.errors import LedgerError
from sync.ledger.postings import account_balance
from sync.ledger.records import AccountBalance, SaleRecord, ShortfallRecord
from sync.ledger.transaction import card_account


def balances(conn: Connection) -> list[AccountBalance]:
    rows = conn.execute(select(t.account).order_by(t.account.c.name)).all()
    return [AccountBalance(r.name, r.kind, r.balance) for r in rows]


def card_balance(conn: Connection, number: str) -> int:
    return account_balance(conn, card_account(number))


def card_status(conn: Connection, number: str) -> str:
    row = conn.execute(select(t.card.c.status).where(t.card.c.number == number)).first()
    if row is None:
        raise LedgerError("card_unknown", card=number)
    return str(row[0])


def shortfalls(conn: Connection) -> list[ShortfallRecord]:
    rows = conn.execute(
        select(t.sale).where(t.sale.c.shortfall > 0, t.sale.c.status == "posted").order_by(t.sale.c.ts)
    ).mappings()
    return [
        ShortfallRecord(r["entry_id"], r["till_id"], r["shop_id"], r["card_number"], r["ts"], r["shortfall"])
        for r in rows
    ]


def _stored(at: dt.datetime) -> str:
    # Sale times are stored as the till wrote them: ISO 8601 in UTC with microseconds, which sort
    # as instants. The bounds are put in the same form so the comparison is one of instants.
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def sales(
    conn: Connection,
    shop_id: str | None = None,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
) -> list[SaleRecord]:
    query = select(t.sale).order_by(t.sale.c.till_id, t.sale.c.seq)
    if shop_id is not None:
        query = query.where(t.sale.c.shop_id == shop_id)
    if start is not None:
        query = query.where(t.sale.c.ts >= _stored(start))
    if end is not None:
        query = query.where(t.sale.c.ts < _stored(end))
    return [
        SaleRecord(
            r["entry_id"],
            r["till_id"],
            r["shop_id"],
            r["seq"],
            r["ts"],
            r["cashier"],
            r["total"],
            r["points"],
            r["cash"],
            r["bank_card"],
            r["card_number"],
            r["auth"],
            r["status"],
            r["shortfall"],
            r["refunded_points"],
            r["refunded_total"],
        )
        for r in conn.execute(query).mappings()
    ]
