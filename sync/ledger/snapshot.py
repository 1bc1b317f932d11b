"""What a till pulls: card states changed since a version, the issuer key, limits and its shop."""

from __future__ import annotations

import json

from sqlalchemy import Connection, literal, select
from sqlalchemy.dialects import postgresql, sqlite

from sync.ledger import schema as t
from sync.ledger.db import is_postgres
from sync.ledger.postings import stamp
from sync.ledger.programme import issuer_keys, programme, shop_header
from sync.ledger.tills import read_till
from sync.ledger.versions import current_version
from sync.protocol import CardState, SnapshotResponse, StoredEntry, TillEntriesResponse, WireEntry
from sync.shared.cards.number import mask_name
from sync.shared.clock import KST, Clock


def snapshot(
    conn: Connection, clock: Clock, till_id: str, since: int = 0, token_hash: str | None = None
) -> SnapshotResponse:
    """Refused (``till_unknown``) for a till unknown, disabled or whose token was replaced since
    ``token_hash`` was checked: a stolen PC reads nothing from the moment it is disabled."""
    shop_id = read_till(conn, till_id, token_hash)
    version = current_version(conn)
    head = till_head(conn, till_id)
    rows = conn.execute(
        select(
            t.card.c.number,
            t.card.c.status,
            t.card.c.issue,
            t.card.c.version,
            t.account.c.balance,
            t.participant.c.name,
        )
        .join(t.account, t.account.c.name == literal("card:") + t.card.c.number)
        .outerjoin(t.participant, t.participant.c.participant_id == t.card.c.participant_id)
        # Every visible change above ``since``, also those numbered above ``version`` (a change whose
        # transaction started while an older one still runs): sent now and possibly again next time,
        # never held back (a long report or backup transaction would otherwise stall new cards).
        .where(t.card.c.version > since)
    ).all()
    info = programme(conn)
    cards = [
        CardState(
            number=r[0],
            status=r[1],
            issue=r[2],
            version=r[3],
            balance=r[4],
            masked_name=mask_name(r[5] or ""),
        )
        for r in rows
    ]
    return SnapshotResponse(
        version=version,
        full=since == 0,
        server_time=clock(),
        cards=cards,
        issuer_public_key=info.issuer_public_key,
        issuer_keys=issuer_keys(conn, clock().astimezone(KST).date()),
        limits=info.limits,
        shop=shop_header(conn, shop_id),
        applied_through=head[0],
        head_hash=head[1],
    )


def till_head(conn: Connection, till_id: str) -> tuple[int, str | None]:
    """The till's acknowledged head: its last applied sequence (gap-free from 1) and that entry's hash."""
    row = conn.execute(
        select(t.entry.c.seq, t.entry.c.hash)
        .where(t.entry.c.till_id == till_id)
        .order_by(t.entry.c.seq.desc())
        .limit(1)
    ).first()
    return (int(row[0]), str(row[1])) if row else (0, None)


def record_served(conn: Connection, clock: Clock, till_id: str, version: int) -> None:
    """Remember that ``till_id`` was served snapshot ``version`` (first time only): the period its
    offline claims under that version are judged in."""
    dialect = postgresql if is_postgres(conn) else sqlite
    conn.execute(
        dialect.insert(t.till_snapshot)
        .values(till_id=till_id, version=version, served_at=stamp(clock))
        .on_conflict_do_nothing()
    )


def till_entries(
    conn: Connection, till_id: str, after: int, limit: int, token_hash: str | None = None
) -> TillEntriesResponse:
    """A page of the entries the ledger holds for a till, after sequence ``after``, as they were sent
    (refused like ``snapshot`` for a till disabled or whose token was replaced)."""
    read_till(conn, till_id, token_hash)
    rows = conn.execute(
        select(t.entry)
        .where(t.entry.c.till_id == till_id, t.entry.c.seq > after)
        .order_by(t.entry.c.seq)
        .limit(limit + 1)
    ).mappings()
    found = [
        StoredEntry(
            entry=WireEntry(
                id=r["id"],
                till_id=r["till_id"],
                seq=r["seq"],
                ts=r["ts"],
                type=r["type"],
                payload=json.loads(r["payload"]),
                prev_hash=r["prev_hash"],
                hash=r["hash"],
            ),
            outcome=r["status"],
            reason=r["reason"],
            card_balance=r["card_balance"],
        )
        for r in rows
    ]
    return TillEntriesResponse(
        entries=found[:limit], applied_through=till_head(conn, till_id)[0], more=len(found) > limit
    )
