"""Office operations that close money out: a year's expiry back to its fund, and paying a shop."""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from sync.ledger import schema as t
from sync.ledger.errors import LedgerError
from sync.ledger.postings import PostingWriter, account_balance, post
from sync.ledger.transaction import Transaction, fund_account, settled_account, shop_account
from sync.ledger.versions import touch_cards
from sync.shared.clock import Clock


def expire(conn: Connection, clock: Clock, year: int) -> int:
    """Return every unspent point of the year's cards to the fund; the cards become expired."""
    rows = conn.execute(
        select(t.account.c.name, t.account.c.balance)
        .where(t.account.c.kind == "card", t.account.c.balance > 0)
        .order_by(t.account.c.name)
        .with_for_update()
    ).all()
    writer = PostingWriter(clock)
    for name, balance in rows:
        writer.add(Transaction.of("expiry", None, [(name, -balance), (fund_account(year), balance)]))
    writer.write(conn)
    numbers = [name[5:] for name, _ in rows]
    if numbers:
        conn.execute(
            update(t.card)
            .where(t.card.c.number.in_(numbers), t.card.c.status.in_(["active", "online_only"]))
            .values(status="expired")
        )
        touch_cards(conn, numbers)
    return sum(int(balance) for _, balance in rows)


def settle(conn: Connection, clock: Clock, shop_id: str, amount: int | None = None) -> int:
    """Pay a shop what it is owed (all of it by default)."""
    balance = account_balance(conn, shop_account(shop_id), lock=True)
    amount = balance if amount is None else amount
    if amount <= 0 or amount > balance:
        raise LedgerError("settle_amount_invalid", shop_id=shop_id, owed=balance, amount=amount)
    post(
        conn,
        clock,
        Transaction.of(
            "settlement", None, [(shop_account(shop_id), -amount), (settled_account(shop_id), amount)]
        ),
    )
    return amount
