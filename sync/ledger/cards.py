"""Office operations on participants and their cards: import, issue, grant, revoke and replace."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from sync.ledger import schema as t
from sync.ledger.alerts import raise_alert
from sync.ledger.db import insert_rows
from sync.ledger.errors import LedgerError
from sync.ledger.postings import PostingWriter, account_balance, ensure_accounts, post, stamp
from sync.ledger.programme import programme
from sync.ledger.records import CardRecord, GrantRecord, ParticipantRecord
from sync.ledger.transaction import Transaction, card_account, fund_account
from sync.ledger.versions import bump_version, touch_cards
from sync.shared.cards.number import make_card_number
from sync.shared.clock import Clock

SPENDABLE = ("active", "online_only")


def add_participants(conn: Connection, rows: Sequence[ParticipantRecord]) -> int:
    """Insert or update participants by the office's own id."""
    existing = {r[0] for r in conn.execute(select(t.participant.c.participant_id))}
    for row in rows:
        values = {
            "name": row.name,
            "phone": row.phone,
            "centre": row.centre,
            "workplace": row.workplace,
            "months_prev_year": row.months_prev_year,
            "active": row.active,
            "start_date": row.start_date,
        }
        if row.participant_id in existing:
            conn.execute(
                update(t.participant)
                .where(t.participant.c.participant_id == row.participant_id)
                .values(**values)
            )
        else:
            conn.execute(insert(t.participant).values(participant_id=row.participant_id, **values))
    return len(rows)


def participants(conn: Connection) -> list[ParticipantRecord]:
    rows = conn.execute(select(t.participant).order_by(t.participant.c.participant_id)).mappings().all()
    return [ParticipantRecord(**dict(r)) for r in rows]


def cards(conn: Connection, participant_id: str | None = None) -> list[CardRecord]:
    query = select(t.card).order_by(t.card.c.serial)
    if participant_id is not None:
        query = query.where(t.card.c.participant_id == participant_id)
    return [
        CardRecord(
            r["number"], r["issue"], r["expires_on"], r["participant_id"], r["status"], r["replaced_by"]
        )
        for r in conn.execute(query).mappings()
    ]


def next_card(
    conn: Connection,
    clock: Clock,
    participant_id: str | None,
    issue: int,
    expires_on: dt.date,
    year: int | None = None,
) -> CardRecord:
    serial = (conn.execute(select(func.max(t.card.c.serial))).scalar() or 0) + 1
    number = make_card_number(serial)
    conn.execute(
        insert(t.card).values(
            number=number,
            serial=serial,
            participant_id=participant_id,
            issue=issue,
            expires_on=expires_on,
            year=year,
            status="active",
            version=bump_version(conn),
            created_at=stamp(clock),
        )
    )
    ensure_accounts(conn, {card_account(number): "card"})
    return CardRecord(number, issue, expires_on, participant_id, "active")


def issue_card(conn: Connection, clock: Clock, participant_id: str) -> CardRecord:
    info = programme(conn)
    known = select(t.participant.c.participant_id).where(t.participant.c.participant_id == participant_id)
    if not conn.execute(known).first():
        raise LedgerError("participant_unknown", participant_id=participant_id)
    return next_card(conn, clock, participant_id, 1, info.expires_on, info.year)


