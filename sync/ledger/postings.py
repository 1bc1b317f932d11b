"""The one way money moves: ``Transaction`` values written by ``PostingWriter`` (txn and posting rows
and the balance projection, in bulk), for a single office operation and for a whole push alike.

``account.balance`` is a projection of the postings kept in the same database transaction
(``verify`` rebuilds it). Balances change in account-name order, the order every writer locks them in.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, bindparam, insert, select, text, update

from sync.ledger import schema as t
from sync.ledger.db import among, insert_rows, is_postgres
from sync.ledger.errors import LedgerError
from sync.ledger.transaction import Transaction
from sync.shared.clock import Clock

__all__ = ["PostingWriter", "Transaction", "account_balance", "add_to_balances", "ensure_accounts", "post"]

ADD_TO_BALANCE = (
    update(t.account)
    .where(t.account.c.name == bindparam("n"))
    .values(balance=t.account.c.balance + bindparam("d"))
)
PG_ADD_TO_BALANCES = text(
    "UPDATE account SET balance = account.balance + v.d "
    "FROM unnest(CAST(:n AS text[]), CAST(:d AS bigint[])) AS v(n, d) WHERE account.name = v.n"
)


def stamp(clock: Clock) -> str:
    """The stored form of an instant: ISO 8601 in UTC, microseconds."""
    return clock().isoformat(timespec="microseconds")


class PostingWriter:
    """Collects transactions in memory and writes them with one statement per table.

    ``balances`` (card account -> balance) is kept current as transactions are added, so the rules
    deciding the next entry of a push see what the previous one did.
    """

    def __init__(self, clock: Clock, balances: dict[str, int] | None = None) -> None:
        self.created_at = stamp(clock)  # one instant for every transaction of one database transaction
        self.balances = balances if balances is not None else {}
        self.txns: list[dict[str, object]] = []
        self.postings: list[dict[str, object]] = []
        self.deltas: dict[str, int] = defaultdict(int)
        self.touched_cards: set[str] = set()

    def add(self, txn: Transaction, txn_id: str | None = None) -> str | None:
        """Queue one transaction; returns its id (None when it moves nothing, and nothing is written)."""
        if txn.empty:
            return None
        txn_id = txn_id or uuid.uuid4().hex
        self.txns.append(
            {
                "id": txn_id,
                "kind": txn.kind,
                "entry_id": txn.entry_id,
                "created_at": self.created_at,
                "memo": txn.memo,
            }
        )
        for account, amount in txn.moves:
            self.postings.append({"txn_id": txn_id, "account": account, "amount": amount})
            self.deltas[account] += amount
            if account.startswith("card:"):
                self.balances[account] = self.balances.get(account, 0) + amount
                self.touched_cards.add(account[5:])
        return txn_id

    def write(self, conn: Connection) -> None:
        if not self.txns:
            return
        insert_rows(conn, t.txn, self.txns)
        insert_rows(conn, t.posting, self.postings)
        add_to_balances(conn, [(a, d) for a, d in self.deltas.items() if d])
        self.txns, self.postings, self.deltas = [], [], defaultdict(int)


def post(conn: Connection, clock: Clock, txn: Transaction) -> str | None:
    """Write one transaction now (an office operation)."""
    writer = PostingWriter(clock)
    txn_id = writer.add(txn)
    writer.write(conn)
    return txn_id


def add_to_balances(conn: Connection, changes: Sequence[tuple[str, int]]) -> None:
    """Change balances in account-name order, the order every writer locks them in."""
    changes = sorted(changes)
    if not changes:
        return
    if not is_postgres(conn):
        conn.execute(ADD_TO_BALANCE, [{"n": a, "d": d} for a, d in changes])
        return
    # Card accounts are locked before a push is applied; lock the shared ones (fund, shop,
    # shortfall) in name order too, then change every balance in one statement.
    shared = [a for a, _ in changes if not a.startswith("card:")]
    if shared:
        conn.execute(
            select(t.account.c.name)
            .where(among(conn, t.account.c.name, shared))
            .order_by(t.account.c.name)
            .with_for_update(key_share=True)  # FOR NO KEY UPDATE: postings hold FOR KEY SHARE
        )
    conn.execute(PG_ADD_TO_BALANCES, {"n": [a for a, _ in changes], "d": [d for _, d in changes]})


def ensure_accounts(conn: Connection, accounts: dict[str, str]) -> None:
    """Create the named accounts (name -> kind) that do not exist yet, at balance 0."""
    if not accounts:
        return
    present = {
        r[0] for r in conn.execute(select(t.account.c.name).where(t.account.c.name.in_(list(accounts))))
    }
    missing = [{"name": n, "kind": k, "balance": 0} for n, k in accounts.items() if n not in present]
    if missing:
        conn.execute(insert(t.account), missing)


def account_balance(conn: Connection, account: str, lock: bool = False) -> int:
    query = select(t.account.c.balance).where(t.account.c.name == account)
    if lock:
        # FOR NO KEY UPDATE: postings' foreign keys take FOR KEY SHARE on the same row.
        query = query.with_for_update(key_share=True)
    row = conn.execute(query).first()
    if row is None:
        raise LedgerError("unknown_account", account=account)
    return int(row[0])


def card_balances(conn: Connection, numbers: Iterable[str]) -> dict[str, int]:
    """Lock and read the card accounts of ``numbers``, in name order (card rows are locked first)."""
    names = sorted(f"card:{n}" for n in set(numbers))
    if not names:
        return {}
    rows = conn.execute(
        select(t.account.c.name, t.account.c.balance)
        .where(among(conn, t.account.c.name, names))
        .order_by(t.account.c.name)
        .with_for_update(key_share=True)
    )
    return {name: int(balance) for name, balance in rows}
