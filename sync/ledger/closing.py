"""Office operations that close money out: a year's expiry back to its fund, and paying a shop."""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from sync.ledger import schema as t
from sync.ledger.db import among
from sync.ledger.errors import LedgerError
from sync.ledger.postings import PostingWriter, account_balance, post
from sync.ledger.programme import programme
from sync.ledger.transaction import Transaction, card_account, fund_account, settled_account, shop_account
from sync.ledger.versions import touch_cards
from sync.shared.clock import KST, Clock


def expire(conn: Connection, clock: Clock, year: int, *, force: bool = False, reason: str = "") -> int:
    """Return the unspent points of the year's cards to the year's fund; those cards become expired.

    Only year ``year``'s cards: points of another year keep their own expiry. Refused for a year
    without a programme, and before the year's last spending day has passed (KST) unless forced
    with a reason (the office's audit log keeps it)."""
    info = programme(conn, year)
    today = clock().astimezone(KST).date()
    if today <= info.expires_on and not force:
        raise LedgerError("expire_too_early", year=year, expires=info.expires_on)
    if force and not reason.strip():
        raise LedgerError("expire_force_needs_reason", year=year)
    numbers = [
        r[0]
        for r in conn.execute(
            select(t.card.c.number).where(t.card.c.year == year).order_by(t.card.c.number).with_for_update()
        )
    ]
    rows = (
        conn.execute(
            select(t.account.c.name, t.account.c.balance)
            .where(among(conn, t.account.c.name, [card_account(n) for n in numbers]), t.account.c.balance > 0)
            .order_by(t.account.c.name)
            .with_for_update()
        ).all()
        if numbers
        else []
    )
    writer = PostingWriter(clock)
    for name, balance in rows:
        writer.add(
            Transaction.of("expiry", None, [(name, -balance), (fund_account(year), balance)], str(year))
        )
    writer.write(conn)
    if numbers:
        conn.execute(
            update(t.card)
            .where(among(conn, t.card.c.number, numbers), t.card.c.status.in_(["active", "online_only"]))
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
