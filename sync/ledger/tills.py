"""The till fleet: list the tills, disable and enable one, give one a new token; and the check every
till request makes inside its own database work that the till is still active and its token current.

A till's token is checked once at the door (``guard``) and then trusted for a few seconds
(``till_tokens``), so a till disabled or given a new token in another process would still pass the
door for that long. The door hands on the hash of the token it checked (``TillRecord.token_hash``);
the push, the snapshot and the entries a till reads compare it with the till's row in the same
database work (``current_till``), so a disabled till and a replaced token are refused at once.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, func, select, update

from sync.ledger import audit
from sync.ledger import schema as t
from sync.ledger.errors import LedgerError
from sync.ledger.programme import token_hash
from sync.shared.clock import Clock


@dataclass(frozen=True)
class TillRow:
    """What a till request needs of its till's row."""

    shop_id: str
    active: bool
    token_hash: str


def current_till(till_id: str, row: TillRow | None, presented: str | None) -> str:
    """The till's shop, or ``till_unknown`` when the till is unknown, disabled, or its token was
    replaced since ``presented`` (the hash of the token the request carried; None: not checked)."""
    if row is None or not row.active or (presented is not None and presented != row.token_hash):
        raise LedgerError("till_unknown", till_id=till_id)
    return row.shop_id


def read_till(conn: Connection, till_id: str, presented: str | None) -> str:
    """``current_till`` on the till's row as this connection sees it now."""
    found = conn.execute(
        select(t.till.c.shop_id, t.till.c.active, t.till.c.token_hash).where(t.till.c.till_id == till_id)
    ).first()
    return current_till(till_id, TillRow(found[0], bool(found[1]), found[2]) if found else None, presented)


@dataclass(frozen=True)
class TillInfo:
    """A till as the office sees it."""

    till_id: str
    shop_id: str
    shop_name: str
    enrolled_at: str  # ISO 8601, UTC
    active: bool
    last_seq: int | None  # the last entry the ledger holds, and when it was received
    last_received_at: str | None
    held: int  # entries waiting for a missing earlier one
    last_snapshot_version: int | None  # the newest snapshot served, and when it was first served
    last_snapshot_at: str | None


def tills(conn: Connection, shop_id: str | None = None) -> list[TillInfo]:
    """Every till (of one shop), by shop and till id. Each figure is one index lookup per till."""
    till, entry, snap = t.till, t.entry, t.till_snapshot
    last_entry = (
        select(entry.c.seq).where(entry.c.till_id == till.c.till_id).order_by(entry.c.seq.desc()).limit(1)
    )
    last_snapshot = (
        select(snap.c.version)
        .where(snap.c.till_id == till.c.till_id)
        .order_by(snap.c.version.desc())
        .limit(1)
    )
    query = (
        select(
            till.c.till_id,
            till.c.shop_id,
            t.shop.c.name,
            till.c.created_at,
            till.c.active,
            last_entry.scalar_subquery(),
            last_entry.with_only_columns(entry.c.received_at).scalar_subquery(),
            select(func.count())
            .select_from(t.held_entry)
            .where(t.held_entry.c.till_id == till.c.till_id)
            .scalar_subquery(),
            last_snapshot.scalar_subquery(),
            last_snapshot.with_only_columns(snap.c.served_at).scalar_subquery(),
        )
        .join(t.shop, t.shop.c.shop_id == till.c.shop_id)
        .order_by(till.c.shop_id, till.c.till_id)
    )
    if shop_id is not None:
        query = query.where(till.c.shop_id == shop_id)
    return [
        TillInfo(
            r[0],
            r[1],
            r[2],
            r[3],
            bool(r[4]),
            int(r[5]) if r[5] is not None else None,
            r[6],
            int(r[7]),
            int(r[8]) if r[8] is not None else None,
            r[9],
        )
        for r in conn.execute(query)
    ]


def _locked(conn: Connection, till_id: str) -> TillRow:
    """The till's row, locked until the office's change commits (a push of the till waits)."""
    found = conn.execute(
        select(t.till.c.shop_id, t.till.c.active, t.till.c.token_hash)
        .where(t.till.c.till_id == till_id)
        .with_for_update()
    ).first()
    if found is None:
        raise LedgerError("till_unknown", till_id=till_id)
    return TillRow(found[0], bool(found[1]), found[2])


def set_active(
    conn: Connection, clock: Clock, till_id: str, active: bool, operator: str, reason: str = ""
) -> None:
    """Disable a till (a stolen or retired PC: its pushes and reads are refused from the commit on)
    or enable it again; audited with the reason."""
    row = _locked(conn, till_id)
    if active and row.active:
        raise LedgerError("till_already_active", till_id=till_id)
    if not active and not row.active:
        raise LedgerError("till_already_disabled", till_id=till_id)
    if not active and not reason.strip():
        raise LedgerError("till_needs_reason", till_id=till_id)
    conn.execute(update(t.till).where(t.till.c.till_id == till_id).values(active=active))
    audit.record(
        conn,
        clock,
        operator,
        "enable_till" if active else "disable_till",
        till_id,
        args={"shop_id": row.shop_id, **({"reason": reason} if reason else {})},
        before={"active": row.active},
        after={"active": active},
    )


@dataclass(frozen=True)
class NewToken:
    """A till's new token, shown once (the ledger keeps only its hash)."""

    till_id: str
    shop_id: str
    token: str
    active: bool


def rotate_token(conn: Connection, clock: Clock, till_id: str, operator: str) -> NewToken:
    """Give a till a new token; the old one is refused from the commit on. Audited (never the token)."""
    row = _locked(conn, till_id)
    token = secrets.token_urlsafe(32)
    conn.execute(update(t.till).where(t.till.c.till_id == till_id).values(token_hash=token_hash(token)))
    audit.record(
        conn,
        clock,
        operator,
        "rotate_till_token",
        till_id,
        args={"shop_id": row.shop_id},
        before={"token": "replaced", "active": row.active},
        after={"token": "new", "active": row.active},
    )
    return NewToken(till_id, row.shop_id, token, row.active)