def grant(
    conn: Connection, clock: Clock, year: int, participant_ids: Sequence[str] | None = None
) -> list[GrantRecord]:
    """Grant the year's points once to each active participant (eligibility is the office's import rule).

    Written in bulk (10,000 participants is the design load): one transaction of postings per
    participant, cards issued for those who have none.
    """
    info = programme(conn, year)
    amount = info.grant_amount
    query = select(t.participant.c.participant_id).where(t.participant.c.active.is_(True))
    if participant_ids is not None:
        query = query.where(t.participant.c.participant_id.in_(list(participant_ids)))
    done = {r[0] for r in conn.execute(select(t.grant.c.participant_id).where(t.grant.c.year == year))}
    people = [r[0] for r in conn.execute(query.order_by(t.participant.c.participant_id)) if r[0] not in done]
    if not people:
        return []
    # Each year's points go on a card of that year (its expiry, its issuer key): a participant with
    # points left from last year holds both cards until last year's expire.
    current: dict[str, str] = {}
    for pid, number in conn.execute(
        select(t.card.c.participant_id, t.card.c.number)
        .where(
            t.card.c.status.in_(SPENDABLE),
            t.card.c.participant_id.isnot(None),
            t.card.c.year == year,
        )
        .order_by(t.card.c.serial)
    ):
        current[pid] = number
    version = bump_version(conn)
    serial = conn.execute(select(func.max(t.card.c.serial))).scalar() or 0
    new_cards: list[dict[str, Any]] = []
    accounts: list[dict[str, Any]] = []
    for pid in people:
        if pid not in current:
            serial += 1
            current[pid] = make_card_number(serial)
            new_cards.append(
                {
                    "number": current[pid],
                    "serial": serial,
                    "participant_id": pid,
                    "issue": 1,
                    "expires_on": info.expires_on,
                    "year": year,
                    "status": "active",
                    "version": version,
                    "created_at": stamp(clock),
                    "replaced_by": None,
                }
            )
            accounts.append({"name": card_account(current[pid]), "kind": "card", "balance": 0})
    insert_rows(conn, t.card, new_cards)
    insert_rows(conn, t.account, accounts)
    writer = PostingWriter(clock)
    grants = []
    for pid in people:
        txn = Transaction.of(
            "grant", None, [(fund_account(year), -amount), (card_account(current[pid]), amount)], str(year)
        )
        txn_id = writer.add(txn)
        grants.append(
            {
                "participant_id": pid,
                "year": year,
                "card_number": current[pid],
                "amount": amount,
                "txn_id": txn_id,
            }
        )
    writer.write(conn)
    insert_rows(conn, t.grant, grants)
    numbers = [current[pid] for pid in people]
    for start in range(0, len(numbers), 1000):
        chunk = numbers[start : start + 1000]
        conn.execute(update(t.card).where(t.card.c.number.in_(chunk)).values(version=version))
    return [GrantRecord(pid, current[pid], amount) for pid in people]


def lock_card(conn: Connection, number: str) -> dict[str, Any]:
    row = conn.execute(select(t.card).where(t.card.c.number == number).with_for_update()).mappings().first()
    if row is None:
        raise LedgerError("card_unknown", card=number)
    return dict(row)


def revoke_card(conn: Connection, clock: Clock, number: str, reason: str) -> None:
    row = lock_card(conn, number)
    if row["status"] in ("revoked", "replaced"):
        raise LedgerError(f"card_already_{row['status']}", card=number)
    conn.execute(update(t.card).where(t.card.c.number == number).values(status="revoked"))
    touch_cards(conn, [number])
    mark_revoked_version(conn, number)
    raise_alert(conn, clock, "card_revoked", None, f"{number}: {reason}")


def mark_revoked_version(conn: Connection, number: str) -> None:
    """Remember the version at which a card stopped (the first time): tills whose snapshot is at
    least that version knew it, and their offline claims on it are disputed."""
    conn.execute(
        update(t.card)
        .where(t.card.c.number == number, t.card.c.revoked_version.is_(None))
        .values(revoked_version=t.card.c.version)
    )


def replace_card(conn: Connection, clock: Clock, number: str, reason: str) -> CardRecord:
    """Issue a new card for the same participant, move the balance and retire the old card."""
    old = lock_card(conn, number)
    if old["status"] == "replaced":
        raise LedgerError("card_already_replaced", card=number, replaced_by=old["replaced_by"])
    new = next_card(conn, clock, old["participant_id"], old["issue"] + 1, old["expires_on"], old["year"])
    balance = account_balance(conn, card_account(number), lock=True)
    moves = [(card_account(number), -balance), (card_account(new.number), balance)]
    post(conn, clock, Transaction.of("replacement", None, moves, reason))
    conn.execute(
        update(t.card).where(t.card.c.number == number).values(status="replaced", replaced_by=new.number)
    )
    touch_cards(conn, [number, new.number])
    mark_revoked_version(conn, number)
    return new
