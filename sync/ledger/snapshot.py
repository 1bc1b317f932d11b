"""What a till pulls: card states changed since a version, the issuer key, limits and its shop."""

from __future__ import annotations

from sqlalchemy import Connection, literal, select

from sync.ledger import schema as t
from sync.ledger.errors import LedgerError
from sync.ledger.programme import programme, shop_header
from sync.ledger.versions import current_version
from sync.protocol import CardState, SnapshotResponse
from sync.shared.cards.number import mask_name
from sync.shared.clock import Clock


def snapshot(conn: Connection, clock: Clock, till_id: str, since: int = 0) -> SnapshotResponse:
    till_row = conn.execute(select(t.till.c.shop_id).where(t.till.c.till_id == till_id)).first()
    if till_row is None:
        raise LedgerError("till_unknown", till_id=till_id)
    version = current_version(conn)
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
        .where(t.card.c.version > since, t.card.c.version <= version)
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
        limits=info.limits,
        shop=shop_header(conn, till_row[0]),
    )
