"""Disputed offline claims: what the rules did not allow, waiting for the office, and its decision.

Accepting a claim pays it disputed -> shop (the fund takes the loss, as for a shortfall); rejecting
closes it with no money moved. Either way the claim keeps who decided, when and why, and an alert
records the decision: the office's action is audited in the ledger itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select, update

from sync.ledger import schema as t
from sync.ledger.alerts import raise_alert
from sync.ledger.errors import LedgerError
from sync.ledger.postings import ensure_accounts, post, stamp
from sync.ledger.transaction import DISPUTED, Transaction, shop_account
from sync.shared.clock import Clock


@dataclass(frozen=True)
class DisputeRecord:
    id: str
    entry_id: str
    till_id: str
    shop_id: str
    amount: int
    reason: str
    status: str
    raised_at: str
    resolved_at: str | None
    resolved_by: str | None
    note: str


def disputes(conn: Connection, status: str | None = None) -> list[DisputeRecord]:
    query = select(
        t.dispute.c.id,
        t.dispute.c.entry_id,
        t.dispute.c.till_id,
        t.dispute.c.shop_id,
        t.dispute.c.amount,
        t.dispute.c.reason,
        t.dispute.c.status,
        t.dispute.c.raised_at,
        t.dispute.c.resolved_at,
        t.dispute.c.resolved_by,
        t.dispute.c.note,
    ).order_by(t.dispute.c.raised_at, t.dispute.c.id)
    if status is not None:
        query = query.where(t.dispute.c.status == status)
    return [DisputeRecord(*row) for row in conn.execute(query)]


def resolve_dispute(
    conn: Connection, clock: Clock, dispute_id: str, accept: bool, note: str, operator: str
) -> DisputeRecord:
    """Accept (pay the shop from ``disputed``) or reject an open claim, with a note; audited."""
    if not note.strip():
        raise LedgerError("dispute_needs_note", dispute=dispute_id)
    row = (
        conn.execute(select(t.dispute).where(t.dispute.c.id == dispute_id).with_for_update())
        .mappings()
        .first()
    )
    if row is None:
        raise LedgerError("dispute_unknown", dispute=dispute_id)
    if row["status"] != "open":
        raise LedgerError("dispute_closed", dispute=dispute_id, status=row["status"])
    txn_id = None
    if accept:
        sale_status = conn.execute(
            select(t.sale.c.status).where(t.sale.c.entry_id == row["entry_id"])
        ).scalar()
        if sale_status != "posted":
            raise LedgerError("dispute_sale_not_posted", dispute=dispute_id, status=sale_status)
        ensure_accounts(conn, {DISPUTED: "disputed"})  # ledgers created before revision 0004
        moves = [(DISPUTED, -int(row["amount"])), (shop_account(row["shop_id"]), int(row["amount"]))]
        txn_id = post(conn, clock, Transaction.of("dispute", row["entry_id"], moves, note[:200]))
    status = "accepted" if accept else "rejected"
    conn.execute(
        update(t.dispute)
        .where(t.dispute.c.id == dispute_id)
        .values(status=status, resolved_at=stamp(clock), resolved_by=operator[:64], note=note, txn_id=txn_id)
    )
    raise_alert(
        conn,
        clock,
        f"dispute_{status}",
        row["till_id"],
        f"dispute {dispute_id} ({row['amount']} won, sale {row['entry_id']}) {status} by {operator}: {note}",
    )
    return next(d for d in disputes(conn) if d.id == dispute_id)
